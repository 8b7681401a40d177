//! TOML text → [`Questionnaire`], reporting every problem at once.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use toml::Spanned;

use super::model::{Area, Header, Kind, Question, Questionnaire, Thresholds, index_questions};
use super::options::{read_bands, read_choices};
use super::when::{RawCondition, check_references, read_when};
use crate::core::diagnostic::{Diagnostic, Diagnostics, InvalidInput, Span, position};
use crate::core::limits::{MAX_AREAS, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_QUESTIONS, MAX_TEXT_CHARS, MAX_WEIGHT};
use crate::core::suggest::closest;
use crate::core::toml_fields::{self, Context, Fields, Table};

/// `sha256:<hex>` of a questionnaire's source text.
pub fn content_hash(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Parses and checks a questionnaire, reporting every problem at once.
/// `origin` names the file in messages.
pub fn parse(source: &str, origin: &str) -> Result<Questionnaire, InvalidInput> {
    let fail = |diags| InvalidInput::new(origin, source, diags);
    let doc = toml_fields::parse(source).map_err(fail)?;
    let mut errs = Diagnostics::new();
    let mut loader = Loader::new(source, &mut errs);
    let built = loader.document(doc.get_ref(), doc.span());
    match built {
        Some(q) if errs.is_empty() => Ok(q),
        _ => Err(fail(errs)),
    }
}

pub(super) const TOP_KEYS: &[&str] = &["questionnaire", "scoring", "area"];
const HEADER_KEYS: &[&str] = &["id", "version", "title", "description", "minutes"];
const SCORING_KEYS: &[&str] = &["ready_at", "high_risk_below", "medium_risk_below", "max_unknown_share"];
const AREA_KEYS: &[&str] = &["id", "title", "weight", "why", "question"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "kind",
    "text",
    "help",
    "weight",
    "dont_know",
    "when",
    "choice",
    "band",
    "min",
    "max",
    "min_label",
    "max_label",
    "unit",
];

pub(super) struct Loader<'s, 'e> {
    source: &'s str,
    errs: &'e mut Diagnostics,
    /// Question id → span of its first definition, for duplicate reports.
    seen_questions: HashMap<String, Span>,
}

/// Areas with their questions, in file order, as read from a file or from
/// one part of it.
#[derive(Default)]
pub(super) struct AreasRead {
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
    /// Each question's raw conditions, by its position in `questions`.
    pub conditions: Vec<(usize, Vec<RawCondition>)>,
}

/// The top of the file: what `[questionnaire]` and `[scoring]` say, and the
/// area tables to read.
pub(super) struct Top<'t, 'i> {
    pub header: Option<Header>,
    pub scoring: Thresholds,
    pub area_tables: Vec<(&'t Table<'i>, Span)>,
}

impl<'s, 'e> Loader<'s, 'e> {
    pub(super) fn new(source: &'s str, errs: &'e mut Diagnostics) -> Self {
        Loader { source, errs, seen_questions: HashMap::new() }
    }

    fn document(&mut self, doc: &Table<'_>, span: Span) -> Option<Questionnaire> {
        let top = self.top(doc, span)?;
        let mut read = AreasRead::default();
        self.areas(top.area_tables, &mut read)?;
        let index = index_questions(&read.questions);
        check_references(&mut read.questions, &index, read.conditions, self.errs);
        let header = top.header?;
        Some(Questionnaire::assemble(header, top.scoring, read.areas, read.questions, index, content_hash(self.source)))
    }

    /// Reads the root table: the header, the thresholds and the list of
    /// areas; `None` when there are more areas than allowed.
    pub(super) fn top<'t, 'i>(&mut self, doc: &'t Table<'i>, span: Span) -> Option<Top<'t, 'i>> {
        let top = Fields::new(doc, span, "the questionnaire file", TOP_KEYS, self.errs);
        let header = match top.table("questionnaire", self.errs) {
            Some((t, span)) => self.header(t, span),
            None => {
                if top.get("questionnaire").is_none() {
                    self.errs.push(
                        Diagnostic::at(0..0, "missing the `[questionnaire]` table")
                            .with_help("start the file with `[questionnaire]` and its `id`, `version` and `title`"),
                    );
                }
                None
            }
        };
        let scoring = match top.table("scoring", self.errs) {
            Some((t, span)) => self.scoring(t, span),
            None => Thresholds::default(),
        };
        let area_tables = top.tables("area", self.errs);
        if area_tables.is_empty() && top.get("area").is_none() {
            // Nothing in the file to point at: it is the whole file's problem.
            self.errs.push(
                Diagnostic::whole_file("the questionnaire has no areas")
                    .with_help("add at least one `[[area]]` with its `[[area.question]]` entries"),
            );
        }
        if area_tables.len() > MAX_AREAS {
            self.errs.push(Diagnostic::at(
                area_tables[MAX_AREAS].1.clone(),
                format!("too many areas: {} (at most {MAX_AREAS})", area_tables.len()),
            ));
            return None;
        }
        Some(Top { header, scoring, area_tables })
    }

    /// Reads `area_tables` and their questions into `read`; `None` when
    /// there are more questions than allowed.
    pub(super) fn areas(&mut self, area_tables: Vec<(&Table<'_>, Span)>, read: &mut AreasRead) -> Option<()> {
        let AreasRead { areas, questions, conditions } = read;
        let mut area_ids: HashMap<String, Span> = HashMap::new();
        for (table, span) in area_tables {
            let index = areas.len();
            let start = questions.len();
            let fields = Fields::new(
                table,
                span.clone(),
                named(table, "area").unwrap_or(Context::Numbered("area", index + 1)),
                AREA_KEYS,
                self.errs,
            );
            let id = self.id(&fields, "area");
            if let Some(id) = &id {
                self.unique(&mut area_ids, id, "area");
            }
            let title = self.label(&fields, "title", true);
            let weight = self.weight(&fields);
            let why = self.text(&fields, "why", true);
            let question_tables = fields.tables("question", self.errs);
            if question_tables.is_empty() && fields.get("question").is_none() {
                self.errs.push(
                    Diagnostic::at(span.clone(), format!("{} has no questions", fields.context()))
                        .with_help("add `[[area.question]]` entries under it, or remove the area"),
                );
            }
            for (qt, qspan) in question_tables {
                if questions.len() >= MAX_QUESTIONS {
                    self.errs.push(Diagnostic::at(qspan, format!("too many questions (at most {MAX_QUESTIONS})")));
                    return None;
                }
                if let Some((q, when)) = self.question(qt, qspan, index) {
                    conditions.push((questions.len(), when));
                    questions.push(q);
                }
            }
            areas.push(Area {
                id: id.map(Spanned::into_inner).unwrap_or_default(),
                title: title.unwrap_or_default(),
                weight: weight.unwrap_or(1.0),
                why: why.unwrap_or_default(),
                questions: start..questions.len(),
            });
        }
        Some(())
    }

    fn header(&mut self, table: &Table<'_>, span: Span) -> Option<Header> {
        let f = Fields::new(table, span, "`[questionnaire]`", HEADER_KEYS, self.errs);
        let id = self.id(&f, "questionnaire");
        let version = self.label(&f, "version", true);
        let title = self.label(&f, "title", true);
        let description = self.text(&f, "description", false);
        let minutes = f.integer("minutes", self.errs).and_then(|m| {
            let span = m.span();
            match u32::try_from(*m.get_ref()) {
                Ok(v) if (1..=600).contains(&v) => Some(v),
                _ => {
                    self.errs.push(Diagnostic::at(span, "`minutes` must be between 1 and 600"));
                    None
                }
            }
        });
        Some(Header { id: id?.into_inner(), version: version?, title: title?, description, minutes })
    }

    fn scoring(&mut self, table: &Table<'_>, span: Span) -> Thresholds {
        let f = Fields::new(table, span.clone(), "`[scoring]`", SCORING_KEYS, self.errs);
        let d = Thresholds::default();
        let mut get = |key: &str, max: f64, default: f64| match f.number(key, self.errs) {
            Some(n) if n.get_ref().is_finite() && (0.0..=max).contains(n.get_ref()) => *n.get_ref(),
            Some(n) => {
                self.errs.push(Diagnostic::at(n.span(), format!("`{key}` must be a number from 0 to {max}")));
                default
            }
            None => default,
        };
        let t = Thresholds {
            ready_at: get("ready_at", 100.0, d.ready_at),
            high_risk_below: get("high_risk_below", 100.0, d.high_risk_below),
            medium_risk_below: get("medium_risk_below", 100.0, d.medium_risk_below),
            max_unknown_share: get("max_unknown_share", 1.0, d.max_unknown_share),
        };
        if t.high_risk_below > t.medium_risk_below {
            self.errs.push(
                Diagnostic::at(span.clone(), "thresholds out of order: `high_risk_below` is above `medium_risk_below`")
                    .with_help("an area must fall below the medium bar before it can fall below the high one"),
            );
        }
        if t.high_risk_below > t.ready_at {
            self.errs.push(
                Diagnostic::at(span, "thresholds out of order: `high_risk_below` is above `ready_at`")
                    .with_help("the score that means ready must be at least the one that means high risk"),
            );
        }
        t
    }

    /// Reads one question; also returns its raw conditions, checked later
    /// against the questions before it.
    fn question(&mut self, table: &Table<'_>, span: Span, area: usize) -> Option<(Question, Vec<RawCondition>)> {
        let f = Fields::new(
            table,
            span.clone(),
            named(table, "question").unwrap_or(Context::Fixed("a question")),
            QUESTION_KEYS,
            self.errs,
        );
        let id = self.id(&f, "question");
        if let Some(id) = &id {
            let mut seen = std::mem::take(&mut self.seen_questions);
            self.unique(&mut seen, id, "question");
            self.seen_questions = seen;
        }
        // A misspelt kind is still reported, but the question is checked as
        // the kind it most likely meant, so its other problems show now too.
        let mut meant = None;
        let kind = match f.str("kind", self.errs) {
            Some(k) => match Kind::from_name(k.get_ref()) {
                Some(kind) => Some(kind),
                None => {
                    let names = Kind::ALL.map(Kind::name);
                    meant = closest(k.get_ref(), &names).and_then(Kind::from_name);
                    let help = match meant {
                        Some(kind) => format!("did you mean `{}`?", kind.name()),
                        None => {
                            let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
                            format!("use one of: {}", names.join(", "))
                        }
                    };
                    self.errs.push(
                        Diagnostic::at(k.span(), format!("unknown question kind `{}`", k.get_ref())).with_help(help),
                    );
                    None
                }
            },
            None => {
                if f.get("kind").is_none() {
                    self.errs.push(
                        Diagnostic::at(span.clone(), format!("{} is missing `kind`", f.context()))
                            .with_help("add `kind = \"single\"` (or multi, scale, yes_no, number, text)"),
                    );
                }
                None
            }
        };
        let text = self.text(&f, "text", true);
        let help = self.text(&f, "help", false);
        let weight = self.weight(&f);
        let dont_know = f.boolean("dont_know", self.errs).map(Spanned::into_inner);
        let when = read_when(&f, self.errs);
        let checked = kind.or(meant)?;
        let mut q = Question {
            id: id.as_ref().map(|i| i.get_ref().clone()).unwrap_or_default(),
            area,
            kind: checked,
            text: text.clone().unwrap_or_default(),
            help: help.unwrap_or_default(),
            weight: weight.unwrap_or(1.0),
            dont_know: dont_know.unwrap_or(checked != Kind::Text),
            when: Vec::new(),
            choices: Vec::new(),
            bands: Vec::new(),
            min: None,
            max: None,
            min_label: self.label(&f, "min_label", false),
            max_label: self.label(&f, "max_label", false),
            unit: self.label(&f, "unit", false),
        };
        q.choices = read_choices(&f, checked, self.errs);
        read_bands(&f, &mut q, self.errs);
        // Checked as far as it goes; a question missing its kind, id or
        // text is not kept.
        (kind.is_some() && id.is_some() && text.is_some()).then_some((q, when))
    }

    /// A required id, checked for shape.
    fn id(&mut self, f: &Fields<'_, '_>, what: &str) -> Option<Spanned<String>> {
        let id = f.required_string("id", self.errs)?;
        check_id(&id, what, self.errs).then_some(id)
    }

    fn unique(&mut self, seen: &mut HashMap<String, Span>, id: &Spanned<String>, what: &str) {
        match seen.get(id.get_ref()) {
            Some(first) => {
                let line = position(self.source, first.start).line;
                self.errs.push(
                    Diagnostic::at(id.span(), format!("duplicate {what} id `{}`", id.get_ref()))
                        .with_help(format!("it is first used on line {line}; give each {what} its own id")),
                );
            }
            None => {
                seen.insert(id.get_ref().clone(), id.span());
            }
        }
    }

    fn weight(&mut self, f: &Fields<'_, '_>) -> Option<f64> {
        let w = f.number("weight", self.errs)?;
        let value = *w.get_ref();
        if value.is_finite() && value > 0.0 && value <= MAX_WEIGHT {
            Some(value)
        } else {
            self.errs.push(
                Diagnostic::at(
                    w.span(),
                    format!("weight must be a positive number no larger than {MAX_WEIGHT}, found {value}"),
                )
                .with_help("use a number such as 1, 2 or 0.5; leave it out for the default of 1"),
            );
            None
        }
    }

    fn label(&mut self, f: &Fields<'_, '_>, key: &str, required: bool) -> Option<String> {
        self.string_within(f, key, required, MAX_LABEL_CHARS)
    }

    fn text(&mut self, f: &Fields<'_, '_>, key: &str, required: bool) -> Option<String> {
        self.string_within(f, key, required, MAX_TEXT_CHARS)
    }

    fn string_within(&mut self, f: &Fields<'_, '_>, key: &str, required: bool, max: usize) -> Option<String> {
        let s = if required { f.required_string(key, self.errs) } else { f.string(key, self.errs) }?;
        check_text(&s, key, max, required, self.errs).then(|| s.into_inner())
    }
}

/// How a table is named in messages, by its id when it has a usable one, so
/// that problems found before the id is checked still say which table.
fn named<'a>(table: &'a Table<'_>, what: &'static str) -> Option<Context<'a>> {
    let id = table.get("id")?.get_ref().as_str()?;
    (!id.is_empty() && id.chars().count() <= MAX_ID_CHARS).then_some(Context::Named(what, id))
}

/// Checks a string's length (and, when required, that it is not blank).
pub(super) fn check_text(s: &Spanned<String>, key: &str, max: usize, required: bool, errs: &mut Diagnostics) -> bool {
    let chars = s.get_ref().chars().count();
    if chars > max {
        errs.push(Diagnostic::at(s.span(), format!("`{key}` is too long: {chars} characters (at most {max})")));
        false
    } else if required && s.get_ref().trim().is_empty() {
        errs.push(Diagnostic::at(s.span(), format!("`{key}` must not be empty")));
        false
    } else {
        true
    }
}

/// Ids are short, lowercase and safe to show and to use in file names.
pub(super) fn check_id(id: &Spanned<String>, what: &str, errs: &mut Diagnostics) -> bool {
    let s = id.get_ref();
    let ok_chars = s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let chars = s.chars().count();
    if chars > MAX_ID_CHARS {
        // Not quoted: a runaway id would flood the message.
        errs.push(
            Diagnostic::at(id.span(), format!("{what} id is too long: {chars} characters (at most {MAX_ID_CHARS})"))
                .with_help("ids are short keys such as `vision.objective`; put the wording in `text` or `title`"),
        );
        return false;
    }
    if !ok_chars || !ok_start {
        errs.push(
            Diagnostic::at(id.span(), format!("invalid {what} id `{s}`")).with_help(format!(
                "ids use lowercase letters, digits, '-', '_' and '.', start with a letter or digit, and have at most {MAX_ID_CHARS} characters"
            )),
        );
        return false;
    }
    true
}
