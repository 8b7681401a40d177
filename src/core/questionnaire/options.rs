//! The answer options of a question: choices (single, multi, yes/no) and
//! bands (scale, number), with the checks that tie them to the kind.

use toml::Spanned;

use super::load::{check_id, check_text};
use super::model::{Band, Choice, Kind, Outcome, Phase, Question, Severity};
use crate::core::answers::DONT_KNOW;
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::limits::{MAX_LABEL_CHARS, MAX_OPTIONS, MAX_TEXT_CHARS};
use crate::core::toml_fields::{Context, Fields};

const CHOICE_KEYS: &[&str] =
    &["id", "label", "score", "red_flag", "recommendation", "phase", "exclusive", "if_missing"];
const BAND_KEYS: &[&str] = &["from", "to", "label", "score", "red_flag", "recommendation", "phase"];

/// Reads `[[area.question.choice]]` entries and checks they fit the kind.
pub(super) fn read_choices(q: &Fields<'_, '_>, kind: Kind, errs: &mut Diagnostics) -> Vec<Choice> {
    // Problems with the entries themselves make "too few choices" noise.
    let before = errs.len();
    let tables = q.tables("choice", errs);
    if !kind.has_choices() {
        if let Some(node) = q.get("choice") {
            errs.push(
                Diagnostic::at(node.span(), format!("a `{}` question takes no choices", kind.name()))
                    .with_help("choices belong to single, multi and yes_no questions"),
            );
        }
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
        let f = Fields::new(table, span.clone(), Context::Within("a choice", q.context()), CHOICE_KEYS, errs);
        let Some(id) = f.required_string("id", errs) else { continue };
        if !check_id(&id, "choice", errs) {
            continue;
        }
        if id.get_ref() == DONT_KNOW {
            errs.push(
                Diagnostic::at(id.span(), format!("`{DONT_KNOW}` is reserved for the \"don't know\" answer"))
                    .with_help("every question accepts it already; use `dont_know = false` to turn it off"),
            );
            continue;
        }
        if seen.contains(id.get_ref()) {
            errs.push(
                Diagnostic::at(id.span(), format!("duplicate choice id `{}` in {}", id.get_ref(), q.context()))
                    .with_help("give each choice of a question its own id"),
            );
            continue;
        }
        seen.push(id.get_ref().clone());
        let f = f.with_context(Context::NamedWithin("choice", id.get_ref(), q.context()));
        let label = match f.string("label", errs) {
            Some(l) if check_text(&l, "label", MAX_LABEL_CHARS, true, errs) => Some(l.into_inner()),
            Some(_) => None,
            None if kind == Kind::YesNo => Some(yes_no_label(id.get_ref())),
            None => {
                let _ = f.required_string("label", errs);
                None
            }
        };
        let outcome = read_outcome(&f, errs);
        let exclusive = f.boolean("exclusive", errs);
        let if_missing = text(&f, "if_missing", errs);
        if kind != Kind::Multi {
            for key in ["exclusive", "if_missing"] {
                if let Some(node) = f.get(key) {
                    errs.push(Diagnostic::at(node.span(), format!("`{key}` only applies to multi questions")));
                }
            }
        }
        if if_missing.is_some() && outcome.as_ref().is_some_and(|o| o.phase.is_none()) {
            errs.push(
                Diagnostic::at(span.clone(), format!("{} has `if_missing` but no `phase`", f.context()))
                    .with_help("add `phase = \"before-signing\"`, \"setup\" or \"production\""),
            );
        }
        let (Some(label), Some(outcome)) = (label, outcome) else { continue };
        choices.push(Choice {
            id: id.get_ref().clone(),
            label,
            outcome,
            exclusive: exclusive.is_some_and(Spanned::into_inner),
            if_missing,
        });
    }
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
    choices
}

fn yes_no_label(id: &str) -> String {
    if id == "yes" { "Yes".into() } else { "No".into() }
}

/// Reads the bounds and `[[area.question.band]]` entries of scale and
/// number questions into `question`.
pub(super) fn read_bands(q: &Fields<'_, '_>, question: &mut Question, errs: &mut Diagnostics) {
    let kind = question.kind;
    if !kind.has_bands() {
        for key in ["band", "min", "max", "min_label", "max_label", "unit"] {
            if let Some(node) = q.get(key) {
                errs.push(
                    Diagnostic::at(node.span(), format!("`{key}` does not apply to a `{}` question", kind.name()))
                        .with_help("bounds and bands belong to scale and number questions"),
                );
            }
        }
        return;
    }
    let (min, max) = if kind == Kind::Scale {
        let min = q.integer("min", errs);
        let max = q.integer("max", errs);
        if q.get("min").is_none() || q.get("max").is_none() {
            errs.push(
                Diagnostic::at(q.span.clone(), format!("{} is a scale and needs `min` and `max`", q.context()))
                    .with_help("for example `min = 1` and `max = 5`"),
            );
        }
        if let Some(node) = q.get("unit") {
            errs.push(Diagnostic::at(node.span(), "`unit` applies to number questions, not scales"));
        }
        match (min, max) {
            // checked_sub: bounds near the ends of i64 must not overflow.
            (Some(lo), Some(hi))
                if hi.get_ref().checked_sub(*lo.get_ref()).is_none_or(|steps| !(1..=100).contains(&steps)) =>
            {
                errs.push(Diagnostic::at(lo.span(), "a scale needs `min` below `max`, at most 100 steps apart"));
                (None, None)
            }
            (lo, hi) => (lo.map(|v| *v.get_ref() as f64), hi.map(|v| *v.get_ref() as f64)),
        }
    } else {
        for key in ["min_label", "max_label"] {
            if let Some(node) = q.get(key) {
                errs.push(Diagnostic::at(node.span(), format!("`{key}` applies to scale questions only")));
            }
        }
        let min = finite(q, "min", errs);
        let max = finite(q, "max", errs);
        if let (Some(lo), Some(hi)) = (min, max)
            && lo > hi
        {
            errs.push(Diagnostic::at(q.get("min").map_or(q.span.clone(), |n| n.span()), "`min` is above `max`"));
        }
        (min, max)
    };
    question.min = min;
    question.max = max;

    let before = errs.len();
    let tables = q.tables("band", errs);
    if tables.len() > MAX_OPTIONS {
        errs.push(Diagnostic::at(q.span.clone(), format!("too many bands in {} (at most {MAX_OPTIONS})", q.context())));
        return;
    }
    let mut bands: Vec<(Band, std::ops::Range<usize>)> = Vec::new();
    for (table, span) in tables {
        let f = Fields::new(table, span.clone(), Context::Within("a band", q.context()), BAND_KEYS, errs);
        let from = f.required_number("from", errs);
        let to = f.required_number("to", errs);
        let label = f.string("label", errs).filter(|l| check_text(l, "label", MAX_LABEL_CHARS, false, errs));
        let outcome = read_outcome(&f, errs);
        let (Some(from), Some(to), Some(outcome)) = (from, to, outcome) else { continue };
        let (lo, hi) = (*from.get_ref(), *to.get_ref());
        if !lo.is_finite() || !hi.is_finite() || lo > hi {
            let at = if lo.is_finite() && !hi.is_finite() { to.span() } else { from.span() };
            errs.push(Diagnostic::at(at, "a band needs finite `from` and `to`, with `from` at most `to`"));
            continue;
        }
        if min.is_some_and(|m| lo < m) || max.is_some_and(|m| hi > m) {
            errs.push(Diagnostic::at(
                from.span(),
                format!("this band reaches outside the question's `min`..`max` in {}", q.context()),
            ));
            continue;
        }
        if let Some((other, _)) = bands.iter().find(|(b, _)| lo <= b.to && b.from <= hi) {
            errs.push(
                Diagnostic::at(
                    span.clone(),
                    format!("bands overlap in {}: {lo}..{hi} and {}..{}", q.context(), other.from, other.to),
                )
                .with_help("each answer must fall in one band only"),
            );
            continue;
        }
        bands.push((Band { from: lo, to: hi, label: label.map(Spanned::into_inner), outcome }, span));
    }
    bands.sort_by(|a, b| a.0.from.total_cmp(&b.0.from));
    if kind == Kind::Scale
        && let (Some(lo), Some(hi)) = (min, max)
    {
        let uncovered: Vec<String> = (lo as i64..=hi as i64)
            .filter(|v| !bands.iter().any(|(b, _)| b.from <= *v as f64 && *v as f64 <= b.to))
            .map(|v| v.to_string())
            .collect();
        if !uncovered.is_empty() && errs.len() == before {
            errs.push(
                Diagnostic::at(
                    q.get("band").map_or(q.span.clone(), |n| n.span()),
                    format!("the bands of {} leave {} without a score", q.context(), uncovered.join(", ")),
                )
                .with_help("on a scale, every step from `min` to `max` must fall in a band"),
            );
        }
    }
    question.bands = bands.into_iter().map(|(b, _)| b).collect();
}

fn finite(q: &Fields<'_, '_>, key: &str, errs: &mut Diagnostics) -> Option<f64> {
    let n = q.number(key, errs)?;
    if n.get_ref().is_finite() {
        Some(*n.get_ref())
    } else {
        errs.push(Diagnostic::at(n.span(), format!("`{key}` must be a finite number")));
        None
    }
}

fn text(f: &Fields<'_, '_>, key: &str, errs: &mut Diagnostics) -> Option<String> {
    f.string(key, errs).filter(|s| check_text(s, key, MAX_TEXT_CHARS, true, errs)).map(Spanned::into_inner)
}

/// The score, flag, recommendation and phase shared by choices and bands.
fn read_outcome(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<Outcome> {
    let score = match f.required_number("score", errs) {
        Some(s) if s.get_ref().is_finite() && (0.0..=100.0).contains(s.get_ref()) => Some(*s.get_ref()),
        Some(s) => {
            errs.push(
                Diagnostic::at(s.span(), format!("score must be from 0 to 100, found {}", s.get_ref()))
                    .with_help("0 is the riskiest answer, 100 the readiest"),
            );
            None
        }
        None => None,
    };
    let red_flag = f.str("red_flag", errs).and_then(|r| match Severity::from_name(r.get_ref()) {
        Some(s) => Some(s),
        None => {
            errs.push(
                Diagnostic::at(r.span(), format!("unknown red flag `{}`", r.get_ref()))
                    .with_help("use \"critical\" (not ready, whatever the score) or \"major\" (rules out ready)"),
            );
            None
        }
    });
    let recommendation = text(f, "recommendation", errs);
    let phase = f.str("phase", errs).and_then(|p| match Phase::from_name(p.get_ref()) {
        Some(p) => Some(p),
        None => {
            errs.push(
                Diagnostic::at(p.span(), format!("unknown phase `{}`", p.get_ref()))
                    .with_help("use \"before-signing\", \"setup\" or \"production\""),
            );
            None
        }
    });
    if recommendation.is_some() && phase.is_none() && f.get("phase").is_none() {
        errs.push(
            Diagnostic::at(f.span.clone(), format!("{} has a `recommendation` but no `phase`", f.context()))
                .with_help("add `phase = \"before-signing\"`, \"setup\" or \"production\": when is the action due?"),
        );
    }
    if let Some(node) = f.get("red_flag")
        && recommendation.is_none()
        && f.get("recommendation").is_none()
    {
        errs.push(
            Diagnostic::at(node.span(), format!("{} raises a red flag but gives no `recommendation`", f.context()))
                .with_help("every red flag needs a next step: add `recommendation = \"...\"`"),
        );
    }
    Some(Outcome { score: score?, red_flag, recommendation, phase })
}
