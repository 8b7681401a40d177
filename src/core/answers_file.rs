//! Loading an answers file (TOML or JSON): read it, check it against the
//! questionnaire, and drop the answers to questions their conditions hide.

use crate::core::answers::{Answers, Positions, ReadFile, check, json, toml};
use crate::core::conditions::{self, Visibility};
use crate::core::dates::not_after;
use crate::core::diagnostic::{Diagnostic, Diagnostics, InvalidInput, LineIndex, Span};
use crate::core::questionnaire::Questionnaire;
use crate::core::text::visible_name;
use crate::core::toml_fields;

/// The syntax of an answers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Json,
}

impl Syntax {
    /// By file extension: `.json` is JSON, anything else TOML.
    pub fn from_path(path: &str) -> Syntax {
        if path.to_ascii_lowercase().ends_with(".json") { Syntax::Json } else { Syntax::Toml }
    }

    /// By content, for input without a name (stdin): JSON when the first
    /// character that is not white space is `{`, else TOML. A TOML file
    /// cannot start with `{`.
    pub fn from_content(text: &str) -> Syntax {
        if text.trim_start().starts_with('{') { Syntax::Json } else { Syntax::Toml }
    }
}

/// A checked answers file and what was noticed but not fatal.
#[derive(Debug, Clone)]
pub struct LoadedAnswers {
    pub answers: Answers,
    /// Answers ignored because their question is hidden, as
    /// `file:line:column: message` lines.
    pub warnings: Vec<String>,
}

/// Parses an answers file and checks it against `q`. `origin` names the
/// file in messages. The file's `assessed_at` is not compared with any
/// clock: see [`parse_answers_at`].
pub fn parse_answers(
    source: &str,
    origin: &str,
    syntax: Syntax,
    q: &Questionnaire,
) -> Result<LoadedAnswers, InvalidInput> {
    read_answers(source, origin, syntax, q, None)
}

/// [`parse_answers`], also refusing an `assessed_at` later than `now`
/// (the caller's clock): what an answers file given to `assess` goes
/// through.
pub fn parse_answers_at(
    source: &str,
    origin: &str,
    syntax: Syntax,
    q: &Questionnaire,
    now: jiff::Timestamp,
) -> Result<LoadedAnswers, InvalidInput> {
    read_answers(source, origin, syntax, q, Some(now))
}

fn read_answers(
    source: &str,
    origin: &str,
    syntax: Syntax,
    q: &Questionnaire,
    now: Option<jiff::Timestamp>,
) -> Result<LoadedAnswers, InvalidInput> {
    let mut errs = Diagnostics::new();
    let read = match syntax {
        Syntax::Toml => toml::read(source, &mut errs),
        Syntax::Json => json::read(source, &mut errs),
    };
    let Some(ReadFile { mut answers, positions }) = read else {
        return Err(InvalidInput::new(origin, source, errs));
    };
    errs.extend(check(&answers, q, Some(&positions)));
    if let (Some(now), Some(at)) = (now, answers.assessed_at)
        && let Err(problem) = not_after(at, now)
    {
        let span = positions.header.get("assessed_at").cloned().unwrap_or(0..0);
        let text = source.get(span.clone()).unwrap_or_default().trim_matches('"');
        errs.push(Diagnostic::at(span, problem.message("`assessed_at`", text)).with_help(problem.help()));
    }
    if !errs.is_empty() {
        return Err(InvalidInput::new(origin, source, errs));
    }
    // Accepted answers of an earlier minor version are scored as this one's.
    answers.version.clone_from(&q.version);
    let hidden = drop_hidden(&mut answers, q, &positions);
    let warnings = if hidden.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(source);
        hidden
            .into_iter()
            .map(|(span, message)| {
                let p = index.position(span.start);
                format!("{}:{}:{}: {message}", visible_name(origin), p.line, p.column)
            })
            .collect()
    };
    Ok(LoadedAnswers { answers, warnings })
}

/// Drops the answers to questions their conditions hide, and to pending
/// ones (whose gate has no real answer: they count as unknown until it
/// has); returns a warning for each, at its key, in questionnaire order.
fn drop_hidden(answers: &mut Answers, q: &Questionnaire, positions: &Positions) -> Vec<(Span, String)> {
    let visibility = conditions::visibility(q, &answers.answers);
    let mut warnings = Vec::new();
    for (question, seen) in q.questions.iter().zip(visibility) {
        let message = match seen {
            Visibility::Shown => continue,
            Visibility::Hidden => {
                format!("ignoring the answer to `{}`: its condition hides it given the other answers", question.id)
            }
            Visibility::Pending { gate } => format!(
                "setting aside the answer to `{}`: it depends on `{}`, which has no real answer, so it is not \
                 asked and counts as unknown (waiting); answer `{}` and it counts",
                question.id,
                q.questions.get(gate).map_or("", |g| g.id.as_str()),
                q.questions.get(gate).map_or("", |g| g.id.as_str())
            ),
        };
        if answers.answers.remove(&question.id).is_some() {
            let key = positions.answers.get(&question.id).map_or(0..0, |at| at.key.clone());
            warnings.push((key, message));
        }
    }
    warnings
}

/// The questionnaire an answers file names in its `questionnaire` key, if it
/// can be read at all: to pick that built-in when none was asked for.
pub fn named_questionnaire(source: &str, syntax: Syntax) -> Option<String> {
    match syntax {
        Syntax::Toml => {
            let doc = toml_fields::parse(source).ok()?;
            doc.get_ref().get("questionnaire")?.get_ref().as_str().map(str::to_string)
        }
        Syntax::Json => {
            #[derive(serde::Deserialize)]
            struct Header {
                questionnaire: Option<String>,
            }
            serde_json::from_str::<Header>(source).ok()?.questionnaire
        }
    }
}
