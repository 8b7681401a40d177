//! The review screen: every shown question with its answer, unanswered
//! ones marked, grouped by area, and the submit button at the end. Only the
//! window around the selection is laid out, however long the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::question::spread;
use super::theme::Theme;
use super::wrap::{truncate, width};
use crate::core::answers::Answer;
use crate::core::text::one_line;
use crate::tui::app::{App, ReviewItem};

pub fn render(frame: &mut Frame, area: Rect, app: &App<'_>, selected: ReviewItem, theme: &Theme) {
    let area = Rect { x: area.x + 1, width: area.width.saturating_sub(2).min(110), ..area };
    let w = area.width as usize;
    let p = app.session().total_progress();
    let missing = p.shown - p.answered;
    let status = if missing == 0 {
        format!("all {} answered", p.shown)
    } else {
        format!("{} of {} answered · {missing} open", p.answered, p.shown)
    };
    let mut lines = vec![spread("Review your answers", &status, w, theme), Line::raw("")];
    let room = (area.height as usize).saturating_sub(lines.len());
    lines.extend(window(app, selected, room, w, theme));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The lines of the items around `selected` that fit in `room` lines.
fn window(app: &App<'_>, selected: ReviewItem, room: usize, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let s = &app.session();
    let before = |item: ReviewItem| match item {
        ReviewItem::Question(i) => s.previous_visible(i).map(ReviewItem::Question),
        ReviewItem::Submit => s.previous_visible(s.questionnaire().questions.len()).map(ReviewItem::Question),
    };
    // Start a third of the way up, then further if the end leaves room.
    let mut start = selected;
    let mut used = item_lines(app, selected, None, false, w, theme).len();
    while let Some(prev) = before(start) {
        let cost = item_lines(app, prev, before(prev), false, w, theme).len();
        if used + cost > room / 3 {
            break;
        }
        used += cost;
        start = prev;
    }
    let (mut lines, reached_end) = fill(app, start, selected, room, w, theme);
    // Near the end of the list, pull earlier items in to fill the space.
    if reached_end {
        while let Some(prev) = before(start) {
            let (more, reached) = fill(app, prev, selected, room, w, theme);
            if !reached {
                break;
            }
            (lines, start) = (more, prev);
        }
    }
    lines
}

/// Lays out items from `start` until `room` lines are used; says whether
/// the end of the list was reached.
fn fill(
    app: &App<'_>,
    start: ReviewItem,
    selected: ReviewItem,
    room: usize,
    w: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, bool) {
    let s = &app.session();
    let mut lines = Vec::new();
    let mut item = Some(start);
    let mut previous: Option<ReviewItem> = None;
    while let Some(current) = item {
        let mut more = item_lines(app, current, previous, current == selected, w, theme);
        if previous.is_none() && !more.is_empty() && more[0].spans.is_empty() {
            more.remove(0);
        }
        if lines.len() + more.len() > room {
            return (lines, false);
        }
        lines.extend(more);
        previous = Some(current);
        item = match current {
            ReviewItem::Question(i) => Some(s.next_visible(i).map_or(ReviewItem::Submit, ReviewItem::Question)),
            ReviewItem::Submit => None,
        };
    }
    (lines, true)
}

/// One item's lines: an area heading when the area changes, the question,
/// its answer; or the submit button.
fn item_lines(
    app: &App<'_>,
    item: ReviewItem,
    previous: Option<ReviewItem>,
    selected: bool,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let highlight = |text: String| {
        let pad = w.saturating_sub(width(&text) + 2);
        if selected {
            Line::from(vec![
                Span::styled("› ", theme.key()),
                Span::styled(format!("{text}{}", " ".repeat(pad)), theme.selected()),
            ])
        } else {
            Line::from(vec![Span::raw("  "), Span::styled(text, theme.strong())])
        }
    };
    let ReviewItem::Question(i) = item else {
        return vec![Line::raw(""), highlight("Submit and see the result".to_string())];
    };
    let question = &q.questions[i];
    let mut lines = Vec::new();
    let new_area = match previous {
        Some(ReviewItem::Question(p)) => q.questions[p].area != question.area,
        _ => true,
    };
    if new_area {
        lines.push(Line::raw(""));
        lines.push(Line::styled(truncate(&one_line(&q.areas[question.area].title), w), theme.heading()));
    }
    lines.push(highlight(truncate(&one_line(&question.text), w.saturating_sub(2))));
    let (mark, text, style) = match app.session().answer(i) {
        None => ("!", "Not answered yet".to_string(), theme.warning()),
        Some(Answer::DontKnow) => ("?", "Don't know".to_string(), theme.warning()),
        Some(a) => ("✓", one_line(&a.describe(question)).into_owned(), Style::new()),
    };
    let note = if app.session().note(i).is_some() { "  ✎ note" } else { "" };
    let text = truncate(&text, w.saturating_sub(6 + width(note)));
    lines.push(Line::from(vec![
        Span::raw("    "),
        Span::styled(format!("{mark} "), if style == Style::new() { theme.good() } else { style }),
        Span::styled(text, style),
        Span::styled(note.to_string(), theme.dim()),
    ]));
    lines
}
