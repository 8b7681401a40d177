//! Conditions (`when`): reading them, and checking that each names an
//! earlier question and choices that exist.

use std::collections::HashMap;

use toml::Spanned;

use super::model::{Condition, Kind, Question, QuestionIndex, Test};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::limits::{MAX_CONDITIONS, MAX_COSTLY_HINTS};
use toml::de::DeValue;

use crate::core::suggest::closest;
use crate::core::toml_fields::{Context, Fields, describe};

const CONDITION_KEYS: &[&str] = &["question", "is", "is_not", "is_any", "includes", "at_least", "below"];
const OPERATORS: &str = "is, is_not, is_any, includes, at_least or below";

/// A condition as written, with the positions needed to report problems.
#[derive(Debug)]
pub(super) struct RawCondition {
    span: Span,
    question: Spanned<String>,
    test: Test,
    /// Where each choice id the test names is written.
    choice_spans: Vec<Span>,
}

/// Reads `when`: one condition table, or an array of them that must all hold.
pub(super) fn read_when(q: &Fields<'_, '_>, errs: &mut Diagnostics) -> Vec<RawCondition> {
    let Some(node) = q.get("when") else {
        return Vec::new();
    };
    let tables: Vec<_> = match node.get_ref() {
        DeValue::Table(t) => vec![(t, node.span())],
        DeValue::Array(a) => a
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some((t, item.span())),
                other => {
                    errs.push(Diagnostic::at(
                        item.span(),
                        format!("each condition in `when` must be a table, found {}", describe(other)),
                    ));
                    None
                }
            })
            .collect(),
        other => {
            errs.push(
                Diagnostic::at(
                    node.span(),
                    format!("`when` must be a table or an array of tables, found {}", describe(other)),
                )
                .with_help("for example `when = { question = \"vendors.count\", is = \"several\" }`"),
            );
            return Vec::new();
        }
    };
    if tables.len() > MAX_CONDITIONS {
        errs.push(Diagnostic::at(node.span(), format!("too many conditions (at most {MAX_CONDITIONS})")));
        return Vec::new();
    }
    let context = Context::Within("a condition", q.context());
    tables
        .into_iter()
        .filter_map(|(t, span)| {
            let before = errs.len();
            let f = Fields::new(t, span, context, CONDITION_KEYS, errs);
            let misspelt = errs.len() > before;
            read_condition(f, misspelt, errs)
        })
        .collect()
}

/// Reads one condition table. `misspelt`: it has an unknown key, already
/// reported, which is most likely the test itself.
fn read_condition(f: Fields<'_, '_>, misspelt: bool, errs: &mut Diagnostics) -> Option<RawCondition> {
    let question = f.required_string("question", errs);
    let present: Vec<&str> = CONDITION_KEYS[1..].iter().copied().filter(|k| f.get(k).is_some()).collect();
    if present.is_empty() && misspelt {
        return None;
    }
    if present.len() != 1 {
        let message = if present.is_empty() {
            format!("{} names no test", f.context())
        } else {
            format!("{} names {} tests ({}); use one per condition", f.context(), present.len(), present.join(", "))
        };
        errs.push(Diagnostic::at(f.span.clone(), message).with_help(format!(
            "use exactly one of {OPERATORS}; list several conditions as `when = [ {{...}}, {{...}} ]`"
        )));
        return None;
    }
    let key = present[0];
    let one = |errs: &mut Diagnostics| f.string(key, errs).map(|s| (s.get_ref().clone(), vec![s.span()]));
    let (test, choice_spans) = match key {
        "is" => one(errs).map(|(s, sp)| (Test::Is(s), sp))?,
        "is_not" => one(errs).map(|(s, sp)| (Test::IsNot(s), sp))?,
        "includes" => one(errs).map(|(s, sp)| (Test::Includes(s), sp))?,
        "is_any" => {
            let list = f.strings(key, errs)?;
            if list.is_empty() {
                let at = f.get(key).map_or(f.span.clone(), |n| n.span());
                errs.push(Diagnostic::at(at, "`is_any` needs at least one choice id"));
                return None;
            }
            let spans = list.iter().map(Spanned::span).collect();
            (Test::IsAny(list.into_iter().map(Spanned::into_inner).collect()), spans)
        }
        _ => {
            let n = f.number(key, errs)?;
            if !n.get_ref().is_finite() {
                errs.push(Diagnostic::at(n.span(), format!("`{key}` must be a finite number")));
                return None;
            }
            let test = if key == "at_least" { Test::AtLeast(*n.get_ref()) } else { Test::Below(*n.get_ref()) };
            (test, Vec::new())
        }
    };
    Some(RawCondition { span: f.span.clone(), question: question?, test, choice_spans })
}

/// Checks every condition against the questions before it and attaches the
/// valid ones. Conditions may only look backwards, which rules out cycles.
/// `positions` maps each question id to its place in `questions`.
pub(super) fn check_references(
    questions: &mut [Question],
    positions: &QuestionIndex,
    raw: Vec<(usize, Vec<RawCondition>)>,
    errs: &mut Diagnostics,
) {
    // Which questions each question's conditions name, to tell a cycle from
    // a plain forward reference; only a file with one needs it.
    let looks_ahead = raw.iter().any(|(owner, conditions)| {
        conditions.iter().any(|c| positions.get(c.question.get_ref()).is_some_and(|&t| t > *owner))
    });
    let depends = if looks_ahead { dependencies(&raw, positions) } else { HashMap::new() };
    // Each hint below compares against every question: bounded per file.
    let mut hints = 0;
    let mut checked: Vec<(usize, Vec<Condition>)> = Vec::new();
    for (owner, conditions) in raw {
        if conditions.is_empty() {
            continue;
        }
        let mut valid = Vec::new();
        for c in conditions {
            let name = c.question.get_ref().as_str();
            let target = match positions.get(name) {
                None => {
                    let d = Diagnostic::at(
                        c.question.span(),
                        format!("the condition names question `{name}`, which does not exist"),
                    );
                    hints += 1;
                    let best = if hints <= MAX_COSTLY_HINTS {
                        closest(name, questions.iter().map(|q| &q.id)).map(str::to_string)
                    } else {
                        None
                    };
                    errs.push(match best {
                        Some(best) => d.with_help(format!("did you mean `{best}`?")),
                        None => d.with_help("check the spelling; conditions refer to question ids"),
                    });
                    continue;
                }
                Some(&t) if t == owner => {
                    errs.push(
                        Diagnostic::at(c.question.span(), format!("question `{name}` has a condition on itself"))
                            .with_help("a condition must name a question asked before this one"),
                    );
                    continue;
                }
                Some(&t) if t > owner => {
                    let this = &questions[owner].id;
                    hints += 1;
                    let closed = if hints <= MAX_COSTLY_HINTS { cycle(&depends, t, owner) } else { None };
                    if let Some(path) = closed {
                        let mut chain: Vec<&str> = vec![this];
                        chain.extend(path.iter().map(|&i| questions[i].id.as_str()));
                        errs.push(
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
                        errs.push(
                            Diagnostic::at(
                                c.question.span(),
                                format!("the condition names `{name}`, which comes later in the file"),
                            )
                            .with_help(format!(
                                "a question can only depend on questions asked before it; move `{this}` after `{name}`"
                            )),
                        );
                    }
                    continue;
                }
                Some(&t) => &questions[t],
            };
            if let Some(problem) = mismatch(&c.test, target.kind) {
                errs.push(Diagnostic::at(c.span.clone(), problem));
                continue;
            }
            let mut ok = true;
            for (id, span) in test_choices(&c.test).iter().zip(&c.choice_spans) {
                if target.choice(id).is_none() {
                    let known: Vec<&str> = target.choices.iter().map(|ch| ch.id.as_str()).collect();
                    errs.push(
                        Diagnostic::at(span.clone(), format!("question `{name}` has no choice `{id}`"))
                            .with_help(format!("its choices are: {}", known.join(", "))),
                    );
                    ok = false;
                }
            }
            if ok {
                valid.push(Condition { question: c.question.into_inner(), test: c.test });
            }
        }
        checked.push((owner, valid));
    }
    for (owner, conditions) in checked {
        questions[owner].when = conditions;
    }
}

/// The questions each question's conditions name, by position.
fn dependencies(raw: &[(usize, Vec<RawCondition>)], positions: &QuestionIndex) -> HashMap<usize, Vec<usize>> {
    raw.iter()
        .map(|(owner, conds)| {
            (*owner, conds.iter().filter_map(|c| positions.get(c.question.get_ref()).copied()).collect())
        })
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
