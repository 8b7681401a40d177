//! A round as reports and tools see it. Field order is the JSON key order;
//! no maps, so it is stable.

use schemars::JsonSchema;
use serde::Serialize;

use crate::core::answers::Group;
use crate::core::assessment::{PriorityLevel, QuestionStatus, QuestionnaireRef, Reason, Risk, Unknown, Verdict};
use crate::core::questionnaire::{Kind, PhaseDef, Severity, VerdictTitles};

/// Bumped when the JSON of `round` changes incompatibly.
pub const ROUND_SCHEMA_VERSION: u32 = 1;

/// How a respondent without a stakeholder group is grouped.
pub const UNASSIGNED: &str = "unassigned";

/// Several respondents of one organisation, one label and one
/// questionnaire, read together.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Round {
    pub schema_version: u32,
    pub tool_version: String,
    pub organization: String,
    pub label: String,
    pub questionnaire: QuestionnaireRef,
    /// The latest respondent's date: when the round was complete. UTC, RFC 3339.
    pub assessed_at: jiff::Timestamp,
    /// In the order they were assessed.
    pub respondents: Vec<Respondent>,
    pub verdict: Verdict,
    /// The mean of the respondents' scores, 0–100.
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
    /// The lowest and highest respondent's score.
    pub lowest_score: f64,
    pub highest_score: f64,
    /// True when a red flag or a rule gives a worse verdict than the score
    /// alone would.
    pub capped: bool,
    pub reasons: Vec<Reason>,
    pub areas: Vec<RoundArea>,
    /// Every question of the questionnaire, in its order.
    pub questions: Vec<RoundQuestion>,
    /// Critical first, then in questionnaire order.
    pub red_flags: Vec<RoundFlag>,
    /// Questions nobody gave a real answer to: scored ones, and context
    /// questions whose follow-ups wait on them.
    pub unknowns: Vec<Unknown>,
    /// Questions some respondents answered for real and others could not:
    /// who could not. Their "don't know" raises nothing in the round; the
    /// real answers decide.
    pub known_to_some: Vec<KnownToSome>,
    /// When the actions fall due, most urgent first.
    pub phases: Vec<PhaseDef>,
    /// How reports word the verdicts; left out when they are the words of
    /// a project before signing.
    #[serde(skip_serializing_if = "VerdictTitles::is_standard")]
    pub verdicts: VerdictTitles,
    /// The merged action plan, in plan order.
    pub actions: Vec<RoundAction>,
}

/// One respondent of a round.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Respondent {
    /// As given, or `Respondent N` (N its place in the round) when unnamed.
    pub name: String,
    /// The stored assessment's id.
    pub id: Option<String>,
    pub role: Option<String>,
    pub group: Option<Group>,
    /// UTC, RFC 3339.
    pub assessed_at: jiff::Timestamp,
    pub verdict: Verdict,
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
}

/// One area across the respondents.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoundArea {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// The mean of the scores of the respondents who have one; `None` when
    /// nobody has.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    pub lowest_score: Option<f64>,
    pub highest_score: Option<f64>,
    pub risk: Option<Risk>,
    /// The weighted mean (by question weight) of its questions' agreement.
    #[schemars(range(min = 0, max = 1))]
    pub agreement: Option<f64>,
}

/// One question across the respondents.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoundQuestion {
    pub id: String,
    pub area: String,
    pub kind: Kind,
    pub text: String,
    pub weight: f64,
    /// False for text and context-only questions.
    pub scored: bool,
    /// The mean of the scores of the respondents it was shown to ("don't
    /// know" and unanswered count 0, as in an assessment).
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    /// Within-group agreement, 0 to 1 (see the README); `None` with fewer
    /// than two real answers or nothing to disagree about.
    #[schemars(range(min = 0, max = 1))]
    pub agreement: Option<f64>,
    /// Real answers (scored ones, on a scored question).
    pub answered: usize,
    /// "Don't know" or unanswered.
    pub unknown: usize,
    /// One per respondent it was shown to, in the round's order.
    pub answers: Vec<GivenAnswer>,
    /// One per stakeholder group it was shown to.
    pub groups: Vec<GroupView>,
}

/// What one respondent answered.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GivenAnswer {
    pub respondent: String,
    pub group: Option<Group>,
    pub status: QuestionStatus,
    /// The answer in words; "Don't know" or "Unanswered".
    pub answer: String,
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    pub note: Option<String>,
}

/// What one stakeholder group answered.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupView {
    /// `management`, `it`, `users`, `owners`, or `unassigned`.
    pub group: String,
    pub respondents: usize,
    /// The mean score of its real answers.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    /// Its distinct answers, in words.
    pub answers: Vec<String>,
}

/// Why a red flag stands in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// A respondent's answer raised it.
    Answer,
    /// The stakeholder groups disagree on the question.
    Disagreement,
}

/// A red flag in a round, with who raised it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoundFlag {
    pub kind: FlagKind,
    pub severity: Severity,
    pub area: String,
    pub question: String,
    pub question_text: String,
    /// The answers behind it; for a disagreement, each side's group and answers.
    pub answer: String,
    pub recommendation: String,
    pub raised_by: Vec<SaidBy>,
}

/// Who said what.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SaidBy {
    pub respondent: String,
    pub group: Option<Group>,
    /// Their answer, in words.
    pub answer: String,
}

/// A question some respondents could not answer while others did.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct KnownToSome {
    pub area: String,
    pub question: String,
    pub text: String,
    /// Who could not answer, with what they said ("Don't know" or
    /// "unanswered").
    pub not_known_by: Vec<SaidBy>,
}

/// One step of the merged action plan: one per question, however many
/// respondents' answers call for it and in how many words.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoundAction {
    /// The id of one of [`Round::phases`]: the earliest any respondent's
    /// answers gave the question.
    pub phase: String,
    /// The highest priority any respondent's answers gave the question, 0–100.
    pub priority: f64,
    pub priority_level: PriorityLevel,
    pub area: String,
    pub question: String,
    /// The most urgent recommendation for the question.
    pub recommendation: String,
    /// Whose answers call for an action on the question (each respondent
    /// once), and which.
    pub raised_by: Vec<SaidBy>,
    /// What the other answers recommend for the same question, most urgent
    /// first: detail of this step, not steps of their own.
    pub other_recommendations: Vec<OtherRecommendation>,
}

/// Another answer's recommendation for a question the plan already holds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OtherRecommendation {
    /// When that answer would have it done: the id of one of [`Round::phases`].
    pub phase: String,
    #[schemars(range(min = 0, max = 100))]
    pub priority: f64,
    pub priority_level: PriorityLevel,
    pub recommendation: String,
    /// Whose answers call for it, and which.
    pub raised_by: Vec<SaidBy>,
}

impl RoundAction {
    /// Each recommendation for the question with its own phase: this
    /// step's first, then the others'.
    pub fn recommendations(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once((self.phase.as_str(), self.recommendation.as_str()))
            .chain(self.other_recommendations.iter().map(|o| (o.phase.as_str(), o.recommendation.as_str())))
    }
}

impl Round {
    /// The title of phase `id`, or the id itself for a phase not listed.
    pub fn phase_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.phases.iter().find(|p| p.id == id).map_or(id, |p| p.title.as_str())
    }

    /// Respondents by stakeholder group, e.g. "management 1, users 2".
    pub fn group_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let names = Group::ALL.map(Some).into_iter().chain([None]);
        for group in names {
            let n = self.respondents.iter().filter(|r| r.group == group).count();
            if n > 0 {
                counts.push((group_name(group).to_string(), n));
            }
        }
        counts
    }
}

/// A group's name; `unassigned` for none.
pub fn group_name(group: Option<Group>) -> &'static str {
    group.map_or(UNASSIGNED, Group::name)
}

/// A group as text names it: `management`, `IT`, `users`, `owners`, or
/// `unassigned`.
pub fn group_word(group: Option<Group>) -> &'static str {
    match group {
        Some(Group::It) => "IT",
        other => group_name(other),
    }
}
