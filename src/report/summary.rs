//! The executive summary every report leads with (terminal, Markdown and
//! HTML alike): the verdict and why, the score and what caps it, the areas
//! at risk and the first actions. Worked out here once; the renderers only
//! lay it out.

use serde::Serialize;

use super::plan::{ActionView, phase_plans};
use super::sections::reason_lines;
use crate::core::assessment::{Assessment, Risk, Verdict};
use crate::core::in_sentence::lower_first;
use crate::core::scoring::fmt1;

/// How many actions of the first phase the summary lists.
pub const FIRST_ACTIONS: usize = 5;

/// What a reader must take away, in the order they need it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExecutiveSummary<'a> {
    pub verdict: Verdict,
    /// The verdict in words: "Ready with conditions".
    pub verdict_title: &'a str,
    /// The overall score, as shown: "84.2".
    pub score: String,
    /// What keeps the verdict below what the score alone gives, e.g.
    /// "capped: 2 critical red flags"; `None` when nothing does.
    pub capped: Option<String>,
    /// The rules that decided the verdict, one line each.
    pub reasons: Vec<String>,
    /// High-risk areas, then medium, weakest first.
    pub areas_at_risk: Vec<AreaAtRisk<'a>>,
    /// The title of the phase the first actions belong to.
    pub first_phase: Option<&'a str>,
    /// Its most urgent actions, at most [`FIRST_ACTIONS`].
    pub first_actions: Vec<ActionView<'a>>,
    /// How many more actions that phase holds.
    pub more_actions: usize,
}

/// An area at high or medium risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaAtRisk<'a> {
    pub title: &'a str,
    pub score: String,
    pub risk: Risk,
}

impl<'a> ExecutiveSummary<'a> {
    pub fn of(a: &'a Assessment) -> Self {
        let mut at_risk: Vec<_> = a
            .areas
            .iter()
            .filter_map(|x| match x.risk {
                Some(risk @ (Risk::High | Risk::Medium)) => Some((risk, x)),
                _ => None,
            })
            .collect();
        at_risk.sort_by(|(ra, a), (rb, b)| rb.cmp(ra).then(a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0))));
        let first = phase_plans(a).into_iter().next();
        let more_actions = first.as_ref().map_or(0, |p| p.actions.len().saturating_sub(FIRST_ACTIONS));
        ExecutiveSummary {
            verdict: a.verdict,
            verdict_title: a.verdict_title(),
            score: fmt1(a.score),
            capped: a.capped.then(|| format!("capped: {}", caps(a))),
            reasons: reason_lines(a.verdict, &a.reasons),
            areas_at_risk: at_risk
                .into_iter()
                .map(|(risk, x)| AreaAtRisk {
                    title: &x.title, score: x.score.map_or_else(|| "—".into(), fmt1), risk
                })
                .collect(),
            first_phase: first.as_ref().map(|p| p.title),
            first_actions: first.map(|p| p.actions.into_iter().take(FIRST_ACTIONS).collect()).unwrap_or_default(),
            more_actions,
        }
    }

    /// "Score: 84.2 / 100", with what caps it: the one way the score is
    /// written beside the verdict.
    pub fn score_line(&self) -> String {
        match &self.capped {
            Some(capped) => format!("Score: {} / 100 — {capped}", self.score),
            None => format!("Score: {} / 100", self.score),
        }
    }
}

/// The rules that can cap a verdict, by the verdict they cap it to, with
/// how to count them in words.
const CAPPING_RULES: &[(Verdict, &str, &str, &str)] = &[
    (Verdict::NotReady, "critical-red-flag", "critical red flag", "critical red flags"),
    (
        Verdict::NotReady,
        "major-flags-clustered",
        "area with clustered major red flags",
        "areas with clustered major red flags",
    ),
    (
        Verdict::NotReady,
        "high-risk-area-with-major-flag",
        "high-risk area with a major red flag",
        "high-risk areas with a major red flag",
    ),
    (Verdict::ReadyWithConditions, "major-red-flag", "major red flag", "major red flags"),
    (Verdict::ReadyWithConditions, "high-risk-area", "high-risk area", "high-risk areas"),
    (Verdict::ReadyWithConditions, "medium-risk-area", "medium-risk area", "medium-risk areas"),
    (Verdict::ReadyWithConditions, "too-many-unknowns", "too many unknowns", "too many unknowns"),
    (Verdict::ReadyWithConditions, "actions-due-first", "action due first", "actions due first"),
];

/// What caps the verdict, counted: "2 critical red flags, 1 high-risk
/// area". Only the rules that give this verdict count: a not-ready verdict
/// is not capped by its conditions.
fn caps(a: &Assessment) -> String {
    let parts: Vec<String> = CAPPING_RULES
        .iter()
        .filter(|(verdict, ..)| *verdict == a.verdict)
        .filter_map(|(_, rule, one, many)| {
            let n = a.reasons.iter().filter(|r| r.rule == *rule).count();
            match n {
                0 => None,
                _ if *rule == "too-many-unknowns" => Some(one.to_string()),
                // One reason for them all, naming the phase.
                _ if *rule == "actions-due-first" => {
                    let first = a.phases.first().map_or("first", |p| p.title.as_str());
                    Some(format!("actions due {}", lower_first(first)))
                }
                1 => Some(format!("1 {one}")),
                n => Some(format!("{n} {many}")),
            }
        })
        .collect();
    if parts.is_empty() { "the verdict's rules".to_string() } else { parts.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Reason;
    use crate::core::history::testing::record;

    fn reason(rule: &str) -> Reason {
        Reason { rule: rule.into(), message: rule.into(), questions: Vec::new() }
    }

    #[test]
    fn a_capped_score_says_what_caps_it() {
        let mut a = record("Contoso", "2026-04-01T10:00:00Z", 1).assessment;
        a.verdict = Verdict::NotReady;
        a.capped = true;
        a.score = 84.24;
        a.reasons = vec![reason("critical-red-flag"), reason("critical-red-flag"), reason("major-red-flag")];
        let s = ExecutiveSummary::of(&a);
        assert_eq!(s.capped.as_deref(), Some("capped: 2 critical red flags"));
        assert_eq!(s.score_line(), "Score: 84.2 / 100 — capped: 2 critical red flags");
        a.capped = false;
        assert_eq!(ExecutiveSummary::of(&a).score_line(), "Score: 84.2 / 100");
        // Held back by the plan alone: the cap names the phase.
        a.verdict = Verdict::ReadyWithConditions;
        a.capped = true;
        a.reasons = vec![reason("medium-risk-area"), reason("actions-due-first")];
        assert_eq!(
            ExecutiveSummary::of(&a).capped.as_deref(),
            Some("capped: 1 medium-risk area, actions due before signing")
        );
    }

    #[test]
    fn areas_at_risk_come_worst_first_and_actions_from_the_first_phase() {
        let a = record("Contoso", "2026-04-01T10:00:00Z", 1).assessment;
        let s = ExecutiveSummary::of(&a);
        assert!(s.areas_at_risk.windows(2).all(|w| w[0].risk >= w[1].risk), "{:?}", s.areas_at_risk);
        assert!(s.areas_at_risk.iter().all(|x| x.risk != Risk::Low));
        assert!(s.first_actions.len() <= FIRST_ACTIONS);
        let first = phase_plans(&a).into_iter().next().unwrap();
        assert_eq!(s.first_phase, Some(first.title));
        assert_eq!(s.first_actions.len() + s.more_actions, first.actions.len());
        assert_eq!(s.first_actions.first(), first.actions.first());
    }
}
