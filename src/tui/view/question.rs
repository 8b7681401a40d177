//! The question screen's main part: the question, its rows (choices, scale
//! steps, an entry line, "don't know"), the note, and the help panel.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};

use super::theme::Theme;
use super::wrap::{shorten, width, wrap};
use crate::core::answers::{Answer, format_number};
use crate::core::questionnaire::{Kind, Question};
use crate::core::session::number_range;
use crate::core::text::{one_line, sanitize};
use crate::tui::app::App;
use crate::tui::rows::{Row, key_label, listed_steps};

/// From this width (of the question's part of the screen) on, the help
/// panel sits beside the question.
pub(super) const SIDE_HELP_FROM: u16 = 84;
/// The question column never gets wider than this: long lines tire the eye.
const MAX_TEXT_WIDTH: u16 = 100;

pub fn render(frame: &mut Frame, area: Rect, app: &App<'_>, theme: &Theme) {
    let side_help = area.width >= SIDE_HELP_FROM;
    let [main, side] = if side_help {
        let help_width = (area.width * 2 / 5).clamp(30, 56);
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(help_width)]).areas(area)
    } else {
        [area, Rect::default()]
    };
    let main = Rect { x: main.x + 1, width: main.width.saturating_sub(2).min(MAX_TEXT_WIDTH), ..main };
    let w = main.width as usize;
    let height = main.height as usize;
    let (mut lines, cursor) = question_lines(app, w, theme);
    if !side_help {
        // Below the rows: as much of the help as fits, pointing at `?` for the rest.
        let help = help_lines(app, w, false, theme);
        let room = height.saturating_sub(lines.len() + 1);
        let more = Line::from(vec![
            Span::styled("Press ", theme.dim()),
            Span::styled("?", theme.key()),
            Span::styled(" for the rest, and every key.", theme.dim()),
        ]);
        if help.len() <= room {
            lines.push(Line::raw(""));
            lines.extend(help);
        } else if room >= 4 {
            lines.push(Line::raw(""));
            let mut shown: Vec<Line> = help.into_iter().take(room - 1).collect();
            if let Some(last) = shown.pop() {
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                shown.push(Line::styled(shorten(&format!("{text} …"), w), theme.dim()));
            }
            lines.extend(shown);
            lines.push(more);
        } else if room >= 1 {
            lines.push(Line::raw(""));
            lines.push(more);
        }
    }
    // Scroll only when the highlighted row would fall off the bottom; when
    // rows are cut off below, the last line says so.
    let more_below = lines.len() > cursor.end.saturating_sub(height) + height && height > 1;
    let visible = if more_below { height - 1 } else { height };
    let offset = cursor.end.saturating_sub(visible);
    let rows_area = Rect { height: visible as u16, ..main };
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), rows_area);
    if more_below {
        let last = Rect { y: main.y + visible as u16, height: 1, ..main };
        frame.render_widget(Paragraph::new(Line::styled("  \u{2193} more", theme.dim())), last);
    }
    if side_help {
        let block = Block::new().borders(Borders::LEFT).border_style(theme.dim()).padding(Padding::horizontal(1));
        let inner = block.inner(side);
        frame.render_widget(block, side);
        frame.render_widget(Paragraph::new(help_lines(app, inner.width as usize, true, theme)), inner);
    }
}

/// The question and its rows, and which lines the highlighted row covers.
fn question_lines(app: &App<'_>, w: usize, theme: &Theme) -> (Vec<Line<'static>>, Range<usize>) {
    let q = app.questionnaire();
    let question = app.session().current_question();
    let (n, of) = app.session().place_in_area();
    let mut lines = vec![spread(&one_line(&q.areas[question.area].title), &format!("Question {n} of {of}"), w, theme)];
    lines.push(Line::raw(""));
    for l in wrap(&sanitize(&question.text), w) {
        lines.push(Line::styled(l, theme.strong()));
    }
    for l in wrap(&kind_hint(question), w) {
        lines.push(Line::styled(l, theme.dim()));
    }
    lines.push(Line::raw(""));
    let mut cursor = 0..0;
    for (r, row) in app.current_rows().into_iter().enumerate() {
        let start = lines.len();
        lines.extend(row_lines(app, question, row, r == app.cursor(), w, theme));
        if r == app.cursor() {
            cursor = start..lines.len();
        }
    }
    if !app.typed().is_empty() && question.kind.has_choices() {
        lines.push(Line::styled(
            format!("  Typed {}: press Enter to pick it, or type another digit.", app.typed()),
            theme.dim(),
        ));
    }
    if let Some(note) = app.session().note(app.session().current()) {
        lines.push(Line::raw(""));
        for (k, l) in wrap(&format!("Note: {}", one_line(note)), w.saturating_sub(2)).into_iter().enumerate() {
            let mark = if k == 0 { "✎ " } else { "  " };
            lines.push(Line::styled(format!("{mark}{l}"), theme.dim()));
        }
    }
    (lines, cursor)
}

/// How to answer, in one line.
fn kind_hint(question: &Question) -> String {
    match question.kind {
        Kind::Single | Kind::YesNo => "Choose one answer.".to_string(),
        Kind::Multi => "Space ticks or unticks; Continue (or →) moves on.".to_string(),
        Kind::Scale if listed_steps(question).is_some() => {
            format!("Pick a point on the scale ({}).", number_range(question).replace("a whole number ", ""))
        }
        Kind::Text => "Press Enter to write your answer.".to_string(),
        Kind::Scale | Kind::Number => {
            let unit = question.unit.as_deref().map(|u| format!(" ({})", one_line(u))).unwrap_or_default();
            format!("Type {}{unit}, then press Enter.", number_range(question))
        }
    }
}

/// One row: cursor, key, marker, label (wrapped under itself).
fn row_lines(
    app: &App<'_>,
    question: &Question,
    row: Row,
    selected: bool,
    w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let answer = app.session().answer(app.session().current());
    let multi = question.kind == Kind::Multi;
    let on = match (row, answer) {
        (Row::Choice(c), Some(Answer::Text(id))) => question.choices.get(c).is_some_and(|ch| ch.id == *id),
        (Row::Choice(c), Some(Answer::List(ids))) => question.choices.get(c).is_some_and(|ch| ids.contains(&ch.id)),
        (Row::Step(v), Some(Answer::Number(n))) => v == *n,
        (Row::DontKnow, Some(Answer::DontKnow)) => true,
        _ => false,
    };
    let marker = match row {
        Row::Entry | Row::Continue => "",
        _ if multi && on => "[x] ",
        _ if multi => "[ ] ",
        _ if on => "(•) ",
        _ => "( ) ",
    };
    let label = match row {
        Row::Choice(c) => question.choices.get(c).map(|ch| one_line(&ch.label).into_owned()).unwrap_or_default(),
        Row::Step(v) => step_label(question, v),
        Row::DontKnow => "Don't know".to_string(),
        Row::Continue => "Continue →".to_string(),
        Row::Entry => entry_text(app, question),
    };
    let prefix = format!("{} {:>2} {marker}", if selected { "›" } else { " " }, key_label(row));
    let indent = width(&prefix);
    let style = if selected { theme.selected() } else { Style::new() };
    wrap(&label, w.saturating_sub(indent).max(8))
        .into_iter()
        .enumerate()
        .map(|(k, text)| {
            let lead = if k == 0 { prefix.clone() } else { " ".repeat(indent) };
            let pad = w.saturating_sub(indent + width(&text));
            let pad = if selected { " ".repeat(pad) } else { String::new() };
            let key_style = if selected { style } else { theme.key() };
            Line::from(vec![Span::styled(lead, key_style), Span::styled(format!("{text}{pad}"), style)])
        })
        .collect()
}

/// A scale step's label: the end labels, or a band's label where it starts.
fn step_label(question: &Question, v: f64) -> String {
    let end = if Some(v) == question.min {
        question.min_label.as_ref()
    } else if Some(v) == question.max {
        question.max_label.as_ref()
    } else {
        None
    };
    end.or_else(|| question.bands.iter().find(|b| b.from == v).and_then(|b| b.label.as_ref()))
        .map(|s| one_line(s).into_owned())
        .unwrap_or_default()
}

/// The entry line of a number or text question.
fn entry_text(app: &App<'_>, question: &Question) -> String {
    let answer = app.session().answer(app.session().current());
    if question.kind == Kind::Text {
        return match answer {
            Some(Answer::Text(t)) => format!("Your answer: {}", one_line(t)),
            _ => "Your answer: (not written yet; press Enter)".to_string(),
        };
    }
    let unit = question.unit.as_deref().map(|u| format!(" {}", one_line(u))).unwrap_or_default();
    match answer {
        _ if app.editing_number() => format!("Your answer: {}▏{unit}", app.typed()),
        Some(Answer::Number(n)) => format!("Your answer: {}{unit}", format_number(*n)),
        _ => "Your answer: ▏".to_string(),
    }
}

/// The question's help and, with `with_area`, its area's reason.
pub fn help_lines(app: &App<'_>, w: usize, with_area: bool, theme: &Theme) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let question = app.session().current_question();
    let area = &q.areas[question.area];
    let mut lines = vec![Line::styled("Why we ask", theme.heading())];
    lines.extend(wrap(&sanitize(&question.help), w).into_iter().map(|l| Line::styled(l, theme.dim())));
    if !with_area {
        return lines;
    }
    lines.push(Line::raw(""));
    let heading = format!("Why this matters: {}", one_line(&area.title));
    lines.extend(wrap(&heading, w).into_iter().map(|l| Line::styled(l, theme.heading())));
    lines.extend(wrap(&sanitize(&area.why), w).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

/// `left` and `right` on one line, `right` flush with the edge.
pub fn spread(left: &str, right: &str, w: usize, theme: &Theme) -> Line<'static> {
    let left = shorten(left, w.saturating_sub(width(right) + 1));
    let pad = w.saturating_sub(width(&left) + width(right));
    Line::from(vec![
        Span::styled(left, theme.heading()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right.to_string(), theme.dim()),
    ])
}
