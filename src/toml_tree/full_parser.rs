//! The complete TOML parser: the toml crate's, for every file the quick
//! reader declines. Its document tree is copied into ours; its syntax errors
//! become located diagnostics.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::value::{Array, Located, Node, Origin, Table, Value};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Parses `source`, reporting every syntax error.
pub fn parse(source: &str) -> Result<Table<'_>, Diagnostics> {
    let (doc, errors) = DeTable::parse_recoverable(source);
    if errors.is_empty() {
        return Ok(table(doc.into_inner(), Origin::Explicit));
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

fn table(from: DeTable<'_>, origin: Origin) -> Table<'_> {
    let mut out = Table::new(origin);
    for (key, value) in from {
        out.push(Located::new(key.span(), key.into_inner()), node(value));
    }
    out
}

fn node(from: Spanned<DeValue<'_>>) -> Node<'_> {
    let span = from.span();
    let value = match from.into_inner() {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => Value::BigInteger(big_integer(i.as_str(), i.radix())),
        },
        DeValue::Float(f) => Value::Float(f.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(_) => Value::Datetime,
        // How tables came to be only matters while a document is built;
        // this one is finished.
        DeValue::Array(items) => Value::Array(Array { items: items.into_iter().map(node).collect(), of_tables: false }),
        DeValue::Table(t) => Value::Table(Box::new(table(t, Origin::Explicit))),
    };
    Located::new(span, value)
}

/// An integer too large for 64 bits, as the nearest float.
fn big_integer(digits: &str, radix: u32) -> f64 {
    let parsed = if radix == 10 {
        digits.parse::<f64>().ok()
    } else {
        u128::from_str_radix(digits, radix).ok().map(|n| n as f64)
    };
    parsed.unwrap_or(f64::INFINITY)
}
