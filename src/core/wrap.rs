//! Word wrapping by display width: the one the report and the interview
//! share. Widths are measured over whole strings with unicode-width, as the
//! terminal draws them, so lines of CJK text and emoji fit their cells.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// `text` cut to `max` cells, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > max {
            break;
        }
        out.push(c);
        used += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
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

/// A word's characters, each with the zero-width ones that follow it: a
/// variation selector, joiner or combining mark is never cut from the
/// character it belongs to.
fn clusters(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars.find(|(_, c)| c.width().unwrap_or(0) > 0).map_or(rest.len(), |(i, _)| i);
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
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
}
