//! [`SharedStr`]: the strings of answer sets and assessments. Scoring copies
//! the same ids, texts and answers into several places for every question,
//! and reading an answers file makes a key and a value for every answer:
//! with `String`s, a large questionnaire's assessment spent most of its time
//! allocating and freeing them, although most are a few bytes long.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The longest string kept inline: with its length and the tag, a
/// `SharedStr` is no bigger than a `String`.
const INLINE: usize = 22;

/// An immutable string, written and read as a plain string. Short ones
/// (ids, choice labels, most answers) live inline, so making one allocates
/// nothing; longer ones (question texts, recommendations) are allocated
/// once and shared by every clone.
#[derive(Clone)]
pub struct SharedStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline(Inline),
    Heap(Arc<str>),
}

const _: () = assert!(size_of::<SharedStr>() == size_of::<String>());

/// Up to [`INLINE`] bytes, only ever filled by appending whole `str`s, so
/// they always hold whole UTF-8.
#[derive(Clone, Copy)]
struct Inline {
    len: u8,
    bytes: [u8; INLINE],
}

impl Inline {
    const EMPTY: Inline = Inline { len: 0, bytes: [0; INLINE] };

    /// Appends `s`; false, and nothing appended, when it does not fit.
    fn push(&mut self, s: &str) -> bool {
        let at = usize::from(self.len);
        match self.bytes.get_mut(at..at + s.len()) {
            Some(room) => {
                room.copy_from_slice(s.as_bytes());
                // At most INLINE, which fits a byte.
                self.len = (at + s.len()) as u8;
                true
            }
            None => false,
        }
    }

    fn as_str(&self) -> &str {
        let bytes = &self.bytes[..usize::from(self.len)];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `push`, the only writer, appends whole `str`s, so the bytes
        // up to `len` are valid UTF-8. Checking them on every read instead
        // cost as much as the rest of reading an answer.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl SharedStr {
    /// The strings of `parts`, joined.
    pub fn concat(parts: &[&str]) -> SharedStr {
        let mut inline = Inline::EMPTY;
        if parts.iter().all(|part| inline.push(part)) {
            SharedStr(Repr::Inline(inline))
        } else {
            SharedStr(Repr::Heap(Arc::from(parts.concat())))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(inline) => inline.as_str(),
            Repr::Heap(s) => s,
        }
    }
}

/// Builds a [`SharedStr`] piece by piece (`write!` works), inline while it
/// fits: a short answer in words costs no allocation.
pub struct Builder {
    inline: Inline,
    /// Everything so far, once it no longer fits inline.
    spilled: Option<String>,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder { inline: Inline::EMPTY, spilled: None }
    }
}

impl Builder {
    pub fn push_str(&mut self, s: &str) {
        match &mut self.spilled {
            Some(spilled) => spilled.push_str(s),
            None if self.inline.push(s) => {}
            None => self.spilled = Some([self.inline.as_str(), s].concat()),
        }
    }

    pub fn finish(self) -> SharedStr {
        match self.spilled {
            None => SharedStr(Repr::Inline(self.inline)),
            Some(spilled) => SharedStr(Repr::Heap(Arc::from(spilled))),
        }
    }
}

impl fmt::Write for Builder {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        let mut inline = Inline::EMPTY;
        if inline.push(s) { SharedStr(Repr::Inline(inline)) } else { SharedStr(Repr::Heap(Arc::from(s))) }
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr::from(s.as_str())
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr::from(s.as_str())
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.as_str().to_string()
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr(Repr::Inline(Inline::EMPTY))
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Accepts what `String` accepts, with its error messages.
impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        struct SharedStrVisitor;
        impl Visitor<'_> for SharedStrVisitor {
            type Value = SharedStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SharedStr, E> {
                Ok(SharedStr::from(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<SharedStr, E> {
                match std::str::from_utf8(v) {
                    Ok(s) => Ok(SharedStr::from(s)),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(v), &self)),
                }
            }
        }
        d.deserialize_string(SharedStrVisitor)
    }
}

/// The schema of a `String`: the JSON is the same.
impl JsonSchema for SharedStr {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_string_whole() {
        let long = "x".repeat(INLINE + 1);
        for s in ["", "q1", "é日本", &"y".repeat(INLINE), &long, "a\0b"] {
            let shared = SharedStr::from(s);
            assert_eq!(shared.as_str(), s);
            assert_eq!(shared.clone(), shared);
            assert_eq!(format!("{shared:?}"), format!("{s:?}"));
            let json = serde_json::to_string(&shared).unwrap();
            assert_eq!(json, serde_json::to_string(s).unwrap());
            assert_eq!(serde_json::from_str::<SharedStr>(&json).unwrap(), s);
        }
        assert_eq!(SharedStr::concat(&["Not in place: ", "b"]), "Not in place: b");
        assert_eq!(SharedStr::concat(&["Not in place: ", &long]).as_str(), format!("Not in place: {long}"));
        let mut b = Builder::default();
        for _ in 0..3 {
            b.push_str("é日本");
        }
        assert_eq!(b.finish(), "é日本é日本é日本");
    }

    #[test]
    fn orders_as_strings_do() {
        let mut words: Vec<SharedStr> = ["b", "a", &"c".repeat(30), "ab"].map(SharedStr::from).into();
        words.sort();
        let sorted: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
        assert_eq!(sorted, ["a", "ab", "b", &"c".repeat(30)]);
    }

    #[test]
    fn refuses_what_a_string_refuses() {
        let e = serde_json::from_str::<SharedStr>("3").unwrap_err().to_string();
        let expected = serde_json::from_str::<String>("3").unwrap_err().to_string();
        assert_eq!(e, expected);
    }
}
