//! A fast reader for plain TOML: the subset questionnaires and answers files
//! are written in (tables, arrays of tables, simple keys, strings, decimal
//! numbers, booleans, arrays and one-line inline tables). It declines
//! anything else, and any mistake, by returning `None`; the full parser then
//! reads the file and reports the problems exactly. The toml crate's own
//! parser is several times slower and holds its tokens, events and tree in
//! memory at once, which a 10,000-question file cannot afford.

use std::borrow::Cow;

use super::value::{Array, Key, Located, Node, Origin, Table, Value};

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
    // Positions are kept in 32 bits.
    u32::try_from(part.end).ok()?;
    let src = source.get(..part.end)?;
    if src.get(part.start..)?.starts_with('\u{feff}') {
        return None;
    }
    let mut r = Reader { src, bytes: src.as_bytes(), pos: part.start, last_array: 0..0, last_path: Vec::new() };
    let mut root = Table::new(Origin::Explicit);
    r.key_values(&mut root)?;
    // Each header's table is found once for all the key-values under it.
    while r.peek().is_some() {
        let table = r.header(&mut root)?;
        r.end_of_line()?;
        r.key_values(table)?;
    }
    Some(root)
}

/// A table defined by a header, not yet filled.
fn fresh<'i>() -> Value<'i> {
    Value::Table(Box::new(Table::with_room(Origin::Explicit)))
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
    /// The last header, when it was an array's (`[[a.b]]`), with the entry
    /// positions from the root to that array: the same header again (a
    /// question's next choice) then goes straight to it.
    last_array: std::ops::Range<usize>,
    last_path: Vec<usize>,
}

impl<'i> Reader<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    /// Moves on to the first byte from here of class `stop`, if any.
    fn sweep(&mut self, stop: u8) -> Option<()> {
        self.pos += self.bytes[self.pos..].iter().position(|&b| CLASS[usize::from(b)] & stop != 0)?;
        Some(())
    }

    /// [`Reader::sweep`] to the end of a basic string's plain run: the
    /// first quote, backslash or control character. Eight bytes at a time
    /// while none of them can be one; strings are most of a file's bytes.
    fn sweep_string(&mut self) -> Option<()> {
        while let Some(word) = self.bytes.get(self.pos..).and_then(<[u8]>::first_chunk::<8>) {
            if may_end_string(u64::from_le_bytes(*word)) {
                break;
            }
            self.pos += 8;
        }
        self.sweep(STRING_STOP)
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
        if self.sweep(CONTROL).is_none() {
            self.pos = self.bytes.len();
        }
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

    /// Key-value lines, blank lines and comments, into `table`, up to the
    /// next header or the end.
    fn key_values(&mut self, table: &mut Table<'i>) -> Option<()> {
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(b'[') => return Some(()),
                Some(b'\n' | b'\r') => {
                    self.newline()?;
                    continue;
                }
                Some(b'#') => self.comment()?,
                Some(_) => {
                    let key = self.key()?;
                    self.skip_ws();
                    if self.peek() != Some(b'=') {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_ws();
                    // A string, the most common value, is stored where it
                    // is read rather than through a value of any kind, which
                    // costs a round trip through memory.
                    let start = self.pos;
                    if self.peek() == Some(b'"') {
                        let text = self.basic_string()?;
                        table.insert(key, Located::new(start..self.pos, Value::String(text)))?;
                    } else {
                        let value = self.value(0)?;
                        table.insert(key, value)?;
                    }
                }
            }
            self.end_of_line()?;
        }
    }

    /// `[a.b]` or `[[a.b]]`: finds or makes the table, and returns it.
    fn header<'t>(&mut self, root: &'t mut Table<'i>) -> Option<&'t mut Table<'i>> {
        let start = self.pos;
        let is_array = self.starts_with("[[");
        let last_array = self.last_array.clone();
        self.last_array = 0..0;
        if is_array && !last_array.is_empty() {
            let end = start + last_array.len();
            if self.bytes.get(start..end) == self.bytes.get(last_array) {
                self.pos = end;
                self.last_array = start..end;
                return self.next_in_array(root, start..end);
            }
        }
        self.last_path.clear();
        self.pos += if is_array { 2 } else { 1 };
        // Each key but the last names a table on the way, made if new.
        let mut table = root;
        let last = loop {
            self.skip_ws();
            let key = self.key()?;
            self.skip_ws();
            match self.peek() {
                Some(b'.') => self.pos += 1,
                Some(b']') => break key,
                _ => return None,
            }
            let at = table.find_or_push(key, |key| {
                Located::new(key.span(), Value::Table(Box::new(Table::new(Origin::Implicit))))
            });
            self.last_path.push(at);
            table = open(table.node_at_mut(at).get_mut())?;
        };
        let close = if is_array { "]]" } else { "]" };
        if !self.starts_with(close) {
            return None;
        }
        self.pos += close.len();
        let span = start..self.pos;
        let at = match table.position(last.get_ref()) {
            None => {
                let value = if is_array {
                    // Room for a question's few choices without growing.
                    let mut items = Vec::with_capacity(4);
                    items.push(Located::new(span.clone(), fresh()));
                    Value::Array(Array { items, of_tables: true })
                } else {
                    fresh()
                };
                table.push(last, Located::new(span, value));
                table.len() - 1
            }
            Some(at) if is_array => match table.node_at_mut(at).get_mut() {
                Value::Array(a) if a.of_tables => {
                    a.items.push(Located::new(span, fresh()));
                    at
                }
                _ => return None,
            },
            Some(at) => {
                // Only a table made on the way to a deeper header may still
                // be defined; it then takes this header's position.
                let node = table.node_at_mut(at);
                match node.get_mut() {
                    Value::Table(t) if t.origin == Origin::Implicit => t.origin = Origin::Explicit,
                    _ => return None,
                }
                let value = std::mem::replace(node.get_mut(), Value::Boolean(false));
                *node = Located::new(span, value);
                table.rename_at(at, last);
                at
            }
        };
        if is_array {
            self.last_path.push(at);
            self.last_array = start..self.pos;
        }
        open(table.node_at_mut(at).get_mut())
    }

    /// The next table of the array the last header named, for the same
    /// header again: only key-values, which cannot move the array, were read
    /// in between.
    fn next_in_array<'t>(&self, root: &'t mut Table<'i>, span: std::ops::Range<usize>) -> Option<&'t mut Table<'i>> {
        let (&at, parents) = self.last_path.split_last()?;
        let mut table = root;
        for &parent in parents {
            table = open(table.get_at_mut(parent)?.get_mut())?;
        }
        match table.get_at_mut(at)?.get_mut() {
            Value::Array(a) if a.of_tables => {
                a.items.push(Located::new(span, fresh()));
                open(a.items.last_mut()?.get_mut())
            }
            _ => None,
        }
    }

    /// One simple key: bare, or quoted without escapes. A dotted key
    /// declines.
    #[inline(always)]
    fn key(&mut self) -> Option<Key<'i>> {
        let start = self.pos;
        let text = match self.peek()? {
            quote @ (b'"' | b'\'') => {
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
                if self.sweep(NOT_BARE).is_none() {
                    self.pos = self.bytes.len();
                }
                if self.pos == start {
                    return None;
                }
                &self.src[start..self.pos]
            }
        };
        // A dotted key (`a.b = 1`) is left to the full parser; in a header
        // the caller reads the dots itself.
        Some(Located::new(start..self.pos, Cow::Borrowed(text)))
    }

    #[inline(always)]
    fn value(&mut self, depth: usize) -> Option<Node<'i>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let value = match self.peek()? {
            b'"' => Value::String(self.basic_string()?),
            b'\'' => Value::String(self.literal_string()?),
            b'[' | b'{' => self.nested(depth)?,
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
        Some(Located::new(start..self.pos, value))
    }

    /// An array or inline table: out of line, so that the common values
    /// are read where they are stored.
    #[inline(never)]
    fn nested(&mut self, depth: usize) -> Option<Value<'i>> {
        Some(match self.peek()? {
            b'[' => Value::Array(self.array(depth)?),
            _ => Value::Table(Box::new(self.inline_table(depth)?)),
        })
    }

    #[inline(always)]
    fn basic_string(&mut self) -> Option<Cow<'i, str>> {
        if self.starts_with("\"\"\"") {
            return None;
        }
        self.pos += 1;
        let from = self.pos;
        // Most strings hold no escapes: find the end in one sweep and borrow.
        self.sweep_string()?;
        if self.peek()? == b'"' {
            self.pos += 1;
            return Some(Cow::Borrowed(&self.src[from..self.pos - 1]));
        }
        self.escaped_string(from)
    }

    /// The rest of a basic string from the first escape (or control
    /// character) on, `from` being where its text starts.
    #[inline(never)]
    fn escaped_string(&mut self, from: usize) -> Option<Cow<'i, str>> {
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
        self.sweep(LITERAL_STOP)?;
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
        if self.sweep(NOT_NUMBER).is_none() {
            self.pos = self.bytes.len();
        }
        let token = &self.src[start..self.pos];
        let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
        let int_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let (int, rest) = unsigned.split_at(int_len);
        if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        if rest.is_empty() {
            return integer(token, int).map(Value::Integer);
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
            table.insert(key, value)?;
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

/// The value of a decimal integer `token` whose digits are `digits`; `None`
/// beyond 64 bits.
fn integer(token: &str, digits: &str) -> Option<i64> {
    // Up to 18 digits cannot overflow: add them up without `parse`.
    if digits.len() > 18 {
        return token.parse().ok();
    }
    let n = digits.bytes().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    Some(if token.starts_with('-') { -n } else { n })
}

/// Whether any byte of `word` may end a basic string's plain run: a quote,
/// a backslash or a control character (or a tab, which the byte-by-byte
/// sweep then passes). Never no when one is there.
fn may_end_string(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (at most 0x80) sets its high bit in the difference
    // while its own high bit is clear; equal bytes are bytes below 1 after
    // an exclusive or.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0;
    let has = |byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    below(word, 0x20) || has(b'"') || has(b'\\') || has(0x7f)
}

/// Byte classes for the sweeps through keys, strings, comments and numbers:
/// one table lookup per byte.
const CONTROL: u8 = 1;
const STRING_STOP: u8 = 2;
const LITERAL_STOP: u8 = 4;
const NOT_BARE: u8 = 8;
const NOT_NUMBER: u8 = 16;

static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        if is_control(b) {
            c |= CONTROL | STRING_STOP | LITERAL_STOP;
        }
        if b == b'"' || b == b'\\' {
            c |= STRING_STOP;
        }
        if b == b'\'' {
            c |= LITERAL_STOP;
        }
        if !matches!(b, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-') {
            c |= NOT_BARE;
        }
        if !matches!(b, b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'+' | b'-' | b':') {
            c |= NOT_NUMBER;
        }
        class[i] = c;
        i += 1;
    }
    class
};

/// Control characters other than tab, which TOML strings and comments
/// may not hold.
const fn is_control(b: u8) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The word test never misses a byte that ends a string's plain run,
    /// wherever it stands among others.
    #[test]
    fn words_with_a_string_end_are_never_passed() {
        for stop in (0..=255u8).filter(|&b| CLASS[usize::from(b)] & STRING_STOP != 0) {
            for at in 0..8 {
                for fill in [b'a', b' ', 0x80, 0xff, b'~', b'!'] {
                    let mut word = [fill; 8];
                    word[at] = stop;
                    assert!(may_end_string(u64::from_le_bytes(word)), "{stop:#x} at {at} among {fill:#x}");
                }
            }
        }
        assert!(!may_end_string(u64::from_le_bytes(*b"Plain te")));
        assert!(!may_end_string(u64::from_le_bytes("ünï €".as_bytes()[..8].try_into().unwrap())));
    }
}
