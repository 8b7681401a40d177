//! The bounds and score bands of scale and number questions, with the
//! checks that tie them to the question's kind.

use toml::Spanned;

use super::checks::check_text;
use super::model::{Band, Kind, Question};
use super::outcome::{OutcomeRules, read_outcome};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span, shown_number};
use crate::core::limits::{MAX_LABEL_CHARS, MAX_NUMBER, MAX_OPTIONS};
use crate::core::toml_fields::{Context, Fields};

const BAND_KEYS: &[&str] = &["from", "to", "label", "score", "red_flag", "recommendation", "phase"];

/// A question's `min` and `max`, where usable.
#[derive(Debug, Clone, Copy, Default)]
struct Bounds {
    min: Option<f64>,
    max: Option<f64>,
}

/// Reads the bounds and `[[area.question.band]]` entries of scale and
/// number questions into `question`.
pub(super) fn read_bands(q: &Fields<'_, '_>, question: &mut Question, rules: OutcomeRules<'_>, errs: &mut Diagnostics) {
    let kind = question.kind;
    if !kind.has_bands() {
        refuse_bands(q, kind, errs);
        return;
    }
    let bounds = if kind == Kind::Scale { read_scale_bounds(q, errs) } else { read_number_bounds(q, errs) };
    question.min = bounds.min;
    question.max = bounds.max;

    let before = errs.len();
    let tables = q.tables("band", errs);
    if tables.len() > MAX_OPTIONS {
        errs.push(Diagnostic::at(q.span.clone(), format!("too many bands in {} (at most {MAX_OPTIONS})", q.context())));
        return;
    }
    let mut bands: Vec<Band> = Vec::new();
    for (table, span) in tables {
        let f = Fields::new(table, span, Context::Within("a band", q.context()), BAND_KEYS, errs);
        if let Some(band) = read_band(&f, q, BandLimits { bounds, earlier: &bands, rules }, errs) {
            bands.push(band);
        }
    }
    bands.sort_by(|a, b| a.from.total_cmp(&b.from));
    if kind == Kind::Scale {
        check_scale_covered(q, bounds, &bands, before, errs);
    } else {
        check_number_covered(q, bounds, &bands, before, errs);
    }
    question.bands = bands;
}

/// Reports bounds and bands on a question whose kind takes none.
fn refuse_bands(q: &Fields<'_, '_>, kind: Kind, errs: &mut Diagnostics) {
    for key in ["band", "min", "max", "min_label", "max_label", "unit"] {
        if let Some(node) = q.get(key) {
            errs.push(
                Diagnostic::at(node.span(), format!("`{key}` does not apply to a `{}` question", kind.name()))
                    .with_help("bounds and bands belong to scale and number questions"),
            );
        }
    }
}

/// A scale's bounds: both required, whole numbers, 1 to 100 steps apart.
fn read_scale_bounds(q: &Fields<'_, '_>, errs: &mut Diagnostics) -> Bounds {
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
            Bounds::default()
        }
        (lo, hi) => Bounds {
            min: lo.and_then(|v| within_limit("min", *v.get_ref() as f64, v.span(), errs)),
            max: hi.and_then(|v| within_limit("max", *v.get_ref() as f64, v.span(), errs)),
        },
    }
}

/// `value` of `key`, if it lies within [`MAX_NUMBER`] either way; else
/// reported at `span`.
fn within_limit(key: &str, value: f64, span: Span, errs: &mut Diagnostics) -> Option<f64> {
    if value.abs() <= MAX_NUMBER {
        return Some(value);
    }
    errs.push(
        Diagnostic::at(span, format!("`{key}` is {}, beyond what a question may take", shown_number(value)))
            .with_help(format!("keep numbers from -{0} to {0}", shown_number(MAX_NUMBER))),
    );
    None
}

/// A number question's bounds: optional, finite, `min` not above `max`.
fn read_number_bounds(q: &Fields<'_, '_>, errs: &mut Diagnostics) -> Bounds {
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
    Bounds { min, max }
}

fn finite(q: &Fields<'_, '_>, key: &str, errs: &mut Diagnostics) -> Option<f64> {
    let n = q.number(key, errs)?;
    if n.get_ref().is_finite() {
        within_limit(key, *n.get_ref(), n.span(), errs)
    } else {
        errs.push(Diagnostic::at(n.span(), format!("`{key}` must be a finite number")));
        None
    }
}

/// What a new band must respect: the question's bounds, the bands before
/// it, and what its outcome may say.
struct BandLimits<'b, 'p> {
    bounds: Bounds,
    earlier: &'b [Band],
    rules: OutcomeRules<'p>,
}

/// One band of question `q`: a finite range within the bounds that
/// overlaps none of the bands before it.
fn read_band(
    f: &Fields<'_, '_>,
    q: &Fields<'_, '_>,
    limits: BandLimits<'_, '_>,
    errs: &mut Diagnostics,
) -> Option<Band> {
    let BandLimits { bounds, earlier, rules } = limits;
    let from = f.required_number("from", errs);
    let to = f.required_number("to", errs);
    let label = f.string("label", errs).filter(|l| check_text(l, "label", MAX_LABEL_CHARS, false, errs));
    let outcome = read_outcome(f, rules, errs);
    let (from, to, outcome) = (from?, to?, outcome?);
    let (lo, hi) = (*from.get_ref(), *to.get_ref());
    if !lo.is_finite() || !hi.is_finite() || lo > hi {
        let at = if lo.is_finite() && !hi.is_finite() { to.span() } else { from.span() };
        errs.push(Diagnostic::at(at, "a band needs finite `from` and `to`, with `from` at most `to`"));
        return None;
    }
    let (lo_fits, hi_fits) =
        (within_limit("from", lo, from.span(), errs).is_some(), within_limit("to", hi, to.span(), errs).is_some());
    if !(lo_fits && hi_fits) {
        return None;
    }
    if bounds.min.is_some_and(|m| lo < m) || bounds.max.is_some_and(|m| hi > m) {
        errs.push(Diagnostic::at(
            from.span(),
            format!("this band reaches outside the question's `min`..`max` in {}", q.context()),
        ));
        return None;
    }
    if let Some(other) = earlier.iter().find(|b| lo <= b.to && b.from <= hi) {
        errs.push(
            Diagnostic::at(
                f.span.clone(),
                format!("bands overlap in {}: {lo}..{hi} and {}..{}", q.context(), other.from, other.to),
            )
            .with_help("each answer must fall in one band only"),
        );
        return None;
    }
    Some(Band { from: lo, to: hi, label: label.map(Spanned::into_inner), outcome })
}

/// On a scale every step from `min` to `max` falls in a band. Reported
/// only when no problem was found since `before`: a band refused for its
/// own problem would explain the gap.
fn check_scale_covered(q: &Fields<'_, '_>, bounds: Bounds, bands: &[Band], before: usize, errs: &mut Diagnostics) {
    let (Some(lo), Some(hi)) = (bounds.min, bounds.max) else { return };
    let uncovered: Vec<String> = (lo as i64..=hi as i64)
        .filter(|v| !bands.iter().any(|b| b.from <= *v as f64 && *v as f64 <= b.to))
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

/// A number question's bands reach from `min` to `max`, so every answer it
/// accepts has a score: between two bands a number belongs to the band
/// below, but below the first band or above the last it would belong to
/// none. Reported, like the scale's check, only when no problem was found
/// since `before`.
fn check_number_covered(q: &Fields<'_, '_>, bounds: Bounds, bands: &[Band], before: usize, errs: &mut Diagnostics) {
    let (Some(first), Some(last)) = (bands.first(), bands.last()) else { return };
    let mut uncovered = Vec::new();
    match bounds.min {
        Some(min) if min < first.from => {
            uncovered.push(format!("the numbers from {} up to {}", shown_number(min), shown_number(first.from)));
        }
        Some(_) => {}
        None => uncovered.push(format!("every number below {} (there is no `min`)", shown_number(first.from))),
    }
    match bounds.max {
        Some(max) if max > last.to => {
            uncovered.push(format!("the numbers above {} up to {}", shown_number(last.to), shown_number(max)));
        }
        Some(_) => {}
        None => uncovered.push(format!("every number above {} (there is no `max`)", shown_number(last.to))),
    }
    if !uncovered.is_empty() && errs.len() == before {
        errs.push(
            Diagnostic::at(
                q.get("band").map_or(q.span.clone(), |n| n.span()),
                format!("the bands of {} leave {} without a score", q.context(), uncovered.join(" and ")),
            )
            .with_help(
                "a number question's bands must reach from `min` to `max`: set both, start the first band at `min` \
                 and end the last at `max` (a number between two bands belongs to the band below)",
            ),
        );
    }
}
