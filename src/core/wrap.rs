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
    use super::wrap;

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
