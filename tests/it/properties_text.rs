//! The untrusted-text promise as a property: whatever text a questionnaire
//! or an answers file holds, either the door refuses the file, or no string
//! that leaves the program (the terminal report, the JSON report decoded,
//! the Markdown report) holds a control character other than `\n`, a bidi
//! control or an invisible (default-ignorable) character. Emoji sequences
//! are the documented exception.
//!
//! The oracle (`leak`) is written out here from the Unicode data, not taken
//! from the program, so the test does not share the program's blind spots.

use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::questionnaire::parse;
use crm_ready::core::scoring::score;
use crm_ready::report::{TableStyle, render_markdown, render_table, to_json};
use proptest::prelude::*;

/// Unicode's format characters (general category Cf, Unicode 15.1).
const FORMAT_CHARACTERS: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Unicode's `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt).
const DEFAULT_IGNORABLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    table.iter().any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// Characters that must never reach a terminal or a decoded report raw:
/// controls other than newline (C0, DEL, C1), format characters (which
/// include the bidi embeddings, overrides and isolates), default-ignorable
/// characters, and the line and paragraph separators.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || in_table(FORMAT_CHARACTERS, c)
        || in_table(DEFAULT_IGNORABLE, c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Roughly the pictographs an emoji sequence joins (a superset).
fn is_emoji(c: char) -> bool {
    let u = c as u32;
    (0x1F000..=0x1FFFF).contains(&u)
        || (0x2190..=0x2BFF).contains(&u)
        || matches!(u, 0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

/// The first forbidden character of `text` that is not part of an emoji
/// sequence (a joiner between pictographs, a presentation selector after
/// one or in a keycap, tag characters after a black flag).
pub fn leak(text: &str) -> Option<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut in_flag_tags = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        // The character a joiner follows, past selectors.
        let base = chars[..i].iter().rev().find(|&&p| !matches!(p, '\u{fe0e}' | '\u{fe0f}')).copied();
        let is_tag = (0xE0020..=0xE007F).contains(&(c as u32));
        let emoji_part = match c {
            '\u{200d}' => base.is_some_and(is_emoji) && next.is_some_and(is_emoji),
            '\u{fe0e}' | '\u{fe0f}' => prev.is_some_and(|p| is_emoji(p) || p.is_ascii_digit() || "#*".contains(p)),
            _ => is_tag && in_flag_tags,
        };
        in_flag_tags = c == '\u{1f3f4}' || (in_flag_tags && is_tag);
        if is_forbidden(c) && !emoji_part {
            return Some(c);
        }
    }
    None
}

/// Strings rich in what a hostile file would hold: escape sequences, C0/C1
/// controls, bidi, zero-width and other invisible characters, tags, emoji
/// sequences, mixed with plain text.
pub fn hostile_string() -> impl Strategy<Value = String> {
    let from_table = |table: &'static [(u32, u32)]| {
        prop::sample::select(table.to_vec())
            .prop_flat_map(|(lo, hi)| lo..=hi)
            .prop_map(|c| char::from_u32(c).map(String::from).unwrap_or_default())
    };
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9 .,é—€日]{0,6}",
        2 => prop::char::range('\u{0}', '\u{a0}').prop_map(String::from),
        2 => from_table(FORMAT_CHARACTERS),
        2 => from_table(DEFAULT_IGNORABLE),
        2 => prop::sample::select(vec![
            "\u{1b}[", "\u{1b}]", "\u{1b}]8;;", "\u{1b}]52;c;", "\u{1b}P", "\u{1b}\\", "\u{7}", "\u{9b}", "\u{9d}",
            "\u{9c}", "31m", "2J", ";", "\r\n", "\t", "\u{2028}", "\u{8}\u{8}",
        ])
        .prop_map(String::from),
        1 => prop::sample::select(vec![
            "👩\u{200d}💻", "❤\u{fe0f}", "1\u{fe0f}\u{20e3}", "🇺🇦", "👍🏽",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", "😀",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

/// Strings of what the rule allows, with its edge cases: tabs, line ends,
/// combining marks, wide characters and emoji sequences.
fn allowed_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 .,é—€日本]{0,8}",
        1 => prop::sample::select(vec![
            "\t", "\r\n", "\n", "e\u{301}", "👩\u{200d}💻", "❤\u{fe0f}", "1\u{fe0f}\u{20e3}", "🇺🇦", "👍🏽",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|parts| parts.concat())
}

/// The fields of one case: all hostile, or all allowed (so that half the
/// cases get past the door and through the renderers).
fn fields(n: usize) -> impl Strategy<Value = Vec<String>> {
    prop_oneof![prop::collection::vec(hostile_string(), n), prop::collection::vec(allowed_string(), n)]
}

/// `text` as the inside of a TOML basic string, controls as `\u` escapes,
/// so the file holds exactly `text`.
fn toml_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn questionnaire(f: &[String]) -> String {
    let e: Vec<String> = f.iter().map(|t| toml_escaped(t)).collect();
    format!(
        r#"[questionnaire]
id = "hostile"
version = "1"
title = "T{}"
description = "D{}"

[[area]]
id = "a"
title = "A{}"
why = "W{}"

[[area.question]]
id = "a.pick"
kind = "single"
text = "Q{}"
help = "H{}"

[[area.question.choice]]
id = "bad"
label = "L{}"
score = 0
red_flag = "critical"
recommendation = "R{}"
phase = "setup"

[[area.question.choice]]
id = "good"
label = "Good"
score = 100

[[area.question]]
id = "a.say"
kind = "text"
text = "Anything?"
"#,
        e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]
    )
}

fn answers(f: &[String]) -> String {
    let e: Vec<String> = f.iter().map(|t| toml_escaped(t)).collect();
    format!(
        "questionnaire = \"hostile\"\nversion = \"1\"\norganization = \"O{}\"\n\n[answers]\n\"a.pick\" = \"bad\"\n\"a.say\" = \"S{}\"\n\n[notes]\n\"a.pick\" = \"N{}\"\n",
        e[0], e[1], e[2]
    )
}

/// Text as the documented normalisation keeps it: CRLF line ends and tabs
/// are allowed in, and kept as `\n` and spaces.
fn normal(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\t', "    ")
}

/// Every key and string in a JSON value.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_string_that_leaves_the_program_holds_a_refused_character(
        q_fields in fields(8),
        a_fields in fields(3),
    ) {
        let q = match parse(&questionnaire(&q_fields), "hostile.toml") {
            Ok(q) => q,
            Err(e) => {
                // Refused only for what the text rule refuses.
                prop_assert!(q_fields.iter().any(|f| f.chars().any(is_forbidden)), "{e}");
                prop_assert!(e.diagnostics.iter().all(|d| d.message.contains(" holds ")), "{e}");
                return Ok(());
            }
        };
        prop_assert!(q_fields.iter().all(|f| leak(&normal(f)).is_none()), "let through: {q_fields:?}");
        let loaded = match parse_answers(&answers(&a_fields), "a.toml", Syntax::Toml, &q) {
            Ok(loaded) => loaded,
            Err(e) => {
                prop_assert!(a_fields.iter().any(|f| f.chars().any(is_forbidden)), "{e}");
                prop_assert!(e.diagnostics.iter().all(|d| d.message.contains(" holds ")), "{e}");
                return Ok(());
            }
        };
        prop_assert!(a_fields.iter().all(|f| leak(&normal(f)).is_none()), "let through: {a_fields:?}");
        let a = score(&q, &loaded.answers, jiff::Timestamp::UNIX_EPOCH);

        let table = render_table(&a, TableStyle { color: false, width: 100 });
        prop_assert_eq!(leak(&table), None, "table:\n{}", table);
        let markdown = render_markdown(&a, &crm_ready::core::brand::Brand::default());
        prop_assert_eq!(leak(&markdown), None, "markdown:\n{}", markdown);
        let json: serde_json::Value = serde_json::from_str(&to_json(&a)).unwrap();
        let mut decoded = Vec::new();
        strings(&json, &mut decoded);
        for s in decoded {
            prop_assert_eq!(leak(&s), None, "a JSON string decodes to {:?}", s);
        }
    }
}
