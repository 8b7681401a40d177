//! The start form: organisation, respondent and role as text, the
//! stakeholder group as a choice, then "Begin". Every field is optional.

use crate::core::answers::Group;
use crate::core::limits::MAX_LABEL_CHARS;
use crate::tui::text_field::{Edit, TextField};

use super::state::Details;

/// The form's state.
#[derive(Debug, Clone, PartialEq)]
pub struct StartForm {
    /// Organisation, respondent and role.
    pub(super) fields: [TextField; 3],
    pub(super) group: Option<Group>,
    /// Which line has the focus: the text fields, [`Self::GROUP`], then
    /// [`Self::BEGIN`].
    pub(super) focus: usize,
}

/// The group line's choices, in order: none, then each group.
const CHOICES: [Option<Group>; 5] =
    [None, Some(Group::Management), Some(Group::It), Some(Group::Users), Some(Group::Owners)];

impl StartForm {
    /// The group line's place in the focus order.
    pub const GROUP: usize = 3;
    /// The "Begin" button's place in the focus order.
    pub const BEGIN: usize = 4;

    /// The form, filled with the details given on the command line.
    pub fn new(details: &Details) -> Self {
        let field = |v: &Option<String>| TextField::new(v.as_deref().unwrap_or(""), MAX_LABEL_CHARS);
        StartForm {
            fields: [field(&details.organization), field(&details.respondent), field(&details.role)],
            group: details.group,
            focus: 0,
        }
    }

    /// Organisation, respondent and role.
    pub fn fields(&self) -> &[TextField; 3] {
        &self.fields
    }

    pub fn group(&self) -> Option<Group> {
        self.group
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub(super) fn focus_next(&mut self) {
        self.focus = (self.focus + 1).min(Self::BEGIN);
    }

    pub(super) fn focus_previous(&mut self) {
        self.focus = self.focus.saturating_sub(1);
    }

    /// An editing key on the focused line: text for a text field; on the
    /// group line ← and → step through the choices, Space cycles, a
    /// group's initial or number (1-4) picks it, and Backspace, Delete or
    /// 0 clears it.
    pub(super) fn edit(&mut self, edit: Edit) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.apply(edit);
            return;
        }
        if self.focus != Self::GROUP {
            return;
        }
        let at = CHOICES.iter().position(|c| *c == self.group).unwrap_or(0);
        self.group = match edit {
            Edit::Left => CHOICES[at.saturating_sub(1)],
            Edit::Right => CHOICES[(at + 1).min(CHOICES.len() - 1)],
            Edit::Insert(' ') => CHOICES[(at + 1) % CHOICES.len()],
            Edit::Insert(c @ '0'..='4') => CHOICES[c as usize - '0' as usize],
            Edit::Insert(c) => {
                let c = c.to_ascii_lowercase();
                Group::ALL.into_iter().find(|g| g.name().starts_with(c)).or(self.group)
            }
            Edit::DeleteBack | Edit::DeleteForward | Edit::Clear => None,
            _ => self.group,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_group() -> StartForm {
        let mut form = StartForm::new(&Details::default());
        form.focus = StartForm::GROUP;
        form
    }

    #[test]
    fn arrows_step_through_the_groups_and_stop_at_the_ends() {
        let mut form = on_group();
        form.edit(Edit::Left);
        assert_eq!(form.group, None);
        for expected in [Group::Management, Group::It, Group::Users, Group::Owners, Group::Owners] {
            form.edit(Edit::Right);
            assert_eq!(form.group, Some(expected));
        }
        form.edit(Edit::Left);
        assert_eq!(form.group, Some(Group::Users));
        form.edit(Edit::Insert(' '));
        form.edit(Edit::Insert(' '));
        assert_eq!(form.group, None, "space cycles round to none");
    }

    #[test]
    fn initials_and_numbers_pick_and_backspace_clears() {
        let mut form = on_group();
        form.edit(Edit::Insert('U'));
        assert_eq!(form.group, Some(Group::Users));
        form.edit(Edit::Insert('i'));
        assert_eq!(form.group, Some(Group::It));
        form.edit(Edit::Insert('x'));
        assert_eq!(form.group, Some(Group::It), "no group starts with x");
        form.edit(Edit::Insert('4'));
        assert_eq!(form.group, Some(Group::Owners));
        form.edit(Edit::DeleteBack);
        assert_eq!(form.group, None);
        form.edit(Edit::Insert('1'));
        form.edit(Edit::Insert('0'));
        assert_eq!(form.group, None);
    }

    #[test]
    fn text_goes_to_the_text_fields_only() {
        let mut form = StartForm::new(&Details { group: Some(Group::It), ..Details::default() });
        assert_eq!(form.group, Some(Group::It), "filled from the command line");
        form.edit(Edit::Insert('A'));
        assert_eq!(form.fields[0].text(), "A");
        form.focus = StartForm::BEGIN;
        form.edit(Edit::Insert('m'));
        assert_eq!((form.group, form.fields[0].text()), (Some(Group::It), "A"));
        for _ in 0..9 {
            form.focus_next();
        }
        assert_eq!(form.focus, StartForm::BEGIN);
    }
}
