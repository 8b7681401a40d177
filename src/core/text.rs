//! Sanitising untrusted text before it reaches a terminal.
//!
//! Questionnaires and answers files come from third parties. Anything they
//! contain may end up in the interview, a table or an error message, so every
//! such string passes through [`sanitize`] first: escape sequences are removed
//! whole, control and invisible formatting characters are dropped, tabs become
//! spaces. Newlines survive, so multi-line help text keeps its shape.

use std::borrow::Cow;

/// How many spaces a tab becomes.
const TAB_WIDTH: usize = 4;

/// Returns `text` with escape sequences, control characters (except `\n`),
/// bidirectional controls, zero-width and other invisible format characters
/// removed, and tabs expanded to spaces.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_plain(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
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

/// True for characters that can be shown as they are.
fn is_plain(c: char) -> bool {
    !(c.is_control() || is_invisible_format(c))
}

/// Unicode format characters (general category Cf) and the other invisible
/// characters that can reorder or hide text: bidi embeddings, overrides and
/// isolates, zero-width characters, the byte-order mark, tag characters.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}'
    )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a CSI, an OSC/DCS/APC/PM/SOS string, or a
/// two-character sequence.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
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
    for c in chars.by_ref() {
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
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// True when `text` would be changed by [`sanitize`].
pub fn needs_sanitizing(text: &str) -> bool {
    !text.chars().all(|c| c == '\n' || is_plain(c))
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
    fn one_line_folds_newlines() {
        assert_eq!(one_line("first\n  second"), "first second");
    }

    #[test]
    fn needs_sanitizing_detects_escape() {
        assert!(needs_sanitizing("\u{1b}[2J"));
        assert!(!needs_sanitizing("line\nline"));
    }
}
