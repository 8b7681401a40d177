//! JSON output that is safe to print: besides what JSON requires, every
//! control, bidi and invisible format character is written as a `\u` escape,
//! so a hostile string never reaches a terminal raw through `cat` or `jq -r`.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::core::text::{first_forbidden, forbidden};

/// Pretty JSON of `value`, with a trailing newline.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = write(value, SafeFormatter { layout: PrettyFormatter::new(), in_script: false });
    out.push('\n');
    out
}

/// Compact JSON of `value` that is also safe inside an HTML `<script>`
/// element: `<`, `>` and `&` are written as `\u` escapes. They only occur
/// inside strings, so the JSON means the same, and `</script>` or `<!--`
/// in a question's text cannot end the element early.
pub fn to_script_json<T: Serialize + ?Sized>(value: &T) -> String {
    write(value, SafeFormatter { layout: CompactFormatter, in_script: true })
}

fn write<T: Serialize + ?Sized, F: Formatter>(value: &T, formatter: SafeFormatter<F>) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serialising our own types into memory cannot fail: no maps with
    // non-string keys, no I/O.
    if value.serialize(&mut ser).is_err() {
        return "null".to_string();
    }
    String::from_utf8(out).unwrap_or_default()
}

struct SafeFormatter<F> {
    layout: F,
    in_script: bool,
}

impl<F> SafeFormatter<F> {
    fn escapes(&self, c: char) -> bool {
        self.in_script && matches!(c, '<' | '>' | '&')
    }
}

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let refused: Vec<usize> = match first_forbidden(fragment) {
            None => Vec::new(),
            Some(_) => forbidden(fragment).map(|f| f.at).collect(),
        };
        if refused.is_empty() && !fragment.contains(|c| self.escapes(c)) {
            return w.write_all(fragment.as_bytes());
        }
        let mut buf = [0u16; 2];
        for (at, c) in fragment.char_indices() {
            if refused.contains(&at) || self.escapes(c) {
                for unit in c.encode_utf16(&mut buf) {
                    write!(w, "\\u{unit:04x}")?;
                }
            } else {
                let mut b = [0u8; 4];
                w.write_all(c.encode_utf8(&mut b).as_bytes())?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.layout.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.layout.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.layout.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hostile_characters_and_round_trips() {
        let hostile = "a\u{1b}[2Jb\u{202e}c\u{7f}d\u{e0041}e\u{9b}f";
        let json = to_json(&hostile);
        for bad in ['\u{1b}', '\u{202e}', '\u{7f}', '\u{e0041}', '\u{9b}'] {
            assert!(!json.contains(bad), "{json:?} contains {bad:?}");
        }
        assert!(json.contains("\\u202e"), "{json}");
        assert!(json.contains("\\udb40\\udc41"), "tag characters use surrogate pairs: {json}");
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn plain_text_is_written_as_is() {
        assert_eq!(to_json(&"Zürich — ok"), "\"Zürich — ok\"\n");
    }
}
