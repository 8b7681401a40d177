//! The scoring rules in words, with one questionnaire's thresholds: what
//! `show` prints, so that a consultant reads the rules the verdict is
//! decided by, not a paraphrase of them. Kept beside `verdict.rs` and
//! `plan.rs`, whose rules they state.

use super::fmt1;
use super::plan::{FLOOR_CRITICAL, FLOOR_MAJOR};
use crate::core::assessment::PriorityLevel;
use crate::core::questionnaire::Questionnaire;

/// The rules, one paragraph each.
pub fn rules_in_words(q: &Questionnaire) -> Vec<String> {
    let t = &q.scoring;
    let first = q.phases.first().map_or("the first phase", |p| p.title.as_str());
    let mut rules = vec![
        "Each answer scores 0 to 100 (ticked choices add up, at most 100); an area scores the weighted mean of its \
         shown, scored questions, the whole the weighted mean of the areas. Context-only questions never count."
            .to_string(),
        "\"Don't know\", or a shown question left unanswered, scores 0, is listed as an unknown and raises what the \
         question's line below says: by default its worst answer's red flag and action."
            .to_string(),
        format!(
            "An area is high risk below {} or with a critical red flag, medium below {} or with a major one, else low.",
            fmt1(t.high_risk_below),
            fmt1(t.medium_risk_below)
        ),
    ];
    let mut not_ready = vec![
        "a critical red flag".to_string(),
        format!("an overall score below {}", fmt1(t.high_risk_below)),
        format!("more than {} major red flags in one area", t.max_major_flags_per_area),
    ];
    if t.escalate_high_risk_areas {
        not_ready.push(format!(
            "an area at high risk holding a major red flag due \"{first}\" and at least two answers below 50"
        ));
    }
    rules.push(format!("Not ready with {}.", join_or(&not_ready)));
    rules.push(format!(
        "Ready at {} or more with no red flag, every area at low risk, at most {:.0}% of the shown scored \
         questions unknown, no answers to check and no action due \"{first}\"; ready with conditions otherwise.",
        fmt1(t.ready_at),
        100.0 * t.max_unknown_share
    ));
    if !q.checks.is_empty() {
        rules.push(format!(
            "Answers to check: the questionnaire has {} checks, each of answers that cannot all be true. A \
             check whose answers were all given is listed, to go through with the respondent, and makes the \
             verdict ready with conditions at best, never not ready.",
            q.checks.len()
        ));
    }
    rules.push(format!(
        "Actions fall due in phases ({}), and within a phase by priority: 100 × how far the answer falls short × \
         severity (critical 1, major 0.75, none 0.5) × weight (area and question against the others, 0.5 to 2), at \
         least {} with a critical flag and {} with a major one or when due \"{first}\"; high from {}, medium from {}, \
         low below.",
        q.phases.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(", "),
        fmt1(FLOOR_CRITICAL),
        fmt1(FLOOR_MAJOR),
        fmt1(PriorityLevel::HIGH_FROM),
        fmt1(PriorityLevel::MEDIUM_FROM)
    ));
    rules
}

/// "a, b or c".
fn join_or(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::questionnaire::builtin;

    #[test]
    fn the_rules_name_the_questionnaires_own_thresholds() {
        let q = builtin::find("crm-review").unwrap().load().unwrap();
        let text = rules_in_words(&q).join("\n");
        assert!(text.contains("high risk below 50"), "{text}");
        assert!(text.contains("more than 2 major red flags in one area"), "{text}");
        assert!(text.contains(&format!("due \"{}\"", q.phases[0].title)), "{text}");
        assert!(text.contains("Ready at 75 or more"), "{text}");
    }

    #[test]
    fn the_rules_name_the_answers_to_check_when_there_are_checks() {
        let q = builtin::find("crm-readiness").unwrap().load().unwrap();
        let text = rules_in_words(&q).join("\n");
        assert!(text.contains(&format!("Answers to check: the questionnaire has {} checks", q.checks.len())), "{text}");
        assert!(text.contains("never not ready"), "{text}");
        let review = builtin::find("crm-review").unwrap().load().unwrap();
        assert!(review.checks.is_empty());
        assert!(!rules_in_words(&review).join("\n").contains("Answers to check:"));
    }
}
