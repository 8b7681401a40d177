//! The text rule over a JSON text: every key and string in it, decoded
//! (`\u001b` is an escape character like a raw one), checked against
//! `core::text`, and a refused character found at its exact place. Used by
//! the answers reader, the drafts and the store alike, on the text as read.

use std::borrow::Cow;
use std::ops::Range;

use crate::core::text::{Forbidden, first_forbidden};

/// A key or string that holds a character the rule refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedText {
    /// Where the character (or its escape) is written in the JSON text.
    pub span: Range<usize>,
    /// The character; its `at` is a byte offset in the decoded string.
    pub forbidden: Forbidden,
}

/// Every key or string of `source` that holds a refused character, in
/// order, one per string. `source` is JSON (or the start of it: a string
/// cut off at the end is left out).
pub fn refused_strings(source: &str) -> Vec<RefusedText> {
    if plainly_allowed(source) {
        return Vec::new();
    }
    walk(source)
}

/// [`refused_strings`], string by string.
fn walk(source: &str) -> Vec<RefusedText> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(quote) = source[at..].find('"') {
        let start = at + quote;
        let Some(string) = read_string(source, start) else { break };
        if let Some(f) = first_forbidden(&string.decoded) {
            let nth = string.decoded[..f.at].chars().count();
            found.push(RefusedText { span: place_of(source, start, nth), forbidden: f });
        }
        at = string.end;
    }
    found
}

/// Whether no string of `source` can hold a refused character, seen
/// without decoding a string: the rule allows the text as a whole (a string
/// starts after a quote, so it is read in no laxer a context than alone),
/// and no escape stands for a character the rule might refuse (`\n`,
/// `\t`, `\"`, `\\` and `\/` stand for allowed ones). Stores and drafts
/// are mostly such text.
fn plainly_allowed(source: &str) -> bool {
    let bytes = source.as_bytes();
    let risky_escape =
        source.match_indices('\\').any(|(at, _)| !matches!(bytes.get(at + 1), Some(b'n' | b't' | b'"' | b'\\' | b'/')));
    !risky_escape && first_forbidden(source).is_none()
}

/// A string token: its decoded value (borrowed when it holds no escape,
/// as most do), and where the token ends.
struct JsonString<'a> {
    decoded: Cow<'a, str>,
    end: usize,
}

/// One step through a string token.
enum Step {
    /// A character, written in this many bytes (an escape takes several).
    Char(char, usize),
    /// The closing quote.
    End,
}

/// The step at `at` inside a string token; `None` when the text ends there.
fn step(source: &str, at: usize) -> Option<Step> {
    match source[at..].chars().next()? {
        '"' => Some(Step::End),
        '\\' => escape(&source[at..]).map(|(c, len)| Step::Char(c, len)),
        c => Some(Step::Char(c, c.len_utf8())),
    }
}

/// Reads the string token whose opening quote is at `start`; `None` when
/// the text ends inside it.
fn read_string(source: &str, start: usize) -> Option<JsonString<'_>> {
    let mut at = start + 1;
    let run = source[at..].find(['"', '\\'])?;
    if source.as_bytes()[at + run] == b'"' {
        return Some(JsonString { decoded: Cow::Borrowed(&source[at..at + run]), end: at + run + 1 });
    }
    let mut decoded = String::new();
    loop {
        // Up to the next quote or escape, the text is the string itself.
        let run = source[at..].find(['"', '\\'])?;
        decoded.push_str(&source[at..at + run]);
        at += run;
        match step(source, at)? {
            Step::End => return Some(JsonString { decoded: Cow::Owned(decoded), end: at + 1 }),
            Step::Char(c, len) => {
                decoded.push(c);
                at += len;
            }
        }
    }
}

/// Where the `nth` character of the string token whose opening quote is at
/// `start` is written (found again only for a refused one: most strings
/// hold none).
fn place_of(source: &str, start: usize, nth: usize) -> Range<usize> {
    let mut at = start + 1;
    for _ in 0..nth {
        if let Some(Step::Char(_, len)) = step(source, at) {
            at += len;
        }
    }
    match step(source, at) {
        Some(Step::Char(_, len)) => at..at + len,
        _ => at..at,
    }
}

/// The character an escape at the start of `text` stands for, and its
/// length; a surrogate pair is one character.
fn escape(text: &str) -> Option<(char, usize)> {
    let kind = text[1..].chars().next()?;
    let simple = match kind {
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'u' => return unicode_escape(text),
        other => other,
    };
    Some((simple, 2))
}

fn unicode_escape(text: &str) -> Option<(char, usize)> {
    let unit = |at: usize| text.get(at..at + 4).and_then(|hex| u32::from_str_radix(hex, 16).ok());
    let high = unit(2)?;
    if (0xd800..0xdc00).contains(&high)
        && text.get(6..8) == Some("\\u")
        && let Some(low) = unit(8).filter(|low| (0xdc00..0xe000).contains(low))
    {
        let c = char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))?;
        return Some((c, 12));
    }
    Some((char::from_u32(high).unwrap_or('\u{fffd}'), 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spots(source: &str) -> Vec<&str> {
        refused_strings(source).into_iter().map(|r| &source[r.span]).collect()
    }

    #[test]
    fn finds_raw_and_escaped_characters_in_keys_and_values() {
        let source = r#"{"a\u202e": "x", "b": ["ok", "\u001b]52;c;eA==\u0007"], "c": "é	\u2066"}"#;
        assert_eq!(spots(source), ["\\u202e", "\\u001b", "\\u2066"]);
        assert_eq!(spots("{\"n\": \"x\u{85}y\"}"), ["\u{85}"]);
        assert_eq!(spots(r#"{"tag": "\udb40\udc41"}"#), ["\\udb40\\udc41"]);
    }

    #[test]
    fn the_quick_look_never_passes_what_the_walk_refuses() {
        // Context at a string's edges (a joiner, a carriage return or a
        // selector next to a quote), escapes that stand for refused or
        // allowed characters, and an escaped backslash before a `u`.
        let sources = [
            "[\"👩\u{200d}\", \"💻\"]",
            "[\"a\r\", \"\nb\"]",
            "[\"1\", \"\u{fe0f}\u{20e3}\"]",
            "[\"🏴\", \"\u{e0067}\u{e007f}\"]",
            r#"{"a": "\u001b"}"#,
            r#"{"a": "\r\n", "b": "\b\f"}"#,
            r#"{"a": "\\u001b", "b": "\/\"\\"}"#,
            r#"{"a": "Zürich — 100 %", "b": "line\nline\ttab"}"#,
            "{\"a\": \"👩\u{200d}💻 and 👍🏽\"}",
        ];
        for source in sources {
            if plainly_allowed(source) {
                assert_eq!(walk(source), [], "{source}");
            }
        }
        assert!(plainly_allowed(sources[7]) && plainly_allowed(sources[8]), "plain text takes the quick look");
        assert!(
            !plainly_allowed(sources[4]) && !plainly_allowed(sources[6]),
            "escapes that may hide a character do not"
        );
    }

    #[test]
    fn passes_clean_text_and_stops_at_a_cut() {
        assert!(refused_strings(r#"{"a": "line\nline\ttab \" \\ 👩\u200d💻"}"#).is_empty());
        assert!(refused_strings("{\"a\": \"cut \u{202e}").is_empty());
    }
}
