//! The appendix of a round's page: every question shown to anyone, by
//! area, with what each stakeholder group answered and who gave each
//! answer.

use serde::Serialize;

use super::markers::{GroupKey, group_key};
use crate::core::answers::Group;
use crate::core::assessment::QuestionStatus;
use crate::core::round::{GivenAnswer, Round, RoundQuestion};
use crate::core::scoring::fmt1;
use crate::report::round::{agreement_text, notes};

/// Most names given for one answer before they are counted.
const NAMES_LISTED: usize = 5;

/// An area's questions with every respondent's answer.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixArea<'a> {
    pub title: &'a str,
    pub agreement: String,
    pub questions: Vec<AppendixQuestion<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixQuestion<'a> {
    pub text: &'a str,
    pub agreement: String,
    pub groups: Vec<GroupAnswers<'a>>,
    /// `Owen Price (users): …`.
    pub notes: Vec<String>,
}

/// What one group answered: each distinct answer once, with who gave it.
#[derive(Debug, Clone, Serialize)]
pub struct GroupAnswers<'a> {
    pub group: GroupKey,
    pub answers: Vec<GivenLine<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GivenLine<'a> {
    pub answer: &'a str,
    /// Their names, or how many when there are many.
    pub who: String,
    pub score: Option<String>,
    /// False for "don't know" and unanswered.
    pub answered: bool,
}

/// Every question shown to anyone, by area, with each group's answers.
pub fn appendix(r: &Round) -> Vec<AppendixArea<'_>> {
    r.areas
        .iter()
        .map(|area| AppendixArea {
            title: &area.title,
            agreement: agreement_text(area.agreement),
            questions: r
                .questions
                .iter()
                .filter(|x| x.area == area.id && !x.answers.is_empty())
                .map(|x| AppendixQuestion {
                    text: &x.text,
                    agreement: agreement_text(x.agreement),
                    groups: by_group(r, x),
                    notes: notes(x),
                })
                .collect(),
        })
        .filter(|area| !area.questions.is_empty())
        .collect()
}

/// What each group answered to `x`; one line when every respondent
/// asked (two or more) gave the same answer.
fn by_group<'a>(r: &Round, x: &'a RoundQuestion) -> Vec<GroupAnswers<'a>> {
    match x.answers.first() {
        Some(first) if x.answers.len() > 1 && x.answers.iter().all(|a| a.answer == first.answer) => {
            let everyone = GroupKey { title: "Everyone asked", class: "group-all", path: String::new() };
            let line = GivenLine {
                answer: &first.answer,
                who: format!("{} respondents", x.answers.len()),
                score: first.score.map(fmt1),
                answered: first.status == QuestionStatus::Answered,
            };
            vec![GroupAnswers { group: everyone, answers: vec![line] }]
        }
        _ => r
            .groups()
            .into_iter()
            .filter_map(|g| {
                let answers = group_answers(x, g);
                (!answers.is_empty()).then(|| GroupAnswers { group: group_key(g), answers })
            })
            .collect(),
    }
}

/// What `group` answered to `x`: each distinct answer once, in the order
/// first given, with who gave it.
fn group_answers(x: &RoundQuestion, group: Option<Group>) -> Vec<GivenLine<'_>> {
    let mut distinct: Vec<(&GivenAnswer, Vec<&str>)> = Vec::new();
    for a in x.answers.iter().filter(|a| a.group == group) {
        match distinct.iter_mut().find(|(first, _)| first.answer == a.answer) {
            Some((_, names)) => names.push(&a.respondent),
            None => distinct.push((a, vec![&a.respondent])),
        }
    }
    distinct
        .into_iter()
        .map(|(a, names)| GivenLine {
            answer: &a.answer,
            who: if names.len() <= NAMES_LISTED { names.join(", ") } else { format!("{} respondents", names.len()) },
            score: a.score.map(fmt1),
            answered: a.status == QuestionStatus::Answered,
        })
        .collect()
}
