//! The assessment store: a directory of one JSON file per assessment.
//! Files are created atomically and never replaced, so two processes saving
//! at once both land, and a crash never leaves half a record.

mod listing;
pub mod read;
pub mod reference;

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::core::assessment::Assessment;
use crate::core::history::record::{StoredAssessment, Summary};
use crate::core::json::to_json;
use crate::io::atomic_write::{create_new_atomic, remove_stale_temp_files};
pub use read::{Reader, load};

/// The environment variable naming the store directory.
pub const STORE_ENV: &str = "CRM_READY_STORE";

/// Largest record read. Far above any real one (a few dozen KiB), low
/// enough that a stray huge file cannot exhaust memory.
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// How often a save retries with a fresh id after a name clash.
const SAVE_ATTEMPTS: usize = 8;

/// What went wrong with the store or a file in it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed (exit 3).
    #[error("cannot {action} {}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// No `--store`, no `CRM_READY_STORE` and no home to put a data directory in (exit 3).
    #[error("cannot find a data directory for the assessment store; pass --store DIR or set {STORE_ENV}")]
    NoDataDir {
        #[source]
        source: io::Error,
    },
    /// A file named on the command line does not exist (exit 2).
    #[error("{}: no such file; check the path", path.display())]
    Missing { path: PathBuf },
    /// A file that is not a readable assessment (exit 2).
    #[error("{}: {problem}", path.display())]
    Invalid { path: PathBuf, problem: String },
}

/// The store directory: `--store`, else a non-empty `CRM_READY_STORE`,
/// else `<data dir>/assessments`.
pub fn store_dir(flag: Option<PathBuf>, env: Option<OsString>, data_dir: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| data_dir.map(|d| d.join("assessments")))
}

pub use crate::core::history::Entry;

/// A file in the store that could not be listed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub problem: String,
}

/// Every assessment in the store, oldest first (by when it was held, then
/// when it was saved), and the files skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

/// An assessment read in full: from the store, or a report written by
/// `assess --format json` or `--format html`.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedAssessment {
    pub path: PathBuf,
    /// The record's summary; `None` for a bare report.
    pub summary: Option<Summary>,
    pub assessment: Assessment,
}

/// A store directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    /// The store named by `--store`, `CRM_READY_STORE` or the user's data
    /// directory, in that order.
    pub fn locate(flag: Option<PathBuf>) -> Result<Store, StoreError> {
        let data_dir = directories::ProjectDirs::from("", "", "crm-ready").map(|p| p.data_dir().to_path_buf());
        store_dir(flag, std::env::var_os(STORE_ENV), data_dir).map(Store::at).ok_or_else(|| StoreError::NoDataDir {
            source: io::Error::new(io::ErrorKind::NotFound, "no home directory"),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves `record` as a new file and returns its path. On a name clash
    /// (another save in the same second drew the same suffix) the record
    /// gets a fresh id from `entropy` and tries again.
    pub fn save(&self, record: &mut StoredAssessment, mut entropy: impl FnMut() -> u64) -> Result<PathBuf, StoreError> {
        self.create()?;
        remove_stale_temp_files(&self.dir, SystemTime::now());
        let mut last = None;
        for _ in 0..SAVE_ATTEMPTS {
            let path = self.dir.join(record.file_name());
            match create_new_atomic(&path, to_json(record).as_bytes()) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    record.renew_id(entropy());
                    last = Some(e);
                }
                Err(source) => {
                    return Err(StoreError::Io { action: "save an assessment in", path: self.dir.clone(), source });
                }
            }
        }
        let source = last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists));
        Err(StoreError::Io { action: "find a free file name in", path: self.dir.clone(), source })
    }

    /// Creates the store directory (private to the user on Unix).
    fn create(&self) -> Result<(), StoreError> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&self.dir).map_err(|source| StoreError::Io {
            action: "create the assessment store",
            path: self.dir.clone(),
            source,
        })
    }

    /// Every assessment in the store, oldest first by assessment date, then
    /// by when it was saved. Each file is read and checked in full (see
    /// `listing`); one that fails is skipped and reported in
    /// [`Listing::skipped`]. A store that does not exist yet is empty.
    /// Temporary files of saves that never finished are removed.
    pub fn list(&self) -> Result<Listing, StoreError> {
        self.list_keeping(&|_| false)
    }

    /// [`Store::list`], with the whole assessment kept in the entries whose
    /// summary `keep` picks.
    pub fn list_keeping(&self, keep: &(dyn Fn(&Summary) -> bool + Sync)) -> Result<Listing, StoreError> {
        remove_stale_temp_files(&self.dir, SystemTime::now());
        let read_dir = match fs::read_dir(&self.dir) {
            Ok(r) => r,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(source) => {
                return Err(StoreError::Io { action: "read the assessment store", path: self.dir.clone(), source });
            }
        };
        let mut paths = Vec::new();
        for item in read_dir {
            let item = item.map_err(|source| StoreError::Io {
                action: "read the assessment store",
                path: self.dir.clone(),
                source,
            })?;
            // Temporary files of saves in progress start with a dot; other
            // non-JSON files (a README, .DS_Store) are not ours to judge.
            let name = item.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(".json") || item.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            paths.push(item.path());
        }
        Ok(listing::list_files(&Reader::new(), paths, keep))
    }
}

/// Fresh randomness for an id suffix, without a random-number crate:
/// std's per-process random hash keys, mixed with the process id, the
/// clock and a counter.
pub fn entropy() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_i128(jiff::Timestamp::now().as_nanosecond());
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::{record, record_held};

    #[test]
    fn store_dir_prefers_flag_then_env_then_data_dir() {
        let (flag, env, data) = (Some(PathBuf::from("f")), Some(OsString::from("e")), Some(PathBuf::from("d")));
        assert_eq!(store_dir(flag.clone(), env.clone(), data.clone()), flag);
        assert_eq!(store_dir(None, env.clone(), data.clone()), Some(PathBuf::from("e")));
        assert_eq!(store_dir(None, Some(OsString::new()), data.clone()), Some(PathBuf::from("d/assessments")));
        assert_eq!(store_dir(None, None, data), Some(PathBuf::from("d/assessments")));
        assert_eq!(store_dir(None, None, None), None);
    }

    #[test]
    fn saved_records_list_oldest_first_and_load_in_full() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path().join("not/yet/there"));
        assert_eq!(store.list().unwrap(), Listing::default(), "a missing store is empty");
        let mut later = record("Northwind Traders", "2026-07-01T10:00:00Z", 1);
        let mut earlier = record("Contoso", "2026-04-01T10:00:00Z", 2);
        let later_path = store.save(&mut later, || 0).unwrap();
        let earlier_path = store.save(&mut earlier, || 0).unwrap();
        assert!(later_path.file_name().unwrap().to_string_lossy().starts_with("20260701T100000Z-northwind-traders-"));

        let listing = store.list().unwrap();
        assert!(listing.skipped.is_empty());
        let listed: Vec<(&Path, &Summary)> = listing.entries.iter().map(|e| (e.path.as_path(), &e.summary)).collect();
        assert_eq!(listed, [(earlier_path.as_path(), &earlier.summary), (later_path.as_path(), &later.summary)]);

        let loaded = load(&later_path).unwrap();
        assert_eq!(loaded.summary.as_ref(), Some(&later.summary));
        assert_eq!(loaded.assessment, later.assessment);
    }

    #[test]
    fn listing_orders_by_when_each_was_held_then_when_it_was_saved() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let held = |org: &str, saved: &str, held: &str, entropy| record_held(org, Some(held), saved, entropy);
        // Typed up in December: last quarter's interviews, in no particular order.
        let mut records = [
            held("Third", "2026-12-01T09:00:00Z", "2026-09-15T00:00:00Z", 1),
            held("First", "2026-12-01T09:05:00Z", "2026-03-10T00:00:00Z", 2),
            held("Second, saved later", "2026-12-01T09:20:00Z", "2026-06-16T00:00:00Z", 3),
            held("Second, saved earlier", "2026-12-01T09:10:00Z", "2026-06-16T00:00:00Z", 4),
        ];
        for r in &mut records {
            store.save(r, || 0).unwrap();
        }
        let listed: Vec<String> =
            store.list().unwrap().entries.into_iter().map(|e| e.summary.organization.unwrap()).collect();
        assert_eq!(listed, ["First", "Second, saved earlier", "Second, saved later", "Third"]);
    }

    #[test]
    fn a_name_clash_gets_a_fresh_id_and_never_replaces_a_file() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let mut first = record("Contoso", "2026-04-01T10:00:00Z", 7);
        let mut second = first.clone();
        let a = store.save(&mut first, || 1).unwrap();
        let mut drawn = 0;
        let b = store
            .save(&mut second, || {
                drawn += 1;
                99
            })
            .unwrap();
        assert_eq!(drawn, 1);
        assert_ne!(a, b);
        assert_ne!(first.summary.id, second.summary.id);
        assert_eq!(store.list().unwrap().entries.len(), 2);
        assert_eq!(load(&a).unwrap().summary.unwrap().id, first.summary.id, "the first file is untouched");
    }

    #[test]
    fn a_store_under_a_file_cannot_be_created() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("file.txt");
        fs::write(&file, "").unwrap();
        let err =
            Store::at(file.join("store")).save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
        assert!(err.to_string().starts_with("cannot create the assessment store"), "{err}");
        assert!(Store::at(&file).list().is_err(), "a store that is a file cannot be listed");
    }
}
