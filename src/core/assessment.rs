//! The scored result: what the report renders, the JSON carries and the
//! history stores. Field order is the JSON key order; no maps, so it is stable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::core::answers::Answer;
use crate::core::answers::Group;
use crate::core::questionnaire::{Kind, PhaseDef, Questionnaire, Severity, VerdictTitles, default_phases};

/// Bumped when the JSON changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

/// The verdict a buyer can act on before signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    NotReady,
    ReadyWithConditions,
    Ready,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::NotReady => "not-ready",
            Verdict::ReadyWithConditions => "ready-with-conditions",
            Verdict::Ready => "ready",
        }
    }

    /// The verdict as a heading, in the words of a project before signing.
    pub fn title(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready",
            Verdict::ReadyWithConditions => "Ready with conditions",
            Verdict::Ready => "Ready",
        }
    }

    /// The verdict as a heading, in a questionnaire's words.
    pub fn worded(self, titles: &VerdictTitles) -> &str {
        match self {
            Verdict::NotReady => &titles.not_ready,
            Verdict::ReadyWithConditions => &titles.ready_with_conditions,
            Verdict::Ready => &titles.ready,
        }
    }
}

/// How much an area endangers the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Low,
    Medium,
    High,
}

impl Risk {
    pub fn name(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// Which questionnaire was answered, exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub title: String,
    pub content_hash: String,
}

impl QuestionnaireRef {
    /// Which questionnaire `q` is.
    pub fn of(q: &Questionnaire) -> QuestionnaireRef {
        QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            content_hash: q.content_hash.clone(),
        }
    }
}

/// One rule that shaped the verdict, with the answers behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reason {
    /// A stable name: `critical-red-flag`, `score-below-minimum`,
    /// `major-red-flag`, `high-risk-area`, `too-many-unknowns`,
    /// `answers-to-check`, `score-below-ready` or `ready`.
    pub rule: String,
    pub message: String,
    /// The question ids that drove it.
    pub questions: Vec<String>,
}

/// One area's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AreaResult {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// 0–100; `None` when no scored question in it is shown.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    pub risk: Option<Risk>,
    /// Scored questions shown.
    pub questions: usize,
    /// Of those, answered with a real answer.
    pub answered: usize,
    /// Of those, "don't know" or unanswered.
    pub unknown: usize,
}

/// What became of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionStatus {
    Answered,
    DontKnow,
    Unanswered,
    /// Its condition waits on a question without a real answer, so it was
    /// not asked; it scores 0 (the worst is assumed) until that question
    /// is answered, and raises nothing of its own.
    Waiting,
    /// Its condition hides it: it does not count.
    Hidden,
}

/// One question's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionResult {
    pub id: String,
    pub area: String,
    pub kind: Kind,
    pub text: String,
    pub status: QuestionStatus,
    /// The answer as given.
    pub answer: Option<Answer>,
    /// The answer in words.
    pub answer_text: Option<String>,
    /// 0–100; `None` for hidden and unscored questions.
    #[schemars(range(min = 0, max = 100))]
    pub score: Option<f64>,
    pub weight: f64,
    pub red_flag: Option<Severity>,
    pub note: Option<String>,
}

impl QuestionResult {
    /// The answer in words, as a reader of several answers needs it: "not
    /// asked", "not asked yet", "unanswered", "Don't know", or the answer
    /// given.
    pub fn in_words(&self) -> String {
        match self.status {
            QuestionStatus::Hidden => "not asked".into(),
            QuestionStatus::Unanswered => "unanswered".into(),
            QuestionStatus::Waiting => "not asked yet".into(),
            QuestionStatus::DontKnow => "Don't know".into(),
            QuestionStatus::Answered => self.answer_text.as_deref().unwrap_or_default().to_string(),
        }
    }
}

/// An answer that caps the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RedFlag {
    pub severity: Severity,
    pub area: String,
    pub question: String,
    pub question_text: String,
    pub answer: String,
    pub recommendation: String,
}

/// Why a question counts as unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UnknownReason {
    DontKnow,
    Unanswered,
    /// Not asked: it waits on the question `waits_on` names.
    Waiting,
}

/// A question to find the answer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unknown {
    pub area: String,
    pub question: String,
    pub text: String,
    pub reason: UnknownReason,
    /// The id of the question without a real answer it waits on (reason
    /// `waiting`).
    #[serde(default)]
    pub waits_on: Option<String>,
}

impl Unknown {
    /// Why it is unknown, in words: "don't know", "unanswered", or "not
    /// asked: waits on \"<question>\"" (`question_text` finds a question's
    /// text by id).
    pub fn reason_in_words<'a>(&self, question_text: impl Fn(&str) -> Option<&'a str>) -> String {
        match self.reason {
            UnknownReason::DontKnow => "don't know".into(),
            UnknownReason::Unanswered => "unanswered".into(),
            UnknownReason::Waiting => match self.waits_on.as_deref().and_then(question_text) {
                Some(gate) => format!("not asked: waits on \"{gate}\""),
                None => "not asked yet".into(),
            },
        }
    }
}

/// Answers that cannot all be true, to check with the respondent: one of
/// the questionnaire's checks, whose conditions all hold on the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerToCheck {
    /// The check's id.
    pub id: String,
    /// What to check, in the questionnaire's words.
    pub message: String,
    /// The ids of the questions whose answers contradict each other.
    pub questions: Vec<String>,
}

/// How urgent an action is, in words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PriorityLevel {
    Low,
    /// Also what records written before levels existed read as.
    #[default]
    Medium,
    High,
}

impl PriorityLevel {
    /// A priority of at least this is high.
    pub const HIGH_FROM: f64 = 50.0;
    /// A priority of at least this (and below high) is medium.
    pub const MEDIUM_FROM: f64 = 20.0;

    /// The level of a priority from 0 to 100.
    pub fn of(priority: f64) -> PriorityLevel {
        if priority >= Self::HIGH_FROM {
            PriorityLevel::High
        } else if priority >= Self::MEDIUM_FROM {
            PriorityLevel::Medium
        } else {
            PriorityLevel::Low
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PriorityLevel::High => "high",
            PriorityLevel::Medium => "medium",
            PriorityLevel::Low => "low",
        }
    }
}

/// One step of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActionItem {
    /// The id of one of [`Assessment::phases`].
    pub phase: String,
    /// 0–100: how much the answer falls short, how severe its red flag is,
    /// and how much its question and area weigh. Higher comes first.
    pub priority: f64,
    /// The priority in words.
    #[serde(default)]
    pub priority_level: PriorityLevel,
    pub area: String,
    pub question: String,
    pub recommendation: String,
    /// The answer that calls for it.
    pub because: String,
}

/// A scored assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    pub schema_version: u32,
    pub tool_version: String,
    pub questionnaire: QuestionnaireRef,
    /// UTC, RFC 3339.
    pub assessed_at: jiff::Timestamp,
    pub organization: Option<String>,
    pub respondent: Option<String>,
    pub role: Option<String>,
    /// The respondent's stakeholder group.
    #[serde(default)]
    pub group: Option<Group>,
    pub label: Option<String>,
    pub verdict: Verdict,
    /// Overall readiness, 0–100.
    #[schemars(range(min = 0, max = 100))]
    pub score: f64,
    /// True when a red flag or a rule gives a worse verdict than the score
    /// alone would: the number must not read as "go".
    #[serde(default)]
    pub capped: bool,
    pub reasons: Vec<Reason>,
    pub areas: Vec<AreaResult>,
    pub questions: Vec<QuestionResult>,
    pub red_flags: Vec<RedFlag>,
    pub unknowns: Vec<Unknown>,
    /// Answers that cannot all be true: to check with the respondent.
    #[serde(default)]
    pub answers_to_check: Vec<AnswerToCheck>,
    /// When the actions fall due, most urgent first.
    #[serde(default = "default_phases")]
    pub phases: Vec<PhaseDef>,
    /// How reports word the verdict: the questionnaire's `[verdicts]`;
    /// left out when they are the words of a project before signing.
    #[serde(default, skip_serializing_if = "VerdictTitles::is_standard")]
    pub verdicts: VerdictTitles,
    pub actions: Vec<ActionItem>,
}

/// Question texts by id: [`Assessment::question_texts`].
pub struct QuestionTexts<'a>(std::collections::HashMap<&'a str, &'a str>);

impl<'a> QuestionTexts<'a> {
    /// The text of question `id`, or the id itself.
    pub fn get(&self, id: &'a str) -> &'a str {
        self.0.get(id).copied().unwrap_or(id)
    }
}

impl Assessment {
    /// The verdict in the questionnaire's words.
    pub fn verdict_title(&self) -> &str {
        self.verdict.worded(&self.verdicts)
    }

    /// The title of phase `id`, or the id itself for a phase not listed.
    pub fn phase_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.phases.iter().find(|p| p.id == id).map_or(id, |p| p.title.as_str())
    }

    /// Each question's text by id, looked up once per action rather than
    /// searched for (a plan has as many actions as there are questions).
    pub fn question_texts(&self) -> QuestionTexts<'_> {
        QuestionTexts(self.questions.iter().map(|q| (q.id.as_str(), q.text.as_str())).collect())
    }

    /// The highest area risk.
    pub fn worst_risk(&self) -> Option<Risk> {
        self.areas.iter().filter_map(|a| a.risk).max()
    }
}
