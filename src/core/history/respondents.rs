//! Who answered in each round, and who came or went between two rounds.
//! A round's score is the mean of its respondents' scores, so a round that
//! hears other people moves as much from who answered as from what they
//! answered: a trend or a comparison of rounds says so, and can keep to
//! the people heard in every round (like for like). Pure.

use schemars::JsonSchema;
use serde::Serialize;

use super::record::Summary;
use crate::core::answers::Group;

/// One respondent of a round, as reports name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Person {
    /// As given, or `Respondent N` (N their place in the round), as the
    /// round names them.
    pub name: String,
    pub group: Option<Group>,
    /// False for `Respondent N`: nobody can tell whether two unnamed
    /// respondents are one person, so they never are.
    #[serde(skip)]
    #[schemars(skip)]
    pub named: bool,
}

impl Person {
    pub fn new(name: &str, group: Option<Group>) -> Person {
        Person { name: name.trim().to_string(), group, named: true }
    }

    /// One person in two rounds: the same name, whatever its case (as a
    /// round tells a respondent who answered twice); never an unnamed one.
    pub fn same_as(&self, other: &Person) -> bool {
        self.named && other.named && self.name.to_lowercase() == other.name.to_lowercase()
    }

    fn among(&self, people: &[Person]) -> bool {
        people.iter().any(|p| p.same_as(self))
    }
}

/// The people of a round whose assessments are `members`, in the round's
/// order, named as the round names them.
pub fn people_of(members: &[&Summary]) -> Vec<Person> {
    members
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let given = s.respondent.as_deref().map(str::trim).filter(|n| !n.is_empty());
            match given {
                Some(name) => Person::new(name, s.group),
                None => Person { named: false, ..Person::new(&format!("Respondent {}", i + 1), s.group) },
            }
        })
        .collect()
}

/// A round's label and the people heard in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundPeople<'a> {
    pub label: &'a str,
    pub people: &'a [Person],
}

/// Who answered in one round and not in the one before it, and the other
/// way round.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RespondentsChanged {
    /// The later round.
    pub label: String,
    /// The earlier round.
    pub since: String,
    /// Heard in `label`, not in `since`.
    pub joined: Vec<Person>,
    /// Heard in `since`, not in `label`.
    pub left: Vec<Person>,
    /// Groups heard in `label`, not in `since`.
    pub groups_joined: Vec<Group>,
    /// Groups heard in `since`, not in `label`.
    pub groups_left: Vec<Group>,
}

/// How the named people changed from `since` to `now`; `None` when the
/// same people answered in both. Unnamed respondents are left out: nobody
/// can say whether they came or went.
pub fn changed(since: RoundPeople<'_>, now: RoundPeople<'_>) -> Option<RespondentsChanged> {
    let new_in = |these: &[Person], other: &[Person]| -> Vec<Person> {
        these.iter().filter(|p| p.named && !p.among(other)).cloned().collect()
    };
    let (joined, left) = (new_in(now.people, since.people), new_in(since.people, now.people));
    if joined.is_empty() && left.is_empty() {
        return None;
    }
    let groups = |people: &[Person]| -> Vec<Group> { people.iter().filter_map(|p| p.group).collect() };
    let (before, after) = (groups(since.people), groups(now.people));
    let only = |these: &[Group], not: &[Group]| -> Vec<Group> {
        Group::ALL.into_iter().filter(|g| these.contains(g) && !not.contains(g)).collect()
    };
    Some(RespondentsChanged {
        label: now.label.to_string(),
        since: since.label.to_string(),
        groups_joined: only(&after, &before),
        groups_left: only(&before, &after),
        joined,
        left,
    })
}

/// How the people changed from each round to the next, oldest first.
pub fn changes(rounds: &[RoundPeople<'_>]) -> Vec<RespondentsChanged> {
    rounds.windows(2).filter_map(|pair| changed(pair[0], pair[1])).collect()
}

/// The people heard in every one of `rounds`, as the last round names
/// them; none when there are no rounds.
pub fn in_every_round(rounds: &[&[Person]]) -> Vec<Person> {
    let Some((last, earlier)) = rounds.split_last() else { return Vec::new() };
    last.iter().filter(|p| earlier.iter().all(|r| p.among(r))).cloned().collect()
}

/// Whether `person` is one of `people`.
pub fn is_among(person: &Person, people: &[Person]) -> bool {
    person.among(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(people: &[(&str, Group)]) -> Vec<Person> {
        people.iter().map(|(n, g)| Person::new(n, Some(*g))).collect()
    }

    #[test]
    fn respondents_without_a_name_are_never_taken_for_one_another() {
        let unnamed = |n: usize| Person { named: false, ..Person::new(&format!("Respondent {n}"), None) };
        assert!(!unnamed(1).same_as(&unnamed(1)));
        assert!(Person::new("Ann", None).same_as(&Person::new("ann ", None)));
        let (a, b) = ([unnamed(1), Person::new("Ann", None)], [unnamed(1), Person::new("Ann", None)]);
        assert_eq!(in_every_round(&[&a, &b]), [Person::new("Ann", None)]);
    }

    #[test]
    fn a_round_that_hears_more_people_names_them_and_their_groups() {
        let q3 = round(&[("Gareth Lloyd", Group::Management), ("Priya Shah", Group::It), ("Lee Carter", Group::Users)]);
        let q4 = round(&[
            ("gareth lloyd", Group::Management),
            ("Lee Carter", Group::Users),
            ("Tom Reid", Group::Users),
            ("Margaret Holt", Group::Owners),
        ]);
        let c = changed(RoundPeople { label: "2026-Q3", people: &q3 }, RoundPeople { label: "2026-Q4", people: &q4 })
            .unwrap();
        assert_eq!((c.label.as_str(), c.since.as_str()), ("2026-Q4", "2026-Q3"));
        let names = |list: &[Person]| list.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&c.joined), ["Tom Reid", "Margaret Holt"]);
        assert_eq!(names(&c.left), ["Priya Shah"]);
        assert_eq!(c.groups_joined, [Group::Owners]);
        assert_eq!(c.groups_left, [Group::It]);
    }

    #[test]
    fn the_same_people_change_nothing_and_like_for_like_keeps_those_in_every_round() {
        let a = round(&[("Ann", Group::Users), ("Bo", Group::It)]);
        let b = round(&[("BO", Group::It), ("ann", Group::Users)]);
        let c = round(&[("Ann", Group::Users), ("Cy", Group::Owners), ("Bo", Group::It)]);
        let rounds = [
            RoundPeople { label: "1", people: &a },
            RoundPeople { label: "2", people: &b },
            RoundPeople { label: "3", people: &c },
        ];
        let found = changes(&rounds);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].label.as_str(), found[0].joined[0].name.as_str()), ("3", "Cy"));
        let every = in_every_round(&[&a, &b, &c]);
        assert_eq!(every.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ann", "Bo"]);
        assert!(in_every_round(&[]).is_empty());
    }
}
