//! The terminal tables of `history`, `compare` and `trend`. Every string
//! from a stored file passes through `one_line` before it is shown.

pub(crate) mod cells;
mod comparison;
mod trend;
pub(crate) mod words;

use comfy_table::{Cell, Table};

use crate::core::history::Entry;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::report::fit::Fit;
use crate::report::style::TableStyle;
use cells::{optional, verdict_cell};

pub use comparison::render_comparison;
pub use trend::render_trend;

/// The history table's columns.
const HEADERS: [&str; 9] =
    ["Date", "Organisation", "Label", "Respondent", "Group", "Questionnaire", "Score", "Verdict", "Id"];
/// The group column.
const GROUP: usize = 4;
/// How each column gives up width: dates, scores, verdicts and ids never
/// wrap; a questionnaire's id and version are each kept whole.
const FITS: [Fit; 9] =
    [Fit::Whole, Fit::Words, Fit::Words, Fit::Words, Fit::Words, Fit::Words, Fit::Whole, Fit::Whole, Fit::Whole];
/// Columns left out, in this order, when the table is too wide for the
/// terminal: rather that than a word or an id broken.
const DROPPED_FIRST: [usize; 4] = [3, GROUP, 5, 2];

/// The list of assessments, oldest first (by when each was held), as wide
/// as the style allows: no cell is broken inside a word, and columns are
/// left out (respondent, group, questionnaire, label) until the rest fits.
/// The group column appears only when an assessment names a group: a store
/// without any keeps its width for the names.
pub fn render_history(entries: &[&Entry], style: TableStyle) -> String {
    let grouped = entries.iter().any(|e| e.summary.group.is_some());
    let shown: Vec<usize> = (0..HEADERS.len()).filter(|&c| grouped || c != GROUP).collect();
    let mut t = history_table(entries, style, &shown);
    let fits: Vec<Fit> = shown.iter().map(|&c| FITS[c]).collect();
    let order: Vec<usize> = DROPPED_FIRST.iter().filter_map(|column| shown.iter().position(|c| c == column)).collect();
    style.fit(&mut t, &fits, &order);
    format!("{t}\n")
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
            verdict_cell(style, s.verdict, s.verdict.name()),
            Cell::new(one_line(s.short_id())),
        ];
        let mut column = 0;
        cells.retain(|_| {
            column += 1;
            shown.contains(&(column - 1))
        });
        t.add_row(cells);
    }
    t
}
