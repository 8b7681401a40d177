//! proptest strategies for valid questionnaires (as TOML text, the way an
//! author writes them) and for answers to them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::questionnaire::{Kind, Questionnaire};
use proptest::prelude::*;
use proptest::sample::Index;

/// What an answer means for readiness.
#[derive(Debug, Clone)]
pub struct GenOutcome {
    score: u8,
    /// 0 none, 1 major, 2 critical.
    flag: u8,
}

#[derive(Debug, Clone)]
pub enum GenKind {
    Single(Vec<GenOutcome>),
    /// Choices, and whether the last one is exclusive ("none of these").
    Multi(Vec<GenOutcome>, bool),
    YesNo(GenOutcome, GenOutcome),
    /// Bounds and, per step boundary, whether a new band starts there.
    Scale {
        min: i8,
        steps: u8,
        cuts: Vec<bool>,
        outcomes: Vec<GenOutcome>,
    },
    /// Bands laid end to end from `start`, each `width` wide.
    Number {
        start: i16,
        width: u16,
        outcomes: Vec<GenOutcome>,
    },
    Text,
}

#[derive(Debug, Clone)]
pub struct GenQuestion {
    kind: GenKind,
    /// Tenths.
    weight: u16,
    dont_know: bool,
    /// Turned into a condition on an earlier question, if there is one.
    condition: Option<(Index, Index, i16)>,
}

#[derive(Debug, Clone)]
pub struct GenQuestionnaire {
    /// high_risk_below, medium_risk_below, ready_at (sorted so they hold).
    thresholds: [u8; 3],
    max_unknown_share: u8,
    areas: Vec<(u16, Vec<GenQuestion>)>,
}

fn outcome() -> impl Strategy<Value = GenOutcome> {
    (0u8..=100, prop_oneof![6 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)])
        .prop_map(|(score, flag)| GenOutcome { score, flag })
}

fn kind() -> impl Strategy<Value = GenKind> {
    prop_oneof![
        prop::collection::vec(outcome(), 2..6).prop_map(GenKind::Single),
        (prop::collection::vec(outcome(), 2..6), any::<bool>()).prop_map(|(c, ex)| GenKind::Multi(c, ex)),
        (outcome(), outcome()).prop_map(|(y, n)| GenKind::YesNo(y, n)),
        (-5i8..5, 1u8..10, prop::collection::vec(any::<bool>(), 10), prop::collection::vec(outcome(), 10))
            .prop_map(|(min, steps, cuts, outcomes)| GenKind::Scale { min, steps, cuts, outcomes }),
        (-100i16..100, 1u16..50, prop::collection::vec(outcome(), 0..4))
            .prop_map(|(start, width, outcomes)| GenKind::Number { start, width, outcomes }),
        Just(GenKind::Text),
    ]
}

fn question() -> impl Strategy<Value = GenQuestion> {
    (
        kind(),
        1u16..50,
        prop::bool::weighted(0.8),
        prop::option::weighted(0.4, (any::<Index>(), any::<Index>(), -20i16..20)),
    )
        .prop_map(|(kind, weight, dont_know, condition)| GenQuestion { kind, weight, dont_know, condition })
}

/// A valid questionnaire: 1–4 areas of 1–6 questions each.
pub fn questionnaire() -> impl Strategy<Value = GenQuestionnaire> {
    (
        prop::array::uniform3(0u8..=100),
        0u8..=100,
        prop::collection::vec((1u16..40, prop::collection::vec(question(), 1..7)), 1..5),
    )
        .prop_map(|(mut thresholds, max_unknown_share, areas)| {
            thresholds.sort_unstable();
            GenQuestionnaire { thresholds, max_unknown_share, areas }
        })
}

fn write_outcome(out: &mut String, o: &GenOutcome) {
    writeln!(out, "score = {}", o.score).unwrap();
    if o.flag > 0 {
        let flag = if o.flag == 2 { "critical" } else { "major" };
        writeln!(out, "red_flag = \"{flag}\"\nrecommendation = \"Fix it.\"\nphase = \"setup\"").unwrap();
    }
}

fn write_choices(out: &mut String, outcomes: &[GenOutcome], exclusive_last: bool) {
    for (i, o) in outcomes.iter().enumerate() {
        writeln!(out, "\n[[area.question.choice]]\nid = \"c{i}\"\nlabel = \"Choice {i}\"").unwrap();
        write_outcome(out, o);
        if exclusive_last && i + 1 == outcomes.len() {
            out.push_str("exclusive = true\n");
        }
    }
}

impl GenQuestionnaire {
    /// The questionnaire as TOML text.
    pub fn to_toml(&self) -> String {
        let [high, medium, ready] = self.thresholds;
        let mut out = format!(
            "[questionnaire]\nid = \"generated\"\nversion = \"1\"\ntitle = \"Generated\"\n\n[scoring]\n\
             high_risk_below = {high}\nmedium_risk_below = {medium}\nready_at = {ready}\nmax_unknown_share = {}\n",
            f64::from(self.max_unknown_share) / 100.0
        );
        // (id, kind) of the questions so far, for conditions.
        let mut earlier: Vec<(String, &GenKind)> = Vec::new();
        for (a, (weight, questions)) in self.areas.iter().enumerate() {
            writeln!(out, "\n[[area]]\nid = \"a{a}\"\ntitle = \"Area {a}\"\nwhy = \"Why.\"\nweight = {}", weight)
                .unwrap();
            for (n, q) in questions.iter().enumerate() {
                let id = format!("a{a}.q{n}");
                let kind_name = match &q.kind {
                    GenKind::Single(_) => "single",
                    GenKind::Multi(..) => "multi",
                    GenKind::YesNo(..) => "yes_no",
                    GenKind::Scale { .. } => "scale",
                    GenKind::Number { .. } => "number",
                    GenKind::Text => "text",
                };
                writeln!(
                    out,
                    "\n[[area.question]]\nid = \"{id}\"\nkind = \"{kind_name}\"\ntext = \"Question {id}?\"\nweight = {}\ndont_know = {}",
                    f64::from(q.weight) / 10.0,
                    q.dont_know
                )
                .unwrap();
                if let Some(condition) = q.condition.as_ref().and_then(|c| condition(&earlier, c)) {
                    writeln!(out, "when = {condition}").unwrap();
                }
                match &q.kind {
                    GenKind::Single(c) => write_choices(&mut out, c, false),
                    GenKind::Multi(c, ex) => write_choices(&mut out, c, *ex),
                    GenKind::YesNo(yes, no) => {
                        for (cid, o) in [("yes", yes), ("no", no)] {
                            writeln!(out, "\n[[area.question.choice]]\nid = \"{cid}\"").unwrap();
                            write_outcome(&mut out, o);
                        }
                    }
                    GenKind::Scale { min, steps, cuts, outcomes } => {
                        let (min, max) = (i32::from(*min), i32::from(*min) + i32::from(*steps));
                        writeln!(out, "min = {min}\nmax = {max}").unwrap();
                        let mut from = min;
                        let mut band = 0;
                        for v in min..=max {
                            let last = v == max;
                            if last || cuts[(v - min) as usize % cuts.len()] {
                                writeln!(out, "\n[[area.question.band]]\nfrom = {from}\nto = {v}").unwrap();
                                write_outcome(&mut out, &outcomes[band % outcomes.len()]);
                                band += 1;
                                from = v + 1;
                            }
                        }
                    }
                    GenKind::Number { start, width, outcomes } => {
                        // The bands reach from `min` to `max`, as a number
                        // question's must.
                        let mut from = f64::from(*start);
                        if !outcomes.is_empty() {
                            let end = from + outcomes.len() as f64 * f64::from(*width) - 0.5;
                            writeln!(out, "min = {from:?}\nmax = {end:?}").unwrap();
                        }
                        for o in outcomes {
                            let to = from + f64::from(*width) - 0.5;
                            writeln!(out, "\n[[area.question.band]]\nfrom = {from:?}\nto = {to:?}").unwrap();
                            write_outcome(&mut out, o);
                            from = to + 0.5;
                        }
                    }
                    GenKind::Text => {}
                }
                earlier.push((id, &q.kind));
            }
        }
        out
    }
}

/// A `when` on one of the `earlier` questions, chosen by the seed; `None`
/// when the pick cannot be tested (a text question) or there is none.
fn condition(earlier: &[(String, &GenKind)], (which, choice, n): &(Index, Index, i16)) -> Option<String> {
    if earlier.is_empty() {
        return None;
    }
    let (id, kind) = &earlier[which.index(earlier.len())];
    let test = match kind {
        GenKind::Single(c) => {
            let pick = choice.index(c.len());
            match n.rem_euclid(3) {
                0 => format!("is = \"c{pick}\""),
                1 => format!("is_not = \"c{pick}\""),
                _ => format!("is_any = [\"c{pick}\", \"c{}\"]", (pick + 1) % c.len()),
            }
        }
        GenKind::YesNo(..) => format!("is = \"{}\"", if choice.index(2) == 0 { "yes" } else { "no" }),
        GenKind::Multi(c, _) => format!("includes = \"c{}\"", choice.index(c.len())),
        GenKind::Scale { .. } | GenKind::Number { .. } => {
            if n % 2 == 0 {
                format!("at_least = {n}")
            } else {
                format!("below = {n}")
            }
        }
        GenKind::Text => return None,
    };
    Some(format!("{{ question = \"{id}\", {test} }}"))
}

/// Answers to `q`, each of the shape its question takes: a real answer,
/// "don't know" where accepted, or none at all.
pub fn answers(q: &Questionnaire) -> impl Strategy<Value = Answers> + use<> {
    let per_question: Vec<BoxedStrategy<Option<(String, Answer)>>> = q
        .questions
        .iter()
        .map(|question| {
            let id = question.id.clone();
            let real: BoxedStrategy<Answer> = match question.kind {
                Kind::Single | Kind::YesNo => {
                    let ids: Vec<String> = question.choices.iter().map(|c| c.id.clone()).collect();
                    prop::sample::select(ids).prop_map(Answer::Text).boxed()
                }
                Kind::Multi => {
                    let ids: Vec<String> = question.choices.iter().map(|c| c.id.clone()).collect();
                    let exclusive: Vec<String> =
                        question.choices.iter().filter(|c| c.exclusive).map(|c| c.id.clone()).collect();
                    let n = ids.len();
                    prop::sample::subsequence(ids, 0..=n)
                        .prop_map(move |mut chosen| {
                            if chosen.len() > 1
                                && let Some(ex) = chosen.iter().find(|c| exclusive.contains(c))
                            {
                                chosen = vec![ex.clone()];
                            }
                            Answer::List(chosen)
                        })
                        .boxed()
                }
                Kind::Scale => {
                    let (lo, hi) = (question.min.unwrap_or(0.0) as i64, question.max.unwrap_or(0.0) as i64);
                    (lo..=hi).prop_map(|v| Answer::Number(v as f64)).boxed()
                }
                Kind::Number => {
                    let (lo, hi) = question.number_bounds();
                    (lo..=hi).prop_map(Answer::Number).boxed()
                }
                Kind::Text => "[a-z ]{0,20}".prop_map(Answer::Text).boxed(),
            };
            let dont_know = question.dont_know;
            prop_oneof![
                6 => real.prop_map(Some),
                1 => Just(None),
                1 => Just(if dont_know { Some(Answer::DontKnow) } else { None }),
            ]
            .prop_map(move |a| a.map(|a| (id.clone(), a)))
            .boxed()
        })
        .collect();
    let (id, version) = (q.id.clone(), q.version.clone());
    per_question.prop_map(move |given| Answers {
        questionnaire: id.clone(),
        version: version.clone(),
        answers: given.into_iter().flatten().collect::<BTreeMap<_, _>>(),
        ..Answers::default()
    })
}
