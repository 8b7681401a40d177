//! Checking what a record says about itself: its id, its dates, its
//! format versions and the length of its texts, each against what
//! crm-ready writes. A record that fails was damaged or forged.

use crate::core::assessment::{Assessment, SCHEMA_VERSION};
use crate::core::history::record::{StoredAssessment, Summary};
use crate::core::limits::{MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_TEXT_CHARS};

use super::record_check::Problem;

/// How far ahead of this machine's clock another machine's may be: a
/// record saved a little "in the future" by a colleague's clock sharing
/// the store is not forged.
pub const CLOCK_SKEW: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);

/// Hex digits after the `-` of an id.
const ID_SUFFIX: usize = 6;

/// The id: `20261122T094501Z-3fa9c1`, the second it was saved and six
/// lowercase hex digits.
pub fn check_id(s: &Summary) -> Result<(), Problem> {
    let stamp = s.saved_at.strftime("%Y%m%dT%H%M%SZ").to_string();
    let well_formed = s.id.split_once('-').is_some_and(|(head, suffix)| {
        head == stamp
            && suffix.len() == ID_SUFFIX
            && suffix.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if well_formed {
        return Ok(());
    }
    let shown = if s.id.chars().count() <= MAX_ID_CHARS { format!("`{}`", s.id) } else { "of its summary".into() };
    Err(format!(
        "the id {shown} is not one crm-ready gives: {stamp}- (when it was saved) and {ID_SUFFIX} hexadecimal digits"
    ))
}

/// Nothing was held after it was saved, or saved after `now` (give or
/// take [`CLOCK_SKEW`]).
pub fn check_dates(s: &Summary, now: jiff::Timestamp) -> Result<(), Problem> {
    if s.assessed_at > s.saved_at {
        return Err(format!("it says it was held ({}) after it was saved ({})", s.assessed_at, s.saved_at));
    }
    not_in_future("it was saved", s.saved_at, now)
}

/// `at` (when `what` happened) is not later than `now`, give or take
/// [`CLOCK_SKEW`].
pub fn not_in_future(what: &str, at: jiff::Timestamp, now: jiff::Timestamp) -> Result<(), Problem> {
    match now.checked_add(CLOCK_SKEW) {
        Ok(latest) if at > latest => Err(format!("{what} in the future: {at}")),
        _ => Ok(()),
    }
}

/// Formats newer than this crm-ready reads.
pub fn check_schema(a: &Assessment) -> Result<(), Problem> {
    if a.schema_version > SCHEMA_VERSION {
        return Err(format!(
            "its assessment was written by a newer crm-ready (report schema {}); upgrade to read it",
            a.schema_version
        ));
    }
    Ok(())
}

/// `sha256:` and 64 lowercase hex digits, as every questionnaire's hash is.
pub fn check_content_hash(hash: &str) -> Result<(), Problem> {
    let hex = hash.strip_prefix("sha256:").unwrap_or("");
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Ok(());
    }
    Err("its questionnaire's content hash is not one crm-ready gives (sha256: and 64 hexadecimal digits)".into())
}

/// Every text within the limits a questionnaire or an answers file is held
/// to: what crm-ready stores, it has read through them.
pub fn check_lengths(r_summary: Option<&Summary>, a: &Assessment) -> Result<(), Problem> {
    let names = [
        ("organization", a.organization.as_deref()),
        ("respondent", a.respondent.as_deref()),
        ("role", a.role.as_deref()),
        ("label", a.label.as_deref()),
        ("label", r_summary.map(|s| s.label.as_str())),
        ("the questionnaire's version", Some(a.questionnaire.version.as_str())),
        ("the questionnaire's title", Some(a.questionnaire.title.as_str())),
    ];
    for (what, text) in names {
        within(|| what.into(), text.unwrap_or_default(), MAX_LABEL_CHARS)?;
    }
    within(|| "the questionnaire's id".into(), &a.questionnaire.id, MAX_ID_CHARS)?;
    for area in &a.areas {
        within(|| "an area's id".into(), &area.id, MAX_ID_CHARS)?;
        within(|| format!("the title of area `{}`", area.id), &area.title, MAX_LABEL_CHARS)?;
    }
    for q in &a.questions {
        within(|| "a question's id".into(), &q.id, MAX_ID_CHARS)?;
        within(|| format!("the text of question `{}`", q.id), &q.text, MAX_TEXT_CHARS)?;
        let note = q.note.as_deref().unwrap_or_default();
        within(|| format!("the note on question `{}`", q.id), note, MAX_TEXT_CHARS)?;
    }
    for action in &a.actions {
        let what = || format!("the recommendation for `{}`", action.question);
        within(what, &action.recommendation, MAX_TEXT_CHARS)?;
    }
    for flag in &a.red_flags {
        let what = || format!("the red flag's recommendation for `{}`", flag.question);
        within(what, &flag.recommendation, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

/// `what` names the text in the message, and is only written for one.
fn within(what: impl FnOnce() -> String, text: &str, max: usize) -> Result<(), Problem> {
    // No more bytes than `max` is no more characters: most texts need no count.
    if text.len() <= max {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(format!("{} is {chars} characters long, more than the {max} allowed", what()));
    }
    Ok(())
}

/// A stored record's identity: id, dates, formats and texts.
pub fn check_identity(r: &StoredAssessment, now: jiff::Timestamp) -> Result<(), Problem> {
    check_id(&r.summary)?;
    check_dates(&r.summary, now)?;
    check_schema(&r.assessment)?;
    check_content_hash(&r.assessment.questionnaire.content_hash)?;
    check_lengths(Some(&r.summary), &r.assessment)
}

/// A bare report's (`assess --format json`): dates, formats and texts.
pub fn check_report_identity(a: &Assessment, now: jiff::Timestamp) -> Result<(), Problem> {
    not_in_future("it was held", a.assessed_at, now)?;
    check_schema(a)?;
    check_content_hash(&a.questionnaire.content_hash)?;
    check_lengths(None, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::record;

    fn now() -> jiff::Timestamp {
        "2026-12-01T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_saved_record_passes() {
        let r = record("Contoso", "2026-04-01T10:00:00Z", 1);
        assert_eq!(check_identity(&r, now()), Ok(()));
    }

    #[test]
    fn ids_must_be_crm_readys_own() {
        let fresh = || record("Contoso", "2026-04-01T10:00:00Z", 1);
        for forged in
            ["../../../tmp/probe/x", "20260401T100000Z-ABCDEF", "20260401T100000Z-3fa9c", "20250101T000000Z-3fa9c1"]
        {
            let mut r = fresh();
            r.summary.id = forged.into();
            let err = check_identity(&r, now()).unwrap_err();
            assert!(err.starts_with(&format!("the id `{forged}` is not one crm-ready gives")), "{err}");
        }
        let mut r = fresh();
        r.summary.id = "x".repeat(10_000);
        assert!(check_identity(&r, now()).unwrap_err().starts_with("the id of its summary is not"));
    }

    #[test]
    fn dates_in_the_future_or_held_after_saving_are_refused() {
        let mut r = record("Contoso", "2026-04-01T10:00:00Z", 1);
        r.summary.assessed_at = "2026-05-01T00:00:00Z".parse().unwrap();
        assert!(check_identity(&r, now()).unwrap_err().contains("held (2026-05-01T00:00:00Z) after it was saved"));
        let r = record("Contoso", "2099-01-01T00:00:00Z", 1);
        assert_eq!(check_identity(&r, now()).unwrap_err(), "it was saved in the future: 2099-01-01T00:00:00Z");
        let skewed = now().checked_add(jiff::SignedDuration::from_mins(30)).unwrap();
        assert_eq!(not_in_future("it was saved", skewed, now()), Ok(()), "a colleague's clock a little ahead");
        let mut a = record("Contoso", "2026-04-01T10:00:00Z", 1).assessment;
        a.assessed_at = "2099-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(check_report_identity(&a, now()).unwrap_err(), "it was held in the future: 2099-01-01T00:00:00Z");
    }

    #[test]
    fn newer_formats_bad_hashes_and_long_texts_are_refused() {
        let fresh = || record("Contoso", "2026-04-01T10:00:00Z", 1);
        let mut r = fresh();
        r.assessment.schema_version = 99;
        assert!(check_identity(&r, now()).unwrap_err().contains("newer crm-ready (report schema 99)"));
        let mut r = fresh();
        r.assessment.questionnaire.content_hash = "x".into();
        assert!(check_identity(&r, now()).unwrap_err().contains("content hash is not one crm-ready gives"));
        let mut r = fresh();
        r.summary.label = "Q".repeat(301);
        assert_eq!(check_identity(&r, now()).unwrap_err(), "label is 301 characters long, more than the 300 allowed");
        let mut r = fresh();
        r.assessment.questions[0].note = Some("n".repeat(4001));
        assert!(check_identity(&r, now()).unwrap_err().starts_with("the note on question"));
    }
}
