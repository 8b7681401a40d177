//! Problems found in an input file, located by line and column.
//!
//! Loaders collect every problem they can find into a [`Diagnostics`] list
//! instead of stopping at the first one; [`InvalidInput`] then renders them
//! all as `file:line:column: message`, with the offending line and a caret.

use std::fmt;
use std::ops::Range;

use crate::core::limits::MAX_PROBLEMS_SHOWN;
use crate::core::text::{marked, visible_line, visible_name};

/// A byte range in the source text.
pub type Span = Range<usize>;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the source; `None` when the problem concerns the whole file.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn at(span: Span, message: impl Into<String>) -> Self {
        Diagnostic { span: Some(span), message: message.into(), help: None }
    }

    pub fn whole_file(message: impl Into<String>) -> Self {
        Diagnostic { span: None, message: message.into(), help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A number as messages and reports write it: short, in scientific
/// notation when very large or very small (`1e308`, `1e-300`, not hundreds
/// of digits), without a needless ".0" or a "-0". The one way numbers are
/// shown.
pub fn shown_number(n: f64) -> String {
    if n == 0.0 {
        "0".to_string()
    } else if n.is_finite() && !(1e-3..1e15).contains(&n.abs()) {
        format!("{n:e}")
    } else {
        format!("{n}")
    }
}

/// An ordered collection of problems.
pub type Diagnostics = Vec<Diagnostic>;

/// A line and column, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The line and column of byte `offset` in `source`. For many look-ups in
/// one text, build a [`LineIndex`] once instead.
pub fn position(source: &str, offset: usize) -> Position {
    LineIndex::new(source).position(offset)
}

/// Where each line of a text starts, to turn many byte offsets into
/// positions without rescanning the text each time.
pub struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> Self {
        let starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { source, starts }
    }

    /// The line and column of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.source, offset.min(self.source.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self.source[line_start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The text of line `line` (from 1), without its line break.
    pub fn line(&self, line: usize) -> &'s str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else { return "" };
        let end = self.starts.get(line).map_or(self.source.len(), |&next| next - 1);
        self.source[start..end].trim_end_matches('\r')
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An input file that failed to load, with every problem found in it.
#[derive(Debug, Clone, thiserror::Error)]
pub struct InvalidInput {
    /// The file's name as the user gave it.
    pub path: String,
    /// The file's text, to quote the offending lines.
    pub source_text: String,
    pub diagnostics: Diagnostics,
}

impl InvalidInput {
    pub fn new(path: impl Into<String>, source_text: impl Into<String>, mut diagnostics: Diagnostics) -> Self {
        diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        diagnostics.dedup();
        InvalidInput { path: path.into(), source_text: source_text.into(), diagnostics }
    }

    /// A problem with the whole file (empty, too large, not UTF-8...).
    pub fn whole_file(path: impl Into<String>, message: impl Into<String>) -> Self {
        InvalidInput::new(path, String::new(), vec![Diagnostic::whole_file(message)])
    }

    /// The located problems, for tests and machine consumers.
    pub fn located(&self) -> Vec<(Option<Position>, &str)> {
        let index = LineIndex::new(&self.source_text);
        self.diagnostics
            .iter()
            .map(|d| (d.span.as_ref().map(|s| index.position(s.start)), d.message.as_str()))
            .collect()
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = visible_name(&self.path);
        let index = LineIndex::new(&self.source_text);
        for (i, d) in self.diagnostics.iter().take(MAX_PROBLEMS_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let message = visible_line(&d.message);
            match &d.span {
                Some(span) => {
                    let pos = index.position(span.start);
                    writeln!(f, "{path}:{}:{}: {message}", pos.line, pos.column)?;
                    write_snippet(f, &index, &self.source_text, span, pos)?;
                }
                None => writeln!(f, "{path}: {message}")?,
            }
            if let Some(help) = &d.help {
                writeln!(f, "  = help: {}", visible_line(help))?;
            }
        }
        if let Some(rest) = self.diagnostics.len().checked_sub(MAX_PROBLEMS_SHOWN).filter(|n| *n > 0) {
            writeln!(f, "\n... and {rest} more, not shown: fix these first and run again")?;
        }
        if self.diagnostics.len() > 1 {
            write!(f, "{} problems in {path}", self.diagnostics.len())?;
        } else {
            write!(f, "1 problem in {path}")?;
        }
        Ok(())
    }
}

/// At most `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    &s[..floor_char_boundary(s, max.min(s.len()))]
}

/// Longest stretch of a source line quoted under a message.
const SNIPPET_WIDTH: usize = 100;

fn write_snippet(
    f: &mut fmt::Formatter<'_>,
    index: &LineIndex<'_>,
    source: &str,
    span: &Span,
    pos: Position,
) -> fmt::Result {
    // Only a prefix is cleaned and measured: a line may be megabytes long.
    let line_text = prefix(index.line(pos.line), SNIPPET_WIDTH * 4);
    let line_text: String = marked(line_text).chars().take(SNIPPET_WIDTH).collect();
    let gutter = pos.line.to_string();
    let pad = " ".repeat(gutter.len());
    let start_col = pos.column.min(line_text.chars().count() + 1);
    let span_chars = source
        .get(span.clone())
        .map_or(1, |s| prefix(s, SNIPPET_WIDTH * 4).lines().next().unwrap_or("").chars().count())
        .clamp(1, SNIPPET_WIDTH.saturating_sub(start_col).max(1));
    writeln!(f, "{pad} |")?;
    writeln!(f, "{gutter} | {line_text}")?;
    writeln!(f, "{pad} | {}{}", " ".repeat(start_col - 1), "^".repeat(span_chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(position(src, src.len()), Position { line: 3, column: 1 });
        assert_eq!(position(src, 5), Position { line: 1, column: 6 });
        assert_eq!(position(src, 0), Position { line: 1, column: 1 });
        assert_eq!(position(src, 6), Position { line: 2, column: 1 });
        // 'é' is two bytes but one column: the space after it is column 3.
        assert_eq!(position(src, 9), Position { line: 2, column: 3 });
    }

    #[test]
    fn line_index_gives_each_line_without_its_break() {
        let index = LineIndex::new("one\r\ntwo\n\nfour");
        assert_eq!([index.line(1), index.line(2), index.line(3), index.line(4)], ["one", "two", "", "four"]);
        assert_eq!(index.line(0), "");
        assert_eq!(index.line(5), "");
    }

    #[test]
    fn display_names_file_line_column_and_quotes_line() {
        let err = InvalidInput::new(
            "q.toml",
            "x = 1\nweight = -2\n",
            vec![Diagnostic::at(15..17, "weight must be positive").with_help("use a number above 0")],
        );
        let text = err.to_string();
        assert!(text.starts_with("q.toml:2:10: weight must be positive\n"), "{text}");
        assert!(text.contains("2 | weight = -2\n"), "{text}");
        assert!(text.contains("  |          ^^\n"), "{text}");
        assert!(text.contains("= help: use a number above 0"), "{text}");
    }

    #[test]
    fn numbers_in_messages_stay_short() {
        assert_eq!(shown_number(1e308), "1e308");
        assert_eq!(shown_number(1e-300), "1e-300");
        assert_eq!(shown_number(-2.5), "-2.5");
        assert_eq!(shown_number(0.0), "0");
        assert_eq!(shown_number(f64::NAN), "NaN");
        assert_eq!(shown_number(1000.0), "1000");
    }

    #[test]
    fn display_sanitises_hostile_source_lines() {
        let err = InvalidInput::new("q.toml", "id = \"\u{1b}[2J\"\n", vec![Diagnostic::at(5..11, "bad")]);
        assert!(!err.to_string().contains('\u{1b}'));
    }
}
