//! Where output goes: data to stdout (or `--output`), diagnostics to
//! stderr, colour on a terminal unless `NO_COLOR` says otherwise, or when
//! `--color always` asks for it.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

use crate::core::text::visible;
use crate::io::named_output::{Destination, destination, write_to};
use crate::report::TableStyle;

/// The `--color` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Whether to colour a stream. A flag given on the command line wins over
/// the environment (no-color.org): `always` and `never` mean just that;
/// `auto` colours a terminal unless `NO_COLOR` is set and not empty.
pub fn use_color(choice: ColorChoice, is_terminal: bool, no_color: Option<&str>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(str::is_empty),
    }
}

/// Width of text output without a terminal to measure.
const DEFAULT_WIDTH: u16 = 100;
/// Narrowest and widest that text output is laid out for.
const MIN_WIDTH: u16 = 40;
const MAX_WIDTH: u16 = 200;

/// The width text output is laid out for: the terminal's (`terminal`, when
/// stdout is one), else `COLUMNS` (`columns`) when it is a number, else 100;
/// within 40 to 200 columns.
pub fn output_width(terminal: Option<u16>, columns: Option<&str>) -> u16 {
    terminal
        .filter(|w| *w > 0)
        .or_else(|| columns.and_then(|c| c.trim().parse::<u16>().ok()).filter(|w| *w > 0))
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The process's output streams and how to style them.
#[derive(Debug, Clone)]
pub struct Output {
    pub color_choice: ColorChoice,
    stdout_color: bool,
    stderr_color: bool,
    stdout_terminal: bool,
}

impl Output {
    pub fn new(color_choice: ColorChoice) -> Self {
        let no_color = std::env::var("NO_COLOR").ok();
        let stdout_terminal = io::stdout().is_terminal();
        Output {
            color_choice,
            stdout_color: use_color(color_choice, stdout_terminal, no_color.as_deref()),
            stderr_color: use_color(color_choice, io::stderr().is_terminal(), no_color.as_deref()),
            stdout_terminal,
        }
    }

    /// Table style for stdout: the terminal's width when it is one.
    pub fn table_style(&self) -> TableStyle {
        let terminal = if self.stdout_terminal { crossterm::terminal::size().ok().map(|(w, _)| w) } else { None };
        TableStyle { color: self.stdout_color, width: output_width(terminal, std::env::var("COLUMNS").ok().as_deref()) }
    }

    /// Table style for a file: no colour.
    pub fn file_style(&self) -> TableStyle {
        TableStyle { color: false, width: output_width(None, std::env::var("COLUMNS").ok().as_deref()) }
    }

    /// Writes data to stdout.
    pub fn data(&self, text: &str) -> anyhow::Result<()> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(text.as_bytes()).context("cannot write to stdout")?;
        stdout.flush().context("cannot write to stdout")
    }

    /// Where output named with `-o` goes (`io::named_output` decides); stdout
    /// without a name.
    pub fn destination(&self, path: Option<&Path>) -> anyhow::Result<Destination> {
        path.map_or(Ok(Destination::Stdout), destination)
    }

    /// Table style for output going to `to`: the terminal's for stdout.
    pub fn style_for(&self, to: &Destination) -> TableStyle {
        if *to == Destination::Stdout { self.table_style() } else { self.file_style() }
    }

    /// Writes `text` to `to`, saying on stderr where `what` (the report,
    /// the trend...) went unless that is stdout.
    pub fn write(&self, to: &Destination, text: &str, what: &str) -> anyhow::Result<()> {
        self.write_quietly(to, text)?;
        if let Some(path) = to.path() {
            self.note(&format!("{what} written to {}", path.display()));
        }
        Ok(())
    }

    /// Writes `text` to `to`, one of several files a command writes.
    pub fn write_quietly(&self, to: &Destination, text: &str) -> anyhow::Result<()> {
        if *to == Destination::Stdout {
            return self.data(text);
        }
        write_to(to, text.as_bytes(), |pipe| {
            self.note(&format!("waiting for a reader on the named pipe {} (Ctrl-C to stop)", pipe.display()));
        })
        .with_context(|| {
            format!("cannot write {}", to.path().map_or_else(|| "stderr".into(), |p| p.display().to_string()))
        })
    }

    /// A diagnostic line on stderr. It may quote file content or names
    /// given: every character the text rule refuses is shown escaped.
    pub fn note(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "{}", visible(text));
    }

    /// A warning on stderr.
    pub fn warn(&self, text: &str) {
        self.prefixed("warning", "33", text);
    }

    /// An error on stderr.
    pub fn error(&self, text: &str) {
        self.prefixed("error", "31", text);
    }

    fn prefixed(&self, word: &str, color: &str, text: &str) {
        let prefix = if self.stderr_color { format!("\u{1b}[1;{color}m{word}:\u{1b}[0m") } else { format!("{word}:") };
        let _ = writeln!(io::stderr().lock(), "{prefix} {}", visible(text));
    }
}

/// Whether an error is a closed pipe (`crm-ready ... | head -1`): not worth
/// reporting.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_rules() {
        assert!(use_color(ColorChoice::Auto, true, None));
        assert!(!use_color(ColorChoice::Auto, false, None));
        assert!(!use_color(ColorChoice::Auto, true, Some("1")));
        assert!(use_color(ColorChoice::Auto, true, Some("")));
        assert!(!use_color(ColorChoice::Auto, false, Some("")));
        assert!(use_color(ColorChoice::Always, false, None));
        assert!(use_color(ColorChoice::Always, true, Some("1")), "the flag wins over NO_COLOR");
        assert!(use_color(ColorChoice::Always, false, Some("1")));
        assert!(!use_color(ColorChoice::Never, true, None));
        assert!(!use_color(ColorChoice::Never, true, Some("")));
    }

    #[test]
    fn width_rules() {
        assert_eq!(output_width(Some(132), Some("80")), 132, "a terminal is measured");
        assert_eq!(output_width(None, Some("80")), 80, "COLUMNS without a terminal");
        assert_eq!(output_width(None, Some(" 90 ")), 90);
        for not_a_width in [None, Some(""), Some("wide"), Some("0"), Some("-5")] {
            assert_eq!(output_width(None, not_a_width), 100, "{not_a_width:?}");
        }
        assert_eq!(output_width(None, Some("10")), 40);
        assert_eq!(output_width(Some(500), None), 200);
    }
}
