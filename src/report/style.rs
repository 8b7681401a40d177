//! The house style of every terminal table: borders, width, and colour
//! only when asked for.

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use unicode_width::UnicodeWidthStr;

use crate::core::assessment::{PriorityLevel, Risk, Verdict};
use crate::core::questionnaire::Severity;
use crate::core::wrap::wrap;

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

    /// Whether every line of `table` fits the width.
    pub fn fits(&self, table: &Table) -> bool {
        table.lines().all(|line| line.width() <= usize::from(self.width))
    }

    /// `text` wrapped to the width, at spaces (so an id is never cut), each
    /// line ending in a newline.
    pub fn lines(&self, text: &str) -> String {
        let width = usize::from(self.width);
        let mut out = String::new();
        for line in text.split('\n') {
            // A line that fits keeps its spacing (aligned labels); only a
            // longer one is wrapped, at spaces.
            if crate::core::wrap::width(line) <= width {
                out.push_str(line);
                out.push('\n');
            } else {
                out.extend(wrap(line, width).into_iter().map(|part| part + "\n"));
            }
        }
        out
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

    /// A cell with a priority in words, coloured by urgency.
    pub fn priority(&self, level: PriorityLevel) -> Cell {
        let color = match level {
            PriorityLevel::High => Color::Red,
            PriorityLevel::Medium => Color::Yellow,
            PriorityLevel::Low => Color::Reset,
        };
        self.paint(level.name(), color)
    }

    pub fn paint(&self, text: &str, color: Color) -> Cell {
        let c = Cell::new(text);
        if self.color && color != Color::Reset { c.fg(color) } else { c }
    }

    /// The verdict, loud, in the words `title` (the questionnaire's).
    pub fn verdict(&self, v: Verdict, title: &str) -> String {
        let text = title.to_uppercase();
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
