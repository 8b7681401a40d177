//! Which stored assessments form a round: one organisation's (the caller
//! picks them), with one label and one questionnaire (id and version).
//! Pure: summaries in, rounds out.

pub use super::refusals::describe;
use super::refusals::{mixed, no_such_label, not_answered, several_questionnaires};
use crate::core::assessment::QuestionnaireRef;
use crate::core::history::Summary;
use crate::core::questionnaire::same_major;

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
    /// Assessments under the same label that answered another
    /// questionnaire, left out because another was asked for.
    pub left_out: Vec<&'a Summary>,
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

/// Which round is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Wanted<'w> {
    /// Its label (case does not matter); `None` for the latest round.
    pub label: Option<&'w str>,
    /// The questionnaire whose respondents form the round, when one label
    /// holds answers to several: by id, and by version among several.
    pub questionnaire: Option<&'w QuestionnaireRef>,
    /// The store's directory, as messages name a record's file.
    pub store: &'w str,
}

/// The rounds among `summaries` (one organisation's), ordered by date (a
/// round's latest assessment). Labels match whatever the case (a round is
/// named as its first assessment spells it). Versions with one major
/// number answer the same questions, so they form one round, named by its
/// latest assessment's version. Assessments with one label but different
/// questionnaires or major versions are separate rounds here; [`pick`]
/// refuses them unless one questionnaire is asked for.
pub fn rounds<'a>(summaries: &[&'a Summary]) -> Vec<Found<'a>> {
    let mut ordered = summaries.to_vec();
    ordered.sort_by(|a, b| (a.assessed_at, a.saved_at, &a.id).cmp(&(b.assessed_at, b.saved_at, &b.id)));
    let mut found: Vec<Found<'a>> = Vec::new();
    for s in ordered {
        let same = |f: &&mut Found<'a>| {
            same_label(&f.label, &s.label)
                && f.questionnaire.id == s.questionnaire.id
                && same_major(&f.questionnaire.version, &s.questionnaire.version)
        };
        match found.iter_mut().find(same) {
            Some(round) => {
                round.questionnaire = s.questionnaire.clone();
                round.members.push(s);
            }
            None => found.push(Found {
                label: s.label.trim().to_string(),
                questionnaire: s.questionnaire.clone(),
                members: vec![s],
                replaced: Vec::new(),
                left_out: Vec::new(),
            }),
        }
    }
    for round in &mut found {
        keep_latest_per_respondent(round);
    }
    found.sort_by_key(|r| r.assessed_at());
    found
}

/// Whether two labels name one round: case and surrounding spaces aside.
pub fn same_label(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `rounds` hold one labelled `label`.
pub fn has_label(rounds: &[Found<'_>], label: &str) -> bool {
    rounds.iter().any(|r| same_label(&r.label, label))
}

/// The round labelled `label` (the latest round without one) of
/// `organization`, whose assessments are `summaries`.
pub fn pick<'a>(summaries: &[&'a Summary], label: Option<&str>, organization: &str) -> Result<Found<'a>, RoundError> {
    pick_wanted(summaries, &Wanted { label, questionnaire: None, store: "" }, organization)
}

/// The round `wanted` names among `summaries` (the assessments of
/// `organization`). When its label holds answers to several
/// questionnaires, the one asked for forms the round and the others are
/// [`Found::left_out`]; with none asked for, the round is refused, naming
/// the records that differ.
pub fn pick_wanted<'a>(
    summaries: &[&'a Summary],
    wanted: &Wanted<'_>,
    organization: &str,
) -> Result<Found<'a>, RoundError> {
    let all = rounds(summaries);
    let label = match wanted.label {
        Some(l) => l.trim().to_string(),
        // The latest round of the questionnaire asked for, else the latest.
        None => {
            let of_it = all.iter().rev().find(|r| wanted.questionnaire.is_none_or(|q| r.questionnaire.id == q.id));
            of_it.or(all.last()).map(|r| r.label.clone()).unwrap_or_default()
        }
    };
    let matching: Vec<&Found<'a>> = all.iter().filter(|r| same_label(&r.label, &label)).collect();
    if matching.is_empty() {
        return Err(no_such_label(&all, &label, organization));
    }
    let chosen = match wanted.questionnaire {
        Some(q) => choose(&matching, q).ok_or_else(|| not_answered(&matching, q, organization))?,
        None if matching.len() == 1 => 0,
        None => return Err(mixed(&matching, organization, wanted, wanted.label.is_none().then_some(&all))),
    };
    let mut round = matching[chosen].clone();
    round.left_out = matching
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != chosen)
        .flat_map(|(_, r)| r.members.iter().copied())
        .collect();
    Ok(round)
}

/// Which of `matching` (one label's rounds) answered `q`: by id, and by
/// version when several versions of it are there.
fn choose(matching: &[&Found<'_>], q: &QuestionnaireRef) -> Option<usize> {
    let of_id: Vec<usize> = (0..matching.len()).filter(|&i| matching[i].questionnaire.id == q.id).collect();
    match of_id.as_slice() {
        [only] => Some(*only),
        _ => of_id.into_iter().find(|&i| matching[i].questionnaire.version == q.version),
    }
}

/// The rounds a trend follows: one questionnaire's, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Series<'a> {
    /// The questionnaire's id.
    pub questionnaire: String,
    pub rounds: Vec<Found<'a>>,
    /// The rounds of other questionnaires, left out.
    pub left_out: Vec<Found<'a>>,
}

/// The rounds of `organization` (whose assessments are `summaries`) that
/// answered one questionnaire: the one of `named` (by id) when given, else
/// the only one there is. Scores of different questionnaires do not
/// compare, so a trend never mixes them; versions of one questionnaire
/// match by area id, but one label answered in two versions is refused as
/// `round` refuses it.
pub fn series<'a>(
    summaries: &[&'a Summary],
    named: &[QuestionnaireRef],
    organization: &str,
    store: &str,
) -> Result<Series<'a>, RoundError> {
    let all = rounds(summaries);
    let mut ids: Vec<&str> = Vec::new();
    for r in &all {
        if !ids.contains(&r.questionnaire.id.as_str()) {
            ids.push(&r.questionnaire.id);
        }
    }
    let asked: Vec<&str> = ids.iter().copied().filter(|id| named.iter().any(|q| q.id == *id)).collect();
    let id = match (asked.as_slice(), ids.as_slice()) {
        ([one], _) | ([], [one]) => one.to_string(),
        ([], []) => String::new(),
        _ => return Err(several_questionnaires(&all, if asked.is_empty() { &ids } else { &asked }, organization)),
    };
    let (kept, left_out): (Vec<Found<'a>>, Vec<Found<'a>>) =
        all.iter().cloned().partition(|r| id.is_empty() || r.questionnaire.id == id);
    for r in &kept {
        let same: Vec<&Found<'a>> = kept.iter().filter(|o| same_label(&o.label, &r.label)).collect();
        if same.len() > 1 {
            return Err(mixed(&same, organization, &Wanted { label: None, questionnaire: None, store }, None));
        }
    }
    Ok(Series { questionnaire: id, rounds: kept, left_out })
}

/// The distinct labels of `rounds`, oldest round first.
pub fn labels(rounds: &[Found<'_>]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for r in rounds {
        if !labels.iter().any(|l| same_label(l, &r.label)) {
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
        // Another quarter is no typo of this one; another label may be.
        let err = pick(&all, Some("2026-Q3"), "Contoso").unwrap_err().message;
        assert_eq!(err, "no round labelled `2026-Q3` for `Contoso`. Its labels, oldest first: 2026-Q1, 2026-Q2.");
        let err = pick(&all, Some("2026-Q"), "Contoso").unwrap_err().message;
        assert!(err.contains("; did you mean `2026-Q"), "{err}");
        let err = pick(&all, Some("Q4 2026"), "Contoso").unwrap_err().message;
        assert_eq!(err, "no round labelled `Q4 2026` for `Contoso`. Its labels, oldest first: 2026-Q1, 2026-Q2.");
        let err = pick(&all, None, "Contoso").unwrap_err().message;
        assert!(
            err.starts_with(
                "the round `2026-Q2` of `Contoso` mixes q 1.0.0 (2 respondents) and q 2.0.0 (1 respondent); "
            ),
            "{err}"
        );
        assert!(err.ends_with("; or pass --label to read another round (2026-Q1, 2026-Q2)"), "{err}");
    }

    #[test]
    fn labels_match_whatever_the_case() {
        let a = member("a", "2026-10-10T00:00:00Z", "2026-Q4", Some("Ann"), "1");
        let b = member("b", "2026-10-11T00:00:00Z", "2026-q4", Some("Bob"), "1");
        let all = [&a, &b];
        let found = rounds(&all);
        assert_eq!(found.len(), 1, "one round");
        assert_eq!(found[0].label, "2026-Q4", "named as first spelled");
        assert_eq!(pick(&all, Some(" 2026-q4"), "Contoso").unwrap().members.len(), 2);
        assert!(has_label(&found, "2026-q4"));
    }

    /// Sam answered another questionnaire under the label the others used.
    fn mixed_quarter() -> [Summary; 4] {
        let mut quick =
            member("20261120T090000Z-7b1fcc", "2026-11-20T00:00:00Z", "2026-Q4", Some("Sam Quick"), "2.0.0");
        quick.questionnaire.id = "crm-quick".into();
        quick.group = Some(crate::core::answers::Group::Users);
        let full = |id: &str, at: &str, who: &str| {
            let mut s = member(id, at, "2026-Q4", Some(who), "2.0.0");
            s.questionnaire.id = "crm-readiness".into();
            s
        };
        [
            full("20261110T090000Z-aaaaaa", "2026-11-10T00:00:00Z", "Ann"),
            full("20261111T090000Z-bbbbbb", "2026-11-11T00:00:00Z", "Bob"),
            quick,
            full("20261112T090000Z-cccccc", "2026-11-12T00:00:00Z", "Cy"),
        ]
    }

    #[test]
    fn a_mixed_round_names_the_odd_records_and_a_questionnaire_picks_its_respondents() {
        let s = mixed_quarter();
        let all: Vec<&Summary> = s.iter().collect();
        let err = pick_wanted(&all, &Wanted { label: Some("2026-Q4"), questionnaire: None, store: "/st" }, "Contoso")
            .unwrap_err()
            .message;
        assert_eq!(
            err,
            "the round `2026-Q4` of `Contoso` mixes crm-readiness 2.0.0 (3 respondents) and crm-quick 2.0.0 \
             (1 respondent); a round reads answers to one questionnaire. The odd one out: 7b1fcc, Sam Quick (users), \
             crm-quick 2.0.0, in /st/20261120T090000Z-contoso-7b1fcc.json. Pass --questionnaire crm-readiness or \
             --questionnaire crm-quick to read one questionnaire's round without the others, or move the odd file \
             out of the store"
        );
        let mut readiness = s[0].questionnaire.clone();
        readiness.version = "9.9.9".into();
        let wanted = Wanted { label: Some("2026-Q4"), questionnaire: Some(&readiness), store: "/st" };
        let found = pick_wanted(&all, &wanted, "Contoso").unwrap();
        assert_eq!(found.members.len(), 3, "by id, the one version there is");
        assert_eq!(found.left_out.iter().map(|s| s.short_id()).collect::<Vec<_>>(), ["7b1fcc"]);
        // The latest round of that questionnaire, without a label.
        let quick = s[2].questionnaire.clone();
        let found = pick_wanted(&all, &Wanted { label: None, questionnaire: Some(&quick), store: "" }, "Contoso");
        assert_eq!(found.unwrap().members.iter().map(|s| s.short_id()).collect::<Vec<_>>(), ["7b1fcc"]);
        let mut other = quick.clone();
        other.id = "crm-review".into();
        let err = pick_wanted(&all, &Wanted { label: None, questionnaire: Some(&other), store: "" }, "Contoso")
            .unwrap_err()
            .message;
        assert!(err.starts_with("nobody in the round `2026-Q4` of `Contoso` answered crm-review 2.0.0"), "{err}");
    }

    #[test]
    fn a_trend_follows_one_questionnaire() {
        let mut s = mixed_quarter().to_vec();
        let mut earlier = member("20260510T090000Z-dddddd", "2026-05-10T00:00:00Z", "2026-Q2", Some("Ann"), "2.0.0");
        earlier.questionnaire.id = "crm-readiness".into();
        s.push(earlier);
        let all: Vec<&Summary> = s.iter().collect();
        let err = series(&all, &[], "Contoso", "").unwrap_err().message;
        assert_eq!(
            err,
            "`Contoso` has rounds of 2 questionnaires: crm-readiness (2026-Q2, 2026-Q4) and crm-quick (2026-Q4); \
             a trend follows one questionnaire, as the scores of different questionnaires do not compare: \
             pass --questionnaire crm-readiness or --questionnaire crm-quick"
        );
        let picked = series(&all, std::slice::from_ref(&s[0].questionnaire), "Contoso", "").unwrap();
        assert_eq!(picked.questionnaire, "crm-readiness");
        assert_eq!(picked.rounds.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["2026-Q2", "2026-Q4"]);
        assert_eq!(picked.left_out.len(), 1);
        // One label answered in two versions of one questionnaire is refused, as `round` refuses it.
        let mut old = member("20261113T090000Z-eeeeee", "2026-11-13T00:00:00Z", "2026-Q4", Some("Di"), "1.0.0");
        old.questionnaire.id = "crm-readiness".into();
        s.push(old);
        let all: Vec<&Summary> = s.iter().collect();
        let err = series(&all, std::slice::from_ref(&s[0].questionnaire), "Contoso", "").unwrap_err().message;
        assert!(
            err.contains("mixes crm-readiness 2.0.0 (3 respondents) and crm-readiness 1.0.0 (1 respondent)"),
            "{err}"
        );
        assert!(err.contains("--questionnaire FILE (of crm-readiness 1.0.0)"), "{err}");
    }
}
