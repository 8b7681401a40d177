//! How many questions a questionnaire asks: the one counting rule, used
//! wherever a count is shown (the interview's start screen,
//! `questionnaires`, `show`, `validate`).
//!
//! A question without conditions is always asked; one with conditions is a
//! follow-up, asked only when an earlier answer calls for it. How many
//! follow-ups a respondent sees depends on their answers, so the count
//! states the bound, not a guess.

use serde::Serialize;

use super::model::Questionnaire;
use crate::core::counted::counted;

/// The questions a questionnaire always asks, and its follow-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct QuestionCounts {
    /// Questions without conditions: every respondent sees them.
    pub always_asked: usize,
    /// Questions with conditions: shown only when an earlier answer calls
    /// for them.
    pub follow_ups: usize,
}

impl QuestionCounts {
    /// Every question in the file.
    pub fn total(self) -> usize {
        self.always_asked + self.follow_ups
    }

    /// The counts in words: "50 questions, and up to 15 follow-ups
    /// depending on your answers".
    pub fn describe(self) -> String {
        let asked = counted(self.always_asked, "question", "questions");
        match self.follow_ups {
            0 => asked,
            n => format!("{asked}, and up to {} depending on your answers", counted(n, "follow-up", "follow-ups")),
        }
    }
}

impl Questionnaire {
    /// How many questions are always asked, and how many are follow-ups.
    pub fn counts(&self) -> QuestionCounts {
        let follow_ups = self.questions.iter().filter(|q| !q.when.is_empty()).count();
        QuestionCounts { always_asked: self.questions.len() - follow_ups, follow_ups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conditions::tests::CHAIN;
    use crate::core::questionnaire::{builtin, parse};

    #[test]
    fn conditions_make_a_follow_up() {
        let q = parse(CHAIN, "chain.toml").unwrap();
        let counts = q.counts();
        assert_eq!(counts, QuestionCounts { always_asked: 1, follow_ups: 3 });
        assert_eq!(counts.total(), q.questions.len());
        assert_eq!(counts.describe(), "1 question, and up to 3 follow-ups depending on your answers");
    }

    #[test]
    fn the_words_follow_the_numbers() {
        let words = |always_asked, follow_ups| QuestionCounts { always_asked, follow_ups }.describe();
        assert_eq!(words(12, 0), "12 questions");
        assert_eq!(words(12, 1), "12 questions, and up to 1 follow-up depending on your answers");
        assert_eq!(words(50, 15), "50 questions, and up to 15 follow-ups depending on your answers");
    }

    #[test]
    fn an_interview_starts_with_exactly_the_questions_always_asked() {
        for b in &builtin::BUILTINS {
            let q = b.load().unwrap();
            let shown = crate::core::conditions::shown(&q, &Default::default());
            assert_eq!(shown.iter().filter(|s| **s).count(), q.counts().always_asked, "{}", b.name);
        }
    }
}
