//! Reading only the summary at the top of each record, so that listing
//! thousands of assessments does not parse every answer of every one.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::{self, IgnoredAny, MapAccess, Visitor};

use super::{MAX_RECORD_BYTES, refused_text};
use crate::core::history::record::{RECORD_FORMAT, RECORD_SCHEMA_VERSION, Summary};
use crate::core::history::record_check::check_summary;
use crate::io::regular_file::{OpenError, open_regular};

/// How much of a file a listing reads first: a summary takes about 2 KiB.
const SUMMARY_PREFIX: usize = 8 * 1024;

/// Reads the summaries of many files, in order. One at a time: a store
/// holds hundreds to a few thousand records, and each read stops after the
/// summary.
pub fn read_summaries(paths: Vec<PathBuf>) -> Vec<(PathBuf, Result<Summary, String>)> {
    let mut summaries = Vec::with_capacity(paths.len());
    for path in paths {
        let summary = read_summary(&path);
        summaries.push((path, summary));
    }
    summaries
}

/// Reads only the summary at the top of a record: listing thousands of
/// files must not parse every answer of every one. Returns the problem, in
/// words, when the file is not a readable record.
pub fn read_summary(path: &Path) -> Result<Summary, String> {
    let mut file = match open_regular(path) {
        Ok(file) => file,
        Err(OpenError::NotRegular(what)) => return Err(format!("{what}, not a regular file: not read")),
        Err(OpenError::Directory) => return Err("a directory, not a file".into()),
        Err(OpenError::Missing) => return Err("cannot read it (it has gone)".into()),
        Err(OpenError::Io(e)) => return Err(format!("cannot read it ({e})")),
    };
    let mut bytes = Vec::with_capacity(SUMMARY_PREFIX);
    let read = |file: &mut File, bytes: &mut Vec<u8>, limit: u64| {
        file.take(limit).read_to_end(bytes).map_err(|e| format!("cannot read it ({e})"))
    };
    read(&mut file, &mut bytes, SUMMARY_PREFIX as u64)?;
    let (mut header, mut problem) = read_header(&bytes);
    if problem.as_ref().is_some_and(serde_json::Error::is_eof) && bytes.len() == SUMMARY_PREFIX {
        // An unusually long summary: read on, up to the size cap.
        read(&mut file, &mut bytes, MAX_RECORD_BYTES)?;
        (header, problem) = read_header(&bytes);
    }
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
        (Some(_), Some(summary), _) => {
            // Checked like a record read in full: its text, then its numbers.
            match refused_text(&String::from_utf8_lossy(&bytes)) {
                Some(problem) => Err(problem),
                None => check_summary(&summary).map(|()| summary),
            }
        }
        (_, _, Some(e)) => Err(format!("a damaged assessment record ({e})")),
        (None, _, None) => Err("a damaged assessment record (no schema_version)".into()),
        (Some(_), None, None) => Err("a damaged assessment record (no summary)".into()),
    }
}

/// Parses the start of a file up to its summary. The error, if any, is a
/// real one: the deliberate stop after the summary is not reported.
fn read_header(bytes: &[u8]) -> (Header, Option<serde_json::Error>) {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut header = Header::default();
    let problem = match de::Deserializer::deserialize_map(&mut de, &mut header) {
        Err(e) if !header.complete => Some(e),
        _ => None,
    };
    (header, problem)
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

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::core::history::testing::record;
    use crate::io::store::{Store, load};

    #[test]
    fn listing_skips_what_it_cannot_read_and_says_why() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        store.save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap();
        let write = |name: &str, text: &str| fs::write(tmp.path().join(name), text).unwrap();
        write("a-garbage.json", "this is not JSON");
        write("b-foreign.json", r#"{"name": "package.json, not ours"}"#);
        write("c-newer.json", r#"{"format": "crm-ready-assessment-record", "schema_version": 99, "summary": {}}"#);
        write(
            "d-damaged.json",
            r#"{"format": "crm-ready-assessment-record", "schema_version": 1, "summary": {"id": 3}}"#,
        );
        write("e-empty.json", "");
        write("notes.txt", "not a JSON file: ignored");
        write(".new.123.tmp", "a save in progress: ignored");
        fs::create_dir(tmp.path().join("sub.json")).unwrap();

        let listing = store.list().unwrap();
        assert_eq!(listing.entries.len(), 1);
        let problems: Vec<(String, &str)> = listing
            .skipped
            .iter()
            .map(|s| (s.path.file_name().unwrap().to_string_lossy().into_owned(), s.problem.as_str()))
            .collect();
        let expect = [
            ("a-garbage.json", "not valid JSON"),
            ("b-foreign.json", "not a crm-ready assessment record"),
            ("c-newer.json", "written by a newer crm-ready (record schema 99)"),
            ("d-damaged.json", "a damaged assessment record (invalid type: integer `3`"),
            ("e-empty.json", "not valid JSON"),
        ];
        assert_eq!(problems.len(), expect.len(), "{problems:?}");
        for ((name, problem), (want_name, want)) in problems.iter().zip(expect) {
            assert_eq!(name, want_name);
            assert!(problem.starts_with(want), "{name}: {problem}");
        }
    }

    #[test]
    fn listing_reads_only_the_summary_and_loading_checks_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let path = store.save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let cut = text.find("\"assessment\"").unwrap();
        fs::write(&path, &text[..cut + 20]).unwrap();
        assert_eq!(store.list().unwrap().entries.len(), 1);
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("not valid JSON (EOF while parsing"), "{err}");
    }

    #[test]
    fn a_summary_longer_than_the_first_read_is_still_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let mut big = record("Contoso", "2026-04-01T10:00:00Z", 1);
        let area = big.summary.areas[0].clone();
        big.summary.areas = vec![area; 200];
        let path = store.save(&mut big, || 0).unwrap();
        assert!(fs::read_to_string(&path).unwrap().find("\"answers\"").unwrap() > SUMMARY_PREFIX);
        let listing = store.list().unwrap();
        assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
        assert_eq!(listing.entries[0].summary, big.summary);
    }
}
