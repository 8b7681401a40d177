//! The start form: the questionnaire's description, then the optional
//! organisation, respondent, role and stakeholder group, and the round the
//! interview is filed under. On a small terminal the description goes
//! first, then the title and the margin, and what is left scrolls to keep
//! the focused line in view.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::wrap::{fit, tail, truncate, width, wrap};
use crate::core::history::quarter_label;
use crate::core::text::{one_line, sanitize};
use crate::tui::app::{App, StartForm};

/// The form and the offer are centred in a column of at most this width.
const COLUMN: u16 = 76;

/// The column, a line below the top of `area`.
pub(super) fn column(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(COLUMN);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + 1, width: w, height: area.height.saturating_sub(1) }
}

/// The same column without the line above it, for when space is short.
pub(super) fn tight_column(area: Rect) -> Rect {
    Rect { y: area.y, height: area.height, ..column(area) }
}

/// The questionnaire's title, description (if `described`) and size.
pub(super) fn intro(app: &App<'_>, w: usize, described: bool, theme: &Theme) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let mut lines: Vec<Line<'static>> =
        wrap(&one_line(&q.title), w).into_iter().map(|l| Line::styled(l, theme.heading())).collect();
    if let Some(d) = q.description.as_ref().filter(|_| described) {
        lines.extend(wrap(&sanitize(d), w).into_iter().map(Line::raw));
    }
    let minutes = q.minutes.map(|m| format!("About {m} minutes · ")).unwrap_or_default();
    let size = format!("{minutes}{} areas · {}", q.areas.len(), q.counts().describe());
    lines.extend(wrap(&size, w).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

/// The form's lines, which of them the focused item covers, and where the
/// text cursor stands (column, line).
struct FormLines {
    lines: Vec<Line<'static>>,
    focus: Range<usize>,
    cursor: Option<(u16, usize)>,
}

pub fn render_start(frame: &mut Frame, area: Rect, app: &App<'_>, form: &StartForm, theme: &Theme) {
    let roomy = column(area);
    let w = roomy.width as usize;
    let body = form_lines(app, form, w, theme);
    // The most of the introduction that fits with the whole form.
    let with_intro = |described: bool| {
        let mut lines = intro(app, w, described, theme);
        lines.push(Line::raw(""));
        lines
    };
    let (head, area) = [with_intro(true), with_intro(false)]
        .into_iter()
        .find(|head| head.len() + body.lines.len() <= roomy.height as usize)
        .map_or_else(|| (Vec::new(), tight_column(area)), |head| (head, roomy));
    let focus = head.len() + body.focus.start..head.len() + body.focus.end;
    let offset = scroll_to(focus, area.height as usize);
    let mut lines = head;
    let cursor = body.cursor.map(|(x, y)| (x, y + lines.len()));
    lines.extend(body.lines);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), area);
    let cursor = cursor.and_then(|(x, y)| Some((area.x + x, area.y + u16::try_from(y.checked_sub(offset)?).ok()?)));
    if let Some(pos) = cursor.filter(|&(x, y)| x < area.right() && y < area.bottom()) {
        frame.set_cursor_position(pos);
    }
}

/// How far to scroll `height` lines so that the lines `focus` covers are
/// in view (its first line, when they are more than fit).
fn scroll_to(focus: Range<usize>, height: usize) -> usize {
    focus.end.saturating_sub(height).min(focus.start)
}

/// The form itself: the heading, the fields, the group, where the
/// interview is filed, and "Begin".
fn form_lines(app: &App<'_>, form: &StartForm, w: usize, theme: &Theme) -> FormLines {
    let mut lines: Vec<Line<'static>> =
        wrap("Who is this assessment for?", w).into_iter().map(|l| Line::styled(l, theme.strong())).collect();
    let optional = "All optional: leave a line blank and press Enter to skip it.";
    lines.extend(wrap(optional, w).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines.push(Line::raw(""));
    let field_width = w.saturating_sub(LABEL_WIDTH + 4).max(8);
    let (mut focus, mut cursor) = (0..0, None);
    for (k, (label, field)) in ["Organisation", "Your name", "Your role"].iter().zip(form.fields()).enumerate() {
        let focused = form.focus() == k;
        let shown = if focused {
            let before: String = field.text().chars().take(field.cursor()).collect();
            let after: String = field.text().chars().skip(field.cursor()).collect();
            let head = tail(&before, field_width - 1);
            cursor = Some(((2 + LABEL_WIDTH + width(&head)) as u16, lines.len()));
            focus = lines.len()..lines.len() + 1;
            truncate(&(head + &after), field_width)
        } else if field.text().is_empty() {
            String::new()
        } else {
            truncate(field.text(), field_width)
        };
        let pad = field_width.saturating_sub(width(&shown));
        let field = if focused || !shown.is_empty() {
            let style = if focused { theme.selected() } else { Style::new().add_modifier(Modifier::UNDERLINED) };
            Span::styled(format!("{shown}{}", " ".repeat(pad)), style)
        } else {
            Span::styled("(optional)", theme.dim())
        };
        lines.push(form_line(label, focused, vec![field], theme));
    }
    let group = group_lines(form, w, theme);
    if form.focus() == StartForm::GROUP {
        focus = lines.len()..lines.len() + group.len();
    }
    lines.extend(group);
    lines.extend(filed_under(app, w, theme));
    lines.push(Line::raw(""));
    let begin = "Begin the interview →";
    if form.focus() == StartForm::BEGIN {
        focus = lines.len()..lines.len() + 1;
    }
    lines.push(if form.focus() == StartForm::BEGIN {
        Line::from(vec![Span::styled("› ", theme.key()), Span::styled(begin, theme.selected())])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(begin, theme.strong())])
    });
    FormLines { lines, focus, cursor }
}

/// The width of the form's labels.
const LABEL_WIDTH: usize = 14;

/// A line of the form: the focus mark, the label, then what it holds.
fn form_line(label: &str, focused: bool, value: Vec<Span<'static>>, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::styled(if focused { "› " } else { "  " }, theme.key()),
        Span::styled(fit(label, LABEL_WIDTH), if focused { theme.strong() } else { Style::new() }),
    ];
    spans.extend(value);
    Line::from(spans)
}

/// The group line, a choice stepped through with ← and →; when focused,
/// the choices beside it, or under it where the line is too narrow.
fn group_lines(form: &StartForm, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let focused = form.focus() == StartForm::GROUP;
    let choices = "← → management, IT, users, owners";
    let value = match (form.group(), focused) {
        (group, true) => vec![Span::styled(format!("‹ {} ›", group.map_or("none", |g| g.title())), theme.selected())],
        (Some(g), false) => vec![Span::styled(g.title(), Style::new().add_modifier(Modifier::UNDERLINED))],
        (None, false) => vec![Span::styled("(optional)", theme.dim())],
    };
    let used = 2 + LABEL_WIDTH + value.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut line = form_line("Your group", focused, value, theme);
    if !focused {
        return vec![line];
    }
    if used + 2 + width(choices) <= w {
        line.spans.push(Span::styled(format!("  {choices}"), theme.dim()));
        return vec![line];
    }
    let indent = " ".repeat(2 + LABEL_WIDTH);
    let mut lines = vec![line];
    lines.extend(
        wrap(choices, w.saturating_sub(indent.len()))
            .into_iter()
            .map(|l| Line::styled(format!("{indent}{l}"), theme.dim())),
    );
    lines
}

/// The round and the day the interview is filed under: those given
/// (`--label`, `--date`), else this quarter and today.
fn filed_under(app: &App<'_>, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let details = app.details();
    let round = match (&details.label, details.assessed_at.or(app.today())) {
        (Some(label), _) => format!("round {}", one_line(label)),
        (None, Some(at)) => format!("round {}", quarter_label(at)),
        (None, None) => "this quarter's round".to_string(),
    };
    let held = details.assessed_at.map_or_else(|| "today".to_string(), |at| at.strftime("%Y-%m-%d").to_string());
    let text = format!("{round} · held {held}");
    let indent = " ".repeat(2 + LABEL_WIDTH);
    wrap(&text, w.saturating_sub(indent.len()).max(8))
        .into_iter()
        .enumerate()
        .map(|(k, l)| match k {
            0 => form_line("Filed under", false, vec![Span::styled(l, theme.dim())], theme),
            _ => Line::styled(format!("{indent}{l}"), theme.dim()),
        })
        .collect()
}
