//! The two header values of an answers file that are more than text: the
//! respondent's stakeholder group and the date the interview was held.
//! Both syntax readers use these, so the messages are the same in TOML and
//! JSON.

use super::Group;
use crate::core::dates::{DATE_FORMS, parse_date};
use crate::core::diagnostic::{Diagnostic, Span};
use crate::core::suggest::closest;

/// The group named `name` (its value at `span`).
pub(super) fn group(name: &str, span: Span) -> Result<Group, Diagnostic> {
    Group::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Group::ALL.iter().map(|g| g.name()).collect();
        let list = format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]);
        let help = match closest(name, &names) {
            Some(best) => format!("did you mean `{best}`? The groups are {list}"),
            None => format!("the groups are {list}"),
        };
        Diagnostic::at(span, format!("unknown group `{name}`")).with_help(help)
    })
}

/// The date in `text` (its value at `span`).
pub(super) fn assessed_at(text: &str, span: Span) -> Result<jiff::Timestamp, Diagnostic> {
    parse_date(text)
        .map_err(|problem| Diagnostic::at(span, problem.message("`assessed_at`", text)).with_help(problem.help()))
}

/// `assessed_at` holds something that is no date at all (`found`, in words).
pub(super) fn not_a_date(found: &str, span: Span) -> Diagnostic {
    Diagnostic::at(span, format!("`assessed_at` in the answers file must be a date, found {found}"))
        .with_help(DATE_FORMS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_group_suggests_the_closest_and_lists_all() {
        assert_eq!(group("users", 0..1), Ok(Group::Users));
        let d = group("managment", 3..14).unwrap_err();
        assert_eq!(d.span, Some(3..14));
        assert_eq!(d.message, "unknown group `managment`");
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `management`? The groups are management, it, users and owners")
        );
        let d = group("sales", 0..5).unwrap_err();
        assert_eq!(d.help.as_deref(), Some("the groups are management, it, users and owners"));
    }

    #[test]
    fn a_bad_date_is_located_and_says_the_forms() {
        let d = assessed_at("2026-02-30", 4..16).unwrap_err();
        assert_eq!(d.span, Some(4..16));
        assert_eq!(d.message, "`assessed_at` names a day that does not exist: 2026-02-30");
        assert_eq!(d.help.as_deref(), Some(DATE_FORMS));
    }
}
