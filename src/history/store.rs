//! The assessment store: a directory of one JSON file per assessment.
//! Files are created atomically and never replaced, so two processes saving
//! at once both land, and a crash never leaves half a record.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use super::record::{RECORD_FORMAT, RECORD_SCHEMA_VERSION, StoredAssessment, Summary};
use crate::assessment::{Assessment, SCHEMA_VERSION};
use crate::atomic_write::create_new_atomic;
use crate::report::to_json;

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

/// A file in the store that is listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub summary: Summary,
}

/// A file in the store that could not be listed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub problem: String,
}

/// Every assessment in the store, oldest first, and the files skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

/// An assessment read in full: from the store, or a report written by
/// `assess --format json`.
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

    /// Every assessment in the store, oldest first. Reads only each file's
    /// summary. A file that is not a readable record is skipped and
    /// reported in [`Listing::skipped`]; a store that does not exist yet is
    /// empty.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let read_dir = match fs::read_dir(&self.dir) {
            Ok(r) => r,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(source) => {
                return Err(StoreError::Io { action: "read the assessment store", path: self.dir.clone(), source });
            }
        };
        let mut listing = Listing::default();
        for item in read_dir {
            let item = item.map_err(|source| StoreError::Io {
                action: "read the assessment store",
                path: self.dir.clone(),
                source,
            })?;
            let path = item.path();
            // Temporary files of saves in progress start with a dot; other
            // non-JSON files (a README, .DS_Store) are not ours to judge.
            let name = item.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !name.ends_with(".json") || item.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            match read_summary(&path) {
                Ok(summary) => listing.entries.push(Entry { path, summary }),
                Err(problem) => listing.skipped.push(Skipped { path, problem }),
            }
        }
        listing.entries.sort_by(|a, b| {
            (a.summary.saved_at, &a.summary.id, &a.path).cmp(&(b.summary.saved_at, &b.summary.id, &b.path))
        });
        listing.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(listing)
    }
}

/// Reads a whole file: a stored record, or a report written by
/// `assess --format json`.
pub fn load(path: &Path) -> Result<LoadedAssessment, StoreError> {
    let invalid = |problem: String| StoreError::Invalid { path: path.to_path_buf(), problem };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(StoreError::Missing { path: path.to_path_buf() }),
        Err(source) => return Err(StoreError::Io { action: "open", path: path.to_path_buf(), source }),
    };
    let mut bytes = Vec::new();
    file.take(MAX_RECORD_BYTES + 1).read_to_end(&mut bytes).map_err(|source| StoreError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(invalid(format!("larger than {} MiB; not an assessment", MAX_RECORD_BYTES / 1024 / 1024)));
    }
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| invalid(format!("not valid JSON ({e})")))?;
    let newer =
        |kind: &str, v: u64| invalid(format!("written by a newer crm-ready ({kind} schema {v}); upgrade to read it"));
    let schema = value.get("schema_version").and_then(serde_json::Value::as_u64);
    match value.get("format").and_then(serde_json::Value::as_str) {
        Some(RECORD_FORMAT) => {
            if let Some(v) = schema.filter(|v| *v > u64::from(RECORD_SCHEMA_VERSION)) {
                return Err(newer("record", v));
            }
            let record: StoredAssessment =
                serde_json::from_value(value).map_err(|e| invalid(format!("a damaged assessment record ({e})")))?;
            Ok(LoadedAssessment {
                path: path.to_path_buf(),
                summary: Some(record.summary),
                assessment: record.assessment,
            })
        }
        None if value.get("verdict").is_some() && value.get("questionnaire").is_some() => {
            if let Some(v) = schema.filter(|v| *v > u64::from(SCHEMA_VERSION)) {
                return Err(newer("report", v));
            }
            let assessment: Assessment =
                serde_json::from_value(value).map_err(|e| invalid(format!("a damaged assessment report ({e})")))?;
            Ok(LoadedAssessment { path: path.to_path_buf(), summary: None, assessment })
        }
        _ => Err(invalid(
            "not a crm-ready assessment (neither a stored record nor `assess --format json` output)".into(),
        )),
    }
}

/// Reads only the summary at the top of a record: listing thousands of
/// files must not parse every answer of every one. Returns the problem, in
/// words, when the file is not a readable record.
pub fn read_summary(path: &Path) -> Result<Summary, String> {
    let file = File::open(path).map_err(|e| format!("cannot read it ({e})"))?;
    let reader = BufReader::with_capacity(16 * 1024, file.take(MAX_RECORD_BYTES));
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut header = Header::default();
    let parsed = de::Deserializer::deserialize_map(&mut de, &mut header);
    let problem = match parsed {
        Err(e) if !header.complete => Some(e),
        _ => None,
    };
    if header.format.as_deref() != Some(RECORD_FORMAT) {
        return Err(match (header.format, problem) {
            (None, Some(e)) => format!("not valid JSON or not an assessment record ({e})"),
            _ => "not a crm-ready assessment record".into(),
        });
    }
    match (header.schema_version, header.summary, problem) {
        (Some(v), _, _) if v > RECORD_SCHEMA_VERSION => {
            Err(format!("written by a newer crm-ready (record schema {v}); upgrade to read it"))
        }
        (Some(_), Some(summary), _) => Ok(summary),
        (_, _, Some(e)) => Err(format!("a damaged assessment record ({e})")),
        (None, _, None) => Err("a damaged assessment record (no schema_version)".into()),
        (Some(_), None, None) => Err("a damaged assessment record (no summary)".into()),
    }
}

/// The fields of a record a listing needs, gathered by a visitor that
/// stops the parser as soon as it has them.
#[derive(Default)]
struct Header {
    format: Option<String>,
    schema_version: Option<u32>,
    summary: Option<Summary>,
    /// Set before stopping the parser on purpose, so that stop is not
    /// mistaken for a syntax error.
    complete: bool,
}

impl Header {
    /// Whether the rest of the file can be left unread: everything is
    /// here, or the file has shown it is not a record we can read.
    fn settled(&self) -> bool {
        let foreign = self.format.as_deref().is_some_and(|f| f != RECORD_FORMAT);
        let newer = self.schema_version.is_some_and(|v| v > RECORD_SCHEMA_VERSION);
        foreign || newer || (self.format.is_some() && self.schema_version.is_some() && self.summary.is_some())
    }
}

impl<'de> Visitor<'de> for &mut Header {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => self.format = Some(map.next_value()?),
                "schema_version" => self.schema_version = Some(map.next_value()?),
                "summary" => self.summary = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if self.settled() {
                // serde has no "stop here": an error is the only way to
                // leave the rest of the file unread.
                self.complete = true;
                return Err(de::Error::custom("summary read"));
            }
        }
        Ok(())
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
