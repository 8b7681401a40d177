//! Text from outside: the rule for what it may hold (checked where each
//! file or field is read: [`first_forbidden`], [`normalize`]), and the
//! sanitiser every string passes on its way to a terminal, a second line of
//! defence built on the same rule.
//!
//! Questionnaires and answers files come from third parties. Anything they
//! contain may end up in the interview, a table or an error message, so
//! such strings also pass through [`sanitize`] before they are shown:
//! escape sequences are removed whole, every character the rule refuses is
//! dropped, tabs become spaces. Newlines survive, so multi-line help text
//! keeps its shape. Messages on stderr instead show every refused character
//! as a visible escape ([`visible`]): a message must name exactly what was
//! given, and an escaped character cannot act on the terminal either.

mod names;
mod rule;
mod visible;

use std::borrow::Cow;

pub use rule::{Forbidden, TAB_WIDTH, first_forbidden, forbidden, normalize};
pub use visible::{visible, visible_line, visible_name};

/// How to fix a refused character, for every reader's message.
pub const REFUSED_HELP: &str = "delete it: control, bidirectional and invisible characters can hide or disguise \
     what text says, so they are not accepted (line breaks, tabs and emoji are fine)";

/// The message for `what` (a key, a field) holding a refused character:
/// "`title` holds a right-to-left override (U+202E)".
pub fn refused_message(what: &str, f: &Forbidden) -> String {
    format!("{what} holds {}", f.describe())
}

/// Returns `text` with escape sequences, control characters (except `\n`),
/// bidirectional controls, zero-width and other invisible format characters
/// removed (emoji sequences kept whole), and tabs expanded to spaces.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !needs_sanitizing(text) {
        return Cow::Borrowed(text);
    }
    // Escape sequences go first, whole: what they swallow (a pictograph
    // after a CSI, say) must not leave an emoji sequence half-kept.
    let plain = without_sequences(text);
    let refused: Vec<usize> = forbidden(&plain).map(|f| f.at).collect();
    Cow::Owned(plain.char_indices().filter(|(at, _)| !refused.contains(at)).map(|(_, c)| c).collect())
}

/// `text` with escape sequences removed whole, carriage returns dropped
/// (a line end is its `\n`) and tabs expanded.
fn without_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Like [`sanitize`], but also folds newlines into spaces: for table cells,
/// one-line labels and error messages.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let clean = sanitize(text);
    if clean.contains('\n') {
        Cow::Owned(clean.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
    } else {
        clean
    }
}

/// A source line as an error message quotes it: every refused character
/// and tab shown as one visible placeholder, so the caret under it still
/// points at the right column.
pub fn marked(line: &str) -> Cow<'_, str> {
    if !needs_sanitizing(line) {
        return Cow::Borrowed(line);
    }
    let mut refused = forbidden(line).map(|f| f.at).peekable();
    let mut out = String::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        while refused.next_if(|&r| r < at).is_some() {}
        out.push(match c {
            '\t' => ' ',
            _ if refused.next_if_eq(&at).is_some() || c == '\r' => '\u{fffd}',
            c => c,
        });
    }
    Cow::Owned(out)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Skips what follows an ESC: a CSI, an OSC/DCS/APC/PM/SOS string, or a
/// two-character sequence.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().map(|&(_, c)| c) {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    for (_, c) in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            // Not a well-formed sequence: stop here, the rest is text again.
            break;
        }
    }
}

/// Skips a control string up to BEL, ST (`ESC \`) or the C1 ST character.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                chars.next_if(|&(_, c)| c == '\\');
                break;
            }
            _ => {}
        }
    }
}

/// True when `text` would be changed by [`sanitize`]: it holds a character
/// the rule refuses, a tab or a carriage return.
pub fn needs_sanitizing(text: &str) -> bool {
    text.contains(['\t', '\r']) || first_forbidden(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Ready? Yes — 100%"), Cow::Borrowed(_)));
    }

    #[test]
    fn strips_csi_and_osc_sequences_whole() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;evil title\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(sanitize("x\u{1b}]52;c;ZXZpbA==\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn drops_controls_keeps_newline_expands_tab() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{7f}d\u{85}e\r\nf\tg"), "abcde\nf    g");
    }

    #[test]
    fn drops_bidi_zero_width_and_tags() {
        assert_eq!(sanitize("a\u{202e}b\u{2066}c\u{200b}d\u{feff}e\u{e0041}f"), "abcdef");
    }

    #[test]
    fn an_emoji_cut_by_an_escape_sequence_loses_its_joiners_and_tags() {
        let flag_tags = "\u{e0067}\u{e0062}\u{e007f}";
        assert_eq!(sanitize(&format!("\u{9b}\u{1f3f4}{flag_tags}x")), "x");
        assert_eq!(sanitize("\u{1b}[\u{1f469}\u{200d}\u{1f4bb}"), "\u{1f4bb}");
    }

    #[test]
    fn keeps_emoji_sequences_whole() {
        assert_eq!(sanitize("👩\u{200d}💻 ❤\u{fe0f} a\u{200d}b"), "👩\u{200d}💻 ❤\u{fe0f} ab");
    }

    #[test]
    fn marked_lines_keep_their_columns() {
        assert_eq!(marked("a\u{202e}b\tc\u{1b}d"), "a\u{fffd}b c\u{fffd}d");
        assert!(matches!(marked("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_folds_newlines() {
        assert_eq!(one_line("first\n  second"), "first second");
    }

    #[test]
    fn needs_sanitizing_detects_escape() {
        assert!(needs_sanitizing("\u{1b}[2J"));
        assert!(!needs_sanitizing("line\nline"));
    }
}
