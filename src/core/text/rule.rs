//! The rule for text that comes in: what a questionnaire, an answers file,
//! a draft, a stored record or a typed field may hold.
//!
//! Allowed: printable text, line breaks (`\n`, and `\r\n`) and tabs.
//! Refused: every other control character (C0, DEL, C1), every format
//! character (general category Cf: bidi embeddings, overrides, isolates and
//! marks, zero-width characters, the byte-order mark inside text), the line
//! and paragraph separators (U+2028, U+2029), and every other
//! `Default_Ignorable_Code_Point` (Hangul fillers, the combining grapheme
//! joiner, variation selectors, Mongolian free variation selectors, tag
//! characters...). The sets come from the Unicode tables of `regex-syntax`,
//! not from a hand list.
//!
//! Emoji sequences stay whole: a zero-width joiner between two pictographs
//! (👩‍💻), a variation selector (U+FE0E, U+FE0F) right after a pictograph
//! (❤️) or in a keycap (1️⃣), and tag characters in a flag's tag sequence
//! after U+1F3F4 (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
//!
//! Readers of outside text then apply [`normalize`]: `\r\n` becomes `\n`,
//! a tab becomes [`TAB_WIDTH`] spaces. So no stored or printed string holds
//! a control character other than `\n`.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

use super::names::describe;

/// How many spaces a tab becomes.
pub const TAB_WIDTH: usize = 4;

const ZERO_WIDTH_JOINER: char = '\u{200d}';
const TEXT_PRESENTATION: char = '\u{fe0e}';
const EMOJI_PRESENTATION: char = '\u{fe0f}';
const KEYCAP: char = '\u{20e3}';
const BLACK_FLAG: char = '\u{1f3f4}';
const CANCEL_TAG: char = '\u{e007f}';

/// Control, format, separator and default-ignorable characters.
static HIDDEN: LazyLock<Vec<(char, char)>> =
    LazyLock::new(|| ranges(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]"));

/// Characters that start an emoji sequence.
static PICTOGRAPHIC: LazyLock<Vec<(char, char)>> = LazyLock::new(|| ranges(r"\p{Extended_Pictographic}"));

/// The code point ranges of a Unicode class, from regex-syntax's tables.
fn ranges(class: &str) -> Vec<(char, char)> {
    // The patterns are constants, checked by the tests below.
    let hir = regex_syntax::Parser::new().parse(class).expect("a valid Unicode class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(set)) => set.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        other => panic!("{class} is not a class: {other:?}"),
    }
}

fn in_ranges(table: &[(char, char)], c: char) -> bool {
    let i = table.partition_point(|&(_, end)| end < c);
    table.get(i).is_some_and(|&(start, _)| start <= c)
}

/// True for a control, format or default-ignorable character, wherever it
/// stands (the emoji exceptions need its neighbours: see [`forbidden`]).
fn is_hidden(c: char) -> bool {
    // Printable ASCII is by far the most common: answer it without a search.
    if (' '..='~').contains(&c) {
        return false;
    }
    in_ranges(&HIDDEN, c)
}

fn is_pictographic(c: char) -> bool {
    c > '~' && in_ranges(&PICTOGRAPHIC, c)
}

/// Emoji modifiers (skin tones): they extend a pictograph.
fn is_modifier(c: char) -> bool {
    ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// Tag characters that spell a flag's region (`gbsct`).
fn is_tag_spec(c: char) -> bool {
    ('\u{e0020}'..='\u{e007e}').contains(&c)
}

/// A character the rule refuses, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forbidden {
    /// Byte offset in the text.
    pub at: usize,
    pub c: char,
}

impl Forbidden {
    /// Its bytes in the text.
    pub fn span(&self) -> Range<usize> {
        self.at..self.at + self.c.len_utf8()
    }

    /// The character in words: "a right-to-left override (U+202E)".
    pub fn describe(&self) -> String {
        describe(self.c)
    }
}

/// Where a walk through the text stands, for the emoji exceptions.
#[derive(Default)]
struct Context {
    prev: Option<char>,
    /// Inside an emoji: a pictograph, perhaps with modifiers or selectors.
    in_emoji: bool,
    /// Inside a flag's tag sequence: U+1F3F4 and tag characters.
    in_flag_tags: bool,
}

impl Context {
    fn allows(&self, c: char, next: Option<char>) -> bool {
        match c {
            '\n' | '\t' => true,
            '\r' => next == Some('\n'),
            ZERO_WIDTH_JOINER => self.in_emoji && next.is_some_and(is_pictographic),
            TEXT_PRESENTATION | EMOJI_PRESENTATION => {
                self.prev.is_some_and(is_pictographic)
                    || (c == EMOJI_PRESENTATION
                        && self.prev.is_some_and(|p| p.is_ascii_digit() || p == '#' || p == '*')
                        && next == Some(KEYCAP))
            }
            c if is_tag_spec(c) => self.in_flag_tags,
            CANCEL_TAG => self.in_flag_tags && self.prev.is_some_and(is_tag_spec),
            c => !is_hidden(c),
        }
    }

    fn advance(&mut self, c: char) {
        self.in_emoji = is_pictographic(c)
            || (self.in_emoji && (c == EMOJI_PRESENTATION || c == TEXT_PRESENTATION || is_modifier(c)));
        self.in_flag_tags = c == BLACK_FLAG || (self.in_flag_tags && is_tag_spec(c));
        self.prev = Some(c);
    }
}

/// Every character of `text` the rule refuses, in order.
pub fn forbidden(text: &str) -> impl Iterator<Item = Forbidden> + '_ {
    let mut context = Context::default();
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let allowed = context.allows(c, chars.peek().map(|&(_, n)| n));
            context.advance(c);
            if !allowed {
                return Some(Forbidden { at, c });
            }
        }
        None
    })
}

/// The first character of `text` the rule refuses.
pub fn first_forbidden(text: &str) -> Option<Forbidden> {
    // Only hidden characters depend on their neighbours, so text without
    // one needs no walk. Most text is plain ASCII: that is answered a block
    // at a time (vector instructions; stores are megabytes of it).
    let plain = |block: &[u8]| block.iter().fold(true, |ok, &b| ok & ((b' '..=b'~').contains(&b) | (b == b'\n')));
    if text.as_bytes().chunks(64).all(plain) || text.chars().all(|c| c == '\n' || !is_hidden(c)) {
        return None;
    }
    forbidden(text).next()
}

/// Text the rule allows, in the form it is kept: `\r\n` becomes `\n` and a
/// tab becomes [`TAB_WIDTH`] spaces.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if !text.contains(['\r', '\t']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\t', &" ".repeat(TAB_WIDTH)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Vec<char> {
        forbidden(text).map(|f| f.c).collect()
    }

    #[test]
    fn plain_text_line_breaks_and_tabs_pass() {
        for text in ["Ready? Yes — 100 %", "line\nline", "a\tb", "crlf\r\nends", "日本語", "Zürich", "é\u{301}"]
        {
            assert_eq!(first_forbidden(text), None, "{text:?}");
        }
    }

    #[test]
    fn controls_are_refused_with_their_place() {
        assert_eq!(first_forbidden("ab\u{1b}[2J"), Some(Forbidden { at: 2, c: '\u{1b}' }));
        assert_eq!(
            refused("a\u{0}b\u{7}c\u{8}d\u{7f}e\u{85}f\u{9b}g\rh"),
            ['\0', '\u{7}', '\u{8}', '\u{7f}', '\u{85}', '\u{9b}', '\r']
        );
    }

    #[test]
    fn bidi_format_and_default_ignorable_characters_are_refused() {
        let hostile = [
            '\u{202e}',
            '\u{202a}',
            '\u{2066}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            '\u{200b}',
            '\u{200c}',
            '\u{2060}',
            '\u{feff}',
            '\u{ad}',
            '\u{34f}',
            '\u{115f}',
            '\u{1160}',
            '\u{3164}',
            '\u{ffa0}',
            '\u{180b}',
            '\u{180e}',
            '\u{180f}',
            '\u{17b4}',
            '\u{fe00}',
            '\u{e0100}',
            '\u{e01ef}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{2028}',
            '\u{2029}',
            '\u{fff9}',
            '\u{1d173}',
        ];
        for c in hostile {
            assert_eq!(refused(&format!("a{c}b")), [c], "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        for emoji in ["👩\u{200d}💻", "👩🏽\u{200d}💻", "❤\u{fe0f}", "1\u{fe0f}\u{20e3}", "🏳\u{fe0f}\u{200d}🌈", "🇺🇦"]
        {
            assert_eq!(first_forbidden(emoji), None, "{emoji:?}");
        }
        let scotland = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
        assert_eq!(first_forbidden(scotland), None);
    }

    #[test]
    fn joiners_and_selectors_outside_emoji_are_refused() {
        assert_eq!(refused("a\u{200d}b"), ['\u{200d}']);
        assert_eq!(refused("👩\u{200d}"), ['\u{200d}'], "a joiner at the end joins nothing");
        assert_eq!(refused("a\u{fe0f}"), ['\u{fe0f}']);
        assert_eq!(refused("x\u{e0067}\u{e007f}"), ['\u{e0067}', '\u{e007f}'], "tags without a flag");
    }

    #[test]
    fn normalising_turns_crlf_and_tabs_into_plain_text() {
        assert_eq!(normalize("a\r\nb\tc"), "a\nb    c");
        assert!(matches!(normalize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_tables_come_from_the_unicode_data() {
        assert!(HIDDEN.len() > 20 && PICTOGRAPHIC.len() > 20);
        assert!(is_hidden('\u{1b}') && is_hidden('\u{e0fff}') && !is_hidden('a') && !is_hidden('😀'));
        assert!(is_pictographic('😀') && is_pictographic('©') && !is_pictographic('1'));
    }
}
