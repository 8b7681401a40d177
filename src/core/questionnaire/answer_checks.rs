//! `[[check]]`: answers that cannot all be true. People flatter their own
//! company; two answers that contradict each other are the cheapest
//! evidence of it. A check's conditions are written as a question's `when`
//! is, read by `when` and checked against the questions by `references`.

use schemars::JsonSchema;
use serde::Serialize;
use toml::de::DeValue;

use super::checks::{UniqueIds, named, read_id, read_text};
use super::model::Condition;
use super::when::{RawCondition, read_conditions};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::toml_fields::{Context, Fields, Table};

const CHECK_KEYS: &[&str] = &["id", "all", "message"];

/// Answers that cannot all be true: when every condition of `all` holds on
/// the answers given, the report asks to check them with the respondent.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnswerCheck {
    pub id: String,
    /// Two or more conditions, as a question's `when` writes them.
    pub all: Vec<Condition>,
    /// What to check, in words a consultant would say to the client.
    pub message: String,
}

/// A check as written, its conditions not yet checked against the
/// questions: those are checked even when the rest of it is wrong, so
/// that every problem is reported at once.
#[derive(Debug)]
pub(super) struct RawCheck {
    pub id: Option<String>,
    pub message: Option<String>,
    /// The conditions read from `all`.
    pub all: Vec<RawCondition>,
    /// Whether `all` is as it must be: two or more conditions, each read.
    pub all_read: bool,
}

/// Reads the `[[check]]` tables, reporting each problem.
pub(super) fn read_checks(source: &str, tables: Vec<(&Table<'_>, Span)>, errs: &mut Diagnostics) -> Vec<RawCheck> {
    let mut ids = UniqueIds::new(source, "check");
    tables.into_iter().enumerate().map(|(i, (table, span))| read_check(table, span, i, &mut ids, errs)).collect()
}

/// Reads check number `index` (from 0).
fn read_check(
    table: &Table<'_>,
    span: Span,
    index: usize,
    ids: &mut UniqueIds<'_>,
    errs: &mut Diagnostics,
) -> RawCheck {
    let context = named(table, "check").unwrap_or(Context::Numbered("check", index + 1));
    let f = Fields::new(table, span, context, CHECK_KEYS, errs);
    let id = read_id(&f, "check", errs);
    if let Some(id) = &id {
        ids.check(id, errs);
    }
    let AllRead { all, complete } = read_all(&f, errs);
    let message = read_text(&f, "message", true, errs);
    RawCheck { id: id.map(|id| id.into_inner()), message, all, all_read: complete }
}

/// The conditions of `all`, and whether they are all there is to it.
struct AllRead {
    all: Vec<RawCondition>,
    complete: bool,
}

/// Reads `all`: two or more conditions. Incomplete when it is missing, too
/// short or holds a condition that cannot be read (all reported).
fn read_all(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> AllRead {
    let help = "list the answers that cannot all be true: `all = [ { question = \"a.one\", is = \"yes\" }, \
                { question = \"a.two\", is = \"no\" } ]`";
    let Some(node) = f.get("all") else {
        errs.push(Diagnostic::at(f.span.clone(), format!("{} is missing `all`", f.context())).with_help(help));
        return AllRead { all: Vec::new(), complete: false };
    };
    let written = match node.get_ref() {
        DeValue::Array(items) => Some(items.len()),
        DeValue::Table(_) => Some(1),
        // The wrong type is reported as such by `read_conditions`.
        _ => None,
    };
    let all = read_conditions(f, "all", errs);
    if let Some(n) = written.filter(|&n| n < 2) {
        errs.push(
            Diagnostic::at(
                node.span(),
                format!("{} has {n} condition{}; a check needs two or more", f.context(), plural(n)),
            )
            .with_help(help),
        );
    }
    let complete = written.is_some_and(|n| n >= 2 && n == all.len());
    AllRead { all, complete }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
