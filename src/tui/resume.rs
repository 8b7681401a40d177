//! `assess --resume`: which saved interview to continue. With
//! `--organization` and `--respondent` it is theirs; when several could be
//! meant, the error lists them with the command that continues each.

use std::path::Path;

use crate::core::questionnaire::Questionnaire;
use crate::exit::UsageError;
use crate::io::drafts::{self, Saved};
use crate::tui::app::{Details, Offer, resume_command_for};

/// The one draft among `saved` (all of `q`'s, newest first) that the
/// details name. `dir` and `resume_command` (without whose interview) are
/// for the messages.
pub fn pick(
    q: &Questionnaire,
    saved: Vec<Saved>,
    details: &Details,
    dir: Option<&Path>,
    resume_command: &str,
) -> Result<Saved, UsageError> {
    let (org, who) = (details.organization.as_deref(), details.respondent.as_deref());
    let mut candidates: Vec<Saved> = saved.into_iter().filter(|s| drafts::is_for(&s.draft.answers, org, who)).collect();
    let whose = match (org, who) {
        (Some(o), Some(r)) => format!(" for {r} at {o}"),
        (Some(o), None) => format!(" for {o}"),
        (None, Some(r)) => format!(" for {r}"),
        (None, None) => String::new(),
    };
    if candidates.len() == 1 {
        return Ok(candidates.remove(0));
    }
    if candidates.is_empty() {
        let place = dir.map_or_else(|| "(no data directory)".to_string(), |d| d.display().to_string());
        return Err(UsageError::new(format!(
            "no saved interview for `{}`{whose} in {place}; start one without --resume",
            q.id
        )));
    }
    let mut message = format!("{} saved interviews for `{}`{whose}; say which to continue:", candidates.len(), q.id);
    for saved in candidates {
        let command = resume_command_for(resume_command, &saved.draft.answers);
        let offer = Offer::new(q, saved);
        message.push_str(&format!("\n  {}\n    {command}", offer.describe()));
    }
    message.push_str("\nor run the command without --resume to pick one from a list");
    Err(UsageError::new(message))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::core::answers::Answers;
    use crate::core::questionnaire::builtin;
    use crate::io::drafts::{Draft, Position};

    fn saved(q: &Questionnaire, org: &str, who: Option<&str>, name: &str) -> Saved {
        let mut answers = Answers::for_questionnaire(q);
        answers.organization = Some(org.into());
        answers.respondent = who.map(str::to_string);
        let draft = Draft::new(q, answers, Position::default(), jiff::Timestamp::UNIX_EPOCH);
        Saved { path: PathBuf::from("/drafts").join(name), draft }
    }

    fn details(org: Option<&str>, who: Option<&str>) -> Details {
        Details { organization: org.map(str::to_string), respondent: who.map(str::to_string), ..Details::default() }
    }

    #[test]
    fn the_respondent_picks_one_of_an_organisations_drafts() {
        let q = builtin::find("crm-quick").unwrap().load().unwrap();
        let all = || {
            vec![
                saved(&q, "Acme Ltd", Some("Ann"), "crm-quick@acme-ltd@ann.json"),
                saved(&q, "Acme Ltd", Some("Bob"), "crm-quick@acme-ltd@bob.json"),
                saved(&q, "Narrow Co", None, "crm-quick@narrow-co.json"),
            ]
        };
        let base = "crm-ready assess -q crm-quick --resume";
        let pick = |org, who| pick(&q, all(), &details(org, who), Some(Path::new("/drafts")), base);
        assert_eq!(
            pick(Some("acme ltd"), Some("BOB")).unwrap().path,
            PathBuf::from("/drafts/crm-quick@acme-ltd@bob.json")
        );
        assert_eq!(pick(Some("Narrow Co"), None).unwrap().path, PathBuf::from("/drafts/crm-quick@narrow-co.json"));

        let err = pick(Some("Acme Ltd"), None).unwrap_err().to_string();
        assert!(err.starts_with("2 saved interviews for `crm-quick` for Acme Ltd; say which to continue:"), "{err}");
        let shown = Offer::new(&q, all().remove(0)).progress.shown;
        let line = format!("\n  Acme Ltd · Ann · 0 of {shown} answered · saved 1970-01-01 00:00 UTC\n");
        assert!(err.contains(&line), "{err}");
        assert!(err.contains(&format!("\n    {base} --organization 'Acme Ltd' --respondent Bob\n")), "{err}");
        assert!(err.ends_with("or run the command without --resume to pick one from a list"), "{err}");
        assert!(pick(None, None).unwrap_err().to_string().starts_with("3 saved interviews for `crm-quick`;"));

        let err = pick(Some("Acme Ltd"), Some("Cy")).unwrap_err().to_string();
        assert_eq!(err, "no saved interview for `crm-quick` for Cy at Acme Ltd in /drafts; start one without --resume");
    }
}
