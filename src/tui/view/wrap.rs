//! Text measures for the view: width, cutting to fit, padding a column, and
//! the word wrapping the report shares. Text is measured grapheme by
//! grapheme, each as ratatui draws it (unicode-width underneath), so CJK,
//! emoji, flags and combining marks take the cells they take on screen and
//! are never cut in half. Every column in `view` is laid out with these.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

pub use crate::core::wrap::wrap;

/// Cells one grapheme takes on screen; a control character is not drawn.
pub fn cells(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) { 0 } else { usize::from(grapheme.cell_width()) }
}

/// Display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(cells).sum()
}

/// `text` cut to `max` cells, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let cw = cells(g);
        if used + cw + 1 > max {
            break;
        }
        out.push_str(g);
        used += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `text` cut to `cells` cells (with an ellipsis when cut) and padded with
/// spaces to exactly that width: one column of a table.
pub fn fit(text: &str, cells: usize) -> String {
    let mut out = truncate(text, cells);
    let pad = cells.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// The last `max` cells of `text`: what fits of a long field, cursor end.
pub fn tail(text: &str, max: usize) -> String {
    let mut used = 0;
    let mut start = text.len();
    for (i, g) in text.grapheme_indices(true).rev() {
        let cw = cells(g);
        if used + cw > max {
            break;
        }
        used += cw;
        start = i;
    }
    text[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Vision and objectives", 10), "Vision an…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(tail("abcdef", 3), "def");
    }

    #[test]
    fn wide_and_combined_characters_are_measured_and_kept_whole() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("🇺🇦"), 2);
        assert_eq!(truncate("日本語です", 6), "日本…");
        assert_eq!(truncate("🇺🇦🇺🇦🇺🇦", 5), "🇺🇦🇺🇦…");
        assert_eq!(truncate("👩\u{200d}💻👩\u{200d}💻", 3), "👩\u{200d}💻…");
        assert_eq!(tail("🇺🇦🇺🇦", 3), "🇺🇦");
    }

    #[test]
    fn fit_pads_to_the_display_width() {
        for text in ["Vision", "日本語の目標", "Cafe\u{301}", "🇺🇦 Ukraine", "A very long area title indeed"]
        {
            assert_eq!(width(&fit(text, 12)), 12, "{text}");
        }
        assert_eq!(fit("日本", 5), "日本 ");
    }
}
