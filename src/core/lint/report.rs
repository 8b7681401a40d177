//! The lint's result as the output shows it: field order is the JSON key
//! order, and there are no maps, so the JSON is stable.

use schemars::JsonSchema;
use serde::Serialize;

use super::construct::{Picks, answer_set};
use super::findings::Finding;
use super::options::AnswerOption;
use crate::core::answers::Answers;
use crate::core::assessment::{QuestionnaireRef, Risk, Verdict};
use crate::core::questionnaire::Questionnaire;

/// Bumped when the lint's JSON changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything `crm-ready lint` says about one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LintReport {
    pub schema_version: u32,
    pub tool_version: String,
    pub questionnaire: QuestionnaireRef,
    /// Rule by rule, each in questionnaire order.
    pub findings: Vec<Finding>,
    /// Each area's lowest and highest score reached by real answers.
    pub areas: Vec<AreaRange>,
    pub reachable: Reachable,
}

/// The lowest and highest score an area reached in the answer sets the
/// lint built and scored (real answers only: "don't know" and unanswered
/// questions score 0 and prove nothing).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AreaRange {
    pub id: String,
    pub title: String,
    /// `None` when no answer set scores the area.
    pub lowest: Option<f64>,
    pub highest: Option<f64>,
    /// True when both meet the bounds no answer set can pass, so they are
    /// the true extremes; false when conditions leave a gap between them.
    pub exact: bool,
}

/// Which verdicts and area risk levels some answer set reaches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Reachable {
    pub verdicts: Vec<VerdictReach>,
    pub area_risks: Vec<RiskReach>,
}

/// Whether a verdict is reachable: `true` with an answer set that the
/// scoring gives it, `false` with a proof that none can, `null` when
/// neither was found.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct VerdictReach {
    pub verdict: Verdict,
    pub reachable: Option<bool>,
    /// The answers file written with `--witness`.
    pub witness: Option<String>,
}

/// Whether an area's risk level is reachable, as for [`VerdictReach`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RiskReach {
    pub area: String,
    pub risk: Risk,
    pub reachable: Option<bool>,
    pub witness: Option<String>,
}

/// An answer set that reaches a verdict or an area risk level.
#[derive(Debug, Clone, PartialEq)]
pub struct Witness {
    /// The file name without extension: `verdict-ready`,
    /// `area-vision-high`.
    pub name: String,
    /// Which of [`Lint`]'s answer sets it is (several targets often share one).
    pub(super) set: usize,
}

/// The report and the answer sets behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    pub report: LintReport,
    pub witnesses: Vec<Witness>,
    /// The answer sets the witnesses name, as an option for each question.
    pub(super) sets: Vec<Picks>,
    pub(super) options: Vec<Vec<AnswerOption>>,
}

impl Lint {
    /// The answers of witness `w` (a witness of this lint of `q`).
    pub fn witness_answers(&self, q: &Questionnaire, w: &Witness) -> Answers {
        let mut answers = answer_set(q, &self.options, &self.sets[w.set]);
        answers.label = Some(format!("lint witness: {}", w.name));
        answers
    }

    /// Witness `w` as an answers file, TOML, with a comment saying what it
    /// reaches.
    pub fn witness_toml(&self, q: &Questionnaire, w: &Witness) -> Result<String, toml::ser::Error> {
        let body = toml::to_string(&self.witness_answers(q, w))?;
        Ok(format!("# Written by `crm-ready lint --witness`: answers that reach {}.\n{body}", w.name))
    }

    /// Records that witness `name` was written to `path`.
    pub fn witness_written(&mut self, name: &str, path: &str) {
        let reachable = &mut self.report.reachable;
        let verdicts = reachable.verdicts.iter_mut().map(|v| (verdict_witness(v.verdict), &mut v.witness));
        let risks = reachable.area_risks.iter_mut().map(|r| (risk_witness(&r.area, r.risk), &mut r.witness));
        for (_, slot) in verdicts.chain(risks).filter(|(n, _)| n == name) {
            *slot = Some(path.to_string());
        }
    }
}

/// The witness name for a verdict: `verdict-ready`.
pub fn verdict_witness(v: Verdict) -> String {
    format!("verdict-{}", v.name())
}

/// The witness name for an area's risk: `area-vision-high`.
pub fn risk_witness(area: &str, risk: Risk) -> String {
    format!("area-{area}-{}", risk.name())
}
