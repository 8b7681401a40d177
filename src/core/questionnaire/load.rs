//! TOML text → [`Questionnaire`], reporting every problem at once.

use sha2::{Digest, Sha256};
use toml::Spanned;

use super::answer_checks::{RawCheck, read_checks};
use super::checks::{UniqueIds, named, read_id, read_label, read_text, read_weight};
use super::model::{Area, Header, PhaseDef, Question, Questionnaire, Thresholds, index_questions};
use super::phases::read_phases;
use super::question::{QuestionPlace, read_question};
use super::references::{check_answer_checks, check_references};
use super::verdicts::{VerdictTitles, read_verdicts};
use super::when::QuestionConditions;
use crate::core::diagnostic::{Diagnostic, Diagnostics, InvalidInput, Span};
use crate::core::limits::{MAX_AREAS, MAX_QUESTIONS};
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

const TOP_KEYS: &[&str] = &["questionnaire", "scoring", "verdicts", "phase", "area", "check"];
const HEADER_KEYS: &[&str] = &["id", "version", "title", "description", "minutes"];
const SCORING_KEYS: &[&str] = &[
    "ready_at",
    "high_risk_below",
    "medium_risk_below",
    "max_unknown_share",
    "max_major_flags_per_area",
    "escalate_high_risk_areas",
    "disagreement_at",
];
const AREA_KEYS: &[&str] = &["id", "title", "weight", "why", "question"];

struct Loader<'s, 'e> {
    source: &'s str,
    errs: &'e mut Diagnostics,
    question_ids: UniqueIds<'s>,
    /// The phases the file declares, read before the areas that name them.
    phases: Vec<PhaseDef>,
}

/// Areas with their questions, in file order.
#[derive(Default)]
struct AreasRead {
    areas: Vec<Area>,
    questions: Vec<Question>,
    /// Each question's conditions as written, checked once all are read.
    conditions: Vec<QuestionConditions>,
}

/// The top of the file: what `[questionnaire]` and `[scoring]` say, and the
/// area tables to read.
struct Top<'t, 'i> {
    header: Option<Header>,
    scoring: Thresholds,
    verdicts: VerdictTitles,
    area_tables: Vec<(&'t Table<'i>, Span)>,
    /// The `[[check]]` tables as written.
    checks: Vec<RawCheck>,
}

impl<'s, 'e> Loader<'s, 'e> {
    fn new(source: &'s str, errs: &'e mut Diagnostics) -> Self {
        Loader { source, errs, question_ids: UniqueIds::new(source, "question"), phases: Vec::new() }
    }

    fn document(&mut self, doc: &Table<'_>, span: Span) -> Option<Questionnaire> {
        let top = self.top(doc, span)?;
        let AreasRead { areas, mut questions, conditions } = self.areas(top.area_tables)?;
        let index = index_questions(&questions);
        check_references(&mut questions, &index, conditions, self.errs);
        let checks = check_answer_checks(&questions, &index, top.checks, self.errs);
        let header = top.header?;
        let phases = std::mem::take(&mut self.phases);
        let source = content_hash(self.source);
        let mut q = Questionnaire::assemble(header, top.scoring, phases, areas, questions, index, source);
        q.verdicts = top.verdicts;
        q.checks = checks;
        Some(q)
    }

    /// Reads the root table: the header, the thresholds and the list of
    /// areas; `None` when there are more areas than allowed.
    fn top<'t, 'i>(&mut self, doc: &'t Table<'i>, span: Span) -> Option<Top<'t, 'i>> {
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
        let verdicts = match top.table("verdicts", self.errs) {
            Some((t, span)) => read_verdicts(t, span, self.errs),
            None => VerdictTitles::default(),
        };
        let phase_tables = top.tables("phase", self.errs);
        self.phases = read_phases(self.source, phase_tables, self.errs);
        let area_tables = top.tables("area", self.errs);
        let checks = read_checks(self.source, top.tables("check", self.errs), self.errs);
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
        Some(Top { header, scoring, verdicts, area_tables, checks })
    }

    fn header(&mut self, table: &Table<'_>, span: Span) -> Option<Header> {
        let f = Fields::new(table, span, "`[questionnaire]`", HEADER_KEYS, self.errs);
        let id = read_id(&f, "questionnaire", self.errs);
        let version = read_label(&f, "version", true, self.errs);
        let title = read_label(&f, "title", true, self.errs);
        let description = read_text(&f, "description", false, self.errs);
        let minutes = read_minutes(&f, self.errs);
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
            max_major_flags_per_area: read_flag_count(&f, d.max_major_flags_per_area, self.errs),
            escalate_high_risk_areas: f
                .boolean("escalate_high_risk_areas", self.errs)
                .map_or(d.escalate_high_risk_areas, Spanned::into_inner),
            disagreement_at: read_disagreement_at(&f, d.disagreement_at, self.errs),
        };
        check_threshold_order(&t, span, self.errs);
        t
    }

    /// Reads `area_tables` and their questions; `None` when there are more
    /// questions than allowed.
    fn areas(&mut self, area_tables: Vec<(&Table<'_>, Span)>) -> Option<AreasRead> {
        let mut read = AreasRead::default();
        let mut area_ids = UniqueIds::new(self.source, "area");
        for (table, span) in area_tables {
            let area = self.area(table, span, &mut area_ids, &mut read)?;
            read.areas.push(area);
        }
        Some(read)
    }

    /// Reads one area, and its questions into `read`; `None` when there are
    /// more questions than allowed.
    fn area(
        &mut self,
        table: &Table<'_>,
        span: Span,
        area_ids: &mut UniqueIds<'_>,
        read: &mut AreasRead,
    ) -> Option<Area> {
        let index = read.areas.len();
        let start = read.questions.len();
        let context = named(table, "area").unwrap_or(Context::Numbered("area", index + 1));
        let fields = Fields::new(table, span.clone(), context, AREA_KEYS, self.errs);
        let id = read_id(&fields, "area", self.errs);
        if let Some(id) = &id {
            area_ids.check(id, self.errs);
        }
        let title = read_label(&fields, "title", true, self.errs);
        let weight = read_weight(&fields, self.errs);
        let why = read_text(&fields, "why", true, self.errs);
        let question_tables = fields.tables("question", self.errs);
        if question_tables.is_empty() && fields.get("question").is_none() {
            self.errs.push(
                Diagnostic::at(span, format!("{} has no questions", fields.context()))
                    .with_help("add `[[area.question]]` entries under it, or remove the area"),
            );
        }
        self.questions(question_tables, index, read)?;
        Some(Area {
            id: id.map(Spanned::into_inner).unwrap_or_default(),
            title: title.unwrap_or_default(),
            weight: weight.unwrap_or(1.0),
            why: why.unwrap_or_default(),
            questions: start..read.questions.len(),
        })
    }

    /// Reads the questions of area `area` into `read`; `None` when there
    /// are more questions than allowed.
    fn questions(&mut self, tables: Vec<(&Table<'_>, Span)>, area: usize, read: &mut AreasRead) -> Option<()> {
        for (table, span) in tables {
            if read.questions.len() >= MAX_QUESTIONS {
                self.errs.push(Diagnostic::at(span, format!("too many questions (at most {MAX_QUESTIONS})")));
                return None;
            }
            let place = QuestionPlace { area, phases: &self.phases };
            if let Some(q) = read_question(table, span, place, &mut self.question_ids, self.errs) {
                read.conditions.push(QuestionConditions { owner: read.questions.len(), conditions: q.conditions });
                read.questions.push(q.question);
            }
        }
        Some(())
    }
}

/// `minutes`: a whole number from 1 to 600.
fn read_minutes(f: &Fields<'_, '_>, errs: &mut Diagnostics) -> Option<u32> {
    let m = f.integer("minutes", errs)?;
    match u32::try_from(*m.get_ref()) {
        Ok(v) if (1..=600).contains(&v) => Some(v),
        _ => {
            errs.push(Diagnostic::at(m.span(), "`minutes` must be between 1 and 600"));
            None
        }
    }
}

/// `max_major_flags_per_area`: a whole number from 0 to 100.
fn read_flag_count(f: &Fields<'_, '_>, default: u32, errs: &mut Diagnostics) -> u32 {
    let Some(n) = f.integer("max_major_flags_per_area", errs) else { return default };
    match u32::try_from(*n.get_ref()) {
        Ok(v) if v <= 100 => v,
        _ => {
            errs.push(
                Diagnostic::at(n.span(), "`max_major_flags_per_area` must be a whole number from 0 to 100")
                    .with_help("0 makes a single major red flag in an area mean not ready; the default is 2"),
            );
            default
        }
    }
}

/// `disagreement_at`: a number of points above 0, at most 100.
fn read_disagreement_at(f: &Fields<'_, '_>, default: f64, errs: &mut Diagnostics) -> f64 {
    let Some(n) = f.number("disagreement_at", errs) else { return default };
    let v = *n.get_ref();
    if v.is_finite() && v > 0.0 && v <= 100.0 {
        return v;
    }
    errs.push(
        Diagnostic::at(n.span(), "`disagreement_at` must be a number of points above 0 and at most 100").with_help(
            "groups whose mean scores on a question differ by at least this much disagree; the default is 50",
        ),
    );
    default
}

/// The bars must be in order: high risk below medium risk, and below ready.
fn check_threshold_order(t: &Thresholds, span: Span, errs: &mut Diagnostics) {
    if t.high_risk_below > t.medium_risk_below {
        errs.push(
            Diagnostic::at(span.clone(), "thresholds out of order: `high_risk_below` is above `medium_risk_below`")
                .with_help("an area must fall below the medium bar before it can fall below the high one"),
        );
    }
    if t.high_risk_below > t.ready_at {
        errs.push(
            Diagnostic::at(span, "thresholds out of order: `high_risk_below` is above `ready_at`")
                .with_help("the score that means ready must be at least the one that means high risk"),
        );
    }
}
