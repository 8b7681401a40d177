//! Why a round or a trend is refused, in words that say which records are
//! at fault, where they are, and what to pass instead.

use super::model::group_word;
use super::select::{Found, RoundError, Wanted, labels};
use crate::core::assessment::QuestionnaireRef;
use crate::core::history::Summary;
use crate::core::history::record::file_name;
use crate::core::suggest::closest;

/// Rounds of several questionnaires, and no one of them named.
pub(super) fn several_questionnaires(all: &[Found<'_>], ids: &[&str], organization: &str) -> RoundError {
    let each: Vec<String> = ids
        .iter()
        .map(|id| {
            let theirs: Vec<Found<'_>> = all.iter().filter(|r| r.questionnaire.id == *id).cloned().collect();
            format!("{id} ({})", labels(&theirs).join(", "))
        })
        .collect();
    let choices: Vec<String> = ids.iter().map(|id| format!("--questionnaire {id}")).collect();
    RoundError {
        message: format!(
            "`{organization}` has rounds of {} questionnaires: {}; a trend follows one questionnaire, \
             as the scores of different questionnaires do not compare: pass {}",
            ids.len(),
            join_and(&each),
            join_or(&choices)
        ),
    }
}

pub(super) fn no_such_label(all: &[Found<'_>], wanted: &str, organization: &str) -> RoundError {
    let known = labels(all);
    let mut message = format!("no round labelled `{wanted}` for `{organization}`");
    // Another quarter is no typo of this one: "2026-Q1" is not "2026-Q4".
    let suggestion = if is_quarter(wanted) { None } else { closest(wanted, &known) };
    match suggestion {
        Some(close) => message.push_str(&format!("; did you mean `{close}`?")),
        None => message.push('.'),
    }
    message.push_str(&format!(" Its labels, oldest first: {}.", known.join(", ")));
    RoundError { message }
}

/// Whether `label` names a quarter as the default labels do: `2026-Q3`.
fn is_quarter(label: &str) -> bool {
    let label = label.trim().to_ascii_uppercase();
    match label.split_once("-Q") {
        Some((year, quarter)) => {
            year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && matches!(quarter, "1" | "2" | "3" | "4")
        }
        None => false,
    }
}

/// One label, several questionnaires or versions: which records differ
/// from the largest group, where they are, and how to read the round.
pub(super) fn mixed(
    rounds: &[&Found<'_>],
    organization: &str,
    wanted: &Wanted<'_>,
    others: Option<&Vec<Found<'_>>>,
) -> RoundError {
    let label = rounds.first().map_or("", |r| r.label.as_str());
    // The largest group (the first of equals) is the round meant.
    let largest = (0..rounds.len()).rev().max_by_key(|&i| rounds[i].members.len());
    let odd: Vec<&Summary> = rounds
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != largest)
        .flat_map(|(_, r)| r.members.iter().copied())
        .collect();
    let mut message = format!(
        "the round `{label}` of `{organization}` mixes {}; a round reads answers to one questionnaire. {}: {}",
        join_and(&rounds.iter().map(|r| counted(r)).collect::<Vec<_>>()),
        if odd.len() == 1 { "The odd one out" } else { "The odd ones out" },
        odd.iter().map(|s| describe(s, wanted.store)).collect::<Vec<_>>().join("; ")
    );
    let ids_unique = |r: &Found<'_>| rounds.iter().filter(|o| o.questionnaire.id == r.questionnaire.id).count() == 1;
    let choices: Vec<String> = rounds
        .iter()
        .map(|r| {
            let name = if ids_unique(r) {
                r.questionnaire.id.clone()
            } else {
                format!("FILE (of {})", r.questionnaire_name())
            };
            format!("--questionnaire {name}")
        })
        .collect();
    message.push_str(&format!(
        ". Pass {} to read one questionnaire's round without the others, or move the odd {} out of the store",
        join_or(&choices),
        if odd.len() == 1 { "file" } else { "files" }
    ));
    if let Some(all) = others {
        message.push_str(&format!("; or pass --label to read another round ({})", labels(all).join(", ")));
    }
    RoundError { message }
}

/// `-q` named a questionnaire nobody in the round answered.
pub(super) fn not_answered(rounds: &[&Found<'_>], q: &QuestionnaireRef, organization: &str) -> RoundError {
    let label = rounds.first().map_or("", |r| r.label.as_str());
    RoundError {
        message: format!(
            "nobody in the round `{label}` of `{organization}` answered {} {}: its respondents answered {}",
            q.id,
            q.version,
            join_and(&rounds.iter().map(|r| counted(r)).collect::<Vec<_>>())
        ),
    }
}

/// `crm-readiness 2.0.0 (4 respondents)`.
fn counted(r: &Found<'_>) -> String {
    let n = r.members.len();
    format!("{} ({n} respondent{})", r.questionnaire_name(), if n == 1 { "" } else { "s" })
}

/// `7b1fcc, Sam Quick (users), crm-quick 2.0.0, in /store/2026…-7b1fcc.json`:
/// a record as someone looking for it in the store needs it.
pub fn describe(s: &Summary, store: &str) -> String {
    let who = s.respondent.as_deref().map(str::trim).filter(|n| !n.is_empty()).unwrap_or("unnamed respondent");
    let group = s.group.map(|g| format!(" ({})", group_word(Some(g)))).unwrap_or_default();
    let file = file_name(s);
    let path = if store.is_empty() { file } else { format!("{}/{file}", store.trim_end_matches('/')) };
    format!("{}, {who}{group}, {} {}, in {path}", s.short_id(), s.questionnaire.id, s.questionnaire.version)
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(parts: &[String]) -> String {
    join(parts, "and")
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(parts: &[String]) -> String {
    join(parts, "or")
}

fn join(parts: &[String], word: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}
