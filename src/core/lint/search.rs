//! Looking for an answer set that reaches a target: a few constructions
//! per target (see `construct`), each scored by `core::scoring::score`,
//! the one scoring. A target counts as reached only when the scoring says
//! so. Every set built is checked against every target, so one set can
//! witness many; only the first set to reach a target is kept.

use super::construct::{Aim, Goal, Picks, answer_set, picks, with_forced};
use super::options::{Allow, AnswerOption};
use super::showable::Plan;
use super::sums::{area_sums, is_medium};
use std::collections::BTreeMap;

use crate::core::answers::check;
use crate::core::assessment::{Assessment, Risk, Verdict};
use crate::core::questionnaire::{Questionnaire, Severity};
use crate::core::scoring::score;

/// What an answer set may be asked to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Target {
    Verdict(Verdict),
    Risk { area: usize, risk: Risk },
}

impl Target {
    pub fn reached_by(self, s: &Scored) -> bool {
        match self {
            Target::Verdict(v) => s.verdict == v,
            Target::Risk { area, risk } => s.risks.get(area).copied().flatten() == Some(risk),
        }
    }
}

/// What the scoring made of an answer set, as far as targets go.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Scored {
    pub verdict: Verdict,
    /// Per area.
    pub risks: Vec<Option<Risk>>,
}

impl Scored {
    fn of(a: &Assessment) -> Scored {
        Scored { verdict: a.verdict, risks: a.areas.iter().map(|r| r.risk).collect() }
    }

    fn targets(&self) -> impl Iterator<Item = Target> + '_ {
        let risks = self.risks.iter().enumerate().filter_map(|(area, r)| Some(Target::Risk { area, risk: (*r)? }));
        std::iter::once(Target::Verdict(self.verdict)).chain(risks)
    }
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

/// The walks from `high` to `low` (in `area`, or all) for a set short of
/// `above`: forward, then backward.
fn walks(high: Aim, low: Aim, area: Option<usize>, above: Target) -> [Attempt; 2] {
    [false, true].map(|backward| Attempt::Walk { high: high.clone(), low: low.clone(), area, above, backward })
}

/// How many steps `Search::prime` takes from the best answers to the worst.
const PRIMING_STEPS: usize = 8;

/// How many questions `Attempt::Forced` tries in turn.
const FORCED_TRIES: usize = 3;

/// The answer sets kept so far, and what they are built from.
pub(super) struct Search<'a> {
    q: &'a Questionnaire,
    options: &'a [Vec<AnswerOption>],
    plans: &'a [Option<Plan>],
    /// The sets kept: each the first to reach some target.
    pub kept: Vec<Picks>,
    /// The target → the index in `kept` of the first set reaching it.
    first: BTreeMap<Target, usize>,
    /// Per area, the lowest and highest score of all sets built.
    pub extremes: Vec<(Option<f64>, Option<f64>)>,
}

impl<'a> Search<'a> {
    pub fn new(q: &'a Questionnaire, options: &'a [Vec<AnswerOption>], plans: &'a [Option<Plan>]) -> Self {
        let extremes = vec![(None, None); q.areas.len()];
        Search { q, options, plans, kept: Vec::new(), first: BTreeMap::new(), extremes }
    }

    /// Builds a few answer sets that reach many targets at once: the best
    /// answers everywhere, the worst, and in between, where each area has
    /// a share of its questions answered worst and the rest best. Most
    /// areas land at medium risk in one of them, without a walk of their
    /// own.
    pub fn prime(&mut self) {
        let t = self.q.scoring;
        let high = self.picks(&Aim::everywhere(self.q, Goal::Raise, t.medium_risk_below, Allow::NoFlags));
        let low = self.picks(&Aim::everywhere(self.q, Goal::Lower, t.high_risk_below, Allow::NoCritical));
        let mut place_in_area = vec![0; self.q.questions.len()];
        let mut area_size = vec![0; self.q.areas.len()];
        for (at, question) in self.q.questions.iter().enumerate() {
            place_in_area[at] = area_size[question.area];
            area_size[question.area] += 1;
        }
        for eighth in 0..=PRIMING_STEPS {
            let mut picks = high.clone();
            for (at, question) in self.q.questions.iter().enumerate() {
                if place_in_area[at] * PRIMING_STEPS < eighth * area_size[question.area] {
                    picks[at] = low[at];
                }
            }
            self.try_picks(&picks);
        }
    }

    /// The index in `kept` of an answer set reaching `target`, building
    /// more when none so far does.
    pub fn find(&mut self, target: Target) -> Option<usize> {
        if let Some(&i) = self.first.get(&target) {
            return Some(i);
        }
        for attempt in self.attempts(target) {
            if let Some(i) = self.run(&attempt, target) {
                return Some(i);
            }
        }
        None
    }

    /// Builds and scores the answer set of `picks`, keeping it if it is
    /// the first to reach a target. `None` for a set the answers check
    /// refuses (a flaw in the options, never shown as a witness).
    pub fn try_picks(&mut self, picks: &Picks) -> Option<Scored> {
        let answers = answer_set(self.q, self.options, picks);
        if !check(&answers, self.q, None).is_empty() {
            return None;
        }
        let assessment = score(self.q, &answers, jiff::Timestamp::UNIX_EPOCH);
        for (slot, area) in self.extremes.iter_mut().zip(&assessment.areas) {
            if let Some(s) = area.score {
                slot.0 = Some(slot.0.map_or(s, |l: f64| l.min(s)));
                slot.1 = Some(slot.1.map_or(s, |h: f64| h.max(s)));
            }
        }
        let scored = Scored::of(&assessment);
        let new: Vec<Target> = scored.targets().filter(|t| !self.first.contains_key(t)).collect();
        if !new.is_empty() {
            self.kept.push(picks.clone());
            for t in new {
                self.first.insert(t, self.kept.len() - 1);
            }
        }
        Some(scored)
    }

    pub fn picks(&self, aim: &Aim) -> Picks {
        picks(self.q, self.options, aim)
    }

    /// The index in `kept` of the set of `picks`, if it reaches `target`.
    fn reaches(&mut self, picks: &Picks, target: Target) -> Option<usize> {
        self.try_picks(picks).filter(|s| target.reached_by(s))?;
        self.first.get(&target).copied()
    }

    /// The ways to try for `target`, most direct first.
    fn attempts(&self, target: Target) -> Vec<Attempt> {
        match target {
            Target::Verdict(verdict) => self.verdict_attempts(verdict),
            Target::Risk { area, risk } => self.risk_attempts(area, risk),
        }
    }

    fn verdict_attempts(&self, verdict: Verdict) -> Vec<Attempt> {
        let q = self.q;
        let t = q.scoring;
        let all = |goal, line, allow| Aim::everywhere(q, goal, line, allow);
        match verdict {
            Verdict::Ready => vec![
                Attempt::Aim(all(Goal::Raise, t.ready_at, Allow::NoFlags)),
                Attempt::Aim(all(Goal::Raise, t.medium_risk_below, Allow::NoFlags)),
            ],
            Verdict::NotReady => vec![
                Attempt::Aim(all(Goal::Lower, t.high_risk_below, Allow::Any)),
                Attempt::Forced {
                    aim: all(Goal::Raise, t.ready_at, Allow::NoFlags),
                    flag: Severity::Critical,
                    area: None,
                },
            ],
            Verdict::ReadyWithConditions => {
                let high = all(Goal::Raise, t.ready_at, Allow::NoFlags);
                let low = all(Goal::Lower, t.high_risk_below, Allow::NoCritical);
                let mut attempts = vec![Attempt::Forced { aim: high.clone(), flag: Severity::Major, area: None }];
                attempts.extend(walks(high, low.clone(), None, Target::Verdict(Verdict::Ready)));
                attempts.push(Attempt::Aim(low));
                attempts
            }
        }
    }

    fn risk_attempts(&self, area: usize, risk: Risk) -> Vec<Attempt> {
        let q = self.q;
        let t = q.scoring;
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
            Risk::Medium => {
                let raised = one(Goal::Raise, t.high_risk_below, Allow::NoCritical);
                let high = one(Goal::Raise, t.medium_risk_below, Allow::NoFlags);
                let low = one(Goal::Lower, t.high_risk_below, Allow::NoCritical);
                let mut attempts =
                    vec![Attempt::Forced { aim: raised.clone(), flag: Severity::Major, area: Some(area) }];
                attempts.extend(walks(high, low.clone(), Some(area), Target::Risk { area, risk: Risk::Low }));
                attempts.push(Attempt::Aim(low));
                attempts.push(Attempt::Sums { aim: raised, area });
                attempts
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
        if target.reached_by(&start) || target.reached_by(&end) {
            return self.first.get(&target).copied();
        }
        if !above.reached_by(&start) || above.reached_by(&end) {
            return None;
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            let at_mid = self.try_picks(&mix(mid))?;
            if target.reached_by(&at_mid) {
                return self.first.get(&target).copied();
            }
            if above.reached_by(&at_mid) { lo = mid } else { hi = mid }
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
