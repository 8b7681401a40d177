//! `unknown = { ... }`: what "don't know", or a shown question left
//! unanswered, raises. By default the most severe red flag among the
//! question's answers, with the action of the answer that carries it: if
//! nobody can say who owns the outcome, nobody does.

use super::checks::read_filled_text;
use super::model::{Outcome, PhaseDef, Question, Severity, UnknownOutcome};
use super::outcome::read_phase;
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::toml_fields::{Context, Fields};

const UNKNOWN_KEYS: &[&str] = &["red_flag", "recommendation", "phase"];

/// What the author wrote in `unknown`, each part optional.
#[derive(Debug, Default)]
struct Written {
    /// `Some(None)`: `red_flag = "none"`.
    red_flag: Option<Option<Severity>>,
    recommendation: Option<String>,
    phase: Option<String>,
}

/// Reads `unknown` (if any) and resolves what an unknown answer to
/// `question` raises, once its choices and bands are read.
pub(super) fn read_unknown(
    q: &Fields<'_, '_>,
    question: &Question,
    phases: &[PhaseDef],
    errs: &mut Diagnostics,
) -> UnknownOutcome {
    let Some(node) = q.get("unknown") else {
        return resolve(question, Written::default(), phases);
    };
    if !question.is_scored() {
        errs.push(
            Diagnostic::at(node.span(), format!("`unknown` in {}, which is not scored", q.context()))
                .with_help("an unknown answer to a context-only question raises nothing; remove `unknown`"),
        );
        return UnknownOutcome::default();
    }
    let Some((table, span)) = q.table("unknown", errs) else { return resolve(question, Written::default(), phases) };
    let f = Fields::new(table, span, Context::Within("`unknown`", q.context()), UNKNOWN_KEYS, errs);
    let written = Written {
        red_flag: read_flag_or_none(&f, errs),
        recommendation: read_filled_text(&f, "recommendation", errs),
        phase: read_phase(&f, phases, errs),
    };
    let resolved = resolve(question, written, phases);
    if let (Some(severity), None) = (resolved.red_flag, &resolved.recommendation) {
        errs.push(
            Diagnostic::at(
                f.span.clone(),
                format!("{} raises a {} red flag but gives no `recommendation`", f.context(), severity.name()),
            )
            .with_help("add `recommendation = \"...\"`: what to do when nobody knows"),
        );
    }
    resolved
}

/// `red_flag` in `unknown`: "none", "major" or "critical".
fn read_flag_or_none(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<Option<Severity>> {
    let r = f.str("red_flag", errs)?;
    if *r.get_ref() == "none" {
        return Some(None);
    }
    match Severity::from_name(r.get_ref()) {
        Some(severity) => Some(Some(severity)),
        None => {
            errs.push(
                Diagnostic::at(r.span(), format!("unknown red flag `{}`", r.get_ref()))
                    .with_help("use \"none\", \"major\" or \"critical\""),
            );
            None
        }
    }
}

/// Fills what the author left out from the question's answers: the most
/// severe red flag, and the action of the answer that carries it (else of
/// the riskiest answer that has one).
fn resolve(question: &Question, written: Written, phases: &[PhaseDef]) -> UnknownOutcome {
    if !question.is_scored() {
        return UnknownOutcome::default();
    }
    let outcomes: Vec<&Outcome> =
        question.choices.iter().map(|c| &c.outcome).chain(question.bands.iter().map(|b| &b.outcome)).collect();
    let red_flag = written.red_flag.unwrap_or_else(|| outcomes.iter().filter_map(|o| o.red_flag).max());
    let source = source_of_action(&outcomes, red_flag);
    let recommendation = written.recommendation.or_else(|| source.and_then(|o| o.recommendation.clone()));
    let phase =
        written.phase.or_else(|| source.and_then(|o| o.phase.clone())).or_else(|| phases.first().map(|p| p.id.clone()));
    UnknownOutcome { red_flag, recommendation, phase }
}

/// The answer whose action an unknown answer borrows: the riskiest one
/// with `flag` and a recommendation, else the riskiest with a
/// recommendation.
fn source_of_action<'o>(outcomes: &[&'o Outcome], flag: Option<Severity>) -> Option<&'o Outcome> {
    let riskiest = |candidates: Vec<&'o Outcome>| candidates.into_iter().min_by(|a, b| a.score.total_cmp(&b.score));
    let with_action: Vec<&Outcome> = outcomes.iter().copied().filter(|o| o.recommendation.is_some()).collect();
    let flagged: Vec<&Outcome> = with_action.iter().copied().filter(|o| flag.is_some() && o.red_flag == flag).collect();
    riskiest(flagged).or_else(|| riskiest(with_action))
}
