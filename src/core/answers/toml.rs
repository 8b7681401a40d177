//! Reading a TOML answers file into typed answers with positions.

use toml::de::DeValue;

use super::positions::{Located, ReadFile, Shape};
use super::{Answer, FILE_KEYS, HEADER_KEYS, header};
use crate::core::diagnostic::Diagnostics;
use crate::core::toml_fields::{self, Fields, Node, Table, Value, as_number, describe};

/// Reads an answers file. Unknown keys and values of the wrong shape are
/// added to `errs`; `None` when the text is not TOML at all.
pub(crate) fn read(source: &str, errs: &mut Diagnostics) -> Option<ReadFile> {
    let doc = match toml_fields::parse(source) {
        Ok(doc) => doc,
        Err(syntax) => {
            errs.extend(syntax);
            return None;
        }
    };
    let f = Fields::new(doc.get_ref(), doc.span(), "the answers file", FILE_KEYS, errs);
    let mut file = ReadFile::default();
    for &key in FILE_KEYS {
        if f.get(key).is_some() {
            file.saw_key(key);
        }
    }
    for &key in HEADER_KEYS {
        if let Some(value) = f.string(key, errs) {
            file.set_header(key, value.get_ref().clone(), value.span());
        }
    }
    if let Some(name) = f.str("group", errs) {
        match header::group(name.get_ref(), name.span()) {
            Ok(group) => file.set_group(group, name.span()),
            Err(d) => errs.push(d),
        }
    }
    if let Some(node) = f.get("assessed_at") {
        match assessed_at(node) {
            Ok(at) => file.set_assessed_at(at, node.span()),
            Err(d) => errs.push(d),
        }
    }
    if let Some((table, _)) = f.table("answers", errs) {
        for (id, at, value) in entries(table) {
            file.add_answer(id, answer(value), at);
        }
    }
    if let Some((table, _)) = f.table("notes", errs) {
        for (id, at, value) in entries(table) {
            file.add_note(id, note(value), at);
        }
    }
    Some(file)
}

/// The date under `assessed_at`: a string, or a TOML date or date-time
/// literal (`assessed_at = 2026-03-10`), read the same way.
fn assessed_at(node: &Node<'_>) -> Result<jiff::Timestamp, crate::core::diagnostic::Diagnostic> {
    match node.get_ref() {
        DeValue::String(s) => header::assessed_at(s, node.span()),
        DeValue::Datetime(d) => header::assessed_at(&d.to_string(), node.span()),
        other => Err(header::not_a_date(describe(other), node.span())),
    }
}

/// The entries of a table: each question id, where it and its value are,
/// and the value.
fn entries<'a, 'i>(table: &'a Table<'i>) -> impl Iterator<Item = (String, Located, &'a Value<'i>)> {
    table.iter().map(|(k, v)| (k.get_ref().to_string(), Located { key: k.span(), value: v.span() }, v.get_ref()))
}

fn answer(value: &Value<'_>) -> Result<Answer, Shape> {
    match value {
        DeValue::String(s) => Ok(Answer::from_text(s.to_string())),
        DeValue::Integer(_) | DeValue::Float(_) => {
            as_number(value).map(Answer::Number).ok_or(Shape::Other("a number out of range"))
        }
        DeValue::Array(items) => {
            let texts: Option<Vec<String>> = items.iter().map(|i| i.get_ref().as_str().map(str::to_string)).collect();
            texts.map(Answer::List).ok_or(Shape::List)
        }
        other => Err(Shape::Other(describe(other))),
    }
}

fn note(value: &Value<'_>) -> Result<String, Shape> {
    match value {
        DeValue::String(s) => Ok(s.to_string()),
        DeValue::Integer(_) | DeValue::Float(_) => Err(Shape::Other("a number")),
        DeValue::Array(_) => Err(Shape::List),
        other => Err(Shape::Other(describe(other))),
    }
}
