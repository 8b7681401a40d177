//! What the app shows: the full-screen view, the window over it, the
//! message under it, and the mode (which keys apply) they add up to.

use crate::core::assessment::Assessment;
use crate::tui::text_field::TextField;

use super::offer::Offer;
use super::start_form::StartForm;

/// The smallest terminal the interview draws in.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// Which keys apply now: what the keymap needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    TooSmall,
    Resume,
    Start,
    Question,
    Review,
    Results,
    Help,
    Editing,
    Confirming,
}

/// A full-screen view.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Saved interviews exist: continue one or start afresh.
    Resume {
        selected: usize,
    },
    /// Organisation, respondent, role and group, then "Begin".
    Start(Box<StartForm>),
    Question,
    Review {
        selected: ReviewItem,
    },
    Results {
        assessment: Box<Assessment>,
        scroll: u16,
    },
}

/// A selectable line of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewItem {
    Question(usize),
    Submit,
}

/// A window over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Note(TextField),
    TextAnswer(TextField),
    ConfirmQuit,
    ConfirmSubmit {
        unanswered: usize,
    },
    /// The respondent on the start form already has this saved interview:
    /// continue it, or start another beside it?
    ExistingDraft(Box<Offer>),
}

/// A one-line message under the screen until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}
