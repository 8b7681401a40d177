//! The cells and texts the history tables share: scores, changes with
//! their sign and colour, verdicts.

use comfy_table::{Cell, Color};

use crate::core::assessment::Verdict;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::report::style::TableStyle;

/// A field that may be absent, `—` when it is.
pub(super) fn optional(text: &Option<String>) -> String {
    text.as_deref().map_or_else(|| "—".to_string(), |t| one_line(t).into_owned())
}

/// A score, `—` when there is none.
pub(super) fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), fmt1)
}

/// A change with its sign: `+19.5`, `-3`, `0`.
pub(crate) fn signed(change: f64) -> String {
    if change > 0.0 { format!("+{}", fmt1(change)) } else { fmt1(change) }
}

pub(super) fn change_cell(style: TableStyle, change: Option<f64>) -> Cell {
    noted_change_cell(style, change, "")
}

/// A change with a note after it, coloured by its sign: `+5 (2026-Q2 to
/// 2026-Q3)`; `—` when there is none.
pub(super) fn noted_change_cell(style: TableStyle, change: Option<f64>, note: &str) -> Cell {
    match change {
        Some(c) if c > 0.0 => style.paint(&format!("{}{note}", signed(c)), Color::Green),
        Some(c) if c < 0.0 => style.paint(&format!("{}{note}", signed(c)), Color::Red),
        Some(c) => Cell::new(format!("{}{note}", signed(c))),
        None => Cell::new("—"),
    }
}

/// A verdict coloured by what it is, in the words `text`.
pub(super) fn verdict_cell(style: TableStyle, v: Verdict, text: &str) -> Cell {
    let color = match v {
        Verdict::Ready => Color::Green,
        Verdict::ReadyWithConditions => Color::Yellow,
        Verdict::NotReady => Color::Red,
    };
    style.paint(text, color)
}

#[cfg(test)]
mod tests {
    use super::signed;

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(signed(19.46), "+19.5");
        assert_eq!(signed(-3.0), "-3");
        assert_eq!(signed(0.0), "0");
    }
}
