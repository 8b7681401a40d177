//! What an answer leads to: the score, red flag, recommendation and phase
//! that choices and bands share.

use super::checks::read_filled_text;
use super::model::{Outcome, Phase, Severity};
use crate::core::diagnostic::{Diagnostic, Diagnostics};
use crate::core::toml_fields::Fields;

/// Reads the outcome of a choice or band; `None` without a usable score.
pub(super) fn read_outcome(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<Outcome> {
    let score = read_score(f, errs);
    let red_flag = read_red_flag(f, errs);
    let recommendation = read_filled_text(f, "recommendation", errs);
    let phase = read_phase(f, errs);
    check_recommendation_has_phase(f, recommendation.is_some() && phase.is_none(), errs);
    check_red_flag_has_recommendation(f, recommendation.is_none(), errs);
    Some(Outcome { score: score?, red_flag, recommendation, phase })
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

fn read_phase(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<Phase> {
    let p = f.str("phase", errs)?;
    let phase = Phase::from_name(p.get_ref());
    if phase.is_none() {
        errs.push(
            Diagnostic::at(p.span(), format!("unknown phase `{}`", p.get_ref()))
                .with_help("use \"before-signing\", \"setup\" or \"production\""),
        );
    }
    phase
}

/// A recommendation says when it is due. `unphased`: there is a usable
/// recommendation and no usable phase.
fn check_recommendation_has_phase(f: &Fields<'_, '_>, unphased: bool, errs: &mut Diagnostics) {
    // A phase that is written but wrong is reported already.
    if unphased && f.get("phase").is_none() {
        errs.push(
            Diagnostic::at(f.span.clone(), format!("{} has a `recommendation` but no `phase`", f.context()))
                .with_help("add `phase = \"before-signing\"`, \"setup\" or \"production\": when is the action due?"),
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
