//! Which file a draft is kept in, and whose draft a file holds.
//!
//! A draft's file name is the questionnaire id, then the organisation and
//! the respondent as slugs, each after an `@` (which no questionnaire id
//! contains): `crm-quick@acme-ltd@ann-lee.json`. A part not given is left
//! out at the end (`crm-quick@acme-ltd.json`, `crm-quick.json`) and empty
//! in the middle (`crm-quick@@ann-lee.json`). When that name is taken, a
//! number follows a `+`: `crm-quick@acme-ltd@ann-lee+2.json`.
//!
//! Whose a draft is comes from its content, not its name: drafts saved
//! before respondents were part of the name (`crm-quick@acme-ltd.json`
//! holding Ann's answers) are still found as Ann's.

use crate::core::answers::Answers;

/// The draft's file name for `organization` and `respondent` (either may
/// be missing or blank).
pub fn file_name(questionnaire_id: &str, organization: Option<&str>, respondent: Option<&str>) -> String {
    let org = organization.map(slug).unwrap_or_default();
    let who = respondent.map(slug).unwrap_or_default();
    match (org.is_empty(), who.is_empty()) {
        (true, true) => format!("{questionnaire_id}.json"),
        (false, true) => format!("{questionnaire_id}@{org}.json"),
        (_, false) => format!("{questionnaire_id}@{org}@{who}.json"),
    }
}

/// [`file_name`], or the first numbered variant of it that `taken` says is
/// free: a new interview never takes another draft's file.
pub fn free_file_name(
    questionnaire_id: &str,
    organization: Option<&str>,
    respondent: Option<&str>,
    taken: impl Fn(&str) -> bool,
) -> String {
    let name = file_name(questionnaire_id, organization, respondent);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    std::iter::once(name.clone())
        .chain((2..).map(|n| format!("{stem}+{n}.json")))
        .find(|candidate| !taken(candidate))
        .unwrap_or(name)
}

/// Whether `answers` are those of `organization` and `respondent`, each
/// when given (`None` matches anyone). Names match as their slugs do:
/// case, spacing and punctuation do not count.
pub fn is_for(answers: &Answers, organization: Option<&str>, respondent: Option<&str>) -> bool {
    let matches = |given: Option<&str>, held: &Option<String>| {
        given.is_none_or(|g| slug(g) == held.as_deref().map(slug).unwrap_or_default())
    };
    matches(organization, &answers.organization) && matches(respondent, &answers.respondent)
}

/// Whether `answers` are exactly those of `organization` and `respondent`,
/// where `None` (or a blank name) means none was given: the draft a new
/// interview for them would have replaced.
pub fn same_respondent(answers: &Answers, organization: Option<&str>, respondent: Option<&str>) -> bool {
    let key =
        |org: Option<&str>, who: Option<&str>| (org.map(slug).unwrap_or_default(), who.map(slug).unwrap_or_default());
    key(answers.organization.as_deref(), answers.respondent.as_deref()) == key(organization, respondent)
}

/// Lower-case letters and digits, runs of anything else as one `-`, at
/// most 40 characters: safe in a file name on every system.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(org: Option<&str>, who: Option<&str>) -> Answers {
        Answers { organization: org.map(str::to_string), respondent: who.map(str::to_string), ..Answers::default() }
    }

    #[test]
    fn names_hold_the_questionnaire_organisation_and_respondent_safely() {
        assert_eq!(file_name("crm-quick", None, None), "crm-quick.json");
        assert_eq!(file_name("crm-quick", Some("Acme Ltd."), None), "crm-quick@acme-ltd.json");
        assert_eq!(file_name("crm-quick", Some("Acme Ltd."), Some("Ann Lee")), "crm-quick@acme-ltd@ann-lee.json");
        assert_eq!(file_name("crm-quick", None, Some("Ann")), "crm-quick@@ann.json");
        assert_eq!(file_name("crm-quick", Some("  "), Some(" ")), "crm-quick.json");
        assert_eq!(file_name("crm-quick", Some("../../etc/passwd"), Some("a/b\\c")), "crm-quick@etc-passwd@a-b-c.json");
        assert_eq!(file_name("crm-quick", Some("Müller & Söhne"), None), "crm-quick@müller-söhne.json");
        assert!(file_name("q", Some(&"x".repeat(500)), Some(&"y".repeat(500))).len() < 100);
        assert_ne!(
            file_name("q", Some("Acme"), Some("Ann")),
            file_name("q", Some("Acme"), Some("Bob")),
            "two respondents of one organisation"
        );
    }

    #[test]
    fn a_taken_name_gets_the_next_free_number() {
        let taken = ["q@acme@ann.json", "q@acme@ann+2.json"];
        assert_eq!(free_file_name("q", Some("Acme"), Some("Ann"), |n| taken.contains(&n)), "q@acme@ann+3.json");
        assert_eq!(free_file_name("q", Some("Acme"), Some("Bob"), |n| taken.contains(&n)), "q@acme@bob.json");
        assert_eq!(free_file_name("q", None, None, |n| n == "q.json"), "q+2.json");
    }

    #[test]
    fn whose_a_draft_is_comes_from_its_answers() {
        let ann = answers(Some("Acme Ltd"), Some("Ann Lee"));
        assert!(is_for(&ann, Some("acme ltd"), None));
        assert!(is_for(&ann, Some("ACME LTD."), Some("ann lee")));
        assert!(is_for(&ann, None, Some("Ann Lee")));
        assert!(is_for(&ann, None, None));
        assert!(!is_for(&ann, Some("Acme Ltd"), Some("Bob")));
        assert!(!is_for(&ann, Some("Narrow Co"), None));
        assert!(!is_for(&answers(Some("Acme Ltd"), None), Some("Acme Ltd"), Some("Ann")));

        assert!(same_respondent(&ann, Some("Acme Ltd"), Some("ann lee")));
        assert!(!same_respondent(&ann, Some("Acme Ltd"), None), "no name given is someone else");
        assert!(same_respondent(&answers(Some("Acme"), Some(" ")), Some("acme"), None), "blank is not given");
        assert!(same_respondent(&answers(None, None), None, Some("")));
    }
}
