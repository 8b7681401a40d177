//! What the lint finds: a rule with a stable id, where it applies, what is
//! wrong and how to fix it.

use schemars::JsonSchema;
use serde::Serialize;

/// The lint's rules. Their ids are stable: scripts may filter on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A verdict that no answer set can give.
    UnreachableVerdict,
    /// An area risk level that no answer set can give.
    UnreachableRisk,
    /// A `when` that can never hold, so its question is never shown.
    ConditionNeverHolds,
    /// A red flag on an answer that scores at or above the high-risk line.
    FlagOnHighScore,
    /// An answer below the high-risk line with no next step.
    LowScoreWithoutRecommendation,
    /// Choices whose order tells the respondent which one is best.
    ChoicesGiveBestAway,
    /// The same recommendation in two places.
    RepeatedRecommendation,
}

impl Rule {
    pub const ALL: [Rule; 7] = [
        Rule::UnreachableVerdict,
        Rule::UnreachableRisk,
        Rule::ConditionNeverHolds,
        Rule::FlagOnHighScore,
        Rule::LowScoreWithoutRecommendation,
        Rule::ChoicesGiveBestAway,
        Rule::RepeatedRecommendation,
    ];

    /// The stable id, as the output prints it.
    pub fn id(self) -> &'static str {
        match self {
            Rule::UnreachableVerdict => "unreachable-verdict",
            Rule::UnreachableRisk => "unreachable-risk",
            Rule::ConditionNeverHolds => "condition-never-holds",
            Rule::FlagOnHighScore => "flag-on-high-score",
            Rule::LowScoreWithoutRecommendation => "low-score-without-recommendation",
            Rule::ChoicesGiveBestAway => "choices-give-best-away",
            Rule::RepeatedRecommendation => "repeated-recommendation",
        }
    }

    /// How serious a finding of this rule is.
    pub fn level(self) -> Level {
        match self {
            Rule::UnreachableVerdict | Rule::ConditionNeverHolds | Rule::FlagOnHighScore => Level::Error,
            _ => Level::Warning,
        }
    }
}

/// Errors make a verdict untrustworthy; warnings make it weaker. Either
/// makes `lint` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// Where a finding applies: nothing set means the whole questionnaire.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Place {
    pub area: Option<String>,
    pub question: Option<String>,
    /// A choice id; `dont-know` for what a question's unknown answer raises.
    pub choice: Option<String>,
    /// A band of a scale or number question, as `from-to`.
    pub band: Option<String>,
}

impl Place {
    pub fn questionnaire() -> Place {
        Place::default()
    }

    pub fn area(area: &str) -> Place {
        Place { area: Some(area.to_string()), ..Place::default() }
    }

    pub fn question(area: &str, question: &str) -> Place {
        Place { question: Some(question.to_string()), ..Place::area(area) }
    }

    pub fn choice(area: &str, question: &str, choice: &str) -> Place {
        Place { choice: Some(choice.to_string()), ..Place::question(area, question) }
    }

    pub fn band(area: &str, question: &str, band: String) -> Place {
        Place { band: Some(band), ..Place::question(area, question) }
    }

    /// The place in a few words: `vision.objective/none`,
    /// `usage.users/band 0-10`, `area vision` or `questionnaire`.
    pub fn describe(&self) -> String {
        match (&self.question, &self.choice, &self.band, &self.area) {
            (Some(q), Some(c), _, _) => format!("{q}/{c}"),
            (Some(q), None, Some(b), _) => format!("{q}/band {b}"),
            (Some(q), None, None, _) => q.clone(),
            (None, _, _, Some(a)) => format!("area {a}"),
            (None, _, _, None) => "questionnaire".to_string(),
        }
    }
}

/// One problem with the questionnaire's scoring.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Finding {
    pub level: Level,
    pub rule: Rule,
    #[serde(rename = "where")]
    pub place: Place,
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl Finding {
    pub fn new(rule: Rule, place: Place, message: impl Into<String>, help: impl Into<String>) -> Finding {
        Finding { level: rule.level(), rule, place, message: message.into(), help: help.into() }
    }
}
