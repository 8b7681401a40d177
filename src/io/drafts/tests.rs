use std::path::{Path, PathBuf};

use super::*;
use crate::core::answers::Answer;
use crate::core::questionnaire::builtin;

fn quick() -> Questionnaire {
    builtin::find("crm-quick").unwrap().load().unwrap()
}

fn sample(q: &Questionnaire) -> Draft {
    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Acme Ltd".into());
    answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
    answers.notes.insert("vision.objective".into(), "ask the board".into());
    let position = Position { question: Some("vision.strategy".into()), reviewing: false };
    Draft::new(q, answers, position, jiff::Timestamp::from_second(1_780_000_000).unwrap())
}

#[test]
fn a_draft_round_trips() {
    let q = quick();
    let draft = sample(&q);
    let back = parse(&draft.to_json(), "d.json", &q).unwrap();
    assert_eq!(back, draft);
    assert!(draft.to_json().contains("\"draft_version\": 1"));
}

#[test]
fn a_truncated_draft_is_a_located_error() {
    let q = quick();
    let json = sample(&q).to_json();
    let cut = &json[..json.len() / 2];
    let err = parse(cut, "drafts/crm-quick.json", &q).unwrap_err().to_string();
    assert!(err.starts_with("drafts/crm-quick.json:"), "{err}");
    assert!(err.contains("damaged"), "{err}");
    assert!(err.contains("move the file away"), "{err}");
}

#[test]
fn a_draft_for_another_version_or_with_bad_answers_is_refused() {
    let q = quick();
    let mut draft = sample(&q);
    draft.questionnaire.version = "0.9".into();
    let err = parse(&draft.to_json(), "d.json", &q).unwrap_err().to_string();
    assert!(err.contains("version 0.9 of `crm-quick`"), "{err}");

    let mut draft = sample(&q);
    draft.answers.answers.insert("vision.objective".into(), Answer::Text("perhaps".into()));
    let err = parse(&draft.to_json(), "d.json", &q).unwrap_err().to_string();
    assert!(err.contains("has no choice `perhaps`"), "{err}");
}

#[test]
fn find_lists_drafts_for_the_questionnaire_newest_first() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(find(&dir.path().join("missing"), &q), Found::default());
    std::fs::write(dir.path().join("a-file"), "").unwrap();
    assert_eq!(find(&dir.path().join("a-file").join("drafts"), &q), Found::default(), "under a file");
    let mut older = sample(&q);
    older.saved_at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    save(&dir.path().join(file_name("crm-quick", Some("Older"), None)), &older).unwrap();
    save(&dir.path().join(file_name("crm-quick", Some("Acme Ltd"), None)), &sample(&q)).unwrap();
    std::fs::write(dir.path().join("crm-readiness.json"), "not ours").unwrap();
    let names = |found: &Found| -> Vec<String> {
        found.saved.iter().map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned()).collect()
    };
    let found = find(dir.path(), &q);
    assert_eq!(names(&found), ["crm-quick@acme-ltd.json", "crm-quick@older.json"]);
    assert!(found.unreadable.is_empty());

    // A damaged one is left out, named, and the others are still offered.
    std::fs::write(dir.path().join("crm-quick.json"), "{\"draft_version\": 1,").unwrap();
    let found = find(dir.path(), &q);
    assert_eq!(names(&found), ["crm-quick@acme-ltd.json", "crm-quick@older.json"]);
    let [damaged] = found.unreadable.as_slice() else { panic!("{:?}", found.unreadable) };
    assert_eq!(damaged.path, dir.path().join("crm-quick.json"));
    let warning = damaged.to_string();
    assert!(warning.starts_with("skipped a saved interview that cannot be continued:\n"), "{warning}");
    assert!(warning.contains("crm-quick.json:1:"), "{warning}");
}

#[test]
fn drafts_of_two_respondents_and_an_old_name_are_all_found_and_told_apart() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    let of = |who: &str, second: i64| {
        let mut d = sample(&q);
        d.answers.respondent = Some(who.into());
        d.saved_at = jiff::Timestamp::from_second(second).unwrap();
        d
    };
    // Saved before respondents were in the name: Cy's, under the organisation's name alone.
    save(&dir.path().join("crm-quick@acme-ltd.json"), &of("Cy", 1_700_000_000)).unwrap();
    for (who, at) in [("Ann", 1_700_000_100), ("Bob", 1_700_000_200)] {
        save(&dir.path().join(file_name("crm-quick", Some("Acme Ltd"), Some(who))), &of(who, at)).unwrap();
    }
    let found = find(dir.path(), &q).saved;
    let names: Vec<_> = found.iter().map(|s| s.path.file_name().unwrap().to_str().unwrap()).collect();
    assert_eq!(names, ["crm-quick@acme-ltd@bob.json", "crm-quick@acme-ltd@ann.json", "crm-quick@acme-ltd.json"]);
    let whose = |who: &str| -> Vec<&str> {
        found
            .iter()
            .filter(|s| is_for(&s.draft.answers, Some("Acme Ltd"), Some(who)))
            .map(|s| s.path.file_name().unwrap().to_str().unwrap())
            .collect()
    };
    assert_eq!(whose("Ann"), ["crm-quick@acme-ltd@ann.json"]);
    assert_eq!(whose("cy"), ["crm-quick@acme-ltd.json"], "an old name is found by its content");
    assert_eq!(found.iter().filter(|s| is_for(&s.draft.answers, Some("acme ltd"), None)).count(), 3);
}

#[test]
fn discard_ignores_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.json");
    save(&path, &sample(&quick())).unwrap();
    discard(&path).unwrap();
    assert!(!path.exists());
    discard(&path).unwrap();
}

/// Writes `text` as the draft `name` in `dir`.
fn put(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn every_kind_of_unreadable_draft_is_skipped_with_how_to_start_afresh() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    let good = sample(&q);
    save(&dir.path().join("crm-quick@good.json"), &good).unwrap();
    let mut other_choice = good.clone();
    other_choice.answers.answers.insert("vision.objective".into(), Answer::Text("nope".into()));
    put(dir.path(), "crm-quick@a-unknown-choice.json", &other_choice.to_json());
    let mut other_version = good.clone();
    other_version.questionnaire.version = "0.9".into();
    put(dir.path(), "crm-quick@b-other-version.json", &other_version.to_json());
    let mut newer = good.clone();
    newer.draft_version = DRAFT_VERSION + 1;
    put(dir.path(), "crm-quick@c-newer.json", &newer.to_json());
    put(dir.path(), "crm-quick@d-empty.json", "");
    put(dir.path(), "crm-quick@e-not-utf8.json", "{\u{0}");
    std::fs::write(dir.path().join("crm-quick@f-binary.json"), [0xff, 0xfe, 0x00]).unwrap();
    std::fs::create_dir(dir.path().join("crm-quick@g-directory.json")).unwrap();
    // A link to a file the respondent can read but must not see quoted.
    let secret = put(dir.path(), "secret.txt", "root:x:0:0:root:/root:/bin/bash\n");
    std::os::unix::fs::symlink(&secret, dir.path().join("crm-quick@h-link.json")).unwrap();

    let found = find(dir.path(), &q);
    assert_eq!(found.saved.len(), 1, "the good one is still offered");
    assert_eq!(found.unreadable.len(), 8, "{:#?}", found.unreadable);
    for u in &found.unreadable {
        let warning = u.to_string();
        assert!(warning.contains("move the file away") || warning.contains("move the draft away"), "{warning}");
        assert!(!warning.contains("root:x:0:0"), "a linked file is never quoted: {warning}");
    }
    let of = |name: &str| found.unreadable.iter().find(|u| u.path.ends_with(name)).unwrap().to_string();
    assert!(of("crm-quick@a-unknown-choice.json").contains("has no choice `nope`"));
    assert!(!of("crm-quick@a-unknown-choice.json").contains("use one of"), "the respondent did not write it");
    assert!(of("crm-quick@h-link.json").contains("a symbolic link, not a regular file; it is not read"));
}
