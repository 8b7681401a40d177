//! Conditions (`when`) as written: read and checked for shape here, and
//! against the other questions in `references`, once all are read.

use toml::Spanned;
use toml::de::DeValue;

use super::model::Test;
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::limits::MAX_CONDITIONS;
use crate::core::toml_fields::{Context, Fields, describe};

const CONDITION_KEYS: &[&str] = &["question", "is", "is_not", "is_any", "includes", "at_least", "below"];
const OPERATORS: &str = "is, is_not, is_any, includes, at_least or below";

/// A condition as written, with the positions needed to report problems.
#[derive(Debug)]
pub(super) struct RawCondition {
    pub span: Span,
    pub question: Spanned<String>,
    pub test: Test,
    /// Where each choice id the test names is written.
    pub choice_spans: Vec<Span>,
}

/// The conditions of one question, as written.
#[derive(Debug)]
pub(super) struct QuestionConditions {
    /// The question's position in the questionnaire.
    pub owner: usize,
    pub conditions: Vec<RawCondition>,
}

/// Reads `when`: one condition table, or an array of them that must all hold.
pub(super) fn read_when(q: &Fields<'_, '_>, errs: &mut Diagnostics) -> Vec<RawCondition> {
    read_conditions(q, "when", errs)
}

/// Reads the conditions under `key` (`when` of a question, `all` of a
/// check): one condition table, or an array of them that must all hold.
pub(super) fn read_conditions(q: &Fields<'_, '_>, key: &'static str, errs: &mut Diagnostics) -> Vec<RawCondition> {
    let Some(node) = q.get(key) else {
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
                        format!("each condition in `{key}` must be a table, found {}", describe(other)),
                    ));
                    None
                }
            })
            .collect(),
        other => {
            errs.push(
                Diagnostic::at(
                    node.span(),
                    format!("`{key}` must be a table or an array of tables, found {}", describe(other)),
                )
                .with_help(format!("for example `{key} = {}`", example(key))),
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
            read_condition(f, key, misspelt, errs)
        })
        .collect()
}

/// How conditions under `key` are written, for help messages.
fn example(key: &str) -> &'static str {
    if key == "when" {
        "{ question = \"vendors.count\", is = \"several\" }"
    } else {
        "[ { question = \"vendors.count\", is = \"one\" }, { question = \"vendors.prime\", is = \"no\" } ]"
    }
}

/// Reads one condition table, written under `within`. `misspelt`: it has
/// an unknown key, already reported, which is most likely the test itself.
fn read_condition(f: Fields<'_, '_>, within: &str, misspelt: bool, errs: &mut Diagnostics) -> Option<RawCondition> {
    let question = f.required_string("question", errs);
    let key = test_key(&f, within, misspelt, errs)?;
    let WrittenTest { test, choice_spans } = read_test(&f, key, errs)?;
    Some(RawCondition { span: f.span.clone(), question: question?, test, choice_spans })
}

/// The key of the one test a condition names; `None` when it names none or
/// several (reported, unless a misspelt key already explains it).
fn test_key(f: &Fields<'_, '_>, within: &str, misspelt: bool, errs: &mut Diagnostics) -> Option<&'static str> {
    let present: Vec<&'static str> = CONDITION_KEYS[1..].iter().copied().filter(|k| f.get(k).is_some()).collect();
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
            "use exactly one of {OPERATORS}; list several conditions as `{within} = [ {{...}}, {{...}} ]`"
        )));
        return None;
    }
    Some(present[0])
}

/// A test as written, with where each choice id it names is written.
struct WrittenTest {
    test: Test,
    choice_spans: Vec<Span>,
}

/// Reads the test under `key`, one of the keys after `question`.
fn read_test(f: &Fields<'_, '_>, key: &str, errs: &mut Diagnostics) -> Option<WrittenTest> {
    match key {
        "is" | "is_not" | "includes" => {
            let id = f.string(key, errs)?;
            let choice_spans = vec![id.span()];
            let id = id.into_inner();
            let test = match key {
                "is" => Test::Is(id),
                "is_not" => Test::IsNot(id),
                _ => Test::Includes(id),
            };
            Some(WrittenTest { test, choice_spans })
        }
        "is_any" => {
            let list = f.strings(key, errs)?;
            if list.is_empty() {
                let at = f.get(key).map_or(f.span.clone(), |n| n.span());
                errs.push(Diagnostic::at(at, "`is_any` needs at least one choice id"));
                return None;
            }
            let choice_spans = list.iter().map(Spanned::span).collect();
            Some(WrittenTest { test: Test::IsAny(list.into_iter().map(Spanned::into_inner).collect()), choice_spans })
        }
        _ => {
            let n = f.number(key, errs)?;
            if !n.get_ref().is_finite() {
                errs.push(Diagnostic::at(n.span(), format!("`{key}` must be a finite number")));
                return None;
            }
            let test = if key == "at_least" { Test::AtLeast(*n.get_ref()) } else { Test::Below(*n.get_ref()) };
            Some(WrittenTest { test, choice_spans: Vec::new() })
        }
    }
}
