//! The one rule by which every terminal table fits the width: no cell is
//! broken inside a word. Columns that may be left out are left out, in the
//! order the table gives, until every column can be as wide as its widest
//! word (or, for a column that never wraps, its widest line); the width
//! left over goes to the columns that wrap at spaces, by how much more
//! they could use. Only when nothing more can be left out and the table
//! still does not fit (a very narrow terminal, a name of hundreds of
//! letters without a space) are words broken.

use comfy_table::{ColumnConstraint, Table, Width};
use unicode_width::UnicodeWidthStr;

use super::style::TableStyle;

/// How one column of a table gives up width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never wrapped: dates, scores, ids, verdicts, trend lines.
    Whole,
    /// Wrapped at spaces, never inside a word: names, labels, text.
    Words,
}

/// What one column needs, in terminal cells, padding left out.
#[derive(Debug, Clone, Copy)]
struct Need {
    /// Its widest word, or its widest line for a column that never wraps.
    least: usize,
    /// Its widest line below the header: what its rows could use.
    body: usize,
    /// Its widest line, the header's included.
    most: usize,
}

/// The fewest cells a wrapping column is given when words must break.
const NARROWEST: usize = 4;

/// Cells a table's frame takes around `columns` columns: a border on each
/// side and between columns, and one space of padding each side of a cell.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

impl TableStyle {
    /// Lays `table` out to the width by the one rule (see the module);
    /// `fits` gives each column's rule (a column past its end wraps at
    /// spaces) and `drop_first` the columns that may be left out, in the
    /// order they go. Returns the columns kept, in order.
    pub fn fit(&self, table: &mut Table, fits: &[Fit], drop_first: &[usize]) -> Vec<usize> {
        let count = table.column_iter().count();
        let needs: Vec<Need> = (0..count).map(|i| need(table, i, fits.get(i).copied().unwrap_or(Fit::Words))).collect();
        let width = usize::from(self.width);
        let least = |kept: &[usize]| kept.iter().map(|&i| needs[i].least).sum::<usize>() + frame(kept.len());
        let mut kept: Vec<usize> = (0..count).collect();
        for column in drop_first {
            if least(&kept) <= width {
                break;
            }
            kept.retain(|c| c != column);
        }
        for (i, column) in table.column_iter_mut().enumerate() {
            if !kept.contains(&i) {
                column.set_constraint(ColumnConstraint::Hidden);
            }
        }
        let room = width.saturating_sub(frame(kept.len()));
        let kept_needs: Vec<Need> = kept.iter().map(|&i| needs[i]).collect();
        let widths = if least(&kept) <= width {
            share(&kept_needs, room)
        } else {
            let whole: Vec<bool> = kept.iter().map(|&i| fits.get(i) == Some(&Fit::Whole)).collect();
            squeeze(&kept_needs, &whole, room)
        };
        for (&i, w) in kept.iter().zip(widths) {
            set_width(table, i, w);
        }
        kept
    }
}

/// Widths when words must break: the columns that never wrap keep their
/// width while the others can still have a few cells each; beyond that
/// every column shrinks by the same share.
fn squeeze(needs: &[Need], whole: &[bool], room: usize) -> Vec<usize> {
    let kept_whole: usize = needs.iter().zip(whole).filter(|(_, w)| **w).map(|(n, _)| n.least).sum();
    let wrapping = whole.iter().filter(|w| !**w).count();
    if kept_whole + wrapping * NARROWEST <= room {
        let rest: Vec<Need> = needs
            .iter()
            .zip(whole)
            .filter(|(_, w)| !**w)
            .map(|(n, _)| Need { least: 0, body: n.least, most: n.least })
            .collect();
        let mut shared = share(&rest, room - kept_whole).into_iter();
        return needs.iter().zip(whole).map(|(n, w)| if *w { n.least } else { shared.next().unwrap_or(1) }).collect();
    }
    let total: usize = needs.iter().map(|n| n.least).sum::<usize>().max(1);
    needs.iter().map(|n| (n.least * room / total).max(1)).collect()
}

/// Column `i`'s `content` cells wide (padding added).
fn set_width(table: &mut Table, i: usize, content: usize) {
    if let Some(column) = table.column_mut(i) {
        let cells = u16::try_from(content.max(1) + 2).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(cells)));
    }
}

/// What column `i` needs: its header and every cell, line by line.
fn need(table: &Table, i: usize, fit: Fit) -> Need {
    let widest = |cell: &comfy_table::Cell| -> (usize, usize) {
        let content = cell.content();
        let line = content.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        let word = match fit {
            Fit::Whole => line,
            Fit::Words => content.split([' ', '\n']).map(UnicodeWidthStr::width).max().unwrap_or(0),
        };
        (line, word)
    };
    let (head_line, head_word) = table.header().and_then(|h| h.cell_iter().nth(i)).map_or((0, 0), widest);
    let (mut body, mut least) = (1, head_word.max(1));
    for cell in table.column_cells_iter(i).flatten() {
        let (line, word) = widest(cell);
        body = body.max(line);
        least = least.max(word);
    }
    Need { least, body: body.max(least), most: body.max(head_line).max(least) }
}

/// Widths for columns with these needs in `room` cells, which holds at
/// least their least: each gets its least; what is left goes first to the
/// rows, by how much more each column's rows could use, and only then to
/// headers that would rather not wrap.
fn share(needs: &[Need], room: usize) -> Vec<usize> {
    let least: Vec<usize> = needs.iter().map(|n| n.least).collect();
    let body: Vec<usize> = needs.iter().map(|n| n.body).collect();
    let rows = grow(&least, &body, room);
    grow(&rows, &needs.iter().map(|n| n.most).collect::<Vec<_>>(), room)
}

/// `from` grown towards `to`, column by column, by each one's share of
/// what `room` has left.
fn grow(from: &[usize], to: &[usize], room: usize) -> Vec<usize> {
    let slack: Vec<usize> = from.iter().zip(to).map(|(f, t)| t.saturating_sub(*f)).collect();
    let total_slack: usize = slack.iter().sum();
    let spare = room.saturating_sub(from.iter().sum());
    if spare >= total_slack {
        return from.iter().zip(&slack).map(|(f, s)| f + s).collect();
    }
    let mut widths: Vec<usize> = from.iter().zip(&slack).map(|(f, s)| f + spare * s / total_slack).collect();
    // What rounding down left goes one cell at a time, first columns first.
    let mut left = spare - widths.iter().zip(from).map(|(w, f)| w - f).sum::<usize>();
    for (w, t) in widths.iter_mut().zip(to) {
        if left > 0 && *w < *t {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use comfy_table::Cell;

    use super::*;
    use crate::core::wrap::width;

    fn table(style: TableStyle) -> Table {
        let mut t = style.table();
        t.set_header(["Date", "Organisation", "Respondent", "Verdict"]);
        t.add_row(["2026-03-10", "Pennine Catering Supplies Ltd", "Margaret Ellison", "ready-with-conditions"]);
        t.add_row(vec![
            Cell::new("2026-11-12"),
            Cell::new("Wide World Importers"),
            Cell::new("Ravi Menon"),
            Cell::new("not-ready"),
        ]);
        t
    }

    const FITS: [Fit; 4] = [Fit::Whole, Fit::Words, Fit::Words, Fit::Whole];

    #[test]
    fn columns_go_in_order_before_a_word_breaks() {
        for w in 40..=120u16 {
            let style = TableStyle { color: false, width: w };
            let mut t = table(style);
            let kept = style.fit(&mut t, &FITS, &[2]);
            let text = t.to_string();
            assert!(text.lines().all(|l| width(l) <= usize::from(w)), "{w}:\n{text}");
            let words = text.split(|c: char| c.is_whitespace() || c == '│' || c == '┆').collect::<Vec<_>>();
            let whole = ["2026-03-10", "Organisation", "Pennine", "Catering", "Importers", "ready-with-conditions"];
            if w >= 53 {
                for word in whole {
                    assert!(words.contains(&word), "{w}: {word} broken:\n{text}");
                }
                assert_eq!(kept.contains(&2), words.contains(&"Respondent"), "{w}:\n{text}");
            }
            if (53..66).contains(&w) {
                assert_eq!(kept, [0, 1, 3], "{w}:\n{text}");
            }
            if w >= 66 {
                assert_eq!(kept, [0, 1, 2, 3], "{w}:\n{text}");
            }
        }
    }

    #[test]
    fn the_room_left_goes_to_what_wraps() {
        let need = |least, body, most| Need { least, body, most };
        let needs = [need(10, 10, 10), need(5, 30, 30), need(5, 10, 10)];
        assert_eq!(share(&needs, 50), [10, 30, 10]);
        let widths = share(&needs, 30);
        assert_eq!(widths.iter().sum::<usize>(), 30);
        assert_eq!(widths[0], 10);
        assert!(widths[1] > widths[2], "{widths:?}");
        // A long header gets room only once the rows have theirs.
        let needs = [need(7, 7, 20), need(5, 30, 30)];
        assert_eq!(share(&needs, 37), [7, 30]);
        assert_eq!(share(&needs, 60), [20, 30]);
    }
}
