//! A fast reader for plain TOML: the subset questionnaires and answers files
//! are written in (tables, arrays of tables, simple keys, strings, decimal
//! numbers, booleans, arrays and one-line inline tables). It declines
//! anything else, and any mistake, by returning `None`; the full parser then
//! reads the file and reports the problems exactly. The toml crate's own
//! parser is several times slower and holds its tokens, events and tree in
//! memory at once, which a 10,000-question file cannot afford.

use std::borrow::Cow;

use toml::Spanned;

use super::value::{Array, Key, Node, Origin, Table, Value};

/// Nesting of arrays and inline tables read here; deeper goes to the full
/// parser, which has its own limit and message.
const MAX_DEPTH: usize = 8;

/// Parses `source` when it keeps to the plain subset and is valid.
pub fn parse(source: &str) -> Option<Table<'_>> {
    parse_part(source, 0..source.len())
}

/// Parses the lines `part` of `source` as a document of their own, with
/// positions in the whole of `source`: a large file read in parts at once.
/// `part` starts and ends at line starts (or the ends of the text).
pub fn parse_part(source: &str, part: std::ops::Range<usize>) -> Option<Table<'_>> {
    let src = source.get(..part.end)?;
    if src.get(part.start..)?.starts_with('\u{feff}') {
        return None;
    }
    let mut r = Reader { src, bytes: src.as_bytes(), pos: part.start };
    let mut root = Table::new(Origin::Explicit);
    // Entry positions from the root to the table that key-values go into.
    let mut current: Vec<usize> = Vec::new();
    loop {
        r.skip_ws();
        match r.peek() {
            None => break,
            Some(b'\n' | b'\r') => {
                r.newline()?;
                continue;
            }
            Some(b'#') => r.comment()?,
            Some(b'[') => current = r.header(&mut root)?,
            Some(_) => {
                let key = r.key()?;
                r.skip_ws();
                if r.peek() != Some(b'=') {
                    return None;
                }
                r.pos += 1;
                r.skip_ws();
                let value = r.value(0)?;
                let table = table_at(&mut root, &current)?;
                if table.position(key.get_ref()).is_some() {
                    return None;
                }
                table.push(key, value);
            }
        }
        r.end_of_line()?;
    }
    Some(root)
}

/// The table reached by following entry positions from the root; for an
/// array of tables, its last table.
fn table_at<'a, 'i>(root: &'a mut Table<'i>, path: &[usize]) -> Option<&'a mut Table<'i>> {
    let mut table = root;
    for &at in path {
        table = open(table.node_at_mut(at).get_mut())?;
    }
    Some(table)
}

/// The table a header may add to: a table not written inline, or the last
/// table of an array of tables.
fn open<'a, 'i>(value: &'a mut Value<'i>) -> Option<&'a mut Table<'i>> {
    match value {
        Value::Table(t) if t.origin != Origin::Inline => Some(t),
        Value::Array(a) if a.of_tables => match a.items.last_mut()?.get_mut() {
            Value::Table(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

struct Reader<'i> {
    src: &'i str,
    bytes: &'i [u8],
    pos: usize,
}

impl<'i> Reader<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips spaces, tabs and line breaks (between array items).
    fn skip_ws_and_newlines(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.pos += 1,
                Some(b'\n' | b'\r') => self.newline()?,
                _ => return Some(()),
            }
        }
    }

    fn newline(&mut self) -> Option<()> {
        if self.starts_with("\r\n") {
            self.pos += 2;
        } else if self.peek() == Some(b'\n') {
            self.pos += 1;
        } else {
            return None;
        }
        Some(())
    }

    /// A comment up to the line break; control characters decline.
    fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        let len = self.bytes[self.pos..].iter().position(|&b| is_control(b));
        self.pos = len.map_or(self.bytes.len(), |n| self.pos + n);
        match self.peek() {
            None | Some(b'\n' | b'\r') => Some(()),
            Some(_) => None,
        }
    }

    /// What may follow an expression: spaces, a comment, the line break.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(_) => self.newline(),
        }
    }

    /// `[a.b]` or `[[a.b]]`: finds or makes the table, returning the path
    /// to it.
    fn header(&mut self, root: &mut Table<'i>) -> Option<Vec<usize>> {
        let start = self.pos;
        let is_array = self.starts_with("[[");
        self.pos += if is_array { 2 } else { 1 };
        let mut keys = Vec::new();
        loop {
            self.skip_ws();
            keys.push(self.key()?);
            self.skip_ws();
            match self.peek() {
                Some(b'.') => self.pos += 1,
                Some(b']') => break,
                _ => return None,
            }
        }
        let close = if is_array { "]]" } else { "]" };
        if !self.starts_with(close) {
            return None;
        }
        self.pos += close.len();
        let span = start..self.pos;
        let (last, parents) = keys.split_last()?;
        let mut path = Vec::with_capacity(keys.len());
        let mut table = root;
        for key in parents {
            let at = match table.position(key.get_ref()) {
                Some(at) => at,
                None => {
                    table.push(
                        key.clone(),
                        Spanned::new(key.span(), Value::Table(Box::new(Table::new(Origin::Implicit)))),
                    );
                    table.len() - 1
                }
            };
            path.push(at);
            table = open(table.node_at_mut(at).get_mut())?;
        }
        let fresh = || Value::Table(Box::new(Table::with_room(Origin::Explicit)));
        match (table.position(last.get_ref()), is_array) {
            (None, true) => {
                let items = vec![Spanned::new(span.clone(), fresh())];
                table.push(last.clone(), Spanned::new(span, Value::Array(Array { items, of_tables: true })));
                path.push(table.len() - 1);
            }
            (None, false) => {
                table.push(last.clone(), Spanned::new(span, fresh()));
                path.push(table.len() - 1);
            }
            (Some(at), true) => match table.node_at_mut(at).get_mut() {
                Value::Array(a) if a.of_tables => {
                    a.items.push(Spanned::new(span, fresh()));
                    path.push(at);
                }
                _ => return None,
            },
            (Some(at), false) => {
                // Only a table made on the way to a deeper header may still
                // be defined; it then takes this header's position.
                let node = table.node_at_mut(at);
                match node.get_mut() {
                    Value::Table(t) if t.origin == Origin::Implicit => t.origin = Origin::Explicit,
                    _ => return None,
                }
                let value = std::mem::replace(node.get_mut(), Value::Boolean(false));
                *node = Spanned::new(span, value);
                table.rename_at(at, last.clone());
                path.push(at);
            }
        }
        Some(path)
    }

    /// One simple key: bare, or quoted without escapes. A dotted key
    /// declines.
    fn key(&mut self) -> Option<Key<'i>> {
        let start = self.pos;
        let text = match self.peek()? {
            b'"' | b'\'' => {
                let quote = self.peek()?;
                if self.starts_with(if quote == b'"' { "\"\"\"" } else { "'''" }) {
                    return None;
                }
                self.pos += 1;
                let from = self.pos;
                self.pos += self.bytes[from..].iter().position(|&b| b == quote || b == b'\\' || is_control(b))?;
                if self.peek()? != quote {
                    return None;
                }
                self.pos += 1;
                &self.src[from..self.pos - 1]
            }
            _ => {
                self.pos += self.bytes[start..]
                    .iter()
                    .position(|b| !matches!(b, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'))
                    .unwrap_or(self.bytes.len() - start);
                if self.pos == start {
                    return None;
                }
                &self.src[start..self.pos]
            }
        };
        let end = self.pos;
        // A dotted key (`a.b = 1`) is left to the full parser; in a header
        // the caller reads the dots itself.
        Some(Spanned::new(start..end, Cow::Borrowed(text)))
    }

    fn value(&mut self, depth: usize) -> Option<Node<'i>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let value = match self.peek()? {
            b'"' => Value::String(self.basic_string()?),
            b'\'' => Value::String(self.literal_string()?),
            b'[' => Value::Array(self.array(depth)?),
            b'{' => Value::Table(Box::new(self.inline_table(depth)?)),
            b't' | b'f' => {
                let word = if self.starts_with("true") { "true" } else { "false" };
                if !self.starts_with(word) {
                    return None;
                }
                self.pos += word.len();
                Value::Boolean(word == "true")
            }
            b'0'..=b'9' | b'+' | b'-' => self.number()?,
            _ => return None,
        };
        Some(Spanned::new(start..self.pos, value))
    }

    fn basic_string(&mut self) -> Option<Cow<'i, str>> {
        if self.starts_with("\"\"\"") {
            return None;
        }
        self.pos += 1;
        let from = self.pos;
        // Most strings hold no escapes: find the end in one sweep and borrow.
        self.pos += self.bytes[from..].iter().position(|&b| b == b'"' || b == b'\\' || is_control(b))?;
        if self.peek()? == b'"' {
            self.pos += 1;
            return Some(Cow::Borrowed(&self.src[from..self.pos - 1]));
        }
        let mut decoded = self.src[from..self.pos].to_string();
        loop {
            let b = self.peek()?;
            match b {
                b'"' => break,
                b'\\' => {
                    self.pos += 1;
                    let c = match self.peek()? {
                        b'b' => '\u{8}',
                        b't' => '\t',
                        b'n' => '\n',
                        b'f' => '\u{c}',
                        b'r' => '\r',
                        b'"' => '"',
                        b'\\' => '\\',
                        b'u' => self.hex_char(4)?,
                        b'U' => self.hex_char(8)?,
                        _ => return None,
                    };
                    decoded.push(c);
                    self.pos += 1;
                }
                _ if is_control(b) => return None,
                _ => {
                    // Whole characters: the source is valid UTF-8.
                    let len = utf8_len(b);
                    decoded.push_str(self.src.get(self.pos..self.pos + len)?);
                    self.pos += len;
                }
            }
        }
        self.pos += 1;
        Some(Cow::Owned(decoded))
    }

    /// `\uXXXX` or `\UXXXXXXXX`, with the reader on the `u`; leaves it on
    /// the last digit.
    fn hex_char(&mut self, digits: usize) -> Option<char> {
        let hex = self.src.get(self.pos + 1..self.pos + 1 + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    fn literal_string(&mut self) -> Option<Cow<'i, str>> {
        if self.starts_with("\'\'\'") {
            return None;
        }
        self.pos += 1;
        let from = self.pos;
        self.pos += self.bytes[from..].iter().position(|&b| b == b'\'' || is_control(b))?;
        if self.peek()? != b'\'' {
            return None;
        }
        self.pos += 1;
        Some(Cow::Borrowed(&self.src[from..self.pos - 1]))
    }

    /// A decimal integer or float; other forms (hex, `_`, `inf`, dates)
    /// decline.
    fn number(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'+' | b'-' | b':')) {
            self.pos += 1;
        }
        let token = &self.src[start..self.pos];
        let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
        let int_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let (int, rest) = unsigned.split_at(int_len);
        if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        if rest.is_empty() {
            return token.parse().ok().map(Value::Integer);
        }
        let rest = match rest.strip_prefix('.') {
            Some(after) => {
                let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                &after[digits..]
            }
            None => rest,
        };
        if !rest.is_empty() {
            let exponent = rest.strip_prefix(['e', 'E'])?;
            let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        token.parse().ok().map(Value::Float)
    }

    fn array(&mut self, depth: usize) -> Option<Array<'i>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws_and_newlines()?;
            if self.peek()? == b']' {
                break;
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws_and_newlines()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        Some(Array { items, of_tables: false })
    }

    /// `{ a = 1, b = 2 }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: usize) -> Option<Table<'i>> {
        self.pos += 1;
        let mut table = Table::new(Origin::Inline);
        self.skip_ws();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(table);
        }
        loop {
            self.skip_ws();
            let key = self.key()?;
            self.skip_ws();
            if self.peek()? != b'=' {
                return None;
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            if table.position(key.get_ref()).is_some() {
                return None;
            }
            table.push(key, value);
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        Some(table)
    }
}

/// Control characters other than tab, which TOML strings and comments
/// may not hold.
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// Bytes in the UTF-8 character that starts with `first`.
fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}
