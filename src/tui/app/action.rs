//! What goes into `update` and what comes out: the actions (keys decoded by
//! the keymap, and the outcomes of the edge's side effects) and the effects
//! the edge must perform.

use crate::core::assessment::Assessment;
use crate::tui::text_field::Edit;

/// Something that happened: a key the keymap decoded, a resize, or the
/// outcome of an effect the edge performed.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter or Space: pick, tick, or open what the row offers.
    Choose,
    Digit(u8),
    /// `.` or `-` while typing a number.
    NumberChar(char),
    /// Backspace on a question: erases a typed (or saved) number or text
    /// answer, else goes back.
    Erase,
    Back,
    Next,
    NextArea,
    PreviousArea,
    Help,
    Note,
    DontKnow,
    Review,
    Submit,
    Quit,
    /// Ctrl-C or a signal: leave at once, keeping the draft.
    Interrupt,
    /// Ctrl-Z or SIGTSTP: hand the terminal back to the shell for a while.
    Suspend,
    Edit(Edit),
    FocusNext,
    FocusPrevious,
    /// Enter in a form, an editor or the results.
    Confirm,
    /// Esc in an overlay.
    Cancel,
    Yes,
    No,
    /// The terminal's new width and height; also sent when the app has the
    /// terminal back after a suspend.
    Resize(u16, u16),
    /// The draft was written ([`Effects::save`]).
    Saved,
    /// The draft could not be written, for this reason.
    SaveFailed(String),
    /// The answers were scored ([`Effects::score`]).
    Scored(Box<Assessment>),
    /// Suspending ([`Effects::suspend`]) is not possible here: nothing
    /// could continue a stopped process.
    SuspendUnavailable,
}

/// How the interview ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Left on purpose; the draft is kept.
    Leave,
    /// Interrupted (Ctrl-C, SIGTERM, SIGHUP); the draft is kept.
    Interrupt,
    /// Submitted and seen: print the report.
    Finish,
}

/// What the edge must do after an update. Each effect's outcome comes back
/// as an action: [`Action::Saved`] or [`Action::SaveFailed`],
/// [`Action::Scored`], [`Action::Resize`] or [`Action::SuspendUnavailable`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// Write the draft.
    pub save: bool,
    /// Score the answers.
    pub score: bool,
    /// Save, then give the terminal back to the shell until `fg`.
    pub suspend: bool,
    pub exit: Option<Exit>,
}
