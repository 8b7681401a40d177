//! Listing the store: every file read and checked in full, as naming it
//! would (`read`), so a record that `report FILE` refuses is never listed,
//! counted in a round or charted in a trend. On top of that, what only a
//! store can tell: a record is kept under the name crm-ready gives it, and
//! no two records share an id.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::read::Reader;
use super::{Entry, Listing, Skipped, StoreError};
use crate::core::assessment::Assessment;
use crate::core::history::Summary;
use crate::core::history::record::file_name;

/// Lists the files at `paths`: each readable record once, oldest first (by
/// when it was held, then when it was saved); the others skipped, each
/// with its problem. Of records sharing an id, the first by file name is
/// listed. The entries whose summary `keep` picks hold their assessment.
pub(super) fn list_files(
    reader: &Reader,
    mut paths: Vec<PathBuf>,
    keep: &(dyn Fn(&Summary) -> bool + Sync),
) -> Listing {
    paths.sort();
    let read = read_all(&paths, |path| {
        listed(reader, path).map(|(summary, assessment)| {
            let assessment = keep(&summary).then(|| Box::new(assessment));
            (summary, assessment)
        })
    });
    let mut listing = Listing::default();
    let mut first_with_id: HashMap<String, PathBuf> = HashMap::new();
    for (path, read) in paths.into_iter().zip(read) {
        let (summary, assessment) = match read {
            Ok(read) => read,
            Err(problem) => {
                listing.skipped.push(Skipped { path, problem });
                continue;
            }
        };
        if let Some(first) = first_with_id.get(&summary.id) {
            let problem = format!("its id {} is the id of {} too, which is listed", summary.id, first.display());
            listing.skipped.push(Skipped { path, problem });
            continue;
        }
        first_with_id.insert(summary.id.clone(), path.clone());
        listing.entries.push(Entry { path, summary, assessment });
    }
    listing.entries.sort_by(|a, b| {
        (a.summary.assessed_at, a.summary.saved_at, &a.summary.id, &a.path).cmp(&(
            b.summary.assessed_at,
            b.summary.saved_at,
            &b.summary.id,
            &b.path,
        ))
    });
    listing
}

/// Files a thread reads at the least: fewer are not worth starting one.
const FILES_PER_THREAD: usize = 16;

/// `read` of each path, in order. Every listing reads the whole store, and
/// a consultant's grows by a few records per client each quarter, so the
/// files are shared out between the machine's cores.
fn read_all<T: Send>(paths: &[PathBuf], read: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(paths.len() / FILES_PER_THREAD).max(1);
    if threads == 1 {
        return paths.iter().map(|p| read(p)).collect();
    }
    let read = &read;
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths
            .chunks(paths.len().div_ceil(threads))
            .map(|part| scope.spawn(move || part.iter().map(|p| read(p)).collect::<Vec<T>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// The summary and assessment of the record at `path`, read and checked in
/// full, or why it is not listed.
fn listed(reader: &Reader, path: &Path) -> Result<(Summary, Assessment), String> {
    let loaded = reader.load(path).map_err(|e| match e {
        StoreError::Invalid { problem, .. } => problem,
        StoreError::Missing { .. } => "it has gone".to_string(),
        StoreError::Io { source, .. } => format!("cannot read it ({source})"),
        StoreError::NoDataDir { source } => format!("cannot read it ({source})"),
    })?;
    let Some(summary) = loaded.summary else {
        return Err(
            "a report (`assess --format json` output), not a stored record: keep reports outside the store".into()
        );
    };
    let expected = file_name(&summary);
    if path.file_name().is_none_or(|name| *name != *expected) {
        return Err(format!("its file name does not match its id and organisation; crm-ready keeps it as {expected}"));
    }
    Ok((summary, loaded.assessment))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::core::history::StoredAssessment;
    use crate::core::history::testing::record;
    use crate::io::store::Store;

    /// The problems of the skipped files, by file name.
    fn skipped(store: &Store) -> Vec<(String, String)> {
        let listing = store.list().unwrap();
        listing
            .skipped
            .iter()
            .map(|s| (s.path.file_name().unwrap().to_string_lossy().into_owned(), s.problem.clone()))
            .collect()
    }

    #[test]
    fn listing_skips_what_it_cannot_read_and_says_why() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let good = store.save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap();
        let write = |name: &str, text: &str| fs::write(tmp.path().join(name), text).unwrap();
        write("a-garbage.json", "this is not JSON");
        write("b-foreign.json", r#"{"name": "package.json, not ours"}"#);
        write("c-newer.json", r#"{"format": "crm-ready-assessment-record", "schema_version": 99, "summary": {}}"#);
        write(
            "d-damaged.json",
            r#"{"format": "crm-ready-assessment-record", "schema_version": 1, "summary": {"id": 3}}"#,
        );
        write("e-empty.json", "");
        let text = fs::read_to_string(&good).unwrap();
        write("f-cut-short.json", &text[..text.find("\"assessment\"").unwrap() + 20]);
        write("g-report.json", &crate::core::json::to_json(&record("Contoso", "2026-04-01T10:00:00Z", 1).assessment));
        write("notes.txt", "not a JSON file: ignored");
        write(".new.123.tmp", "a save in progress: ignored");
        fs::create_dir(tmp.path().join("sub.json")).unwrap();

        assert_eq!(store.list().unwrap().entries.len(), 1);
        let problems = skipped(&store);
        let expect = [
            ("a-garbage.json", "not valid JSON"),
            ("b-foreign.json", "not a crm-ready assessment"),
            ("c-newer.json", "written by a newer crm-ready (record schema 99)"),
            ("d-damaged.json", "a damaged assessment record (invalid type: integer `3`"),
            ("e-empty.json", "not valid JSON"),
            ("f-cut-short.json", "not valid JSON (EOF while parsing"),
            ("g-report.json", "a report (`assess --format json` output), not a stored record"),
        ];
        assert_eq!(problems.len(), expect.len(), "{problems:?}");
        for ((name, problem), (want_name, want)) in problems.iter().zip(expect) {
            assert_eq!(name, want_name);
            assert!(problem.starts_with(want), "{name}: {problem}");
        }
    }

    /// Saves `r` as crm-ready would, then writes `forge`'s change of it
    /// over the file.
    fn forged(store: &Store, mut r: StoredAssessment, forge: impl FnOnce(&mut StoredAssessment)) -> PathBuf {
        let path = store.save(&mut r, || 0).unwrap();
        forge(&mut r);
        fs::write(&path, crate::core::json::to_json(&r)).unwrap();
        path
    }

    #[test]
    fn the_whole_record_is_checked_not_only_its_summary() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        store.save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap();
        let high_priority = forged(&store, record("Fabrikam", "2026-04-02T10:00:00Z", 2), |r| {
            r.assessment.actions[0].priority = 200.0;
        });
        let forged_verdict = forged(&store, record("Northwind", "2026-04-03T10:00:00Z", 3), |r| {
            r.summary.verdict = crate::core::assessment::Verdict::Ready;
            r.summary.score = 95.0;
        });
        let listing = store.list().unwrap();
        assert_eq!(listing.entries.len(), 1);
        let problem = |path: &Path| listing.skipped.iter().find(|s| s.path == path).unwrap().problem.clone();
        assert!(problem(&high_priority).contains("the priority of the action for"), "{}", problem(&high_priority));
        assert!(problem(&forged_verdict).contains("its summary and its assessment disagree on the verdict"));
    }

    #[test]
    fn a_record_under_another_name_or_with_a_taken_id_is_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path());
        let first = store.save(&mut record("Contoso", "2026-04-01T10:00:00Z", 1), || 0).unwrap();
        let renamed = tmp.path().join("renamed.json");
        fs::copy(&first, &renamed).unwrap();
        // Another organisation's record given the first one's id: its name
        // says so, but the id is taken.
        let mut twin = record("Contoso", "2026-04-01T10:00:00Z", 1);
        twin.summary.organization = Some("Contoso Ltd".into());
        twin.assessment.organization = twin.summary.organization.clone();
        twin.answers.organization = twin.summary.organization.clone();
        let twin_path = tmp.path().join(twin.file_name());
        fs::write(&twin_path, crate::core::json::to_json(&twin)).unwrap();

        let listing = store.list().unwrap();
        let listed: Vec<&Path> = listing.entries.iter().map(|e| e.path.as_path()).collect();
        assert_eq!(listed, [first.as_path()]);
        let problems = skipped(&store);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let of = |name: &str| problems.iter().find(|(n, _)| n == name).unwrap().1.clone();
        assert!(of("renamed.json").starts_with("its file name does not match its id and organisation"));
        let twin_name = twin_path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            of(&twin_name),
            format!("its id {} is the id of {} too, which is listed", twin.summary.id, first.display())
        );
    }

    #[test]
    fn files_read_on_several_threads_come_back_in_order() {
        for n in [0, 1, FILES_PER_THREAD * 2 - 1, FILES_PER_THREAD * 2, FILES_PER_THREAD * 9 + 5] {
            let paths: Vec<PathBuf> = (0..n).map(|i| PathBuf::from(format!("{i:04}.json"))).collect();
            assert_eq!(read_all(&paths, Path::to_path_buf), paths, "{n} files");
        }
    }
}
