//! What an answer leads to: the score, red flag, recommendation and phase
//! that choices and bands share.

use super::checks::read_filled_text;
use super::model::{Outcome, PhaseDef, Severity};
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::toml_fields::Fields;

/// What the outcomes of one question may say: the phases the file declares,
/// and whether the question is scored at all.
#[derive(Debug, Clone, Copy)]
pub(super) struct OutcomeRules<'p> {
    pub phases: &'p [PhaseDef],
    pub scored: bool,
}

/// The keys an outcome is made of.
const OUTCOME_KEYS: [&str; 4] = ["score", "red_flag", "recommendation", "phase"];

/// Reads the outcome of a choice or band; `None` without a usable score.
/// A choice of an unscored question has no outcome keys at all.
pub(super) fn read_outcome(f: &Fields<'_, '_>, rules: OutcomeRules<'_>, errs: &mut Diagnostics) -> Option<Outcome> {
    if !rules.scored {
        refuse_outcome_keys(f, errs);
        return Some(Outcome { score: 0.0, red_flag: None, recommendation: None, phase: None });
    }
    let score = read_score(f, errs);
    let red_flag = read_red_flag(f, errs);
    let recommendation = read_filled_text(f, "recommendation", errs);
    let phase = read_phase(f, rules.phases, errs);
    check_recommendation_has_phase(f, recommendation.is_some() && phase.is_none(), rules.phases, errs);
    check_red_flag_has_recommendation(f, recommendation.is_none(), errs);
    Some(Outcome { score: score?, red_flag, recommendation, phase })
}

/// A context-only question's choices say nothing about readiness.
fn refuse_outcome_keys(f: &Fields<'_, '_>, errs: &mut Diagnostics) {
    for key in OUTCOME_KEYS.into_iter().chain(["if_missing"]) {
        if let Some(node) = f.get(key) {
            errs.push(
                Diagnostic::at(node.span(), format!("`{key}` in {}, whose question is not scored", f.context()))
                    .with_help("remove it, or remove `scored = false` from the question to score its answers"),
            );
        }
    }
}

/// The required score, from 0 to 100.
fn read_score(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<f64> {
    let s = f.required_number("score", errs)?;
    if s.get_ref().is_finite() && (0.0..=100.0).contains(s.get_ref()) {
        return Some(*s.get_ref());
    }
    errs.push(
        Diagnostic::at(s.span(), format!("score must be from 0 to 100, found {}", s.get_ref()))
            .with_help("0 is the riskiest answer, 100 the readiest"),
    );
    None
}

fn read_red_flag(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<Severity> {
    let r = f.str("red_flag", errs)?;
    let severity = Severity::from_name(r.get_ref());
    if severity.is_none() {
        errs.push(
            Diagnostic::at(r.span(), format!("unknown red flag `{}`", r.get_ref()))
                .with_help("use \"critical\" (not ready, whatever the score) or \"major\" (rules out ready)"),
        );
    }
    severity
}

/// The phase an action is due in: one the questionnaire declares.
pub(super) fn read_phase(f: &Fields<'_, '_>, phases: &[PhaseDef], errs: &mut Diagnostics) -> Option<String> {
    let p = f.str("phase", errs)?;
    if phases.iter().any(|d| d.id == *p.get_ref()) {
        return Some(p.get_ref().to_string());
    }
    errs.push(
        Diagnostic::at(p.span(), format!("unknown phase `{}`", p.get_ref()))
            .with_help(format!("use {}", phase_list(phases))),
    );
    None
}

/// The phases as a message lists them: "\"a\", \"b\" or \"c\"".
pub(super) fn phase_list(phases: &[PhaseDef]) -> String {
    let quoted: Vec<String> = phases.iter().map(|p| format!("\"{}\"", p.id)).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// "add `phase = \"a\"`, \"b\" or \"c\"", naming the declared phases.
pub(super) fn add_phase(phases: &[PhaseDef]) -> String {
    match phases.split_first() {
        Some((first, [])) => format!("add `phase = \"{}\"`", first.id),
        Some((first, rest)) => format!("add `phase = \"{}\"`, {}", first.id, phase_list(rest)),
        None => "add `phase = \"...\"`".to_string(),
    }
}

/// A recommendation says when it is due. `unphased`: there is a usable
/// recommendation and no usable phase.
fn check_recommendation_has_phase(f: &Fields<'_, '_>, unphased: bool, phases: &[PhaseDef], errs: &mut Diagnostics) {
    // A phase that is written but wrong is reported already.
    if unphased && f.get("phase").is_none() {
        errs.push(
            Diagnostic::at(f.span.clone(), format!("{} has a `recommendation` but no `phase`", f.context()))
                .with_help(format!("{}: when is the action due?", add_phase(phases))),
        );
    }
}

/// A red flag says what to do about it. `no_recommendation`: there is no
/// usable recommendation.
fn check_red_flag_has_recommendation(f: &Fields<'_, '_>, no_recommendation: bool, errs: &mut Diagnostics) {
    // A recommendation that is written but wrong is reported already.
    if let Some(node) = f.get("red_flag")
        && no_recommendation
        && f.get("recommendation").is_none()
    {
        errs.push(
            Diagnostic::at(node.span(), format!("{} raises a red flag but gives no `recommendation`", f.context()))
                .with_help("every red flag needs a next step: add `recommendation = \"...\"`"),
        );
    }
}
