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
use super::wrap::{width, wrap};
use crate::core::answers::Answer;
use crate::core::text::one_line;
use crate::tui::app::{App, ReviewItem};

pub fn render(frame: &mut Frame, area: Rect, app: &App<'_>, selected: ReviewItem, theme: &Theme) {
    let area = Rect { x: area.x + 1, width: area.width.saturating_sub(2).min(110), ..area };
    let w = area.width as usize;
    let status = status(app);
    let heading = "Review your answers";
    let mut lines = if width(heading) + 1 + width(&status) <= w {
        vec![spread(heading, &status, w, theme)]
    } else {
        let mut lines = vec![Line::styled(heading, theme.heading())];
        lines.extend(wrap(&status, w).into_iter().map(|l| Line::styled(l, theme.dim())));
        lines
    };
    lines.push(Line::raw(""));
    let room = (area.height as usize).saturating_sub(lines.len());
    lines.extend(window(app, selected, room, w, theme));
    frame.render_widget(Paragraph::new(lines), area);
}

/// How many are answered, how many of those are "don't know", and how
/// many are open: `55 answered, 3 don't know`.
fn status(app: &App<'_>) -> String {
    let s = app.session();
    let p = s.total_progress();
    let dont_know = (0..s.questionnaire().questions.len())
        .filter(|&i| s.is_visible(i) && matches!(s.answer(i), Some(Answer::DontKnow)))
        .count();
    let missing = p.shown - p.answered;
    let answered = match (missing, dont_know) {
        (0, 0) => format!("all {} answered", p.shown),
        (0, _) => format!("{} answered", p.shown),
        _ => format!("{} of {} answered", p.answered, p.shown),
    };
    let dont_know = if dont_know > 0 { format!(", {dont_know} don't know") } else { String::new() };
    let open = if missing > 0 { format!(" · {missing} open") } else { String::new() };
    format!("{answered}{dont_know}{open}")
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
    // Each line of `text`, wrapped under itself, highlighted if selected.
    let highlight = |text: &str| -> Vec<Line<'static>> {
        wrap(text, w.saturating_sub(2))
            .into_iter()
            .enumerate()
            .map(|(k, text)| {
                let pad = w.saturating_sub(width(&text) + 2);
                if selected {
                    let mark = if k == 0 { "› " } else { "  " };
                    Line::from(vec![
                        Span::styled(mark, theme.key()),
                        Span::styled(format!("{text}{}", " ".repeat(pad)), theme.selected()),
                    ])
                } else {
                    Line::from(vec![Span::raw("  "), Span::styled(text, theme.strong())])
                }
            })
            .collect()
    };
    let ReviewItem::Question(i) = item else {
        return [vec![Line::raw("")], highlight("Submit and see the result")].concat();
    };
    let question = &q.questions[i];
    let mut lines = Vec::new();
    let new_area = match previous {
        Some(ReviewItem::Question(p)) => q.questions[p].area != question.area,
        _ => true,
    };
    if new_area {
        lines.push(Line::raw(""));
        let title = wrap(&one_line(&q.areas[question.area].title), w);
        lines.extend(title.into_iter().map(|l| Line::styled(l, theme.heading())));
    }
    lines.extend(highlight(&one_line(&question.text)));
    let (mark, text, style) = match app.session().answer(i) {
        None => ("!", "Not answered yet".to_string(), theme.warning()),
        Some(Answer::DontKnow) => ("?", "Don't know".to_string(), theme.warning()),
        Some(a) => ("✓", one_line(&a.describe(question)).into_owned(), Style::new()),
    };
    let mark_style = if style == Style::new() { theme.good() } else { style };
    let room = w.saturating_sub(6);
    for (k, l) in wrap(&text, room).into_iter().enumerate() {
        let lead = if k == 0 { Span::styled(format!("{mark} "), mark_style) } else { Span::raw("  ") };
        lines.push(Line::from(vec![Span::raw("    "), lead, Span::styled(l, style)]));
    }
    if app.session().note(i).is_some() {
        let note = "  ✎ note";
        let last_width = lines.last().map_or(0, |l| l.spans.iter().skip(2).map(|s| width(&s.content)).sum());
        match lines.last_mut() {
            Some(last) if last_width + width(note) <= room => last.spans.push(Span::styled(note, theme.dim())),
            _ => lines.push(Line::styled(format!("      {}", note.trim_start()), theme.dim())),
        }
    }
    lines
}
