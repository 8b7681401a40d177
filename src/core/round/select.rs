//! Which stored assessments form a round: one organisation's (the caller
//! picks them), with one label and one questionnaire (id and version).
//! Pure: summaries in, rounds out.

use crate::core::assessment::QuestionnaireRef;
use crate::core::history::Summary;
use crate::core::suggest::closest;

/// The assessments of one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<'a> {
    pub label: String,
    pub questionnaire: QuestionnaireRef,
    /// In the order they were assessed. A respondent named more than once
    /// counts once, by their latest assessment.
    pub members: Vec<&'a Summary>,
    /// The earlier assessments of a respondent named more than once.
    pub replaced: Vec<&'a Summary>,
}

impl Found<'_> {
    /// The round's date: its latest assessment's.
    pub fn assessed_at(&self) -> jiff::Timestamp {
        self.members.iter().map(|s| s.assessed_at).max().unwrap_or_default()
    }

    /// `crm-readiness 2.0.0`.
    pub fn questionnaire_name(&self) -> String {
        format!("{} {}", self.questionnaire.id, self.questionnaire.version)
    }
}

/// No round answers to the name asked for, or the round is not one
/// questionnaire's (exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RoundError {
    pub message: String,
}

/// The rounds among `summaries` (one organisation's), ordered by date (a
/// round's latest assessment). Assessments with one label but different
/// questionnaires or versions are separate rounds here; [`pick`] refuses
/// them.
pub fn rounds<'a>(summaries: &[&'a Summary]) -> Vec<Found<'a>> {
    let mut ordered = summaries.to_vec();
    ordered.sort_by(|a, b| (a.assessed_at, a.saved_at, &a.id).cmp(&(b.assessed_at, b.saved_at, &b.id)));
    let mut found: Vec<Found<'a>> = Vec::new();
    for s in ordered {
        let same = |f: &&mut Found<'a>| {
            f.label == s.label.trim()
                && f.questionnaire.id == s.questionnaire.id
                && f.questionnaire.version == s.questionnaire.version
        };
        match found.iter_mut().find(same) {
            Some(round) => round.members.push(s),
            None => found.push(Found {
                label: s.label.trim().to_string(),
                questionnaire: s.questionnaire.clone(),
                members: vec![s],
                replaced: Vec::new(),
            }),
        }
    }
    for round in &mut found {
        keep_latest_per_respondent(round);
    }
    found.sort_by_key(|r| r.assessed_at());
    found
}

/// The round labelled `label` (the latest round without one) of
/// `organization`, whose assessments are `summaries`.
pub fn pick<'a>(summaries: &[&'a Summary], label: Option<&str>, organization: &str) -> Result<Found<'a>, RoundError> {
    let all = rounds(summaries);
    let wanted = match label {
        Some(l) => l.trim().to_string(),
        None => all.last().map(|r| r.label.clone()).unwrap_or_default(),
    };
    let mut matching: Vec<Found<'a>> = all.iter().filter(|r| r.label == wanted).cloned().collect();
    match matching.len() {
        0 => Err(no_such_label(&all, &wanted, organization)),
        1 => Ok(matching.remove(0)),
        _ => Err(mixed(&matching, organization, label.is_none().then_some(&all))),
    }
}

/// The distinct labels of `rounds`, oldest round first.
pub fn labels(rounds: &[Found<'_>]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for r in rounds {
        if !labels.contains(&r.label) {
            labels.push(r.label.clone());
        }
    }
    labels
}

/// Leaves out the earlier assessments of a respondent named more than
/// once: someone who answered again meant the later answers.
fn keep_latest_per_respondent(round: &mut Found<'_>) {
    let name = |s: &Summary| s.respondent.as_deref().map(|n| n.trim().to_lowercase()).filter(|n| !n.is_empty());
    let mut kept: Vec<&Summary> = Vec::new();
    for (i, s) in round.members.iter().enumerate() {
        let later = round.members[i + 1..].iter().any(|t| name(t).is_some() && name(t) == name(s));
        if later { round.replaced.push(s) } else { kept.push(s) }
    }
    round.members = kept;
}

fn no_such_label(all: &[Found<'_>], wanted: &str, organization: &str) -> RoundError {
    let known = labels(all);
    let mut message = format!("no round labelled `{wanted}` for `{organization}`");
    if let Some(close) = closest(wanted, &known) {
        message.push_str(&format!("; did you mean `{close}`?"));
    }
    message.push_str(&format!(" Its labels, oldest first: {}.", known.join(", ")));
    RoundError { message }
}

/// One label, several questionnaires or versions.
fn mixed(rounds: &[Found<'_>], organization: &str, others: Option<&Vec<Found<'_>>>) -> RoundError {
    let parts: Vec<String> = rounds
        .iter()
        .map(|r| {
            let n = r.members.len();
            format!("{} ({n} respondent{})", r.questionnaire_name(), if n == 1 { "" } else { "s" })
        })
        .collect();
    let label = rounds.first().map_or("", |r| r.label.as_str());
    let mut message = format!(
        "the round `{label}` of `{organization}` mixes {}; a round reads answers to one questionnaire: \
         re-run the odd ones out with the questionnaire the others used, or give them a label of their own",
        join_and(&parts)
    );
    if let Some(all) = others {
        message.push_str(&format!("; or pass --label to read another round ({})", labels(all).join(", ")));
    }
    RoundError { message }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::summary;

    fn member(id: &str, at: &str, label: &str, respondent: Option<&str>, version: &str) -> Summary {
        let mut s = summary(id, Some("Contoso"), at, 50.0, &[]);
        s.label = label.into();
        s.respondent = respondent.map(str::to_string);
        s.questionnaire.version = version.into();
        s
    }

    #[test]
    fn rounds_group_by_label_and_questionnaire_ordered_by_their_latest_date() {
        let a = member("a", "2026-01-10T00:00:00Z", "Q1", Some("Ann"), "1");
        let b = member("b", "2026-04-02T00:00:00Z", "Q2", Some("Ann"), "1");
        let c = member("c", "2026-04-01T00:00:00Z", "Q1", Some("Bob"), "1");
        let d = member("d", "2026-03-01T00:00:00Z", "Q2", Some("Cy"), "1");
        let found = rounds(&[&a, &b, &c, &d]);
        let shape: Vec<(&str, Vec<&str>)> =
            found.iter().map(|r| (r.label.as_str(), r.members.iter().map(|s| s.id.as_str()).collect())).collect();
        // Q1's latest assessment (1 April) comes before Q2's (2 April).
        assert_eq!(shape, [("Q1", vec!["a", "c"]), ("Q2", vec!["d", "b"])]);
        assert_eq!(found[1].assessed_at(), "2026-04-02T00:00:00Z".parse::<jiff::Timestamp>().unwrap());
    }

    #[test]
    fn someone_who_answered_twice_counts_by_the_later_answers() {
        let first = member("first", "2026-01-10T00:00:00Z", "Q1", Some("Ann Lee"), "1");
        let again = member("again", "2026-01-20T00:00:00Z", "Q1", Some(" ann lee"), "1");
        let anon1 = member("x", "2026-01-11T00:00:00Z", "Q1", None, "1");
        let anon2 = member("y", "2026-01-12T00:00:00Z", "Q1", None, "1");
        let round = pick(&[&first, &again, &anon1, &anon2], None, "Contoso").unwrap();
        let ids: Vec<&str> = round.members.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["x", "y", "again"], "unnamed respondents are all kept");
        assert_eq!(round.replaced.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["first"]);
    }

    #[test]
    fn a_label_must_exist_and_name_one_questionnaire() {
        let a = member("a", "2026-01-10T00:00:00Z", "2026-Q1", Some("Ann"), "1.0.0");
        let b = member("b", "2026-04-10T00:00:00Z", "2026-Q2", Some("Ann"), "1.0.0");
        let c = member("c", "2026-04-11T00:00:00Z", "2026-Q2", Some("Bob"), "1.0.0");
        let d = member("d", "2026-04-12T00:00:00Z", "2026-Q2", Some("Cy"), "2.0.0");
        let all = [&a, &b, &c, &d];
        assert_eq!(pick(&all, Some("2026-Q1"), "Contoso").unwrap().members.len(), 1);
        let err = pick(&all, Some("2026-Q3"), "Contoso").unwrap_err().message;
        assert_eq!(
            err,
            "no round labelled `2026-Q3` for `Contoso`; did you mean `2026-Q2`? Its labels, oldest first: 2026-Q1, 2026-Q2."
        );
        let err = pick(&all, None, "Contoso").unwrap_err().message;
        assert!(
            err.starts_with(
                "the round `2026-Q2` of `Contoso` mixes q 1.0.0 (2 respondents) and q 2.0.0 (1 respondent); "
            ),
            "{err}"
        );
        assert!(err.ends_with("; or pass --label to read another round (2026-Q1, 2026-Q2)"), "{err}");
        let err = pick(&all, Some("2026-Q2"), "Contoso").unwrap_err().message;
        assert!(err.ends_with("give them a label of their own"), "{err}");
    }
}
