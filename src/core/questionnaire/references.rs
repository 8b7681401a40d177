//! Checks that each condition names an earlier question, with a test that
//! fits its kind and choices that it has. Conditions may only look
//! backwards, which rules out cycles; a cycle is still named as one, since
//! "comes later in the file" would send the author round it.

use std::collections::HashMap;

use super::answer_checks::{AnswerCheck, RawCheck};
use super::model::{Condition, Kind, Question, QuestionIndex, Test};
use super::when::{QuestionConditions, RawCondition};
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::limits::MAX_COSTLY_HINTS;
use crate::core::suggest::closest;

/// Checks every condition against the questions before it and attaches the
/// valid ones. `positions` maps each question id to its place in
/// `questions`.
pub(super) fn check_references(
    questions: &mut [Question],
    positions: &QuestionIndex,
    raw: Vec<QuestionConditions>,
    errs: &mut Diagnostics,
) {
    let checked: Vec<(usize, Vec<Condition>)> = {
        let mut references = References::new(questions, positions, &raw, errs);
        raw.into_iter()
            .filter(|r| !r.conditions.is_empty())
            .map(|r| (r.owner, references.valid_conditions(r.owner, r.conditions)))
            .collect()
    };
    for (owner, conditions) in checked {
        questions[owner].when = conditions;
    }
}

/// What checking the conditions needs to know, and how many costly hints
/// it has worked out so far.
struct References<'a, 'e> {
    questions: &'a [Question],
    positions: &'a QuestionIndex,
    /// The questions each question's conditions name, by position; filled
    /// only for a file with a forward reference, to tell a cycle from it.
    depends: HashMap<usize, Vec<usize>>,
    /// Each hint compares against every question: bounded per file.
    hints: usize,
    errs: &'e mut Diagnostics,
}

impl<'a, 'e> References<'a, 'e> {
    fn new(
        questions: &'a [Question],
        positions: &'a QuestionIndex,
        raw: &[QuestionConditions],
        errs: &'e mut Diagnostics,
    ) -> Self {
        let looks_ahead = raw
            .iter()
            .any(|r| r.conditions.iter().any(|c| positions.get(c.question.get_ref()).is_some_and(|&t| t > r.owner)));
        let depends = if looks_ahead { dependencies(raw, positions) } else { HashMap::new() };
        References { questions, positions, depends, hints: 0, errs }
    }

    /// The conditions of question `owner` that hold up; the rest are
    /// reported.
    fn valid_conditions(&mut self, owner: usize, conditions: Vec<RawCondition>) -> Vec<Condition> {
        conditions.into_iter().filter_map(|c| self.check(Some(owner), c)).collect()
    }

    /// The conditions of a check that hold up; the rest are reported. A
    /// check reads the answers once all are given, so it may name any
    /// question.
    fn valid_check_conditions(&mut self, conditions: Vec<RawCondition>) -> Vec<Condition> {
        conditions.into_iter().filter_map(|c| self.check(None, c)).collect()
    }

    /// Checks condition `c` of question `owner` (`None` for a check's).
    fn check(&mut self, owner: Option<usize>, c: RawCondition) -> Option<Condition> {
        let target = self.target(owner, &c)?;
        if let Some(problem) = mismatch(&c.test, target.kind) {
            self.errs.push(Diagnostic::at(c.span.clone(), problem));
            return None;
        }
        self.choices_exist(&c, target).then(|| Condition { question: c.question.into_inner(), test: c.test })
    }

    /// The question a condition of question `owner` names, when it exists
    /// and comes before `owner` (any question, for a check's condition).
    fn target(&mut self, owner: Option<usize>, c: &RawCondition) -> Option<&'a Question> {
        let name = c.question.get_ref().as_str();
        let Some(t) = self.positions.get(name).copied() else {
            self.report_unknown(c);
            return None;
        };
        match owner {
            Some(owner) if t == owner => {
                self.errs.push(
                    Diagnostic::at(c.question.span(), format!("question `{name}` has a condition on itself"))
                        .with_help("a condition must name a question asked before this one"),
                );
                None
            }
            Some(owner) if t > owner => {
                self.report_forward(owner, t, c);
                None
            }
            _ => {
                let questions = self.questions;
                Some(&questions[t])
            }
        }
    }

    /// A condition names a question that does not exist.
    fn report_unknown(&mut self, c: &RawCondition) {
        let name = c.question.get_ref().as_str();
        let d =
            Diagnostic::at(c.question.span(), format!("the condition names question `{name}`, which does not exist"));
        self.hints += 1;
        let best = if self.hints <= MAX_COSTLY_HINTS {
            closest(name, self.questions.iter().map(|q| &q.id)).map(str::to_string)
        } else {
            None
        };
        self.errs.push(match best {
            Some(best) => d.with_help(format!("did you mean `{best}`?")),
            None => d.with_help("check the spelling; conditions refer to question ids"),
        });
    }

    /// A condition of question `owner` names question `target`, later in
    /// the file: a cycle when `target`'s conditions lead back to `owner`.
    fn report_forward(&mut self, owner: usize, target: usize, c: &RawCondition) {
        let name = c.question.get_ref().as_str();
        let this = &self.questions[owner].id;
        self.hints += 1;
        let closed = if self.hints <= MAX_COSTLY_HINTS { cycle(&self.depends, target, owner) } else { None };
        if let Some(path) = closed {
            let mut chain: Vec<&str> = vec![this];
            chain.extend(path.iter().map(|&i| self.questions[i].id.as_str()));
            self.errs.push(
                Diagnostic::at(
                    c.question.span(),
                    format!("the conditions go round in a circle: {}", chain.join(" → ")),
                )
                .with_help(
                    "→ reads \"has a condition on\"; a question can only depend on questions asked \
                         before it, so drop one of these conditions",
                ),
            );
        } else {
            self.errs.push(
                Diagnostic::at(
                    c.question.span(),
                    format!("the condition names `{name}`, which comes later in the file"),
                )
                .with_help(format!(
                    "a question can only depend on questions asked before it; move `{this}` after `{name}`"
                )),
            );
        }
    }

    /// Whether every choice the test names is one of `target`'s; each that
    /// is not is reported.
    fn choices_exist(&mut self, c: &RawCondition, target: &Question) -> bool {
        let mut ok = true;
        for (id, span) in test_choices(&c.test).iter().zip(&c.choice_spans) {
            if target.choice(id).is_none() {
                let known: Vec<&str> = target.choices.iter().map(|ch| ch.id.as_str()).collect();
                self.hints += 1;
                let best = if self.hints <= MAX_COSTLY_HINTS { closest(id, &known) } else { None };
                let help = match best {
                    Some(best) => format!("did you mean `{best}`? its choices are: {}", known.join(", ")),
                    None => format!("its choices are: {}", known.join(", ")),
                };
                self.errs.push(
                    Diagnostic::at(span.clone(), format!("question `{}` has no choice `{id}`", c.question.get_ref()))
                        .with_help(help),
                );
                ok = false;
            }
        }
        ok
    }
}

/// Checks the conditions of every `[[check]]` against the questions, and
/// keeps the checks that are right in every part.
pub(super) fn check_answer_checks(
    questions: &[Question],
    positions: &QuestionIndex,
    raw: Vec<RawCheck>,
    errs: &mut Diagnostics,
) -> Vec<AnswerCheck> {
    let mut references = References::new(questions, positions, &[], errs);
    raw.into_iter()
        .filter_map(|r| {
            let read = r.all.len();
            let all = references.valid_check_conditions(r.all);
            let complete = r.all_read && all.len() == read;
            match (r.id, r.message) {
                (Some(id), Some(message)) if complete => Some(AnswerCheck { id, all, message }),
                _ => None,
            }
        })
        .collect()
}

/// The questions each question's conditions name, by position.
fn dependencies(raw: &[QuestionConditions], positions: &QuestionIndex) -> HashMap<usize, Vec<usize>> {
    raw.iter()
        .map(|r| (r.owner, r.conditions.iter().filter_map(|c| positions.get(c.question.get_ref()).copied()).collect()))
        .collect()
}

/// The questions from `from` whose conditions lead back to `to`, if any do:
/// the rest of the cycle that a forward reference to `from` closes.
/// Iterative, so a long chain of conditions cannot exhaust the stack.
fn cycle(depends: &HashMap<usize, Vec<usize>>, from: usize, to: usize) -> Option<Vec<usize>> {
    let mut came_from: HashMap<usize, usize> = HashMap::new();
    let mut stack = vec![from];
    while let Some(at) = stack.pop() {
        for &next in depends.get(&at).into_iter().flatten() {
            if next == from || came_from.contains_key(&next) {
                continue;
            }
            came_from.insert(next, at);
            if next == to {
                let mut path = vec![to];
                let mut step = to;
                while let Some(&prev) = came_from.get(&step) {
                    path.push(prev);
                    step = prev;
                }
                path.reverse();
                return Some(path);
            }
            stack.push(next);
        }
    }
    None
}

/// The choice ids a test names.
fn test_choices(test: &Test) -> Vec<&String> {
    match test {
        Test::Is(s) | Test::IsNot(s) | Test::Includes(s) => vec![s],
        Test::IsAny(list) => list.iter().collect(),
        Test::AtLeast(_) | Test::Below(_) => Vec::new(),
    }
}

/// Why a test cannot apply to a question of this kind, if it cannot.
fn mismatch(test: &Test, kind: Kind) -> Option<String> {
    let fits = match test {
        Test::Is(_) | Test::IsNot(_) | Test::IsAny(_) => matches!(kind, Kind::Single | Kind::YesNo),
        Test::Includes(_) => kind == Kind::Multi,
        Test::AtLeast(_) | Test::Below(_) => matches!(kind, Kind::Scale | Kind::Number),
    };
    (!fits).then(|| {
        let suggestion = match kind {
            Kind::Single | Kind::YesNo => "is, is_not or is_any",
            Kind::Multi => "includes",
            Kind::Scale | Kind::Number => "at_least or below",
            Kind::Text => "nothing: text answers cannot be tested",
        };
        format!("`{}` cannot test a `{}` question; use {suggestion}", test.key(), kind.name())
    })
}
