//! A saved interview as the app offers it: whose it is, how far it got,
//! when it was saved, and the command that continues it.

use std::path::PathBuf;

use crate::core::answers::Answers;
use crate::core::dates::date_text;
use crate::core::questionnaire::Questionnaire;
use crate::core::session::{Progress, Session};
use crate::core::shell_word::shell_quote;
use crate::core::text::one_line;
use crate::io::drafts::Saved;

/// A saved interview offered on the resume screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub saved: Saved,
    pub progress: Progress,
}

impl Offer {
    pub fn new(q: &Questionnaire, saved: Saved) -> Self {
        let progress = Session::new(q, saved.draft.answers.clone()).0.total_progress();
        Offer { saved, progress }
    }

    /// One line: who (organisation, respondent, role, group), how far
    /// and when, e.g. `Acme Ltd · Ann Lee (CFO, Management) · 4 of 13
    /// answered · saved 2026-03-10 09:30 UTC`, then the round and the day
    /// it was held, if the interview was given them.
    pub fn describe(&self) -> String {
        let filed = filed_under(&self.saved.draft.answers).map(|f| format!(" · {f}")).unwrap_or_default();
        format!("{} · {}{filed}", whose(&self.saved.draft.answers), self.progress_and_time())
    }

    /// How far it got and when it was saved (UTC, as the app shows
    /// times): `4 of 13 answered · saved 2026-03-10 09:30 UTC`.
    pub fn progress_and_time(&self) -> String {
        let saved = self.saved.draft.saved_at.strftime("%Y-%m-%d %H:%M UTC");
        format!("{} of {} answered · saved {saved}", self.progress.answered, self.progress.shown)
    }
}

/// Whose answers these are, in words.
pub fn whose(a: &Answers) -> String {
    let clean = |s: &Option<String>| s.as_deref().map(|s| one_line(s).trim().to_string()).filter(|s| !s.is_empty());
    let about: Vec<String> = clean(&a.role).into_iter().chain(a.group.map(|g| g.title().to_string())).collect();
    let person = match (clean(&a.respondent), about.is_empty()) {
        (Some(name), true) => Some(name),
        (Some(name), false) => Some(format!("{name} ({})", about.join(", "))),
        (None, false) => Some(format!("no name given ({})", about.join(", "))),
        (None, true) => None,
    };
    let parts: Vec<String> = clean(&a.organization).into_iter().chain(person).collect();
    if parts.is_empty() { "No organisation given".to_string() } else { parts.join(" · ") }
}

/// The round and the day given to an interview (`--label`, `--date`), in
/// words: `round Board pre-signing · held 2026-10-02`; `None` when it
/// takes the defaults (the quarter and day it is submitted in).
pub fn filed_under(a: &Answers) -> Option<String> {
    let label = a.label.as_deref().map(|l| format!("round {}", one_line(l)));
    let held = a.assessed_at.map(|at| format!("held {}", at.strftime("%Y-%m-%d")));
    let parts: Vec<String> = label.into_iter().chain(held).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// What the first screen says of the files named like a draft that cannot
/// be continued (`paths`), if there are any.
pub fn not_offered(paths: &[PathBuf]) -> Option<String> {
    let name = |p: &PathBuf| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let what = match paths {
        [] => return None,
        [one] => format!("A saved interview cannot be continued and is not offered ({})", name(one)),
        many => format!(
            "{} saved interviews cannot be continued and are not offered ({})",
            many.len(),
            many.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
    };
    Some(format!("{what}: why is printed in the terminal, to read once you leave."))
}

/// `base` (the command that resumes, without whose interview) with the
/// organisation and respondent of `answers`, and the round and day they
/// are filed under if given: the exact command that continues their
/// interview and files it where it was meant to go.
pub fn resume_command_for(base: &str, answers: &Answers) -> String {
    let date = answers.assessed_at.map(date_text);
    let mut command = base.to_string();
    for (flag, value) in [
        ("--organization", &answers.organization),
        ("--respondent", &answers.respondent),
        ("--label", &answers.label),
        ("--date", &date),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            command.push_str(&format!(" {flag} {}", shell_quote(v)));
        }
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Group;

    fn answers(org: Option<&str>, who: Option<&str>, role: Option<&str>, group: Option<Group>) -> Answers {
        Answers {
            organization: org.map(str::to_string),
            respondent: who.map(str::to_string),
            role: role.map(str::to_string),
            group,
            ..Answers::default()
        }
    }

    #[test]
    fn whose_names_the_organisation_then_the_respondent_with_role_and_group() {
        let w = |org, who, role, group| whose(&answers(org, who, role, group));
        assert_eq!(w(Some("Acme Ltd"), Some("Ann Lee"), Some("CFO"), Some(Group::It)), "Acme Ltd · Ann Lee (CFO, IT)");
        assert_eq!(w(Some("Acme Ltd"), Some("Ann"), None, None), "Acme Ltd · Ann");
        assert_eq!(w(Some("Acme Ltd"), None, None, None), "Acme Ltd");
        assert_eq!(w(None, None, None, Some(Group::Users)), "no name given (Users)");
        assert_eq!(w(None, None, None, None), "No organisation given");
    }

    #[test]
    fn the_resume_command_names_organisation_and_respondent() {
        let base = "crm-ready assess --resume";
        let a = answers(Some("Acme Ltd"), Some("Ann"), None, None);
        assert_eq!(
            resume_command_for(base, &a),
            "crm-ready assess --resume --organization 'Acme Ltd' --respondent Ann"
        );
        let a = answers(None, Some("O'Neil"), None, None);
        assert_eq!(resume_command_for(base, &a), "crm-ready assess --resume --respondent 'O'\\''Neil'");
        assert_eq!(resume_command_for(base, &Answers::default()), base);
    }

    #[test]
    fn the_resume_command_repeats_the_round_and_the_day_given() {
        let mut a = answers(Some("Acme Ltd"), None, None, None);
        a.label = Some("Board pre-signing".into());
        a.assessed_at = Some("2026-10-02T00:00:00Z".parse().unwrap());
        assert_eq!(
            resume_command_for("crm-ready assess --resume", &a),
            "crm-ready assess --resume --organization 'Acme Ltd' --label 'Board pre-signing' --date 2026-10-02"
        );
        assert_eq!(filed_under(&a).as_deref(), Some("round Board pre-signing · held 2026-10-02"));
        assert_eq!(filed_under(&Answers::default()), None);
    }
}
