//! A round seen as one assessment: what `compare` needs to set one round
//! beside another (or beside a single assessment) with the same rules.

use super::model::{Round, RoundQuestion, SaidBy};
use super::questions::{is_unknown, unknown_status};
use crate::core::assessment::{
    ActionItem, AreaResult, Assessment, QuestionResult, QuestionStatus, RedFlag, SCHEMA_VERSION,
};
use crate::core::history::record::AreaScore;
use crate::core::history::{Person, RoundScores, TrendPoint};

impl Round {
    /// The round as one assessment: its verdict, scores, merged flags and
    /// plan; each question's answer is what the respondents said, with how
    /// many said it, and its score their mean.
    pub fn as_assessment(&self) -> Assessment {
        Assessment {
            schema_version: SCHEMA_VERSION,
            tool_version: self.tool_version.clone(),
            questionnaire: self.questionnaire.clone(),
            assessed_at: self.assessed_at,
            organization: Some(self.organization.clone()),
            // A round of one is its respondent's assessment.
            respondent: match self.respondents.as_slice() {
                [only] => Some(only.name.clone()),
                _ => None,
            },
            role: None,
            group: None,
            label: Some(self.label.clone()),
            verdict: self.verdict,
            score: self.score,
            capped: self.capped,
            reasons: self.reasons.clone(),
            areas: self.areas.iter().map(|a| self.area_result(a)).collect(),
            questions: self.questions.iter().map(|x| self.question_result(x)).collect(),
            red_flags: self
                .red_flags
                .iter()
                .map(|f| RedFlag {
                    severity: f.severity,
                    area: f.area.clone(),
                    question: f.question.clone(),
                    question_text: f.question_text.clone(),
                    answer: f.answer.clone(),
                    recommendation: f.recommendation.clone(),
                })
                .collect(),
            unknowns: self.unknowns.clone(),
            // Each respondent's own: the round's reasons name who to check them with.
            answers_to_check: Vec::new(),
            phases: self.phases.clone(),
            verdicts: self.verdicts.clone(),
            actions: self.actions_each(),
        }
    }

    /// The round as a point of a trend.
    pub fn trend_scores(&self) -> RoundScores {
        let latest = self.respondents.iter().max_by_key(|r| r.assessed_at);
        let only = (self.respondents.len() == 1).then(|| latest.map(|r| r.name.clone())).flatten();
        RoundScores {
            point: TrendPoint {
                id: latest.and_then(|r| r.id.clone()).unwrap_or_default(),
                assessed_at: self.assessed_at,
                label: self.label.clone(),
                respondent: only,
                questionnaire: self.questionnaire.id.clone(),
                questionnaire_version: self.questionnaire.version.clone(),
                verdict: self.verdict,
                verdict_title: self.verdict.worded(&self.verdicts).to_string(),
                score: self.score,
                respondents: self.respondents.len(),
            },
            areas: self
                .areas
                .iter()
                .map(|a| AreaScore { id: a.id.clone(), title: a.title.clone(), score: a.score, risk: a.risk })
                .collect(),
            people: self.respondents.iter().map(|r| Person::new(&r.name, r.group)).collect(),
        }
    }

    /// The merged plan, one action per question as the round shows it
    /// (its lead recommendation), in plan order.
    fn actions_each(&self) -> Vec<ActionItem> {
        let because = |said: &[SaidBy]| {
            said.iter().map(|s| format!("{}: {}", s.respondent, s.answer)).collect::<Vec<_>>().join("; ")
        };
        self.actions
            .iter()
            .map(|a| ActionItem {
                phase: a.phase.clone(),
                priority: a.priority,
                priority_level: a.priority_level,
                area: a.area.clone(),
                question: a.question.clone(),
                recommendation: a.recommendation.clone(),
                because: because(&a.raised_by),
            })
            .collect()
    }

    fn area_result(&self, area: &super::model::RoundArea) -> AreaResult {
        let theirs = || self.questions.iter().filter(|x| x.area == area.id && x.scored && !x.answers.is_empty());
        AreaResult {
            id: area.id.clone(),
            title: area.title.clone(),
            weight: area.weight,
            score: area.score,
            risk: area.risk,
            questions: theirs().count(),
            answered: theirs().filter(|x| x.answered > 0).count(),
            unknown: theirs().filter(|x| self.unknowns.iter().any(|u| u.question == x.id)).count(),
        }
    }

    /// A question's result across the round: answered when anyone answered
    /// it, hidden when nobody was shown it.
    fn question_result(&self, x: &RoundQuestion) -> QuestionResult {
        let status = if x.answers.is_empty() {
            QuestionStatus::Hidden
        } else if x.answers.iter().all(|a| is_unknown(a.status)) {
            unknown_status(x)
        } else {
            QuestionStatus::Answered
        };
        QuestionResult {
            id: x.id.clone(),
            area: x.area.clone(),
            kind: x.kind,
            text: x.text.clone(),
            status,
            answer: None,
            answer_text: (!x.answers.is_empty()).then(|| answers_with_counts(x)),
            score: x.score,
            weight: x.weight,
            red_flag: self.red_flags.iter().filter(|f| f.question == x.id).map(|f| f.severity).max(),
            note: None,
        }
    }
}

/// What the respondents said, each answer once with how many gave it:
/// `Required in writing (2); Up to each team manager (1)`.
fn answers_with_counts(x: &RoundQuestion) -> String {
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for a in &x.answers {
        match counted.iter_mut().find(|(text, _)| *text == a.answer) {
            Some((_, n)) => *n += 1,
            None => counted.push((&a.answer, 1)),
        }
    }
    counted.iter().map(|(text, n)| format!("{text} ({n})")).collect::<Vec<_>>().join("; ")
}
