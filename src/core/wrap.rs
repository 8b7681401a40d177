//! Word wrapping by display width: the one the report and the interview
//! share. Widths are measured over whole strings with unicode-width, as the
//! terminal draws them, so lines of CJK text and emoji fit their cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Breaks `text` into lines no wider than `width` terminal cells (at least
/// one), at spaces where it can, inside a word where it must. Line breaks
/// in the text are kept; runs of spaces become one.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, &mut lines);
    }
    lines
}

/// Cells one grapheme takes on screen, as the terminal draws it; a control
/// character is not drawn.
pub fn cells(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) { 0 } else { grapheme.width() }
}

/// Display width of `text` in terminal cells, grapheme by grapheme.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(cells).sum()
}

/// `text` cut to `max` cells, with an ellipsis when cut; a flag, an emoji
/// sequence or a letter with its marks is never cut in half.
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

/// Wraps one line of text onto `lines`.
fn wrap_paragraph(paragraph: &str, width: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() {
            if line.width() + 1 + word.width() <= width {
                line.push(' ');
                line.push_str(word);
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        if word.width() <= width {
            line.push_str(word);
        } else {
            cut_word(word, width, &mut line, lines);
        }
    }
    lines.push(line);
}

/// Lays a word wider than a line onto `line` (empty), cutting it each time
/// the line is full; the last piece stays in `line`.
fn cut_word(word: &str, width: usize, line: &mut String, lines: &mut Vec<String>) {
    for cluster in clusters(word) {
        if !line.is_empty() && line.width() + cluster.width() > width {
            lines.push(std::mem::take(line));
        }
        line.push_str(cluster);
    }
}

/// A word's grapheme clusters: a flag, an emoji sequence or a letter with
/// its combining marks is never cut in half.
fn clusters(word: &str) -> impl Iterator<Item = &str> {
    word.graphemes(true)
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

    #[test]
    fn wraps_at_spaces_and_keeps_line_breaks() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("one two three four five", 20), ["one two three four", "five"]);
        assert_eq!(wrap("short", 80), ["short"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("  a   b  ", 10), ["a b"]);
    }

    #[test]
    fn cuts_a_word_wider_than_the_line() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("go abcdefghij", 4), ["go", "abcd", "efgh", "ij"]);
        assert_eq!(wrap("abc", 0), ["a", "b", "c"]);
    }

    #[test]
    fn measures_wide_characters_as_the_terminal_draws_them() {
        assert_eq!(wrap("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
        assert_eq!(wrap("😂😭🥺", 5), ["😂😭", "🥺"]);
        // U+26A0 is one cell alone and two with the emoji selector U+FE0F.
        assert_eq!(wrap("abc de \u{26a0}\u{fe0f}", 8), ["abc de", "\u{26a0}\u{fe0f}"]);
        assert_eq!(wrap("abc de \u{26a0}", 8), ["abc de \u{26a0}"]);
        assert_eq!(wrap("abc\u{26a0}\u{fe0f}", 4), ["abc", "\u{26a0}\u{fe0f}"], "the selector stays");
        assert_eq!(wrap("\u{26a0}\u{fe0f}\u{26a0}\u{fe0f}", 1), ["\u{26a0}\u{fe0f}", "\u{26a0}\u{fe0f}"]);
    }

    #[test]
    fn never_cuts_a_flag_or_an_emoji_sequence() {
        assert_eq!(wrap("🇺🇦🇺🇦🇺🇦", 3), ["🇺🇦", "🇺🇦", "🇺🇦"]);
        assert_eq!(wrap("👩\u{200d}💻👩\u{200d}💻", 3), ["👩\u{200d}💻", "👩\u{200d}💻"]);
    }
}
