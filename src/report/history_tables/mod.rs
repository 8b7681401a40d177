//! The terminal tables of `history`, `compare` and `trend`. Every string
//! from a stored file passes through `one_line` before it is shown.

pub(crate) mod cells;
mod comparison;
mod trend;

use comfy_table::{Cell, ColumnConstraint, Width};

use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::io::store::Entry;
use crate::report::style::TableStyle;
use cells::{optional, verdict_cell};

pub use comparison::render_comparison;
pub use trend::render_trend;

/// The list of assessments, oldest first.
pub fn render_history(entries: &[&Entry], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(
        ["Date", "Organisation", "Label", "Respondent", "Questionnaire", "Score", "Verdict", "Id"]
            .map(|h| style.head(h)),
    );
    for e in entries {
        let s = &e.summary;
        t.add_row(vec![
            Cell::new(s.assessed_at.strftime("%Y-%m-%d")),
            Cell::new(optional(&s.organization)),
            Cell::new(one_line(&s.label)),
            Cell::new(optional(&s.respondent)),
            Cell::new(format!("{}\n{}", one_line(&s.questionnaire.id), one_line(&s.questionnaire.version))),
            Cell::new(fmt1(s.score)),
            verdict_cell(style, s.verdict),
            Cell::new(one_line(s.short_id())),
        ]);
    }
    // Dates and questionnaire ids read badly when broken up.
    for (column, width) in [(0, 12), (4, 15)] {
        if let Some(c) = t.column_mut(column) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
    format!("{t}\n")
}
