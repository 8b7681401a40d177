//! The interview's state, how it is built, what the view and the edge may
//! read of it, and the steps the key handlers share. Its fields are seen
//! only inside `tui::app`, where every write is reached from `update`.

use std::path::{Path, PathBuf};

use crate::core::answers::{Answers, Group};
use crate::core::questionnaire::Questionnaire;
use crate::core::session::{Change, Session};
use crate::core::text::one_line;
use crate::io::drafts::{self, Saved};
use crate::tui::rows::{Row, initial_row, rows};

use super::action::Effects;
use super::offer::{Offer, not_offered, resume_command_for};
use super::screen::{MIN_HEIGHT, MIN_WIDTH, Message, Mode, Overlay, ReviewItem, Screen};
use super::start_form::StartForm;

/// What the command line says about the interview: whose it is (filling
/// the start form), when it was held and the round it belongs to. The
/// draft keeps them all, so a resumed interview lands in the same round.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub organization: Option<String>,
    pub respondent: Option<String>,
    pub role: Option<String>,
    pub group: Option<Group>,
    /// When the interview was held, if not now.
    pub assessed_at: Option<jiff::Timestamp>,
    /// The round's label, if not the quarter.
    pub label: Option<String>,
}

/// The whole interview's state.
#[derive(Debug, Clone)]
pub struct App<'q> {
    pub(super) session: Session<'q>,
    pub(super) screen: Screen,
    pub(super) overlay: Option<Overlay>,
    /// Terminal width and height.
    pub(super) size: (u16, u16),
    pub(super) message: Option<Message>,
    /// The highlighted row of the current question.
    pub(super) cursor: usize,
    /// Digits typed for a quick pick or a number.
    pub(super) typed: String,
    /// A number answer is being written: `typed` holds all of it, even
    /// when empty, instead of the saved value.
    pub(super) editing_number: bool,
    /// The question was opened from the review screen: go back there after.
    pub(super) back_to_review: bool,
    pub(super) color: bool,
    /// Every saved interview for this questionnaire, whoever's: a new one
    /// must not take any of their files.
    pub(super) saved: Vec<Offer>,
    /// Those offered on the resume screen: the organisation's, if one was
    /// given.
    pub(super) offers: Vec<Offer>,
    /// Files named like a draft that cannot be continued: not offered, and
    /// never taken by a new interview.
    pub(super) unreadable: Vec<PathBuf>,
    pub(super) drafts_dir: Option<PathBuf>,
    /// The start form is behind us (or a draft was resumed).
    pub(super) begun: bool,
    /// Where the draft is written, once the interview has begun.
    pub(super) draft_path: Option<PathBuf>,
    /// The draft file holds this interview: it was resumed, or saved since
    /// it began with something worth keeping.
    pub(super) draft_kept: bool,
    /// The last draft write failed with this.
    pub(super) save_error: Option<String>,
    /// The command that continues this interview (without the
    /// organisation), shown when leaving.
    pub(super) resume_command: String,
    /// The details given on the command line, for a fresh start form.
    pub(super) details: Details,
    /// The day the interview runs, if the edge said: the start form shows
    /// the quarter it falls in as the round's label.
    pub(super) today: Option<jiff::Timestamp>,
}

/// How the app starts.
impl<'q> App<'q> {
    /// A new interview: the resume screen if the organisation given (or,
    /// without one, anyone) has saved interviews, else the start form.
    /// `saved` holds every draft of the questionnaire.
    pub fn new(q: &'q Questionnaire, details: &Details, saved: Vec<Saved>, drafts_dir: Option<PathBuf>) -> Self {
        let saved: Vec<Offer> = saved.into_iter().map(|s| Offer::new(q, s)).collect();
        let offers: Vec<Offer> = saved
            .iter()
            .filter(|o| drafts::is_for(&o.saved.draft.answers, details.organization.as_deref(), None))
            .cloned()
            .collect();
        // The respondent named on the command line comes first to hand.
        let selected = details
            .respondent
            .as_deref()
            .and_then(|who| offers.iter().position(|o| drafts::is_for(&o.saved.draft.answers, None, Some(who))))
            .unwrap_or(0);
        let screen = if offers.is_empty() {
            Screen::Start(Box::new(StartForm::new(details)))
        } else {
            Screen::Resume { selected }
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
            saved,
            offers,
            unreadable: Vec::new(),
            drafts_dir,
            begun: false,
            draft_path: None,
            draft_kept: false,
            save_error: None,
            resume_command: "crm-ready assess --resume".to_string(),
            details: details.clone(),
            today: None,
        }
    }

    /// Continues a saved interview where it was left.
    pub fn resumed(q: &'q Questionnaire, saved: Saved) -> Self {
        let dir = saved.path.parent().map(PathBuf::from);
        let mut app = App::new(q, &Details::default(), Vec::new(), dir);
        app.continue_draft(saved);
        app
    }

    /// The same app, told of the files named like a draft that cannot be
    /// continued: the first screen says so (the warnings about them were
    /// printed before the interview took the screen), and a new interview
    /// never takes one of their names.
    pub fn with_unreadable_drafts(mut self, paths: Vec<PathBuf>) -> Self {
        if let Some(note) = not_offered(&paths) {
            self.warn(note);
        }
        App { unreadable: paths, ..self }
    }

    /// The same app, drawn in colour or not.
    pub fn with_color(self, color: bool) -> Self {
        App { color, ..self }
    }

    /// The same app, told what day it is.
    pub fn with_today(self, today: jiff::Timestamp) -> Self {
        App { today: Some(today), ..self }
    }

    /// The same app, naming `command` (without the organisation) as the
    /// way to continue the interview.
    pub fn with_resume_command(self, command: &str) -> Self {
        App { resume_command: command.to_string(), ..self }
    }
}

/// What the view, the edge and the tests may read.
impl<'q> App<'q> {
    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.session.questionnaire()
    }

    /// The answers, the current question and what is shown.
    pub fn session(&self) -> &Session<'q> {
        &self.session
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The highlighted row of the current question.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Digits typed for a quick pick or a number.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// Whether a number answer is being written (shown instead of the
    /// saved one).
    pub fn editing_number(&self) -> bool {
        self.editing_number
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// The details given on the command line.
    pub fn details(&self) -> &Details {
        &self.details
    }

    /// The day the interview runs, if known.
    pub fn today(&self) -> Option<jiff::Timestamp> {
        self.today
    }

    /// The saved interviews offered on the resume screen.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// Whether there is anything to keep: the interview has begun.
    pub fn has_begun(&self) -> bool {
        self.begun
    }

    /// Where the draft is written, once the interview has begun (and a
    /// data directory exists).
    pub fn draft_path(&self) -> Option<&Path> {
        self.draft_path.as_deref()
    }

    /// Whether the answers hold anything worth a draft: an answer or a
    /// note. An interview begun and left untouched leaves no draft.
    pub fn has_something_to_keep(&self) -> bool {
        let answers = self.session.answers();
        !answers.answers.is_empty() || !answers.notes.is_empty()
    }

    /// Whether the draft file holds this interview (see [`Self::draft_path`]).
    pub fn draft_kept(&self) -> bool {
        self.draft_kept
    }

    /// Why the last draft write failed, if it did.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// The rows of the current question.
    pub fn current_rows(&self) -> Vec<Row> {
        rows(self.session.current_question())
    }

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        if self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT {
            return Mode::TooSmall;
        }
        match (&self.overlay, &self.screen) {
            (Some(Overlay::Help { .. }), _) => Mode::Help,
            (Some(Overlay::Note(_) | Overlay::TextAnswer(_)), _) => Mode::Editing,
            (Some(Overlay::ConfirmQuit | Overlay::ConfirmSubmit { .. } | Overlay::ExistingDraft(_)), _) => {
                Mode::Confirming
            }
            (None, Screen::Resume { .. }) => Mode::Resume,
            (None, Screen::Start(_)) => Mode::Start,
            (None, Screen::Question) => Mode::Question,
            (None, Screen::Review { .. }) => Mode::Review,
            (None, Screen::Results { .. }) => Mode::Results,
        }
    }

    /// Where the respondent is, for the draft.
    pub fn position(&self) -> drafts::Position {
        let question = Some(self.session.current_question().id.clone());
        let reviewing = matches!(self.screen, Screen::Review { .. } | Screen::Results { .. });
        drafts::Position { question, reviewing }
    }

    /// The command that continues this interview.
    pub fn resume_hint(&self) -> String {
        resume_command_for(&self.resume_command, self.session.answers())
    }
}

/// Steps the key handlers share.
impl App<'_> {
    pub(super) fn inform(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), warning: false });
    }

    pub(super) fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), warning: true });
    }

    /// Asks whether to leave.
    pub(super) fn ask_to_quit(&mut self) {
        self.overlay = Some(Overlay::ConfirmQuit);
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
    pub(super) fn report_change(&mut self, change: &Change) {
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

    /// An answer changed: save it and say what it showed or hid.
    pub(super) fn answered(&mut self, change: Change, fx: &mut Effects) {
        fx.save = true;
        self.report_change(&change);
    }
}
