//! Naming an assessment on the command line: `latest`, `previous`, an id
//! (or the start of one), or a file path; and picking an organisation's
//! assessments out of a listing.

use std::path::PathBuf;

use super::{Entry, Listing};
use crate::core::suggest::{closest, did_you_mean};

/// How the command line names an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// The newest assessment (of `--org`).
    Latest,
    /// The one before the newest (of `--org`).
    Previous,
    /// A stored assessment's id, or the start of one.
    Id(String),
    /// A record, or a JSON or HTML report, anywhere on disk.
    Path(PathBuf),
}

impl Reference {
    /// Reads a reference: the keywords, then anything that looks like a
    /// path (a separator, or a `.json` or `.html` ending), else an id.
    pub fn parse(text: &str) -> Reference {
        match text {
            "latest" => Reference::Latest,
            "previous" => Reference::Previous,
            t if t.contains(['/', '\\']) || is_report_file(t) => Reference::Path(t.into()),
            t => Reference::Id(t.to_string()),
        }
    }
}

/// Whether a name ends like a report file: `.json`, `.html` or `.htm`.
fn is_report_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".json", ".html", ".htm"].iter().any(|ending| name.ends_with(ending))
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
            names.push(org.trim().to_string());
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
    // A name that contains the other ("Adventure Works" for "Adventure
    // Works Cycles") is the likeliest; otherwise the closest spelling.
    let wanted = org.trim().to_lowercase();
    let lower: Vec<String> = known.iter().map(|k| k.to_lowercase()).collect();
    let close = lower
        .iter()
        .position(|k| k.contains(&wanted) || wanted.contains(k.as_str()))
        .or_else(|| closest(&wanted, &lower).and_then(|c| lower.iter().position(|k| k == c)))
        .map(|i| &known[i]);
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
        [] => Err(ReferenceError::new(no_such_id(listing, id))),
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

/// Why `id` names no stored assessment, with the keyword or short id it
/// most likely misspells.
fn no_such_id(listing: &Listing, id: &str) -> String {
    let short_ids = listing.entries.iter().map(|e| e.summary.short_id());
    let names: Vec<&str> = ["latest", "previous"].into_iter().chain(short_ids).collect();
    let meant = did_you_mean(&id.trim().to_ascii_lowercase(), &names).map(|m| format!("{m} ")).unwrap_or_default();
    format!("no stored assessment has the id `{id}`; {meant}`crm-ready history` lists the ids (or give a file path)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::summary;

    fn listing(rows: &[(&str, Option<&str>, &str)]) -> Listing {
        let entries = rows
            .iter()
            .map(|(id, org, at)| Entry {
                path: PathBuf::from(format!("{id}.json")),
                summary: summary(id, *org, at, 50.0, &[]),
                assessment: None,
            })
            .collect();
        Listing { entries, skipped: Vec::new() }
    }

    fn store() -> Listing {
        listing(&[
            ("20260110T090000Z-a1b2c3", Some("Adventure Works Cycles"), "2026-01-10T09:00:00Z"),
            ("20260115T090000Z-d4e5f6", Some("Northwind Traders"), "2026-01-15T09:00:00Z"),
            ("20260410T090000Z-a1ffff", Some("adventure works cycles"), "2026-04-10T09:00:00Z"),
            ("20260710T090000Z-778899", Some("Adventure Works Cycles "), "2026-07-10T09:00:00Z"),
        ])
    }

    fn path(r: &str, org: Option<&str>) -> Result<String, String> {
        resolve(&Reference::parse(r), &store(), org).map(|p| p.display().to_string()).map_err(|e| e.message)
    }

    #[test]
    fn references_are_keywords_paths_or_ids() {
        assert_eq!(Reference::parse("latest"), Reference::Latest);
        assert_eq!(Reference::parse("previous"), Reference::Previous);
        assert_eq!(Reference::parse("out/a.json"), Reference::Path("out/a.json".into()));
        assert_eq!(Reference::parse("A.JSON"), Reference::Path("A.JSON".into()));
        assert_eq!(Reference::parse("report.html"), Reference::Path("report.html".into()));
        assert_eq!(Reference::parse("Report.HTM"), Reference::Path("Report.HTM".into()));
        assert_eq!(Reference::parse("a1b2"), Reference::Id("a1b2".into()));
    }

    #[test]
    fn latest_and_previous_are_per_organisation_ignoring_case() {
        assert_eq!(path("latest", Some("ADVENTURE works cycles")).unwrap(), "20260710T090000Z-778899.json");
        assert_eq!(path("previous", Some("Adventure Works Cycles")).unwrap(), "20260410T090000Z-a1ffff.json");
        assert_eq!(path("latest", Some("northwind traders")).unwrap(), "20260115T090000Z-d4e5f6.json");
        let err = path("previous", Some("Northwind Traders")).unwrap_err();
        assert!(err.contains("needs two assessments"), "{err}");
    }

    #[test]
    fn latest_without_org_needs_a_single_organisation() {
        let err = path("latest", None).unwrap_err();
        assert!(err.contains("2 organisations; name one with --org"), "{err}");
        let one = listing(&[("20260110T090000Z-a1b2c3", Some("Contoso"), "2026-01-10T09:00:00Z")]);
        assert!(resolve(&Reference::Latest, &one, None).is_ok());
        let err = resolve(&Reference::Latest, &Listing::default(), None).unwrap_err();
        assert!(err.message.contains("no assessments yet"), "{}", err.message);
    }

    #[test]
    fn ids_match_in_full_by_prefix_or_by_short_id() {
        assert_eq!(path("20260115T090000Z-d4e5f6", None).unwrap(), "20260115T090000Z-d4e5f6.json");
        assert_eq!(path("202604", None).unwrap(), "20260410T090000Z-a1ffff.json");
        assert_eq!(path("D4E5", None).unwrap(), "20260115T090000Z-d4e5f6.json");
        assert_eq!(path("7788", None).unwrap(), "20260710T090000Z-778899.json");
        let err = path("a1", None).unwrap_err();
        assert!(err.contains("`a1` matches 2 assessments"), "{err}");
        assert!(err.contains("20260110T090000Z-a1b2c3") && err.contains("20260410T090000Z-a1ffff"), "{err}");
        let err = path("ffff00", None).unwrap_err();
        assert!(err.contains("no stored assessment has the id `ffff00`"), "{err}");
    }

    #[test]
    fn an_unknown_id_suggests_the_keyword_or_short_id_it_misspells() {
        let err = path("lates", None).unwrap_err();
        assert_eq!(
            err,
            "no stored assessment has the id `lates`; did you mean `latest`? `crm-ready history` lists the ids (or give a file path)"
        );
        assert!(path("Previus", None).unwrap_err().contains("did you mean `previous`?"));
        assert!(path("d4e5f7", None).unwrap_err().contains("did you mean `d4e5f6`?"));
        assert!(!path("0123456789", None).unwrap_err().contains("did you mean"));
    }

    #[test]
    fn an_unknown_organisation_suggests_the_likely_one() {
        let err = of_organization(&store(), "Adventure Works").unwrap_err().message;
        assert!(err.contains("did you mean `Adventure Works Cycles"), "{err}");
        assert!(err.contains("Organisations there: Adventure Works Cycles, Northwind Traders."), "{err}");
        let err = of_organization(&store(), "Fabrikam").unwrap_err().message;
        assert!(!err.contains("did you mean"), "{err}");
        assert_eq!(of_organization(&store(), " adventure works CYCLES").unwrap().len(), 3);
    }
}
