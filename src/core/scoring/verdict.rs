//! The verdict and the reasons for it, decided on plain [`Evidence`]: a
//! single assessment and a round of several respondents both describe
//! what they found in it, so the rules are written once.
//!
//! Not ready: a critical red flag (an unknown gate included); an overall
//! score below `high_risk_below`; more major red flags in one area than
//! `max_major_flags_per_area`; or (with `escalate_high_risk_areas`) an
//! area at high risk that holds a major red flag due in the first phase
//! and at least two answers scoring below 50.
//! Ready with conditions: any major red flag, area at high or medium risk,
//! too many unknowns, answers that contradict each other (the
//! questionnaire's checks), an action due in the first phase (a buyer told
//! "ready" signs; a plan that says "do this before signing" contradicts
//! that), or a score below `ready_at`. Ready otherwise.

use super::area_rules::{clustered_risks, high_risk_areas, medium_risk_areas};
use super::checks::{CheckEvidence, answers_to_check_reason};
use super::fmt1;
use crate::core::assessment::{Reason, Risk, Verdict};
use crate::core::in_sentence::lower_first;
use crate::core::questionnaire::{Severity, Thresholds};

/// What the verdict is decided on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// Overall readiness, 0–100.
    pub overall: f64,
    /// In questionnaire order.
    pub areas: Vec<AreaEvidence>,
    /// Every question, in questionnaire order; `score` is `None` for those
    /// that carry none (hidden, unscored).
    pub questions: Vec<QuestionEvidence>,
    /// The red flags raised, in questionnaire order.
    pub flags: Vec<FlagEvidence>,
    /// Scored questions shown.
    pub shown: usize,
    /// The ids of the shown scored questions without a real answer.
    pub unknowns: Vec<String>,
    /// The title of the first phase ("Before signing"): what "due first"
    /// means in the reasons.
    pub first_phase: String,
    /// The questions with an action due in the first phase, in plan order,
    /// each once.
    pub due_first: Vec<String>,
    /// The answers that contradict each other (the questionnaire's checks
    /// that hold), in file order.
    pub answers_to_check: Vec<CheckEvidence>,
}

/// One area's score and risk.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaEvidence {
    pub id: String,
    pub title: String,
    pub score: Option<f64>,
    pub risk: Option<Risk>,
}

/// One question's score and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionEvidence {
    pub id: String,
    /// The id of its area.
    pub area: String,
    pub score: Option<f64>,
    pub weight: f64,
}

/// One red flag.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagEvidence {
    pub severity: Severity,
    /// The id of its area.
    pub area: String,
    pub question: String,
    /// What was found, for the reason's message: see [`answered`].
    pub finding: String,
    /// Whether its action is due in the first phase.
    pub urgent: bool,
}

/// The questions of `actions` with one due in `first_phase` (an id), in
/// the order given, each once.
pub fn due_first<'a>(actions: impl Iterator<Item = (&'a str, &'a str)>, first_phase: &str) -> Vec<String> {
    let mut questions: Vec<String> = Vec::new();
    for (question, phase) in actions {
        if phase == first_phase && !questions.iter().any(|q| q == question) {
            questions.push(question.to_string());
        }
    }
    questions
}

/// The finding of a red flag raised by an answer.
pub fn answered(question_text: &str, answer: &str) -> String {
    format!("\"{question_text}\" answered \"{answer}\"")
}

/// How much an area endangers the project: a critical flag makes it high
/// risk and a major one at least medium, whatever the score; `None` when
/// the area has no score.
pub fn area_risk(score: Option<f64>, worst_flag: Option<Severity>, t: &Thresholds) -> Option<Risk> {
    let score = score?;
    Some(if worst_flag == Some(Severity::Critical) || score < t.high_risk_below {
        Risk::High
    } else if worst_flag == Some(Severity::Major) || score < t.medium_risk_below {
        Risk::Medium
    } else {
        Risk::Low
    })
}

/// The rules that make a verdict not ready; every other rule (a major red
/// flag, a high-risk area, too many unknowns, a score below ready) makes
/// it ready with conditions at worst.
pub const NOT_READY_RULES: &[&str] =
    &["critical-red-flag", "major-flags-clustered", "high-risk-area-with-major-flag", "score-below-minimum"];

/// Whether a reason of `rule` decided `verdict`: a not-ready verdict is
/// decided by the rules that block, and its conditions would only have
/// made it ready with conditions; any other verdict by all its reasons.
pub fn decided(verdict: Verdict, rule: &str) -> bool {
    verdict != Verdict::NotReady || NOT_READY_RULES.contains(&rule)
}

/// The verdict, the reasons for it (most decisive first), and whether a
/// rule made it worse than the score alone would.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    pub capped: bool,
}

/// Decides the verdict: anything that blocks makes it not ready; otherwise
/// any condition makes it ready with conditions.
pub fn decide(t: &Thresholds, e: &Evidence) -> Decision {
    let mut blocking = Vec::new();
    let mut conditions = Vec::new();
    for flag in &e.flags {
        let reason = flag_reason(flag);
        if flag.severity == Severity::Critical { blocking.push(reason) } else { conditions.push(reason) }
    }
    blocking.extend(clustered_risks(t, e));
    if e.overall < t.high_risk_below {
        blocking.push(Reason {
            rule: "score-below-minimum".into(),
            message: format!("Overall readiness {} is below {}", fmt1(e.overall), fmt1(t.high_risk_below)),
            questions: weakest(&e.questions),
        });
    }
    conditions.extend(high_risk_areas(t, e));
    conditions.extend(medium_risk_areas(t, e));
    conditions.extend(too_many_unknowns(t, e));
    conditions.extend(answers_to_check_reason(e));
    conditions.extend(actions_due_first(e));
    if e.overall < t.ready_at && e.overall >= t.high_risk_below {
        conditions.push(Reason {
            rule: "score-below-ready".into(),
            message: format!(
                "Overall readiness {} is below the {} needed for ready",
                fmt1(e.overall),
                fmt1(t.ready_at)
            ),
            questions: weakest(&e.questions),
        });
    }
    let by_score = by_score_alone(t, e.overall);
    // Only the reasons that decided it: a not-ready verdict's conditions
    // would only have made it ready with conditions, and the red flags and
    // areas list them anyway.
    let (verdict, reasons) = if !blocking.is_empty() {
        (Verdict::NotReady, blocking)
    } else if !conditions.is_empty() {
        (Verdict::ReadyWithConditions, conditions)
    } else {
        (Verdict::Ready, vec![ready(t, e)])
    };
    Decision { verdict, reasons, capped: verdict < by_score }
}

/// The verdict the overall score alone would give.
fn by_score_alone(t: &Thresholds, overall: f64) -> Verdict {
    if overall >= t.ready_at {
        Verdict::Ready
    } else if overall >= t.high_risk_below {
        Verdict::ReadyWithConditions
    } else {
        Verdict::NotReady
    }
}

fn ready(t: &Thresholds, e: &Evidence) -> Reason {
    Reason {
        rule: "ready".into(),
        message: format!(
            "Overall readiness {} reaches {}, with no red flag, every area at low risk, few unknowns and nothing due {}",
            fmt1(e.overall),
            fmt1(t.ready_at),
            lower_first(&e.first_phase)
        ),
        questions: Vec::new(),
    }
}

/// A condition when more of the shown scored questions are unknown than
/// `max_unknown_share` allows.
fn too_many_unknowns(t: &Thresholds, e: &Evidence) -> Option<Reason> {
    let (shown, unknown) = (e.shown, e.unknowns.len());
    (shown > 0 && unknown as f64 / shown as f64 > t.max_unknown_share).then(|| Reason {
        rule: "too-many-unknowns".into(),
        message: format!(
            "{unknown} of {shown} questions are unknown ({}%), more than the {}% allowed",
            fmt1(100.0 * unknown as f64 / shown as f64),
            fmt1(100.0 * t.max_unknown_share)
        ),
        questions: e.unknowns.clone(),
    })
}

/// A condition while the plan holds actions due in the first phase: until
/// they are done the answer to "can we sign?" is "not yet".
fn actions_due_first(e: &Evidence) -> Option<Reason> {
    let n = e.due_first.len();
    (n > 0).then(|| Reason {
        rule: "actions-due-first".into(),
        message: format!(
            "The plan has actions due {} on {n} question{}",
            lower_first(&e.first_phase),
            if n == 1 { "" } else { "s" }
        ),
        questions: e.due_first.clone(),
    })
}

/// The reason a red flag gives.
fn flag_reason(flag: &FlagEvidence) -> Reason {
    let (rule, title) = match flag.severity {
        Severity::Critical => ("critical-red-flag", "Critical"),
        Severity::Major => ("major-red-flag", "Major"),
    };
    Reason {
        rule: rule.into(),
        message: format!("{title} red flag: {}", flag.finding),
        questions: vec![flag.question.clone()],
    }
}

/// How many questions [`weakest`] names.
const WEAKEST: usize = 5;

/// The ids of the lowest-scoring shown questions (below 50), worst first,
/// then heaviest first, then in questionnaire order; at most five: the
/// answers that pull a score down.
pub(super) fn weakest(questions: &[QuestionEvidence]) -> Vec<String> {
    weakest_below(questions, 50.0)
}

/// As [`weakest`], with the questions scoring below `bar`.
pub(super) fn weakest_below(questions: &[QuestionEvidence], bar: f64) -> Vec<String> {
    let mut low: Vec<&QuestionEvidence> = questions.iter().filter(|r| r.score.is_some_and(|s| s < bar)).collect();
    low.sort_by(|a, b| {
        let (sa, sb) = (a.score.unwrap_or(0.0), b.score.unwrap_or(0.0));
        sa.total_cmp(&sb).then(b.weight.total_cmp(&a.weight))
    });
    low.into_iter().take(WEAKEST).map(|r| r.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A question with this score and weight.
    fn question(id: &str, score: Option<f64>, weight: f64) -> QuestionEvidence {
        QuestionEvidence { id: id.into(), area: "a".into(), score, weight }
    }

    #[test]
    fn weakest_names_five_below_fifty_worst_then_heaviest_then_first() {
        let questions = [
            question("fine", Some(80.0), 1.0),
            question("unscored", None, 1.0),
            question("low", Some(40.0), 1.0),
            question("zero-light", Some(0.0), 1.0),
            question("zero-heavy", Some(0.0), 3.0),
            question("ten-a", Some(10.0), 1.0),
            question("ten-b", Some(10.0), 1.0),
            question("forty-nine", Some(49.0), 1.0),
            question("fifty", Some(50.0), 1.0),
        ];
        assert_eq!(weakest(&questions), ["zero-heavy", "zero-light", "ten-a", "ten-b", "low"]);
        assert_eq!(weakest(&questions[..3]), ["low"]);
        assert!(weakest(&[]).is_empty());
    }

    fn flag(severity: Severity, question: &str, urgent: bool) -> FlagEvidence {
        FlagEvidence { severity, area: "a".into(), question: question.into(), finding: "it".into(), urgent }
    }

    fn evidence(overall: f64, risk: Risk, flags: Vec<FlagEvidence>) -> Evidence {
        Evidence {
            overall,
            areas: vec![AreaEvidence { id: "a".into(), title: "A".into(), score: Some(overall), risk: Some(risk) }],
            questions: vec![question("q", Some(overall), 1.0), question("q2", Some(overall), 1.0)],
            flags,
            shown: 2,
            unknowns: Vec::new(),
            first_phase: "Before signing".into(),
            due_first: Vec::new(),
            answers_to_check: Vec::new(),
        }
    }

    #[test]
    fn the_same_rules_decide_on_plain_evidence() {
        let t = Thresholds::default();
        assert_eq!(decide(&t, &evidence(90.0, Risk::Low, vec![])).verdict, Verdict::Ready);
        let major = decide(&t, &evidence(90.0, Risk::Medium, vec![flag(Severity::Major, "q", false)]));
        assert_eq!(major.verdict, Verdict::ReadyWithConditions);
        assert!(major.capped);
        assert_eq!(major.reasons[0].message, "Major red flag: it");
        let critical = decide(&t, &evidence(90.0, Risk::High, vec![flag(Severity::Critical, "q", true)]));
        assert_eq!(critical.verdict, Verdict::NotReady);
        let three = (0..3).map(|i| flag(Severity::Major, &format!("q{i}"), false)).collect();
        let clustered = decide(&t, &evidence(80.0, Risk::Medium, three));
        assert_eq!(clustered.reasons[0].rule, "major-flags-clustered");
        let escalated = decide(&t, &evidence(45.0, Risk::High, vec![flag(Severity::Major, "q", true)]));
        assert_eq!(escalated.reasons[0].rule, "high-risk-area-with-major-flag");
        let later = decide(&t, &evidence(55.0, Risk::Medium, vec![flag(Severity::Major, "q", false)]));
        assert_eq!(later.verdict, Verdict::ReadyWithConditions, "{:?}", later.reasons);
    }

    #[test]
    fn a_high_risk_area_escalates_only_when_more_than_one_answer_is_weak() {
        let t = Thresholds::default();
        let mut one = evidence(45.0, Risk::High, vec![flag(Severity::Major, "q", true)]);
        one.questions.truncate(1);
        let d = decide(&t, &one);
        // A quick check's one-question area: the flag alone decides, as in a fuller questionnaire.
        assert!(d.reasons.iter().all(|r| r.rule != "high-risk-area-with-major-flag"), "{:?}", d.reasons);
        let two = decide(&t, &evidence(45.0, Risk::High, vec![flag(Severity::Major, "q", true)]));
        assert_eq!(two.reasons[0].rule, "high-risk-area-with-major-flag");
    }

    #[test]
    fn an_action_due_first_rules_out_ready_whatever_its_priority() {
        let t = Thresholds::default();
        let mut e = evidence(98.0, Risk::Low, vec![]);
        assert_eq!(decide(&t, &e).verdict, Verdict::Ready);
        assert_eq!(
            decide(&t, &e).reasons[0].message,
            "Overall readiness 98 reaches 75, with no red flag, every area at low risk, few unknowns and nothing due before signing"
        );
        e.due_first = vec!["q".into(), "q2".into()];
        let d = decide(&t, &e);
        assert_eq!(d.verdict, Verdict::ReadyWithConditions);
        assert!(d.capped, "the score alone says ready");
        assert_eq!(d.reasons[0].rule, "actions-due-first");
        assert_eq!(d.reasons[0].message, "The plan has actions due before signing on 2 questions");
        assert_eq!(d.reasons[0].questions, ["q", "q2"]);
    }

    #[test]
    fn the_share_of_unknowns_reads_true_when_rounding_would_make_it_equal() {
        let t = Thresholds::default();
        let mut e = evidence(90.0, Risk::Low, vec![]);
        e.shown = 53;
        e.unknowns = (0..8).map(|i| format!("u{i}")).collect();
        let d = decide(&t, &e);
        let unknowns = d.reasons.iter().find(|r| r.rule == "too-many-unknowns").unwrap();
        assert_eq!(unknowns.message, "8 of 53 questions are unknown (15.1%), more than the 15% allowed");
    }

    #[test]
    fn due_first_names_each_question_once_in_plan_order() {
        let actions = [("b", "before-signing"), ("a", "setup"), ("b", "before-signing"), ("c", "before-signing")];
        assert_eq!(due_first(actions.into_iter(), "before-signing"), ["b", "c"]);
    }

    #[test]
    fn a_question_counts_once_towards_clustered_flags() {
        let t = Thresholds::default();
        // Three major flags on two questions (an answer's and a
        // disagreement's on q0): two questions, within the two allowed.
        let flags = vec![
            flag(Severity::Major, "q0", false),
            flag(Severity::Major, "q0", false),
            flag(Severity::Major, "q1", false),
        ];
        let d = decide(&t, &evidence(80.0, Risk::Medium, flags));
        assert_eq!(d.verdict, Verdict::ReadyWithConditions, "{:?}", d.reasons);
        let three = (0..3).map(|i| flag(Severity::Major, &format!("q{i}"), false)).collect();
        let clustered = decide(&t, &evidence(80.0, Risk::Medium, three));
        assert_eq!(
            clustered.reasons[0].message,
            "A: medium risk because it holds a major red flag (score 80), 3 major red flags (more than 2 in one area)"
        );
        assert_eq!(clustered.reasons[0].questions, ["q0", "q1", "q2"]);
    }

    #[test]
    fn area_reasons_say_why_an_area_is_at_risk_true_to_the_thresholds() {
        let t = Thresholds::default();
        // A critical flag blocks, so its area's condition is not among the
        // verdict's reasons; the words are the rule's all the same.
        let by_flag = high_risk_areas(&t, &evidence(70.0, Risk::High, vec![flag(Severity::Critical, "q", true)]));
        assert_eq!(by_flag[0].message, "A: high risk because it holds a critical red flag (score 70)");
        let by_score = decide(&t, &evidence(45.0, Risk::High, vec![flag(Severity::Major, "q", true)]));
        assert_eq!(by_score.reasons[0].message, "A: high risk (45), 1 major red flag due before signing");
    }

    #[test]
    fn a_not_ready_verdict_is_decided_by_the_rules_that_block_only() {
        assert!(decided(Verdict::NotReady, "critical-red-flag"));
        assert!(!decided(Verdict::NotReady, "high-risk-area"));
        assert!(!decided(Verdict::NotReady, "score-below-ready"));
        assert!(decided(Verdict::ReadyWithConditions, "high-risk-area"));
    }

    #[test]
    fn risk_follows_the_score_and_the_worst_flag() {
        let t = Thresholds::default();
        assert_eq!(area_risk(None, Some(Severity::Critical), &t), None);
        assert_eq!(area_risk(Some(90.0), None, &t), Some(Risk::Low));
        assert_eq!(area_risk(Some(90.0), Some(Severity::Major), &t), Some(Risk::Medium));
        assert_eq!(area_risk(Some(90.0), Some(Severity::Critical), &t), Some(Risk::High));
        assert_eq!(area_risk(Some(60.0), None, &t), Some(Risk::Medium));
        assert_eq!(area_risk(Some(49.9), None, &t), Some(Risk::High));
    }
}
