//! The terminal tables of `history`, `compare` and `trend`. Every string
//! from a stored file passes through `one_line` before it is shown.

mod cells;
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

/// The list of assessments, oldest first (by when each was held). The
/// group column appears when any assessment names a group: a store without
/// any keeps its width for the names.
pub fn render_history(entries: &[&Entry], style: TableStyle) -> String {
    let grouped = entries.iter().any(|e| e.summary.group.is_some());
    let mut t = style.table();
    let mut header = vec!["Date", "Organisation", "Label", "Respondent"];
    header.extend(grouped.then_some("Group"));
    header.extend(["Questionnaire", "Score", "Verdict", "Id"]);
    t.set_header(header.into_iter().map(|h| style.head(h)));
    for e in entries {
        let s = &e.summary;
        let mut row = vec![
            Cell::new(s.assessed_at.strftime("%Y-%m-%d")),
            Cell::new(optional(&s.organization)),
            Cell::new(one_line(&s.label)),
            Cell::new(optional(&s.respondent)),
        ];
        row.extend(grouped.then(|| Cell::new(s.group.map_or("—", |g| g.title()))));
        row.extend([
            Cell::new(format!("{}\n{}", one_line(&s.questionnaire.id), one_line(&s.questionnaire.version))),
            Cell::new(fmt1(s.score)),
            verdict_cell(style, s.verdict),
            Cell::new(one_line(s.short_id())),
        ]);
        t.add_row(row);
    }
    // Dates, groups and questionnaire ids read badly when broken up.
    let questionnaire = if grouped { 5 } else { 4 };
    let mut bounds = vec![(0, 12), (questionnaire, 15)];
    bounds.extend(grouped.then_some((4, 12)));
    for (column, width) in bounds {
        if let Some(c) = t.column_mut(column) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
    format!("{t}\n")
}
