//! What the terminal and the HTML views of a trend and a comparison both
//! say, worded once, so that the two never tell a different story: how
//! many rounds and assessments, what the change is measured from, and
//! how the two sides of a comparison are named.

use crate::core::answers::Group;
use crate::core::assessment::Risk;
use crate::core::history::compare::{AnswerChange, Comparison, Direction, Reading, Side};
use crate::core::history::respondents::{Person, RespondentsChanged};
use crate::core::history::trend::{Series, Trend};
use crate::core::round::group_word;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;

/// `3 rounds (11 assessments)`; `1 round`.
pub(crate) fn rounds_and_assessments(trend: &Trend) -> String {
    let n = trend.assessments.len();
    let assessed: usize = trend.assessments.iter().map(|p| p.respondents).sum();
    let mut out = format!("{n} round{}", if n == 1 { "" } else { "s" });
    if assessed != n {
        out.push_str(&format!(" ({assessed} assessments)"));
    }
    out
}

/// `crm-review 1.0.0 (2 rounds), crm-review 1.1.0 (1 round)` when the
/// rounds used more than one questionnaire or version.
pub(crate) fn questionnaires_used(trend: &Trend) -> Option<String> {
    if trend.questionnaires.len() < 2 {
        return None;
    }
    let used: Vec<String> = trend
        .questionnaires
        .iter()
        .map(|v| {
            let plural = if v.rounds == 1 { "" } else { "s" };
            format!("{} {} ({} round{plural})", one_line(&v.id), one_line(&v.version), v.rounds)
        })
        .collect();
    Some(used.join(", "))
}

/// The change column's heading: it says what the change is measured from.
pub(crate) fn change_heading(trend: &Trend) -> String {
    match trend.assessments.first() {
        Some(first) if trend.assessments.len() > 1 => format!("Change since {}", one_line(&first.label)),
        _ => "Change".to_string(),
    }
}

/// ` (2026-Q2 to 2026-Q3)` after a row's change when the row does not run
/// from the first round to the last (an area a questionnaire gained or
/// lost): the rounds its change is measured between.
pub(crate) fn change_note(trend: &Trend, series: &Series) -> String {
    let n = trend.assessments.len();
    let first = series.scores.iter().position(Option::is_some);
    let last = series.scores.iter().rposition(Option::is_some);
    match (first, last) {
        (Some(f), Some(l)) if f < l && (f != 0 || l + 1 != n) => {
            let label = |i: usize| one_line(&trend.assessments[i].label).into_owned();
            format!(" ({} to {})", label(f), label(l))
        }
        _ => String::new(),
    }
}

/// The change of a row, `None` with one round: nothing to change from yet.
pub(crate) fn row_change(trend: &Trend, series: &Series) -> Option<f64> {
    series.change.filter(|_| trend.assessments.len() > 1)
}

/// The two sides' names, sanitised: `2026-Q1 (4 respondents)`,
/// `2026-Q2 (Mia Chen)`; told apart by date when they read the same (one
/// respondent's two assessments under one label). Two respondents side by
/// side are named as people: `Mia Chen`, with their labels when these
/// differ (`Mia Chen (2026-Q1)`).
pub(crate) fn side_names(c: &Comparison) -> (String, String) {
    if let Some(people) = people(c) {
        return people;
    }
    let (b, a) = (one_line(&c.before.name).into_owned(), one_line(&c.after.name).into_owned());
    if a != b {
        return (b, a);
    }
    let on = |s: &Side| s.assessed_at.strftime("%Y-%m-%d %H:%M").to_string();
    (format!("{b} of {}", on(&c.before)), format!("{a} of {}", on(&c.after)))
}

/// Two named, different respondents set side by side, by name.
fn people(c: &Comparison) -> Option<(String, String)> {
    if c.reading != Reading::SideBySide {
        return None;
    }
    let (b, a) = (c.before.respondent.as_deref()?.trim(), c.after.respondent.as_deref()?.trim());
    if b.to_lowercase() == a.to_lowercase() {
        return None;
    }
    let (b, a) = (one_line(b).into_owned(), one_line(a).into_owned());
    match (&c.before.label, &c.after.label) {
        (Some(lb), Some(la)) if lb != la => {
            Some((format!("{b} ({})", one_line(lb)), format!("{a} ({})", one_line(la))))
        }
        _ => Some((b, a)),
    }
}

/// `Mia Chen's answers`; `the answers of 2026-Q2 (Mia Chen)` for a name
/// that is not a person's alone.
pub(crate) fn answers_of(name: &str) -> String {
    if name.ends_with(')') || name.chars().any(|ch| ch.is_ascii_digit()) {
        format!("the answers of {name}")
    } else {
        format!("{name}'s answers")
    }
}

/// What the comparison is of, after the organisation: `2026-Q1 (4
/// respondents) → 2026-Q2 (3 respondents)`, or `Mia Chen and Ian Hart,
/// side by side`.
pub(crate) fn what_is_compared(c: &Comparison) -> String {
    let (before, after) = side_names(c);
    match c.reading {
        Reading::OverTime => format!("{before} → {after}"),
        Reading::SideBySide => format!("{before} and {after}, side by side"),
    }
}

/// The score of each side and how they differ: `44 → 49.3 (+5.3)`, or
/// `Mia Chen 62.8, Ian Hart 25: 37.8 apart`.
pub(crate) fn scores_compared(c: &Comparison) -> String {
    match c.reading {
        Reading::OverTime => {
            format!("{} → {} ({})", fmt1(c.score.before), fmt1(c.score.after), super::cells::signed(c.score.change))
        }
        Reading::SideBySide => {
            let (before, after) = side_names(c);
            let apart = match c.score.change.abs() {
                0.0 => "the same".to_string(),
                gap => format!("{} apart", fmt1(gap)),
            };
            format!("{before} {}, {after} {}: {apart}", fmt1(c.score.before), fmt1(c.score.after))
        }
    }
}

/// The answers that differ between two sides set side by side, the widest
/// gap first and those without a score on either side last.
pub(crate) fn differing_answers(c: &Comparison) -> Vec<&AnswerChange> {
    let gap = |a: &AnswerChange| a.score_before.zip(a.score_after).map(|(b, n)| (n - b).abs());
    let mut list: Vec<&AnswerChange> = c.changed_answers.iter().collect();
    list.sort_by(|x, y| match (gap(x), gap(y)) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    list
}

/// Two scores of one answer: `40 → 75` over time, `40 / 75` side by side;
/// `—` when neither is scored.
pub(crate) fn answer_scores(c: &Comparison, a: &AnswerChange) -> String {
    let text = |s: Option<f64>| s.map_or_else(|| "—".to_string(), fmt1);
    let between = match c.reading {
        Reading::OverTime => "→",
        Reading::SideBySide => "/",
    };
    match (a.score_before, a.score_after) {
        (None, None) => "—".to_string(),
        (b, n) => format!("{} {between} {}", text(b), text(n)),
    }
}

/// An area's risk on each side: `high → medium` over time, `high /
/// medium` side by side, once when the same.
pub(crate) fn risks_compared(c: &Comparison, before: Option<Risk>, after: Option<Risk>) -> String {
    let name = |r: Option<Risk>| r.map_or("n/a", Risk::name);
    match c.reading {
        _ if before == after => name(after).to_string(),
        Reading::OverTime => format!("{} → {}", name(before), name(after)),
        Reading::SideBySide => format!("{} / {}", name(before), name(after)),
    }
}

/// The heading of the column of differences: `Change`, or `Difference`.
pub(crate) fn change_column(c: &Comparison) -> &'static str {
    match c.reading {
        Reading::OverTime => "Change",
        Reading::SideBySide => "Difference",
    }
}

/// When one side was assessed, with its id when it is a stored one:
/// `2026-03-11 (20260311-c1b0b2)`.
pub(crate) fn side_date(s: &Side) -> String {
    let date = s.assessed_at.strftime("%Y-%m-%d").to_string();
    match &s.id {
        Some(id) => format!("{date} ({})", one_line(id)),
        None => date,
    }
}

/// Which questionnaires were compared, and on what: `crm-review 1.0.0`,
/// or the questions the two share.
pub(crate) fn questionnaires_compared(c: &Comparison) -> String {
    let (qa, qb) = (&c.before.questionnaire, &c.after.questionnaire);
    let (ida, va, vb) = (one_line(&qa.id), one_line(&qa.version), one_line(&qb.version));
    let n = c.questions_compared;
    if c.same_questionnaire {
        format!("{ida} {va}")
    } else if qa.id == qb.id && qa.version != qb.version {
        format!("{ida} {va} → {vb}: compared on the {n} questions both versions share")
    } else {
        format!(
            "{ida} {va} → {} {vb}: different questionnaires, so only the {n} questions they share are compared",
            one_line(&qb.id),
        )
    }
}

/// How the verdict moved, naming both sides: `2026-Q3 (3 respondents) is
/// better than 2026-Q1 (4 respondents)`; side by side, which answers give
/// the more favourable verdict.
pub(crate) fn verdict_direction(c: &Comparison) -> String {
    let (before, after) = side_names(c);
    match (c.reading, c.verdict.direction) {
        (Reading::OverTime, Direction::Same) => format!("the same for {after} as for {before}"),
        (Reading::OverTime, d) => format!("{after} is {} than {before}", d.name()),
        (Reading::SideBySide, Direction::Same) => "the same for both".to_string(),
        (Reading::SideBySide, d) => {
            let kind = if d == Direction::Better { "more" } else { "less" };
            format!("{} give a {kind} favourable verdict than {}", answers_of(&after), answers_of(&before))
        }
    }
}

/// The headings of a comparison's sections, naming the side each is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct SectionTitles {
    pub worse: String,
    pub better: String,
    pub other: String,
    /// Side by side, all the answers that differ, under one heading.
    pub differ: String,
    pub raised: String,
    pub cleared: String,
    pub completed: String,
    pub new: String,
    pub open: String,
}

impl SectionTitles {
    pub(crate) fn of(c: &Comparison) -> SectionTitles {
        let (before, after) = side_names(c);
        match c.reading {
            Reading::OverTime => SectionTitles {
                worse: format!("Answers that got worse in {after}"),
                better: format!("Answers that improved in {after}"),
                other: "Other answers that changed".to_string(),
                differ: "Answers that changed".to_string(),
                raised: format!("Red flags raised in {after}"),
                cleared: format!("Red flags cleared since {before}"),
                completed: format!("Actions completed since {before} (no longer recommended)"),
                new: format!("New actions in {after}"),
                open: format!("Actions still open in {after}"),
            },
            Reading::SideBySide => {
                let (theirs_before, theirs_after) = (answers_of(&before), answers_of(&after));
                SectionTitles {
                    worse: format!("Answers where {after} scores lower"),
                    better: format!("Answers where {after} scores higher"),
                    other: "Other answers that differ".to_string(),
                    differ: format!("Answers that differ: {before} / {after}"),
                    raised: format!("Red flags only {theirs_after} raise"),
                    cleared: format!("Red flags only {theirs_before} raise"),
                    completed: format!("Actions only {theirs_before} call for"),
                    new: format!("Actions only {theirs_after} call for"),
                    open: "Actions both call for".to_string(),
                }
            }
        }
    }
}

/// Most people named in one sentence; the rest are counted.
const NAMED_AT_MOST: usize = 8;

/// `Tom Reid (users), Margaret Holt (owners)`, the first few, then how
/// many more.
fn named(people: &[Person]) -> String {
    let mut names: Vec<String> = people
        .iter()
        .take(NAMED_AT_MOST)
        .map(|p| match p.group {
            Some(g) => format!("{} ({})", one_line(&p.name), group_word(Some(g))),
            None => one_line(&p.name).into_owned(),
        })
        .collect();
    if people.len() > NAMED_AT_MOST {
        names.push(format!("and {} more", people.len() - NAMED_AT_MOST));
    }
    names.join(", ")
}

/// `2 respondents`, `1 respondent`.
fn respondents(n: usize) -> String {
    format!("{n} respondent{}", if n == 1 { "" } else { "s" })
}

/// What changed in who answered, one sentence each: `2 respondents in
/// 2026-Q4 were not in 2026-Q3: Tom Reid (users), Margaret Holt (owners).`,
/// then how to compare like for like; nothing when the same people
/// answered throughout.
pub(crate) fn respondents_changed(changes: &[RespondentsChanged]) -> Vec<String> {
    let mut lines = Vec::new();
    for c in changes {
        let (now, since) = (one_line(&c.label), one_line(&c.since));
        let mut were = |list: &[Person], in_: &str, not_in: &str| {
            if !list.is_empty() {
                let verb = if list.len() == 1 { "was" } else { "were" };
                lines.push(format!("{} in {in_} {verb} not in {not_in}: {}.", respondents(list.len()), named(list)));
            }
        };
        were(&c.joined, &now, &since);
        were(&c.left, &since, &now);
        let groups = |list: &[Group]| list.iter().map(|g| group_word(Some(*g))).collect::<Vec<_>>().join(", ");
        if !c.groups_joined.is_empty() {
            lines.push(format!("Not heard in {since}: {}.", groups(&c.groups_joined)));
        }
        if !c.groups_left.is_empty() {
            lines.push(format!("Not heard in {now}: {}.", groups(&c.groups_left)));
        }
    }
    if !lines.is_empty() {
        lines.push(
            "Scores move with who answered as well as with what they answered; \
             --same-respondents keeps to the people heard in every round."
                .to_string(),
        );
    }
    lines
}

/// `Like for like: only the 3 respondents heard in both rounds: …` with
/// `--same-respondents`, over `rounds` rounds.
pub(crate) fn same_respondents(people: Option<&[Person]>, rounds: usize) -> Option<String> {
    let people = people?;
    let every = if rounds == 2 { "both rounds" } else { "every round" };
    Some(format!("Like for like: only the {} heard in {every}: {}.", respondents(people.len()), named(people)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::respondents::{RoundPeople, changed};

    #[test]
    fn a_change_of_people_is_told_in_sentences_with_a_count_and_their_groups() {
        let q3 = [Person::new("Gareth Lloyd", Some(Group::Management)), Person::new("Priya Shah", Some(Group::It))];
        let q4 = [
            Person::new("Gareth Lloyd", Some(Group::Management)),
            Person::new("Tom Reid", Some(Group::Users)),
            Person::new("Margaret Holt", Some(Group::Owners)),
        ];
        let c = changed(RoundPeople { label: "2026-Q3", people: &q3 }, RoundPeople { label: "2026-Q4", people: &q4 });
        let lines = respondents_changed(&c.into_iter().collect::<Vec<_>>());
        assert_eq!(
            lines[..4],
            [
                "2 respondents in 2026-Q4 were not in 2026-Q3: Tom Reid (users), Margaret Holt (owners).",
                "1 respondent in 2026-Q3 was not in 2026-Q4: Priya Shah (IT).",
                "Not heard in 2026-Q3: users, owners.",
                "Not heard in 2026-Q4: IT.",
            ]
        );
        assert!(lines[4].contains("--same-respondents"), "{lines:?}");
        assert!(respondents_changed(&[]).is_empty(), "the same people: nothing to say");
        let many: Vec<Person> = (1..=10).map(|i| Person::new(&format!("P{i}"), None)).collect();
        assert!(named(&many).ends_with("P8, and 2 more"), "{}", named(&many));
    }

    #[test]
    fn a_person_owns_their_answers_and_anything_else_is_written_out() {
        assert_eq!(answers_of("Lee Carter"), "Lee Carter's answers");
        assert_eq!(answers_of("2026-Q4 (Lee Carter)"), "the answers of 2026-Q4 (Lee Carter)");
    }
}
