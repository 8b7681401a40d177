//! How a round's pages tell the stakeholder groups apart: each group has a
//! marker shape as well as a colour (its CSS class), so that a chart still
//! reads in black-and-white print. Management is a circle, IT a square,
//! the users a triangle, the owners a diamond, and respondents without a
//! group a triangle pointing down.

use serde::Serialize;

use super::charts::n;
use crate::core::answers::Group;

/// Half the size of a marker, in SVG units.
const SIZE: f64 = 4.6;

/// A group as the page names it.
pub fn group_title(group: Option<Group>) -> &'static str {
    group.map_or("Unassigned", Group::title)
}

/// A group's CSS class, which gives its colour.
pub fn group_class(group: Option<Group>) -> &'static str {
    match group {
        Some(Group::Management) => "group-management",
        Some(Group::It) => "group-it",
        Some(Group::Users) => "group-users",
        Some(Group::Owners) => "group-owners",
        None => "group-unassigned",
    }
}

/// A closed path through `points`.
fn polygon(points: &[(f64, f64)]) -> String {
    let corners: Vec<String> = points.iter().map(|(x, y)| format!("{} {}", n(*x), n(*y))).collect();
    format!("M{}Z", corners.join("L"))
}

/// A group's marker centred on (x, y), as an SVG path.
pub fn marker(group: Option<Group>, x: f64, y: f64) -> String {
    let s = SIZE;
    match group {
        Some(Group::Management) => {
            let (r, d) = (n(s), n(2.0 * s));
            format!("M{} {}a{r} {r} 0 1 0 {d} 0a{r} {r} 0 1 0 -{d} 0Z", n(x - s), n(y))
        }
        Some(Group::It) => {
            let h = s * 0.85;
            polygon(&[(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)])
        }
        Some(Group::Users) => polygon(&[(x, y - s * 1.1), (x + s * 1.1, y + s * 0.8), (x - s * 1.1, y + s * 0.8)]),
        Some(Group::Owners) => {
            let d = s * 1.2;
            polygon(&[(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
        }
        None => polygon(&[(x, y + s * 1.1), (x + s * 1.1, y - s * 0.8), (x - s * 1.1, y - s * 0.8)]),
    }
}

/// A group's marker on its own, for a small key beside its name in a
/// table (drawn centred on 0); no path for a line that stands for several
/// groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupKey {
    pub title: &'static str,
    pub class: &'static str,
    pub path: String,
}

pub fn group_key(group: Option<Group>) -> GroupKey {
    GroupKey { title: group_title(group), class: group_class(group), path: marker(group, 0.0, 0.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_its_own_shape_and_colour() {
        let all: Vec<Option<Group>> = Group::ALL.map(Some).into_iter().chain([None]).collect();
        let shapes: Vec<String> = all.iter().map(|&g| marker(g, 0.0, 0.0)).collect();
        let classes: Vec<&str> = all.iter().map(|&g| group_class(g)).collect();
        for i in 0..all.len() {
            for j in i + 1..all.len() {
                assert_ne!(shapes[i], shapes[j]);
                assert_ne!(classes[i], classes[j]);
            }
        }
        // A marker is centred where its group stands.
        assert_eq!(marker(Some(Group::Owners), 100.0, 50.0), "M100.0 44.5L105.5 50.0L100.0 55.5L94.5 50.0Z");
        assert_eq!(marker(Some(Group::It), 10.0, 5.0), "M6.1 1.1L13.9 1.1L13.9 8.9L6.1 8.9Z");
        assert_eq!(marker(Some(Group::Management), 10.0, 5.0), "M5.4 5.0a4.6 4.6 0 1 0 9.2 0a4.6 4.6 0 1 0 -9.2 0Z");
    }
}
