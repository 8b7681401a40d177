//! The areas down the left, each with how many of its questions are
//! answered; the current one marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::question::SIDE_HELP_FROM;
use super::theme::Theme;
use super::wrap::{truncate, width};
use crate::core::text::one_line;
use crate::tui::app::App;

/// Narrowest the sidebar is.
const NARROWEST: u16 = 26;

/// How wide the sidebar is in a body `body_width` wide: as wide as the
/// longest area title with its count needs, so that no title is cut where
/// there is room, but never more than a third of the width (nor less than
/// [`NARROWEST`]), and never so wide that the help no longer fits beside
/// the question when it otherwise would: the question keeps the rest.
pub fn width_for(app: &App<'_>, body_width: u16) -> u16 {
    let q = app.questionnaire();
    let count = (0..q.areas.len())
        .map(|a| app.session().area_progress(a))
        .map(|p| width(&format!("{}/{}", p.answered, p.shown)))
        .max()
        .unwrap_or(0);
    let title = q.areas.iter().map(|a| width(&one_line(&a.title))).max().unwrap_or(0);
    // " › " before the title, a space and the count after, the border.
    let wanted = u16::try_from(title + count + 5).unwrap_or(u16::MAX);
    let mut widest = body_width / 3;
    if body_width.saturating_sub(NARROWEST) >= SIDE_HELP_FROM {
        widest = widest.min(body_width - SIDE_HELP_FROM);
    }
    wanted.clamp(NARROWEST, widest.max(NARROWEST))
}

pub fn render(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let block = Block::new().borders(Borders::RIGHT).border_style(theme.dim());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let q = app.questionnaire();
    let current = app.session().current_question().area;
    let room = inner.height.saturating_sub(2) as usize;
    // Keep the current area in view when there are more than fit.
    let first = current.saturating_sub(room / 2).min(q.areas.len().saturating_sub(room));
    let mut lines = vec![Line::from(Span::styled(" Areas", theme.heading())), Line::raw("")];
    let shown = first..(first + room).min(q.areas.len());
    let counts: Vec<String> =
        shown.clone().map(|a| app.session().area_progress(a)).map(|p| format!("{}/{}", p.answered, p.shown)).collect();
    let count_width = counts.iter().map(|c| width(c)).max().unwrap_or(0);
    for ((a, area_def), count) in shown.map(|a| (a, &q.areas[a])).zip(counts) {
        let p = app.session().area_progress(a);
        let count = format!("{count:>count_width$}");
        let (mark, mark_style) = match () {
            _ if a == current => ("›", theme.heading()),
            _ if p.shown > 0 && p.is_complete() => ("✓", theme.good()),
            _ => (" ", theme.dim()),
        };
        let name_room = (inner.width as usize).saturating_sub(width(&count) + 4);
        let name = truncate(&one_line(&area_def.title), name_room);
        let pad = name_room.saturating_sub(width(&name));
        let name_style = if a == current {
            theme.strong()
        } else if p.shown == 0 {
            theme.dim()
        } else {
            Default::default()
        };
        lines.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(mark, mark_style),
            Span::raw(" "),
            Span::styled(name, name_style),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(count, theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
