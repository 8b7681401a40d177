//! Rule `repeated-recommendation`: the same next step in two places reads
//! as a copy-and-paste slip, and the action plan lists it twice. Texts are
//! compared with case and runs of white space ignored.
//!
//! What "don't know" raises is by default its question's worst answer's
//! recommendation: that copy is the format's own rule, not a repeat.

use std::collections::BTreeMap;

use super::findings::{Finding, Place, Rule};
use super::outcomes::band_range;
use crate::core::questionnaire::{DONT_KNOW, Question, Questionnaire};

/// Where a recommendation is written.
struct Spot {
    place: Place,
    /// The place in a few words, for the message.
    name: String,
}

pub(super) fn check(q: &Questionnaire) -> Vec<Finding> {
    let mut first: BTreeMap<String, Spot> = BTreeMap::new();
    let mut findings = Vec::new();
    for question in &q.questions {
        let area = &q.areas[question.area].id;
        for (text, spot) in spots(area, question) {
            let key = normalise(text);
            match first.get(&key) {
                Some(earlier) => findings.push(Finding::new(
                    Rule::RepeatedRecommendation,
                    spot.place,
                    format!("{} repeats the recommendation of {}", spot.name, earlier.name),
                    "write the next step that fits each answer, or merge the two answers if they call for the same step",
                )),
                None => {
                    first.insert(key, spot);
                }
            }
        }
    }
    findings
}

/// The recommendations of a question with where they are written.
fn spots<'q>(area: &str, question: &'q Question) -> Vec<(&'q str, Spot)> {
    let id = &question.id;
    let mut out = Vec::new();
    for c in &question.choices {
        let place = || Place::choice(area, id, &c.id);
        if let Some(text) = &c.outcome.recommendation {
            out.push((text.as_str(), Spot { place: place(), name: format!("`{id}` choice `{}`", c.id) }));
        }
        if let Some(text) = &c.if_missing {
            out.push((text.as_str(), Spot { place: place(), name: format!("`{id}` choice `{}` (if missing)", c.id) }));
        }
    }
    for b in &question.bands {
        if let Some(text) = &b.outcome.recommendation {
            let range = band_range(b.from, b.to);
            out.push((
                text.as_str(),
                Spot { place: Place::band(area, id, range.clone()), name: format!("`{id}` band {range}") },
            ));
        }
    }
    if let Some(text) = &question.unknown.recommendation {
        let own = out.iter().any(|(t, _)| normalise(t) == normalise(text));
        if !own {
            out.push((
                text.as_str(),
                Spot { place: Place::choice(area, id, DONT_KNOW), name: format!("`{id}` \"don't know\"") },
            ));
        }
    }
    out
}

/// Lower case, runs of white space as one space.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
