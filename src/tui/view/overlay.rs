//! Windows over the screen: the help with every key, the note and answer
//! editors, and the confirmations before leaving or submitting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

use super::hints::ALL_KEYS;
use super::question::help_lines;
use super::theme::Theme;
use super::wrap::{cells, fit, width, wrap};
use crate::core::text::{one_line, sanitize};
use crate::tui::app::{App, Overlay, Screen, whose};
use crate::tui::text_field::TextField;
use unicode_segmentation::UnicodeSegmentation;

/// Most lines the editors show; longer text scrolls with the cursor.
const EDITOR_LINES: usize = 6;

pub fn render(frame: &mut Frame, area: Rect, app: &App<'_>, overlay: &Overlay, theme: &Theme) {
    match overlay {
        Overlay::Help { scroll } => help(frame, area, app, *scroll, theme),
        Overlay::Note(field) => editor(frame, area, app, " Note on this answer ", field, theme),
        Overlay::TextAnswer(field) => editor(frame, area, app, " Your answer ", field, theme),
        Overlay::ConfirmQuit => {
            let mut body = Vec::new();
            match (app.draft_path(), app.has_begun()) {
                (Some(path), true) => {
                    body.push(Text::Words("Your answers so far are saved in:".to_string()));
                    body.push(Text::Path(path.display().to_string()));
                    body.push(Text::Words(String::new()));
                    body.push(Text::Words("To carry on later, run:".to_string()));
                    body.push(Text::Command(app.resume_hint()));
                    if let Some(e) = app.save_error() {
                        body.push(Text::Words(String::new()));
                        body.push(Text::Words(format!(
                            "Warning: the last save failed ({e}); recent answers would be lost."
                        )));
                    }
                }
                (None, true) => body
                    .push(Text::Words("There is nowhere to save your answers, so leaving now loses them.".to_string())),
                (_, false) if app.offers().len() == 1 => body.push(Text::Words(
                    "Your saved interview stays where it is; run the same command again to pick it up.".to_string(),
                )),
                (_, false) if app.offers().len() > 1 => body.push(Text::Words(
                    "Your saved interviews stay where they are; run the same command again to pick one up.".to_string(),
                )),
                (_, false) => {
                    body.push(Text::Words("Nothing has been answered yet, so there is nothing to keep.".to_string()))
                }
            }
            confirm(frame, area, " Leave the interview? ", &body, "leave", "stay", theme);
        }
        Overlay::ConfirmSubmit { unanswered } => {
            let n = *unanswered;
            let body = vec![Text::Words(format!(
                "{n} question{} no answer yet. Unanswered questions count as risk, and the report lists them as things to find out.",
                if n == 1 { " has" } else { "s have" }
            ))];
            confirm(frame, area, " Submit now? ", &body, "submit", "go back", theme);
        }
        Overlay::ExistingDraft(offer) => {
            let body = [
                format!("An unfinished interview is saved for {}:", whose(&offer.saved.draft.answers)),
                format!("{}.", offer.progress_and_time()),
                String::new(),
                "Continue it, or start another beside it? Both are kept; Esc goes back to the form.".to_string(),
            ]
            .map(Text::Words);
            confirm(frame, area, " Already started ", &body, "continue it", "start another", theme);
        }
    }
}

/// A centred box of at most `w`×`h` inside `area`, cleared.
fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16, title: &str, theme: &Theme) -> Rect {
    // A window nearly as wide as the screen takes all of it: no slivers.
    let w = if w + 8 >= area.width { area.width } else { w };
    let fits = h + 2 <= area.height;
    let h = h.min(area.height.saturating_sub(2));
    let rect = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
    let mut block = Block::bordered()
        .title(Span::styled(title.to_string(), theme.heading()))
        .border_style(theme.dim())
        .padding(Padding::horizontal(1));
    if !fits {
        block = block.title_bottom(Line::styled(" ↑↓ scroll for more ", theme.key()).right_aligned());
    }
    let inner = block.inner(rect);
    blank_wide_characters_left_of(frame, rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// Blanks a wide character (CJK, emoji) that starts just left of `rect`:
/// its right half lies under the window's left border, and the terminal
/// would draw it over the border.
fn blank_wide_characters_left_of(frame: &mut Frame, rect: Rect) {
    let Some(x) = rect.x.checked_sub(1) else { return };
    let buffer = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        if buffer.area.contains((x, y).into()) && cells(buffer[(x, y)].symbol()) > 1 {
            buffer[(x, y)].set_symbol(" ");
        }
    }
}

fn help(frame: &mut Frame, area: Rect, app: &App<'_>, scroll: u16, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(80);
    let text_width = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    if matches!(app.screen(), Screen::Question) {
        lines.extend(help_lines(app, text_width, true, theme));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Keys", theme.heading()));
    let key_width = ALL_KEYS.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    for (keys, what) in ALL_KEYS {
        for (k, l) in wrap(what, text_width.saturating_sub(key_width)).into_iter().enumerate() {
            let keys = if k == 0 { keys } else { "" };
            lines.push(Line::from(vec![Span::styled(fit(keys, key_width), theme.key()), Span::raw(l)]));
        }
    }
    let inner = popup(frame, area, w, lines.len() as u16 + 2, " Help ", theme);
    let max_scroll = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)), inner);
}

fn editor(frame: &mut Frame, area: Rect, app: &App<'_>, title: &str, field: &TextField, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(76);
    let fw = w.saturating_sub(4).max(1) as usize;
    let question = one_line(&sanitize(&app.session().current_question().text)).into_owned();
    let mut lines: Vec<Line> = wrap(&question, fw).into_iter().take(2).map(|l| Line::styled(l, theme.dim())).collect();
    lines.push(Line::raw(""));
    let (chunks, (cursor_row, cursor_col)) = chunk(field.text(), field.cursor(), fw);
    let first = cursor_row.saturating_sub(EDITOR_LINES - 1);
    let field_top = lines.len();
    let shown = chunks.len().clamp(3, EDITOR_LINES);
    for k in first..first + shown {
        let text = chunks.get(k).cloned().unwrap_or_default();
        let pad = fw.saturating_sub(width(&text));
        lines.push(Line::styled(format!("{text}{}", " ".repeat(pad)), theme.selected()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Enter", theme.key()),
        Span::styled(" save   ", theme.dim()),
        Span::styled("Esc", theme.key()),
        Span::styled(" cancel   ", theme.dim()),
        Span::styled("empty", theme.key()),
        Span::styled(" removes it", theme.dim()),
    ]));
    let inner = popup(frame, area, w, lines.len() as u16 + 2, title, theme);
    frame.render_widget(Paragraph::new(lines), inner);
    let y = inner.y + (field_top + cursor_row - first) as u16;
    let x = inner.x + cursor_col as u16;
    if y < inner.bottom() && x < inner.right() {
        frame.set_cursor_position((x, y));
    }
}

/// Splits text into lines of at most `w` cells, at spaces where it can and
/// never inside a grapheme, and finds the cursor's row and column on them.
/// `cursor` counts characters, as the field does.
fn chunk(text: &str, cursor: usize, w: usize) -> (Vec<String>, (usize, usize)) {
    /// A grapheme, the index of its first character, and its cells.
    struct Cluster<'t> {
        text: &'t str,
        first_char: usize,
        cells: usize,
    }
    let mut clusters = Vec::new();
    let mut chars = 0;
    for g in text.graphemes(true) {
        clusters.push(Cluster { text: g, first_char: chars, cells: cells(g) });
        chars += g.chars().count();
    }
    let mut ranges = Vec::new();
    let (mut start, mut used, mut after_space) = (0, 0, None);
    let mut i = 0;
    while i < clusters.len() {
        let cw = clusters[i].cells;
        if used + cw > w && i > start {
            let end = after_space.filter(|&s| s > start).unwrap_or(i);
            ranges.push(start..end);
            start = end;
            used = clusters[start..i].iter().map(|c| c.cells).sum();
            after_space = None;
            continue;
        }
        used += cw;
        if clusters[i].text == " " {
            after_space = Some(i + 1);
        }
        i += 1;
    }
    ranges.push(start..clusters.len());
    // The cluster the cursor stands before.
    let at = clusters.iter().position(|c| c.first_char >= cursor).unwrap_or(clusters.len());
    let row = ranges.iter().position(|r| r.contains(&at)).unwrap_or(ranges.len() - 1);
    let column = clusters[ranges[row].start..at.max(ranges[row].start)].iter().map(|c| c.cells).sum::<usize>();
    let mut at = (row, column);
    let mut lines: Vec<String> = ranges.into_iter().map(|r| clusters[r].iter().map(|c| c.text).collect()).collect();
    if at.1 >= w {
        at = (at.0 + 1, 0);
        lines.push(String::new());
    }
    (lines, at)
}

/// A paragraph of a confirmation.
enum Text {
    /// Wrapped at spaces.
    Words(String),
    /// A command to copy: wrapped at spaces, and the window widens for it.
    Command(String),
    /// A file's path: broken after a `/`, never inside a name that fits;
    /// the window widens for it.
    Path(String),
}

/// How wide a confirmation is, unless a path or a command asks for more.
const CONFIRM_WIDTH: u16 = 70;
/// Most columns a path or a command widens a confirmation to, where the
/// screen allows.
const CONFIRM_WIDEST: u16 = 110;

fn confirm(frame: &mut Frame, area: Rect, title: &str, body: &[Text], yes: &str, no: &str, theme: &Theme) {
    let wanted = body
        .iter()
        .filter_map(|p| match p {
            Text::Command(t) | Text::Path(t) => Some(width(&one_line(t)) + 4),
            Text::Words(_) => None,
        })
        .max()
        .map_or(CONFIRM_WIDTH, |w| u16::try_from(w).unwrap_or(u16::MAX).clamp(CONFIRM_WIDTH, CONFIRM_WIDEST));
    let w = area.width.saturating_sub(4).min(wanted);
    // A window nearly as wide as the screen takes all of it (see `popup`).
    let text_width = if w + 8 >= area.width { area.width } else { w }.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = body
        .iter()
        .flat_map(|p| match p {
            Text::Words(words) | Text::Command(words) => wrap(&one_line(words), text_width),
            Text::Path(path) => wrap_path(&one_line(path), text_width),
        })
        .map(Line::raw)
        .collect();
    let answer = Line::from(vec![
        Span::styled(" y ", theme.selected()),
        Span::raw(format!(" yes, {yes}     ")),
        Span::styled(" n ", theme.key()),
        Span::raw(format!(" no, {no}")),
    ]);
    // The answer keys stay in view: on a short screen the blank lines go
    // first, then the end of the text.
    let room = area.height.saturating_sub(4) as usize;
    if lines.len() + 2 > room {
        lines.retain(|l| !l.spans.iter().all(|s| s.content.trim().is_empty()));
    }
    lines.truncate(room.saturating_sub(1).min(lines.len()));
    if lines.len() + 2 <= room {
        lines.push(Line::raw(""));
    }
    lines.push(answer);
    let inner = popup(frame, area, w, lines.len() as u16 + 2, title, theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Breaks a path into lines of at most `w` cells after its `/`s, packing
/// as many of its parts on a line as fit; a part wider than a line is
/// broken where it must, never inside a grapheme.
fn wrap_path(path: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in path.split_inclusive('/') {
        if !line.is_empty() && width(&line) + width(part) > w {
            lines.push(std::mem::take(&mut line));
        }
        for g in part.graphemes(true) {
            if !line.is_empty() && width(&line) + cells(g) > w {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(g);
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_text_wraps_at_spaces_and_tracks_the_cursor() {
        let (lines, at) = chunk("licences for year two", 10, 12);
        assert_eq!(lines, ["licences ", "for year two"]);
        assert_eq!(at, (1, 1));
        let (lines, at) = chunk("abcdefghijkl", 12, 6);
        assert_eq!(lines, ["abcdef", "ghijkl", ""]);
        assert_eq!(at, (2, 0));
        assert_eq!(chunk("", 0, 5), (vec![String::new()], (0, 0)));
        assert_eq!(chunk("ab cd", 3, 10).1, (0, 3));
    }

    #[test]
    fn a_path_breaks_after_a_slash_and_a_long_name_where_it_must() {
        let path = "/home/jo-bloggs/.local/share/crm-ready/drafts/crm-readiness@acme-ltd@jo-bloggs.json";
        let lines = wrap_path(path, 46);
        assert_eq!(lines, ["/home/jo-bloggs/.local/share/crm-ready/drafts/", "crm-readiness@acme-ltd@jo-bloggs.json"]);
        assert_eq!(wrap_path(path, 100), [path]);
        assert_eq!(wrap_path("/a/bcdefgh", 4), ["/a/", "bcde", "fgh"]);
        assert_eq!(wrap_path("/日本/語", 3), ["/", "日", "本/", "語"]);
    }

    #[test]
    fn editor_text_never_splits_a_wide_character_or_a_flag() {
        let (lines, at) = chunk("日本語🇺🇦", 5, 5);
        assert_eq!(lines, ["日本", "語🇺🇦"]);
        assert_eq!(at, (1, 4));
        let (lines, at) = chunk("ab🇺🇦c", 4, 3);
        assert_eq!(lines, ["ab", "🇺🇦c"]);
        assert_eq!(at, (1, 2));
    }

    #[test]
    fn a_window_over_wide_text_keeps_its_left_border() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        use ratatui::widgets::Paragraph;

        let mut terminal = Terminal::new(TestBackend::new(20, 6)).unwrap();
        terminal
            .draw(|frame| {
                let area = frame.area();
                frame.render_widget(Paragraph::new(vec![Line::raw("日本語日本語日本語日本語"); 6]), area);
                // An odd x: the window's left border falls on a CJK character's right half.
                popup(frame, area, 9, 4, " Help ", &Theme { color: false });
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        for y in 1..5 {
            let border = buffer[(5, y)].symbol();
            assert!(["┌", "│", "└"].contains(&border), "row {y}: {border:?}\n{}", terminal.backend());
        }
    }
}
