//! `crm-ready assess`: score an answers file (or run the interview) and
//! print the risk report.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::clock::now;
use super::interview::{self, InterviewOutcome};
use super::output::Output;
use super::output::use_color;
use crate::core::answers::{Answers, Group, given_name};
use crate::core::answers_file::{Syntax, named_questionnaire, parse_answers_at};
use crate::core::assessment::{Assessment, Risk, UnknownReason, Verdict};
use crate::core::brand::Brand;
use crate::core::dates::parse_past_date;
use crate::core::limits::MAX_LABEL_CHARS;
use crate::core::questionnaire::{Questionnaire, builtin};
use crate::core::scoring::score;
use crate::core::shell_word::shell_quote;
use crate::core::text::{REFUSED_HELP, first_forbidden, refused_message};
use crate::exit::{self, UsageError};
use crate::io::drafts;
use crate::io::input::{load_questionnaire, read_text};
use crate::io::stdin::{STDIN_NAME, is_dash, read_stdin};
use crate::report::Format;
use crate::tui::{self, Details};

/// Warnings about ignored answers shown before the rest are counted.
const MAX_WARNINGS_SHOWN: usize = 20;

/// When `--fail-on` makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// The verdict is not-ready.
    NotReady,
    /// The verdict is not-ready or ready-with-conditions.
    Conditions,
    /// Any area is high risk.
    High,
}

impl FailOn {
    /// Why the gate tripped, for stderr: a CI log should say more than "1".
    pub fn explain(self, a: &Assessment) -> String {
        let why = match self {
            FailOn::NotReady | FailOn::Conditions => format!("the verdict is {}", a.verdict.name()),
            FailOn::High => {
                let high: Vec<&str> =
                    a.areas.iter().filter(|x| x.risk == Some(Risk::High)).map(|x| x.title.as_str()).collect();
                format!("high-risk areas: {}", high.join(", "))
            }
        };
        let bar = match self {
            FailOn::NotReady => "not-ready",
            FailOn::Conditions => "conditions",
            FailOn::High => "high",
        };
        format!("gate tripped (--fail-on {bar}): {why}")
    }

    /// Whether the assessment trips this gate.
    pub fn tripped(self, a: &Assessment) -> bool {
        match self {
            FailOn::NotReady => a.verdict == Verdict::NotReady,
            FailOn::Conditions => a.verdict != Verdict::Ready,
            FailOn::High => a.worst_risk() == Some(Risk::High),
        }
    }
}

/// The stakeholder groups, as `--group` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupArg {
    /// Those who decide and pay.
    Management,
    /// Those who run and connect the systems.
    It,
    /// Those who will work in the system daily.
    Users,
    /// The owners or board, who carry the investment.
    Owners,
}

impl From<GroupArg> for Group {
    fn from(g: GroupArg) -> Group {
        match g {
            GroupArg::Management => Group::Management,
            GroupArg::It => Group::It,
            GroupArg::Users => Group::Users,
            GroupArg::Owners => Group::Owners,
        }
    }
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Score this answers file instead of interviewing: TOML, or JSON by its .json extension; `-` reads stdin (JSON if it starts with `{`, else TOML).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub answers: Option<PathBuf>,
    /// A built-in questionnaire's name or a questionnaire file [default: crm-readiness].
    #[arg(long, short = 'q', value_name = "NAME|PATH", value_hint = clap::ValueHint::FilePath)]
    pub questionnaire: Option<String>,
    /// How to write the report [default: by the --output file's extension (.json, .md, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub brand: super::brand::BrandArgs,
    /// Write the report to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Exit with code 1 when the result is at or below this bar; repeat it for several bars (any one trips the gate).
    #[arg(long, value_enum, value_name = "BAR")]
    pub fail_on: Vec<FailOn>,
    /// The organisation assessed (overrides the answers file).
    #[arg(long, visible_alias = "org", value_name = "NAME")]
    pub organization: Option<String>,
    /// Who answered (overrides the answers file).
    #[arg(long, value_name = "NAME")]
    pub respondent: Option<String>,
    /// The respondent's role (overrides the answers file).
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// The respondent's stakeholder group (overrides the answers file).
    #[arg(long, value_enum, value_name = "GROUP")]
    pub group: Option<GroupArg>,
    /// The day the assessment was held, YYYY-MM-DD (overrides the answers file) [default: now].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// A name for this round, e.g. 2026-Q4 (overrides the answers file) [default: the quarter].
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Do not save this assessment in the history.
    #[arg(long)]
    pub no_save: bool,
    #[command(flatten)]
    pub store: super::history::StoreArgs,
    /// Continue a saved interview for this questionnaire: the one of --organization and --respondent, when several are saved.
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,
}

pub fn run(args: AssessArgs, out: &Output) -> anyhow::Result<u8> {
    check_flag_text(&args)?;
    let date = args.date.as_deref().map(date_flag).transpose()?;
    let input = args.answers.as_deref().map(AnswersInput::read).transpose()?;
    // Without --questionnaire, an answers file that names a built-in gets it.
    let named = match (&args.questionnaire, &input) {
        (None, Some(input)) => {
            named_questionnaire(&input.text, input.syntax).filter(|name| builtin::find(name).is_some())
        }
        _ => None,
    };
    let q = load_questionnaire(args.questionnaire.as_deref().or(named.as_deref()))?;
    // Checked before the interview: a typo must not cost the answers.
    let brand = args.brand.load()?;
    match input {
        Some(input) => {
            let answers = read_answers(&input, &q, out)?;
            finish(&args, date, out, &q, &brand, answers)
        }
        None => run_interview(&args, date, out, &q, &brand),
    }
}

/// The answers given with `--answers`: a file, or stdin for `-`.
struct AnswersInput {
    /// What messages call it: the path as given, or `<stdin>`.
    shown: String,
    text: String,
    syntax: Syntax,
}

impl AnswersInput {
    fn read(path: &Path) -> anyhow::Result<AnswersInput> {
        if is_dash(path) {
            let text = read_stdin()?;
            return Ok(AnswersInput { shown: STDIN_NAME.to_string(), syntax: Syntax::from_content(&text), text });
        }
        let shown = path.display().to_string();
        Ok(AnswersInput { text: read_text(path)?, syntax: Syntax::from_path(&shown), shown })
    }
}

/// The day `--date` names: a real day, not in the future.
fn date_flag(text: &str) -> Result<jiff::Timestamp, UsageError> {
    parse_past_date(text, now())
        .map_err(|problem| UsageError::new(format!("{}; {}", problem.message("--date", text), problem.help())))
}

/// The names given on the command line follow the text rule and the
/// length limit like those in a file: they are stored and printed the same
/// way. A blank one is as if it were not given.
fn check_flag_text(args: &AssessArgs) -> Result<(), UsageError> {
    let flags = [
        ("--organization", &args.organization),
        ("--respondent", &args.respondent),
        ("--role", &args.role),
        ("--label", &args.label),
    ];
    for (flag, value) in flags {
        if let Some(f) = value.as_deref().and_then(first_forbidden) {
            return Err(UsageError::new(format!("{}; {REFUSED_HELP}", refused_message(flag, &f))));
        }
        let chars = value.as_deref().and_then(given_name).map_or(0, |v| v.chars().count());
        if chars > MAX_LABEL_CHARS {
            return Err(UsageError::new(format!(
                "{flag} is {chars} characters long; keep it to at most {MAX_LABEL_CHARS}"
            )));
        }
    }
    Ok(())
}

/// Reads the answers, warning about the answers it ignores.
fn read_answers(input: &AnswersInput, q: &Questionnaire, out: &Output) -> anyhow::Result<Answers> {
    let loaded = parse_answers_at(&input.text, &input.shown, input.syntax, q, now())?;
    for w in loaded.warnings.iter().take(MAX_WARNINGS_SHOWN) {
        out.warn(w);
    }
    if loaded.warnings.len() > MAX_WARNINGS_SHOWN {
        out.warn(&format!("... and {} more ignored answers", loaded.warnings.len() - MAX_WARNINGS_SHOWN));
    }
    Ok(loaded.answers)
}

/// Runs the interview; what is submitted is scored and reported like an
/// answers file, and its draft discarded once that has worked.
fn run_interview(
    args: &AssessArgs,
    date: Option<jiff::Timestamp>,
    out: &Output,
    q: &Questionnaire,
    brand: &Brand,
) -> anyhow::Result<u8> {
    let (answers, draft) = match interview::run(&interview_options(args, date, out), out, q)? {
        InterviewOutcome::Submitted { answers, draft } => (*answers, draft),
        InterviewOutcome::Left { code } => return Ok(code),
    };
    let code = finish(args, date, out, q, brand, answers).inspect_err(|_| {
        if let Some(path) = &draft {
            out.note(&format!("Your answers are still saved in {}.", path.display()));
        }
    })?;
    if let Some(path) = draft
        && let Err(e) = drafts::discard(&path)
    {
        out.warn(&format!("could not remove the finished draft {}: {e}", path.display()));
    }
    Ok(code)
}

/// The interview's settings, resolved from the flags: the interview never
/// sees clap's types.
fn interview_options(args: &AssessArgs, date: Option<jiff::Timestamp>, out: &Output) -> tui::Options {
    let mut resume_command = format!("{} assess", super::program::program_word());
    if let Some(spec) = &args.questionnaire {
        resume_command.push_str(&format!(" --questionnaire {}", shell_quote(spec)));
    }
    resume_command.push_str(" --resume");
    tui::Options {
        resume: args.resume,
        color: use_color(out.color_choice, true, std::env::var("NO_COLOR").ok().as_deref()),
        details: Details {
            organization: args.organization.as_deref().and_then(given_name),
            respondent: args.respondent.as_deref().and_then(given_name),
            role: args.role.as_deref().and_then(given_name),
            group: args.group.map(Group::from),
            assessed_at: date,
            label: args.label.as_deref().and_then(given_name),
        },
        resume_command,
    }
}

/// Scores the answers (dated by `date`, if given), writes the report and
/// applies the gate.
fn finish(
    args: &AssessArgs,
    date: Option<jiff::Timestamp>,
    out: &Output,
    q: &Questionnaire,
    brand: &Brand,
    mut answers: Answers,
) -> anyhow::Result<u8> {
    for (flag, field) in [
        (&args.organization, &mut answers.organization),
        (&args.respondent, &mut answers.respondent),
        (&args.role, &mut answers.role),
        (&args.label, &mut answers.label),
    ] {
        if let Some(value) = flag.as_deref().and_then(given_name) {
            *field = Some(value);
        }
    }
    if let Some(group) = args.group {
        answers.group = Some(group.into());
    }
    if date.is_some() {
        answers.assessed_at = date;
    }
    let assessment = score(q, &answers, now());
    if let Some(warning) = unanswered_warning(&assessment) {
        out.warn(&warning);
    }
    super::report::write_report(&assessment, args.format, args.output.as_deref(), brand, out)?;
    let code = apply_gates(&args.fail_on, &assessment, out);
    if !args.no_save {
        let (id, path) = super::history::save(&args.store, answers, assessment).context(
            "the report was written, but the assessment could not be saved to the history \
             (choose a writable store with --store DIR or CRM_READY_STORE, or pass --no-save)",
        )?;
        out.note(&format!("saved to the history as {id}: {}", path.display()));
    }
    Ok(code)
}

/// The questions the report lists under unknowns as unanswered, counted
/// from the assessment itself so that the warning and the report agree.
fn unanswered_warning(a: &Assessment) -> Option<String> {
    match a.unknowns.iter().filter(|u| u.reason == UnknownReason::Unanswered).count() {
        0 => None,
        1 => Some("1 question was left unanswered: the report lists it under unknowns, and it counts as a risk".into()),
        n => Some(format!(
            "{n} questions were left unanswered: the report lists them under unknowns, and they count as risks"
        )),
    }
}

/// Applies every `--fail-on` gate: explains on stderr each one that
/// trips, and gives exit code 1 if any did.
fn apply_gates(gates: &[FailOn], a: &Assessment, out: &Output) -> u8 {
    let mut code = exit::OK;
    for (i, gate) in gates.iter().enumerate() {
        // The same bar twice is one gate.
        if gates[..i].contains(gate) || !gate.tripped(a) {
            continue;
        }
        out.note(&gate.explain(a));
        code = exit::GATE;
    }
    code
}
