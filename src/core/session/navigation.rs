//! Moving through the interview: to a question, to the next or previous
//! shown one, and from area to area. Hidden questions are passed over.

use super::Session;

impl Session<'_> {
    /// Makes question `i` current, if it is shown.
    pub fn go_to(&mut self, i: usize) -> bool {
        let ok = self.is_visible(i);
        if ok {
            self.current = i;
        }
        ok
    }

    /// The next shown question after `i`.
    pub fn next_visible(&self, i: usize) -> Option<usize> {
        (i + 1..self.visible.len()).find(|&j| self.visible[j])
    }

    /// The shown question before `i`.
    pub fn previous_visible(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.visible[j])
    }

    /// Moves to the next shown question; false at the end.
    pub fn forward(&mut self) -> bool {
        self.next_visible(self.current).is_some_and(|i| self.go_to(i))
    }

    /// Moves to the previous shown question; false at the start.
    pub fn back(&mut self) -> bool {
        self.previous_visible(self.current).is_some_and(|i| self.go_to(i))
    }

    /// The first shown question of `area`.
    pub fn first_in_area(&self, area: usize) -> Option<usize> {
        self.q.areas.get(area)?.questions.clone().find(|&i| self.visible[i])
    }

    /// Moves to the first shown question of the next area that has one.
    pub fn next_area(&mut self) -> bool {
        let area = self.current_question().area;
        (area + 1..self.q.areas.len()).find_map(|a| self.first_in_area(a)).is_some_and(|i| self.go_to(i))
    }

    /// Moves to the first shown question of the previous area that has one.
    pub fn previous_area(&mut self) -> bool {
        let area = self.current_question().area;
        (0..area).rev().find_map(|a| self.first_in_area(a)).is_some_and(|i| self.go_to(i))
    }

    /// The first shown question without an answer.
    pub fn first_unanswered(&self) -> Option<usize> {
        if self.total.is_complete() {
            return None;
        }
        (0..self.q.questions.len()).find(|&i| self.visible[i] && self.answer(i).is_none())
    }

    /// Indices of the shown questions, in order.
    pub fn visible_questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.visible.iter().enumerate().filter(|(_, v)| **v).map(|(i, _)| i)
    }
}
