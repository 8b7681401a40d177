//! The one way this program writes output the user named: `-o FILE`, and
//! each file `man --dir DIR` and `lint --witness DIR` write into a
//! directory. [`destination`] decides where it goes, once, for all of them:
//!
//! - `-`, or a name for this process's own stdout (`/dev/stdout`,
//!   `/proc/self/fd/1`), is stdout; a name for its stderr is stderr. So
//!   `-o /dev/stdout >> log` appends to the log, as the shell was asked to.
//! - A regular file, or nothing yet, is written atomically (a temporary
//!   file renamed over it: see `atomic_write`).
//! - A symbolic link is followed to a regular file, whose real path is then
//!   written atomically; never replaced itself. A link owned by another
//!   user is not followed: anyone can leave a link in a shared directory
//!   such as /tmp, pointing at a file of yours.
//! - A named pipe (FIFO) or a character device (`/dev/null`, a terminal) is
//!   written through with a plain open and write: nothing is renamed over
//!   it. A pipe nobody reads yet is waited on, as the shell does, after
//!   saying so.
//! - A directory, a block device, a socket, or a link to one of them (or to
//!   nothing) is refused: a usage error (exit 2).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::exit::UsageError;
use crate::io::atomic_write::write_atomic;
use crate::io::stdin::is_dash;

/// Where output the user named goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    Stderr,
    /// A regular file, new or replaced atomically: its real path.
    File(PathBuf),
    /// A named pipe or a character device, written through.
    Through(PathBuf),
}

impl Destination {
    /// The file written, if it is not one of the process's own streams.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Destination::File(p) | Destination::Through(p) => Some(p),
            Destination::Stdout | Destination::Stderr => None,
        }
    }
}

/// Where output named `path` goes; an error (exit 2) for what cannot take
/// it. Problems the write itself meets (no such directory, no permission)
/// are left to it: they are I/O errors (exit 3).
pub fn destination(path: &Path) -> anyhow::Result<Destination> {
    if is_dash(path) {
        return Ok(Destination::Stdout);
    }
    let shown = path.display();
    let entry = match fs::symlink_metadata(path) {
        Ok(entry) => entry,
        Err(_) => return Ok(Destination::File(path.to_path_buf())),
    };
    let is_link = entry.file_type().is_symlink();
    let meta = if is_link {
        if !owned_by_us_or_root(&entry) {
            return Err(refused(format!("{shown} is a symbolic link owned by another user; it is not followed")));
        }
        match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(refused(format!("{shown} is a symbolic link to nothing; name the file to write")));
            }
            Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot write {shown}"))),
        }
    } else {
        entry
    };
    if let Some(stream) = own_stream(&meta) {
        return Ok(stream);
    }
    let through = if is_link { "a symbolic link to " } else { "" };
    let kind = meta.file_type();
    if kind.is_file() {
        let real = match is_link {
            true => {
                fs::canonicalize(path).map_err(|e| anyhow::Error::new(e).context(format!("cannot write {shown}")))?
            }
            false => path.to_path_buf(),
        };
        Ok(Destination::File(real))
    } else if kind.is_dir() {
        Err(refused(format!("{shown} is {through}a directory; name a file to write")))
    } else if writes_through(kind) {
        Ok(Destination::Through(path.to_path_buf()))
    } else {
        Err(refused(format!(
            "{shown} is {through}{}; only a regular file, a named pipe or a character device such as /dev/null \
             is written",
            describe(kind)
        )))
    }
}

/// Writes `bytes` to a file or through a pipe or device; `waiting` is told
/// when a named pipe has no reader yet, before waiting for one. The
/// process's own streams are the caller's to write.
pub fn write_to(to: &Destination, bytes: &[u8], waiting: impl FnOnce(&Path)) -> io::Result<()> {
    match to {
        Destination::File(path) => write_atomic(path, bytes),
        Destination::Through(path) => write_through(path, bytes, waiting),
        Destination::Stdout => write_stream(&mut io::stdout().lock(), bytes),
        Destination::Stderr => write_stream(&mut io::stderr().lock(), bytes),
    }
}

fn write_stream(stream: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    stream.write_all(bytes)?;
    stream.flush()
}

/// The directory `dir` that the user named for several files: it must be
/// one (or, with `create`, not exist yet: then it is made). `-` cannot
/// hold several files.
pub fn named_directory(dir: &Path, create: bool, flag: &str) -> anyhow::Result<()> {
    let shown = dir.display();
    if is_dash(dir) {
        return Err(refused(format!("{flag} takes a directory to write several files into; `-` (stdout) is not one")));
    }
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(meta) => Err(refused(format!(
            "{shown} exists and is {}, not a directory; {flag} takes a directory",
            describe(meta.file_type())
        ))),
        // What cannot be made (a parent is a file) fails as it is made.
        Err(_) if create => {
            fs::create_dir_all(dir).map_err(|e| anyhow::Error::new(e).context(format!("cannot create {shown}")))
        }
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            Err(refused(format!("{shown}: no such directory; create it first")))
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!("cannot read {shown}"))),
    }
}

fn refused(message: String) -> anyhow::Error {
    UsageError::new(message).into()
}

#[cfg(unix)]
fn owned_by_us_or_root(link: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    link.uid() == me || link.uid() == 0
}

#[cfg(not(unix))]
fn owned_by_us_or_root(_: &fs::Metadata) -> bool {
    true
}

/// Stdout or stderr, when `target` is the very file one of them is open on.
#[cfg(unix)]
fn own_stream(target: &fs::Metadata) -> Option<Destination> {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let same = |fd: std::os::fd::BorrowedFd<'_>| {
        let file = fs::File::from(fd.try_clone_to_owned().ok()?);
        let meta = file.metadata().ok()?;
        Some(meta.dev() == target.dev() && meta.ino() == target.ino())
    };
    if same(io::stdout().as_fd()) == Some(true) {
        Some(Destination::Stdout)
    } else if same(io::stderr().as_fd()) == Some(true) {
        Some(Destination::Stderr)
    } else {
        None
    }
}

#[cfg(not(unix))]
fn own_stream(_: &fs::Metadata) -> Option<Destination> {
    None
}

#[cfg(unix)]
fn writes_through(kind: fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo() || kind.is_char_device()
}

#[cfg(not(unix))]
fn writes_through(_: fs::FileType) -> bool {
    false
}

#[cfg(unix)]
fn describe(kind: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        "a regular file"
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(kind: fs::FileType) -> &'static str {
    if kind.is_file() { "a regular file" } else { "a special file" }
}

/// Opens a pipe or device without creating or truncating anything, checks
/// on the open handle that it is still one, and writes to it.
#[cfg(unix)]
fn write_through(path: &Path, bytes: &[u8], waiting: impl FnOnce(&Path)) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let open = |flags| fs::OpenOptions::new().write(true).custom_flags(flags).open(path);
    // Without a reader, a non-blocking open of a FIFO fails at once (ENXIO)
    // where a blocking one would wait without a word.
    let mut file = match open(libc::O_NONBLOCK) {
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
            waiting(path);
            open(0)?
        }
        opened => opened?,
    };
    if !writes_through(file.metadata()?.file_type()) {
        return Err(io::Error::other("it changed while being opened: not written"));
    }
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for as long as `file` lives; F_GETFL and F_SETFL
    // only read and set its status flags.
    let blocking = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
    };
    if !blocking {
        return Err(io::Error::last_os_error());
    }
    file.write_all(bytes)?;
    file.flush()
}

#[cfg(not(unix))]
fn write_through(path: &Path, bytes: &[u8], _waiting: impl FnOnce(&Path)) -> io::Result<()> {
    fs::OpenOptions::new().write(true).open(path)?.write_all(bytes)
}

#[cfg(all(test, unix))]
mod tests;
