//! Reading an answers file (TOML or JSON) and checking every answer against
//! the questionnaire, with each problem located in the file.

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml::Spanned;

use crate::core::answers::{Answer, Answers, DONT_KNOW};
use crate::core::diagnostic::{Diagnostic, Diagnostics, InvalidInput, LineIndex, Span};
use crate::core::limits::{MAX_ANSWERS, MAX_COSTLY_HINTS, MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use crate::core::questionnaire::{Kind, Question, Questionnaire};
use crate::core::suggest::closest;
use crate::core::text::one_line;
use toml::de::DeValue;

use crate::core::conditions;
use crate::core::toml_fields::{self, Fields, Node, Table, Value, as_number, describe};

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

pub use super::json::offset_of;

pub(super) const KEYS: &[&str] =
    &["questionnaire", "version", "organization", "respondent", "role", "label", "answers", "notes"];

/// A value as written, before it is checked against its question. Strings
/// borrow from the parsed file where they can: copying every answer only to
/// check it cost more than the checks.
#[derive(Debug, Clone)]
pub(super) enum Raw<'a> {
    Str(Cow<'a, str>),
    Num(f64),
    List(List<'a>),
    Other(&'static str),
}

/// The items of a list as written; `None` stands for an item that is not a
/// string.
#[derive(Debug, Clone)]
pub(super) enum List<'a> {
    Toml(&'a [Node<'a>]),
    Strings(Vec<Option<Cow<'a, str>>>),
}

impl List<'_> {
    fn len(&self) -> usize {
        match self {
            List::Toml(items) => items.len(),
            List::Strings(items) => items.len(),
        }
    }

    fn items(&self) -> impl Iterator<Item = Option<&str>> {
        // One of the two is empty: chaining them avoids boxing an iterator.
        let (toml, strings): (&[Node<'_>], &[Option<Cow<'_, str>>]) = match self {
            List::Toml(items) => (items, &[]),
            List::Strings(items) => (&[], items),
        };
        toml.iter().map(|i| i.get_ref().as_str()).chain(strings.iter().map(|s| s.as_deref()))
    }
}

/// A question id as written, and its value.
type Entry<'a> = (Spanned<Cow<'a, str>>, Spanned<Raw<'a>>);

/// An answers file's fields, with positions, independent of its syntax.
#[derive(Debug, Default)]
pub(super) struct RawFile<'a> {
    /// The allowed top-level keys the file has, whatever their values.
    pub(super) seen_keys: Vec<&'static str>,
    pub(super) header: BTreeMap<&'static str, Spanned<String>>,
    pub(super) answers: Vec<Entry<'a>>,
    pub(super) notes: Vec<Entry<'a>>,
}

/// Parses an answers file and checks it against `q`.
pub fn parse_answers(
    source: &str,
    origin: &str,
    syntax: Syntax,
    q: &Questionnaire,
) -> Result<LoadedAnswers, InvalidInput> {
    let mut errs = Diagnostics::new();
    match syntax {
        Syntax::Toml => {
            // The tree outlives the raw file, which borrows its strings.
            let doc = toml_fields::parse(source).map_err(|e| InvalidInput::new(origin, source, e))?;
            let raw = read_toml(&doc, &mut errs);
            finish(&raw, source, origin, q, errs)
        }
        Syntax::Json => match super::json::read_json(source, &mut errs) {
            Some(raw) => finish(&raw, source, origin, q, errs),
            None => Err(InvalidInput::new(origin, source, errs)),
        },
    }
}

/// Checks a read file against `q` and drops the answers to hidden questions.
fn finish(
    raw: &RawFile<'_>,
    source: &str,
    origin: &str,
    q: &Questionnaire,
    mut errs: Diagnostics,
) -> Result<LoadedAnswers, InvalidInput> {
    let (mut answers, valid) = check(raw, q, &mut errs);
    if !errs.is_empty() {
        return Err(InvalidInput::new(origin, source, errs));
    }
    let (kept, hidden) = drop_hidden(valid, q, raw);
    answers.answers = sorted_map(kept);
    let warnings = if hidden.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(source);
        hidden
            .into_iter()
            .map(|(span, msg)| {
                let p = index.position(span.start);
                format!("{}:{}:{}: {}", one_line(origin), p.line, p.column, msg)
            })
            .collect()
    };
    Ok(LoadedAnswers { answers, warnings })
}

fn read_toml<'a>(doc: &'a Spanned<Table<'_>>, errs: &mut Diagnostics) -> RawFile<'a> {
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
            out.reserve(table.len());
            for (k, v) in table.iter() {
                let id: &str = k.get_ref();
                out.push((Spanned::new(k.span(), Cow::Borrowed(id)), Spanned::new(v.span(), toml_raw(v.get_ref()))));
            }
        }
    }
    raw
}

fn toml_raw<'a>(v: &'a Value<'a>) -> Raw<'a> {
    match v {
        DeValue::String(s) => Raw::Str(Cow::Borrowed(s)),
        DeValue::Integer(_) | DeValue::Float(_) => as_number(v).map_or(Raw::Other("a number out of range"), Raw::Num),
        DeValue::Array(a) => Raw::List(List::Toml(a)),
        other => Raw::Other(describe(other)),
    }
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

/// The valid answers of a file, in file order, before the answers to hidden
/// questions are dropped. (Indices are below [`MAX_ANSWERS`]: 32 bits halve
/// the tables.)
#[derive(Default)]
struct Valid<'r> {
    answers: Vec<Keyed<'r, Answer>>,
    /// Each answer's index in [`RawFile::answers`], for its place in the file.
    entries: Vec<u32>,
    /// For each question, in questionnaire order, its answer's index in
    /// `answers`, if it has a valid one.
    by_position: Vec<Option<u32>>,
}

/// Checks every answer and note; returns the answer set without its
/// answers, which are in [`Valid`] until the hidden ones are dropped.
fn check<'r>(raw: &'r RawFile<'_>, q: &Questionnaire, errs: &mut Diagnostics) -> (Answers, Valid<'r>) {
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
        return (Answers::default(), Valid::default());
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
        return (Answers::default(), Valid::default());
    }
    let mut hints = 0;
    let mut valid = Valid {
        answers: Vec::with_capacity(raw.answers.len()),
        entries: Vec::with_capacity(raw.answers.len()),
        by_position: vec![None; q.questions.len()],
    };
    let mut finder = Finder { q, next: 0 };
    for (i, (key, value)) in raw.answers.iter().enumerate() {
        let Some((at, question)) = known_question(&mut finder, key, &mut hints, errs) else { continue };
        if let Some(a) = check_answer(question, value, errs)
            && let (Ok(entry), Ok(index)) = (u32::try_from(i), u32::try_from(valid.answers.len()))
        {
            valid.by_position[at] = Some(index);
            valid.entries.push(entry);
            valid.answers.push(Keyed::new(key.get_ref(), a));
        }
    }
    let mut notes = Vec::new();
    let mut finder = Finder { q, next: 0 };
    for (key, value) in &raw.notes {
        if known_question(&mut finder, key, &mut hints, errs).is_none() {
            continue;
        }
        match value.get_ref() {
            Raw::Str(s) if s.chars().count() <= MAX_TEXT_CHARS => {
                notes.push(Keyed::new(key.get_ref(), s.to_string()));
            }
            Raw::Str(_) => errs
                .push(Diagnostic::at(value.span(), format!("note is too long (at most {MAX_TEXT_CHARS} characters)"))),
            other => errs.push(Diagnostic::at(value.span(), format!("a note must be text, found {}", raw_kind(other)))),
        }
    }
    let notes = sorted_map(notes);
    let answers = Answers {
        questionnaire: header("questionnaire").unwrap_or_default(),
        version: header("version").unwrap_or_default(),
        organization: header("organization"),
        respondent: header("respondent"),
        role: header("role"),
        label: header("label"),
        answers: BTreeMap::new(),
        notes,
    };
    (answers, valid)
}

/// An entry for a map, with the first eight bytes of its key as a number
/// (big-endian, zero-padded): comparing those orders keys as their bytes
/// do, and only equal prefixes need the strings.
struct Keyed<'k, V> {
    prefix: u64,
    key: &'k str,
    value: V,
}

impl<'k, V> Keyed<'k, V> {
    fn new(key: &'k str, value: V) -> Self {
        let mut bytes = [0; 8];
        let n = key.len().min(8);
        bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
        Keyed { prefix: u64::from_be_bytes(bytes), key, value }
    }
}

/// A map of entries with unique keys (a table or JSON object holds each key
/// once). Sorted here, the keys are copied in order, so the map's own sort,
/// which then finds them in order, reads neighbouring memory; and its bulk
/// build beats inserting keys one by one. The sort moves prefixes and
/// positions, a third of an entry's size, and each entry moves once.
fn sorted_map<K: for<'k> From<&'k str> + Ord, V>(entries: Vec<Keyed<'_, V>>) -> BTreeMap<K, V> {
    let mut order: Vec<(u64, usize)> = entries.iter().enumerate().map(|(i, e)| (e.prefix, i)).collect();
    let key = |i: usize| entries.get(i).map_or("", |e| e.key);
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| key(a.1).cmp(key(b.1))));
    let mut slots: Vec<Option<Keyed<'_, V>>> = entries.into_iter().map(Some).collect();
    let mut sorted = Vec::with_capacity(slots.len());
    sorted.extend(order.into_iter().filter_map(|(_, i)| slots.get_mut(i)?.take()).map(|e| (K::from(e.key), e.value)));
    sorted.into_iter().collect()
}

/// How many questions past the last one found are compared by id before
/// asking the questionnaire's index: answers files usually follow the
/// questionnaire's order, skipping a few, and comparing a few short ids
/// costs less than hashing one.
const LOOK_AHEAD: usize = 4;

/// Finds questions by id, looking just past the last one found first.
struct Finder<'q> {
    q: &'q Questionnaire,
    next: usize,
}

impl<'q> Finder<'q> {
    /// Question `id` and its position in the questionnaire.
    fn find(&mut self, id: &str) -> Option<(usize, &'q Question)> {
        let ahead = self.q.questions.get(self.next..).unwrap_or_default();
        // Ids are unique in a loaded questionnaire, so the first match is the one.
        let at = match ahead.iter().take(LOOK_AHEAD).position(|c| c.id == id) {
            Some(i) => self.next + i,
            None => self.q.position(id)?,
        };
        self.next = at + 1;
        Some((at, self.q.questions.get(at)?))
    }
}

/// The question an answer or note is for, with its position; reports an
/// unknown id, with a "did you mean" while `hints` stays within its bound.
fn known_question<'q>(
    finder: &mut Finder<'q>,
    key: &Spanned<Cow<'_, str>>,
    hints: &mut usize,
    errs: &mut Diagnostics,
) -> Option<(usize, &'q Question)> {
    let found = finder.find(key.get_ref());
    if found.is_none() {
        let q = finder.q;
        *hints += 1;
        let best =
            (*hints <= MAX_COSTLY_HINTS).then(|| closest(key.get_ref(), q.questions.iter().map(|c| &c.id))).flatten();
        let d = Diagnostic::at(key.span(), format!("`{}` has no question `{}`", q.id, key.get_ref()));
        errs.push(match best {
            Some(id) => d.with_help(format!("did you mean `{id}`?")),
            None => d.with_help(format!("`crm-ready show {}` lists the question ids", q.id)),
        });
    }
    found
}

fn raw_kind(r: &Raw<'_>) -> &'static str {
    match r {
        Raw::Str(_) => "text",
        Raw::Num(_) => "a number",
        Raw::List(_) => "a list",
        Raw::Other(d) => d,
    }
}

fn check_answer(question: &Question, value: &Spanned<Raw<'_>>, errs: &mut Diagnostics) -> Option<Answer> {
    let span = value.span();
    let id = &question.id;
    let mut fail = |message: String, help: String| {
        errs.push(Diagnostic::at(span.clone(), message).with_help(help));
        None
    };
    let choice_ids = || question.choices.iter().map(|c| format!("\"{}\"", c.id)).collect::<Vec<_>>().join(", ");
    // Only offer "don't know" where the question accepts it. Built only for
    // a message: most answers are fine.
    let or_dont_know = || if question.dont_know { format!(", or \"{DONT_KNOW}\"") } else { String::new() };
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
                Some(Answer::Text(String::from(s.as_ref())))
            } else {
                fail(
                    format!("question `{id}` has no choice `{s}`"),
                    format!("use one of {}{}", choice_ids(), or_dont_know()),
                )
            }
        }
        (Kind::Multi, Raw::List(items)) => {
            let mut ids: Vec<String> = Vec::with_capacity(items.len());
            // The first exclusive choice listed, found in the same search.
            let mut exclusive = None;
            for item in items.items() {
                let choice = item.map(|s| (s, question.choice(s)));
                match choice {
                    Some((s, None)) => {
                        return fail(
                            format!("question `{id}` has no choice `{s}`"),
                            format!("use choices from {}", choice_ids()),
                        );
                    }
                    Some((s, _)) if ids.iter().any(|id| id == s) => {
                        return fail(format!("choice `{s}` is listed twice"), "list each choice once".into());
                    }
                    Some((s, Some(c))) => {
                        if c.exclusive && exclusive.is_none() {
                            exclusive = Some(s);
                        }
                        ids.push(String::from(s));
                    }
                    None => {
                        return fail(
                            "a multiple-choice answer must list choice ids (strings)".into(),
                            format!("for example [{}]", choice_ids()),
                        );
                    }
                }
            }
            if ids.len() > 1
                && let Some(ex) = exclusive
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
        (Kind::Text, Raw::Str(s)) if s.chars().count() <= MAX_TEXT_CHARS => {
            Some(Answer::Text(String::from(s.as_ref())))
        }
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
                format!("{help}{}", or_dont_know()),
            )
        }
    }
}

/// Drops the answers to questions their conditions hide; returns the
/// answers kept and a warning for each one dropped, at its key.
///
/// Only answered questions are visited: a condition on an unanswered
/// question fails whether that question is shown or not, so the others'
/// visibility never matters, and a large questionnaire is not read again.
fn drop_hidden<'r>(
    valid: Valid<'r>,
    q: &Questionnaire,
    raw: &RawFile<'_>,
) -> (Vec<Keyed<'r, Answer>>, Vec<(Span, String)>) {
    let given: Vec<Option<&Answer>> =
        valid.by_position.iter().map(|k| k.and_then(|k| valid.answers.get(k as usize)).map(|e| &e.value)).collect();
    let mut visible = vec![false; given.len()];
    let mut keep = vec![true; valid.answers.len()];
    let mut warnings = Vec::new();
    // In questionnaire order: conditions look backwards.
    for ((at, question), k) in q.questions.iter().enumerate().zip(&valid.by_position) {
        let Some(k) = k.map(|k| k as usize) else { continue };
        let shown = conditions::shown(q, at, question, &given, &visible);
        visible[at] = shown;
        if !shown {
            keep[k] = false;
            let entry = valid.entries.get(k).and_then(|&i| raw.answers.get(i as usize));
            warnings.push((
                entry.map_or(0..0, |(key, _)| key.span()),
                format!("ignoring the answer to `{}`: its condition hides it given the other answers", question.id),
            ));
        }
    }
    let kept = valid.answers.into_iter().zip(keep).filter_map(|(e, keep)| keep.then_some(e)).collect();
    (kept, warnings)
}

/// Checks answers gathered another way (a saved interview draft) with the
/// same rules as an answers file: the questionnaire and version match, every
/// question exists and every answer and note fits. Returns the problems.
pub fn check_answers(answers: &Answers, q: &Questionnaire) -> Diagnostics {
    let at = |s: &String| Spanned::new(0..0, s.clone());
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
            raw.header.insert(key, at(v));
        }
    }
    raw.seen_keys.extend(["answers", "notes"]);
    for (key, answer) in &answers.answers {
        let value = match answer {
            Answer::Text(s) => Raw::Str(Cow::Borrowed(s)),
            Answer::List(ids) => {
                Raw::List(List::Strings(ids.iter().map(|s| Some(Cow::Borrowed(s.as_str()))).collect()))
            }
            Answer::Number(n) => Raw::Num(*n),
            Answer::DontKnow => Raw::Str(Cow::Borrowed(DONT_KNOW)),
        };
        raw.answers.push((Spanned::new(0..0, Cow::Borrowed(key.as_str())), Spanned::new(0..0, value)));
    }
    for (key, note) in &answers.notes {
        let value = Raw::Str(Cow::Borrowed(note.as_str()));
        raw.notes.push((Spanned::new(0..0, Cow::Borrowed(key.as_str())), Spanned::new(0..0, value)));
    }
    let mut errs = Diagnostics::new();
    check(&raw, q, &mut errs);
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_map_orders_keys_as_a_btreemap_does() {
        // Equal eight-byte prefixes, prefixes of one another, NUL and
        // non-ASCII bytes: the cases where the prefix alone cannot decide.
        let keys = [
            "process.b",
            "process.a",
            "process",
            "proc",
            "",
            "a\0",
            "a",
            "a\0b",
            "é",
            "z",
            "q10",
            "q2",
            "q1",
            "process.ab",
        ];
        let map = sorted_map(keys.iter().enumerate().map(|(i, k)| Keyed::new(k, i)).collect());
        let expected: BTreeMap<String, usize> = keys.iter().enumerate().map(|(i, k)| (k.to_string(), i)).collect();
        assert_eq!(map, expected);
        assert!(map.keys().zip(map.keys().skip(1)).all(|(a, b)| a < b));
    }

    #[test]
    fn finder_finds_questions_in_any_order() {
        let source = include_str!("../../../tests/fixtures/questionnaires/good/every-kind.toml");
        let q = crate::core::questionnaire::parse(source, "every-kind.toml").unwrap();
        let mut finder = Finder { q: &q, next: 0 };
        let mut order: Vec<usize> = (0..q.questions.len()).rev().collect();
        order.extend(0..q.questions.len());
        for i in order {
            let (at, question) = finder.find(&q.questions[i].id).unwrap();
            assert_eq!((at, question.id.as_str()), (i, q.questions[i].id.as_str()));
        }
        assert!(finder.find("no-such-question").is_none());
    }
}
