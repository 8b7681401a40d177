//! The first screens: the offer to continue a saved interview, and the
//! start form with the questionnaire's description and the optional
//! organisation, respondent and role.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::wrap::{tail, truncate, width, wrap};
use crate::core::text::{one_line, sanitize};
use crate::tui::app::App;
use crate::tui::text_field::TextField;

/// The form and the offer are centred in a column of at most this width.
const COLUMN: u16 = 76;

fn column(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(COLUMN);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + 1, width: w, height: area.height.saturating_sub(1) }
}

/// The questionnaire's title, description and size.
fn intro(app: &App<'_>, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let q = app.questionnaire();
    let mut lines = vec![Line::styled(truncate(&one_line(&q.title), w), theme.heading())];
    if let Some(d) = &q.description {
        lines.extend(wrap(&sanitize(d), w).into_iter().map(Line::raw));
    }
    let minutes = q.minutes.map(|m| format!("About {m} minutes · ")).unwrap_or_default();
    let size = format!("{minutes}{} areas · {}", q.areas.len(), q.counts().describe());
    lines.extend(wrap(&size, w).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

pub fn render_start(
    frame: &mut Frame,
    area: Rect,
    app: &App<'_>,
    fields: &[TextField; 3],
    focus: usize,
    theme: &Theme,
) {
    let area = column(area);
    let w = area.width as usize;
    let mut lines = intro(app, w, theme);
    lines.push(Line::raw(""));
    lines.push(Line::styled("Who is this assessment for?", theme.strong()));
    lines.push(Line::styled("All optional: leave a line blank and press Enter to skip it.", theme.dim()));
    lines.push(Line::raw(""));
    let label_width = 14;
    let field_width = w.saturating_sub(label_width + 4).max(8);
    let mut cursor = None;
    for (k, (label, field)) in ["Organisation", "Your name", "Your role"].iter().zip(fields).enumerate() {
        let focused = focus == k;
        let shown = if focused {
            let before: String = field.text().chars().take(field.cursor()).collect();
            let after: String = field.text().chars().skip(field.cursor()).collect();
            let head = tail(&before, field_width - 1);
            let x = area.x + 2 + label_width as u16 + width(&head) as u16;
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
        lines.push(Line::from(vec![
            Span::styled(if focused { "› " } else { "  " }, theme.key()),
            Span::styled(format!("{label:<label_width$}"), if focused { theme.strong() } else { Style::new() }),
            field,
        ]));
    }
    lines.push(Line::raw(""));
    let begin = "Begin the interview →";
    lines.push(if focus == 3 {
        Line::from(vec![Span::styled("› ", theme.key()), Span::styled(begin, theme.selected())])
    } else {
        Line::from(vec![Span::raw("  "), Span::styled(begin, theme.strong())])
    });
    frame.render_widget(Paragraph::new(lines), area);
    if let Some(pos) = cursor.filter(|&(x, y)| x < area.right() && y < area.bottom()) {
        frame.set_cursor_position(pos);
    }
}

pub fn render_resume(frame: &mut Frame, area: Rect, app: &App<'_>, selected: usize, theme: &Theme) {
    let area = column(area);
    let w = area.width as usize;
    let mut lines = intro(app, w, theme);
    lines.push(Line::raw(""));
    let n = app.offers().len();
    let what = if n == 1 { "an unfinished interview".to_string() } else { format!("{n} unfinished interviews") };
    lines.push(Line::styled(format!("You have {what} for this questionnaire. Continue?"), theme.strong()));
    lines.push(Line::raw(""));
    for (k, offer) in app.offers().iter().enumerate() {
        let a = &offer.saved.draft.answers;
        let who: Vec<String> =
            [&a.organization, &a.respondent].into_iter().flatten().map(|s| one_line(s).into_owned()).collect();
        let who = if who.is_empty() { "No organisation given".to_string() } else { who.join(", ") };
        let saved = offer.saved.draft.saved_at.strftime("%Y-%m-%d %H:%M UTC");
        let text = format!("{who} · {} of {} answered · saved {saved}", offer.progress.answered, offer.progress.shown);
        lines.push(choice_line(&text, k == selected, w, theme));
    }
    lines.push(choice_line("Start a new interview", selected == n, w, theme));
    lines.push(Line::raw(""));
    for l in wrap(
        "A new interview is saved separately, unless it is for the same organisation as a saved one: then it replaces that one.",
        w,
    ) {
        lines.push(Line::styled(l, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), area);
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
