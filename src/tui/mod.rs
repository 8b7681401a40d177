//! The interactive interview: one long-lived ratatui app. `app` holds the
//! state and its pure `update`, `keymap` turns keys into actions, `view`
//! draws, and this module is the edge that runs the loop against the real
//! terminal, the clock and the draft file.

pub mod app;
pub mod keymap;
mod resume;
pub mod rows;
pub mod terminal;
pub mod text_field;
pub mod view;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;

use crate::core::answers::Answers;
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::score;
use crate::io::atomic_write::remove_stale_temp_files;
use crate::io::drafts::{self, Draft};

pub use app::{Action, App, Details, Effects, Exit, Mode, update};
use terminal::TerminalGuard;
use text_field::Edit;

/// How often the loop looks for a signal while waiting for a key.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// How the interview is started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Continue the draft of `details.organization` and
    /// `details.respondent` (either may be left out when one draft fits).
    pub resume: bool,
    pub color: bool,
    pub details: Details,
    /// The command that continues the interview, without `--organization`
    /// and `--respondent` (the app adds them once they are known).
    pub resume_command: String,
}

/// How the interview ended.
#[derive(Debug)]
pub enum Ending {
    /// Submitted: score and print these answers, then discard the draft.
    Submitted { answers: Answers, draft: Option<PathBuf> },
    /// Left or interrupted; the draft (if any) holds the answers.
    Left { interrupted: bool, draft: Option<PathBuf>, resume_command: String, save_error: Option<String> },
}

/// Where the loop's actions come from, the terminal or a script in tests,
/// and what suspending means there.
pub trait Events {
    /// The next action, or `None` when nothing happened for a while.
    fn next(&mut self, mode: Mode) -> io::Result<Option<Action>>;

    /// Hands the terminal to the shell and returns once the app has it
    /// back (the screen then needs a full redraw); false when suspending is
    /// not possible here.
    fn suspend(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

/// Keys, resizes and pastes from the terminal, and signals.
struct TerminalEvents<'g> {
    guard: &'g TerminalGuard,
}

impl Events for TerminalEvents<'_> {
    fn next(&mut self, mode: Mode) -> io::Result<Option<Action>> {
        if self.guard.interrupted() {
            return Ok(Some(Action::Interrupt));
        }
        if self.guard.suspend_asked() {
            return Ok(Some(Action::Suspend));
        }
        // A terminal that has gone away (its window closed, the connection
        // dropped) fails to read or reports a hang-up: leave as on SIGHUP.
        let ready = match event::poll(SIGNAL_CHECK) {
            Ok(ready) => ready,
            Err(_) => return Ok(Some(Action::Interrupt)),
        };
        if !ready {
            return Ok(terminal::hung_up().then_some(Action::Interrupt));
        }
        let Ok(event) = event::read() else {
            return Ok(Some(Action::Interrupt));
        };
        Ok(match event {
            Event::Key(key) => keymap::action_for(mode, key),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Paste(text) if matches!(mode, Mode::Start | Mode::Editing) => Some(Action::Edit(Edit::Paste(text))),
            _ => None,
        })
    }

    fn suspend(&mut self) -> io::Result<bool> {
        self.guard.suspend()
    }
}

/// Runs the interview in the terminal and says how it ended. The terminal
/// is restored before this returns, whatever happens. `warn` hears, before
/// the interview takes the screen, about each file in the drafts directory
/// that cannot be continued (the start screen says there are some, and the
/// warnings are there again once the interview gives the screen back).
pub fn interview(
    q: &Questionnaire,
    options: &Options,
    clock: fn() -> jiff::Timestamp,
    warn: &dyn Fn(&str),
) -> anyhow::Result<Ending> {
    let dir = drafts::drafts_dir();
    let found = match &dir {
        Some(d) => {
            remove_stale_temp_files(d, std::time::SystemTime::now());
            drafts::find(d, q)
        }
        None => drafts::Found::default(),
    };
    for u in &found.unreadable {
        warn(&u.to_string());
    }
    let unreadable = found.unreadable.into_iter().map(|u| u.path).collect();
    let mut app = if options.resume {
        App::resumed(q, resume::pick(q, found.saved, &options.details, dir.as_deref(), &options.resume_command)?)
    } else {
        App::new(q, &options.details, found.saved, dir).with_unreadable_drafts(unreadable)
    }
    .with_color(options.color)
    .with_today(clock())
    .with_resume_command(&options.resume_command);

    let guard = TerminalGuard::enter().context("cannot prepare the terminal for the interview")?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot draw in the terminal")?;
    let exit = run(&mut terminal, &mut app, &mut TerminalEvents { guard: &guard }, save_draft, clock);
    // Not dropped: ratatui's `Terminal` shows the cursor when dropped and,
    // if that fails (the window was closed), reports it with `eprintln!`,
    // which panics when stderr is gone too. The guard restores the cursor.
    std::mem::forget(terminal);
    let restored = guard.restore();
    let exit = exit?;
    // After SIGHUP the terminal may be gone; failing to restore it then is
    // expected, and must not hide that the answers were kept.
    if exit != Exit::Interrupt {
        restored.context("cannot restore the terminal")?;
    }
    let draft = app.draft_path().filter(|_| app.draft_kept()).map(PathBuf::from);
    Ok(match exit {
        Exit::Finish => Ending::Submitted { answers: app.session().answers().clone(), draft },
        exit => Ending::Left {
            interrupted: exit == Exit::Interrupt,
            resume_command: app.resume_hint(),
            draft,
            save_error: app.save_error().map(String::from),
        },
    })
}

/// Writes the app's draft, if the interview has begun and holds something
/// to keep; removes it when the respondent has cleared everything it held.
/// An untouched interview writes nothing, so a draft it would replace stays
/// until the first answer.
fn save_draft(app: &App<'_>, now: jiff::Timestamp) -> io::Result<()> {
    let Some(path) = app.draft_path() else { return Ok(()) };
    if !app.has_something_to_keep() {
        return if app.draft_kept() { drafts::discard(path) } else { Ok(()) };
    }
    let d = Draft::new(app.questionnaire(), app.session().answers().clone(), app.position(), now);
    drafts::save(path, &d)
}

/// The loop: wait for an action, update, draw, then save, score and suspend
/// as the update asks, feeding each outcome back to `update` as an action.
/// Drawing comes before saving so the screen answers at once; saving comes
/// before suspending so a stopped process holds nothing unsaved. Leaving
/// saves without drawing: after SIGHUP the terminal may be gone, and the
/// draft must still be written; a draw that fails ends the loop the same way.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App<'_>,
    events: &mut impl Events,
    save: impl Fn(&App<'_>, jiff::Timestamp) -> io::Result<()>,
    clock: impl Fn() -> jiff::Timestamp,
) -> anyhow::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    terminal.draw(|f| view::render(f, app))?;
    // Says whether the draft was written.
    let save_now = |app: &mut App<'_>| {
        let outcome = match save(app, clock()) {
            Ok(()) => Action::Saved,
            Err(e) => Action::SaveFailed(e.to_string()),
        };
        let saved = outcome == Action::Saved;
        update(app, outcome);
        saved
    };
    loop {
        let Some(action) = events.next(app.mode())? else { continue };
        let fx = update(app, action);
        if let Some(exit) = fx.exit {
            if fx.save {
                save_now(app);
            }
            return Ok(exit);
        }
        if fx.score {
            let assessment = score(app.questionnaire(), app.session().answers(), clock());
            update(app, Action::Scored(Box::new(assessment)));
        }
        // A terminal that cannot be drawn on has gone (its window closed
        // between two keys): keep the answer, then leave as on SIGHUP.
        let drawn = terminal.draw(|f| view::render(f, app)).is_ok();
        if fx.save && !save_now(app) && drawn {
            terminal.draw(|f| view::render(f, app))?;
        }
        if !drawn {
            return Ok(Exit::Interrupt);
        }
        if fx.suspend {
            let outcome = if events.suspend()? {
                // The shell had the screen (and perhaps resized it): clear
                // and draw every cell. `resize` does that without asking the
                // terminal where its cursor is, as `clear` would.
                let size = terminal.size()?;
                terminal.resize(Rect::new(0, 0, size.width, size.height))?;
                Action::Resize(size.width, size.height)
            } else {
                Action::SuspendUnavailable
            };
            update(app, outcome);
            terminal.draw(|f| view::render(f, app))?;
        }
    }
}

#[cfg(test)]
mod draft_tests;
#[cfg(test)]
mod gone_terminal_tests;

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::VecDeque;

    use ratatui::backend::TestBackend;

    use super::*;
    use crate::core::questionnaire::{Questionnaire, parse};

    /// The interview's fixture, shaped like a quick check (see the file).
    fn interview() -> Questionnaire {
        parse(include_str!("../../tests/fixtures/questionnaires/good/interview.toml"), "interview.toml").unwrap()
    }

    /// Actions from a script; an empty script interrupts.
    pub(super) struct Script(VecDeque<Action>);

    impl Events for Script {
        fn next(&mut self, _mode: Mode) -> io::Result<Option<Action>> {
            Ok(Some(self.0.pop_front().unwrap_or(Action::Interrupt)))
        }
    }

    pub(super) fn script(actions: &[Action]) -> Script {
        Script(actions.iter().cloned().collect())
    }

    /// A script whose suspending works (or not), logged with the saves.
    struct Suspending<'l> {
        script: Script,
        works: bool,
        log: &'l RefCell<Vec<&'static str>>,
    }

    impl Events for Suspending<'_> {
        fn next(&mut self, mode: Mode) -> io::Result<Option<Action>> {
            self.script.next(mode)
        }

        fn suspend(&mut self) -> io::Result<bool> {
            self.log.borrow_mut().push("suspend");
            Ok(self.works)
        }
    }

    /// Answers the first question, then presses Ctrl-Z.
    fn suspend_after_an_answer(works: bool) -> (Vec<&'static str>, String) {
        let q = interview();
        let mut app = App::new(&q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let log = RefCell::new(Vec::new());
        let save = |_: &App<'_>, _: jiff::Timestamp| {
            log.borrow_mut().push("save");
            Ok(())
        };
        let mut actions = vec![Action::Confirm; 5];
        actions.extend([Action::Digit(2), Action::Suspend]);
        let mut events = Suspending { script: script(&actions), works, log: &log };
        let exit = run(&mut terminal, &mut app, &mut events, save, || jiff::Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(exit, Exit::Interrupt);
        assert!(matches!(app.screen(), app::Screen::Question) && app.overlay().is_none());
        (log.into_inner(), terminal.backend().to_string())
    }

    #[test]
    fn suspending_saves_first_then_comes_back_to_the_same_question() {
        let (log, screen) = suspend_after_an_answer(true);
        assert_eq!(log, ["save", "save", "save", "suspend", "save"], "begin, answer, suspend, interrupt");
        assert!(screen.contains("When you decide what the CRM should do"), "{screen}");
        assert!(!screen.contains("Ctrl-Z needs"), "{screen}");
    }

    #[test]
    fn without_job_control_suspending_says_so_and_carries_on() {
        let (log, screen) = suspend_after_an_answer(false);
        assert_eq!(log, ["save", "save", "save", "suspend", "save"]);
        assert!(screen.contains("Ctrl-Z needs a shell with job control"), "{screen}");
        assert!(screen.contains("When you decide what the CRM should do"), "{screen}");
    }

    #[test]
    fn the_loop_saves_after_answers_scores_on_submit_and_finishes() {
        let q = interview();
        let mut app = App::new(&q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let saves = RefCell::new(Vec::new());
        let save = |app: &App<'_>, _: jiff::Timestamp| {
            saves.borrow_mut().push(app.session().answers().answers.len());
            Ok(())
        };
        let mut actions = vec![Action::Confirm; 5];
        actions.extend([Action::Digit(1), Action::Review, Action::Submit, Action::Yes, Action::Confirm]);
        let exit = run(&mut terminal, &mut app, &mut script(&actions), save, || jiff::Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(exit, Exit::Finish);
        assert_eq!(*saves.borrow(), [0, 1, 1], "on begin, after the answer, on submit");
        assert!(matches!(app.screen(), app::Screen::Results { .. }));
        assert!(terminal.backend().to_string().contains("Result: Not ready"));
    }

    #[test]
    fn a_failed_save_is_shown_and_remembered() {
        let q = interview();
        let mut app = App::new(&q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let fail = |_: &App<'_>, _: jiff::Timestamp| Err(io::Error::other("disk full"));
        let mut actions = vec![Action::Confirm; 5];
        actions.push(Action::Digit(2));
        let exit = run(&mut terminal, &mut app, &mut script(&actions), fail, || jiff::Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(exit, Exit::Interrupt);
        assert_eq!(app.save_error(), Some("disk full"));
        assert!(terminal.backend().to_string().contains("Could not save your progress (disk full)"));
    }
}
