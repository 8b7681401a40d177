//! Proofs that no answer set reaches a target, from the relaxed bounds
//! (see `bounds`) and from what answers can raise at all. A target with
//! neither a witness nor a proof stays undecided: it is never reported
//! as unreachable.

use super::bounds::{Side, area_bound, overall_bound};
use super::findings::Place;
use super::options::{Allow, AnswerOption};
use super::search::Target;
use super::showable::Plan;
use super::sums::{Sum, area_sums, is_low, is_medium, is_ready, is_ready_with_conditions};
use crate::core::assessment::{Risk, Verdict};
use crate::core::questionnaire::{Questionnaire, Severity};
use crate::core::scoring::fmt1;

/// Why a target is unreachable: where the cause lies, and in words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Proof {
    pub place: Place,
    pub because: String,
}

/// What the proofs read.
pub(super) struct Facts<'a> {
    pub q: &'a Questionnaire,
    pub options: &'a [Vec<AnswerOption>],
    pub plans: &'a [Option<Plan>],
}

impl Facts<'_> {
    /// A proof that `target` is unreachable, when there is a simple one.
    pub fn proof(&self, target: Target) -> Option<Proof> {
        match target {
            Target::Verdict(Verdict::Ready) => self.never_ready(),
            Target::Verdict(Verdict::ReadyWithConditions) => self.never_with_conditions(),
            Target::Verdict(Verdict::NotReady) => self.never_not_ready(),
            Target::Risk { area, risk: Risk::High } => self.never_high(area),
            Target::Risk { area, risk: Risk::Medium } => self.never_medium(area),
            Target::Risk { area, risk: Risk::Low } => self.never_low(area),
        }
    }

    /// Whether area `area` is never scored, whatever the answers.
    pub fn never_scored(&self, area: usize) -> bool {
        area_bound(self.q, self.options, self.plans, area, Allow::Any, Side::Highest).score.is_none()
    }

    fn everywhere(&self) -> Place {
        Place::questionnaire()
    }

    /// "every answer to `x` raises a red flag" (or a critical one), at `x`.
    fn always_flagged(&self, at: usize, critical: bool) -> Proof {
        let question = &self.q.questions[at];
        let what = if critical { "a critical red flag" } else { "a red flag" };
        Proof {
            place: Place::question(&self.q.areas[question.area].id, &question.id),
            because: format!("every answer to `{}`, which is always asked, raises {what}", question.id),
        }
    }

    fn never_ready(&self) -> Option<Proof> {
        let t = self.q.scoring;
        for area in 0..self.q.areas.len() {
            let b = area_bound(self.q, self.options, self.plans, area, Allow::NoFlags, Side::Highest);
            if let Some(&at) = b.impossible.first() {
                return Some(self.always_flagged(at, false));
            }
            if let (true, Some(s)) = (b.forced, b.score)
                && s < t.high_risk_below
            {
                return Some(Proof {
                    place: Place::area(&self.q.areas[area].id),
                    because: format!(
                        "without a red flag, area `{}` scores at most {}, below the high-risk line {}, so it is always high risk",
                        self.q.areas[area].id,
                        fmt1(s),
                        fmt1(t.high_risk_below)
                    ),
                });
            }
        }
        let best = overall_bound(self.q, self.options, self.plans, Allow::NoFlags, Side::Highest)?;
        if best < t.ready_at {
            return Some(Proof {
                place: self.everywhere(),
                because: format!(
                    "without a red flag, the overall score is at most {}, below ready_at {}",
                    fmt1(best),
                    fmt1(t.ready_at)
                ),
            });
        }
        self.one_area(Allow::NoFlags, |s| is_ready(&t, s), "ready")
    }

    fn never_with_conditions(&self) -> Option<Proof> {
        let t = self.q.scoring;
        for area in 0..self.q.areas.len() {
            let b = area_bound(self.q, self.options, self.plans, area, Allow::NoCritical, Side::Highest);
            if let Some(&at) = b.impossible.first() {
                return Some(self.always_flagged(at, true));
            }
        }
        let best = overall_bound(self.q, self.options, self.plans, Allow::NoCritical, Side::Highest)?;
        if best < t.high_risk_below {
            return Some(Proof {
                place: self.everywhere(),
                because: format!(
                    "without a critical red flag, the overall score is at most {}, below the high-risk line {}",
                    fmt1(best),
                    fmt1(t.high_risk_below)
                ),
            });
        }
        self.one_area(Allow::NoCritical, |s| is_ready_with_conditions(&t, s), "ready with conditions")
    }

    /// Not ready needs a critical flag, a low overall score, clustered
    /// major flags, or a high-risk area with an urgent major flag; the
    /// proof rules out each.
    fn never_not_ready(&self) -> Option<Proof> {
        let t = self.q.scoring;
        if !self.flagged(None, |o| o.flag == Some(Severity::Critical)).is_empty() {
            return None;
        }
        let lowest = overall_bound(self.q, self.options, self.plans, Allow::Any, Side::Lowest)?;
        if lowest < t.high_risk_below {
            return None;
        }
        for area in 0..self.q.areas.len() {
            let most_majors: usize = self
                .flagged(Some(area), |o| o.majors > 0)
                .iter()
                .map(|&at| self.options[at].iter().map(|o| o.majors).max().unwrap_or(0))
                .sum();
            if most_majors > t.max_major_flags_per_area as usize {
                return None;
            }
            let can_be_high = self.area_lowest(area).is_some_and(|s| s < t.high_risk_below);
            if t.escalate_high_risk_areas && can_be_high && !self.flagged(Some(area), |o| o.urgent_major).is_empty() {
                return None;
            }
        }
        Some(Proof {
            place: self.everywhere(),
            because: format!(
                "no answer raises a critical red flag, the overall score is at least {}, and no area can gather enough major red flags",
                fmt1(lowest)
            ),
        })
    }

    fn never_high(&self, area: usize) -> Option<Proof> {
        let t = self.q.scoring;
        if !self.flagged(Some(area), |o| o.flag == Some(Severity::Critical)).is_empty() {
            return None;
        }
        let lowest = self.area_lowest(area);
        if lowest.is_some_and(|s| s < t.high_risk_below) {
            return None;
        }
        Some(Proof {
            place: Place::area(&self.q.areas[area].id),
            because: format!(
                "no answer in it raises a critical red flag and it scores at least {}, the high-risk line being {}",
                lowest.map_or("-".into(), fmt1),
                fmt1(t.high_risk_below)
            ),
        })
    }

    fn never_medium(&self, area: usize) -> Option<Proof> {
        let t = self.q.scoring;
        let b = area_bound(self.q, self.options, self.plans, area, Allow::NoCritical, Side::Highest);
        if let Some(&at) = b.impossible.first() {
            return Some(self.always_flagged(at, true));
        }
        let best = b.score.unwrap_or(f64::NEG_INFINITY);
        let place = Place::area(&self.q.areas[area].id);
        if best < t.high_risk_below {
            return Some(Proof {
                place,
                because: format!(
                    "without a critical red flag it scores at most {}, below the high-risk line {}",
                    fmt1(best.max(0.0)),
                    fmt1(t.high_risk_below)
                ),
            });
        }
        self.no_sum(area, Allow::NoCritical, |s| is_medium(&t, s)).then(|| Proof {
            place,
            because: format!(
                "its answers jump from a score below {} (or a critical red flag) straight to {} or more with no major red flag",
                fmt1(t.high_risk_below),
                fmt1(t.medium_risk_below)
            ),
        })
    }

    fn never_low(&self, area: usize) -> Option<Proof> {
        let t = self.q.scoring;
        let b = area_bound(self.q, self.options, self.plans, area, Allow::NoFlags, Side::Highest);
        if let Some(&at) = b.impossible.first() {
            return Some(self.always_flagged(at, false));
        }
        let best = b.score.unwrap_or(f64::NEG_INFINITY);
        let place = Place::area(&self.q.areas[area].id);
        if best < t.medium_risk_below {
            return Some(Proof {
                place,
                because: format!(
                    "without a red flag it scores at most {}, below medium_risk_below {}",
                    fmt1(best.max(0.0)),
                    fmt1(t.medium_risk_below)
                ),
            });
        }
        self.no_sum(area, Allow::NoFlags, |s| is_low(&t, s)).then(|| Proof {
            place,
            because: format!(
                "no set of its answers without a red flag adds up to {} or more",
                fmt1(t.medium_risk_below)
            ),
        })
    }

    /// Whether the sums area `area`'s answers admitted by `allow` can add
    /// up to (see `sums`) are listed, and none passes `is`.
    fn no_sum(&self, area: usize, allow: Allow, is: impl Fn(&Sum) -> bool) -> bool {
        area_sums(self.q, self.options, self.plans, area, allow).is_some_and(|sums| !sums.iter().any(is))
    }

    /// For a questionnaire of one area, whose score is the overall score:
    /// a proof from its sums that no answer set gives a verdict.
    fn one_area(&self, allow: Allow, is: impl Fn(&Sum) -> bool, verdict: &str) -> Option<Proof> {
        (self.q.areas.len() == 1 && self.no_sum(0, allow, is)).then(|| Proof {
            place: self.everywhere(),
            because: format!("no set of answers to its one area adds up to {verdict}"),
        })
    }

    fn area_lowest(&self, area: usize) -> Option<f64> {
        area_bound(self.q, self.options, self.plans, area, Allow::Any, Side::Lowest).score
    }

    /// The shown-able questions (of `area`, or all) with an option that
    /// `is` picks out.
    fn flagged(&self, area: Option<usize>, is: impl Fn(&AnswerOption) -> bool) -> Vec<usize> {
        (0..self.q.questions.len())
            .filter(|&at| self.plans[at].is_some() && area.is_none_or(|a| self.q.questions[at].area == a))
            .filter(|&at| self.q.questions[at].is_scored() && self.options[at].iter().any(&is))
            .collect()
    }
}
