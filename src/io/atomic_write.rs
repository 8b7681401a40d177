//! The one way this program writes a file: a temporary file in the same
//! directory, flushed to disk, then renamed over the target, then the
//! directory flushed. A crash at any point leaves either the old file or the
//! new one, never a torn mix. Only a regular file (or a symbolic link, which
//! is replaced, not followed) is ever renamed over: a directory, a device
//! or a named pipe is refused, so a device node can never be turned into a
//! file. Output the user names goes through `named_output`, which decides
//! what to do with those.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Random characters in a temporary file's name (tempfile's default, set
/// here so [`is_own_temp_name`] can rely on it).
const TEMP_RANDOM_CHARS: usize = 6;

/// A temporary file this old is left from a write that never finished (a
/// `kill -9`, a power cut): a write takes milliseconds.
pub const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// The steps of an atomic write, so tests can stop between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The temporary file is written but not yet synced.
    Written,
    /// The temporary file is synced but not yet renamed.
    Synced,
    /// The rename happened; the directory is not yet synced.
    Renamed,
}

/// Writes `contents` to `path` atomically.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, contents, |_| Ok(()))
}

/// Like [`write_atomic`], calling `between` after each step; an error from
/// it aborts the write there, as a crash would (tests use it).
pub fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    mut between: impl FnMut(Step) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let existing = replaceable(path)?;
    let mut tmp = temp_file_in(dir, &name)?;
    // A replaced file keeps its permissions; a new one is readable by others
    // like any file a user saves (the temporary file starts private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing.filter(fs::Metadata::is_file).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = existing;
    tmp.write_all(contents)?;
    between(Step::Written)?;
    tmp.as_file().sync_all()?;
    between(Step::Synced)?;
    tmp.persist(path).map_err(|e| e.error)?;
    between(Step::Renamed)?;
    sync_dir(dir)
}

/// What is at `path` now (not following a symbolic link), if it may be
/// replaced: nothing, a regular file or a link. Anything else is an error.
fn replaceable(path: &Path) -> io::Result<Option<fs::Metadata>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        // The write meets the problem itself (a parent that is a file...).
        Err(_) => return Ok(None),
    };
    let kind = meta.file_type();
    if kind.is_file() || kind.is_symlink() {
        return Ok(Some(meta));
    }
    let what = if kind.is_dir() { "a directory" } else { "not a regular file (a device, a named pipe or a socket)" };
    Err(io::Error::other(format!("{} is {what}; it is not replaced", path.display())))
}

/// Writes `contents` to `path` only if nothing is there yet, atomically:
/// for files that must never be replaced once written.
pub fn create_new_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = temp_file_in(dir, "new")?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// A temporary file beside the target, with a plain error when the
/// directory is missing (rather than one naming the temporary file).
fn temp_file_in(dir: &Path, name: &str) -> io::Result<tempfile::NamedTempFile> {
    if !dir.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("the directory {} does not exist", dir.display())));
    }
    tempfile::Builder::new().prefix(&format!(".{name}.")).rand_bytes(TEMP_RANDOM_CHARS).suffix(".tmp").tempfile_in(dir)
}

/// Whether `name` is one [`temp_file_in`] makes: `.NAME.XXXXXX.tmp`, with
/// six letters or digits for the Xs.
pub fn is_own_temp_name(name: &str) -> bool {
    let Some(middle) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else { return false };
    let Some((target, random)) = middle.rsplit_once('.') else { return false };
    !target.is_empty() && random.len() == TEMP_RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes the temporary files of writes into `dir` that never finished:
/// only names [`is_own_temp_name`] accepts, only regular files, and only
/// those last changed at least [`STALE_AFTER`] before `now`, so a write in
/// progress is never touched. Best effort: what cannot be read or removed
/// stays. Returns how many were removed.
pub fn remove_stale_temp_files(dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let stale = entry.file_name().to_str().is_some_and(is_own_temp_name)
            && entry.metadata().is_ok_and(|m| {
                // `DirEntry::metadata` does not follow symlinks: a link is left alone.
                m.is_file() && m.modified().is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age >= STALE_AFTER))
            });
        if stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }

    #[test]
    fn crash_before_rename_keeps_previous_file() {
        for step in [Step::Written, Step::Synced] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("draft.json");
            write_atomic(&path, b"previous").unwrap();
            let crash = write_atomic_with(&path, b"next", |s| {
                if s == step { Err(io::Error::other("simulated crash")) } else { Ok(()) }
            });
            assert!(crash.is_err());
            assert_eq!(fs::read(&path).unwrap(), b"previous", "after a crash at {step:?}");
        }
    }

    #[test]
    fn crash_after_rename_has_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.json");
        write_atomic(&path, b"previous").unwrap();
        let _ = write_atomic_with(&path, b"next", |s| {
            if s == Step::Renamed { Err(io::Error::other("simulated crash")) } else { Ok(()) }
        });
        assert_eq!(fs::read(&path).unwrap(), b"next");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_missing_directory_is_named_plainly() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("nope/report.md"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(err.to_string().starts_with("the directory ") && !err.to_string().contains(".report.md."), "{err}");
    }

    #[test]
    fn temp_files_are_named_as_the_cleaner_expects() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_file_in(dir.path(), "crm-quick@acme.json").unwrap();
        let name = tmp.path().file_name().unwrap().to_str().unwrap().to_string();
        assert!(is_own_temp_name(&name), "{name}");
        for other in
            [".crm-quick.json", "crm-quick.json", ".x.abcdef.txt", ".x.abc.tmp", ".x.abc-ef.tmp", "..abcdef.tmp"]
        {
            assert!(!is_own_temp_name(other), "{other}");
        }
    }

    #[test]
    fn only_stale_temp_files_of_ours_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        for name in [".a.json.Ab12Cd.tmp", ".new.zz99ZZ.tmp", ".notes.txt", "a.json"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let now = SystemTime::now();
        assert_eq!(remove_stale_temp_files(dir.path(), now), 0, "young files are left alone");
        assert_eq!(remove_stale_temp_files(dir.path(), now + STALE_AFTER + Duration::from_secs(1)), 2);
        let mut left: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [".notes.txt", "a.json"]);
        assert_eq!(remove_stale_temp_files(&dir.path().join("missing"), now), 0);
    }

    #[cfg(unix)]
    #[test]
    fn only_a_regular_file_or_a_link_is_ever_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let err = write_atomic(&sub, b"x").unwrap_err();
        assert!(err.to_string().ends_with("sub is a directory; it is not replaced"), "{err}");
        assert!(sub.is_dir());

        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(write_atomic(&fifo, b"x").unwrap_err().to_string().contains("not a regular file"));
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still there");

        // A link (a draft someone replaced by one) is replaced, not followed.
        let target = dir.path().join("target");
        fs::write(&target, "theirs").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"ours").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"theirs");
        assert!(fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(fs::read(&link).unwrap(), b"ours");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 4, "no temporary file left behind");
    }

    #[test]
    fn create_new_refuses_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        create_new_atomic(&path, b"first").unwrap();
        assert!(create_new_atomic(&path, b"second").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"first");
    }
}
