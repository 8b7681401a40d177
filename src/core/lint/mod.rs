//! `lint`: whether a questionnaire's scoring can give a verdict a buyer can
//! trust. `validate` checks that a file is well formed; this checks what
//! its scores, flags, conditions and recommendations add up to.
//!
//! The analysis, one concept per module: `options` (the classes of real
//! answers to each question), `showable` (which questions can be shown,
//! and rule `condition-never-holds`), `construct` and `search` (answer sets
//! built toward a target and scored by the one scoring), `bounds` and
//! `proofs` (why a target is out of reach, with `sums` for small areas), `reachability` (rules
//! `unreachable-verdict` and `unreachable-risk`), `ranges` (each area's
//! lowest and highest score), and one module per remaining rule:
//! `outcomes`, `order`, `repeats`. `findings` and `report` are the output.

mod bounds;
mod construct;
mod findings;
mod options;
mod order;
mod outcomes;
mod proofs;
mod ranges;
mod reachability;
mod repeats;
mod report;
mod search;
mod showable;
mod sums;

#[cfg(test)]
mod tests;

pub use findings::{Finding, Level, Place, Rule};
pub use report::{AreaRange, Lint, LintReport, Reachable, RiskReach, SCHEMA_VERSION, VerdictReach, Witness};

use crate::core::assessment::QuestionnaireRef;
use crate::core::questionnaire::Questionnaire;

/// Lints `q`: the findings, rule by rule, each in questionnaire order; the
/// areas' score ranges; which verdicts and risks are reachable, with an
/// answer set for each that is.
pub fn lint(q: &Questionnaire) -> Lint {
    let options = options::all_options(q);
    let plans = showable::plans(q, &options);
    let facts = proofs::Facts { q, options: &options, plans: &plans };
    let mut search = search::Search::new(q, &options, &plans);
    let reach = reachability::reach(&mut search, &facts);
    let areas = ranges::ranges(&mut search, &facts);
    let sets = search.kept;

    let mut findings = reach.findings;
    findings.extend(showable::never_shown(q, &options, &plans));
    findings.extend(outcomes::check(q));
    findings.extend(order::check(q));
    findings.extend(repeats::check(q));
    // Rule by rule; the sort is stable, so each rule keeps file order.
    findings.sort_by_key(|f| f.rule);

    let report = LintReport {
        schema_version: SCHEMA_VERSION,
        tool_version: crate::VERSION.to_string(),
        questionnaire: QuestionnaireRef::of(q),
        findings,
        areas,
        reachable: reach.reachable,
    };
    Lint { report, witnesses: reach.witnesses, sets, options }
}
