//! Refused characters in words, for messages: "a right-to-left override
//! (U+202E)". The names of the ones a hostile or mangled file most likely
//! holds; any other is named by its kind.

/// The character in words, with its code point.
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    match name(c) {
        Some(name) => format!("{} {name} ({code})", article(name)),
        None if c.is_control() => format!("a control character ({code})"),
        None => format!("an invisible formatting character ({code})"),
    }
}

fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "null character",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\t' => "tab",
        '\u{1b}' => "escape character",
        '\u{7f}' => "delete character",
        '\u{85}' => "next-line control",
        '\u{90}' => "device control string",
        '\u{9b}' => "control sequence introducer",
        '\u{9c}' => "string terminator",
        '\u{9d}' => "operating system command",
        '\u{ad}' => "soft hyphen",
        '\u{34f}' => "combining grapheme joiner",
        '\u{61c}' => "Arabic letter mark",
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' => "Hangul filler",
        '\u{17b4}' | '\u{17b5}' => "Khmer inherent vowel",
        '\u{180b}'..='\u{180d}' | '\u{180f}' => "Mongolian free variation selector",
        '\u{180e}' => "Mongolian vowel separator",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible mathematical operator",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => "variation selector",
        '\u{feff}' => "zero-width no-break space (byte-order mark)",
        '\u{fff9}'..='\u{fffb}' => "interlinear annotation character",
        '\u{e0001}' | '\u{e0020}'..='\u{e007f}' => "tag character",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn names_what_it_knows_and_the_kind_of_the_rest() {
        assert_eq!(describe('\u{202e}'), "a right-to-left override (U+202E)");
        assert_eq!(describe('\u{1b}'), "an escape character (U+001B)");
        assert_eq!(describe('\u{e0041}'), "a tag character (U+E0041)");
        assert_eq!(describe('\u{1}'), "a control character (U+0001)");
        assert_eq!(describe('\u{2065}'), "an invisible formatting character (U+2065)");
    }
}
