//! `score(questionnaire, answers)`: the one pure function behind every
//! verdict, whichever way the answers were gathered.

mod answer;
mod plan;
mod tally;
mod verdict;

use crate::core::answers::{Answer, Answers};
use crate::core::assessment::{
    ActionItem, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, RedFlag, SCHEMA_VERSION, Unknown,
    UnknownReason,
};
use crate::core::conditions;
use crate::core::questionnaire::{Area, Question, Questionnaire};

use answer::contribute;
use tally::AreaTally;

/// Everything the questions add up to, gathered in questionnaire order.
#[derive(Default)]
struct Findings {
    results: Vec<QuestionResult>,
    red_flags: Vec<RedFlag>,
    unknowns: Vec<Unknown>,
    actions: Vec<ActionItem>,
}

/// Scores `answers` against `q`. `assessed_at` is passed in so the core
/// never reads a clock.
pub fn score(q: &Questionnaire, answers: &Answers, assessed_at: jiff::Timestamp) -> Assessment {
    let shown = conditions::shown(q, &answers.answers);
    let mut findings = Findings::default();
    let mut tallies = vec![AreaTally::default(); q.areas.len()];
    for (question, &is_shown) in q.questions.iter().zip(&shown) {
        let area = &q.areas[question.area];
        let result = score_question(area, question, is_shown, answers, &mut tallies[question.area], &mut findings);
        findings.results.push(result);
    }

    let areas = q.areas.iter().zip(&tallies).map(|(area, tally)| tally.result(area, &q.scoring)).collect::<Vec<_>>();
    let overall = tally::overall(&q.areas, &tallies);
    let shown_scored = tallies.iter().map(|t| t.shown).sum();
    let Findings { results, mut red_flags, unknowns, actions } = findings;
    let (verdict, reasons) = verdict::decide(q, overall, &areas, &results, &red_flags, &unknowns, shown_scored);

    // Critical flags first; otherwise questionnaire order (the sort is stable).
    red_flags.sort_by_key(|f| std::cmp::Reverse(f.severity));

    Assessment {
        schema_version: SCHEMA_VERSION,
        tool_version: crate::VERSION.to_string(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            content_hash: q.content_hash.clone(),
        },
        assessed_at,
        organization: answers.organization.clone(),
        respondent: answers.respondent.clone(),
        role: answers.role.clone(),
        label: answers.label.clone(),
        verdict,
        score: round1(overall),
        reasons,
        areas,
        questions: results,
        red_flags,
        unknowns,
        actions: plan::in_plan_order(actions),
    }
}

/// One question's result. A shown, scored question also counts in its
/// area's `tally` and adds its unknown, red flags and actions to `findings`.
fn score_question(
    area: &Area,
    question: &Question,
    shown: bool,
    answers: &Answers,
    tally: &mut AreaTally,
    findings: &mut Findings,
) -> QuestionResult {
    let mut result = QuestionResult {
        id: question.id.clone(),
        area: area.id.clone(),
        kind: question.kind,
        text: question.text.clone(),
        status: QuestionStatus::Hidden,
        answer: None,
        answer_text: None,
        score: None,
        weight: question.weight,
        red_flag: None,
        note: answers.notes.get(&question.id).cloned(),
    };
    if !shown {
        return result;
    }
    let answer = answers.answers.get(&question.id);
    result.answer = answer.cloned();
    result.answer_text = answer.map(|a| a.describe(question));
    result.status = match answer {
        None => QuestionStatus::Unanswered,
        Some(Answer::DontKnow) => QuestionStatus::DontKnow,
        Some(_) => QuestionStatus::Answered,
    };
    if !question.is_scored() {
        return result;
    }
    match answer {
        None | Some(Answer::DontKnow) => {
            tally.count_unknown(question.weight);
            result.score = Some(0.0);
            let reason = if answer.is_some() { UnknownReason::DontKnow } else { UnknownReason::Unanswered };
            findings.unknowns.push(Unknown {
                area: area.id.clone(),
                question: question.id.clone(),
                text: question.text.clone(),
                reason,
            });
        }
        // A number outside every band counts as context, not as a score.
        Some(given) => {
            let Some(contribution) = contribute(question, given) else { return result };
            result.score = Some(round1(contribution.score));
            result.red_flag = contribution.raised.iter().filter_map(|r| r.flag).max();
            tally.count_answer(question.weight, contribution.score, result.red_flag);
            let answer_text = result.answer_text.clone().unwrap_or_default();
            for raised in &contribution.raised {
                if let Some(flag) = plan::red_flag(area, question, raised, &answer_text) {
                    findings.red_flags.push(flag);
                }
                findings.actions.push(plan::action(area, question, raised, &answer_text));
            }
        }
    }
    result
}

/// Rounds to one decimal, the precision every report shows. Adding 0.0
/// turns -0.0 (Rust's sum of no floats) into 0.0: a report never shows "-0".
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

/// A score as text: "72.5", or "80" when whole.
pub fn fmt1(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_never_yields_negative_zero() {
        for tiny in [-0.0, -0.01] {
            assert!(round1(tiny).is_sign_positive(), "{tiny}");
            assert_eq!(fmt1(tiny), "0");
        }
        assert_eq!(round1(72.46), 72.5);
    }
}
