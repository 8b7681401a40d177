//! Typed, located access to a TOML document parsed by the toml crate.
//!
//! The loaders walk toml's spanned document tree (`DeTable`) instead of
//! deriving `Deserialize`, so that one pass reports *every* unknown key,
//! missing key and wrong type, each at its exact position, rather than
//! stopping at the first.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use super::toml_context::Context;

use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::suggest::closest;
use crate::core::toml_text::admit;

/// A parsed table, keyed by located keys.
pub type Table<'i> = DeTable<'i>;
/// A located value.
pub type Node<'i> = Spanned<DeValue<'i>>;
/// A value.
pub type Value<'i> = DeValue<'i>;

/// Parses `source` into a table, converting every syntax error. Every key
/// and string is then put through the text rule (`toml_text`): a refused
/// character is an error at its place, and the rest is kept normalised.
pub fn parse(source: &str) -> Result<Spanned<Table<'_>>, Diagnostics> {
    let (mut doc, errors) = DeTable::parse_recoverable(source);
    if errors.is_empty() {
        let mut refused = Diagnostics::new();
        admit(doc.get_mut(), source, &mut refused);
        return if refused.is_empty() { Ok(doc) } else { Err(refused) };
    }
    Err(errors
        .into_iter()
        .map(|e| {
            let message = format!("TOML syntax: {}", e.message().trim_end());
            match e.span() {
                Some(span) => Diagnostic::at(span, message),
                None => Diagnostic::whole_file(message),
            }
        })
        .collect())
}

/// What a value is, in words, for error messages.
pub fn describe(value: &Value<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The numeric value of an integer or float. Integers beyond 64 bits are
/// the nearest float, so that range checks can name the value.
pub fn as_number(value: &Value<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => Some(match integer(i) {
            Some(n) => n as f64,
            None => big_integer(i.as_str(), i.radix()),
        }),
        DeValue::Float(f) => Some(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        _ => None,
    }
}

/// A whole number that fits in 64 bits.
fn integer(i: &toml::de::DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

/// An integer too large for 64 bits, as the nearest float.
fn big_integer(digits: &str, radix: u32) -> f64 {
    let digits = digits.replace('_', "");
    let parsed = if radix == 10 {
        digits.parse::<f64>().ok()
    } else {
        u128::from_str_radix(&digits, radix).ok().map(|n| n as f64)
    };
    parsed.unwrap_or(f64::INFINITY)
}

/// The keys of one TOML table, read with their types checked.
pub struct Fields<'a, 'i> {
    table: &'a Table<'i>,
    /// The table's own position, where "missing key" problems point.
    pub span: Span,
    /// How to name this table in messages, e.g. "question `vision.goal`".
    context: Context<'a>,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// Wraps `table`, reporting each key not in `allowed` (with a suggestion
    /// when it looks like a typo of an allowed one).
    pub fn new(
        table: &'a Table<'i>,
        span: Span,
        context: impl Into<Context<'a>>,
        allowed: &[&str],
        errs: &mut Diagnostics,
    ) -> Self {
        let context = context.into();
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                let mut d = Diagnostic::at(key.span(), format!("unknown key `{name}` in {context}"));
                d = match closest(name, allowed) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help(format!("allowed keys here: {}", allowed.join(", "))),
                };
                errs.push(d);
            }
        }
        Fields { table, span, context }
    }

    /// Renames the table in messages, once its id is known.
    pub fn with_context<'b>(self, context: Context<'b>) -> Fields<'b, 'i>
    where
        'a: 'b,
    {
        Fields { table: self.table, span: self.span, context }
    }

    /// The table's name in messages.
    pub fn context(&self) -> &Context<'a> {
        &self.context
    }

    /// The raw node under `key`.
    pub fn get(&self, key: &str) -> Option<&'a Node<'i>> {
        self.table.get(key)
    }

    fn missing(&self, key: &str, what: &str, errs: &mut Diagnostics) {
        errs.push(
            Diagnostic::at(self.span.clone(), format!("{} is missing `{key}`", self.context))
                .with_help(format!("add `{key} = {what}`")),
        );
    }

    fn wrong_type(&self, key: &str, node: &Node<'_>, expected: &str, errs: &mut Diagnostics) {
        errs.push(Diagnostic::at(
            node.span(),
            format!("`{key}` in {} must be {expected}, found {}", self.context, describe(node.get_ref())),
        ));
    }

    /// An optional string, borrowed from the document.
    pub fn str(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<&'a str>> {
        self.str_in(key, self.get(key)?, errs)
    }

    /// [`Fields::str`] of the node found under `key`.
    fn str_in(&self, key: &str, node: &'a Node<'i>, errs: &mut Diagnostics) -> Option<Spanned<&'a str>> {
        match node.get_ref() {
            DeValue::String(s) => Some(Spanned::new(node.span(), s.as_ref())),
            _ => {
                self.wrong_type(key, node, "a string", errs);
                None
            }
        }
    }

    /// An optional string, owned.
    pub fn string(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<String>> {
        self.str(key, errs).map(|s| Spanned::new(s.span(), s.get_ref().to_string()))
    }

    /// A required string; reports it when missing.
    pub fn required_string(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<String>> {
        let Some(node) = self.get(key) else {
            self.missing(key, "\"...\"", errs);
            return None;
        };
        self.str_in(key, node, errs).map(|s| Spanned::new(s.span(), s.get_ref().to_string()))
    }

    /// An optional number (integer or float).
    pub fn number(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<f64>> {
        self.number_in(key, self.get(key)?, errs)
    }

    /// [`Fields::number`] of the node found under `key`.
    fn number_in(&self, key: &str, node: &Node<'_>, errs: &mut Diagnostics) -> Option<Spanned<f64>> {
        match as_number(node.get_ref()) {
            Some(n) => Some(Spanned::new(node.span(), n)),
            None => {
                self.wrong_type(key, node, "a number", errs);
                None
            }
        }
    }

    /// A required number; reports it when missing.
    pub fn required_number(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<f64>> {
        let Some(node) = self.get(key) else {
            self.missing(key, "a number", errs);
            return None;
        };
        self.number_in(key, node, errs)
    }

    /// An optional whole number.
    pub fn integer(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<i64>> {
        let node = self.get(key)?;
        match node.get_ref() {
            DeValue::Integer(i) => match integer(i) {
                Some(n) => Some(Spanned::new(node.span(), n)),
                None => {
                    errs.push(Diagnostic::at(node.span(), format!("`{key}` is out of range")));
                    None
                }
            },
            _ => {
                self.wrong_type(key, node, "a whole number", errs);
                None
            }
        }
    }

    /// An optional boolean.
    pub fn boolean(&self, key: &str, errs: &mut Diagnostics) -> Option<Spanned<bool>> {
        let node = self.get(key)?;
        match node.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(node.span(), *b)),
            _ => {
                self.wrong_type(key, node, "true or false", errs);
                None
            }
        }
    }

    /// An optional array of strings.
    pub fn strings(&self, key: &str, errs: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
        let node = self.get(key)?;
        let Some(items) = node.get_ref().as_array() else {
            self.wrong_type(key, node, "an array of strings", errs);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(item.span(), s.to_string())),
                other => errs
                    .push(Diagnostic::at(item.span(), format!("`{key}` must list strings, found {}", describe(other)))),
            }
        }
        Some(out)
    }

    /// An optional sub-table.
    pub fn table(&self, key: &str, errs: &mut Diagnostics) -> Option<(&'a Table<'i>, Span)> {
        let node = self.get(key)?;
        match node.get_ref() {
            DeValue::Table(t) => Some((t, node.span())),
            _ => {
                self.wrong_type(key, node, "a table", errs);
                None
            }
        }
    }

    /// An optional array of tables (`[[key]]`); empty when absent.
    pub fn tables(&self, key: &str, errs: &mut Diagnostics) -> Vec<(&'a Table<'i>, Span)> {
        let Some(node) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = node.get_ref().as_array() else {
            self.wrong_type(key, node, &format!("an array of tables (`[[{key}]]`)"), errs);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => errs.push(Diagnostic::at(
                    item.span(),
                    format!("each entry of `{key}` must be a table, found {}", describe(other)),
                )),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_unknown_key_with_suggestion() {
        let src = "wieght = 1\ncolour = 2\n";
        let doc = parse(src).unwrap();
        let mut errs = Vec::new();
        let _ = Fields::new(doc.get_ref(), doc.span(), "area `a`", &["weight", "title"], &mut errs);
        errs.sort_by_key(|e| e.span.clone().map(|s| s.start));
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].span, Some(0..6));
        assert_eq!(errs[0].help.as_deref(), Some("did you mean `weight`?"));
        assert!(errs[1].help.as_deref().unwrap().starts_with("allowed keys"));
    }

    #[test]
    fn wrong_types_and_missing_keys_are_all_reported() {
        let src = "weight = \"heavy\"\nflag = 3\n";
        let doc = parse(src).unwrap();
        let mut errs = Vec::new();
        let f = Fields::new(doc.get_ref(), doc.span(), "area `a`", &["weight", "flag", "title"], &mut errs);
        assert!(f.number("weight", &mut errs).is_none());
        assert!(f.boolean("flag", &mut errs).is_none());
        assert!(f.required_string("title", &mut errs).is_none());
        let messages: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`weight` in area `a` must be a number, found a string",
                "`flag` in area `a` must be true or false, found an integer",
                "area `a` is missing `title`",
            ]
        );
    }

    #[test]
    fn numbers_accept_integers_floats_and_special_values() {
        let doc = parse("a = 0x10\nb = 1_000\nc = 2.5\nd = nan\ne = -inf\n").unwrap();
        let mut errs = Vec::new();
        let f = Fields::new(doc.get_ref(), doc.span(), "t", &["a", "b", "c", "d", "e"], &mut errs);
        assert_eq!(*f.number("a", &mut errs).unwrap().get_ref(), 16.0);
        assert_eq!(*f.number("b", &mut errs).unwrap().get_ref(), 1000.0);
        assert_eq!(*f.number("c", &mut errs).unwrap().get_ref(), 2.5);
        assert!(f.number("d", &mut errs).unwrap().get_ref().is_nan());
        assert_eq!(*f.number("e", &mut errs).unwrap().get_ref(), f64::NEG_INFINITY);
        assert!(errs.is_empty());
    }

    #[test]
    fn integers_beyond_64_bits_are_still_numbers() {
        let doc = parse("a = 99999999999999999999\nb = 0xffffffffffffffffff\n").unwrap();
        let mut errs = Vec::new();
        let f = Fields::new(doc.get_ref(), doc.span(), "t", &["a", "b"], &mut errs);
        assert_eq!(*f.number("a", &mut errs).unwrap().get_ref(), 1e20);
        assert!(*f.number("b", &mut errs).unwrap().get_ref() > 4.7e21);
        assert!(errs.is_empty());
    }

    #[test]
    fn syntax_errors_carry_spans() {
        let errs = parse("a = \n").unwrap_err();
        assert!(!errs.is_empty());
        assert!(errs[0].span.is_some());
        assert!(errs[0].message.starts_with("TOML syntax:"));
    }
}
