//! One `[[area.question]]`: its id, kind, wording and weight. Its choices,
//! bands and conditions are read by their own modules.

use toml::Spanned;

use super::bands::read_bands;
use super::checks::{UniqueIds, named, read_id, read_label, read_text, read_weight};
use super::choices::read_choices;
use super::model::{Kind, PhaseDef, Question, UnknownOutcome};
use super::outcome::OutcomeRules;
use super::unknown::read_unknown;
use super::when::{RawCondition, read_when};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::suggest::closest;
use crate::core::toml_fields::{Context, Fields, Table};

const QUESTION_KEYS: &[&str] = &[
    "id",
    "kind",
    "text",
    "help",
    "weight",
    "dont_know",
    "scored",
    "unknown",
    "when",
    "choice",
    "band",
    "min",
    "max",
    "min_label",
    "max_label",
    "unit",
];

/// A question as read, with its conditions as written: they are checked
/// against the other questions once all are read.
pub(super) struct QuestionRead {
    pub question: Question,
    pub conditions: Vec<RawCondition>,
}

/// Reads one question of area `area`; `ids` holds the question ids used so
/// far. `None` when its kind, id or text is unusable (and reported).
pub(super) fn read_question(
    table: &Table<'_>,
    span: Span,
    place: QuestionPlace<'_>,
    ids: &mut UniqueIds<'_>,
    errs: &mut Diagnostics,
) -> Option<QuestionRead> {
    let QuestionPlace { area, phases } = place;
    let context = named(table, "question").unwrap_or(Context::Fixed("a question"));
    let f = Fields::new(table, span, context, QUESTION_KEYS, errs);
    let id = read_id(&f, "question", errs);
    if let Some(id) = &id {
        ids.check(id, errs);
    }
    let kind = read_kind(&f, errs);
    let text = read_text(&f, "text", true, errs);
    let help = read_text(&f, "help", false, errs);
    let weight = read_weight(&f, errs);
    let dont_know = f.boolean("dont_know", errs).map(Spanned::into_inner);
    let conditions = read_when(&f, errs);
    // A misspelt kind is still reported, but the question is checked as
    // the kind it most likely meant, so its other problems show now too.
    let checked = kind.written.or(kind.meant)?;
    let scored = read_scored(&f, checked, errs);
    let mut q = Question {
        id: id.as_ref().map(|i| i.get_ref().clone()).unwrap_or_default(),
        area,
        kind: checked,
        text: text.clone().unwrap_or_default(),
        help: help.unwrap_or_default(),
        weight: weight.unwrap_or(1.0),
        dont_know: dont_know.unwrap_or(checked != Kind::Text),
        scored,
        unknown: UnknownOutcome::default(),
        when: Vec::new(),
        choices: Vec::new(),
        bands: Vec::new(),
        min: None,
        max: None,
        min_label: read_label(&f, "min_label", false, errs),
        max_label: read_label(&f, "max_label", false, errs),
        unit: read_label(&f, "unit", false, errs),
    };
    let rules = OutcomeRules { phases, scored };
    q.choices = read_choices(&f, checked, rules, errs);
    read_bands(&f, &mut q, rules, errs);
    q.unknown = read_unknown(&f, &q, phases, errs);
    // Checked as far as it goes; a question missing its kind, id or text
    // is not kept.
    (kind.written.is_some() && id.is_some() && text.is_some()).then_some(QuestionRead { question: q, conditions })
}

/// Where a question sits: its area, and the phases its actions may name.
#[derive(Debug, Clone, Copy)]
pub(super) struct QuestionPlace<'p> {
    pub area: usize,
    pub phases: &'p [PhaseDef],
}

/// `scored = false` marks a choice question that only gathers context.
fn read_scored(f: &Fields<'_, '_>, kind: Kind, errs: &mut Diagnostics) -> bool {
    let Some(scored) = f.boolean("scored", errs) else { return true };
    if !kind.has_choices() {
        errs.push(
            Diagnostic::at(
                scored.span(),
                format!("`scored` applies to choice questions, not to a `{}` question", kind.name()),
            )
            .with_help("text questions are never scored; a number question without bands is context only"),
        );
        return true;
    }
    scored.into_inner()
}

/// A question's kind as written, and when that is misspelt, the kind it
/// most likely meant.
#[derive(Debug, Clone, Copy, Default)]
struct KindRead {
    written: Option<Kind>,
    meant: Option<Kind>,
}

fn read_kind(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> KindRead {
    let Some(k) = f.str("kind", errs) else {
        if f.get("kind").is_none() {
            errs.push(
                Diagnostic::at(f.span.clone(), format!("{} is missing `kind`", f.context()))
                    .with_help("add `kind = \"single\"` (or multi, scale, yes_no, number, text)"),
            );
        }
        return KindRead::default();
    };
    if let Some(kind) = Kind::from_name(k.get_ref()) {
        return KindRead { written: Some(kind), meant: None };
    }
    let names = Kind::ALL.map(Kind::name);
    let meant = closest(k.get_ref(), &names).and_then(Kind::from_name);
    let help = match meant {
        Some(kind) => format!("did you mean `{}`?", kind.name()),
        None => format!("use one of: {}", names.join(", ")),
    };
    errs.push(Diagnostic::at(k.span(), format!("unknown question kind `{}`", k.get_ref())).with_help(help));
    KindRead { written: None, meant }
}
