//! Reading a JSON answers file into typed answers with positions.
//!
//! serde_json keeps no positions and its maps silently keep only the last of
//! two equal keys, so the file is read into a small tree that keeps every
//! entry in order, and each key is then found in the text, in order.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::positions::{Located, ReadFile, Shape};
use super::{Answer, FILE_KEYS, header};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::json_text::refused_strings;
use crate::core::limits::MAX_COSTLY_HINTS;
use crate::core::suggest::closest;
use crate::core::text::{REFUSED_HELP, normalize, refused_message};

/// A JSON value whose objects keep every entry, duplicates included.
#[derive(Debug)]
enum Json {
    Null,
    Bool,
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn describe(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn into_answer(self) -> Result<Answer, Shape> {
        match self {
            Json::String(s) => Ok(Answer::from_text(s)),
            Json::Number(n) => Ok(Answer::Number(n)),
            Json::Array(items) => {
                let texts: Option<Vec<String>> = items.into_iter().map(Json::into_text).collect();
                texts.map(Answer::List).ok_or(Shape::List)
            }
            other => Err(other.shape()),
        }
    }

    fn into_note(self) -> Result<String, Shape> {
        match self {
            Json::String(s) => Ok(s),
            other => Err(other.shape()),
        }
    }

    fn into_text(self) -> Option<String> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// What a value that is no answer or note is, in words.
    fn shape(&self) -> Shape {
        match self {
            Json::Array(_) => Shape::List,
            other => Shape::Other(other.describe()),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct JsonVisitor;
        impl<'de> Visitor<'de> for JsonVisitor {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Json, E> {
                Ok(Json::Bool)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Number(v))
            }
            // Kept normalised, as the text rule says (`read` refuses the rest).
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
                Ok(Json::String(normalize(v).into_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Json::Object(entries))
            }
        }
        d.deserialize_any(JsonVisitor)
    }
}

/// Finds object keys in the text, in document order: each search starts
/// where the previous one ended, and only matches a quoted key followed by
/// a colon, so a value that happens to equal a key is skipped.
struct KeyFinder<'s> {
    source: &'s str,
    at: usize,
    /// Keys not found: each miss scans the rest of the text, so after a few
    /// the finder stops looking (a hostile file could hold thousands).
    misses: usize,
}

impl KeyFinder<'_> {
    /// The spans of `key` and of its value; empty spans at the cursor when
    /// the key is written in a way the search cannot match (e.g. with `\u`
    /// escapes).
    fn next(&mut self, key: &str) -> (Span, Span) {
        let unknown = (self.at..self.at, self.at..self.at);
        if self.misses > MAX_COSTLY_HINTS {
            return unknown;
        }
        let needle = serde_json::to_string(key).unwrap_or_default();
        let mut from = self.at;
        while let Some(found) = self.source.get(from..).and_then(|rest| rest.find(&needle)) {
            let start = from + found;
            let end = start + needle.len();
            let after = &self.source[end..];
            let colon = after.len() - after.trim_start().len();
            let escaped = self.source[..start].ends_with('\\');
            if !escaped && after.trim_start().starts_with(':') {
                let rest = &after[colon + 1..];
                let value = end + colon + 1 + (rest.len() - rest.trim_start().len());
                self.at = value;
                return (start..end, value..value + value_len(&self.source[value..]));
            }
            from = end;
        }
        self.misses += 1;
        unknown
    }
}

/// Reads an answers file. Unknown and repeated keys and values of the
/// wrong shape are added to `errs`; `None` when the text is not a JSON
/// object at all.
pub(crate) fn read(source: &str, errs: &mut Diagnostics) -> Option<ReadFile> {
    let value = match serde_json::from_str::<Json>(source) {
        Ok(v) => v,
        Err(e) => {
            let at = offset_of(source, e.line(), e.column());
            errs.push(Diagnostic::at(at..at, format!("JSON syntax: {e}")));
            return None;
        }
    };
    let refused = refused_strings(source);
    if !refused.is_empty() {
        errs.extend(refused.iter().map(|r| {
            Diagnostic::at(r.span.clone(), refused_message("this string", &r.forbidden)).with_help(REFUSED_HELP)
        }));
        return None;
    }
    let Json::Object(top) = value else {
        errs.push(
            Diagnostic::at(0..0, format!("an answers file must be a JSON object, found {}", value.describe()))
                .with_help("write `{ \"questionnaire\": ..., \"version\": ..., \"answers\": { ... } }`"),
        );
        return None;
    };
    let mut keys = KeyFinder { source, at: 0, misses: 0 };
    let mut file = ReadFile::default();
    for (key, value) in top {
        let (span, value_span) = keys.next(&key);
        let Some(&known) = FILE_KEYS.iter().find(|k| **k == key) else {
            let d = Diagnostic::at(span, format!("unknown key `{key}` in the answers file"));
            errs.push(match closest(&key, FILE_KEYS) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("allowed keys: {}", FILE_KEYS.join(", "))),
            });
            continue;
        };
        if file.has_key(known) {
            errs.push(Diagnostic::at(span, format!("`{key}` appears twice in the answers file")).with_help("keep one"));
            continue;
        }
        file.saw_key(known);
        match (known, value) {
            ("answers" | "notes", Json::Object(entries)) => read_entries(known, entries, &mut keys, &mut file, errs),
            ("answers" | "notes", other) => errs.push(Diagnostic::at(
                value_span,
                format!("`{known}` in the answers file must be an object, found {}", other.describe()),
            )),
            ("group", Json::String(s)) => match header::group(&s, value_span.clone()) {
                Ok(group) => file.set_group(group, value_span),
                Err(d) => errs.push(d),
            },
            ("assessed_at", Json::String(s)) => match header::assessed_at(&s, value_span.clone()) {
                Ok(at) => file.set_assessed_at(at, value_span),
                Err(d) => errs.push(d),
            },
            ("assessed_at", other) => errs.push(header::not_a_date(other.describe(), value_span)),
            (_, Json::String(s)) => file.set_header(known, s, value_span),
            (_, other) => errs.push(Diagnostic::at(
                value_span,
                format!("`{known}` in the answers file must be a string, found {}", other.describe()),
            )),
        }
    }
    Some(file)
}

/// Reads the entries of `answers` or `notes` (`table`); of two entries for
/// one question, the first counts and the second is reported.
fn read_entries(
    table: &str,
    entries: Vec<(String, Json)>,
    keys: &mut KeyFinder<'_>,
    file: &mut ReadFile,
    errs: &mut Diagnostics,
) {
    let is_answers = table == "answers";
    for (id, value) in entries {
        let (key, value_span) = keys.next(&id);
        let at = Located { key, value: value_span };
        let repeated = if is_answers { file.has_answer(&id) } else { file.has_note(&id) };
        if repeated {
            let what = if is_answers { "an answer" } else { "a note" };
            errs.push(
                Diagnostic::at(at.key, format!("`{id}` has {what} twice in `{table}`"))
                    .with_help("keep one: only one of them would count"),
            );
        } else if is_answers {
            file.add_answer(id, value.into_answer(), at);
        } else {
            file.add_note(id, value.into_note(), at);
        }
    }
}

/// The length of the JSON value `text` starts with, as written: a string
/// to its closing quote, an array or object to its closing bracket, a
/// number or literal to the next delimiter. At least 1, for the caret.
fn value_len(text: &str) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    in_string = false;
                    if depth == 0 {
                        return end;
                    }
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => depth += 1,
            ']' | '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return end;
                }
            }
            ',' | ']' | '}' | ' ' | '\t' | '\r' | '\n' if depth == 0 => return i.max(1),
            _ => {}
        }
    }
    text.len().max(1)
}

/// Byte offset of a 1-based line and column (as serde_json reports them).
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let line_start: usize = source.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let rest = &source[line_start.min(source.len())..];
    line_start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_in_order_and_skips_values_that_look_like_keys() {
        let src = r#"{"a": "b", "b" : 1}"#;
        let mut keys = KeyFinder { source: src, at: 0, misses: 0 };
        assert_eq!(keys.next("a"), (1..4, 6..9));
        let (span, value) = keys.next("b");
        assert_eq!(&src[span], "\"b\"");
        assert_eq!(&src[value], "1");
    }

    #[test]
    fn measures_values_as_written() {
        assert_eq!(value_len(r#""a \" b", "next""#), 8);
        assert_eq!(value_len(r#"["x", "]", {"y": [1]}] , 2"#), 22);
        assert_eq!(value_len("12.5e3}"), 6);
        assert_eq!(value_len("null"), 4);
        assert_eq!(value_len(""), 1);
    }

    #[test]
    fn keeps_the_first_of_duplicate_keys_and_reports_the_second() {
        let errs = &mut Diagnostics::new();
        let src = "{\"questionnaire\": \"q\", \"version\": \"1\",\n \"answers\": {\"x\": \"a\", \"x\": \"b\"}}";
        let file = read(src, errs).unwrap();
        assert_eq!(file.answers.answers.len(), 1);
        assert_eq!(file.answers.answers["x"], Answer::Text("a".into()));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].span, Some(62..65), "the second `x`");
    }
}
