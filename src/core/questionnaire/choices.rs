//! The choices of single, multi and yes/no questions, with the checks that
//! tie them to the question's kind.

use toml::Spanned;

use super::checks::{check_id, check_text, read_filled_text};
use super::model::{Choice, DONT_KNOW, Kind};
use super::outcome::{OutcomeRules, add_phase, read_outcome};
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::limits::{MAX_LABEL_CHARS, MAX_OPTIONS};
use crate::core::toml_fields::{Context, Fields};

const CHOICE_KEYS: &[&str] =
    &["id", "label", "score", "red_flag", "recommendation", "phase", "exclusive", "if_missing"];

/// Reads `[[area.question.choice]]` entries and checks they fit the kind.
pub(super) fn read_choices(
    q: &Fields<'_, '_>,
    kind: Kind,
    rules: OutcomeRules<'_>,
    errs: &mut Diagnostics,
) -> Vec<Choice> {
    // Problems with the entries themselves make "too few choices" noise.
    let before = errs.len();
    let tables = q.tables("choice", errs);
    if !kind.has_choices() {
        refuse_choices(q, kind, errs);
        return Vec::new();
    }
    if tables.len() > MAX_OPTIONS {
        errs.push(Diagnostic::at(
            q.span.clone(),
            format!("too many choices in {} (at most {MAX_OPTIONS})", q.context()),
        ));
        return Vec::new();
    }
    let mut choices: Vec<Choice> = Vec::with_capacity(tables.len());
    // Every id seen, valid choice or not, so a repeat is reported either way.
    let mut seen: Vec<String> = Vec::with_capacity(tables.len());
    for (table, span) in tables {
        let f = Fields::new(table, span, Context::Within("a choice", q.context()), CHOICE_KEYS, errs);
        let Some(id) = read_choice_id(&f, q, &mut seen, errs) else { continue };
        let f = f.with_context(Context::NamedWithin("choice", id.get_ref(), q.context()));
        choices.extend(read_choice(&f, id.get_ref(), kind, rules, errs));
    }
    check_choice_count(q, kind, &choices, before, errs);
    choices
}

/// Reports choices on a question whose kind takes none.
fn refuse_choices(q: &Fields<'_, '_>, kind: Kind, errs: &mut Diagnostics) {
    if let Some(node) = q.get("choice") {
        errs.push(
            Diagnostic::at(node.span(), format!("a `{}` question takes no choices", kind.name()))
                .with_help("choices belong to single, multi and yes_no questions"),
        );
    }
}

/// A choice's id: well formed, not the reserved "don't know" id, and not
/// used by another choice of the question (`seen`, which it joins).
fn read_choice_id(
    f: &Fields<'_, '_>,
    q: &Fields<'_, '_>,
    seen: &mut Vec<String>,
    errs: &mut Diagnostics,
) -> Option<Spanned<String>> {
    let id = f.required_string("id", errs)?;
    if !check_id(&id, "choice", errs) {
        return None;
    }
    if id.get_ref() == DONT_KNOW {
        errs.push(
            Diagnostic::at(id.span(), format!("`{DONT_KNOW}` is reserved for the \"don't know\" answer"))
                .with_help("every question accepts it already; use `dont_know = false` to turn it off"),
        );
        return None;
    }
    if seen.contains(id.get_ref()) {
        errs.push(
            Diagnostic::at(id.span(), format!("duplicate choice id `{}` in {}", id.get_ref(), q.context()))
                .with_help("give each choice of a question its own id"),
        );
        return None;
    }
    seen.push(id.get_ref().clone());
    Some(id)
}

/// The rest of a choice once its id is known; `None` when its label or
/// outcome is unusable.
fn read_choice(
    f: &Fields<'_, '_>,
    id: &str,
    kind: Kind,
    rules: OutcomeRules<'_>,
    errs: &mut Diagnostics,
) -> Option<Choice> {
    let label = read_choice_label(f, id, kind, errs);
    let outcome = read_outcome(f, rules, errs);
    let exclusive = f.boolean("exclusive", errs);
    // An unscored question's choices raise nothing (reported with the outcome).
    let if_missing = if rules.scored { read_filled_text(f, "if_missing", errs) } else { None };
    if kind != Kind::Multi {
        refuse_multi_keys(f, errs);
    }
    if if_missing.is_some() && outcome.as_ref().is_some_and(|o| o.phase.is_none()) {
        errs.push(
            Diagnostic::at(f.span.clone(), format!("{} has `if_missing` but no `phase`", f.context()))
                .with_help(add_phase(rules.phases)),
        );
    }
    Some(Choice {
        id: id.to_string(),
        label: label?,
        outcome: outcome?,
        exclusive: exclusive.is_some_and(Spanned::into_inner),
        if_missing,
    })
}

/// The label; a yes/no choice may leave it out.
fn read_choice_label(f: &Fields<'_, '_>, id: &str, kind: Kind, errs: &mut Diagnostics) -> Option<String> {
    match f.string("label", errs) {
        Some(l) if check_text(&l, "label", MAX_LABEL_CHARS, true, errs) => Some(l.into_inner()),
        Some(_) => None,
        None if kind == Kind::YesNo => Some(yes_no_label(id)),
        None => {
            let _ = f.required_string("label", errs);
            None
        }
    }
}

fn yes_no_label(id: &str) -> String {
    if id == "yes" { "Yes".into() } else { "No".into() }
}

/// Reports the keys that only a multi question's choices take.
fn refuse_multi_keys(f: &Fields<'_, '_>, errs: &mut Diagnostics) {
    for key in ["exclusive", "if_missing"] {
        if let Some(node) = f.get(key) {
            errs.push(Diagnostic::at(node.span(), format!("`{key}` only applies to multi questions")));
        }
    }
}

/// A yes/no question has exactly `yes` and `no`; the others at least two
/// choices. Missing choices are always reported, too few only when no
/// problem was found since `before`: a choice refused for its own problem
/// would explain the shortfall.
fn check_choice_count(q: &Fields<'_, '_>, kind: Kind, choices: &[Choice], before: usize, errs: &mut Diagnostics) {
    let node_span = q.get("choice").map_or(q.span.clone(), |n| n.span());
    match kind {
        Kind::YesNo => {
            let mut ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            if ids != ["no", "yes"] && errs.len() == before {
                errs.push(
                    Diagnostic::at(
                        node_span,
                        format!("{} is yes_no and needs exactly the choices `yes` and `no`", q.context()),
                    )
                    .with_help("add `[[area.question.choice]]` with `id = \"yes\"` and one with `id = \"no\"`"),
                );
            }
        }
        _ if choices.len() < 2 && q.get("choice").is_none() => {
            errs.push(Diagnostic::at(q.span.clone(), format!("{} has no choices", q.context())).with_help(format!(
                "a `{}` question needs at least two `[[area.question.choice]]` entries",
                kind.name()
            )))
        }
        _ if choices.len() < 2 && errs.len() == before => errs.push(
            Diagnostic::at(node_span, format!("{} has only one choice", q.context()))
                .with_help("give at least two choices, or make it a yes_no question"),
        ),
        _ => {}
    }
}
