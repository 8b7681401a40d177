//! The ways to answer each question, as the lint sees them: one option for
//! each class of real answers that score alike and pass the same
//! conditions. A choice is its own class; a number's classes are cut by
//! its bands and by the thresholds conditions test it against. A
//! multiple-choice question has too many answers to list, so it gets the
//! ones that matter: none, each exclusive choice alone, each other choice
//! alone, and all the others (with any flag, without a critical one,
//! without any): its highest score under each flag rule.
//! "Don't know" and unanswered questions are no options: they prove
//! nothing about the scoring.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::answers::Answer;
use crate::core::questionnaire::{Kind, Outcome, Question, Questionnaire, Severity, Test};

/// One way to answer a question, with what it means for the score.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AnswerOption {
    pub answer: Answer,
    /// `None` when the answer counts for nothing: an unscored question, a
    /// number outside every band.
    pub score: Option<f64>,
    /// The most severe red flag the answer raises.
    pub flag: Option<Severity>,
    /// How many major red flags it raises.
    pub majors: usize,
    /// Whether one of them is due in the first phase.
    pub urgent_major: bool,
}

/// Which red flags an option may raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Allow {
    Any,
    NoCritical,
    NoFlags,
}

impl Allow {
    pub fn admits(self, option: &AnswerOption) -> bool {
        match self {
            Allow::Any => true,
            Allow::NoCritical => option.flag != Some(Severity::Critical),
            Allow::NoFlags => option.flag.is_none(),
        }
    }
}

/// The options of every question, in file order (none for text).
pub(super) fn all_options(q: &Questionnaire) -> Vec<Vec<AnswerOption>> {
    let first_phase = q.phases.first().map_or("before-signing", |p| p.id.as_str());
    let mut thresholds: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for c in q.questions.iter().flat_map(|x| &x.when) {
        if let Test::AtLeast(n) | Test::Below(n) = c.test {
            thresholds.entry(c.question.as_str()).or_default().push(n);
        }
    }
    for list in thresholds.values_mut() {
        list.sort_by(f64::total_cmp);
        list.dedup();
    }
    q.questions
        .iter()
        .map(|question| {
            let on = thresholds.get(question.id.as_str()).map_or(&[][..], Vec::as_slice);
            options(question, on, first_phase)
        })
        .collect()
}

fn options(question: &Question, thresholds: &[f64], first_phase: &str) -> Vec<AnswerOption> {
    let scored = question.is_scored();
    match question.kind {
        Kind::Single | Kind::YesNo => question
            .choices
            .iter()
            .map(|c| of_outcome(Answer::Text(c.id.clone()), scored.then_some(&c.outcome), first_phase))
            .collect(),
        Kind::Multi => multi_options(question, first_phase),
        Kind::Scale | Kind::Number => number_options(question, thresholds, first_phase),
        Kind::Text => Vec::new(),
    }
}

/// An answer scored by one outcome (or by none: unscored).
fn of_outcome(answer: Answer, outcome: Option<&Outcome>, first_phase: &str) -> AnswerOption {
    let flag = outcome.and_then(|o| o.red_flag);
    let major = flag == Some(Severity::Major);
    AnswerOption {
        answer,
        score: outcome.map(|o| o.score),
        flag,
        majors: usize::from(major),
        urgent_major: major && outcome.is_some_and(|o| o.phase.as_deref().unwrap_or(first_phase) == first_phase),
    }
}

/// The multiple-choice answers that matter (see the module's comment).
fn multi_options(question: &Question, first_phase: &str) -> Vec<AnswerOption> {
    let others: Vec<&str> = question.choices.iter().filter(|c| !c.exclusive).map(|c| c.id.as_str()).collect();
    // With scores never below 0, the most an answer can score under a flag
    // rule is all the other choices the rule allows.
    let up_to = |most: Option<Severity>| -> Vec<&str> {
        let allowed = question.choices.iter().filter(|c| !c.exclusive && c.outcome.red_flag <= most);
        allowed.map(|c| c.id.as_str()).collect()
    };
    let mut sets: Vec<Vec<&str>> = vec![Vec::new()];
    sets.extend(question.choices.iter().filter(|c| c.exclusive).map(|c| vec![c.id.as_str()]));
    sets.extend(others.iter().map(|id| vec![*id]));
    sets.push(others);
    sets.push(up_to(Some(Severity::Major)));
    sets.push(up_to(None));
    let mut options: Vec<AnswerOption> = Vec::new();
    for set in sets {
        let option = multi_option(question, &set, first_phase);
        if !options.iter().any(|o| o.answer == option.answer) {
            options.push(option);
        }
    }
    options
}

/// The option for choosing exactly `ids`, scored as the scoring does: the
/// scores add up to at most 100; an exclusive choice raises its own flag
/// only.
fn multi_option(question: &Question, ids: &[&str], first_phase: &str) -> AnswerOption {
    let answer = Answer::List(ids.iter().map(|id| id.to_string()).collect());
    let chosen: Vec<&Outcome> =
        question.choices.iter().filter(|c| ids.contains(&c.id.as_str())).map(|c| &c.outcome).collect();
    if !question.is_scored() {
        return AnswerOption { answer, score: None, flag: None, majors: 0, urgent_major: false };
    }
    let score = chosen.iter().map(|o| o.score).sum::<f64>().clamp(0.0, 100.0);
    let is_major = |o: &&&Outcome| o.red_flag == Some(Severity::Major);
    AnswerOption {
        answer,
        score: Some(score),
        flag: chosen.iter().filter_map(|o| o.red_flag).max(),
        majors: chosen.iter().filter(is_major).count(),
        urgent_major: chosen.iter().filter(is_major).any(|o| o.phase.as_deref().unwrap_or(first_phase) == first_phase),
    }
}

/// One number from each class of a scale's or number's answers: the
/// bounds, the band edges and the thresholds cut the line into points and
/// open stretches; a number is taken at each point and inside each
/// stretch (a scale takes whole numbers only).
fn number_options(question: &Question, thresholds: &[f64], first_phase: &str) -> Vec<AnswerOption> {
    let mut cuts: Vec<f64> = question.bands.iter().flat_map(|b| [b.from, b.to]).collect();
    cuts.extend(thresholds);
    cuts.extend(question.min);
    cuts.extend(question.max);
    cuts.retain(|x| x.is_finite());
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut candidates = cuts.clone();
    candidates.extend(cuts.windows(2).map(|w| (w[0] + w[1]) / 2.0));
    candidates.push(cuts.first().map_or(0.0, |x| x - 1.0));
    candidates.push(cuts.last().map_or(0.0, |x| x + 1.0));
    if question.kind == Kind::Scale {
        // A scale's classes are runs of whole numbers; each run starts at
        // a bound, a band's start or a threshold, rounded up.
        candidates = candidates.iter().map(|x| x.ceil()).collect();
    }
    candidates.retain(|x| question.min.is_none_or(|m| *x >= m) && question.max.is_none_or(|m| *x <= m));
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    // Two numbers are alike when they fall in the same band and pass the
    // same thresholds; `thresholds` is sorted, so those passed are a prefix.
    let class = |x: f64| {
        let band = question.band_index_for(x);
        (band, thresholds.partition_point(|t| *t <= x))
    };
    let mut seen = BTreeSet::new();
    let mut options = Vec::new();
    for x in candidates {
        let key = class(x);
        if !seen.insert(key) {
            continue;
        }
        let outcome = key.0.filter(|_| question.is_scored()).map(|b| &question.bands[b].outcome);
        options.push(of_outcome(Answer::Number(x), outcome, first_phase));
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::questionnaire::parse;

    const NUMBERS: &str = r#"
[questionnaire]
id = "n"
version = "1"
title = "N"

[[area]]
id = "a"
title = "A"
why = "W."

[[area.question]]
id = "a.scale"
kind = "scale"
text = "S?"
help = "H."
min = 1
max = 5
[[area.question.band]]
from = 1
to = 2
score = 0
recommendation = "R."
phase = "setup"
[[area.question.band]]
from = 3
to = 5
score = 100

[[area.question]]
id = "a.count"
kind = "number"
text = "N?"
help = "H."
min = 0
max = 30
[[area.question.band]]
from = 0
to = 10
score = 20
recommendation = "R2."
phase = "setup"
[[area.question.band]]
from = 20
to = 30
score = 100

[[area.question]]
id = "a.after"
kind = "yes_no"
text = "Y?"
help = "H."
when = [{ question = "a.scale", at_least = 4 }, { question = "a.count", below = 25 }]
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0
recommendation = "R3."
phase = "setup"
"#;

    fn numbers(options: &[AnswerOption]) -> Vec<(f64, Option<f64>)> {
        options
            .iter()
            .map(|o| match o.answer {
                Answer::Number(n) => (n, o.score),
                _ => panic!("not a number"),
            })
            .collect()
    }

    #[test]
    fn a_scale_gets_one_whole_number_per_band_and_threshold_side() {
        let q = parse(NUMBERS, "n.toml").unwrap();
        let all = all_options(&q);
        assert_eq!(numbers(&all[0]), [(1.0, Some(0.0)), (3.0, Some(100.0)), (4.0, Some(100.0))]);
    }

    #[test]
    fn a_number_gets_each_band_and_each_threshold_side() {
        let q = parse(NUMBERS, "n.toml").unwrap();
        let all = all_options(&q);
        // 0–10 scores 20, and so does the gap 10–20 (a number between two
        // bands belongs to the band below); 20–25 and 25–30 score 100 on
        // either side of the threshold.
        assert_eq!(numbers(&all[1]), [(0.0, Some(20.0)), (20.0, Some(100.0)), (25.0, Some(100.0))]);
        assert_eq!(q.questions[1].band_for(15.5).map(|b| b.outcome.score), Some(20.0));
        assert_eq!(q.questions[1].band_for(30.5), None, "above the last band");
    }
}
