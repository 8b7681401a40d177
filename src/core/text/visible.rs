//! Text for a message, with every character the text rule refuses shown as
//! a visible escape (`\u{1b}`) instead of being dropped: a message must
//! name exactly what was given. `o\u{1b}[2J.json` tells the user what is
//! wrong with the name; `o[2J.json` would name a file that does not exist.
//! Escaped, such a character can no longer act on the terminal either.

use std::borrow::Cow;

use super::rule::forbidden;

/// `text` with every refused character, tab and carriage return written
/// as `\u{…}` (`\t` and `\r` for those two); line breaks are kept, so a
/// message of several lines keeps its shape.
pub fn visible(text: &str) -> Cow<'_, str> {
    escaped(text, false)
}

/// Like [`visible`], for a name quoted in a message (a path, an argument,
/// an organisation): a line break is shown as `\n` too, so the name stays
/// on one line and reads as written.
pub fn visible_name(text: &str) -> Cow<'_, str> {
    escaped(text, true)
}

/// Like [`visible`], for a one-line message: line breaks, with the spaces
/// around them, become one space.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return visible(text);
    }
    let folded = text.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
    Cow::Owned(visible(&folded).into_owned())
}

fn escaped(text: &str, newlines: bool) -> Cow<'_, str> {
    let plain = |c: char| !matches!(c, '\t' | '\r') && (c != '\n' || !newlines);
    let mut refused = forbidden(text).map(|f| f.at).peekable();
    if refused.peek().is_none() && text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        while refused.next_if(|&r| r < at).is_some() {}
        let is_refused = refused.next_if_eq(&at).is_some();
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' if newlines => out.push_str("\\n"),
            c if is_refused => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::first_forbidden;

    #[test]
    fn refused_characters_are_shown_not_dropped() {
        assert_eq!(visible("/tmp/o\u{1b}[2J.json"), "/tmp/o\\u{1b}[2J.json");
        assert_eq!(visible("X\u{1b}]0;t\u{7}Y"), "X\\u{1b}]0;t\\u{7}Y");
        assert_eq!(visible("a\u{202e}b\u{200b}c\u{9b}d"), "a\\u{202e}b\\u{200b}c\\u{9b}d");
        assert_eq!(visible("tab\there\r\n"), "tab\\there\\r\n");
        for hostile in ["\u{1b}[2J", "\u{0}\u{7f}\u{85}", "\u{e0041}\u{feff}"] {
            assert_eq!(first_forbidden(&visible(hostile)), None, "{hostile:?}");
        }
    }

    #[test]
    fn plain_text_and_emoji_pass_unchanged() {
        for plain in ["Ready? Yes — 100%", "two\nlines", "👩\u{200d}💻 ❤\u{fe0f} Zürich"] {
            assert!(matches!(visible(plain), Cow::Borrowed(_)), "{plain:?}");
        }
    }

    #[test]
    fn names_stay_on_one_line_and_lines_fold() {
        assert_eq!(visible_name("a\nb\u{1b}"), "a\\nb\\u{1b}");
        assert_eq!(visible_line("first\n  second\u{7}"), "first second\\u{7}");
        assert!(matches!(visible_name("plain name"), Cow::Borrowed(_)));
    }
}
