//! `update(&mut App, Action)`: the one writer of the app's state. Keys go
//! to the handler of the current mode; the outcomes of the edge's effects
//! (saved, scored, suspended or not) are recorded here.

use crate::core::assessment::Assessment;

use super::action::{Action, Effects, Exit};
use super::screen::{Mode, Screen};
use super::state::App;
use super::{question_keys, screen_keys};

/// Applies one action to the app and says what the edge must do. The
/// outcome of an effect asks for nothing further.
pub fn update(app: &mut App<'_>, action: Action) -> Effects {
    match action {
        Action::Resize(w, h) => app.size = (w, h),
        // Saved first, in case the stopped process is never continued; the
        // screen comes back as it was, message and all.
        Action::Suspend => return Effects { suspend: true, save: app.has_begun(), ..Effects::default() },
        // An outcome keeps the message of the key that caused it, unless it
        // brings one of its own.
        Action::Saved => {
            app.save_error = None;
            app.draft_kept = app.has_something_to_keep();
        }
        Action::SaveFailed(error) => save_failed(app, error),
        Action::Scored(assessment) => show_results(app, assessment),
        Action::SuspendUnavailable => app.warn(
            "Ctrl-Z needs a shell with job control to come back to, and there is none here, so the interview stays open.",
        ),
        key => return press(app, key),
    }
    Effects::default()
}

/// A key: the current mode's handler decides what it does.
fn press(app: &mut App<'_>, action: Action) -> Effects {
    let mut fx = Effects::default();
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

/// Records that the draft could not be written, and says so.
fn save_failed(app: &mut App<'_>, error: String) {
    app.warn(format!("Could not save your progress ({error}). Your answers are kept while the app is open."));
    app.save_error = Some(error);
}

/// Shows the scored result over whatever was on screen.
fn show_results(app: &mut App<'_>, assessment: Box<Assessment>) {
    app.screen = Screen::Results { assessment, scroll: 0 };
    app.overlay = None;
}
