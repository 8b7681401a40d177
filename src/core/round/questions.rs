//! Each question across the respondents: who answered what, by respondent
//! and by stakeholder group, the mean score and the agreement.

use super::agreement::agreement;
use super::model::{GivenAnswer, GroupView, RoundQuestion, group_name};
use super::{Person, mean, round2};
use crate::core::answers::Group;
use crate::core::assessment::QuestionStatus;
use crate::core::questionnaire::{Question, Questionnaire};
use crate::core::scoring::round1;

/// Every question of `q`, in its order.
pub(super) fn read(q: &Questionnaire, people: &[Person<'_>]) -> Vec<RoundQuestion> {
    q.questions.iter().map(|question| read_one(q, question, people)).collect()
}

fn read_one(q: &Questionnaire, question: &Question, people: &[Person<'_>]) -> RoundQuestion {
    let scored = question.is_scored();
    let answers: Vec<GivenAnswer> = people
        .iter()
        .filter_map(|p| {
            let result = p.result(&question.id).filter(|r| r.status != QuestionStatus::Hidden)?;
            Some(GivenAnswer {
                respondent: p.name.clone(),
                group: p.group,
                status: result.status,
                answer: result.in_words(),
                score: result.score.filter(|_| scored),
                note: result.note.clone(),
            })
        })
        .collect();
    let real = real_scores(answers.iter());
    let scores: Vec<f64> = answers.iter().filter_map(|a| a.score).collect();
    RoundQuestion {
        id: question.id.clone(),
        area: q.areas.get(question.area).map(|a| a.id.clone()).unwrap_or_default(),
        kind: question.kind,
        text: question.text.clone(),
        weight: question.weight,
        scored,
        score: mean(&scores).map(round1),
        agreement: agreement(question, &real).map(round2),
        answered: if scored { real.len() } else { answers.iter().filter(|a| is_real(a)).count() },
        unknown: answers.iter().filter(|a| is_unknown(a.status)).count(),
        groups: groups(&answers),
        answers,
    }
}

/// One view per stakeholder group that was shown the question, in the
/// order management, IT, users, owners, then those without a group.
fn groups(answers: &[GivenAnswer]) -> Vec<GroupView> {
    let all = Group::ALL.map(Some).into_iter().chain([None]);
    all.filter_map(|group| {
        let theirs: Vec<&GivenAnswer> = answers.iter().filter(|a| a.group == group).collect();
        if theirs.is_empty() {
            return None;
        }
        let mut said: Vec<String> = Vec::new();
        for a in &theirs {
            if !said.contains(&a.answer) {
                said.push(a.answer.clone());
            }
        }
        Some(GroupView {
            group: group_name(group).to_string(),
            respondents: theirs.len(),
            score: mean(&real_scores(theirs.iter().copied())).map(round1),
            answers: said,
        })
    })
    .collect()
}

/// The scores of the real answers: answered, and scored.
fn real_scores<'a>(answers: impl Iterator<Item = &'a GivenAnswer>) -> Vec<f64> {
    answers.filter(|a| is_real(a)).filter_map(|a| a.score).collect()
}

fn is_real(a: &GivenAnswer) -> bool {
    a.status == QuestionStatus::Answered
}

/// "Don't know", left unanswered, or not asked while it waits on such an
/// answer.
pub(super) fn is_unknown(status: QuestionStatus) -> bool {
    matches!(status, QuestionStatus::DontKnow | QuestionStatus::Unanswered | QuestionStatus::Waiting)
}

/// How a question nobody answered for real stands in the round: "don't
/// know" when someone said so, else unanswered when someone was asked,
/// else waiting.
pub(super) fn unknown_status(x: &RoundQuestion) -> QuestionStatus {
    let any = |s: QuestionStatus| x.answers.iter().any(|a| a.status == s);
    if any(QuestionStatus::DontKnow) {
        QuestionStatus::DontKnow
    } else if any(QuestionStatus::Unanswered) {
        QuestionStatus::Unanswered
    } else {
        QuestionStatus::Waiting
    }
}
