//! The house style of every terminal table: borders, width, and colour
//! only when asked for.

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use crate::core::assessment::{Risk, Verdict};
use crate::core::questionnaire::Severity;

/// How tables are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStyle {
    /// Colour and bold: as `--color` and `NO_COLOR` decide (`cli::output::use_color`).
    pub color: bool,
    /// Total width to wrap to.
    pub width: u16,
}

impl Default for TableStyle {
    fn default() -> Self {
        TableStyle { color: false, width: 100 }
    }
}

impl TableStyle {
    /// A new table in the house style.
    pub fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t
    }

    /// A header cell.
    pub fn head(&self, text: &str) -> Cell {
        let c = Cell::new(text);
        if self.color { c.add_attribute(Attribute::Bold) } else { c }
    }

    /// A cell coloured by risk.
    pub fn risk(&self, risk: Option<Risk>) -> Cell {
        let (text, color) = match risk {
            Some(Risk::High) => ("high", Color::Red),
            Some(Risk::Medium) => ("medium", Color::Yellow),
            Some(Risk::Low) => ("low", Color::Green),
            None => ("n/a", Color::Reset),
        };
        self.paint(text, color)
    }

    /// A cell coloured by severity.
    pub fn severity(&self, s: Severity) -> Cell {
        self.paint(s.name(), if s == Severity::Critical { Color::Red } else { Color::Yellow })
    }

    pub fn paint(&self, text: &str, color: Color) -> Cell {
        let c = Cell::new(text);
        if self.color && color != Color::Reset { c.fg(color) } else { c }
    }

    /// The verdict, loud.
    pub fn verdict(&self, v: Verdict) -> String {
        let text = v.title().to_uppercase();
        if !self.color {
            return text;
        }
        let code = match v {
            Verdict::Ready => "32",
            Verdict::ReadyWithConditions => "33",
            Verdict::NotReady => "31",
        };
        format!("\u{1b}[1;{code}m{text}\u{1b}[0m")
    }
}
