//! Answer sets: what one respondent said, checked against a questionnaire.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::core::diagnostic::shown_number;
use crate::core::questionnaire::{Kind, Question};

mod check;
mod header;
pub(crate) mod json;
mod positions;
pub(crate) mod toml;

pub use check::check;
pub use json::offset_of;
pub(crate) use positions::ReadFile;
pub use positions::{Located, Positions, Shape, Untyped};

pub use crate::core::questionnaire::DONT_KNOW;

/// One answer, in the shape it has in an answers file. What a string means
/// depends on the question: a choice id (single, yes/no) or free text.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A choice id, or free text on a text question.
    Text(String),
    /// Choice ids of a multiple-choice question.
    List(Vec<String>),
    /// A scale step or a number.
    Number(f64),
    /// "Don't know": scored as risk and listed as an unknown.
    DontKnow,
}

impl Answer {
    /// A string as an answer: "dont-know" means "don't know", anything else
    /// is a choice id or free text.
    pub fn from_text(text: String) -> Answer {
        if text == DONT_KNOW { Answer::DontKnow } else { Answer::Text(text) }
    }

    /// The answer in words, as a respondent would read it.
    pub fn describe(&self, question: &Question) -> String {
        match self {
            Answer::DontKnow => "Don't know".to_string(),
            Answer::Text(s) if question.kind == Kind::Text => s.clone(),
            Answer::Text(id) => label(question, id).to_string(),
            Answer::List(ids) if ids.is_empty() => "None selected".to_string(),
            Answer::List(ids) => ids.iter().map(|id| label(question, id)).collect::<Vec<_>>().join("; "),
            Answer::Number(n) => match (&question.unit, question.kind, question.max) {
                (Some(unit), _, _) => format!("{} {unit}", format_number(*n)),
                (None, Kind::Scale, Some(max)) => format!("{} of {}", format_number(*n), format_number(max)),
                _ => format_number(*n),
            },
        }
    }
}

/// A choice's label; the id itself if no choice has it.
fn label<'a>(question: &'a Question, id: &'a str) -> &'a str {
    question.choice(id).map_or(id, |c| c.label.as_str())
}

/// A number as an answer reads: see [`shown_number`].
pub fn format_number(n: f64) -> String {
    shown_number(n)
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Text(t) => s.serialize_str(t),
            Answer::List(l) => l.serialize(s),
            Answer::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => s.serialize_i64(*n as i64),
            Answer::Number(n) => s.serialize_f64(*n),
            Answer::DontKnow => s.serialize_str(DONT_KNOW),
        }
    }
}

/// Written by hand because the serde impls are: an answer is untagged, its
/// shape depends on the question's kind.
impl JsonSchema for Answer {
    fn schema_name() -> Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The answer as given: a choice id (single, yes_no) or free text (text); a list of choice ids (multi); a number (scale, number); or \"dont-know\".",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
                { "type": "number" }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;
        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a choice id, a list of choice ids, a number, text or \"dont-know\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::from_text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                Ok(Answer::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Answer, E> {
                Ok(Answer::Number(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Answer::List(ids))
            }
        }
        d.deserialize_any(AnswerVisitor)
    }
}

/// Everything one respondent said in one sitting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub questionnaire: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The respondent's stakeholder group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// A name for this round, such as `2026-Q4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When the interview was held (UTC); a date means its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_at: Option<jiff::Timestamp>,
    /// By question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
}

/// The stakeholder groups whose views a round compares. IT, management,
/// the users and the owners are the four the ownership article names as
/// often unaligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Management,
    It,
    Users,
    Owners,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Management, Group::It, Group::Users, Group::Owners];

    /// As written in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Group::Management => "management",
            Group::It => "it",
            Group::Users => "users",
            Group::Owners => "owners",
        }
    }

    /// As reports head it.
    pub fn title(self) -> &'static str {
        match self {
            Group::Management => "Management",
            Group::It => "IT",
            Group::Users => "Users",
            Group::Owners => "Owners",
        }
    }

    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// An organisation, respondent, role or label as it is kept, wherever it
/// was given (an answers file, a flag, the interview's start form): without
/// the spaces around it, and `None` when blank, which means not given (a
/// label not given is the quarter's).
pub fn given_name(text: &str) -> Option<String> {
    let text = crate::core::text::normalize(text);
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The keys of an answers file: the header's, then the two tables.
const FILE_KEYS: &[&str] = &[
    "questionnaire",
    "version",
    "organization",
    "respondent",
    "role",
    "label",
    "group",
    "assessed_at",
    "answers",
    "notes",
];

/// The header's keys with a text value (`group` and `assessed_at` have
/// their own readers).
const HEADER_KEYS: &[&str] = FILE_KEYS.split_at(6).0;

impl Answers {
    /// An empty answer set for a questionnaire.
    pub fn for_questionnaire(q: &crate::core::questionnaire::Questionnaire) -> Self {
        Answers { questionnaire: q.id.clone(), version: q.version.clone(), ..Answers::default() }
    }

    /// Sets the header value under file key `key` (one of [`HEADER_KEYS`]).
    fn set_header(&mut self, key: &str, value: String) {
        match key {
            "questionnaire" => self.questionnaire = value,
            "version" => self.version = value,
            "organization" => self.organization = given_name(&value),
            "respondent" => self.respondent = given_name(&value),
            "role" => self.role = given_name(&value),
            "label" => self.label = given_name(&value),
            _ => {}
        }
    }

    /// The header values given, by file key.
    fn header(&self) -> Vec<(&'static str, &str)> {
        let optional = [
            ("organization", &self.organization),
            ("respondent", &self.respondent),
            ("role", &self.role),
            ("label", &self.label),
        ];
        let mut given = vec![("questionnaire", self.questionnaire.as_str()), ("version", self.version.as_str())];
        given.extend(optional.into_iter().filter_map(|(key, value)| Some((key, value.as_deref()?))));
        given
    }
}

#[cfg(test)]
mod tests;
