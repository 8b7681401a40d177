//! `crm-ready compare A B`: what changed between two assessments, or
//! between two rounds of one organisation.

use std::path::PathBuf;

use clap::Args;

use super::brand::BrandArgs;
use super::history::{StoreArgs, list_of, load_listed, load_references};
use super::offered::Offered;
use super::output::Output;
use super::rounds::{Organisation, Questionnaires, keep_to_same_respondents, note_left_out, note_replaced};
use crate::core::assessment::Assessment;
use crate::core::history::{Comparison, Person, Subject, compare};
use crate::core::round::select::{Wanted, has_label, pick_wanted};
use crate::core::round::{Round, rounds};
use crate::exit::{self, UsageError};
use crate::io::store::reference::same_organization;
use crate::io::store::{Listing, LoadedAssessment};
use crate::report::history_tables::render_comparison;
use crate::report::html::comparison_html;
use crate::report::{HistoryFormat, to_json};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment: `previous`, `latest`, an id (or its first characters), or a file; or, with --org, a round's label.
    #[arg(value_name = "BEFORE", value_parser = Offered::references(), value_hint = clap::ValueHint::FilePath, hide_possible_values = true)]
    pub before: String,
    /// The later assessment (or round), named the same way.
    #[arg(value_name = "AFTER", value_parser = Offered::references(), value_hint = clap::ValueHint::FilePath, hide_possible_values = true)]
    pub after: String,
    /// The organisation `latest`, `previous` and round labels refer to.
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: Option<String>,
    /// Compare assessments of different questionnaires, on the questions they share.
    #[arg(long)]
    pub force: bool,
    /// Compare rounds like for like: only the respondents who answered in both.
    #[arg(long)]
    pub same_respondents: bool,
    /// A questionnaire the rounds answered, when it is not built in (repeatable).
    #[arg(long, short = 'q', value_name = "NAME|PATH")]
    pub questionnaire: Vec<String>,
    /// How to write the comparison [default: by the --output file's extension (.json, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<HistoryFormat>,
    /// Write the comparison to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// A comparison and the two sides it was made from (the HTML report draws
/// both).
struct Compared {
    comparison: Comparison,
    before: Assessment,
    after: Assessment,
}

pub fn run(args: CompareArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
    let compared = match &args.org {
        // Labels are looked up only where they can be: in the rounds of --org.
        Some(org) => {
            let store = args.store.open()?;
            let listing = list_of(&store, org, out)?;
            match read_rounds(&args, org, &listing, &store.dir().display().to_string(), out)? {
                Some(Rounds { before, after, same_respondents }) => {
                    let mut compared = compare_rounds(&before, &after, args.force)?;
                    compared.comparison.same_respondents = same_respondents;
                    compared
                }
                None if args.same_respondents => {
                    return Err(UsageError::new(
                        "--same-respondents compares two rounds: name two of the organisation's round labels",
                    )
                    .into());
                }
                None => {
                    compare_assessments(&args, load_listed(&[&args.before, &args.after], Some(org), &listing)?, out)?
                }
            }
        }
        None if args.same_respondents => {
            return Err(
                UsageError::new("--same-respondents compares two rounds: name the organisation with --org").into()
            );
        }
        None => {
            compare_assessments(&args, load_references(&[&args.before, &args.after], None, &args.store, out)?, out)?
        }
    };
    let output = args.output.as_deref();
    let to = out.destination(output)?;
    let Compared { comparison, before, after } = &compared;
    let text = match HistoryFormat::resolve(args.format, output) {
        HistoryFormat::Json => to_json(comparison),
        HistoryFormat::Table => render_comparison(comparison, out.style_for(&to)),
        HistoryFormat::Html => comparison_html(comparison, before, after, &brand)?,
    };
    out.write(&to, &text, "comparison")?;
    Ok(exit::OK)
}

/// Two rounds to compare, and with `--same-respondents` the people both
/// were kept to.
struct Rounds {
    before: Round,
    after: Round,
    same_respondents: Option<Vec<Person>>,
}

/// The two rounds named, when both names are labels of the rounds of
/// `org` (which must have assessments in the store).
fn read_rounds(
    args: &CompareArgs,
    org: &str,
    listing: &Listing,
    store: &str,
    out: &Output,
) -> anyhow::Result<Option<Rounds>> {
    let org = Organisation::find(listing, org)?;
    let summaries = org.summaries();
    let known = rounds(&summaries);
    if !has_label(&known, &args.before) || !has_label(&known, &args.after) {
        return Ok(None);
    }
    let mut questionnaires = Questionnaires::new(&args.questionnaire)?;
    let named = questionnaires.named();
    let mut found = Vec::new();
    for label in [args.before.as_str(), args.after.as_str()] {
        // A label holding answers to several questionnaires is read as the
        // one of those named with --questionnaire, if any.
        let wanted = |q| Wanted { label: Some(label), questionnaire: q, store };
        let round = pick_wanted(&summaries, &wanted(None), &org.name)
            .or_else(|e| named.iter().find_map(|q| pick_wanted(&summaries, &wanted(Some(q)), &org.name).ok()).ok_or(e))
            .map_err(|e| UsageError::new(e.message))?;
        note_replaced(&round, out);
        note_left_out(&round, store, out);
        found.push(round);
    }
    let same_respondents =
        if args.same_respondents { Some(keep_to_same_respondents(&mut found, &org.name)?) } else { None };
    let before = org.read(&found[0], &mut questionnaires, out)?;
    let after = org.read(&found[1], &mut questionnaires, out)?;
    Ok(Some(Rounds { before, after, same_respondents }))
}

fn compare_rounds(before: &Round, after: &Round, force: bool) -> anyhow::Result<Compared> {
    let (a, b) = (before.as_assessment(), after.as_assessment());
    let people = |r: &Round| -> Vec<Person> { r.respondents.iter().map(|p| Person::new(&p.name, p.group)).collect() };
    let (pa, pb) = (people(before), people(after));
    let subjects = (Subject::round(&a, &pa), Subject::round(&b, &pb));
    let comparison = compare(subjects.0, subjects.1, force).map_err(|e| UsageError::new(e.message))?;
    Ok(Compared { comparison, before: a, after: b })
}

fn compare_assessments(args: &CompareArgs, loaded: Vec<LoadedAssessment>, out: &Output) -> anyhow::Result<Compared> {
    let [before, after] = loaded.as_slice() else {
        return Err(UsageError::new("compare needs two assessments").into());
    };
    if before.path == after.path {
        out.warn("both names point to the same assessment: nothing can have changed");
    }
    if let (Some(a), Some(b)) = (&before.assessment.organization, &after.assessment.organization)
        && !same_organization(a, b)
    {
        out.warn(&format!("comparing two organisations: `{a}` and `{b}`"));
    }
    let subjects = (
        Subject::assessment(&before.assessment, before.summary.as_ref()),
        Subject::assessment(&after.assessment, after.summary.as_ref()),
    );
    let comparison = compare(subjects.0, subjects.1, args.force).map_err(|e| UsageError::new(e.message))?;
    Ok(Compared { comparison, before: before.assessment.clone(), after: after.assessment.clone() })
}
