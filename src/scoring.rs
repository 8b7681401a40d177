//! `score(questionnaire, answers)`: the one pure function behind every
//! verdict, whichever way the answers were gathered.

use crate::answers::{Answer, Answers};
use crate::assessment::{
    ActionItem, AreaResult, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, Reason, RedFlag, Risk,
    SCHEMA_VERSION, Unknown, UnknownReason, Verdict,
};
use crate::questionnaire::{Kind, Outcome, Phase, Question, Questionnaire, Severity};
use crate::visibility::visibility;

/// What one answer contributes: its score and every flag and action it raises.
struct Contribution<'q> {
    score: f64,
    flags: Vec<(Severity, &'q str)>,
    /// (recommendation, phase, severity factor, because)
    actions: Vec<(&'q str, Phase, f64, String)>,
}

/// Scores `answers` against `q`. `assessed_at` is passed in so the core
/// never reads a clock.
pub fn score(q: &Questionnaire, answers: &Answers, assessed_at: jiff::Timestamp) -> Assessment {
    let visible = visibility(q, &answers.answers);
    let mut results = Vec::with_capacity(q.questions.len());
    let mut red_flags = Vec::new();
    let mut unknowns = Vec::new();
    let mut actions = Vec::new();
    // Per area: (weighted score sum, weight sum, shown, answered, unknown, worst flag)
    let mut sums = vec![(0.0_f64, 0.0_f64, 0_usize, 0_usize, 0_usize, None::<Severity>); q.areas.len()];

    for (i, question) in q.questions.iter().enumerate() {
        let area = &q.areas[question.area];
        let answer = answers.answers.get(&question.id);
        let mut result = QuestionResult {
            id: question.id.clone(),
            area: area.id.clone(),
            kind: question.kind,
            text: question.text.clone(),
            status: QuestionStatus::Hidden,
            answer: None,
            answer_text: None,
            score: None,
            weight: question.weight,
            red_flag: None,
            note: answers.notes.get(&question.id).cloned(),
        };
        if !visible[i] {
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
        let contribution = match answer {
            Some(Answer::DontKnow) | None => None,
            Some(a) => contribute(question, a),
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
                    area: area.id.clone(),
                    question: question.id.clone(),
                    text: question.text.clone(),
                    reason,
                });
            }
            Some(c) => {
                s.0 += question.weight * c.score;
                s.1 += question.weight;
                s.3 += 1;
                result.score = Some(round1(c.score));
                let because = result.answer_text.clone().unwrap_or_default();
                for (severity, recommendation) in &c.flags {
                    s.5 = s.5.max(Some(*severity));
                    result.red_flag = result.red_flag.max(Some(*severity));
                    red_flags.push(RedFlag {
                        severity: *severity,
                        area: area.id.clone(),
                        question: question.id.clone(),
                        question_text: question.text.clone(),
                        answer: because.clone(),
                        recommendation: recommendation.to_string(),
                    });
                }
                for (recommendation, phase, factor, because) in c.actions {
                    actions.push((
                        i,
                        ActionItem {
                            phase,
                            priority: round1(area.weight * question.weight * factor),
                            area: area.id.clone(),
                            question: question.id.clone(),
                            recommendation: recommendation.to_string(),
                            because,
                        },
                    ));
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

    let (verdict, reasons) = decide(q, overall, &areas, &results, &red_flags, unknowns.len(), shown);

    // Critical flags first; otherwise questionnaire order (the sort is stable).
    red_flags.sort_by_key(|f| std::cmp::Reverse(f.severity));
    actions.sort_by(|(ia, a), (ib, b)| a.phase.cmp(&b.phase).then(b.priority.total_cmp(&a.priority)).then(ia.cmp(ib)));

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
        actions: actions.into_iter().map(|(_, a)| a).collect(),
    }
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

/// What a real (not "don't know") answer contributes; `None` when it falls
/// outside every band of a number question, which then counts as context.
fn contribute<'q>(question: &'q Question, answer: &Answer) -> Option<Contribution<'q>> {
    let single = |o: &'q Outcome, because: String| {
        let mut c = Contribution { score: o.score, flags: Vec::new(), actions: Vec::new() };
        if let Some(r) = &o.recommendation {
            if let Some(flag) = o.red_flag {
                c.flags.push((flag, r.as_str()));
            }
            c.actions.push((r.as_str(), o.phase.unwrap_or(Phase::BeforeSigning), factor(o.red_flag, o.score), because));
        }
        c
    };
    match (question.kind, answer) {
        (Kind::Single | Kind::YesNo, Answer::Text(id)) => {
            let choice = question.choice(id)?;
            Some(single(&choice.outcome, choice.label.clone()))
        }
        (Kind::Scale | Kind::Number, Answer::Number(n)) => {
            let band = question.band_for(*n)?;
            Some(single(&band.outcome, answer.describe(question)))
        }
        (Kind::Multi, Answer::List(ids)) => {
            let chosen: Vec<_> = question.choices.iter().filter(|c| ids.contains(&c.id)).collect();
            let score = chosen.iter().map(|c| c.outcome.score).sum::<f64>().clamp(0.0, 100.0);
            let mut c = Contribution { score, flags: Vec::new(), actions: Vec::new() };
            for choice in &question.choices {
                let o = &choice.outcome;
                let phase = o.phase.unwrap_or(Phase::BeforeSigning);
                if ids.contains(&choice.id) {
                    if let Some(r) = &o.recommendation {
                        if let Some(flag) = o.red_flag {
                            c.flags.push((flag, r.as_str()));
                        }
                        c.actions.push((r.as_str(), phase, factor(o.red_flag, score), choice.label.clone()));
                    }
                } else if let Some(r) = &choice.if_missing {
                    c.actions.push((r.as_str(), phase, factor(None, score), format!("Not in place: {}", choice.label)));
                }
            }
            Some(c)
        }
        _ => None,
    }
}

/// The verdict and the reasons for it, most decisive first.
fn decide(
    q: &Questionnaire,
    overall: f64,
    areas: &[AreaResult],
    results: &[QuestionResult],
    red_flags: &[RedFlag],
    unknowns: usize,
    shown: usize,
) -> (Verdict, Vec<Reason>) {
    let t = q.scoring;
    let mut blocking = Vec::new();
    let mut conditions = Vec::new();
    for flag in red_flags {
        let reason = Reason {
            rule: format!("{}-red-flag", flag.severity.name()),
            message: format!(
                "{} red flag: \"{}\" answered \"{}\"",
                capitalise(flag.severity.name()),
                flag.question_text,
                flag.answer
            ),
            questions: vec![flag.question.clone()],
        };
        if flag.severity == Severity::Critical { blocking.push(reason) } else { conditions.push(reason) }
    }
    if overall < t.high_risk_below {
        blocking.push(Reason {
            rule: "score-below-minimum".into(),
            message: format!("Overall readiness {} is below {}", fmt1(overall), fmt1(t.high_risk_below)),
            questions: weakest(results, None),
        });
    }
    for area in areas.iter().filter(|a| a.risk == Some(Risk::High)) {
        conditions.push(Reason {
            rule: "high-risk-area".into(),
            message: format!("{} is high risk at {}", area.title, fmt1(area.score.unwrap_or(0.0))),
            questions: weakest(results, Some(&area.id)),
        });
    }
    if shown > 0 && unknowns as f64 / shown as f64 > t.max_unknown_share {
        conditions.push(Reason {
            rule: "too-many-unknowns".into(),
            message: format!(
                "{unknowns} of {shown} questions are unknown ({:.0}%), more than the {:.0}% allowed",
                100.0 * unknowns as f64 / shown as f64,
                100.0 * t.max_unknown_share
            ),
            questions: results
                .iter()
                .filter(|r| {
                    matches!(r.status, QuestionStatus::DontKnow | QuestionStatus::Unanswered) && r.score.is_some()
                })
                .map(|r| r.id.clone())
                .collect(),
        });
    }
    if overall < t.ready_at && overall >= t.high_risk_below {
        conditions.push(Reason {
            rule: "score-below-ready".into(),
            message: format!("Overall readiness {} is below the {} needed for ready", fmt1(overall), fmt1(t.ready_at)),
            questions: weakest(results, None),
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

/// The ids of the lowest-scoring shown questions (below 50), worst first,
/// at most five: the answers that pull a score down.
fn weakest(results: &[QuestionResult], area: Option<&str>) -> Vec<String> {
    let mut low: Vec<&QuestionResult> = results
        .iter()
        .filter(|r| area.is_none_or(|a| r.area == a))
        .filter(|r| r.score.is_some_and(|s| s < 50.0))
        .collect();
    low.sort_by(|a, b| a.score.unwrap_or(0.0).total_cmp(&b.score.unwrap_or(0.0)).then(b.weight.total_cmp(&a.weight)));
    low.into_iter().take(5).map(|r| r.id.clone()).collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
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
}
