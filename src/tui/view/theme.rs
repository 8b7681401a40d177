//! Styles. With colour off (`NO_COLOR`, `--color never`) everything stays
//! readable through bold, dim and reverse video alone.

use ratatui::style::{Color, Modifier, Style};

use crate::core::assessment::{Risk, Verdict};
use crate::core::questionnaire::Severity;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(&self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// The title bar.
    pub fn bar(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }

    /// The highlighted row.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Cyan).fg(Color::Black).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A key in the hint line or the help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn risk(&self, risk: Option<Risk>) -> Style {
        match risk {
            Some(Risk::Low) => self.good(),
            Some(Risk::Medium) => self.warning(),
            Some(Risk::High) => self.bad(),
            None => self.dim(),
        }
    }

    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Ready => self.good().add_modifier(Modifier::BOLD),
            Verdict::ReadyWithConditions => self.warning(),
            Verdict::NotReady => self.bad(),
        }
    }

    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Critical => self.bad(),
            Severity::Major => self.warning(),
        }
    }

    /// The screen behind an open window.
    pub fn backdrop(&self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }

    /// The filled and empty parts of a bar.
    pub fn bar_fill(&self) -> Style {
        self.fg(Color::Cyan)
    }
}
