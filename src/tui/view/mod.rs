//! Drawing the app: `render(frame, &app)` never changes the app. Works on
//! any ratatui backend, so tests draw into a `TestBackend`.

mod chrome;
mod hints;
mod overlay;
mod question;
mod results;
mod resume;
mod review;
mod sidebar;
mod start;
mod theme;
mod too_small;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

pub use theme::Theme;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen};

/// The sidebar shows from this width on.
const SIDEBAR_FROM: u16 = 70;

pub fn render(frame: &mut Frame, app: &App<'_>) {
    let area = frame.area();
    let theme = Theme { color: app.color() };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small::render(frame, area, &theme);
        return;
    }
    let with_progress = matches!(app.screen(), Screen::Question | Screen::Review { .. });
    let [header, body, message, progress, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(chrome::message_height(app, area.width)),
        Constraint::Length(u16::from(with_progress)),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, app, &theme);
    let body = Rect { y: body.y + 1, height: body.height.saturating_sub(1), ..body };
    match app.screen() {
        Screen::Resume { selected } => resume::render_resume(frame, body, app, *selected, &theme),
        Screen::Start(form) => start::render_start(frame, body, app, form, &theme),
        Screen::Question => {
            if body.width >= SIDEBAR_FROM {
                let side = sidebar::width_for(app, body.width);
                let [left, right] = Layout::horizontal([Constraint::Length(side), Constraint::Fill(1)]).areas(body);
                sidebar::render(frame, left, app, &theme);
                question::render(frame, right, app, &theme);
            } else {
                question::render(frame, body, app, &theme);
            }
        }
        Screen::Review { selected } => review::render(frame, body, app, *selected, &theme),
        Screen::Results { assessment, scroll } => results::render(frame, body, assessment, *scroll, &theme),
    }
    chrome::message(frame, message, app, &theme);
    if with_progress {
        chrome::progress(frame, progress, app, &theme);
    }
    chrome::key_hints(frame, hints, app, &theme);
    if let Some(o) = app.overlay() {
        frame.buffer_mut().set_style(area, theme.backdrop());
        overlay::render(frame, area, app, o, &theme);
    }
}
