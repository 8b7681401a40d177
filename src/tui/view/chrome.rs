//! The frame around every screen: the title bar, the message line, the
//! progress bar and the key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::hints::hints;
use super::theme::Theme;
use super::wrap::{shorten, width, wrap};
use crate::core::text::one_line;
use crate::tui::app::App;

/// Title bar: the tool and questionnaire on the left, who is answering on
/// the right.
pub fn header(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let q = app.questionnaire();
    let answers = app.session().answers();
    let who: Vec<String> = [&answers.organization, &answers.respondent, &answers.role]
        .into_iter()
        .flatten()
        .map(|s| one_line(s).into_owned())
        .collect();
    let right = shorten(&who.join(" · "), area.width as usize / 2);
    let left_room = (area.width as usize).saturating_sub(width(&right) + 3);
    let left = shorten(&format!(" crm-ready · {}", one_line(&q.title)), left_room);
    let pad = (area.width as usize).saturating_sub(width(&left) + width(&right) + 1);
    let line = Line::from(vec![Span::raw(left), Span::raw(" ".repeat(pad)), Span::raw(right), Span::raw(" ")]);
    frame.render_widget(Paragraph::new(line).style(theme.bar()), area);
}

/// Most lines a message takes.
const MESSAGE_LINES: usize = 2;

/// The message's lines at this width.
fn message_lines(app: &App<'_>, width: u16) -> Vec<String> {
    let Some(m) = app.message() else { return Vec::new() };
    let mark = if m.warning { "! " } else { "" };
    let mut lines = wrap(&format!("{mark}{}", one_line(&m.text)), (width as usize).saturating_sub(2));
    if lines.len() > MESSAGE_LINES {
        lines.truncate(MESSAGE_LINES);
        let last = lines.pop().unwrap_or_default();
        lines.push(shorten(&format!("{last} …"), (width as usize).saturating_sub(2)));
    }
    lines
}

/// How many lines the message under the screen needs.
pub fn message_height(app: &App<'_>, width: u16) -> u16 {
    message_lines(app, width).len() as u16
}

/// The message from the last key, if any.
pub fn message(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let warning = app.message().is_some_and(|m| m.warning);
    let style = if warning { theme.warning() } else { theme.heading() };
    let lines: Vec<Line> =
        message_lines(app, area.width).into_iter().map(|l| Line::styled(format!(" {l}"), style)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Overall progress: a bar and "5 of 14 answered".
pub fn progress(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let p = app.session().total_progress();
    let label = format!(" {} of {} answered ({}%) ", p.answered, p.shown, p.percent());
    let bar_width = (area.width as usize).saturating_sub(width(&label) + 1);
    let filled = (bar_width * p.answered).checked_div(p.shown).unwrap_or(bar_width).min(bar_width);
    let (full, empty) = if theme.color { ("━", "─") } else { ("█", "░") };
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(full.repeat(filled), theme.bar_fill()),
        Span::styled(empty.repeat(bar_width - filled), theme.dim()),
        Span::styled(label, theme.strong()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The keys that matter now, as many as fit, most important first.
pub fn key_hints(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let all = hints(app);
    let room = (area.width as usize).saturating_sub(1);
    let mut keep = vec![false; all.len()];
    let mut used = 0;
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].priority);
    for i in order {
        let w = width(all[i].key) + 1 + width(all[i].label) + 2;
        if used + w <= room {
            keep[i] = true;
            used += w;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (hint, _) in all.iter().zip(&keep).filter(|(_, k)| **k) {
        spans.push(Span::styled(hint.key, theme.key()));
        spans.push(Span::styled(format!(" {}  ", hint.label), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
