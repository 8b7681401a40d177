//! The terminal report: verdict, areas, red flags, unknowns and the action
//! plan, as comfy-table tables. Every string from a file is sanitised.

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use crate::core::assessment::{Assessment, Risk, UnknownReason, Verdict};
use crate::core::questionnaire::{Phase, Severity};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;

/// How tables are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStyle {
    /// Colour and bold, only on a terminal and never with `NO_COLOR`.
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

/// The full report as text.
pub fn render_table(a: &Assessment, style: TableStyle) -> String {
    let mut out = String::new();
    let who = [&a.organization, &a.respondent, &a.role]
        .iter()
        .filter_map(|s| s.as_deref())
        .map(|s| one_line(s).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    out.push_str(&format!("{}", one_line(&a.questionnaire.title)));
    if !who.is_empty() {
        out.push_str(&format!(" — {who}"));
    }
    out.push('\n');
    let label = a.label.as_deref().map(|l| format!(" · {}", one_line(l))).unwrap_or_default();
    out.push_str(&format!(
        "{} {} · assessed {}{label}\n\n",
        one_line(&a.questionnaire.id),
        one_line(&a.questionnaire.version),
        a.assessed_at
    ));
    out.push_str(&format!("Verdict: {}    Score: {} / 100\n", style.verdict(a.verdict), fmt1(a.score)));
    for line in super::reason_lines(a) {
        for (i, part) in wrap(&one_line(&line), usize::from(style.width).saturating_sub(4)).iter().enumerate() {
            out.push_str(if i == 0 { "  • " } else { "    " });
            out.push_str(part);
            out.push('\n');
        }
    }

    let mut areas = style.table();
    areas.set_header(vec![style.head("Area"), style.head("Score"), style.head("Risk"), style.head("Answered")]);
    for area in &a.areas {
        areas.add_row(vec![
            Cell::new(one_line(&area.title)),
            Cell::new(area.score.map_or_else(|| "—".into(), fmt1)),
            style.risk(area.risk),
            Cell::new(format!("{}/{}", area.answered, area.questions)),
        ]);
    }
    out.push_str(&format!("\nAreas\n{areas}\n"));

    if !a.red_flags.is_empty() {
        let mut t = style.table();
        t.set_header(vec![style.head("Severity"), style.head("Question"), style.head("Answer")]);
        for f in &a.red_flags {
            t.add_row(vec![
                style.severity(f.severity),
                Cell::new(one_line(&f.question_text)),
                Cell::new(one_line(&f.answer)),
            ]);
        }
        out.push_str(&format!("\nRed flags ({})\n{t}\n", a.red_flags.len()));
    }

    if !a.unknowns.is_empty() {
        let mut t = style.table();
        t.set_header(vec![style.head("Area"), style.head("Question to resolve"), style.head("Status")]);
        for u in &a.unknowns {
            let status = match u.reason {
                UnknownReason::DontKnow => "don't know",
                UnknownReason::Unanswered => "unanswered",
            };
            let area = a.areas.iter().find(|x| x.id == u.area).map_or(u.area.as_str(), |x| x.title.as_str());
            t.add_row(vec![Cell::new(one_line(area)), Cell::new(one_line(&u.text)), Cell::new(status)]);
        }
        out.push_str(&format!("\nUnknowns to resolve ({})\n{t}\n", a.unknowns.len()));
    }

    let context = super::context_rows(a);
    if !context.is_empty() {
        let mut t = style.table();
        t.set_header(vec![style.head("Question"), style.head("In their words")]);
        for row in &context {
            let answer = row.answer.map(|s| one_line(s).into_owned());
            let note = row.note.map(|n| format!("Note: {}", one_line(n.trim())));
            let said = [answer, note].into_iter().flatten().collect::<Vec<_>>().join("\n");
            t.add_row(vec![Cell::new(one_line(row.question)), Cell::new(said)]);
        }
        out.push_str(&format!("\nNotes and context ({})\n{t}\n", context.len()));
    }

    if a.actions.is_empty() {
        out.push_str("\nAction plan: nothing to do. Keep reviewing every quarter.\n");
    } else {
        out.push_str(&format!("\nAction plan ({} actions, most urgent first)\n", a.actions.len()));
        for phase in Phase::ALL {
            let items: Vec<_> = a.actions.iter().filter(|x| x.phase == phase).collect();
            if items.is_empty() {
                continue;
            }
            let mut t = style.table();
            t.set_header(vec![style.head("#"), style.head("Priority"), style.head("Action"), style.head("Because")]);
            for (i, item) in items.iter().enumerate() {
                t.add_row(vec![
                    Cell::new(i + 1),
                    Cell::new(fmt1(item.priority)),
                    Cell::new(one_line(&item.recommendation)),
                    Cell::new(one_line(&item.because)),
                ]);
            }
            out.push_str(&format!("\n{}\n{t}\n", phase.title()));
        }
    }
    out
}

/// Greedy word wrap to `width` columns; a word longer than a line stands
/// alone on its own line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(20);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.is_empty() => line.push_str(word),
            Some(line) if line.width() + 1 + word.width() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three four five", 20), ["one two three four", "five"]);
        assert_eq!(wrap("short", 80), ["short"]);
    }
}
