//! `score(questionnaire, answers)`: the one pure function behind every
//! verdict, whichever way the answers were gathered.

mod answer;
mod area_rules;
mod checks;
mod gates;
mod plan;
mod rules;
mod tally;
mod verdict;

pub use checks::{CheckEvidence, answers_to_check};
pub use plan::{Weights, action_priority, sort_in_plan_order};
pub use rules::rules_in_words;
pub use verdict::{
    AreaEvidence, Decision, Evidence, FlagEvidence, NOT_READY_RULES, QuestionEvidence, answered, area_risk, decide,
    decided, due_first,
};

use crate::core::answers::{Answer, Answers};
use crate::core::assessment::{
    ActionItem, AreaResult, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, RedFlag, SCHEMA_VERSION,
    Unknown, UnknownReason,
};
use crate::core::conditions::{self, Visibility};
use crate::core::questionnaire::{Area, Question, Questionnaire, Severity};

use answer::{Raised, contribute, unknown_raised};
use gates::OpenGate;
use tally::AreaTally;

/// Everything the questions add up to, gathered in questionnaire order.
#[derive(Default)]
struct Findings {
    results: Vec<QuestionResult>,
    red_flags: Vec<RedFlag>,
    unknowns: Vec<Unknown>,
    actions: Vec<ActionItem>,
}

/// What every question is scored against: the questionnaire's phases and
/// weights.
struct Context<'q> {
    first_phase: &'q str,
    weights: Weights,
}

/// Scores `answers` against `q`. The assessment is dated by the answers
/// when they say when it was held, else `now`: passed in so the core never
/// reads a clock.
pub fn score(q: &Questionnaire, answers: &Answers, now: jiff::Timestamp) -> Assessment {
    let visibility = conditions::visibility(q, &answers.answers);
    let cx =
        Context { first_phase: q.phases.first().map_or("before-signing", |p| p.id.as_str()), weights: Weights::of(q) };
    let mut findings = Findings::default();
    let mut tallies = vec![AreaTally::default(); q.areas.len()];
    for (at, question) in q.questions.iter().enumerate() {
        let area = &q.areas[question.area];
        let seen = Seen::of(q, at, &visibility, answers);
        let gate = OpenGate::of(q, at, &visibility, seen.status(), &cx.weights);
        let tally = &mut tallies[question.area];
        let mut result = score_question(&cx, area, question, seen, gate.as_ref(), answers, tally, &mut findings);
        // A scored gate raises its own unknown action, carrying the gate's
        // flag; one without such an action raises the gate's.
        if let Some(gate) = gate.filter(|_| !question.is_scored() || question.unknown.recommendation.is_none()) {
            let flag = record_open_gate(&cx, area, question, &gate, tally, &mut findings);
            result.red_flag = result.red_flag.max(flag);
        }
        findings.results.push(result);
    }

    let areas = q.areas.iter().zip(&tallies).map(|(area, tally)| tally.result(area, &q.scoring)).collect::<Vec<_>>();
    let overall = tally::overall(&q.areas, &tallies);
    let Findings { results, mut red_flags, unknowns, actions } = findings;
    let actions = plan::in_plan_order(q, actions);
    let shown = tallies.iter().map(|t| t.shown).sum();
    let answers_to_check = answers_to_check(q, &answers.answers, &visibility);
    let mut evidence = evidence(q, &cx, overall, shown, &areas, &results, &red_flags, &unknowns, &actions);
    evidence.answers_to_check = checks::evidence(&answers_to_check);
    let decision = decide(&q.scoring, &evidence);

    // Critical flags first; otherwise questionnaire order (the sort is stable).
    red_flags.sort_by_key(|f| std::cmp::Reverse(f.severity));

    Assessment {
        schema_version: SCHEMA_VERSION,
        tool_version: crate::VERSION.to_string(),
        questionnaire: QuestionnaireRef::of(q),
        assessed_at: answers.assessed_at.unwrap_or(now),
        organization: answers.organization.clone(),
        respondent: answers.respondent.clone(),
        role: answers.role.clone(),
        group: answers.group,
        label: answers.label.clone(),
        verdict: decision.verdict,
        score: round1(overall),
        capped: decision.capped,
        reasons: decision.reasons,
        areas,
        questions: results,
        red_flags,
        unknowns,
        answers_to_check,
        phases: q.phases.clone(),
        verdicts: q.verdicts.clone(),
        actions,
    }
}

/// What the assessment found, as the verdict's rules read it.
#[allow(clippy::too_many_arguments)]
fn evidence(
    q: &Questionnaire,
    cx: &Context<'_>,
    overall: f64,
    shown: usize,
    areas: &[AreaResult],
    results: &[QuestionResult],
    red_flags: &[RedFlag],
    unknowns: &[Unknown],
    actions: &[ActionItem],
) -> Evidence {
    Evidence {
        overall,
        areas: areas
            .iter()
            .map(|a| AreaEvidence { id: a.id.clone(), title: a.title.clone(), score: a.score, risk: a.risk })
            .collect(),
        questions: results
            .iter()
            .map(|r| QuestionEvidence { id: r.id.clone(), area: r.area.clone(), score: r.score, weight: r.weight })
            .collect(),
        flags: red_flags
            .iter()
            .map(|f| FlagEvidence {
                severity: f.severity,
                area: f.area.clone(),
                question: f.question.clone(),
                finding: answered(&f.question_text, &f.answer),
                urgent: is_due_first(f, actions, cx.first_phase),
            })
            .collect(),
        shown,
        // The share of unknowns is over scored questions: an open gate is listed, not counted.
        unknowns: unknowns
            .iter()
            .filter(|u| q.question(&u.question).is_some_and(Question::is_scored))
            .map(|u| u.question.clone())
            .collect(),
        first_phase: q.phases.first().map_or_else(|| "Before signing".to_string(), |p| p.title.clone()),
        due_first: due_first(actions.iter().map(|a| (a.question.as_str(), a.phase.as_str())), cx.first_phase),
        answers_to_check: Vec::new(),
    }
}

/// How a question stands, as scoring sees it.
#[derive(Debug, Clone, Copy)]
enum Seen<'a> {
    Hidden,
    /// Shown, with this answer (if any).
    Shown(Option<&'a Answer>),
    /// Waiting on the question with this id, which has no real answer:
    /// not asked, whatever the answers say for it.
    Waiting {
        gate: &'a str,
    },
}

impl<'a> Seen<'a> {
    fn of(q: &'a Questionnaire, at: usize, visibility: &[Visibility], answers: &'a Answers) -> Seen<'a> {
        match visibility.get(at).copied().unwrap_or(Visibility::Hidden) {
            Visibility::Hidden => Seen::Hidden,
            Visibility::Shown => Seen::Shown(q.questions.get(at).and_then(|x| answers.answers.get(&x.id))),
            Visibility::Pending { gate } => Seen::Waiting { gate: q.questions.get(gate).map_or("", |g| &g.id) },
        }
    }

    /// The status a question seen this way has.
    fn status(self) -> QuestionStatus {
        match self {
            Seen::Hidden => QuestionStatus::Hidden,
            Seen::Shown(None) => QuestionStatus::Unanswered,
            Seen::Shown(Some(Answer::DontKnow)) => QuestionStatus::DontKnow,
            Seen::Shown(Some(_)) => QuestionStatus::Answered,
            Seen::Waiting { .. } => QuestionStatus::Waiting,
        }
    }
}

/// One question's result. A shown (or waiting), scored question also
/// counts in its area's `tally` and adds its unknown, red flags and
/// actions to `findings`; `gate` is the gate it leaves open, if it does.
#[allow(clippy::too_many_arguments)]
fn score_question(
    cx: &Context<'_>,
    area: &Area,
    question: &Question,
    seen: Seen<'_>,
    gate: Option<&OpenGate>,
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
    result.status = seen.status();
    let answer = match seen {
        Seen::Hidden => return result,
        Seen::Waiting { gate } => {
            if question.is_scored() {
                tally.count_unknown(question.weight);
                result.score = Some(0.0);
                findings.unknowns.push(Unknown {
                    reason: UnknownReason::Waiting,
                    waits_on: Some(gate.to_string()),
                    ..unknown(area, question, None)
                });
            }
            return result;
        }
        Seen::Shown(answer) => answer,
    };
    result.answer = answer.cloned();
    result.answer_text = answer.map(|a| a.describe(question));
    if !question.is_scored() {
        return result;
    }
    let raised: Vec<Raised<'_>> = match answer {
        None | Some(Answer::DontKnow) => {
            tally.count_unknown(question.weight);
            result.score = Some(0.0);
            findings.unknowns.push(unknown(area, question, answer));
            // The gate carries the worst its waiting follow-ups would raise.
            let waiting = gate.and_then(|g| g.flag);
            unknown_raised(question, cx.first_phase)
                .map(|r| Raised { flag: r.flag.max(waiting), ..r })
                .into_iter()
                .collect()
        }
        // A number outside every band counts as context, not as a score.
        Some(given) => {
            let Some(contribution) = contribute(question, given, cx.first_phase) else { return result };
            result.score = Some(round1(contribution.score));
            tally.count_answer(question.weight, contribution.score);
            contribution.raised
        }
    };
    result.red_flag = raised.iter().filter_map(|r| r.flag).max();
    let answer_text = result.answer_text.clone().unwrap_or_else(|| "Unanswered".to_string());
    record(cx, area, question, &raised, &answer_text, tally, findings);
    result
}

/// The unknown a question without a real answer adds.
fn unknown(area: &Area, question: &Question, answer: Option<&Answer>) -> Unknown {
    Unknown {
        area: area.id.clone(),
        question: question.id.clone(),
        text: question.text.clone(),
        reason: if answer.is_some() { UnknownReason::DontKnow } else { UnknownReason::Unanswered },
        waits_on: None,
    }
}

/// Raises the action to find out the answer to a gate that scored
/// follow-ups wait on, with the red flag they would raise unknown, and
/// lists a context-only gate as an unknown (a scored one is listed as it is
/// scored); returns that flag.
fn record_open_gate(
    cx: &Context<'_>,
    area: &Area,
    question: &Question,
    gate: &OpenGate,
    tally: &mut AreaTally,
    findings: &mut Findings,
) -> Option<Severity> {
    if !question.is_scored() {
        let dont_know = Answer::DontKnow;
        findings.unknowns.push(unknown(area, question, gate.dont_know.then_some(&dont_know)));
    }
    let action = gate.action(area, question, cx.first_phase);
    if let Some(severity) = gate.flag {
        tally.count_flag(severity);
        findings.red_flags.push(RedFlag {
            severity,
            area: area.id.clone(),
            question: question.id.clone(),
            question_text: question.text.clone(),
            answer: action.because.clone(),
            recommendation: action.recommendation.clone(),
        });
    }
    findings.actions.push(action);
    gate.flag
}

/// Adds what a question raised to its area's tally and to the findings.
fn record(
    cx: &Context<'_>,
    area: &Area,
    question: &Question,
    raised: &[Raised<'_>],
    answer_text: &str,
    tally: &mut AreaTally,
    findings: &mut Findings,
) {
    for r in raised {
        if let Some(flag) = plan::red_flag(area, question, r, answer_text) {
            tally.count_flag(flag.severity);
            findings.red_flags.push(flag);
        }
        findings.actions.push(plan::action(area, question, r, answer_text, &cx.weights));
    }
}

/// Whether the action that comes with `flag` is due in `first_phase`.
fn is_due_first(flag: &RedFlag, actions: &[ActionItem], first_phase: &str) -> bool {
    actions
        .iter()
        .any(|a| a.question == flag.question && a.recommendation == flag.recommendation && a.phase == first_phase)
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
