//! The parsed TOML document: values with their byte ranges, and tables that
//! keep their keys in file order.

use std::borrow::Cow;
use std::collections::HashMap;

use toml::Spanned;

/// A key with its position.
pub type Key<'i> = Spanned<Cow<'i, str>>;

/// A value with its byte range.
pub type Node<'i> = Spanned<Value<'i>>;

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

/// A table: entries in file order.
#[derive(Debug, Default)]
pub struct Table<'i> {
    entries: Vec<(Key<'i>, Node<'i>)>,
    index: Option<HashMap<Cow<'i, str>, usize>>,
    pub origin: Origin,
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
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Where `key` is among the entries.
    pub fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| same_key(k.get_ref(), key)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node<'i>> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The value of the entry at `at`, a position from [`Table::position`].
    pub fn node_at_mut(&mut self, at: usize) -> &mut Node<'i> {
        &mut self.entries[at].1
    }

    /// Gives the entry at `at` the key as written at another place (a table
    /// that a later header defines is named where that header names it).
    pub fn rename_at(&mut self, at: usize, key: Key<'i>) {
        self.entries[at].0 = key;
    }

    /// Adds an entry; the caller has checked that the key is new.
    pub fn push(&mut self, key: Key<'i>, value: Node<'i>) -> &mut Node<'i> {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(key.get_ref().clone(), at);
        } else if at + 1 >= INDEXED_FROM {
            let mut index: HashMap<Cow<'i, str>, usize> = HashMap::with_capacity(at * 2);
            for (i, (k, _)) in self.entries.iter().enumerate() {
                index.insert(k.get_ref().clone(), i);
            }
            index.insert(key.get_ref().clone(), at);
            self.index = Some(index);
        }
        self.entries.push((key, value));
        &mut self.entries[at].1
    }
}

/// Key equality without a call into `memcmp` for the short keys tables hold:
/// lookups are most of the work of reading a large file.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}
