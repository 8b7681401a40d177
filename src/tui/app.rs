//! The interview app's state and `update(&mut App, Action)`: every key's
//! effect, with no terminal, clock or file involved. The edge performs the
//! returned [`Effects`] (saving the draft, scoring, leaving).

use std::path::PathBuf;

use crate::core::answers::Answers;
use crate::core::assessment::Assessment;
use crate::core::limits::{MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use crate::core::questionnaire::{Kind, Questionnaire};
use crate::core::session::{Change, Progress, Session};
use crate::core::text::one_line;
use crate::io::drafts::{self, Saved};

use super::rows::{QuickPick, Row, initial_row, quick_pick, rows};
use super::text_field::{Edit, TextField};
use super::{question_keys, screen_keys};

/// The smallest terminal the interview draws in.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// Something the user asked for, decoded from a key by the keymap.
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
    Resize(u16, u16),
}

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

/// What the edge must do after an update.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// Write the draft.
    pub save: bool,
    /// Score the answers and call [`App::show_results`].
    pub score: bool,
    /// Save, then give the terminal back to the shell until `fg`.
    pub suspend: bool,
    pub exit: Option<Exit>,
}

/// A full-screen view.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Saved interviews exist: continue one or start afresh.
    Resume {
        selected: usize,
    },
    /// Organisation, respondent and role; focus 3 is "Begin".
    Start {
        fields: Box<[TextField; 3]>,
        focus: usize,
    },
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
    Help { scroll: u16 },
    Note(TextField),
    TextAnswer(TextField),
    ConfirmQuit,
    ConfirmSubmit { unanswered: usize },
}

/// A one-line message under the screen until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

/// A saved interview offered on the resume screen.
#[derive(Debug, Clone)]
pub struct Offer {
    pub saved: Saved,
    pub progress: Progress,
}

/// Organisation, respondent and role given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub organization: Option<String>,
    pub respondent: Option<String>,
    pub role: Option<String>,
}

/// The whole interview's state.
#[derive(Debug, Clone)]
pub struct App<'q> {
    pub session: Session<'q>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// Terminal width and height.
    pub size: (u16, u16),
    pub message: Option<Message>,
    /// The highlighted row of the current question.
    pub cursor: usize,
    /// Digits typed for a quick pick or a number.
    pub typed: String,
    /// A number answer is being written: `typed` holds all of it, even
    /// when empty, instead of the saved value.
    pub editing_number: bool,
    /// The question was opened from the review screen: go back there after.
    pub back_to_review: bool,
    pub color: bool,
    pub offers: Vec<Offer>,
    pub drafts_dir: Option<PathBuf>,
    /// The start form is behind us (or a draft was resumed).
    pub begun: bool,
    /// Where the draft is written, once the interview has begun.
    pub draft_path: Option<PathBuf>,
    /// The last draft write failed with this.
    pub save_error: Option<String>,
    /// The command that continues this interview (without the
    /// organisation), shown when leaving.
    pub resume_command: String,
    /// The details given on the command line, for a fresh start form.
    pub details: Details,
}

impl<'q> App<'q> {
    /// A new interview: the resume screen if drafts exist, else the start form.
    pub fn new(q: &'q Questionnaire, details: &Details, saved: Vec<Saved>, drafts_dir: Option<PathBuf>) -> Self {
        let field = |v: &Option<String>| TextField::new(v.as_deref().unwrap_or(""), MAX_LABEL_CHARS);
        let fields = [field(&details.organization), field(&details.respondent), field(&details.role)];
        let offers: Vec<Offer> = saved
            .into_iter()
            .map(|s| {
                let progress = Session::new(q, s.draft.answers.clone()).0.total_progress();
                Offer { saved: s, progress }
            })
            .collect();
        let screen = if offers.is_empty() {
            Screen::Start { fields: Box::new(fields), focus: 0 }
        } else {
            Screen::Resume { selected: 0 }
        };
        App {
            session: Session::new(q, Answers::for_questionnaire(q)).0,
            screen,
            overlay: None,
            size: (80, 24),
            message: None,
            cursor: 0,
            typed: String::new(),
            editing_number: false,
            back_to_review: false,
            color: true,
            offers,
            drafts_dir,
            begun: false,
            draft_path: None,
            save_error: None,
            resume_command: "crm-ready assess --resume".to_string(),
            details: details.clone(),
        }
    }

    /// Continues a saved interview where it was left.
    pub fn resumed(q: &'q Questionnaire, saved: Saved) -> Self {
        let dir = saved.path.parent().map(PathBuf::from);
        let mut app = App::new(q, &Details::default(), Vec::new(), dir);
        app.continue_draft(saved);
        app
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.session.questionnaire()
    }

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        if self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT {
            return Mode::TooSmall;
        }
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Help { .. }), _) => Mode::Help,
            (Some(Overlay::Note(_) | Overlay::TextAnswer(_)), _) => Mode::Editing,
            (Some(Overlay::ConfirmQuit | Overlay::ConfirmSubmit { .. }), _) => Mode::Confirming,
            (None, Screen::Resume { .. }) => Mode::Resume,
            (None, Screen::Start { .. }) => Mode::Start,
            (None, Screen::Question) => Mode::Question,
            (None, Screen::Review { .. }) => Mode::Review,
            (None, Screen::Results { .. }) => Mode::Results,
        }
    }

    /// Whether there is anything to keep: the interview has begun.
    pub fn has_begun(&self) -> bool {
        self.begun
    }

    /// Where the respondent is, for the draft.
    pub fn position(&self) -> drafts::Position {
        let question = Some(self.session.current_question().id.clone());
        let reviewing = matches!(self.screen, Screen::Review { .. } | Screen::Results { .. });
        drafts::Position { question, reviewing }
    }

    /// The command that continues this interview.
    pub fn resume_hint(&self) -> String {
        match &self.session.answers().organization {
            Some(org) => format!("{} --organization {}", self.resume_command, shell_quote(org)),
            None => self.resume_command.clone(),
        }
    }

    /// Shows the scored result (after [`Effects::score`]).
    pub fn show_results(&mut self, assessment: Assessment) {
        self.screen = Screen::Results { assessment: Box::new(assessment), scroll: 0 };
        self.overlay = None;
    }

    /// Records that the draft could not be written.
    pub fn save_failed(&mut self, error: &str) {
        self.save_error = Some(error.to_string());
        self.warn(format!("Could not save your progress ({error}). Your answers are kept while the app is open."));
    }

    pub fn save_succeeded(&mut self) {
        self.save_error = None;
    }

    /// Ctrl-Z was pressed but nothing could continue a stopped process.
    pub fn suspend_unavailable(&mut self) {
        self.warn("Ctrl-Z needs a shell with job control to come back to, and there is none here, so the interview stays open.");
    }

    pub(super) fn inform(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), warning: false });
    }

    pub(super) fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), warning: true });
    }

    pub(super) fn continue_draft(&mut self, saved: Saved) {
        let q = self.questionnaire();
        let (mut session, dropped) = Session::new(q, saved.draft.answers);
        let position = saved.draft.position;
        if let Some(i) = position.question.as_deref().and_then(|id| q.position(id)) {
            session.go_to(i);
        }
        let progress = session.total_progress();
        self.session = session;
        self.begun = true;
        self.draft_path = Some(saved.path);
        self.open_question();
        if position.reviewing {
            self.open_review(Some(self.session.current()));
        }
        self.inform(format!("Welcome back: {} of {} questions answered.", progress.answered, progress.shown));
        if !dropped.is_empty() {
            self.report_change(&Change { appeared: Vec::new(), dropped });
        }
    }

    pub(super) fn begin(&mut self) {
        if let Screen::Start { fields, .. } = &self.screen {
            let [org, name, role] = fields.as_ref();
            self.session.set_details(org.text(), name.text(), role.text());
        }
        let q = self.questionnaire();
        let file = drafts::file_name(&q.id, self.session.answers().organization.as_deref());
        self.draft_path = self.drafts_dir.as_ref().map(|d| d.join(file));
        self.begun = true;
        self.open_question();
        if self.draft_path.is_none() {
            self.warn("No data directory found (set HOME or XDG_DATA_HOME), so progress is not saved to disk.");
        } else {
            let tip = match self.session.current_question().kind {
                Kind::Text => "Tip: press Enter to write your answer.",
                _ if rows(self.session.current_question()).first() == Some(&Row::Entry) => {
                    "Tip: type the number, then press Enter."
                }
                _ => "Tip: a number key answers.",
            };
            self.inform(format!("{tip} Progress is saved as you go; ? lists every key."));
        }
    }

    pub(super) fn open_question(&mut self) {
        self.screen = Screen::Question;
        self.reset_cursor();
    }

    pub(super) fn reset_cursor(&mut self) {
        let i = self.session.current();
        self.cursor = initial_row(self.session.current_question(), self.session.answer(i));
        self.clear_typed();
    }

    /// Forgets typed digits and ends any number being written.
    pub(super) fn clear_typed(&mut self) {
        self.typed.clear();
        self.editing_number = false;
    }

    pub(super) fn open_review(&mut self, at: Option<usize>) {
        let selected = at.filter(|&i| self.session.is_visible(i)).map_or(ReviewItem::Submit, ReviewItem::Question);
        self.screen = Screen::Review { selected };
        self.back_to_review = false;
        self.clear_typed();
    }

    /// Tells the user which follow-ups appeared and which answers went.
    fn report_change(&mut self, change: &Change) {
        let q = self.questionnaire();
        let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { format!("{n} {many}") };
        if let Some(first) = change.dropped.first() {
            let n = change.dropped.len();
            let text = one_line(&q.questions[first.question].text);
            self.warn(format!(
                "That answer hides {}, so {} removed: \u{201c}{text}\u{201d}{}",
                plural(n, "a follow-up question", "follow-up questions"),
                if n == 1 { "its answer was" } else { "their answers were" },
                if n > 1 { " and others." } else { "" },
            ));
        } else if !change.appeared.is_empty() {
            let n = change.appeared.len();
            self.inform(format!(
                "{} added because of that answer.",
                plural(n, "A follow-up question was", "follow-up questions were")
            ));
        }
    }

    /// Moves on after an answer: to the review if the question was opened
    /// from there, else to the next question, or to the review at the end.
    pub(super) fn advance(&mut self) {
        self.clear_typed();
        if self.back_to_review {
            self.open_review(Some(self.session.current()));
        } else if self.session.forward() {
            self.reset_cursor();
        } else {
            self.open_review(self.session.first_unanswered());
            if self.message.is_none() {
                self.inform("That was the last question. Check your answers, then press s to submit.");
            }
        }
    }

    pub(super) fn answered(&mut self, change: Change, fx: &mut Effects) {
        fx.save = true;
        self.report_change(&change);
    }
}

/// `text` as one shell word: bare when safe, else in single quotes.
pub fn shell_quote(text: &str) -> String {
    let safe = !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:@".contains(c));
    if safe { text.to_string() } else { format!("'{}'", text.replace('\'', "'\\''")) }
}

/// Applies one action to the app and says what the edge must do.
pub fn update(app: &mut App<'_>, action: Action) -> Effects {
    let mut fx = Effects::default();
    if let Action::Resize(w, h) = action {
        app.size = (w, h);
        return fx;
    }
    if action == Action::Suspend {
        // Saved first, in case the stopped process is never continued; the
        // screen comes back as it was, message and all.
        return Effects { suspend: true, save: app.has_begun(), ..fx };
    }
    app.message = None;
    match app.mode() {
        _ if action == Action::Interrupt => fx.exit = Some(Exit::Interrupt),
        Mode::TooSmall => {
            if action == Action::Quit {
                fx.exit = Some(Exit::Leave);
            }
        }
        Mode::Help => screen_keys::help_key(app, action),
        Mode::Editing => screen_keys::editor_key(app, action, &mut fx),
        Mode::Confirming => screen_keys::confirm_key(app, action, &mut fx),
        Mode::Resume => screen_keys::resume_key(app, action),
        Mode::Start => screen_keys::start_key(app, action, &mut fx),
        Mode::Question => question_keys::question_key(app, action, &mut fx),
        Mode::Review => screen_keys::review_key(app, action, &mut fx),
        Mode::Results => screen_keys::results_key(app, action, &mut fx),
    }
    // Leaving saves the position too, so a resume lands exactly here.
    if matches!(fx.exit, Some(Exit::Leave | Exit::Interrupt)) && app.has_begun() {
        fx.save = true;
    }
    fx
}

/// The prompt for a text question's editor, prefilled with the answer.
pub(super) fn text_answer_field(app: &App<'_>) -> TextField {
    let i = app.session.current();
    let current = match app.session.answer(i) {
        Some(crate::core::answers::Answer::Text(t)) if app.session.current_question().kind == Kind::Text => t.as_str(),
        _ => "",
    };
    TextField::new(current, MAX_TEXT_CHARS)
}

/// The note editor, prefilled with the current note.
pub(super) fn note_field(app: &App<'_>) -> TextField {
    TextField::new(app.session.note(app.session.current()).unwrap_or(""), MAX_TEXT_CHARS)
}

/// The rows of the current question.
pub fn current_rows(app: &App<'_>) -> Vec<Row> {
    rows(app.session.current_question())
}

/// Reads the typed digits as a quick pick on the current question.
pub(super) fn pick_typed(app: &App<'_>, final_digit: bool) -> QuickPick {
    quick_pick(app.session.current_question(), &app.typed, final_digit)
}

#[cfg(test)]
mod tests;
