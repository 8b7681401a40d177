//! Rule `choices-give-best-away`: when most single-choice questions list
//! their best answer first, or their choices in falling or rising score,
//! respondents learn where the good answer sits and stop reading. One
//! finding for the questionnaire, naming the questions.
//!
//! Only scored single-choice questions with at least three choices count:
//! with two, any order is "falling" or "rising".

use super::findings::{Finding, Place, Rule};
use crate::core::questionnaire::{Kind, Question, Questionnaire};

/// Fewest choices for a question's order to say anything.
const MIN_CHOICES: usize = 3;

/// Most questions named in the finding; the rest are counted.
const MAX_NAMED: usize = 20;

pub(super) fn check(q: &Questionnaire) -> Option<Finding> {
    let counted: Vec<&Question> = q
        .questions
        .iter()
        .filter(|x| x.kind == Kind::Single && x.is_scored() && x.choices.len() >= MIN_CHOICES)
        .collect();
    let telling: Vec<&str> = counted.iter().filter(|x| gives_best_away(x)).map(|x| x.id.as_str()).collect();
    (telling.len() * 2 > counted.len()).then(|| {
        Finding::new(
            Rule::ChoicesGiveBestAway,
            Place::questionnaire(),
            format!(
                "the order gives the best answer away: {} of {} single-choice questions list the best answer first or their choices in falling or rising score ({})",
                telling.len(),
                counted.len(),
                named(&telling)
            ),
            "order choices by their subject (as things are done, from least to most, or as the respondent would think of them), not by score",
        )
    })
}

/// Whether the choices' order tells the best one: it comes first (and
/// alone at the top), or the scores strictly fall or rise throughout.
fn gives_best_away(question: &Question) -> bool {
    let scores: Vec<f64> = question.choices.iter().map(|c| c.outcome.score).collect();
    let best_first = scores.iter().skip(1).all(|&s| s < scores[0]);
    let falling = scores.windows(2).all(|w| w[0] > w[1]);
    let rising = scores.windows(2).all(|w| w[0] < w[1]);
    best_first || falling || rising
}

/// The first [`MAX_NAMED`] ids, then how many more.
fn named(ids: &[&str]) -> String {
    let shown = ids[..ids.len().min(MAX_NAMED)].join(", ");
    match ids.len().saturating_sub(MAX_NAMED) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}
