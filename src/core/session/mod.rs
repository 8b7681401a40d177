//! The interview's state, independent of any terminal: which question is
//! current, which are shown under their conditions, what has been answered,
//! and how far along each area is.
//!
//! Visibility is kept up to date incrementally: changing one answer
//! re-checks only the questions whose conditions name it (and, in turn,
//! theirs), so the work per answer does not grow with the questionnaire.

use std::collections::BTreeSet;

use crate::core::answers::{Answer, Answers, Group, format_number, given_name};
use crate::core::conditions::{question_shown, shown};
use crate::core::questionnaire::{Kind, Question, Questionnaire};

mod navigation;

/// How many questions of a group are shown, and how many of those have an
/// answer ("don't know" counts: the respondent has dealt with it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub shown: usize,
    pub answered: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.answered >= self.shown
    }

    /// Whole percent answered, 0–100.
    pub fn percent(self) -> u16 {
        (self.answered * 100).checked_div(self.shown).map_or(100, |p| p as u16)
    }
}

/// An answer removed because its question became hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// Index into [`Questionnaire::questions`].
    pub question: usize,
    pub answer: Answer,
}

/// What an answer changed beyond itself: follow-up questions that appeared,
/// and answers dropped because their question disappeared.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    pub appeared: Vec<usize>,
    pub dropped: Vec<Dropped>,
}

/// Why a typed number was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Rejected(pub String);

/// One respondent's interview over one questionnaire.
#[derive(Debug, Clone)]
pub struct Session<'q> {
    q: &'q Questionnaire,
    answers: Answers,
    visible: Vec<bool>,
    /// For each question, the later questions whose conditions name it.
    dependents: Vec<Vec<usize>>,
    current: usize,
    areas: Vec<Progress>,
    total: Progress,
}

impl<'q> Session<'q> {
    /// Starts (or resumes) an interview. Answers to questions their
    /// conditions hide are dropped and returned.
    pub fn new(q: &'q Questionnaire, mut answers: Answers) -> (Self, Vec<Dropped>) {
        answers.questionnaire.clone_from(&q.id);
        answers.version.clone_from(&q.version);
        answers.answers.retain(|id, _| q.position(id).is_some());
        let visible = shown(q, &answers.answers);
        let mut dropped = Vec::new();
        for (i, question) in q.questions.iter().enumerate() {
            if !visible[i]
                && let Some(answer) = answers.answers.remove(question.id.as_str())
            {
                dropped.push(Dropped { question: i, answer });
            }
        }
        let mut dependents = vec![Vec::new(); q.questions.len()];
        for (i, question) in q.questions.iter().enumerate() {
            for c in &question.when {
                if let Some(t) = q.position(&c.question)
                    && !dependents[t].contains(&i)
                {
                    dependents[t].push(i);
                }
            }
        }
        let mut areas = vec![Progress::default(); q.areas.len()];
        let mut total = Progress::default();
        for (i, question) in q.questions.iter().enumerate() {
            if visible[i] {
                let answered = usize::from(answers.answers.contains_key(question.id.as_str()));
                areas[question.area].shown += 1;
                areas[question.area].answered += answered;
                total.shown += 1;
                total.answered += answered;
            }
        }
        let mut session = Session { q, answers, visible, dependents, current: 0, areas, total };
        session.current = session.first_unanswered().unwrap_or(0);
        (session, dropped)
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.q
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn into_answers(self) -> Answers {
        self.answers
    }

    /// Index of the current question in [`Questionnaire::questions`].
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn current_question(&self) -> &'q Question {
        let q = self.q;
        &q.questions[self.current]
    }

    pub fn is_visible(&self, i: usize) -> bool {
        self.visible.get(i).copied().unwrap_or(false)
    }

    pub fn answer(&self, i: usize) -> Option<&Answer> {
        self.answers.answers.get(self.q.questions[i].id.as_str())
    }

    pub fn note(&self, i: usize) -> Option<&str> {
        self.answers.notes.get(&self.q.questions[i].id).map(String::as_str)
    }

    pub fn area_progress(&self, area: usize) -> Progress {
        self.areas[area]
    }

    pub fn total_progress(&self) -> Progress {
        self.total
    }

    /// The current question's place among the shown questions of its area,
    /// counted from 1, and how many are shown there.
    pub fn place_in_area(&self) -> (usize, usize) {
        let area = self.current_question().area;
        let start = self.q.areas[area].questions.start;
        let before = self.visible[start..self.current].iter().filter(|v| **v).count();
        (before + 1, self.areas[area].shown)
    }

    /// Sets the organisation, respondent and role; blank means none.
    pub fn set_details(&mut self, organization: &str, respondent: &str, role: &str) {
        self.answers.organization = given_name(organization);
        self.answers.respondent = given_name(respondent);
        self.answers.role = given_name(role);
    }

    /// Sets the respondent's stakeholder group.
    pub fn set_group(&mut self, group: Option<Group>) {
        self.answers.group = group;
    }

    /// Sets when the interview was held (`None`: when it is scored).
    pub fn set_assessed_at(&mut self, at: Option<jiff::Timestamp>) {
        self.answers.assessed_at = at;
    }

    /// Sets the round's label (`None`: the quarter it was held in).
    pub fn set_label(&mut self, label: Option<String>) {
        self.answers.label = label;
    }

    /// Picks choice `choice` (an index) of a single or yes/no question.
    pub fn choose(&mut self, i: usize, choice: usize) -> Change {
        let q = self.q;
        let question = &q.questions[i];
        match question.choices.get(choice) {
            Some(c) if matches!(question.kind, Kind::Single | Kind::YesNo) => {
                self.set(i, Some(Answer::Text(c.id.as_str().into())))
            }
            _ => Change::default(),
        }
    }

    /// Ticks or unticks choice `choice` of a multiple-choice question. An
    /// exclusive choice ("none of these") clears the others, and ticking any
    /// other clears it. Unticking the last one leaves the question unanswered.
    pub fn toggle(&mut self, i: usize, choice: usize) -> Change {
        let q = self.q;
        let question = &q.questions[i];
        let Some(picked) = question.choices.get(choice).filter(|_| question.kind == Kind::Multi) else {
            return Change::default();
        };
        let mut ids = match self.answer(i) {
            Some(Answer::List(ids)) => ids.clone(),
            _ => Vec::new(),
        };
        if let Some(pos) = ids.iter().position(|id| *id == picked.id) {
            ids.remove(pos);
        } else {
            if picked.exclusive {
                ids.clear();
            } else {
                ids.retain(|id| !question.choice(id).is_some_and(|c| c.exclusive));
            }
            ids.push(picked.id.as_str().into());
            ids.sort_by_key(|id| question.choices.iter().position(|c| c.id == *id));
        }
        let answer = (!ids.is_empty()).then_some(Answer::List(ids));
        self.set(i, answer)
    }

    /// Answers a scale or number question with typed text.
    pub fn enter_number(&mut self, i: usize, typed: &str) -> Result<Change, Rejected> {
        let n = parse_number(&self.q.questions[i], typed)?;
        Ok(self.set(i, Some(Answer::Number(n))))
    }

    /// Answers a text question; blank text removes the answer.
    pub fn enter_text(&mut self, i: usize, text: &str) -> Change {
        let text = text.trim();
        self.set(i, (!text.is_empty()).then(|| Answer::Text(text.into())))
    }

    /// Answers "don't know", if the question accepts it.
    pub fn dont_know(&mut self, i: usize) -> Result<Change, Rejected> {
        if !self.q.questions[i].dont_know {
            return Err(Rejected("This question needs a real answer: \"don't know\" is not accepted here.".into()));
        }
        Ok(self.set(i, Some(Answer::DontKnow)))
    }

    /// Removes the answer to question `i`.
    pub fn clear(&mut self, i: usize) -> Change {
        self.set(i, None)
    }

    /// Sets or (with blank text) removes the note on question `i`.
    pub fn set_note(&mut self, i: usize, note: &str) {
        let id = self.q.questions[i].id.clone();
        let note = note.trim();
        if note.is_empty() {
            self.answers.notes.remove(&id);
        } else {
            self.answers.notes.insert(id, note.to_string());
        }
    }

    /// Sets (or removes) the answer to a shown question, then updates the
    /// visibility of the questions that depend on it.
    fn set(&mut self, i: usize, answer: Option<Answer>) -> Change {
        if !self.is_visible(i) {
            return Change::default();
        }
        let q = self.q;
        let question = &q.questions[i];
        let before = match answer {
            Some(a) => self.answers.answers.insert(question.id.as_str().into(), a),
            None => self.answers.answers.remove(question.id.as_str()),
        };
        let now = self.answers.answers.contains_key(question.id.as_str());
        self.count_answered(question.area, before.is_some(), now);
        self.refresh_dependents(i)
    }

    fn count_answered(&mut self, area: usize, before: bool, now: bool) {
        match (before, now) {
            (false, true) => {
                self.areas[area].answered += 1;
                self.total.answered += 1;
            }
            (true, false) => {
                self.areas[area].answered -= 1;
                self.total.answered -= 1;
            }
            _ => {}
        }
    }

    /// Re-checks the questions whose conditions (directly or through other
    /// questions) depend on question `changed`, in file order: conditions
    /// look backwards, so each is checked after everything it depends on.
    fn refresh_dependents(&mut self, changed: usize) -> Change {
        let mut change = Change::default();
        let mut work: BTreeSet<usize> = self.dependents[changed].iter().copied().collect();
        let q = self.q;
        while let Some(j) = work.pop_first() {
            let question = &q.questions[j];
            let shown = question_shown(q, j, &self.answers.answers, &self.visible);
            if shown == self.visible[j] {
                continue;
            }
            self.visible[j] = shown;
            let answered = self.answers.answers.contains_key(question.id.as_str());
            let area = &mut self.areas[question.area];
            if shown {
                area.shown += 1;
                self.total.shown += 1;
                change.appeared.push(j);
            } else {
                area.shown -= 1;
                self.total.shown -= 1;
                if answered {
                    area.answered -= 1;
                    self.total.answered -= 1;
                }
                if let Some(answer) = self.answers.answers.remove(question.id.as_str()) {
                    change.dropped.push(Dropped { question: j, answer });
                }
            }
            work.extend(self.dependents[j].iter().copied());
        }
        if !self.visible[self.current] {
            self.current = self.next_visible(self.current).or(self.previous_visible(self.current)).unwrap_or(0);
        }
        change
    }
}

/// Reads a typed number for a scale (a whole step from min to max) or a
/// number question (within its bounds), or says what is expected.
pub fn parse_number(question: &Question, typed: &str) -> Result<f64, Rejected> {
    let range = number_range(question);
    let n: f64 = match typed.trim().parse() {
        Ok(n) if f64::is_finite(n) => n,
        _ => return Err(Rejected(format!("Type {range}, then press Enter."))),
    };
    if question.takes_number(n) {
        Ok(n)
    } else {
        Err(Rejected(format!("{} is out of range: type {range}.", typed.trim())))
    }
}

/// What a scale or number question accepts, in words: its bounds, and the
/// limit on any number where it sets none.
pub fn number_range(question: &Question) -> String {
    let what = if question.kind == Kind::Scale { "a whole number" } else { "a number" };
    let (lo, hi) = question.number_bounds();
    format!("{what} from {} to {}", format_number(lo), format_number(hi))
}

#[cfg(test)]
mod properties;
#[cfg(test)]
pub(crate) mod tests;
