use std::ffi::CString;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, symlink};

use super::*;

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_encoded_bytes()).unwrap()
}

fn mkfifo(path: &Path) {
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path(path).as_ptr(), 0o600) }, 0);
}

fn refusal(path: &Path) -> String {
    let err = destination(path).unwrap_err();
    assert!(err.downcast_ref::<UsageError>().is_some(), "a usage error (exit 2): {err:#}");
    err.to_string()
}

fn no_wait(_: &Path) {
    panic!("nothing should wait here");
}

#[test]
fn dash_is_stdout_and_a_new_or_regular_file_is_written_atomically() {
    assert_eq!(destination(Path::new("-")).unwrap(), Destination::Stdout);
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("report.md");
    assert_eq!(destination(&new).unwrap(), Destination::File(new.clone()));
    write_to(&Destination::File(new.clone()), b"one", no_wait).unwrap();
    assert_eq!(destination(&new).unwrap(), Destination::File(new.clone()));
    write_to(&destination(&new).unwrap(), b"two", no_wait).unwrap();
    assert_eq!(fs::read(&new).unwrap(), b"two");
}

#[test]
fn a_directory_or_a_link_to_one_or_to_nothing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(refusal(dir.path()).ends_with("is a directory; name a file to write"));
    let to_dir = dir.path().join("to-dir");
    symlink(dir.path(), &to_dir).unwrap();
    assert!(refusal(&to_dir).ends_with("is a symbolic link to a directory; name a file to write"));
    let dangling = dir.path().join("dangling");
    symlink(dir.path().join("gone"), &dangling).unwrap();
    assert!(refusal(&dangling).ends_with("is a symbolic link to nothing; name the file to write"));
}

#[test]
fn a_link_to_a_regular_file_writes_the_file_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    symlink(&target, &link).unwrap();
    let to = destination(&link).unwrap();
    assert_eq!(to, Destination::File(fs::canonicalize(&target).unwrap()));
    write_to(&to, b"new", no_wait).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is not replaced");
    assert_eq!(fs::read(&target).unwrap(), b"new");
}

#[test]
fn dev_null_is_written_through_and_stays_a_device() {
    let null = Path::new("/dev/null");
    let to = destination(null).unwrap();
    // Unless the tests' own stdout or stderr is /dev/null.
    if to == Destination::Through(null.to_path_buf()) {
        write_to(&to, b"report", no_wait).unwrap();
    }
    assert!(fs::metadata(null).unwrap().file_type().is_char_device());
}

#[test]
fn a_private_character_device_is_written_through_when_one_can_be_made() {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("fakenull");
    // A copy of /dev/null (1, 3): making one needs privileges that CI
    // runners and containers often lack.
    // SAFETY: a valid, NUL-terminated path.
    let made = unsafe { libc::mknod(c_path(&node).as_ptr(), libc::S_IFCHR | 0o600, libc::makedev(1, 3)) };
    if made != 0 {
        eprintln!("skipped: mknod is not permitted here ({})", io::Error::last_os_error());
        return;
    }
    let to = destination(&node).unwrap();
    assert_eq!(to, Destination::Through(node.clone()));
    write_to(&to, b"report", no_wait).unwrap();
    assert!(fs::symlink_metadata(&node).unwrap().file_type().is_char_device(), "the node is still a device");
}

#[test]
fn a_fifo_is_written_through_to_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let to = destination(&fifo).unwrap();
    assert_eq!(to, Destination::Through(fifo.clone()));
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    // The reader may or may not have opened its end yet: either way the
    // write reaches it (after waiting for it, if need be).
    write_to(&to, b"the report", |_| {}).unwrap();
    assert_eq!(reader.join().unwrap(), "the report");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still there");
}

#[test]
fn a_fifo_without_a_reader_says_so_then_waits_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let mut reader = None;
    write_to(&Destination::Through(fifo.clone()), b"late", |waited_on| {
        // Told before waiting: the reader comes only now.
        let path = waited_on.to_path_buf();
        reader = Some(std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(path).unwrap().read_to_string(&mut text).unwrap();
            text
        }));
    })
    .unwrap();
    assert_eq!(reader.expect("told of the wait").join().unwrap(), "late");
}

#[test]
fn a_link_owned_by_another_user_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("yours.md");
    fs::write(&target, "yours").unwrap();
    let link = dir.path().join("report.md");
    symlink(&target, &link).unwrap();
    // SAFETY: a valid, NUL-terminated path; changes the link's owner only.
    if unsafe { libc::lchown(c_path(&link).as_ptr(), 65534, 65534) } != 0 {
        eprintln!("skipped: changing a link's owner needs root ({})", io::Error::last_os_error());
        return;
    }
    assert!(refusal(&link).ends_with("is a symbolic link owned by another user; it is not followed"));
    assert_eq!(fs::read(&target).unwrap(), b"yours");
}

#[test]
fn a_name_for_our_own_stdout_is_stdout() {
    let own = Path::new("/proc/self/fd/1");
    if !own.exists() {
        eprintln!("skipped: no /proc here");
        return;
    }
    assert_eq!(destination(own).unwrap(), Destination::Stdout);
}

#[test]
fn a_directory_for_several_files_must_be_one() {
    let dir = tempfile::tempdir().unwrap();
    named_directory(dir.path(), false, "--dir").unwrap();
    let file = dir.path().join("file");
    fs::write(&file, "").unwrap();
    let err = named_directory(&file, true, "--dir").unwrap_err().to_string();
    assert!(err.ends_with("file exists and is a regular file, not a directory; --dir takes a directory"), "{err}");
    let err = named_directory(&dir.path().join("new"), false, "--dir").unwrap_err().to_string();
    assert!(err.ends_with("new: no such directory; create it first"), "{err}");
    named_directory(&dir.path().join("made/deep"), true, "--witness").unwrap();
    assert!(dir.path().join("made/deep").is_dir());
    let err = named_directory(Path::new("-"), true, "--witness").unwrap_err().to_string();
    assert_eq!(err, "--witness takes a directory to write several files into; `-` (stdout) is not one");
}
