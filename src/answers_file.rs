//! Reading an answers file (TOML or JSON) and checking every answer against
//! the questionnaire, with each problem located in the file.

use std::collections::{BTreeMap, HashMap};

use toml::Spanned;

use crate::answers::{Answer, Answers, DONT_KNOW};
use crate::diagnostic::{Diagnostic, Diagnostics, InvalidInput, LineIndex, Span};
use crate::limits::{MAX_ANSWERS, MAX_COSTLY_HINTS, MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::text::one_line;
use crate::toml_tree::{self, Fields, Value, as_number, describe};
use crate::visibility::visibility;

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
}

/// A checked answers file and what was noticed but not fatal.
#[derive(Debug, Clone)]
pub struct LoadedAnswers {
    pub answers: Answers,
    /// Answers ignored because their question is hidden, as
    /// `file:line:column: message` lines.
    pub warnings: Vec<String>,
}

mod json;

pub use json::offset_of;

const KEYS: &[&str] = &["questionnaire", "version", "organization", "respondent", "role", "label", "answers", "notes"];

/// A value as written, before it is checked against its question.
#[derive(Debug, Clone)]
enum Raw {
    Str(String),
    Num(f64),
    List(Vec<Option<String>>),
    Other(&'static str),
}

/// An answers file's fields, with positions, independent of its syntax.
#[derive(Debug, Default)]
struct RawFile {
    /// The allowed top-level keys the file has, whatever their values.
    seen_keys: Vec<&'static str>,
    header: BTreeMap<&'static str, Spanned<String>>,
    answers: Vec<(Spanned<String>, Spanned<Raw>)>,
    notes: Vec<(Spanned<String>, Spanned<Raw>)>,
}

/// Parses an answers file and checks it against `q`.
pub fn parse_answers(
    source: &str,
    origin: &str,
    syntax: Syntax,
    q: &Questionnaire,
) -> Result<LoadedAnswers, InvalidInput> {
    let mut errs = Diagnostics::new();
    let raw = match syntax {
        Syntax::Toml => read_toml(source, &mut errs),
        Syntax::Json => json::read_json(source, &mut errs),
    };
    let Some(raw) = raw else {
        return Err(InvalidInput::new(origin, source, errs));
    };
    let answers = check(&raw, q, &mut errs);
    if !errs.is_empty() {
        return Err(InvalidInput::new(origin, source, errs));
    }
    let mut answers = answers;
    let index = LineIndex::new(source);
    let warnings = drop_hidden(&mut answers, q, &raw)
        .into_iter()
        .map(|(span, msg)| {
            let p = index.position(span.start);
            format!("{}:{}:{}: {}", one_line(origin), p.line, p.column, msg)
        })
        .collect();
    Ok(LoadedAnswers { answers, warnings })
}

fn read_toml(source: &str, errs: &mut Diagnostics) -> Option<RawFile> {
    let doc = match toml_tree::parse(source) {
        Ok(doc) => doc,
        Err(e) => {
            errs.extend(e);
            return None;
        }
    };
    let f = Fields::new(doc.get_ref(), doc.span(), "the answers file", KEYS, errs);
    let mut raw =
        RawFile { seen_keys: KEYS.iter().copied().filter(|k| f.get(k).is_some()).collect(), ..RawFile::default() };
    for key in &KEYS[..6] {
        if let Some(s) = f.string(key, errs) {
            raw.header.insert(key, s);
        }
    }
    for (key, out) in [("answers", &mut raw.answers), ("notes", &mut raw.notes)] {
        if let Some((table, _)) = f.table(key, errs) {
            for (k, v) in table.iter() {
                out.push((
                    Spanned::new(k.span(), k.get_ref().to_string()),
                    Spanned::new(v.span(), toml_raw(v.get_ref())),
                ));
            }
        }
    }
    Some(raw)
}

fn toml_raw(v: &Value<'_>) -> Raw {
    match v {
        Value::String(s) => Raw::Str(s.to_string()),
        Value::Integer(_) | Value::BigInteger(_) | Value::Float(_) => {
            as_number(v).map_or(Raw::Other("a number out of range"), Raw::Num)
        }
        Value::Array(a) => Raw::List(a.items.iter().map(|i| i.get_ref().as_str().map(str::to_string)).collect()),
        other => Raw::Other(describe(other)),
    }
}

/// The questionnaire an answers file names in its `questionnaire` key, if it
/// can be read at all: to pick that built-in when none was asked for.
pub fn named_questionnaire(source: &str, syntax: Syntax) -> Option<String> {
    match syntax {
        Syntax::Toml => {
            let doc = toml_tree::parse(source).ok()?;
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

fn check(raw: &RawFile, q: &Questionnaire, errs: &mut Diagnostics) -> Answers {
    let header = |key: &str| raw.header.get(key).map(|s| s.get_ref().clone());
    for key in ["questionnaire", "version"] {
        if !raw.seen_keys.contains(&key) {
            errs.push(Diagnostic::at(0..0, format!("the answers file is missing `{key}`")).with_help(format!(
                "add `{key} = \"{}\"` at the top",
                if key == "version" { &q.version } else { &q.id }
            )));
        }
    }
    if let Some(id) = raw.header.get("questionnaire")
        && id.get_ref() != &q.id
    {
        errs.push(
            Diagnostic::at(
                id.span(),
                format!("these answers are for questionnaire `{}`, but `{}` is in use", id.get_ref(), q.id),
            )
            .with_help(format!("pass `--questionnaire {}` (a built-in name or the file's path)", id.get_ref())),
        );
        // Its answers belong to another questionnaire: checking them against
        // this one would only bury the one problem under false ones.
        return Answers::default();
    } else if let Some(v) = raw.header.get("version")
        && v.get_ref() != &q.version
    {
        errs.push(
            Diagnostic::at(v.span(), format!("these answers are for version {} of `{}`, but version {} is in use", v.get_ref(), q.id, q.version))
                .with_help("use the questionnaire file of that version, or update the answers file's `version` after checking them"),
        );
    }
    for (key, value) in &raw.header {
        let max = MAX_LABEL_CHARS;
        if value.get_ref().chars().count() > max {
            errs.push(Diagnostic::at(value.span(), format!("`{key}` is too long (at most {max} characters)")));
        }
    }
    if raw.answers.len() > MAX_ANSWERS || raw.notes.len() > MAX_ANSWERS {
        errs.push(Diagnostic::whole_file(format!("too many answers or notes (at most {MAX_ANSWERS})")));
        return Answers::default();
    }
    let mut hints = 0;
    let mut answers = BTreeMap::new();
    for (key, value) in &raw.answers {
        let Some(question) = known_question(q, key, &mut hints, errs) else { continue };
        if let Some(a) = check_answer(question, value, errs) {
            answers.insert(key.get_ref().clone(), a);
        }
    }
    let mut notes = BTreeMap::new();
    for (key, value) in &raw.notes {
        if known_question(q, key, &mut hints, errs).is_none() {
            continue;
        }
        match value.get_ref() {
            Raw::Str(s) if s.chars().count() <= MAX_TEXT_CHARS => {
                notes.insert(key.get_ref().clone(), s.clone());
            }
            Raw::Str(_) => errs
                .push(Diagnostic::at(value.span(), format!("note is too long (at most {MAX_TEXT_CHARS} characters)"))),
            other => errs.push(Diagnostic::at(value.span(), format!("a note must be text, found {}", raw_kind(other)))),
        }
    }
    Answers {
        questionnaire: header("questionnaire").unwrap_or_default(),
        version: header("version").unwrap_or_default(),
        organization: header("organization"),
        respondent: header("respondent"),
        role: header("role"),
        label: header("label"),
        answers,
        notes,
    }
}

/// The question an answer or note is for; reports an unknown id, with a
/// "did you mean" while `hints` stays within its bound.
fn known_question<'q>(
    q: &'q Questionnaire,
    key: &Spanned<String>,
    hints: &mut usize,
    errs: &mut Diagnostics,
) -> Option<&'q Question> {
    let found = q.question(key.get_ref());
    if found.is_none() {
        *hints += 1;
        let best = (*hints <= MAX_COSTLY_HINTS)
            .then(|| {
                q.questions
                    .iter()
                    .map(|c| (strsim::jaro_winkler(key.get_ref(), &c.id), &c.id))
                    .filter(|(s, _)| *s > 0.85)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
            })
            .flatten();
        let d = Diagnostic::at(key.span(), format!("`{}` has no question `{}`", q.id, key.get_ref()));
        errs.push(match best {
            Some((_, id)) => d.with_help(format!("did you mean `{id}`?")),
            None => d.with_help(format!("`crm-ready show {}` lists the question ids", q.id)),
        });
    }
    found
}

fn raw_kind(r: &Raw) -> &'static str {
    match r {
        Raw::Str(_) => "text",
        Raw::Num(_) => "a number",
        Raw::List(_) => "a list",
        Raw::Other(d) => d,
    }
}

fn check_answer(question: &Question, value: &Spanned<Raw>, errs: &mut Diagnostics) -> Option<Answer> {
    let span = value.span();
    let id = &question.id;
    let mut fail = |message: String, help: String| {
        errs.push(Diagnostic::at(span.clone(), message).with_help(help));
        None
    };
    let choice_ids = || question.choices.iter().map(|c| format!("\"{}\"", c.id)).collect::<Vec<_>>().join(", ");
    // Only offer "don't know" where the question accepts it.
    let or_dont_know = if question.dont_know { format!(", or \"{DONT_KNOW}\"") } else { String::new() };
    if let Raw::Str(s) = value.get_ref()
        && s == DONT_KNOW
    {
        if question.dont_know {
            return Some(Answer::DontKnow);
        }
        return fail(
            format!("question `{id}` does not accept \"don't know\""),
            "give a real answer or leave the question out".into(),
        );
    }
    match (question.kind, value.get_ref()) {
        (Kind::Single | Kind::YesNo, Raw::Str(s)) => {
            if question.choice(s).is_some() {
                Some(Answer::Text(s.clone()))
            } else {
                fail(
                    format!("question `{id}` has no choice `{s}`"),
                    format!("use one of {}{or_dont_know}", choice_ids()),
                )
            }
        }
        (Kind::Multi, Raw::List(items)) => {
            let mut ids: Vec<String> = Vec::new();
            for item in items {
                match item {
                    Some(s) if question.choice(s).is_none() => {
                        return fail(
                            format!("question `{id}` has no choice `{s}`"),
                            format!("use choices from {}", choice_ids()),
                        );
                    }
                    Some(s) if ids.contains(s) => {
                        return fail(format!("choice `{s}` is listed twice"), "list each choice once".into());
                    }
                    Some(s) => ids.push(s.clone()),
                    None => {
                        return fail(
                            "a multiple-choice answer must list choice ids (strings)".into(),
                            format!("for example [{}]", choice_ids()),
                        );
                    }
                }
            }
            if ids.len() > 1
                && let Some(ex) = ids.iter().find(|s| question.choice(s).is_some_and(|c| c.exclusive))
            {
                return fail(
                    format!("choice `{ex}` excludes the others, but more are listed"),
                    format!("answer [\"{ex}\"] alone, or drop it"),
                );
            }
            Some(Answer::List(ids))
        }
        (Kind::Scale, Raw::Num(n)) => {
            let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(0.0));
            if n.fract() == 0.0 && *n >= lo && *n <= hi {
                Some(Answer::Number(*n))
            } else {
                fail(
                    format!("question `{id}` takes a whole number from {lo} to {hi}, found {n}"),
                    "pick a step on the scale".into(),
                )
            }
        }
        (Kind::Number, Raw::Num(n)) => {
            if !n.is_finite() || question.min.is_some_and(|m| *n < m) || question.max.is_some_and(|m| *n > m) {
                let range = match (question.min, question.max) {
                    (Some(lo), Some(hi)) => format!("from {lo} to {hi}"),
                    (Some(lo), None) => format!("of at least {lo}"),
                    (None, Some(hi)) => format!("of at most {hi}"),
                    (None, None) => "that is finite".into(),
                };
                fail(format!("question `{id}` takes a number {range}, found {n}"), "correct the number".into())
            } else {
                Some(Answer::Number(*n))
            }
        }
        (Kind::Text, Raw::Str(s)) if s.chars().count() <= MAX_TEXT_CHARS => Some(Answer::Text(s.clone())),
        (Kind::Text, Raw::Str(_)) => {
            fail(format!("the answer to `{id}` is too long"), format!("keep it under {MAX_TEXT_CHARS} characters"))
        }
        (kind, other) => {
            let (expected, help) = match kind {
                Kind::Single | Kind::YesNo => ("a choice id", format!("use one of {}", choice_ids())),
                Kind::Multi => ("a list of choice ids", format!("for example [{}]", choice_ids())),
                Kind::Scale | Kind::Number => ("a number", "write a number such as 3, without quotes".into()),
                Kind::Text => ("text", "put the answer in quotes".into()),
            };
            fail(
                format!("question `{id}` is `{}` and takes {expected}, found {}", kind.name(), raw_kind(other)),
                format!("{help}{or_dont_know}"),
            )
        }
    }
}

/// Removes answers to questions their conditions hide; returns a warning
/// for each.
fn drop_hidden(answers: &mut Answers, q: &Questionnaire, raw: &RawFile) -> Vec<(Span, String)> {
    let visible = visibility(q, &answers.answers);
    let spans: HashMap<&str, Span> = raw.answers.iter().map(|(k, _)| (k.get_ref().as_str(), k.span())).collect();
    let mut warnings = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        if !visible[i] && answers.answers.remove(&question.id).is_some() {
            let span = spans.get(question.id.as_str()).cloned().unwrap_or(0..0);
            warnings.push((
                span,
                format!("ignoring the answer to `{}`: its condition hides it given the other answers", question.id),
            ));
        }
    }
    warnings
}

/// Checks answers gathered another way (a saved interview draft) with the
/// same rules as an answers file: the questionnaire and version match, every
/// question exists and every answer and note fits. Returns the problems.
pub fn check_answers(answers: &Answers, q: &Questionnaire) -> Diagnostics {
    let at = |s: String| Spanned::new(0..0, s);
    let mut raw = RawFile::default();
    for (key, value) in [
        ("questionnaire", Some(&answers.questionnaire)),
        ("version", Some(&answers.version)),
        ("organization", answers.organization.as_ref()),
        ("respondent", answers.respondent.as_ref()),
        ("role", answers.role.as_ref()),
        ("label", answers.label.as_ref()),
    ] {
        if let Some(v) = value {
            raw.seen_keys.push(key);
            raw.header.insert(key, at(v.clone()));
        }
    }
    raw.seen_keys.extend(["answers", "notes"]);
    for (id, answer) in &answers.answers {
        let value = match answer {
            Answer::Text(s) => Raw::Str(s.clone()),
            Answer::List(ids) => Raw::List(ids.iter().cloned().map(Some).collect()),
            Answer::Number(n) => Raw::Num(*n),
            Answer::DontKnow => Raw::Str(DONT_KNOW.to_string()),
        };
        raw.answers.push((at(id.clone()), Spanned::new(0..0, value)));
    }
    for (id, note) in &answers.notes {
        raw.notes.push((at(id.clone()), Spanned::new(0..0, Raw::Str(note.clone()))));
    }
    let mut errs = Diagnostics::new();
    check(&raw, q, &mut errs);
    errs
}
