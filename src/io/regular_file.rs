//! The one way this program opens a file to read it: only a regular file
//! (or a symlink to one; for drafts, not even that). Every file named on
//! the command line or inside another file (a brand's logo) is opened
//! here. A FIFO, a device or a socket named like an input, a logo, a record
//! or a draft would block the reader for ever or never end.
//!
//! The file is opened without blocking (on Unix, `O_NONBLOCK`: opening a
//! FIFO with no writer returns at once) and then the OPEN handle is asked
//! what it is, so nothing can be swapped in between a check and the open.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a file could not be opened for reading.
#[derive(Debug)]
pub enum OpenError {
    /// Nothing is there.
    Missing,
    /// A directory is there.
    Directory,
    /// Something other than a regular file is there: what, in words.
    NotRegular(&'static str),
    /// Opening or asking failed.
    Io(io::Error),
}

/// A file named on the command line that is not a regular file (exit 2).
#[derive(Debug, thiserror::Error)]
#[error("{}: {what}, not a regular file; only regular files are read", path.display())]
pub struct NotRegularFile {
    pub path: PathBuf,
    pub what: &'static str,
}

/// Opens `path` for reading if it is a regular file.
pub fn open_regular(path: &Path) -> Result<File, OpenError> {
    open_with(path, false)
}

/// Like [`open_regular`], but a symbolic link is not followed: it is
/// refused as `a symbolic link`. For files crm-ready writes itself (drafts),
/// where a link can only have been put there by someone else.
pub fn open_regular_unfollowed(path: &Path) -> Result<File, OpenError> {
    open_with(path, true)
}

fn open_with(path: &Path, unfollowed: bool) -> Result<File, OpenError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | if unfollowed { libc::O_NOFOLLOW } else { 0 });
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => OpenError::Missing,
        // O_NOFOLLOW on a link fails with ELOOP.
        #[cfg(unix)]
        _ if unfollowed && e.raw_os_error() == Some(libc::ELOOP) => OpenError::NotRegular("a symbolic link"),
        _ => OpenError::Io(e),
    })?;
    #[cfg(not(unix))]
    if unfollowed && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(OpenError::NotRegular("a symbolic link"));
    }
    // The handle's own metadata (fstat), not the path's.
    let kind = file.metadata().map_err(OpenError::Io)?.file_type();
    if kind.is_file() {
        Ok(file)
    } else if kind.is_dir() {
        Err(OpenError::Directory)
    } else {
        Err(OpenError::NotRegular(describe(kind)))
    }
}

/// Reads at most `cap + 1` bytes, so a caller can tell a file over the cap.
pub fn read_capped(file: File, cap: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
fn describe(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(_: std::fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_open_and_a_fifo_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(read_capped(open_regular(&file).unwrap(), 10).unwrap(), b"x");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(open_regular(&link).is_ok(), "a symlink to a regular file is fine");

        let fifo = dir.path().join("fifo.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(matches!(open_regular(&fifo), Err(OpenError::NotRegular("a named pipe (FIFO)"))));
        assert!(matches!(open_regular(dir.path()), Err(OpenError::Directory)));
        assert!(matches!(open_regular(&dir.path().join("none")), Err(OpenError::Missing)));
        assert!(matches!(open_regular(Path::new("/dev/null")), Err(OpenError::NotRegular("a device"))));
    }

    #[test]
    fn unfollowed_a_link_is_refused_whatever_it_points_at() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("draft.json");
        std::fs::write(&file, "{}").unwrap();
        assert!(open_regular_unfollowed(&file).is_ok());
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(matches!(open_regular_unfollowed(&link), Err(OpenError::NotRegular("a symbolic link"))));
        assert!(open_regular(&link).is_ok());
    }
}
