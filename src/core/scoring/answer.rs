//! What one answer is worth: its score, and the actions (with their red
//! flags) it raises. An unknown answer raises what its question's
//! `unknown` says.

use crate::core::answers::Answer;
use crate::core::questionnaire::{Kind, Outcome, Question, Severity};

/// Why an action is due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Because<'q> {
    /// The whole answer, in words.
    Answer,
    /// A chosen choice's label.
    Label(&'q str),
    /// A choice that was not chosen: "Not in place: <label>".
    Missing(&'q str),
}

/// One action an answer raises, and the red flag that comes with it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Raised<'q> {
    pub recommendation: &'q str,
    /// The id of the phase it is due in.
    pub phase: &'q str,
    pub flag: Option<Severity>,
    /// How far the answer falls short of ready, 0 to 1.
    pub shortfall: f64,
    pub because: Because<'q>,
}

/// A real answer's score and what it raises.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Contribution<'q> {
    /// Readiness 0–100.
    pub score: f64,
    pub raised: Vec<Raised<'q>>,
}

/// The score of a real (not "don't know") answer and the actions it
/// raises; `None` when the answer does not fit the question, or falls
/// outside every band of a number question (which then counts as context).
/// `first_phase` is where an action without a phase falls due.
pub(super) fn contribute<'q>(
    question: &'q Question,
    answer: &Answer,
    first_phase: &'q str,
) -> Option<Contribution<'q>> {
    match (question.kind, answer) {
        (Kind::Single | Kind::YesNo, Answer::Text(id)) => {
            let choice = question.choice(id)?;
            let o = &choice.outcome;
            Some(single(o, Because::Label(&choice.label), first_phase))
        }
        (Kind::Scale | Kind::Number, Answer::Number(n)) => {
            Some(single(&question.band_for(*n)?.outcome, Because::Answer, first_phase))
        }
        (Kind::Multi, Answer::List(ids)) => Some(contribute_multi(question, ids, first_phase)),
        _ => None,
    }
}

/// The contribution of one outcome: its score and its own action.
fn single<'q>(o: &'q Outcome, because: Because<'q>, first_phase: &'q str) -> Contribution<'q> {
    let raised = raise(o.recommendation.as_deref(), o, o.red_flag, o.score, because, first_phase);
    Contribution { score: o.score, raised: raised.into_iter().collect() }
}

/// A multiple-choice answer: the chosen choices' scores add up (capped at
/// 100); each chosen one may raise its action, each one missing its
/// `if_missing` action. An exclusive choice ("none of these") stands for
/// the whole answer: it raises its own action only, not one per missing
/// item.
fn contribute_multi<'q>(question: &'q Question, ids: &[String], first_phase: &'q str) -> Contribution<'q> {
    let chosen = |id: &str| ids.iter().any(|x| x == id);
    let score =
        question.choices.iter().filter(|c| chosen(&c.id)).map(|c| c.outcome.score).sum::<f64>().clamp(0.0, 100.0);
    if let Some(exclusive) = question.choices.iter().find(|c| c.exclusive && chosen(&c.id)) {
        let o = &exclusive.outcome;
        let raised =
            raise(o.recommendation.as_deref(), o, o.red_flag, score, Because::Label(&exclusive.label), first_phase);
        return Contribution { score, raised: raised.into_iter().collect() };
    }
    let raised = question.choices.iter().filter_map(|choice| {
        let o = &choice.outcome;
        if chosen(&choice.id) {
            raise(o.recommendation.as_deref(), o, o.red_flag, score, Because::Label(&choice.label), first_phase)
        } else {
            raise(choice.if_missing.as_deref(), o, None, score, Because::Missing(&choice.label), first_phase)
        }
    });
    Contribution { score, raised: raised.collect() }
}

/// The action for `recommendation`, if there is one. `score` is the
/// question's score, which says how far the answer falls short.
fn raise<'q>(
    recommendation: Option<&'q str>,
    o: &'q Outcome,
    flag: Option<Severity>,
    score: f64,
    because: Because<'q>,
    first_phase: &'q str,
) -> Option<Raised<'q>> {
    let phase = o.phase.as_deref().unwrap_or(first_phase);
    let shortfall = ((100.0 - score) / 100.0).clamp(0.0, 1.0);
    recommendation.map(|recommendation| Raised { recommendation, phase, flag, shortfall, because })
}

/// What an unknown answer ("don't know", or a shown question left
/// unanswered) raises: the question's `unknown` flag and action, falling
/// fully short.
pub(super) fn unknown_raised<'q>(question: &'q Question, first_phase: &'q str) -> Option<Raised<'q>> {
    let u = &question.unknown;
    let recommendation = u.recommendation.as_deref()?;
    let phase = u.phase.as_deref().unwrap_or(first_phase);
    Some(Raised { recommendation, phase, flag: u.red_flag, shortfall: 1.0, because: Because::Answer })
}
