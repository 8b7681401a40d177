//! The start form: the questionnaire's description, then the optional
//! organisation, respondent, role and stakeholder group.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::wrap::{fit, tail, truncate, width, wrap};
use crate::core::text::{one_line, sanitize};
use crate::tui::app::{App, StartForm};

/// The form and the offer are centred in a column of at most this width.
const COLUMN: u16 = 76;

pub(super) fn column(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(COLUMN);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + 1, width: w, height: area.height.saturating_sub(1) }
}

/// The questionnaire's title, description (if `described`) and size.
pub(super) fn intro(app: &App<'_>, w: usize, described: bool, theme: &Theme) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let mut lines = vec![Line::styled(truncate(&one_line(&q.title), w), theme.heading())];
    if let Some(d) = q.description.as_ref().filter(|_| described) {
        lines.extend(wrap(&sanitize(d), w).into_iter().map(Line::raw));
    }
    let minutes = q.minutes.map(|m| format!("About {m} minutes · ")).unwrap_or_default();
    let size = format!("{minutes}{} areas · {}", q.areas.len(), q.counts().describe());
    lines.extend(wrap(&size, w).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

pub fn render_start(frame: &mut Frame, area: Rect, app: &App<'_>, form: &StartForm, theme: &Theme) {
    let area = column(area);
    let w = area.width as usize;
    let mut lines = intro(app, w, true, theme);
    lines.push(Line::raw(""));
    lines.push(Line::styled("Who is this assessment for?", theme.strong()));
    lines.push(Line::styled("All optional: leave a line blank and press Enter to skip it.", theme.dim()));
    lines.push(Line::raw(""));
    let field_width = w.saturating_sub(LABEL_WIDTH + 4).max(8);
    let mut cursor = None;
    for (k, (label, field)) in ["Organisation", "Your name", "Your role"].iter().zip(form.fields()).enumerate() {
        let focused = form.focus() == k;
        let shown = if focused {
            let before: String = field.text().chars().take(field.cursor()).collect();
            let after: String = field.text().chars().skip(field.cursor()).collect();
            let head = tail(&before, field_width - 1);
            let x = area.x + 2 + LABEL_WIDTH as u16 + width(&head) as u16;
            cursor = Some((x, area.y + lines.len() as u16));
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
    lines.push(group_line(form, theme));
    lines.push(Line::raw(""));
    let begin = "Begin the interview →";
    lines.push(if form.focus() == StartForm::BEGIN {
        Line::from(vec![Span::styled("› ", theme.key()), Span::styled(begin, theme.selected())])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(begin, theme.strong())])
    });
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(pos) = cursor.filter(|&(x, y)| x < area.right() && y < area.bottom()) {
        frame.set_cursor_position(pos);
    }
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

/// The group line: a choice stepped through with ← and →.
fn group_line(form: &StartForm, theme: &Theme) -> Line<'static> {
    let focused = form.focus() == StartForm::GROUP;
    let value = match (form.group(), focused) {
        (group, true) => vec![
            Span::styled(format!("‹ {} ›", group.map_or("none", |g| g.title())), theme.selected()),
            Span::styled("  ← → management, IT, users, owners", theme.dim()),
        ],
        (Some(g), false) => vec![Span::styled(g.title(), Style::new().add_modifier(Modifier::UNDERLINED))],
        (None, false) => vec![Span::styled("(optional)", theme.dim())],
    };
    form_line("Your group", focused, value, theme)
}
