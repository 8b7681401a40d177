//! The parsed TOML document: values with their byte ranges, and tables that
//! keep their keys in file order.

use std::borrow::Cow;
use std::collections::{HashMap, hash_map};
use std::fmt;
use std::ops::Range;

/// A key with its position.
pub type Key<'i> = Located<Cow<'i, str>>;

/// A value with its byte range.
pub type Node<'i> = Located<Value<'i>>;

/// A value with its byte range in the source: `toml::Spanned`'s methods,
/// with 32-bit positions, which take 16 of the 88 bytes off each entry of a
/// table (a 10,000-question file has a quarter of a million).
/// Texts beyond 4 GiB are not read (see [`super::parse`]); a position past
/// that would read as `u32::MAX`.
#[derive(Clone)]
pub struct Located<T> {
    start: u32,
    end: u32,
    value: T,
}

impl<T> Located<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Located { start: narrow(span.start), end: narrow(span.end), value }
    }

    /// The byte range in the source.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

fn narrow(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl<T: fmt::Debug> fmt::Debug for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Located").field("span", &self.span()).field("value", &self.value).finish()
    }
}

/// Like `toml::Spanned`, equal when the values are, wherever they stand.
impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Located<T> {}

impl<T> AsRef<T> for Located<T> {
    fn as_ref(&self) -> &T {
        &self.value
    }
}

impl<T> AsMut<T> for Located<T> {
    fn as_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// One TOML value. Strings borrow from the source when they hold no escapes.
#[derive(Debug)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    Integer(i64),
    /// An integer beyond 64 bits, as the nearest float, so that range checks
    /// can still name it.
    BigInteger(f64),
    Float(f64),
    Boolean(bool),
    Datetime,
    Array(Array<'i>),
    /// Boxed: most values are strings and numbers, and a small `Value`
    /// keeps a large file's tree small.
    Table(Box<Table<'i>>),
}

impl<'i> Value<'i> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'i>]> {
        match self {
            Value::Array(a) => Some(&a.items),
            _ => None,
        }
    }

    /// What the value is, in words, for error messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) | Value::BigInteger(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime => "a date-time",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// An array; `of_tables` when it was made by `[[header]]` entries.
#[derive(Debug, Default)]
pub struct Array<'i> {
    pub items: Vec<Node<'i>>,
    pub of_tables: bool,
}

/// How a table came to be, which decides whether a later header may add to
/// it (TOML's rules against defining a table twice). Dotted keys, which
/// make tables of their own kind, are left to the full parser.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The root, or a table defined by its own `[header]`.
    #[default]
    Explicit,
    /// Made on the way to a deeper `[a.b]` header; `[a]` may still define it.
    Implicit,
    /// Written `{ ... }`: closed once written.
    Inline,
}

/// Tables this large get a hash index, so that looking up or adding a key
/// stays constant-time in a file with thousands of answers.
const INDEXED_FROM: usize = 16;

/// Where each key of a large table is.
type Index<'i> = HashMap<Cow<'i, str>, usize, foldhash::fast::RandomState>;

/// A table: entries in file order.
#[derive(Debug, Default)]
pub struct Table<'i> {
    entries: Vec<Entry<'i>>,
    /// Boxed: few tables have one, and every table is allocated.
    index: Option<Box<Index<'i>>>,
    pub origin: Origin,
}

#[derive(Debug)]
struct Entry<'i> {
    /// The key's [`tag`], so that a lookup compares one word per entry.
    tag: u64,
    key: Key<'i>,
    node: Node<'i>,
}

impl<'i> Table<'i> {
    pub fn new(origin: Origin) -> Self {
        Table { entries: Vec::new(), index: None, origin }
    }

    /// A table with room for the handful of keys a questionnaire's tables
    /// hold, so that filling it takes one allocation rather than three.
    pub fn with_room(origin: Origin) -> Self {
        Table { entries: Vec::with_capacity(6), index: None, origin }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Node<'i>)> {
        self.entries.iter().map(|e| (&e.key, &e.node))
    }

    /// Where `key` is among the entries.
    #[inline]
    pub fn position(&self, key: &str) -> Option<usize> {
        self.find(tag(key), key)
    }

    /// [`Table::position`], with the key's tag already worked out.
    #[inline]
    fn find(&self, tag: u64, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => look_up(index, key),
            None => self.entries.iter().position(|e| e.tag == tag && same_tail(e.key.get_ref(), key)),
        }
    }

    #[inline]
    pub fn get(&self, key: &str) -> Option<&Node<'i>> {
        self.position(key).map(|i| &self.entries[i].node)
    }

    /// The value of the entry at `at`, a position from [`Table::position`].
    pub fn node_at_mut(&mut self, at: usize) -> &mut Node<'i> {
        &mut self.entries[at].node
    }

    /// [`Table::node_at_mut`], or `None` past the end.
    pub(super) fn get_at_mut(&mut self, at: usize) -> Option<&mut Node<'i>> {
        self.entries.get_mut(at).map(|e| &mut e.node)
    }

    /// Gives the entry at `at` the key as written at another place (a table
    /// that a later header defines is named where that header names it).
    pub fn rename_at(&mut self, at: usize, key: Key<'i>) {
        self.entries[at].key = key;
    }

    /// Adds an entry; the caller has checked that the key is new.
    pub fn push(&mut self, key: Key<'i>, value: Node<'i>) -> &mut Node<'i> {
        let at = self.push_tagged(tag(key.get_ref()), key, value);
        &mut self.entries[at].node
    }

    /// Adds an entry unless the key is taken; where it went. Inlined, like
    /// the reader's hot paths: the entry's parts then go from registers
    /// into place rather than through copies on the stack.
    #[inline(always)]
    pub(super) fn insert(&mut self, key: Key<'i>, value: Node<'i>) -> Option<usize> {
        if let Some(index) = &mut self.index {
            return insert_indexed(&mut self.entries, index, key, value);
        }
        let tag = tag(key.get_ref());
        if self.find(tag, key.get_ref()).is_some() {
            return None;
        }
        Some(self.push_tagged(tag, key, value))
    }

    /// Where `key` is, or where a new entry for it made by `make` went.
    #[inline]
    pub(super) fn find_or_push(&mut self, key: Key<'i>, make: impl FnOnce(&Key<'i>) -> Node<'i>) -> usize {
        let tag = tag(key.get_ref());
        match self.find(tag, key.get_ref()) {
            Some(at) => at,
            None => {
                let node = make(&key);
                self.push_tagged(tag, key, node)
            }
        }
    }

    #[inline(always)]
    fn push_tagged(&mut self, tag: u64, key: Key<'i>, node: Node<'i>) -> usize {
        let at = self.entries.len();
        // Stored first and indexed from where it is: the entry then goes
        // straight from registers into place.
        self.entries.push(Entry { tag, key, node });
        if self.index.is_some() || at + 1 >= INDEXED_FROM {
            self.index_last();
        }
        at
    }

    /// Adds the last entry's key to the index, making the index first if
    /// the table has just grown large enough for one.
    #[inline(never)]
    fn index_last(&mut self) {
        let Some(at) = self.entries.len().checked_sub(1) else { return };
        let entries = &self.entries;
        match &mut self.index {
            Some(index) => {
                index.insert(entries[at].key.get_ref().clone(), at);
            }
            None => {
                let mut index = Index::with_capacity_and_hasher(entries.len() * 2, Default::default());
                index.extend(entries.iter().enumerate().map(|(i, e)| (e.key.get_ref().clone(), i)));
                self.index = Some(Box::new(index));
            }
        }
    }
}

/// [`Table::insert`] into a table with an index, hashing the key once.
#[inline(never)]
fn insert_indexed<'i>(
    entries: &mut Vec<Entry<'i>>,
    index: &mut Index<'i>,
    key: Key<'i>,
    node: Node<'i>,
) -> Option<usize> {
    let at = entries.len();
    match index.entry(key.get_ref().clone()) {
        hash_map::Entry::Occupied(_) => None,
        hash_map::Entry::Vacant(place) => {
            place.insert(at);
            entries.push(Entry { tag: tag(key.get_ref()), key, node });
            Some(at)
        }
    }
}

/// Out of line: small tables, which have no index, are the common case.
#[inline(never)]
fn look_up(index: &Index<'_>, key: &str) -> Option<usize> {
    index.get(key).copied()
}

/// A key's length and first seven bytes in one word: two keys of at most
/// seven bytes are the same exactly when their tags are, and longer ones
/// then only need their tails compared. Built from whole loads rather than
/// bytes copied one by one, which would stall the load of the word.
#[inline]
fn tag(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let len = bytes.len();
    let head = if let Some(first) = bytes.first_chunk::<8>() {
        u64::from_le_bytes(*first) & HEAD
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // Four to seven bytes: the first four and the last four, which
        // overlap in bytes that then agree.
        u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << (8 * (len - 4))
    } else {
        bytes.iter().enumerate().fold(0, |word, (i, &x)| word | u64::from(x) << (8 * i))
    };
    head | (len.min(255) as u64) << 56
}

/// The bytes of a tag that hold a key's first seven bytes.
const HEAD: u64 = (1 << 56) - 1;

/// The rest of two keys with the same tag, compared without a call into
/// `memcmp`: the tails are short or absent.
#[inline]
fn same_tail(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let from = a.len().min(7);
    a.len() == b.len() && a[from..].iter().zip(&b[from..]).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Key<'_> {
        Located::new(0..name.len(), Cow::Borrowed(name))
    }

    #[test]
    fn tags_tell_short_keys_apart_and_tails_long_ones() {
        let names = ["", "a", "b", "ab", "ba", "id", "abcdefg", "abcdefgh", "abcdefgi", "min_label", "max_label"];
        let mut table = Table::new(Origin::Explicit);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(table.insert(key(name), Located::new(0..0, Value::Integer(i as i64))), Some(i));
        }
        for (i, name) in names.iter().enumerate() {
            assert_eq!(table.position(name), Some(i), "{name}");
            assert!(table.insert(key(name), Located::new(0..0, Value::Boolean(true))).is_none());
        }
        assert_eq!(table.position("abcdefgj"), None);
        assert_eq!(table.position("c"), None);
        let long = "k".repeat(300);
        let longer = "k".repeat(301);
        table.push(key(&long), Located::new(0..0, Value::Boolean(false)));
        assert_eq!(table.position(&longer), None);
        assert_eq!(table.position(&long), Some(names.len()));
    }

    #[test]
    fn large_tables_find_every_key() {
        let names: Vec<String> = (0..100).map(|i| format!("key{i}")).collect();
        let mut table = Table::new(Origin::Explicit);
        for name in &names {
            table.push(key(name), Located::new(0..0, Value::Datetime));
        }
        for (i, name) in names.iter().enumerate() {
            assert_eq!(table.position(name), Some(i));
        }
        assert_eq!(table.position("key100"), None);
    }

    #[test]
    fn positions_beyond_four_gib_saturate() {
        let big = usize::try_from(u64::from(u32::MAX) + 10).unwrap_or(usize::MAX);
        assert_eq!(Located::new(5..big, ()).span(), 5..u32::MAX as usize);
    }

    #[test]
    fn trees_can_be_read_on_other_threads() {
        fn send<T: Send>() {}
        send::<Table<'static>>();
    }
}
