//! `crm-ready questionnaires` and `crm-ready show`.

use clap::Args;
use comfy_table::Cell;
use schemars::JsonSchema;
use serde::Serialize;

use super::output::Output;
use crate::core::questionnaire::{Area, Question, QuestionCounts, Thresholds, builtin};
use crate::exit;
use crate::io::input::load_questionnaire;
use crate::report::{Fit, questionnaire_text, to_json};

/// Output formats of listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

/// Output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A built-in questionnaire's name or a questionnaire file [default: crm-readiness].
    #[arg(value_name = "NAME|PATH", value_hint = clap::ValueHint::FilePath)]
    pub questionnaire: Option<String>,
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// The counting rule, under the table of counts.
const FOLLOW_UPS: &str = "Follow-ups are asked only when an earlier answer calls for them.";

#[derive(Serialize)]
struct Listed {
    id: String,
    version: String,
    title: String,
    /// Every question in the file: always asked, and follow-ups.
    questions: usize,
    #[serde(flatten)]
    counts: QuestionCounts,
    minutes: Option<u32>,
    content_hash: String,
}

pub fn list(args: ListArgs, out: &Output) -> anyhow::Result<u8> {
    let mut listed = Vec::new();
    for b in &builtin::BUILTINS {
        let q = b.load()?;
        listed.push(Listed {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            questions: q.questions.len(),
            counts: q.counts(),
            minutes: q.minutes,
            content_hash: q.content_hash.clone(),
        });
    }
    match args.format {
        ListFormat::Json => out.data(&to_json(&listed))?,
        ListFormat::Table => {
            let style = out.table_style();
            let mut t = style.table();
            t.set_header(vec![
                style.head("Id"),
                style.head("Version"),
                style.head("Title"),
                style.head("Questions"),
                style.head("Follow-ups"),
                style.head("Minutes"),
            ]);
            for l in &listed {
                t.add_row(vec![
                    Cell::new(&l.id),
                    Cell::new(&l.version),
                    Cell::new(&l.title),
                    Cell::new(l.counts.always_asked),
                    Cell::new(match l.counts.follow_ups {
                        0 => "none".to_string(),
                        n => format!("up to {n}"),
                    }),
                    Cell::new(l.minutes.map_or_else(|| "—".into(), |m| m.to_string())),
                ]);
            }
            let whole = Fit::Whole;
            style.fit(&mut t, &[whole, whole, Fit::Words, whole, Fit::Words, whole], &[]);
            out.data(&format!("{t}\n{FOLLOW_UPS}\n"))?;
        }
    }
    Ok(exit::OK)
}

/// `show --format json`: everything another tool needs to build answers.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Questionnaire")]
pub(super) struct ShowJson<'a> {
    schema_version: u32,
    id: &'a str,
    version: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    minutes: Option<u32>,
    content_hash: &'a str,
    scoring: Thresholds,
    areas: Vec<AreaJson<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct AreaJson<'a> {
    #[serde(flatten)]
    area: &'a Area,
    questions: &'a [Question],
}

pub fn show(args: ShowArgs, out: &Output) -> anyhow::Result<u8> {
    let q = load_questionnaire(args.questionnaire.as_deref())?;
    match args.format {
        ShowFormat::Json => {
            let view = ShowJson {
                schema_version: crate::core::assessment::SCHEMA_VERSION,
                id: &q.id,
                version: &q.version,
                title: &q.title,
                description: q.description.as_deref(),
                minutes: q.minutes,
                content_hash: &q.content_hash,
                scoring: q.scoring,
                areas: q
                    .areas
                    .iter()
                    .enumerate()
                    .map(|(i, a)| AreaJson { area: a, questions: q.area_questions(i) })
                    .collect(),
            };
            out.data(&to_json(&view))?;
        }
        ShowFormat::Text => out.data(&questionnaire_text(&q, out.table_style().width))?,
    }
    Ok(exit::OK)
}
