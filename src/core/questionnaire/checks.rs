//! The field checks every part of the loader shares: ids, texts, weights,
//! repeated ids, and how a table is named in messages.

use std::collections::HashMap;

use toml::Spanned;

use crate::core::diagnostic::{Diagnostic, Diagnostics, Span, position, shown_number};
use crate::core::limits::{MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_TEXT_CHARS, MAX_WEIGHT, MIN_WEIGHT};
use crate::core::toml_fields::{Context, Fields, Table};

/// Checks a string's length (and, when required, that it is not blank).
pub(super) fn check_text(s: &Spanned<String>, key: &str, max: usize, required: bool, errs: &mut Diagnostics) -> bool {
    let chars = s.get_ref().chars().count();
    if chars > max {
        errs.push(Diagnostic::at(s.span(), format!("`{key}` is too long: {chars} characters (at most {max})")));
        false
    } else if required && s.get_ref().trim().is_empty() {
        errs.push(Diagnostic::at(s.span(), format!("`{key}` must not be empty")));
        false
    } else {
        true
    }
}

/// Ids are short, lowercase and safe to show and to use in file names.
pub(super) fn check_id(id: &Spanned<String>, what: &str, errs: &mut Diagnostics) -> bool {
    let s = id.get_ref();
    let ok_chars = s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let chars = s.chars().count();
    if chars > MAX_ID_CHARS {
        // Not quoted: a runaway id would flood the message.
        errs.push(
            Diagnostic::at(id.span(), format!("{what} id is too long: {chars} characters (at most {MAX_ID_CHARS})"))
                .with_help("ids are short keys such as `vision.objective`; put the wording in `text` or `title`"),
        );
        return false;
    }
    if !ok_chars || !ok_start {
        errs.push(
            Diagnostic::at(id.span(), format!("invalid {what} id `{s}`")).with_help(format!(
                "ids use lowercase letters, digits, '-', '_' and '.', start with a letter or digit, and have at most {MAX_ID_CHARS} characters"
            )),
        );
        return false;
    }
    true
}

/// A required id, checked for shape.
pub(super) fn read_id(f: &Fields<'_, '_>, what: &str, errs: &mut Diagnostics) -> Option<Spanned<String>> {
    let id = f.required_string("id", errs)?;
    check_id(&id, what, errs).then_some(id)
}

/// A weight: from [`MIN_WEIGHT`] to [`MAX_WEIGHT`]. Weights only count
/// relative to each other, so nothing is lost by the range, and tiny or huge
/// values cannot make the sums lose precision.
pub(super) fn read_weight(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<f64> {
    let w = f.number("weight", errs)?;
    let value = *w.get_ref();
    if value.is_finite() && (MIN_WEIGHT..=MAX_WEIGHT).contains(&value) {
        Some(value)
    } else {
        errs.push(
            Diagnostic::at(
                w.span(),
                format!("weight must be a number from {MIN_WEIGHT} to {MAX_WEIGHT}, found {}", shown_number(value)),
            )
            .with_help("weights only count relative to each other: use numbers such as 1, 2 or 0.5; leave it out for the default of 1"),
        );
        None
    }
}

/// A one-line string such as a title or a label; when not required it may
/// be blank.
pub(super) fn read_label(f: &Fields<'_, '_>, key: &str, required: bool, errs: &mut Diagnostics) -> Option<String> {
    read_string_within(f, key, required, MAX_LABEL_CHARS, errs)
}

/// A longer text such as a question or its help; when not required it may
/// be blank.
pub(super) fn read_text(f: &Fields<'_, '_>, key: &str, required: bool, errs: &mut Diagnostics) -> Option<String> {
    read_string_within(f, key, required, MAX_TEXT_CHARS, errs)
}

fn read_string_within(
    f: &Fields<'_, '_>,
    key: &str,
    required: bool,
    max: usize,
    errs: &mut Diagnostics,
) -> Option<String> {
    let s = if required { f.required_string(key, errs) } else { f.string(key, errs) }?;
    check_text(&s, key, max, required, errs).then(|| s.into_inner())
}

/// An optional text that, when given, must not be blank: a recommendation
/// or an `if_missing` says what to do, and an empty one says nothing.
pub(super) fn read_filled_text(f: &Fields<'_, '_>, key: &str, errs: &mut Diagnostics) -> Option<String> {
    f.string(key, errs).filter(|s| check_text(s, key, MAX_TEXT_CHARS, true, errs)).map(Spanned::into_inner)
}

/// The ids of one kind of table (areas, questions) used so far, to report a
/// repeat with the line of the first use.
pub(super) struct UniqueIds<'s> {
    source: &'s str,
    what: &'static str,
    first: HashMap<String, Span>,
}

impl<'s> UniqueIds<'s> {
    pub(super) fn new(source: &'s str, what: &'static str) -> Self {
        UniqueIds { source, what, first: HashMap::new() }
    }

    /// Records `id`, or reports it when it was used before.
    pub(super) fn check(&mut self, id: &Spanned<String>, errs: &mut Diagnostics) {
        let what = self.what;
        match self.first.get(id.get_ref()) {
            Some(first) => {
                let line = position(self.source, first.start).line;
                errs.push(
                    Diagnostic::at(id.span(), format!("duplicate {what} id `{}`", id.get_ref()))
                        .with_help(format!("it is first used on line {line}; give each {what} its own id")),
                );
            }
            None => {
                self.first.insert(id.get_ref().clone(), id.span());
            }
        }
    }
}

/// How a table is named in messages, by its id when it has a usable one, so
/// that problems found before the id is checked still say which table.
pub(super) fn named<'a>(table: &'a Table<'_>, what: &'static str) -> Option<Context<'a>> {
    let id = table.get("id")?.get_ref().as_str()?;
    (!id.is_empty() && id.chars().count() <= MAX_ID_CHARS).then_some(Context::Named(what, id))
}
