//! What one real answer is worth: its score, and the actions (with their
//! red flags) it raises.

use crate::core::answers::Answer;
use crate::core::questionnaire::{Kind, Outcome, Phase, Question, Severity};

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
    pub phase: Phase,
    pub flag: Option<Severity>,
    /// How severe, for the action's priority.
    pub factor: f64,
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
pub(super) fn contribute<'q>(question: &'q Question, answer: &Answer) -> Option<Contribution<'q>> {
    match (question.kind, answer) {
        (Kind::Single | Kind::YesNo, Answer::Text(id)) => {
            let choice = question.choice(id)?;
            let o = &choice.outcome;
            let raised = raise(o.recommendation.as_deref(), o, o.red_flag, o.score, Because::Label(&choice.label));
            Some(Contribution { score: o.score, raised: raised.into_iter().collect() })
        }
        (Kind::Scale | Kind::Number, Answer::Number(n)) => {
            let o = &question.band_for(*n)?.outcome;
            let raised = raise(o.recommendation.as_deref(), o, o.red_flag, o.score, Because::Answer);
            Some(Contribution { score: o.score, raised: raised.into_iter().collect() })
        }
        (Kind::Multi, Answer::List(ids)) => Some(contribute_multi(question, ids)),
        _ => None,
    }
}

/// A multiple-choice answer: the chosen choices' scores add up (capped at
/// 100); each chosen one may raise its action, each one missing its
/// `if_missing` action.
fn contribute_multi<'q>(question: &'q Question, ids: &[String]) -> Contribution<'q> {
    let chosen = |id: &str| ids.iter().any(|x| x == id);
    let score =
        question.choices.iter().filter(|c| chosen(&c.id)).map(|c| c.outcome.score).sum::<f64>().clamp(0.0, 100.0);
    let raised = question.choices.iter().filter_map(|choice| {
        let o = &choice.outcome;
        if chosen(&choice.id) {
            raise(o.recommendation.as_deref(), o, o.red_flag, score, Because::Label(&choice.label))
        } else {
            raise(choice.if_missing.as_deref(), o, None, score, Because::Missing(&choice.label))
        }
    });
    Contribution { score, raised: raised.collect() }
}

/// The action for `recommendation`, if there is one.
fn raise<'q>(
    recommendation: Option<&'q str>,
    o: &Outcome,
    flag: Option<Severity>,
    score: f64,
    because: Because<'q>,
) -> Option<Raised<'q>> {
    let phase = o.phase.unwrap_or(Phase::BeforeSigning);
    recommendation.map(|recommendation| Raised { recommendation, phase, flag, factor: factor(flag, score), because })
}

/// Severity factor of an action, for its priority.
fn factor(flag: Option<Severity>, score: f64) -> f64 {
    match flag {
        Some(Severity::Critical) => 4.0,
        Some(Severity::Major) => 3.0,
        None if score < 50.0 => 2.0,
        None => 1.0,
    }
}
