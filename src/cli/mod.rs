//! The command line: clap types, and the dispatch from a parsed command to
//! the code that runs it. Everything here is the thin edge around the core.

mod assess;
mod brand;
mod clock;
mod compare;
mod generate;
mod history;
mod interview;
mod lint;
mod man;
mod offered;
mod output;
mod program;
mod report;
mod round;
mod rounds;
mod schema;
mod show;
mod trend;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use output::{ColorChoice, Output};

use crate::exit;

/// Tells a company whether it is ready for its CRM project, before it signs
/// the contract.
#[derive(Debug, Parser)]
#[command(name = "crm-ready", version, about, long_about = None, propagate_version = true)]
#[command(after_help = exit::summary())]
pub struct Cli {
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always (even with NO_COLOR) or never.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the readiness interview, or score an answers file with --answers.
    Assess(assess::AssessArgs),
    /// List the built-in questionnaires.
    Questionnaires(show::ListArgs),
    /// Print a questionnaire: every area, question and choice.
    Show(show::ShowArgs),
    /// Check questionnaire files and report every problem.
    Validate(validate::ValidateArgs),
    /// Check that questionnaires' scoring can give every verdict, with no contradictions.
    Lint(lint::LintArgs),
    /// List the saved assessments, oldest first.
    History(history::HistoryArgs),
    /// Show what changed between two assessments, or two rounds of one organisation.
    Compare(compare::CompareArgs),
    /// Show an organisation's scores over time, one column per round.
    Trend(trend::TrendArgs),
    /// Read several stakeholders' assessments together: scores, agreement, disagreements, one plan.
    Round(round::RoundArgs),
    /// Print a saved assessment's report again.
    Report(report::ReportArgs),
    /// Print the JSON Schema of a JSON output [default: the report].
    Schema(schema::SchemaArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or powershell.
    Completions(generate::CompletionsArgs),
    /// Print a man page (roff): the main one, or a subcommand's; --dir writes them all.
    Man(man::ManArgs),
}

/// Whether an argument holds a character the text rule refuses (an escape
/// sequence, a bidi control), a tab or a carriage return.
fn hostile_arguments() -> bool {
    std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        crate::core::text::first_forbidden(&a).is_some() || a.contains(['\t', '\r'])
    })
}

/// Parses the command line. With hostile arguments, clap's messages are
/// made without styles, so that what they quote is the argument as given.
fn parse(hostile: bool) -> Result<Cli, clap::Error> {
    let mut cmd = Cli::command();
    if hostile {
        cmd = cmd.styles(clap::builder::Styles::plain());
    }
    Cli::from_arg_matches(&cmd.try_get_matches()?)
}

/// Prints clap's message about the command line. One that may quote a
/// hostile argument shows it escaped, as our own messages do: it must
/// neither act on the terminal nor vanish from the message.
fn print_parse_error(e: &clap::Error, hostile: bool) {
    if e.use_stderr() && hostile {
        let _ = write!(std::io::stderr().lock(), "{}", crate::core::text::visible(&e.render().ansi().to_string()));
    } else {
        let _ = e.print();
    }
}

/// Parses the command line, runs it and returns the process exit code.
/// Errors are printed once, to stderr.
pub fn main() -> ExitCode {
    let hostile = hostile_arguments();
    let cli = match parse(hostile) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { exit::INVALID } else { exit::OK };
            print_parse_error(&e, hostile);
            return exit::exit_code(code);
        }
    };
    let out = Output::new(cli.color);
    let result = match cli.command {
        Command::Assess(args) => assess::run(args, &out),
        Command::Questionnaires(args) => show::list(args, &out),
        Command::Show(args) => show::show(args, &out),
        Command::Validate(args) => validate::run(args, &out),
        Command::Lint(args) => lint::run(args, &out),
        Command::History(args) => history::run(args, &out),
        Command::Compare(args) => compare::run(args, &out),
        Command::Trend(args) => trend::run(args, &out),
        Command::Round(args) => round::run(args, &out),
        Command::Report(args) => report::run(args, &out),
        Command::Schema(args) => schema::run(args, &out),
        Command::Completions(args) => generate::completions(args, Cli::command(), &out),
        Command::Man(args) => man::man(args, Cli::command(), &out),
    };
    match result {
        Ok(code) => exit::exit_code(code),
        Err(e) if output::is_broken_pipe(&e) => exit::exit_code(exit::OK),
        Err(e) => {
            out.error(&format!("{e:#}"));
            exit::exit_code(exit::code_for(&e))
        }
    }
}
