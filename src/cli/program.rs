//! How a command the program suggests names the program: `crm-ready` when
//! that is the one a shell finds on PATH, else the path it was started by,
//! so that the command runs as printed (`cargo run --release -- assess`
//! starts target/release/crm-ready, which is not on PATH).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::core::shell_word::shell_quote;

/// The program's name as the first word of a suggested command.
pub fn program_word() -> String {
    let exe = std::env::current_exe().ok();
    word_for(exe.as_deref(), std::env::var_os("PATH").as_deref())
}

/// `crm-ready` if the first `crm-ready` on `path` is `exe` (or nothing is
/// known of `exe`), else `exe` as one shell word.
fn word_for(exe: Option<&Path>, path: Option<&OsStr>) -> String {
    const NAME: &str = "crm-ready";
    let Some(exe) = exe else { return NAME.to_string() };
    let found = path
        .map(|p| std::env::split_paths(p).map(|dir| dir.join(NAME)).find(|candidate| candidate.is_file()))
        .unwrap_or_default();
    let real = |p: &Path| -> PathBuf { p.canonicalize().unwrap_or_else(|_| p.to_path_buf()) };
    match found {
        Some(on_path) if real(&on_path) == real(exe) => NAME.to_string(),
        _ => shell_quote(&exe.to_string_lossy()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_name_when_path_finds_this_program_else_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        let build = dir.path().join("my build");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&build).unwrap();
        let exe = build.join("crm-ready");
        std::fs::write(&exe, "").unwrap();
        let path = std::env::join_paths([&bin]).unwrap();

        let started_by_path = word_for(Some(&exe), Some(&path));
        assert_eq!(started_by_path, shell_quote(&exe.to_string_lossy()), "not on PATH: its own path");
        assert!(started_by_path.starts_with('\''), "quoted for the shell: {started_by_path}");

        std::os::unix::fs::symlink(&exe, bin.join("crm-ready")).unwrap();
        assert_eq!(word_for(Some(&exe), Some(&path)), "crm-ready", "PATH finds this very program");
        std::fs::write(build.join("other"), "").unwrap();
        assert!(word_for(Some(&build.join("other")), Some(&path)).contains("my build/other"), "another one");
        assert_eq!(word_for(None, Some(&path)), "crm-ready");
    }
}
