//! Builders for the history's unit tests.

use super::record::{AreaScore, StoredAssessment, Summary};
use crate::core::answers::Answers;
use crate::core::answers_file::{Syntax, parse_answers};
use crate::core::assessment::{QuestionnaireRef, Verdict};
use crate::core::questionnaire::builtin;
use crate::core::scoring::score;

/// A summary with just what listing, references and trends look at.
pub fn summary(id: &str, org: Option<&str>, saved_at: &str, score: f64, areas: &[(&str, Option<f64>)]) -> Summary {
    Summary {
        id: id.into(),
        saved_at: saved_at.parse().unwrap(),
        assessed_at: saved_at.parse().unwrap(),
        organization: org.map(str::to_string),
        label: id.into(),
        respondent: None,
        role: None,
        group: None,
        questionnaire: QuestionnaireRef {
            id: "q".into(),
            version: "1".into(),
            title: "Q".into(),
            content_hash: "sha256:0".into(),
        },
        verdict: Verdict::NotReady,
        score,
        areas: areas
            .iter()
            .map(|(id, score)| AreaScore { id: id.to_string(), title: id.to_uppercase(), score: *score, risk: None })
            .collect(),
    }
}

/// A real record: the quick-check example scored for `org`, saved at `at`.
pub fn record(org: &str, at: &str, entropy: u64) -> StoredAssessment {
    record_held(org, None, at, entropy)
}

/// A real record, as [`record`], of an interview held at `held` (when
/// given) and saved at `saved`.
pub fn record_held(org: &str, held: Option<&str>, saved: &str, entropy: u64) -> StoredAssessment {
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let text = include_str!("../../../examples/answers-quick.toml");
    let mut answers: Answers = parse_answers(text, "answers-quick.toml", Syntax::Toml, &q).unwrap().answers;
    answers.organization = Some(org.into());
    answers.assessed_at = held.map(|h| h.parse().unwrap());
    let at: jiff::Timestamp = saved.parse().unwrap();
    StoredAssessment::new(answers.clone(), score(&q, &answers, at), at, entropy)
}
