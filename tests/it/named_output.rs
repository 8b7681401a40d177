//! Output the user names (`-o`, `man --dir`, `lint --witness`): `-` is
//! stdout for every command; a regular file is written atomically; a
//! symbolic link is followed to its file, never replaced; a named pipe or a
//! device is written through, never renamed over; a directory is refused.
//! Every run has a deadline: a write that waits for ever is a failure.

use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::round_store::{TempStore, WIDE_WORLD};
use crate::support::{Finished, ROOT, Test};

const DEADLINE: Duration = Duration::from_secs(30);

/// Runs the binary from `cwd` (so that a file named `-` would land there).
fn run_in(cwd: &Path, args: &[&str]) -> Finished {
    Test::new().current_dir(cwd).args(args).run_within(DEADLINE)
}

fn answers(name: &str) -> String {
    Path::new(ROOT).join("examples").join(name).display().to_string()
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect()
}

#[test]
fn dash_is_stdout_for_every_command_with_an_output_option() {
    let store = TempStore::new().wide_world();
    let cwd = tempfile::tempdir().unwrap();
    let s = store.path().to_str().unwrap();
    let quick = answers("answers-quick.toml");
    let commands: [(&[&str], &str); 5] = [
        (&["assess", "--answers", &quick, "--no-save", "-f", "json", "-o", "-"], "\"verdict\""),
        (&["report", "latest", "--org", WIDE_WORLD, "--store", s, "-o", "-"], "Verdict: "),
        (&["round", "--org", WIDE_WORLD, "--store", s, "-o", "-"], "Round 2026-Q4"),
        (&["trend", "--org", WIDE_WORLD, "--store", s, "-o", "-", "-f", "json"], "\"organization\""),
        (&["compare", "previous", "latest", "--org", WIDE_WORLD, "--store", s, "-o", "-"], "side by side"),
    ];
    for (args, expected) in commands {
        let out = run_in(cwd.path(), args).exits(0);
        assert!(out.stdout().contains(expected), "{args:?}:\n{}", out.stdout());
        assert!(!out.stderr().contains("written to"), "{args:?}: {}", out.stderr());
    }
    assert_eq!(entries(cwd.path()), Vec::<PathBuf>::new(), "no file named `-`");
}

#[test]
fn names_for_stdout_and_dev_null_are_written_through_not_replaced() {
    let quick = answers("answers-quick.toml");
    let cwd = tempfile::tempdir().unwrap();
    if Path::new("/dev/stdout").exists() {
        let out = run_in(cwd.path(), &["assess", "--answers", &quick, "--no-save", "-f", "json", "-o", "/dev/stdout"]);
        assert!(out.exits(0).stdout().contains("\"verdict\""), "the report reaches stdout");
        assert!(std::fs::symlink_metadata("/dev/stdout").unwrap().file_type().is_symlink(), "still a link");
    }
    run_in(cwd.path(), &["assess", "--answers", &quick, "--no-save", "-o", "/dev/null"]).exits(0);
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "still a device");
    // Our own stdout by another name, as a script might give it.
    let link = cwd.path().join("mystdout");
    symlink("/proc/self/fd/1", &link).unwrap();
    if Path::new("/proc/self/fd/1").exists() {
        let out = run_in(cwd.path(), &["assess", "--answers", &quick, "--no-save", "-o", link.to_str().unwrap()]);
        assert!(out.exits(0).stdout().contains("Verdict: "));
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }
}

#[test]
fn a_link_is_followed_to_its_file_and_a_directory_is_refused() {
    let quick = answers("answers-quick.toml");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("report.md");
    symlink(&target, &link).unwrap();
    let out = run_in(dir.path(), &["assess", "--answers", &quick, "--no-save", "-o", link.to_str().unwrap()]).exits(0);
    assert!(out.stderr().contains("report written to "), "{}", out.stderr());
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('#'), "the file the link names");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");

    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let to_sub = dir.path().join("to-sub.md");
    symlink(&sub, &to_sub).unwrap();
    let dangling = dir.path().join("dangling.md");
    symlink(dir.path().join("gone.md"), &dangling).unwrap();
    for (path, problem) in [
        (&sub, "is a directory; name a file to write"),
        (&to_sub, "is a symbolic link to a directory; name a file to write"),
        (&dangling, "is a symbolic link to nothing; name the file to write"),
    ] {
        let out =
            run_in(dir.path(), &["assess", "--answers", &quick, "--no-save", "-o", path.to_str().unwrap()]).exits(2);
        assert!(out.stderr().contains(problem), "{}", out.stderr());
        assert_eq!(out.stdout(), "");
    }
    assert!(sub.is_dir() && entries(&sub).is_empty());
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
}

#[test]
fn a_fifo_is_written_through_to_its_reader() {
    let store = TempStore::new().wide_world();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("trend.fifo");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let args = ["trend", "--org", WIDE_WORLD, "--store", store.path().to_str().unwrap(), "-f", "json"];
    run_in(dir.path(), &[&args[..], &["-o", fifo.to_str().unwrap()]].concat()).exits(0);
    assert!(reader.join().unwrap().contains("\"organization\": \"Wide World Importers\""));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still there");
}

#[test]
fn man_dir_and_lint_witness_take_directories_and_write_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostname");
    std::fs::write(&file, "box\n").unwrap();
    let out = run_in(dir.path(), &["man", "--dir", file.to_str().unwrap()]).exits(2);
    assert!(out.stderr().contains("hostname exists and is a regular file, not a directory; --dir takes a directory"));
    let out = run_in(dir.path(), &["man", "--dir", dir.path().join("none").to_str().unwrap()]).exits(2);
    assert!(out.stderr().contains("none: no such directory; create it first"), "{}", out.stderr());

    // A page name that is a link to a file of ours: that file is written,
    // the link stays; one that is a directory is refused.
    let pages = dir.path().join("man1");
    std::fs::create_dir(&pages).unwrap();
    let target = dir.path().join("kept-elsewhere.1");
    std::fs::write(&target, "old").unwrap();
    symlink(&target, pages.join("crm-ready.1")).unwrap();
    run_in(dir.path(), &["man", "--dir", pages.to_str().unwrap()]).exits(0);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with(".TH crm-ready 1"));
    assert!(std::fs::symlink_metadata(pages.join("crm-ready.1")).unwrap().file_type().is_symlink());
    std::fs::remove_file(pages.join("crm-ready-assess.1")).unwrap();
    std::fs::create_dir(pages.join("crm-ready-assess.1")).unwrap();
    let out = run_in(dir.path(), &["man", "--dir", pages.to_str().unwrap()]).exits(2);
    assert!(out.stderr().contains("crm-ready-assess.1 is a directory; name a file to write"), "{}", out.stderr());

    let out = run_in(dir.path(), &["lint", "crm-quick", "--witness", "-"]).exits(2);
    assert!(out.stderr().contains("--witness takes a directory to write several files into; `-` (stdout) is not one"));
    let out = run_in(dir.path(), &["lint", "crm-quick", "--witness", file.to_str().unwrap()]).exits(2);
    assert!(out.stderr().contains("exists and is a regular file, not a directory; --witness takes a directory"));
    assert!(!dir.path().join("-").exists());
}
