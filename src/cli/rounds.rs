//! What `round`, `trend` and `compare` share: an organisation's rounds in
//! the store, and reading one in full with the questionnaire it answered.

use std::borrow::Cow;

use anyhow::Context;

use super::output::Output;
use crate::core::assessment::QuestionnaireRef;
use crate::core::history::Summary;
use crate::core::history::respondents::{Person, in_every_round, is_among, people_of};
use crate::core::questionnaire::{Questionnaire, VerdictTitles, builtin};
use crate::core::round::select::describe;
use crate::core::round::{self, Found, Member, Round};
use crate::exit::UsageError;
use crate::io::input::load_questionnaire;
use crate::io::store::reference::of_organization;
use crate::io::store::{Entry, Listing};

/// One organisation's assessments in the store.
pub struct Organisation<'l> {
    /// As spelled in its latest assessment.
    pub name: String,
    pub entries: Vec<&'l Entry>,
}

impl<'l> Organisation<'l> {
    /// The assessments of `org` (case does not matter); an error with the
    /// likely intended name when there are none.
    pub fn find(listing: &'l Listing, org: &str) -> anyhow::Result<Self> {
        let entries = of_organization(listing, org)?;
        let name = entries.last().and_then(|e| e.summary.organization.as_deref()).unwrap_or(org).trim().to_string();
        Ok(Organisation { name, entries })
    }

    pub fn summaries(&self) -> Vec<&'l Summary> {
        self.entries.iter().map(|e| &e.summary).collect()
    }

    /// How the questionnaire of the stored assessment `s` words its
    /// verdicts (as kept in the assessment).
    pub fn verdicts_of(&self, s: &Summary) -> VerdictTitles {
        let entry = self.entries.iter().find(|e| e.summary.id == s.id);
        entry.and_then(|e| e.assessment.as_deref()).map(|a| a.verdicts.clone()).unwrap_or_default()
    }

    /// Reads `found` (one of this organisation's rounds) in full.
    pub fn read(&self, found: &Found<'_>, questionnaires: &mut Questionnaires, out: &Output) -> anyhow::Result<Round> {
        let q = questionnaires.for_round(&found.questionnaire, &found.label, out)?;
        let mut members = Vec::with_capacity(found.members.len());
        for s in &found.members {
            let entry = self.entries.iter().find(|e| e.summary.id == s.id);
            let assessment = entry
                .and_then(|e| e.assessment.as_deref())
                .context("a listed assessment of the organisation was not kept by the listing")?;
            members.push(Member { id: Some(s.id.clone()), assessment: Cow::Borrowed(assessment) });
        }
        Ok(round::build(q, &self.name, &found.label, members))
    }
}

/// Keeps each of `rounds` to the people who answered in all of them (for
/// `--same-respondents`), and returns those people; an error when nobody
/// answered in every one.
pub fn keep_to_same_respondents(rounds: &mut [Found<'_>], org: &str) -> anyhow::Result<Vec<Person>> {
    let people: Vec<Vec<Person>> = rounds.iter().map(|r| people_of(&r.members)).collect();
    let slices: Vec<&[Person]> = people.iter().map(Vec::as_slice).collect();
    let common = in_every_round(&slices);
    if common.is_empty() {
        let labels: Vec<&str> = rounds.iter().map(|r| r.label.as_str()).collect();
        return Err(UsageError::new(format!(
            "nobody answered in every round of `{org}` ({}), so --same-respondents leaves nothing to compare \
             (a respondent without a name is never taken for one in another round): leave it out, or compare two \
             rounds that share respondents with `crm-ready compare --org NAME A B --same-respondents`",
            labels.join(", ")
        ))
        .into());
    }
    for (round, theirs) in rounds.iter_mut().zip(&people) {
        let mut kept = theirs.iter().map(|p| is_among(p, &common));
        round.members.retain(|_| kept.next().unwrap_or(false));
    }
    Ok(common)
}

/// Tells on stderr which earlier assessments of a respondent the round
/// `found` leaves out.
pub fn note_replaced(found: &Found<'_>, out: &Output) {
    for s in &found.replaced {
        out.note(&format!(
            "{} answered more than once in `{}`: the round counts their latest answers, not {}",
            s.respondent.as_deref().unwrap_or_default().trim(),
            found.label,
            s.id
        ));
    }
}

/// Warns on stderr about the assessments under the round's label that
/// answered another questionnaire than the one asked for.
pub fn note_left_out(found: &Found<'_>, store: &str, out: &Output) {
    if found.left_out.is_empty() {
        return;
    }
    let records: Vec<String> = found.left_out.iter().map(|s| describe(s, store)).collect();
    out.warn(&format!(
        "the round `{}` reads the answers to {}; left out, as answers to another questionnaire: {}",
        found.label,
        found.questionnaire_name(),
        records.join("; ")
    ));
}

/// The questionnaires rounds answered: those named with `--questionnaire`,
/// else the built-in of that id and version, each read once.
pub struct Questionnaires {
    known: Vec<Questionnaire>,
    warned: Vec<String>,
}

impl Questionnaires {
    /// Reads the questionnaires named on the command line (built-in names
    /// or files).
    pub fn new(specs: &[String]) -> anyhow::Result<Self> {
        let known = specs.iter().map(|s| load_questionnaire(Some(s))).collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Questionnaires { known, warned: Vec::new() })
    }

    /// Which questionnaires were named on the command line.
    pub fn named(&self) -> Vec<QuestionnaireRef> {
        self.known.iter().map(QuestionnaireRef::of).collect()
    }

    /// The questionnaire the round `label` answered, `r`.
    pub fn for_round(&mut self, r: &QuestionnaireRef, label: &str, out: &Output) -> anyhow::Result<&Questionnaire> {
        // The exact version if it is at hand, else one with the same major
        // number: it asks the same questions.
        let exact = |q: &&Questionnaire| q.id == r.id && q.version == r.version;
        let compatible = |q: &&Questionnaire| q.id == r.id && q.accepts_answers_for(&r.version);
        if !self.known.iter().any(|q| compatible(&q)) {
            match builtin::find(&r.id) {
                Some(b) => {
                    let q = b.shared()?.clone();
                    if !q.accepts_answers_for(&r.version) {
                        return Err(UsageError::new(format!(
                            "the round `{label}` answered {} {}, and this crm-ready has {} {} built in: \
                             pass the {} questionnaire's file with --questionnaire FILE",
                            r.id, r.version, q.id, q.version, r.version
                        ))
                        .into());
                    }
                    self.known.push(q);
                }
                None => {
                    return Err(UsageError::new(format!(
                        "the round `{label}` answered `{}` {}, which is not built in: \
                         pass its file with --questionnaire FILE",
                        r.id, r.version
                    ))
                    .into());
                }
            }
        }
        let Some(q) = self.known.iter().find(exact).or_else(|| self.known.iter().find(compatible)) else {
            return Err(UsageError::new(format!("no questionnaire `{}` {}", r.id, r.version)).into());
        };
        let name = format!("{} {}", r.id, r.version);
        if q.content_hash != r.content_hash && !self.warned.contains(&name) {
            let here = if q.version == r.version {
                format!("{name} here is not the exact text the round `{label}` answered (the content hashes differ)")
            } else {
                format!(
                    "the round `{label}` answered {name}, read here with {} {}, which asks the same questions",
                    q.id, q.version
                )
            };
            out.warn(&format!(
                "{here}: its answers and scores are read as stored, its thresholds and possible answers from this text"
            ));
            self.warned.push(name);
        }
        Ok(q)
    }
}
