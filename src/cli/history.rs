//! `crm-ready history`, and what the history commands share: the store
//! option, listing with warnings, loading what a reference names, and
//! saving a finished assessment.

use std::path::PathBuf;

use clap::Args;

use super::output::Output;
use super::show::ListFormat;
use crate::core::answers::Answers;
use crate::core::assessment::Assessment;
use crate::core::history::{StoredAssessment, Summary};
use crate::exit;
use crate::io::store::reference::Reference;
use crate::io::store::reference::{resolve, same_organization, unknown_organization};
use crate::io::store::{Entry, Listing, LoadedAssessment, Store};
use crate::io::store::{entropy, load};
use crate::report::HistoryList;
use crate::report::history_tables::render_history;
use crate::report::to_json;

/// Where the assessment history is kept.
#[derive(Debug, Clone, Default, Args)]
pub struct StoreArgs {
    /// The assessment store directory [default: $CRM_READY_STORE if set, else crm-ready/assessments in your data directory].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

impl StoreArgs {
    pub fn open(&self) -> anyhow::Result<Store> {
        Ok(Store::locate(self.store.clone())?)
    }
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this organisation's assessments (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: Option<String>,
    /// How to write the list.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Lists the store, oldest first.
pub fn run(args: HistoryArgs, out: &Output) -> anyhow::Result<u8> {
    let store = args.store.open()?;
    let listing = list(&store, out)?;
    let entries: Vec<&Entry> = listing
        .entries
        .iter()
        .filter(|e| match &args.org {
            Some(org) => e.summary.organization.as_deref().is_some_and(|o| same_organization(o, org)),
            None => true,
        })
        .collect();
    if entries.is_empty() {
        out.note(&match &args.org {
            Some(org) => unknown_organization(&listing, org),
            None => format!("no assessments in {} yet; every `crm-ready assess` saves one", store.dir().display()),
        });
    }
    match args.format {
        ListFormat::Json => out.data(&to_json(&HistoryList::new(store.dir(), args.org.as_deref(), &entries)))?,
        ListFormat::Table if !entries.is_empty() => out.data(&render_history(&entries, out.table_style()))?,
        ListFormat::Table => {}
    }
    Ok(exit::OK)
}

/// Lists the store, warning on stderr about each file skipped.
pub fn list(store: &Store, out: &Output) -> anyhow::Result<Listing> {
    list_keeping(store, out, &|_| false)
}

/// [`list`], keeping the whole assessments of `org` for a round, trend or
/// comparison to read.
pub fn list_of(store: &Store, org: &str, out: &Output) -> anyhow::Result<Listing> {
    list_keeping(store, out, &|s| s.organization.as_deref().is_some_and(|o| same_organization(o, org)))
}

fn list_keeping(store: &Store, out: &Output, keep: &(dyn Fn(&Summary) -> bool + Sync)) -> anyhow::Result<Listing> {
    let listing = store.list_keeping(keep)?;
    for s in &listing.skipped {
        out.warn(&format!("skipping {}: {}", s.path.display(), s.problem));
    }
    Ok(listing)
}

/// Loads what each reference names. The store is listed only when a
/// reference needs it (an id, `latest`, `previous`), and only once.
pub fn load_references(
    references: &[&str],
    org: Option<&str>,
    store: &StoreArgs,
    out: &Output,
) -> anyhow::Result<Vec<LoadedAssessment>> {
    let listing = if references.iter().all(|r| matches!(Reference::parse(r), Reference::Path(_))) {
        Listing::default()
    } else {
        list(&store.open()?, out)?
    };
    load_listed(references, org, &listing)
}

/// Loads what each reference names, in a store already listed.
pub fn load_listed(references: &[&str], org: Option<&str>, listing: &Listing) -> anyhow::Result<Vec<LoadedAssessment>> {
    let mut loaded = Vec::with_capacity(references.len());
    for r in references {
        let path = resolve(&Reference::parse(r), listing, org)?;
        loaded.push(load(&path)?);
    }
    Ok(loaded)
}

/// Saves a finished assessment to the history; returns its id and file.
pub fn save(store: &StoreArgs, answers: Answers, assessment: Assessment) -> anyhow::Result<(String, PathBuf)> {
    let store = store.open()?;
    let mut record = StoredAssessment::new(answers, assessment, jiff::Timestamp::now(), entropy());
    let path = store.save(&mut record, entropy)?;
    Ok((record.summary.id, path))
}
