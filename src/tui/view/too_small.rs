//! The screen for a terminal below the smallest usable size: as much of the
//! message as fits, the point first, down to a single cell.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::wrap::wrap;
use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = message(area.width, area.height, theme);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect { y: area.y + top, height: area.height - top, ..area };
    frame.render_widget(Paragraph::new(lines).centered(), rect);
}

/// The fullest message that fits `width`×`height`. As rows run out, the
/// blank lines go first, then the sizes, then the long way out gives way to
/// a short one; "Terminal too small" always stays.
fn message(width: u16, height: u16, theme: &Theme) -> Vec<Line<'static>> {
    let block = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap(text, width as usize).into_iter().map(|l| Line::styled(l, style)).collect()
    };
    let title = block("Terminal too small", theme.strong());
    let mut sizes = block(&format!("This window is {width}×{height}."), Style::default());
    sizes.extend(block(&format!("The interview needs at least {MIN_WIDTH}×{MIN_HEIGHT}."), Style::default()));
    let leave = block("Enlarge the window to carry on, or press q to leave (answers are kept).", theme.dim());
    let leave_short = block("Press q to leave.", theme.dim());
    let gap = vec![Line::raw("")];
    let choices = [
        vec![&title, &gap, &sizes, &gap, &leave],
        vec![&title, &sizes, &leave],
        vec![&title, &gap, &leave],
        vec![&title, &leave],
        vec![&title, &gap, &leave_short],
        vec![&title, &leave_short],
    ];
    choices
        .into_iter()
        .map(|parts| parts.into_iter().flatten().cloned().collect::<Vec<_>>())
        .find(|lines| lines.len() <= height as usize)
        .unwrap_or_else(|| title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(width: u16, height: u16) -> Vec<String> {
        message(width, height, &Theme { color: false }).iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_message_shrinks_to_what_fits_keeping_the_point() {
        assert_eq!(text(44, 12).len(), 7, "everything, with gaps");
        assert_eq!(
            text(200, 3),
            ["Terminal too small", "", "Enlarge the window to carry on, or press q to leave (answers are kept)."]
        );
        assert_eq!(text(10, 5), ["Terminal", "too small", "", "Press q to", "leave."]);
        assert_eq!(text(10, 4), ["Terminal", "too small", "Press q to", "leave."]);
        assert_eq!(text(20, 1), ["Terminal too small"], "cut by the frame if need be");
    }
}
