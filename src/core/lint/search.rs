//! Looking for an answer set that reaches a target: a few constructions
//! per target (see `construct`), each scored by `core::scoring::score`,
//! the one scoring. A target counts as reached only when the scoring says
//! so, and every set built is kept: one set often reaches several targets.

use super::construct::{Aim, Goal, Picks, answer_set, picks, with_forced};
use super::options::{Allow, AnswerOption};
use super::showable::Plan;
use super::sums::{area_sums, is_medium};
use crate::core::answers::{Answers, check};
use crate::core::assessment::{Assessment, Risk, Verdict};
use crate::core::questionnaire::{Questionnaire, Severity};
use crate::core::scoring::score;

/// What an answer set may be asked to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Verdict(Verdict),
    Risk { area: usize, risk: Risk },
}

impl Target {
    pub fn reached_by(self, a: &Assessment) -> bool {
        match self {
            Target::Verdict(v) => a.verdict == v,
            Target::Risk { area, risk } => a.areas.get(area).and_then(|r| r.risk) == Some(risk),
        }
    }
}

/// An answer set built and scored.
#[derive(Debug, Clone)]
pub(super) struct Tried {
    pub answers: Answers,
    pub assessment: Assessment,
}

/// One way of building answer sets toward a target.
#[derive(Debug, Clone)]
enum Attempt {
    /// Each question answered with its pick toward the aim.
    Aim(Aim),
    /// As the aim, but one question (in `area`, or anywhere) shown and
    /// answered with an option raising exactly `flag`.
    Forced { aim: Aim, flag: Severity, area: Option<usize> },
    /// As the aim, with area `area`'s answers chosen from the sums its
    /// answers add up to (see `sums`) so that it is at medium risk.
    Sums { aim: Aim, area: usize },
    /// From the `high` picks to the `low` ones, question by question (those
    /// of `area`, or all), looking for the step where the target is met.
    /// `backward` walks from the last question up: a follow-up changes
    /// before the question that shows it.
    Walk { high: Aim, low: Aim, area: Option<usize>, above: Target, backward: bool },
}

/// How many questions `Attempt::Forced` tries in turn.
const FORCED_TRIES: usize = 3;

/// The answer sets tried so far, and what they are built from.
pub(super) struct Search<'a> {
    q: &'a Questionnaire,
    options: &'a [Vec<AnswerOption>],
    plans: &'a [Option<Plan>],
    pub tried: Vec<Tried>,
}

impl<'a> Search<'a> {
    pub fn new(q: &'a Questionnaire, options: &'a [Vec<AnswerOption>], plans: &'a [Option<Plan>]) -> Self {
        Search { q, options, plans, tried: Vec::new() }
    }

    /// The index in `tried` of an answer set reaching `target`, building
    /// more when none tried so far does.
    pub fn find(&mut self, target: Target) -> Option<usize> {
        if let Some(i) = self.tried.iter().position(|t| target.reached_by(&t.assessment)) {
            return Some(i);
        }
        for attempt in self.attempts(target) {
            if let Some(i) = self.run(&attempt, target) {
                return Some(i);
            }
        }
        None
    }

    /// Builds and scores the answer set of `picks`; its index in `tried`.
    /// `None` for a set the answers check refuses (which would be a flaw
    /// in the options, never shown as a witness).
    pub fn try_picks(&mut self, picks: &Picks) -> Option<usize> {
        let answers = answer_set(self.q, self.options, picks);
        if !check(&answers, self.q, None).is_empty() {
            return None;
        }
        let assessment = score(self.q, &answers, jiff::Timestamp::UNIX_EPOCH);
        self.tried.push(Tried { answers, assessment });
        Some(self.tried.len() - 1)
    }

    /// How many areas the questionnaire has.
    pub fn q_areas(&self) -> usize {
        self.q.areas.len()
    }

    pub fn picks(&self, aim: &Aim) -> Picks {
        picks(self.q, self.options, aim)
    }

    fn reaches(&mut self, picks: &Picks, target: Target) -> Option<usize> {
        self.try_picks(picks).filter(|&i| target.reached_by(&self.tried[i].assessment))
    }

    fn attempts(&self, target: Target) -> Vec<Attempt> {
        let q = self.q;
        let walk = |high, low, area, above, backward| Attempt::Walk { high, low, area, above, backward };
        let t = q.scoring;
        let all = |goal, line, allow| Aim::everywhere(q, goal, line, allow);
        match target {
            Target::Verdict(Verdict::Ready) => vec![
                Attempt::Aim(all(Goal::Raise, t.ready_at, Allow::NoFlags)),
                Attempt::Aim(all(Goal::Raise, t.medium_risk_below, Allow::NoFlags)),
            ],
            Target::Verdict(Verdict::NotReady) => vec![
                Attempt::Aim(all(Goal::Lower, t.high_risk_below, Allow::Any)),
                Attempt::Forced {
                    aim: all(Goal::Raise, t.ready_at, Allow::NoFlags),
                    flag: Severity::Critical,
                    area: None,
                },
            ],
            Target::Verdict(Verdict::ReadyWithConditions) => vec![
                Attempt::Forced {
                    aim: all(Goal::Raise, t.ready_at, Allow::NoFlags),
                    flag: Severity::Major,
                    area: None,
                },
                walk(
                    all(Goal::Raise, t.ready_at, Allow::NoFlags),
                    all(Goal::Lower, t.high_risk_below, Allow::NoCritical),
                    None,
                    Target::Verdict(Verdict::Ready),
                    false,
                ),
                walk(
                    all(Goal::Raise, t.ready_at, Allow::NoFlags),
                    all(Goal::Lower, t.high_risk_below, Allow::NoCritical),
                    None,
                    Target::Verdict(Verdict::Ready),
                    true,
                ),
                Attempt::Aim(all(Goal::Lower, t.high_risk_below, Allow::NoCritical)),
            ],
            Target::Risk { area, risk } => {
                let one = |goal, line, allow| Aim::at_area(q, area, goal, line, allow);
                match risk {
                    Risk::High => vec![
                        Attempt::Aim(one(Goal::Lower, t.high_risk_below, Allow::Any)),
                        Attempt::Forced {
                            aim: one(Goal::Lower, t.high_risk_below, Allow::Any),
                            flag: Severity::Critical,
                            area: Some(area),
                        },
                    ],
                    Risk::Low => vec![
                        Attempt::Aim(one(Goal::Raise, t.medium_risk_below, Allow::NoFlags)),
                        Attempt::Aim(one(Goal::Raise, t.high_risk_below, Allow::NoFlags)),
                    ],
                    Risk::Medium => vec![
                        Attempt::Forced {
                            aim: one(Goal::Raise, t.high_risk_below, Allow::NoCritical),
                            flag: Severity::Major,
                            area: Some(area),
                        },
                        walk(
                            one(Goal::Raise, t.medium_risk_below, Allow::NoFlags),
                            one(Goal::Lower, t.high_risk_below, Allow::NoCritical),
                            Some(area),
                            Target::Risk { area, risk: Risk::Low },
                            false,
                        ),
                        walk(
                            one(Goal::Raise, t.medium_risk_below, Allow::NoFlags),
                            one(Goal::Lower, t.high_risk_below, Allow::NoCritical),
                            Some(area),
                            Target::Risk { area, risk: Risk::Low },
                            true,
                        ),
                        Attempt::Aim(one(Goal::Lower, t.high_risk_below, Allow::NoCritical)),
                        Attempt::Sums { aim: one(Goal::Raise, t.high_risk_below, Allow::NoCritical), area },
                    ],
                }
            }
        }
    }

    fn run(&mut self, attempt: &Attempt, target: Target) -> Option<usize> {
        match attempt {
            Attempt::Aim(aim) => {
                let picks = self.picks(aim);
                self.reaches(&picks, target)
            }
            Attempt::Forced { aim, flag, area } => {
                let base = self.picks(aim);
                let forced: Vec<(usize, usize)> =
                    self.flagged(*flag, *area, aim.goal).into_iter().take(FORCED_TRIES).collect();
                for (at, option) in forced {
                    let Some(plan) = &self.plans[at] else { continue };
                    let picks = with_forced(base.clone(), plan, at, option);
                    if let Some(i) = self.reaches(&picks, target) {
                        return Some(i);
                    }
                }
                None
            }
            Attempt::Walk { high, low, area, above, backward } => {
                self.walk(high, low, *area, *above, *backward, target)
            }
            Attempt::Sums { aim, area } => {
                let sums = area_sums(self.q, self.options, self.plans, *area, Allow::NoCritical)?;
                let medium = sums.iter().find(|s| is_medium(&self.q.scoring, s))?;
                let mut picks = self.picks(aim);
                for &(at, option) in &medium.picks {
                    picks[at] = Some(option);
                }
                self.reaches(&picks, target)
            }
        }
    }

    /// The shown-able questions (of `area`, or all) with an option raising
    /// exactly `flag`: each with its such option scoring highest (or
    /// lowest, as `goal` says).
    fn flagged(&self, flag: Severity, area: Option<usize>, goal: Goal) -> Vec<(usize, usize)> {
        let rank = |o: &AnswerOption| {
            let s = o.score.unwrap_or(0.0);
            if goal == Goal::Raise { s } else { -s }
        };
        (0..self.q.questions.len())
            .filter(|&at| self.plans[at].is_some() && area.is_none_or(|a| self.q.questions[at].area == a))
            .filter_map(|at| {
                let with_flag = self.options[at].iter().enumerate().filter(|(_, o)| o.flag == Some(flag));
                let best = with_flag.max_by(|(_, a), (_, b)| rank(a).total_cmp(&rank(b)))?;
                Some((at, best.0))
            })
            .collect()
    }

    /// Walks from the `high` picks to the `low` ones: the first `k`
    /// questions of the walk take their low pick. While the set is still
    /// `above` the target, the search moves down, otherwise up (a binary
    /// search: a handful of sets, not one per question). At the step where
    /// it leaves `above`, the stepping question's other options are tried.
    fn walk(
        &mut self,
        high: &Aim,
        low: &Aim,
        area: Option<usize>,
        above: Target,
        backward: bool,
        target: Target,
    ) -> Option<usize> {
        let high = self.picks(high);
        let low = self.picks(low);
        let mut steps: Vec<usize> =
            (0..self.q.questions.len()).filter(|&at| area.is_none_or(|a| self.q.questions[at].area == a)).collect();
        if backward {
            steps.reverse();
        }
        let mix = |k: usize| -> Picks {
            let mut p = high.clone();
            for &at in &steps[..k] {
                p[at] = low[at];
            }
            p
        };
        let (mut lo, mut hi) = (0, steps.len());
        let start = self.try_picks(&mix(lo))?;
        let end = self.try_picks(&mix(hi))?;
        for i in [start, end] {
            if target.reached_by(&self.tried[i].assessment) {
                return Some(i);
            }
        }
        if !above.reached_by(&self.tried[start].assessment) || above.reached_by(&self.tried[end].assessment) {
            return None;
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            let i = self.try_picks(&mix(mid))?;
            if target.reached_by(&self.tried[i].assessment) {
                return Some(i);
            }
            if above.reached_by(&self.tried[i].assessment) { lo = mid } else { hi = mid }
        }
        let stepping = steps[lo];
        for option in 0..self.options[stepping].len() {
            let mut p = mix(lo);
            p[stepping] = Some(option);
            if let Some(i) = self.reaches(&p, target) {
                return Some(i);
            }
        }
        None
    }
}
