//! The offer to continue a saved interview: each one with whose it is, how
//! far it got, when it was saved and the round it is filed under, then
//! "Start a new interview". A list longer than the screen scrolls to keep
//! the highlighted one in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::start::{column, intro, tight_column};
use super::theme::Theme;
use super::wrap::{width, wrap};
use crate::tui::app::{App, Offer, filed_under, whose};

pub fn render_resume(frame: &mut Frame, area: Rect, app: &App<'_>, selected: usize, theme: &Theme) {
    let roomy = column(area);
    let w = roomy.width as usize;
    let n = app.offers().len();
    let what = if n == 1 { "an unfinished interview".to_string() } else { format!("{n} unfinished interviews") };
    let heading = format!("You have {what} for this questionnaire. Continue?");
    let mut question: Vec<Line<'static>> =
        wrap(&heading, w).into_iter().map(|l| Line::styled(l, theme.strong())).collect();
    question.push(Line::raw(""));
    let note = "A new interview is saved beside these: each is kept until its own interview is submitted.";
    let mut foot = vec![Line::raw("")];
    foot.extend(wrap(note, w).into_iter().map(|l| Line::styled(l, theme.dim())));

    let mut items: Vec<Vec<Line<'static>>> =
        app.offers().iter().enumerate().map(|(k, offer)| offer_lines(offer, k == selected, w, theme)).collect();
    items.push(choice_lines("Start a new interview", selected == n, w, theme));
    // The selected item and a line each for "more above" and "below" must
    // fit: the note goes first when space is short, then the introduction
    // and the margin.
    let wanted = items.get(selected).map_or(1, Vec::len) + 2;
    let mut intro = intro(app, w, false, theme);
    intro.push(Line::raw(""));
    let fits = |head: usize, foot: usize, height: u16| head + foot + wanted <= height as usize;
    let (area, head, foot) = if fits(intro.len() + question.len(), foot.len(), roomy.height) {
        (roomy, [intro, question].concat(), foot)
    } else if fits(intro.len() + question.len(), 0, roomy.height) {
        (roomy, [intro, question].concat(), Vec::new())
    } else {
        (tight_column(area), question, Vec::new())
    };
    let room = (area.height as usize).saturating_sub(head.len() + foot.len());
    let mut lines = head;
    lines.extend(in_view(items, selected, room, theme));
    lines.extend(foot);
    frame.render_widget(Paragraph::new(lines), area);
}

/// An offered interview: whose, then how far and when, and the round and
/// day it is filed under if they were given.
fn offer_lines(offer: &Offer, selected: bool, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let answers = &offer.saved.draft.answers;
    let mut lines = choice_lines(&whose(answers), selected, w, theme);
    let details = [Some(offer.progress_and_time()), filed_under(answers)];
    for detail in details.into_iter().flatten() {
        lines.extend(
            wrap(&detail, w.saturating_sub(5)).into_iter().map(|l| Line::styled(format!("     {l}"), theme.dim())),
        );
    }
    lines
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

/// A choice, wrapped under itself; the selected one highlighted.
fn choice_lines(text: &str, selected: bool, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    wrap(text, w.saturating_sub(3))
        .into_iter()
        .enumerate()
        .map(|(k, text)| {
            let mark = if selected && k == 0 { "› " } else { "  " };
            if selected {
                let pad = w.saturating_sub(width(&text) + 3);
                Line::from(vec![
                    Span::styled(mark, theme.key()),
                    Span::styled(format!(" {text}{}", " ".repeat(pad)), theme.selected()),
                ])
            } else {
                Line::raw(format!("   {text}"))
            }
        })
        .collect()
}
