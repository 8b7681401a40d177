//! What each key does outside the question screen: the resume offer, the
//! start form, the review, the result, and the windows over them (help,
//! editors, confirmations).

use super::action::{Action, Effects, Exit};
use super::screen::{Overlay, ReviewItem, Screen};
use super::start_form::StartForm;
use super::state::App;

pub(super) fn help_key(app: &mut App<'_>, action: Action) {
    let Some(Overlay::Help { scroll }) = &mut app.overlay else { return };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::Cancel | Action::Help | Action::Confirm | Action::Quit => app.overlay = None,
        _ => {}
    }
}

pub(super) fn editor_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let i = app.session.current();
    match (action, app.overlay.take()) {
        (Action::Edit(e), Some(Overlay::Note(mut f))) => {
            f.apply(e);
            app.overlay = Some(Overlay::Note(f));
        }
        (Action::Edit(e), Some(Overlay::TextAnswer(mut f))) => {
            f.apply(e);
            app.overlay = Some(Overlay::TextAnswer(f));
        }
        (Action::Confirm, Some(Overlay::Note(f))) => {
            app.session.set_note(i, f.text());
            fx.save = true;
            app.inform(if f.text().trim().is_empty() { "Note removed." } else { "Note saved." });
        }
        (Action::Confirm, Some(Overlay::TextAnswer(f))) => {
            let change = app.session.enter_text(i, f.text());
            app.answered(change, fx);
            if app.session.answer(i).is_some() {
                app.advance();
            }
        }
        (Action::Cancel, _) => {}
        (_, overlay) => app.overlay = overlay,
    }
}

pub(super) fn confirm_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let overlay = app.overlay.take();
    match (action, overlay) {
        (Action::Yes, Some(Overlay::ConfirmQuit)) => fx.exit = Some(Exit::Leave),
        (Action::Yes, Some(Overlay::ConfirmSubmit { .. })) => submit_now(app, fx),
        // Continue the saved interview, or keep it and start another.
        (Action::Yes, Some(Overlay::ExistingDraft(offer))) => app.continue_draft(offer.saved),
        (Action::No, Some(Overlay::ExistingDraft(_))) => app.begin_new(fx),
        (Action::No | Action::Cancel, _) => {}
        (_, overlay) => app.overlay = overlay,
    }
}

pub(super) fn resume_key(app: &mut App<'_>, action: Action) {
    let Screen::Resume { selected } = app.screen else { return };
    let last = app.offers.len();
    match action {
        Action::Up => app.screen = Screen::Resume { selected: selected.saturating_sub(1) },
        Action::Down => app.screen = Screen::Resume { selected: (selected + 1).min(last) },
        Action::Choose | Action::Confirm if selected < last => {
            let offer = app.offers.remove(selected);
            app.offers.clear();
            app.continue_draft(offer.saved);
        }
        Action::Choose | Action::Confirm | Action::No => app.start_afresh(),
        Action::Quit => app.ask_to_quit(),
        _ => {}
    }
}

pub(super) fn start_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let Screen::Start(form) = &mut app.screen else { return };
    match action {
        Action::Edit(e) => form.edit(e),
        Action::FocusNext | Action::Down => form.focus_next(),
        Action::FocusPrevious | Action::Up => form.focus_previous(),
        Action::Confirm if form.focus() < StartForm::BEGIN => form.focus_next(),
        Action::Confirm => app.begin(fx),
        Action::Quit => app.ask_to_quit(),
        _ => {}
    }
}

pub(super) fn review_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let Screen::Review { selected } = app.screen else { return };
    let s = &app.session;
    let step_down = |item: ReviewItem| match item {
        ReviewItem::Question(i) => s.next_visible(i).map_or(ReviewItem::Submit, ReviewItem::Question),
        ReviewItem::Submit => ReviewItem::Submit,
    };
    let step_up = |item: ReviewItem| match item {
        ReviewItem::Question(i) => ReviewItem::Question(s.previous_visible(i).unwrap_or(i)),
        ReviewItem::Submit => ReviewItem::Question(s.previous_visible(s.questionnaire().questions.len()).unwrap_or(0)),
    };
    let repeat = |f: &dyn Fn(ReviewItem) -> ReviewItem, n: usize| (0..n).fold(selected, |item, _| f(item));
    let moved = match action {
        Action::Up => Some(step_up(selected)),
        Action::Down => Some(step_down(selected)),
        Action::PageUp => Some(repeat(&step_up, 8)),
        Action::PageDown => Some(repeat(&step_down, 8)),
        Action::Home => Some(ReviewItem::Question(0)),
        Action::End => Some(ReviewItem::Submit),
        _ => None,
    };
    if let Some(item) = moved {
        app.screen = Screen::Review { selected: item };
        return;
    }
    match action {
        Action::Choose | Action::Confirm => match selected {
            ReviewItem::Question(i) => {
                app.session.go_to(i);
                app.open_question();
                app.back_to_review = true;
            }
            ReviewItem::Submit => submit(app, fx),
        },
        Action::Submit => submit(app, fx),
        Action::Review | Action::Back | Action::Erase => app.open_question(),
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Quit => app.ask_to_quit(),
        _ => {}
    }
}

/// Submits, asking first when questions are unanswered.
fn submit(app: &mut App<'_>, fx: &mut Effects) {
    let p = app.session.total_progress();
    if p.is_complete() {
        submit_now(app, fx);
    } else {
        app.overlay = Some(Overlay::ConfirmSubmit { unanswered: p.shown - p.answered });
    }
}

fn submit_now(app: &mut App<'_>, fx: &mut Effects) {
    if !matches!(app.screen, Screen::Review { .. }) {
        app.open_review(None);
    }
    fx.score = true;
    fx.save = true;
}

pub(super) fn results_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let Screen::Results { scroll, .. } = &mut app.screen else { return };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::Home => *scroll = 0,
        Action::Confirm | Action::Choose | Action::Quit => fx.exit = Some(Exit::Finish),
        Action::Review | Action::Back | Action::Erase => app.open_review(None),
        _ => {}
    }
}
