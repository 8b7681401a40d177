//! The questionnaire as the rest of the program sees it: validated, with
//! defaults filled in. Built by [`super::load`]; never constructed half-valid.

use std::collections::HashMap;
use std::ops::Range;

use schemars::JsonSchema;

use crate::core::limits::MAX_NUMBER;
use serde::{Deserialize, Serialize};

/// The answer value meaning "don't know": reserved, no choice may use it.
pub const DONT_KNOW: &str = "dont-know";

/// A whole questionnaire: metadata, thresholds, areas and their questions.
///
/// Questions are stored flat, in file order; each area owns a contiguous
/// range of them. File order matters: conditions may only look backwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: Option<String>,
    /// Roughly how long the interview takes.
    pub minutes: Option<u32>,
    /// `sha256:<hex>` of the source text: identifies exactly what was asked.
    pub content_hash: String,
    pub scoring: Thresholds,
    /// When actions are due, most urgent first: `[[phase]]` tables, or
    /// [`default_phases`] when the file declares none.
    pub phases: Vec<PhaseDef>,
    /// How reports word the verdicts: `[verdicts]`, else the words of a
    /// project before signing.
    pub verdicts: super::VerdictTitles,
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
    /// Pairs (or more) of answers that cannot all be true: `[[check]]`.
    pub checks: Vec<super::AnswerCheck>,
    index: QuestionIndex,
}

impl Questionnaire {
    /// Assembles a questionnaire; `index` is [`index_questions`] of
    /// `questions`, built once for the loader's checks and kept here.
    pub(crate) fn assemble(
        header: Header,
        scoring: Thresholds,
        phases: Vec<PhaseDef>,
        areas: Vec<Area>,
        questions: Vec<Question>,
        index: QuestionIndex,
        content_hash: String,
    ) -> Self {
        Questionnaire {
            id: header.id,
            version: header.version,
            title: header.title,
            description: header.description,
            minutes: header.minutes,
            content_hash,
            scoring,
            phases,
            verdicts: super::VerdictTitles::default(),
            areas,
            questions,
            checks: Vec::new(),
            index,
        }
    }

    /// The position of question `id` in [`Self::questions`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.position(id).map(|i| &self.questions[i])
    }

    /// The questions of area `area`.
    pub fn area_questions(&self, area: usize) -> &[Question] {
        &self.questions[self.areas[area].questions.clone()]
    }

    /// The place of phase `id` in [`Self::phases`] (most urgent first).
    pub fn phase_rank(&self, id: &str) -> usize {
        self.phases.iter().position(|p| p.id == id).unwrap_or(self.phases.len())
    }

    /// How many questions are scored (not text, not unscored numbers).
    pub fn scored_count(&self) -> usize {
        self.questions.iter().filter(|q| q.is_scored()).count()
    }
}

/// Question id → position in [`Questionnaire::questions`].
pub(crate) type QuestionIndex = HashMap<String, usize>;

/// Indexes question ids; of two questions with one id, the later wins.
pub(crate) fn index_questions(questions: &[Question]) -> QuestionIndex {
    questions.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect()
}

/// The `[questionnaire]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: Option<String>,
    pub minutes: Option<u32>,
}

/// The `[scoring]` table: where the verdict and risk levels change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Thresholds {
    pub ready_at: f64,
    pub high_risk_below: f64,
    pub medium_risk_below: f64,
    pub max_unknown_share: f64,
    /// More major red flags than this in one area rule out anything better
    /// than not-ready: risks that cluster are settled before signing or
    /// not at all.
    pub max_major_flags_per_area: u32,
    /// An area at high risk that holds a major red flag due in the first
    /// phase rules out anything better than not-ready.
    pub escalate_high_risk_areas: bool,
    /// In a round of several respondents, stakeholder groups whose mean
    /// scores on a question differ by at least this many points disagree:
    /// a major red flag in the round.
    pub disagreement_at: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            ready_at: 75.0,
            high_risk_below: 50.0,
            medium_risk_below: 75.0,
            max_unknown_share: 0.15,
            max_major_flags_per_area: 2,
            escalate_high_risk_areas: true,
            disagreement_at: 50.0,
        }
    }
}

/// A phase of the project in which actions fall due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PhaseDef {
    /// As choices name it: `before-signing`.
    pub id: String,
    /// As reports head it: "Before signing".
    pub title: String,
}

/// The phases of a project before signing: used when a questionnaire
/// declares none, and for records written before phases could be declared.
pub fn default_phases() -> Vec<PhaseDef> {
    [("before-signing", "Before signing"), ("setup", "During set-up"), ("production", "In production")]
        .map(|(id, title)| PhaseDef { id: id.to_string(), title: title.to_string() })
        .to_vec()
}

/// A group of questions about one part of readiness.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub weight: f64,
    pub why: String,
    /// Indices into [`Questionnaire::questions`].
    #[serde(skip)]
    pub questions: Range<usize>,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multi,
    Scale,
    YesNo,
    Number,
    Text,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Single, Kind::Multi, Kind::Scale, Kind::YesNo, Kind::Number, Kind::Text];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Scale => "scale",
            Kind::YesNo => "yes_no",
            Kind::Number => "number",
            Kind::Text => "text",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Kinds answered by picking choices.
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Single | Kind::Multi | Kind::YesNo)
    }

    /// Kinds answered with a number and scored by bands.
    pub fn has_bands(self) -> bool {
        matches!(self, Kind::Scale | Kind::Number)
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Question {
    pub id: String,
    /// Index into [`Questionnaire::areas`].
    #[serde(skip)]
    pub area: usize,
    pub kind: Kind,
    pub text: String,
    pub help: String,
    pub weight: f64,
    /// Whether "don't know" is accepted.
    pub dont_know: bool,
    /// False for a choice question that only gathers context
    /// (`scored = false`): its answers never move a score.
    pub scored: bool,
    /// What "don't know", or a shown question left unanswered, raises.
    pub unknown: UnknownOutcome,
    /// All must hold for the question to be shown.
    pub when: Vec<Condition>,
    pub choices: Vec<Choice>,
    pub bands: Vec<Band>,
    /// Scale and number bounds.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
    pub unit: Option<String>,
}

impl Question {
    /// Whether answers to this question carry a readiness score.
    pub fn is_scored(&self) -> bool {
        match self.kind {
            Kind::Text => false,
            Kind::Number => !self.bands.is_empty(),
            _ => self.scored,
        }
    }

    /// The numbers a scale or number question takes: from `min` to `max`,
    /// and within [`MAX_NUMBER`] either way where a bound is not set.
    pub fn number_bounds(&self) -> (f64, f64) {
        let lo = self.min.unwrap_or(-MAX_NUMBER).max(-MAX_NUMBER);
        let hi = self.max.unwrap_or(MAX_NUMBER).min(MAX_NUMBER);
        (lo, hi)
    }

    /// Whether a scale or number question takes `n` as its answer: within
    /// [`Self::number_bounds`], and a whole step on a scale.
    pub fn takes_number(&self, n: f64) -> bool {
        let (lo, hi) = self.number_bounds();
        n.is_finite() && n >= lo && n <= hi && (self.kind != Kind::Scale || n.fract() == 0.0)
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }

    /// The band a numeric answer falls in. Bands tile the line from the
    /// first band's `from` to the last band's `to`: a number between two
    /// bands belongs to the band below (each band runs up to the next
    /// one's `from`), so no answer within reach goes unscored.
    pub fn band_for(&self, value: f64) -> Option<&Band> {
        self.band_index_for(value).map(|i| &self.bands[i])
    }

    /// The position in [`Self::bands`] (sorted by `from`) of the band
    /// `value` falls in; see [`Self::band_for`].
    pub fn band_index_for(&self, value: f64) -> Option<usize> {
        let last = self.bands.last()?;
        if value > last.to {
            return None;
        }
        self.bands.iter().rposition(|b| b.from <= value)
    }
}

/// What an unknown answer raises: an unknown gate is a gate. Resolved by
/// the loader: unless the author says otherwise (`unknown = { ... }`), the
/// most severe red flag among the question's answers, with the action of
/// the answer that carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct UnknownOutcome {
    pub red_flag: Option<Severity>,
    pub recommendation: Option<String>,
    /// The id of one of [`Questionnaire::phases`].
    pub phase: Option<String>,
}

/// How serious a red flag is. `Critical` means not ready, whatever the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Major,
    Critical,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "major" => Some(Severity::Major),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }
}

/// What an answer means for readiness: its score, flag and next step.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Outcome {
    /// Readiness 0–100.
    pub score: f64,
    pub red_flag: Option<Severity>,
    pub recommendation: Option<String>,
    /// The id of one of [`Questionnaire::phases`].
    pub phase: Option<String>,
}

/// One choice of a single, multi or yes/no question.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Multi only: choosing it clears the others.
    pub exclusive: bool,
    /// Multi only: the action when this choice is not chosen.
    pub if_missing: Option<String>,
}

/// A range of numeric answers on a scale or number question.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Band {
    /// Inclusive bounds. A number between this band's `to` and the next
    /// band's `from` belongs to this band (see [`Question::band_for`]).
    pub from: f64,
    pub to: f64,
    pub label: Option<String>,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// One test on an earlier answer; a question shows when all of its hold.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Condition {
    pub question: String,
    #[serde(flatten)]
    pub test: Test,
}

/// What a [`Condition`] asks of the earlier answer.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    Is(String),
    IsNot(String),
    IsAny(Vec<String>),
    Includes(String),
    AtLeast(f64),
    Below(f64),
}

impl Test {
    /// The operator's key in the file.
    pub fn key(&self) -> &'static str {
        match self {
            Test::Is(_) => "is",
            Test::IsNot(_) => "is_not",
            Test::IsAny(_) => "is_any",
            Test::Includes(_) => "includes",
            Test::AtLeast(_) => "at_least",
            Test::Below(_) => "below",
        }
    }
}
