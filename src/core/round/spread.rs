//! Each area's score by stakeholder group: where management, IT, the users
//! and the owners stand on an area, side by side, for the round's chart.
//!
//! A round keeps each respondent's answers, not their area scores, so a
//! respondent's area score is worked out again the way an assessment works
//! it out: the weighted mean of their scores on the area's scored questions
//! ("don't know" and unanswered count 0). The question scores it starts
//! from carry one decimal, so it may differ from the stored area score by a
//! few hundredths; a group's score is the mean of its respondents'.

use super::mean;
use super::model::{Round, RoundQuestion};
use crate::core::answers::Group;
use crate::core::scoring::round1;

/// One area's scores, one per stakeholder group of the round.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaSpread {
    /// The area's id.
    pub area: String,
    /// One per group that has respondents in the round, in the order
    /// management, IT, users, owners, then those without a group.
    pub groups: Vec<GroupScore>,
}

/// Where one group stands on an area.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupScore {
    pub group: Option<Group>,
    /// Its respondents with a score in the area.
    pub respondents: usize,
    /// The mean of their area scores; `None` when none of them has one.
    pub score: Option<f64>,
}

impl Round {
    /// The stakeholder groups of the round, in report order.
    pub fn groups(&self) -> Vec<Option<Group>> {
        Group::ALL
            .map(Some)
            .into_iter()
            .chain([None])
            .filter(|g| self.respondents.iter().any(|r| r.group == *g))
            .collect()
    }

    /// Each area's score by stakeholder group, in the areas' order.
    pub fn area_spread(&self) -> Vec<AreaSpread> {
        let groups = self.groups();
        self.areas
            .iter()
            .map(|area| {
                let asked: Vec<&RoundQuestion> =
                    self.questions.iter().filter(|x| x.area == area.id && x.scored).collect();
                AreaSpread {
                    area: area.id.clone(),
                    groups: groups
                        .iter()
                        .map(|&group| {
                            let scores: Vec<f64> = self
                                .respondents
                                .iter()
                                .filter(|r| r.group == group)
                                .filter_map(|r| area_score(&asked, &r.name))
                                .collect();
                            GroupScore { group, respondents: scores.len(), score: mean(&scores).map(round1) }
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// The area score of respondent `name` over the area's scored questions
/// `asked`; `None` when they were shown none that scores.
fn area_score(asked: &[&RoundQuestion], name: &str) -> Option<f64> {
    let (sum, weight) = asked
        .iter()
        .filter_map(|x| Some((x.answers.iter().find(|a| a.respondent == name)?.score?, x.weight)))
        .fold((0.0, 0.0), |(s, w), (score, weight)| (s + score * weight, w + weight));
    (weight > 0.0).then(|| sum / weight)
}

#[cfg(test)]
mod tests {
    use super::super::build;
    use super::super::tests::example_member;
    use super::*;
    use crate::core::questionnaire::builtin;

    #[test]
    fn a_group_of_one_stands_where_its_respondent_stands() {
        let q = builtin::find("crm-readiness").unwrap().load().unwrap();
        let files = [
            ("management", include_str!("../../../examples/round/management.toml")),
            ("users", include_str!("../../../examples/round/users.toml")),
            ("it", include_str!("../../../examples/round/it.toml")),
        ];
        let members: Vec<_> = files.iter().map(|(name, text)| example_member(&q, name, text)).collect();
        let round = build(&q, "Wide World Importers", "2026-Q4", members.clone());
        assert_eq!(round.groups(), [Some(Group::Management), Some(Group::It), Some(Group::Users)]);
        let spread = round.area_spread();
        assert_eq!(spread.len(), q.areas.len());
        for (area, by_group) in round.areas.iter().zip(&spread) {
            assert_eq!(by_group.area, area.id);
            for g in &by_group.groups {
                let member = members.iter().find(|m| m.assessment.group == g.group).unwrap();
                let stored = member.assessment.areas.iter().find(|a| a.id == area.id).unwrap().score;
                let (Some(stored), Some(worked_out)) = (stored, g.score) else {
                    assert_eq!((stored, g.score), (None, None), "{}", area.id);
                    continue;
                };
                assert!((stored - worked_out).abs() <= 0.1, "{}: {stored} stored, {worked_out} worked out", area.id);
                assert_eq!(g.respondents, 1);
            }
        }
        // Management rates the backing higher than the users do.
        let backing = spread.iter().find(|s| s.area == "management").unwrap();
        let of = |group| backing.groups.iter().find(|g| g.group == Some(group)).unwrap().score.unwrap();
        assert!(of(Group::Management) > of(Group::Users) + 20.0, "{backing:?}");
    }

    #[test]
    fn a_group_is_the_mean_of_its_respondents_and_those_without_one_come_last() {
        let q = builtin::find("crm-readiness").unwrap().load().unwrap();
        let mut members: Vec<_> = [
            ("users", include_str!("../../../examples/round/users.toml")),
            ("owners", include_str!("../../../examples/round/owners.toml")),
        ]
        .iter()
        .map(|(name, text)| example_member(&q, name, text))
        .collect();
        // The owner answers as a second user; a third respondent has no group.
        members[1].assessment.to_mut().group = Some(Group::Users);
        let mut nobody = members[0].clone();
        nobody.assessment.to_mut().group = None;
        nobody.assessment.to_mut().respondent = Some("Unaffiliated".into());
        members.push(nobody);
        let round = build(&q, "Wide World Importers", "2026-Q4", members);
        assert_eq!(round.groups(), [Some(Group::Users), None]);
        let alone =
            build(&q, "W", "L", vec![example_member(&q, "o", include_str!("../../../examples/round/owners.toml"))]);
        let (users, owner) = (round.area_spread(), alone.area_spread());
        let user_alone =
            build(&q, "W", "L", vec![example_member(&q, "u", include_str!("../../../examples/round/users.toml"))]);
        for ((both, o), u) in users.iter().zip(&owner).zip(&user_alone.area_spread()) {
            assert_eq!(both.groups[0].respondents, 2);
            let expected = (o.groups[0].score.unwrap() + u.groups[0].score.unwrap()) / 2.0;
            assert!((both.groups[0].score.unwrap() - expected).abs() <= 0.051, "{}", both.area);
            assert_eq!(both.groups[1].score, u.groups[0].score, "the unaffiliated user answered as the user did");
        }
    }
}
