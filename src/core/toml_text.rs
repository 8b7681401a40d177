//! The text rule at the door of every TOML file: each key and string of a
//! parsed document is checked (`core::text`), a refused character reported
//! at its exact place in the file (inside an escape such as `\u202E`, at
//! the escape), and the strings that pass are kept normalised. The
//! questionnaire, answers and brand readers all parse through here, so no
//! string they hand out holds a control, bidi or invisible character.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::text::{self, Forbidden};

/// Checks every key and string in `table` (and the tables and arrays in
/// it), reporting each one that holds a refused character; normalises the
/// strings that pass.
pub fn admit(table: &mut DeTable<'_>, source: &str, errs: &mut Diagnostics) {
    for (key, node) in table.iter_mut() {
        if let Some(f) = text::first_forbidden(key.get_ref()) {
            errs.push(refused(source, key.span(), key.get_ref(), f, "a key"));
        }
        admit_node(node, key.get_ref(), source, errs);
    }
}

fn admit_node(node: &mut Spanned<DeValue<'_>>, key: &str, source: &str, errs: &mut Diagnostics) {
    let span = node.span();
    match node.get_mut() {
        DeValue::String(s) => match text::first_forbidden(s) {
            Some(f) => errs.push(refused(source, span, s, f, &format!("`{}`", text::one_line(key)))),
            None => {
                if let Cow::Owned(normal) = text::normalize(s) {
                    *s = Cow::Owned(normal);
                }
            }
        },
        DeValue::Array(items) => {
            for item in items.iter_mut() {
                admit_node(item, key, source, errs);
            }
        }
        DeValue::Table(t) => admit(t, source, errs),
        _ => {}
    }
}

/// The problem of a string `decoded`, written at `span` of `source`.
fn refused(source: &str, span: Span, decoded: &str, f: Forbidden, what: &str) -> Diagnostic {
    let nth = decoded[..f.at].chars().count();
    let token = source.get(span.clone()).unwrap_or("");
    let at = char_places(token).get(nth).map_or(span.clone(), |r| span.start + r.start..span.start + r.end);
    Diagnostic::at(at, text::refused_message(what, &f)).with_help(text::REFUSED_HELP)
}

/// Where each character of a key or string's value is written in its token
/// (quotes included), in order: one range per character, covering an
/// escape whole.
fn char_places(token: &str) -> Vec<Range<usize>> {
    let (open, escapes) = match token {
        t if t.starts_with("\"\"\"") => (3, true),
        t if t.starts_with("'''") => (3, false),
        t if t.starts_with('"') => (1, true),
        t if t.starts_with('\'') => (1, false),
        _ => (0, false),
    };
    let body = &token[open..token.len() - open];
    // A multi-line string drops the line break right after its opening quotes.
    let skip =
        if open == 3 { ["\r\n", "\n"].iter().find(|nl| body.starts_with(**nl)).map_or(0, |nl| nl.len()) } else { 0 };
    let mut places = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().skip_while(|&(i, _)| i < skip).peekable();
    while let Some((i, c)) = chars.next() {
        let at = open + i;
        if !(escapes && c == '\\') {
            places.push(at..at + c.len_utf8());
            continue;
        }
        let Some(&(_, kind)) = chars.peek() else { break };
        let len = match kind {
            'u' => 6,
            'U' => 10,
            'x' => 4,
            // A backslash ending a line joins it to the next, whitespace dropped.
            ' ' | '\t' | '\r' | '\n' => {
                while chars.next_if(|&(_, c)| matches!(c, ' ' | '\t' | '\r' | '\n')).is_some() {}
                continue;
            }
            _ => 2,
        };
        places.push(at..at + len);
        while chars.next_if(|&(j, _)| j < i + len).is_some() {}
    }
    places
}

#[cfg(test)]
mod tests {
    use crate::core::toml_fields::parse;

    fn problems(source: &str) -> Vec<(String, String)> {
        match parse(source) {
            Ok(_) => Vec::new(),
            Err(errs) => {
                errs.iter().map(|d| (source[d.span.clone().unwrap()].to_string(), d.message.clone())).collect()
            }
        }
    }

    #[test]
    fn points_at_the_character_or_its_escape() {
        assert_eq!(
            problems("a = \"x\u{202e}y\"\n"),
            [("\u{202e}".into(), "`a` holds a right-to-left override (U+202E)".into())]
        );
        assert_eq!(problems("a = \"x\\u202Ey\"\n")[0].0, "\\u202E");
        assert_eq!(problems("a = \"\\té\\e[2J\"\n")[0].0, "\\e");
        assert_eq!(problems("a = \"\\U0001F600\\x1b\"\n")[0].0, "\\x1b");
        assert_eq!(problems("a = 'lit\u{200b}'\n")[0].0, "\u{200b}");
        assert_eq!(problems("a = \"\"\"\r\nline\\\n   \u{85}\"\"\"\n")[0].0, "\u{85}");
        assert_eq!(problems("a = '''\nx\u{3164}'''\n")[0].0, "\u{3164}");
    }

    #[test]
    fn keys_arrays_and_nested_tables_are_checked_too() {
        let found = problems("\"k\\u0007\" = 1\n[t]\nlist = [\"ok\", \"no\u{2066}\"]\n[t.\"s\u{feff}\"]\nx = 1\n");
        let spots: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(spots, ["\\u0007", "\u{2066}", "\u{feff}"]);
        assert!(found[0].1.starts_with("a key holds a bell (U+0007)"), "{found:?}");
        assert!(found[1].1.starts_with("`list` holds a left-to-right isolate"), "{found:?}");
    }

    #[test]
    fn strings_that_pass_are_normalised() {
        let doc = parse("a = \"x\\ty\"\nb = \"\"\"\r\none\r\ntwo\"\"\"\nc = '👩\u{200d}💻'\n").unwrap();
        let text = |k: &str| doc.get_ref().get(k).unwrap().get_ref().as_str().unwrap().to_string();
        assert_eq!(text("a"), "x    y");
        assert_eq!(text("b"), "one\ntwo");
        assert_eq!(text("c"), "👩\u{200d}💻");
    }
}
