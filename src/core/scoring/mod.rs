//! `score(questionnaire, answers)`: the one pure function behind every
//! verdict, whichever way the answers were gathered.

use crate::core::answers::{Answer, Answers};
use crate::core::assessment::{
    ActionItem, AreaResult, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, Reason, RedFlag, Risk,
    SCHEMA_VERSION, Unknown, UnknownReason, Verdict,
};
use crate::core::conditions;
use crate::core::questionnaire::{Kind, Outcome, Phase, Question, Questionnaire, Severity};

/// Why an action is due. Kept as a reference until the action is built, so
/// an answer that raises nothing costs no text.
#[derive(Clone, Copy)]
enum Because<'q> {
    /// The whole answer, in words.
    Answer,
    /// A chosen choice's label.
    Label(&'q str),
    /// A choice that was not chosen: "Not in place: <label>".
    Missing(&'q str),
}

/// One action an answer raises, and the red flag that comes with it.
struct Raised<'q> {
    recommendation: &'q str,
    phase: Phase,
    flag: Option<Severity>,
    /// Severity factor, for the priority.
    factor: f64,
    because: Because<'q>,
}

/// Scores `answers` against `q`. `assessed_at` is passed in so the core
/// never reads a clock.
///
/// One pass over the questions settles visibility, scores and every string
/// a question contributes while its data is at hand: a large questionnaire
/// does not fit in the cache, and each extra pass would read it again.
pub fn score(q: &Questionnaire, answers: &Answers, assessed_at: jiff::Timestamp) -> Assessment {
    // Answers and notes by position: one lookup each, not one per question.
    let given = q.by_position(&answers.answers);
    let notes = (!answers.notes.is_empty()).then(|| q.by_position(&answers.notes));
    let mut visible = Vec::with_capacity(q.questions.len());
    let mut results = Vec::with_capacity(q.questions.len());
    let mut red_flags = Vec::new();
    let mut unknowns = Vec::new();
    let mut actions = Vec::new();
    // Reused for every question, so raising actions allocates nothing.
    let mut raised = Vec::new();
    // Per area: (weighted score sum, weight sum, shown, answered, unknown, worst flag)
    let mut sums = vec![(0.0_f64, 0.0_f64, 0_usize, 0_usize, 0_usize, None::<Severity>); q.areas.len()];
    // Made once per area; every result and item of the area shares it.
    let area_ids: Vec<String> = q.areas.iter().map(|a| String::from(&a.id)).collect();

    for (i, (question, &answer)) in q.questions.iter().zip(&given).enumerate() {
        let shown = conditions::shown(q, i, question, &given, &visible);
        visible.push(shown);
        let area = &q.areas[question.area];
        let area_id = &area_ids[question.area];
        let mut result = QuestionResult {
            id: String::from(&question.id),
            area: area_id.clone(),
            kind: question.kind,
            text: String::from(&question.text),
            status: QuestionStatus::Hidden,
            answer: None,
            answer_text: None,
            score: None,
            weight: question.weight,
            red_flag: None,
            note: notes.as_ref().and_then(|n| n.get(i).copied().flatten()).map(String::from),
        };
        if !shown {
            results.push(result);
            continue;
        }
        result.answer = answer.cloned();
        result.answer_text = answer.map(|a| a.describe(question));
        result.status = match answer {
            None => QuestionStatus::Unanswered,
            Some(Answer::DontKnow) => QuestionStatus::DontKnow,
            Some(_) => QuestionStatus::Answered,
        };
        raised.clear();
        let contribution = match answer {
            Some(Answer::DontKnow) | None => None,
            Some(a) => contribute(question, a, &mut raised),
        };
        let scored = question.is_scored() && (contribution.is_some() || result.status != QuestionStatus::Answered);
        if !scored {
            results.push(result);
            continue;
        }
        let s = &mut sums[question.area];
        s.2 += 1;
        match contribution {
            None => {
                s.1 += question.weight;
                s.4 += 1;
                result.score = Some(0.0);
                let reason = if answer.is_some() { UnknownReason::DontKnow } else { UnknownReason::Unanswered };
                unknowns.push(Unknown {
                    area: area_id.clone(),
                    question: result.id.clone(),
                    text: result.text.clone(),
                    reason,
                });
            }
            Some(score) => {
                s.0 += question.weight * score;
                s.1 += question.weight;
                s.3 += 1;
                result.score = Some(round1(score));
                result.red_flag = raised.iter().filter_map(|r| r.flag).max();
                s.5 = s.5.max(result.red_flag);
                let answer_text = result.answer_text.clone().unwrap_or_default();
                for r in &raised {
                    let recommendation = String::from(r.recommendation);
                    if let Some(severity) = r.flag {
                        red_flags.push(RedFlag {
                            severity,
                            area: area_id.clone(),
                            question: result.id.clone(),
                            question_text: result.text.clone(),
                            answer: answer_text.clone(),
                            recommendation: recommendation.clone(),
                        });
                    }
                    actions.push(ActionItem {
                        phase: r.phase,
                        priority: round1(area.weight * question.weight * r.factor),
                        area: area_id.clone(),
                        question: result.id.clone(),
                        recommendation,
                        because: match r.because {
                            Because::Answer => answer_text.clone(),
                            Because::Label(label) => String::from(label),
                            Because::Missing(label) => String::from_iter(["Not in place: ", label]),
                        },
                    });
                }
            }
        }
        results.push(result);
    }

    let t = q.scoring;
    let areas: Vec<AreaResult> = q
        .areas
        .iter()
        .zip(&sums)
        .map(|(area, &(sum, weight, shown, answered, unknown, flag))| {
            let score = (weight > 0.0).then(|| sum / weight);
            let risk = score.map(|s| {
                if flag == Some(Severity::Critical) || s < t.high_risk_below {
                    Risk::High
                } else if flag == Some(Severity::Major) || s < t.medium_risk_below {
                    Risk::Medium
                } else {
                    Risk::Low
                }
            });
            AreaResult {
                id: area.id.clone(),
                title: area.title.clone(),
                weight: area.weight,
                score: score.map(round1),
                risk,
                questions: shown,
                answered,
                unknown,
            }
        })
        .collect();

    let (weighted, total) = q
        .areas
        .iter()
        .zip(&sums)
        .filter(|(_, s)| s.1 > 0.0)
        .fold((0.0, 0.0), |(acc, w), (area, s)| (acc + area.weight * s.0 / s.1, w + area.weight));
    let overall = if total > 0.0 { weighted / total } else { 0.0 };
    let shown: usize = sums.iter().map(|s| s.2).sum();

    let (verdict, reasons) = decide(q, overall, &areas, &results, &red_flags, &unknowns, shown);

    // Critical flags first; otherwise questionnaire order (the sort is stable).
    red_flags.sort_by_key(|f| std::cmp::Reverse(f.severity));

    Assessment {
        schema_version: SCHEMA_VERSION,
        tool_version: crate::VERSION.to_string(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            content_hash: q.content_hash.clone(),
        },
        assessed_at,
        organization: answers.organization.clone(),
        respondent: answers.respondent.clone(),
        role: answers.role.clone(),
        label: answers.label.clone(),
        verdict,
        score: round1(overall),
        reasons,
        areas,
        questions: results,
        red_flags,
        unknowns,
        actions: plan(actions),
    }
}

/// The actions in plan order: by phase, then highest priority, otherwise
/// questionnaire order (the order they were raised in). Sorts small keys,
/// not the actions themselves, then moves each action once.
fn plan(mut actions: Vec<ActionItem>) -> Vec<ActionItem> {
    let mut order: Vec<(Phase, f64, usize)> =
        actions.iter().enumerate().map(|(k, a)| (a.phase, a.priority, k)).collect();
    // Stable, and quick on the long runs of equal keys that actions have.
    order.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    // What a moved action leaves behind: empty strings allocate nothing.
    let moved = || ActionItem {
        phase: Phase::BeforeSigning,
        priority: 0.0,
        area: String::new(),
        question: String::new(),
        recommendation: String::new(),
        because: String::new(),
    };
    let mut planned = Vec::with_capacity(order.len());
    planned.extend(order.into_iter().filter_map(|(_, _, k)| actions.get_mut(k).map(|a| std::mem::replace(a, moved()))));
    planned
}

/// Severity factor of an action, for its priority.
fn factor(flag: Option<Severity>, question_score: f64) -> f64 {
    match flag {
        Some(Severity::Critical) => 4.0,
        Some(Severity::Major) => 3.0,
        None if question_score < 50.0 => 2.0,
        None => 1.0,
    }
}

/// The score of a real (not "don't know") answer, with every action it
/// raises pushed to `raised`; `None` when it falls outside every band of a
/// number question, which then counts as context.
fn contribute<'q>(question: &'q Question, answer: &Answer, raised: &mut Vec<Raised<'q>>) -> Option<f64> {
    let mut raise = |recommendation: &'q str, o: &Outcome, flag: Option<Severity>, factor: f64, because| {
        let phase = o.phase.unwrap_or(Phase::BeforeSigning);
        raised.push(Raised { recommendation, phase, flag, factor, because });
    };
    match (question.kind, answer) {
        (Kind::Single | Kind::YesNo, Answer::Text(id)) => {
            let choice = question.choice(id)?;
            let o = &choice.outcome;
            if let Some(r) = &o.recommendation {
                raise(r, o, o.red_flag, factor(o.red_flag, o.score), Because::Label(&choice.label));
            }
            Some(o.score)
        }
        (Kind::Scale | Kind::Number, Answer::Number(n)) => {
            let o = &question.band_for(*n)?.outcome;
            if let Some(r) = &o.recommendation {
                raise(r, o, o.red_flag, factor(o.red_flag, o.score), Because::Answer);
            }
            Some(o.score)
        }
        (Kind::Multi, Answer::List(ids)) => {
            let chosen = |id: &str| ids.iter().any(|x| x == id);
            let score = question
                .choices
                .iter()
                .filter(|c| chosen(&c.id))
                .map(|c| c.outcome.score)
                .sum::<f64>()
                .clamp(0.0, 100.0);
            for choice in &question.choices {
                let o = &choice.outcome;
                if chosen(&choice.id) {
                    if let Some(r) = &o.recommendation {
                        raise(r, o, o.red_flag, factor(o.red_flag, score), Because::Label(&choice.label));
                    }
                } else if let Some(r) = &choice.if_missing {
                    raise(r, o, None, factor(None, score), Because::Missing(&choice.label));
                }
            }
            Some(score)
        }
        _ => None,
    }
}

/// The verdict and the reasons for it, most decisive first. `red_flags`
/// are still in questionnaire order.
fn decide(
    q: &Questionnaire,
    overall: f64,
    areas: &[AreaResult],
    results: &[QuestionResult],
    red_flags: &[RedFlag],
    unknowns: &[Unknown],
    shown: usize,
) -> (Verdict, Vec<Reason>) {
    let t = q.scoring;
    let mut blocking = Vec::new();
    let mut conditions = Vec::new();
    for flag in red_flags {
        let (rule, title) = match flag.severity {
            Severity::Critical => ("critical-red-flag", "Critical"),
            Severity::Major => ("major-red-flag", "Major"),
        };
        let parts = [title, " red flag: \"", &flag.question_text, "\" answered \"", &flag.answer, "\""];
        let reason = Reason { rule: rule.into(), message: parts.concat(), questions: vec![flag.question.clone()] };
        if flag.severity == Severity::Critical { blocking.push(reason) } else { conditions.push(reason) }
    }
    if overall < t.high_risk_below {
        blocking.push(Reason {
            rule: "score-below-minimum".into(),
            message: format!("Overall readiness {} is below {}", fmt1(overall), fmt1(t.high_risk_below)),
            questions: weakest(results),
        });
    }
    // Each area's results are the slice its questions occupy: no search.
    for (area, def) in areas.iter().zip(&q.areas).filter(|(a, _)| a.risk == Some(Risk::High)) {
        conditions.push(Reason {
            rule: "high-risk-area".into(),
            message: format!("{} is high risk at {}", area.title, fmt1(area.score.unwrap_or(0.0))),
            questions: weakest(results.get(def.questions.clone()).unwrap_or_default()),
        });
    }
    let unknown = unknowns.len();
    if shown > 0 && unknown as f64 / shown as f64 > t.max_unknown_share {
        conditions.push(Reason {
            rule: "too-many-unknowns".into(),
            message: format!(
                "{unknown} of {shown} questions are unknown ({:.0}%), more than the {:.0}% allowed",
                100.0 * unknown as f64 / shown as f64,
                100.0 * t.max_unknown_share
            ),
            questions: unknowns.iter().map(|u| u.question.clone()).collect(),
        });
    }
    if overall < t.ready_at && overall >= t.high_risk_below {
        conditions.push(Reason {
            rule: "score-below-ready".into(),
            message: format!("Overall readiness {} is below the {} needed for ready", fmt1(overall), fmt1(t.ready_at)),
            questions: weakest(results),
        });
    }
    if !blocking.is_empty() {
        blocking.extend(conditions);
        return (Verdict::NotReady, blocking);
    }
    if !conditions.is_empty() {
        return (Verdict::ReadyWithConditions, conditions);
    }
    let ready = Reason {
        rule: "ready".into(),
        message: format!(
            "Overall readiness {} reaches {}, with no red flag, no high-risk area and few unknowns",
            fmt1(overall),
            fmt1(t.ready_at)
        ),
        questions: Vec::new(),
    };
    (Verdict::Ready, vec![ready])
}

/// How many questions [`weakest`] names.
const WEAKEST: usize = 5;

/// The ids of the lowest-scoring shown questions (below 50), worst first,
/// then heaviest first, then in questionnaire order; at most five: the
/// answers that pull a score down. Keeps only the five, so one pass, no sort.
fn weakest(results: &[QuestionResult]) -> Vec<String> {
    let mut low: Vec<(f64, f64, &String)> = Vec::with_capacity(WEAKEST + 1);
    for r in results {
        let Some(score) = r.score.filter(|s| *s < 50.0) else {
            continue;
        };
        // After every kept one that is as weak or weaker: ties keep their order.
        let at = low.partition_point(|&(s, w, _)| s.total_cmp(&score).then(r.weight.total_cmp(&w)).is_le());
        if at < WEAKEST {
            low.insert(at, (score, r.weight, &r.id));
            low.truncate(WEAKEST);
        }
    }
    low.into_iter().map(|(_, _, id)| id.clone()).collect()
}

/// Rounds to one decimal, the precision every report shows. Adding 0.0
/// turns -0.0 (Rust's sum of no floats) into 0.0: a report never shows "-0".
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

/// A score as text: "72.5", or "80" when whole.
pub fn fmt1(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_never_yields_negative_zero() {
        for tiny in [-0.0, -0.01] {
            assert!(round1(tiny).is_sign_positive(), "{tiny}");
            assert_eq!(fmt1(tiny), "0");
        }
        assert_eq!(round1(72.46), 72.5);
    }

    /// A shown result with this score and weight.
    fn result(id: usize, score: Option<f64>, weight: f64) -> QuestionResult {
        QuestionResult {
            id: format!("q{id}"),
            area: "a".into(),
            kind: Kind::Single,
            text: String::new(),
            status: QuestionStatus::Answered,
            answer: None,
            answer_text: None,
            score,
            weight,
            red_flag: None,
            note: None,
        }
    }

    #[test]
    fn weakest_keeps_the_order_a_stable_sort_gives() {
        // Many ties in score and weight, so the tie-break by position shows.
        let results: Vec<QuestionResult> = (0..200)
            .map(|i| result(i, (i % 9 != 0).then_some(((i * 37) % 7) as f64 * 10.0), ((i * 13) % 3) as f64))
            .collect();
        for n in [0, 1, 4, 5, 6, 30, 200] {
            let slice = &results[..n];
            let mut expected: Vec<&QuestionResult> =
                slice.iter().filter(|r| r.score.is_some_and(|s| s < 50.0)).collect();
            expected.sort_by(|a, b| {
                a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0)).then(b.weight.total_cmp(&a.weight))
            });
            let expected: Vec<String> = expected.into_iter().take(5).map(|r| r.id.clone()).collect();
            assert_eq!(weakest(slice), expected, "first {n}");
        }
    }

    #[test]
    fn plan_orders_by_phase_then_priority_then_as_raised() {
        let action = |k: usize| ActionItem {
            phase: Phase::ALL[(k * 7) % 3],
            priority: ((k * 5) % 4) as f64,
            area: "a".into(),
            question: format!("q{k}"),
            recommendation: String::new(),
            because: String::new(),
        };
        let raised: Vec<ActionItem> = (0..100).map(action).collect();
        let mut expected = raised.clone();
        expected.sort_by(|a, b| a.phase.cmp(&b.phase).then(b.priority.total_cmp(&a.priority)));
        assert_eq!(plan(raised), expected);
    }
}
