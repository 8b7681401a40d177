//! Naming an assessment on the command line: `latest`, `previous`, an id
//! (or the start of one), or a file path; and picking an organisation's
//! assessments out of a listing.

use std::path::PathBuf;

use super::store::{Entry, Listing};

/// How the command line names an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// The newest assessment (of `--org`).
    Latest,
    /// The one before the newest (of `--org`).
    Previous,
    /// A stored assessment's id, or the start of one.
    Id(String),
    /// A record or a JSON report anywhere on disk.
    Path(PathBuf),
}

impl Reference {
    /// Reads a reference: the keywords, then anything that looks like a
    /// path (a separator or a `.json` ending), else an id.
    pub fn parse(text: &str) -> Reference {
        match text {
            "latest" => Reference::Latest,
            "previous" => Reference::Previous,
            t if t.contains(['/', '\\']) || t.to_ascii_lowercase().ends_with(".json") => Reference::Path(t.into()),
            t => Reference::Id(t.to_string()),
        }
    }
}

/// A reference that names nothing, or more than one thing (exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReferenceError {
    pub message: String,
}

impl ReferenceError {
    fn new(message: impl Into<String>) -> Self {
        ReferenceError { message: message.into() }
    }
}

/// Whether two organisation names are the same, ignoring case and
/// surrounding spaces.
pub fn same_organization(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The organisations in a listing, each once (as last spelled), sorted.
pub fn organizations(listing: &Listing) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in listing.entries.iter().rev() {
        if let Some(org) = &e.summary.organization
            && !names.iter().any(|n| same_organization(n, org))
        {
            names.push(org.clone());
        }
    }
    names.sort_by_key(|n| n.to_lowercase());
    names
}

/// The assessments of `org`, oldest first; an error naming the
/// organisations there are when it has none.
pub fn of_organization<'a>(listing: &'a Listing, org: &str) -> Result<Vec<&'a Entry>, ReferenceError> {
    let found: Vec<&Entry> = listing
        .entries
        .iter()
        .filter(|e| e.summary.organization.as_deref().is_some_and(|o| same_organization(o, org)))
        .collect();
    if found.is_empty() {
        return Err(ReferenceError::new(unknown_organization(listing, org)));
    }
    Ok(found)
}

/// Why `org` matched nothing, with the likely intended name.
pub fn unknown_organization(listing: &Listing, org: &str) -> String {
    let known = organizations(listing);
    if known.is_empty() {
        return format!("no assessments of `{org}`: the store holds none yet");
    }
    let wanted = org.trim().to_lowercase();
    let close = known.iter().find(|k| {
        let k = k.to_lowercase();
        k.contains(&wanted) || wanted.contains(&k) || strsim::jaro_winkler(&k, &wanted) > 0.85
    });
    let mut message = format!("no assessments of `{org}` in the store");
    if let Some(c) = close {
        message.push_str(&format!("; did you mean `{c}`?"));
    }
    const SHOWN: usize = 10;
    let mut list = known.iter().take(SHOWN).map(String::as_str).collect::<Vec<_>>().join(", ");
    if known.len() > SHOWN {
        list.push_str(&format!(" and {} more", known.len() - SHOWN));
    }
    message.push_str(&format!(" Organisations there: {list}."));
    message
}

/// The file a reference names. `latest` and `previous` look among the
/// assessments of `org`; without one, the store must hold only one
/// organisation's.
pub fn resolve(reference: &Reference, listing: &Listing, org: Option<&str>) -> Result<PathBuf, ReferenceError> {
    match reference {
        Reference::Path(p) => Ok(p.clone()),
        Reference::Id(id) => by_id(listing, id),
        Reference::Latest | Reference::Previous => {
            let scope = in_scope(listing, org)?;
            let back = if *reference == Reference::Latest { 1 } else { 2 };
            match scope.len().checked_sub(back) {
                Some(i) => Ok(scope[i].path.clone()),
                None => Err(ReferenceError::new(format!(
                    "`previous` needs two assessments{}, and there is only one",
                    org.map(|o| format!(" of `{o}`")).unwrap_or_default()
                ))),
            }
        }
    }
}

/// The assessments `latest`/`previous` choose from.
fn in_scope<'a>(listing: &'a Listing, org: Option<&str>) -> Result<Vec<&'a Entry>, ReferenceError> {
    if let Some(org) = org {
        return of_organization(listing, org);
    }
    if listing.entries.is_empty() {
        return Err(ReferenceError::new("the store holds no assessments yet; `crm-ready assess` saves one"));
    }
    let known = organizations(listing);
    let anonymous = listing.entries.iter().any(|e| e.summary.organization.is_none());
    if known.len() + usize::from(anonymous) > 1 {
        return Err(ReferenceError::new(format!(
            "the store holds assessments of {} organisations; name one with --org",
            known.len() + usize::from(anonymous)
        )));
    }
    Ok(listing.entries.iter().collect())
}

/// The one entry whose id, or the short id `history` shows, is or starts
/// with `id` (ignoring case).
fn by_id(listing: &Listing, id: &str) -> Result<PathBuf, ReferenceError> {
    let wanted = id.trim().to_ascii_lowercase();
    let matches: Vec<&Entry> = listing
        .entries
        .iter()
        .filter(|e| {
            e.summary.id.to_ascii_lowercase().starts_with(&wanted)
                || e.summary.short_id().to_ascii_lowercase().starts_with(&wanted)
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.path.clone()),
        [] => Err(ReferenceError::new(format!(
            "no stored assessment has the id `{id}`; `crm-ready history` lists the ids (or give a file path)"
        ))),
        many => {
            let shown: Vec<&str> = many.iter().take(5).map(|e| e.summary.id.as_str()).collect();
            Err(ReferenceError::new(format!(
                "`{id}` matches {} assessments ({}{}); give more of the id",
                many.len(),
                shown.join(", "),
                if many.len() > shown.len() { ", …" } else { "" }
            )))
        }
    }
}
