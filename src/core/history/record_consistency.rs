//! Checking that a record agrees with itself: its summary (what `history`
//! and `trend` show) with its assessment, its answers with the assessment
//! they were scored into, and the verdict with its own red flags, risks,
//! reasons and scores. Only what holds for every assessment crm-ready
//! writes is checked, whatever its questionnaire: a critical red flag
//! always means not ready, a red flag or a high-risk area always rules out
//! ready, the overall score is always the weighted mean of the areas'.
//! Where the questionnaire is known exactly (a built-in, by its content
//! hash), its thresholds are checked too.

use crate::core::assessment::{Assessment, QuestionStatus, Risk, Verdict};
use crate::core::diagnostic::shown_number;
use crate::core::history::record::{StoredAssessment, quarter_label};
use crate::core::questionnaire::{Severity, Thresholds};

use super::record_check::Problem;

/// Reasons whose rule makes the verdict not ready.
const BLOCKING_RULES: &[&str] =
    &["critical-red-flag", "score-below-minimum", "major-flags-clustered", "high-risk-area-with-major-flag"];
/// Reasons whose rule rules out ready.
const CONDITION_RULES: &[&str] = &["major-red-flag", "high-risk-area", "too-many-unknowns", "score-below-ready"];

/// Rounding: each area score and the overall score are kept to one
/// decimal, so the mean of the kept area scores may differ from the kept
/// overall score by up to two half-tenths.
const ROUNDING: f64 = 0.1 + 1e-9;

/// The summary says what the assessment says.
pub fn check_summary_matches(r: &StoredAssessment) -> Result<(), Problem> {
    let (s, a) = (&r.summary, &r.assessment);
    let label = a.label.clone().unwrap_or_else(|| quarter_label(a.assessed_at));
    let same_areas = s.areas.len() == a.areas.len()
        && s.areas
            .iter()
            .zip(&a.areas)
            .all(|(x, y)| x.id == y.id && x.title == y.title && x.score == y.score && x.risk == y.risk);
    let fields = [
        ("verdict", s.verdict == a.verdict),
        ("score", s.score == a.score),
        ("organisation", s.organization == a.organization),
        ("respondent", s.respondent == a.respondent),
        ("role", s.role == a.role),
        ("group", s.group == a.group),
        ("label", s.label == label),
        ("questionnaire", s.questionnaire == a.questionnaire),
        ("date it was held", s.assessed_at == a.assessed_at),
        ("areas", same_areas),
    ];
    match fields.iter().find(|(_, same)| !same) {
        Some((field, _)) => Err(format!("its summary and its assessment disagree on the {field}")),
        None => Ok(()),
    }
}

/// The answers kept are those the assessment was scored from.
pub fn check_answers_match(r: &StoredAssessment) -> Result<(), Problem> {
    let (answers, a) = (&r.answers, &r.assessment);
    let fields = [
        ("questionnaire", answers.questionnaire == a.questionnaire.id && answers.version == a.questionnaire.version),
        ("organisation", answers.organization == a.organization),
        ("respondent", answers.respondent == a.respondent),
        ("role", answers.role == a.role),
        ("group", answers.group == a.group),
        ("label", answers.label == a.label),
        ("date it was held", answers.assessed_at.is_none_or(|at| at == a.assessed_at)),
    ];
    if let Some((field, _)) = fields.iter().find(|(_, same)| !same) {
        return Err(format!("its answers and its assessment disagree on the {field}"));
    }
    // Each shown question carries the answer given, and every question its note.
    for q in &a.questions {
        let shown = q.status != QuestionStatus::Hidden;
        if (shown && q.answer.as_ref() != answers.answers.get(&q.id)) || q.note.as_ref() != answers.notes.get(&q.id) {
            return Err(format!("its answers and its assessment disagree on question `{}`", q.id));
        }
    }
    Ok(())
}

/// The verdict, the risks and the scores agree with each other (and with
/// `thresholds`, the questionnaire's, when it is known).
pub fn check_verdict(a: &Assessment, thresholds: Option<&Thresholds>) -> Result<(), Problem> {
    let verdict = a.verdict.name();
    if a.reasons.is_empty() {
        return Err(format!("its verdict `{verdict}` gives no reason"));
    }
    for flag in &a.red_flags {
        let impossible = match flag.severity {
            Severity::Critical => a.verdict != Verdict::NotReady,
            Severity::Major => a.verdict == Verdict::Ready,
        };
        if impossible {
            return Err(format!(
                "its verdict `{verdict}` contradicts its own {} red flag on `{}`",
                flag.severity.name(),
                flag.question
            ));
        }
    }
    if let Some(area) = a.areas.iter().find(|x| x.risk == Some(Risk::High)).filter(|_| a.verdict == Verdict::Ready) {
        return Err(format!("its verdict `{verdict}` contradicts its own high-risk area `{}`", area.id));
    }
    for reason in &a.reasons {
        let rule = reason.rule.as_str();
        let impossible = (BLOCKING_RULES.contains(&rule) && a.verdict != Verdict::NotReady)
            || (CONDITION_RULES.contains(&rule) && a.verdict == Verdict::Ready)
            || (rule == "ready" && a.verdict != Verdict::Ready);
        if impossible {
            return Err(format!("its verdict `{verdict}` contradicts its own reason `{rule}`"));
        }
    }
    check_area_risks(a)?;
    check_overall(a)?;
    thresholds.map_or(Ok(()), |t| check_thresholds(a, t))
}

/// Each area's risk agrees with its score and its red flags.
fn check_area_risks(a: &Assessment) -> Result<(), Problem> {
    for area in &a.areas {
        if area.risk.is_some() != area.score.is_some() {
            return Err(format!("area `{}` has a risk without a score, or a score without a risk", area.id));
        }
        let worst = a.red_flags.iter().filter(|f| f.area == area.id).map(|f| f.severity).max();
        let impossible = match (worst, area.risk) {
            (Some(Severity::Critical), Some(risk)) => risk != Risk::High,
            (Some(Severity::Major), Some(risk)) => risk == Risk::Low,
            _ => false,
        };
        if impossible {
            let (risk, flag) = (area.risk.map_or("none", Risk::name), worst.map_or("no", Severity::name));
            return Err(format!("area `{}` is at {risk} risk with a {flag} red flag", area.id));
        }
    }
    Ok(())
}

/// The overall score is the mean of the areas' scores, weighted by the
/// areas' weights; 0 when no area has a score.
fn check_overall(a: &Assessment) -> Result<(), Problem> {
    let (mut weighted, mut total) = (0.0, 0.0);
    for area in &a.areas {
        if let Some(score) = area.score {
            weighted += area.weight * score;
            total += area.weight;
        }
    }
    let mean = if total > 0.0 { weighted / total } else { 0.0 };
    if (a.score - mean).abs() > ROUNDING {
        return Err(format!(
            "its score {} is not the weighted mean of its areas' scores ({})",
            shown_number(a.score),
            shown_number((mean * 10.0).round() / 10.0)
        ));
    }
    Ok(())
}

/// The verdict and the risks agree with the questionnaire's thresholds.
fn check_thresholds(a: &Assessment, t: &Thresholds) -> Result<(), Problem> {
    let score = shown_number(a.score);
    if a.verdict == Verdict::Ready && a.score < t.ready_at {
        return Err(format!(
            "its verdict `ready` needs a score of at least {} (its questionnaire's bar), not {score}",
            shown_number(t.ready_at)
        ));
    }
    if a.score < t.high_risk_below && a.verdict != Verdict::NotReady {
        return Err(format!(
            "its score {score} is below {}, which means not ready, yet its verdict is `{}`",
            shown_number(t.high_risk_below),
            a.verdict.name()
        ));
    }
    for area in &a.areas {
        let Some(s) = area.score else { continue };
        let impossible = match area.risk {
            Some(Risk::Low) => s < t.medium_risk_below,
            Some(Risk::Medium) => s < t.high_risk_below,
            _ => false,
        };
        if impossible {
            return Err(format!(
                "area `{}` is at {} risk with a score of {}, below its questionnaire's bar for that",
                area.id,
                area.risk.map_or("no", Risk::name),
                shown_number(s)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::RedFlag;
    use crate::core::history::testing::record;

    fn fresh() -> StoredAssessment {
        record("Contoso", "2026-04-01T10:00:00Z", 1)
    }

    fn quick_thresholds() -> Thresholds {
        crate::core::questionnaire::builtin::find("crm-quick").unwrap().load().unwrap().scoring
    }

    #[test]
    fn a_scored_record_agrees_with_itself() {
        let r = fresh();
        assert_eq!(check_summary_matches(&r), Ok(()));
        assert_eq!(check_answers_match(&r), Ok(()));
        assert_eq!(check_verdict(&r.assessment, Some(&quick_thresholds())), Ok(()));
    }

    #[test]
    fn a_summary_forged_apart_from_its_assessment_is_named() {
        type Forge = fn(&mut StoredAssessment);
        let cases: [(&str, Forge); 5] = [
            ("verdict", |r| r.summary.verdict = Verdict::Ready),
            ("score", |r| r.summary.score = 95.0),
            ("organisation", |r| r.summary.organization = Some("Other".into())),
            ("label", |r| r.summary.label = "2099-Q1".into()),
            ("areas", |r| r.summary.areas[0].title = "Renamed".into()),
        ];
        for (field, forge) in cases {
            let mut r = fresh();
            forge(&mut r);
            assert_eq!(
                check_summary_matches(&r).unwrap_err(),
                format!("its summary and its assessment disagree on the {field}")
            );
        }
        let mut r = fresh();
        r.answers.organization = Some("Other".into());
        assert_eq!(check_answers_match(&r).unwrap_err(), "its answers and its assessment disagree on the organisation");
        let mut r = fresh();
        let (id, _) = r.answers.answers.pop_first().unwrap();
        assert_eq!(
            check_answers_match(&r).unwrap_err(),
            format!("its answers and its assessment disagree on question `{id}`")
        );
        let mut r = fresh();
        r.assessment.questions[0].note = Some("forged".into());
        assert!(
            check_answers_match(&r).unwrap_err().starts_with("its answers and its assessment disagree on question")
        );
    }

    /// The pitfalls example: not ready, with critical red flags.
    fn not_ready() -> Assessment {
        let q = crate::core::questionnaire::builtin::find("crm-readiness").unwrap().load().unwrap();
        let text = include_str!("../../../examples/answers-pitfalls.toml");
        let answers = crate::core::answers_file::parse_answers(
            text,
            "answers-pitfalls.toml",
            crate::core::answers_file::Syntax::Toml,
            &q,
        )
        .unwrap()
        .answers;
        crate::core::scoring::score(&q, &answers, "2026-04-01T10:00:00Z".parse().unwrap())
    }

    #[test]
    fn a_verdict_forged_better_contradicts_its_own_evidence() {
        let mut a = not_ready();
        assert_eq!(a.verdict, Verdict::NotReady);
        assert!(a.red_flags.iter().any(|f| f.severity == Severity::Critical));
        a.verdict = Verdict::Ready;
        let err = check_verdict(&a, None).unwrap_err();
        assert!(err.starts_with("its verdict `ready` contradicts its own critical red flag on `"), "{err}");

        // Flags removed too: the reasons still say not ready.
        a.red_flags.clear();
        let err = check_verdict(&a, None).unwrap_err();
        assert!(err.starts_with("its verdict `ready` contradicts its own "), "{err}");
        // Reasons rewritten as well: the score alone still rules it out.
        a.reasons.retain(|r| r.rule == "score-below-minimum");
        a.reasons[0].rule = "ready".into();
        for area in &mut a.areas {
            area.risk = area.risk.map(|_| Risk::Low);
        }
        let thresholds = crate::core::questionnaire::Thresholds::default();
        let err = check_verdict(&a, Some(&thresholds)).unwrap_err();
        assert!(err.starts_with("its verdict `ready` needs a score of at least 75"), "{err}");
    }

    #[test]
    fn scores_and_risks_must_add_up() {
        let mut a = fresh().assessment;
        a.score = (a.score + 10.0).min(100.0);
        assert!(check_verdict(&a, None).unwrap_err().contains("is not the weighted mean of its areas' scores"));

        let mut a = fresh().assessment;
        let area = a.areas[0].id.clone();
        a.areas[0].risk = Some(Risk::Low);
        a.red_flags.push(RedFlag {
            severity: Severity::Critical,
            area: area.clone(),
            question: "q".into(),
            question_text: "Q?".into(),
            answer: "No".into(),
            recommendation: "Fix it.".into(),
        });
        a.verdict = Verdict::NotReady;
        assert_eq!(
            check_verdict(&a, None).unwrap_err(),
            format!("area `{area}` is at low risk with a critical red flag")
        );
    }
}
