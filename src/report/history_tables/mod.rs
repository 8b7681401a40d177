//! The terminal tables of `history`, `compare` and `trend`. Every string
//! from a stored file passes through `one_line` before it is shown.

pub(crate) mod cells;
mod comparison;
mod trend;

use comfy_table::{Cell, ColumnConstraint, Table, Width};

use crate::core::history::Entry;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::report::style::TableStyle;
use cells::{optional, verdict_cell};

pub use comparison::render_comparison;
pub use trend::render_trend;

/// The history table's columns.
const HEADERS: [&str; 9] =
    ["Date", "Organisation", "Label", "Respondent", "Group", "Questionnaire", "Score", "Verdict", "Id"];
/// The group column.
const GROUP: usize = 4;
/// Columns given up, in this order, when the table is too wide for the
/// terminal: rather that than a wrapped id.
const DROPPED_FIRST: [usize; 4] = [3, GROUP, 5, 2];

/// The list of assessments, oldest first (by when each was held), as wide
/// as the style allows: dates, scores, verdicts and ids are never wrapped,
/// and columns are left out (respondent, group, questionnaire, label) until
/// the rest fits. The group column appears only when an assessment names a
/// group: a store without any keeps its width for the names.
pub fn render_history(entries: &[&Entry], style: TableStyle) -> String {
    let plain = TableStyle { color: false, ..style };
    let grouped = entries.iter().any(|e| e.summary.group.is_some());
    let mut shown: Vec<usize> = (0..HEADERS.len()).filter(|&c| grouped || c != GROUP).collect();
    for column in DROPPED_FIRST {
        if plain.fits(&history_table(entries, plain, &shown)) {
            break;
        }
        shown.retain(|c| *c != column);
    }
    format!("{}\n", history_table(entries, style, &shown))
}

/// The history table with the columns `shown`.
fn history_table(entries: &[&Entry], style: TableStyle, shown: &[usize]) -> Table {
    let mut t = style.table();
    t.set_header(shown.iter().map(|&c| style.head(HEADERS[c])));
    for e in entries {
        let s = &e.summary;
        let mut cells = vec![
            Cell::new(s.assessed_at.strftime("%Y-%m-%d")),
            Cell::new(optional(&s.organization)),
            Cell::new(one_line(&s.label)),
            Cell::new(optional(&s.respondent)),
            Cell::new(s.group.map_or("—", |g| g.title())),
            Cell::new(format!("{}\n{}", one_line(&s.questionnaire.id), one_line(&s.questionnaire.version))),
            Cell::new(fmt1(s.score)),
            verdict_cell(style, s.verdict),
            Cell::new(one_line(s.short_id())),
        ];
        let mut column = 0;
        cells.retain(|_| {
            column += 1;
            shown.contains(&(column - 1))
        });
        t.add_row(cells);
    }
    for (i, &column) in shown.iter().enumerate() {
        let constraint = match column {
            // Read badly, or cannot be copied, when broken up.
            0 | 6 | 7 | 8 => ColumnConstraint::ContentWidth,
            5 => ColumnConstraint::LowerBoundary(Width::Fixed(15)),
            1 => ColumnConstraint::LowerBoundary(Width::Fixed(12)),
            _ => ColumnConstraint::LowerBoundary(Width::Fixed(8)),
        };
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(constraint);
        }
    }
    t
}
