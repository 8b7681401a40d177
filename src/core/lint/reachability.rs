//! Rule `unreachable-verdict` and `unreachable-risk`: every verdict and
//! every area's risk levels should be reachable by some set of real
//! answers, or the report can never say it.
//!
//! Sound both ways: "reachable" rests on an answer set that the scoring
//! itself gives the verdict or risk (see `search`), "unreachable" on a
//! proof that no answer set can (see `proofs`). What has neither is left
//! undecided and not reported.

use super::findings::{Finding, Place, Rule};
use super::proofs::Facts;
use super::report::{Reachable, RiskReach, VerdictReach, Witness, risk_witness, verdict_witness};
use super::search::{Search, Target};
use crate::core::assessment::{Risk, Verdict};

/// What the reachability check found.
pub(super) struct Reach {
    pub reachable: Reachable,
    pub findings: Vec<Finding>,
    pub witnesses: Vec<Witness>,
}

const VERDICTS: [Verdict; 3] = [Verdict::Ready, Verdict::ReadyWithConditions, Verdict::NotReady];
const RISKS: [Risk; 3] = [Risk::Low, Risk::Medium, Risk::High];

pub(super) fn reach(search: &mut Search<'_>, facts: &Facts<'_>) -> Reach {
    let q = facts.q;
    let mut out = Reach { reachable: Reachable::default(), findings: Vec::new(), witnesses: Vec::new() };
    search.prime();
    for verdict in VERDICTS {
        let name = verdict_witness(verdict);
        let reachable = out.decide(search, facts, Target::Verdict(verdict), &name, |because| {
            (
                Rule::UnreachableVerdict,
                format!("no answer set gives the verdict {}: {because}", verdict.name()),
                verdict_help(verdict).to_string(),
            )
        });
        out.reachable.verdicts.push(VerdictReach { verdict, reachable, witness: None });
    }
    for (i, area) in q.areas.iter().enumerate() {
        if facts.never_scored(i) {
            out.findings.push(Finding::new(
                Rule::UnreachableRisk,
                Place::area(&area.id),
                format!("area `{}` is never scored: no answer to its questions counts", area.id),
                "give it a scored question, or move its questions to another area",
            ));
            for risk in RISKS {
                out.reachable.area_risks.push(RiskReach {
                    area: area.id.clone(),
                    risk,
                    reachable: Some(false),
                    witness: None,
                });
            }
            continue;
        }
        for risk in RISKS {
            let name = risk_witness(&area.id, risk);
            let reachable = out.decide(search, facts, Target::Risk { area: i, risk }, &name, |because| {
                (
                    Rule::UnreachableRisk,
                    format!("area `{}` can never be {} risk: {because}", area.id, risk.name()),
                    risk_help(risk).to_string(),
                )
            });
            out.reachable.area_risks.push(RiskReach { area: area.id.clone(), risk, reachable, witness: None });
        }
    }
    out
}

impl Reach {
    /// Whether `target` is reachable: with a witness, kept as `name`; or
    /// unreachable, reported as `finding` says; or undecided.
    fn decide(
        &mut self,
        search: &mut Search<'_>,
        facts: &Facts<'_>,
        target: Target,
        name: &str,
        finding: impl Fn(&str) -> (Rule, String, String),
    ) -> Option<bool> {
        if let Some(set) = search.find(target) {
            self.witnesses.push(Witness { name: name.to_string(), set });
            return Some(true);
        }
        let proof = facts.proof(target)?;
        let (rule, message, help) = finding(&proof.because);
        self.findings.push(Finding::new(rule, proof.place, message, help));
        Some(false)
    }
}

fn verdict_help(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => {
            "give every question at least one answer without a red flag, scoring high enough to reach ready_at"
        }
        Verdict::ReadyWithConditions => {
            "make sure some answers raise only major red flags or score between the high-risk line and ready_at"
        }
        Verdict::NotReady => {
            "put a critical red flag on the answers that should stop a signature, or give them low scores"
        }
    }
}

fn risk_help(risk: Risk) -> &'static str {
    match risk {
        Risk::Low => {
            "give each of its questions an answer without a red flag that scores at or above medium_risk_below"
        }
        Risk::Medium => {
            "give some of its answers a major red flag, or scores between the high-risk and medium-risk lines"
        }
        Risk::High => "give its worst answers a score below the high-risk line, or a critical red flag",
    }
}
