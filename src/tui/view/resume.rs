//! The offer to continue a saved interview: each one with whose it is, how
//! far it got and when it was saved, then "Start a new interview". A list
//! longer than the screen scrolls to keep the highlighted one in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::start::{column, intro};
use super::theme::Theme;
use super::wrap::{truncate, width, wrap};
use crate::tui::app::{App, Offer, whose};

pub fn render_resume(frame: &mut Frame, area: Rect, app: &App<'_>, selected: usize, theme: &Theme) {
    let area = column(area);
    let w = area.width as usize;
    let mut head = intro(app, w, false, theme);
    head.push(Line::raw(""));
    let n = app.offers().len();
    let what = if n == 1 { "an unfinished interview".to_string() } else { format!("{n} unfinished interviews") };
    let heading = format!("You have {what} for this questionnaire. Continue?");
    head.extend(wrap(&heading, w).into_iter().map(|l| Line::styled(l, theme.strong())));
    head.push(Line::raw(""));
    let note = "A new interview is saved beside these: each is kept until its own interview is submitted.";
    let mut foot = vec![Line::raw("")];
    foot.extend(wrap(note, w).into_iter().map(|l| Line::styled(l, theme.dim())));

    let mut items: Vec<Vec<Line<'static>>> =
        app.offers().iter().enumerate().map(|(k, offer)| offer_lines(offer, k == selected, w, theme)).collect();
    items.push(vec![choice_line("Start a new interview", selected == n, w, theme)]);
    let room = (area.height as usize).saturating_sub(head.len() + foot.len());
    let mut lines = head;
    lines.extend(in_view(items, selected, room, theme));
    lines.extend(foot);
    frame.render_widget(Paragraph::new(lines), area);
}

/// An offered interview: whose, then how far and when.
fn offer_lines(offer: &Offer, selected: bool, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let detail = offer.progress_and_time();
    vec![
        choice_line(&whose(&offer.saved.draft.answers), selected, w, theme),
        Line::styled(format!("     {}", truncate(&detail, w.saturating_sub(5))), theme.dim()),
    ]
}

/// The items that fit in `room` lines, the selected one among them, with a
/// line saying how many more there are above and below when some are cut.
fn in_view(items: Vec<Vec<Line<'static>>>, selected: usize, room: usize, theme: &Theme) -> Vec<Line<'static>> {
    let heights: Vec<usize> = items.iter().map(Vec::len).collect();
    if heights.iter().sum::<usize>() <= room {
        return items.into_iter().flatten().collect();
    }
    let budget = room.saturating_sub(2);
    let mut start = 0;
    while start < selected && heights[start..=selected].iter().sum::<usize>() > budget {
        start += 1;
    }
    let (mut end, mut used) = (start, 0);
    while end < items.len() && used + heights[end] <= budget {
        used += heights[end];
        end += 1;
    }
    let end = end.max(selected + 1).min(items.len());
    let total = items.len();
    let mut lines = Vec::new();
    if start > 0 {
        lines.push(Line::styled(format!("   ↑ {start} more"), theme.dim()));
    }
    lines.extend(items.into_iter().skip(start).take(end - start).flatten());
    if end < total {
        lines.push(Line::styled(format!("   ↓ {} more", total - end), theme.dim()));
    }
    lines
}

fn choice_line(text: &str, selected: bool, w: usize, theme: &Theme) -> Line<'static> {
    let text = truncate(text, w.saturating_sub(3));
    if selected {
        let pad = w.saturating_sub(width(&text) + 3);
        Line::from(vec![
            Span::styled("› ", theme.key()),
            Span::styled(format!(" {text}{}", " ".repeat(pad)), theme.selected()),
        ])
    } else {
        Line::raw(format!("   {text}"))
    }
}
