//! Growth: what introductions added, and the web as it was a year ago.

use std::collections::HashSet;

use chrono::{Months, NaiveDate};

use crate::model::{Network, PersonId};

/// The day a year before `today`.
pub fn year_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN)
}

/// The network as it stood on `then`: people added by then (or with no `added` date) and
/// relationships known since then (or with no `since`) between two of them.
pub fn as_of(net: &Network, then: NaiveDate) -> Network {
    let people: Vec<_> = net
        .people
        .iter()
        .filter(|p| p.added.is_none_or(|d| d <= then))
        .cloned()
        .collect();
    let present: HashSet<&PersonId> = people.iter().map(|p| &p.id).collect();
    let relationships = net
        .relationships
        .iter()
        .filter(|r| r.since.is_none_or(|d| d <= then))
        .filter(|r| present.contains(&r.a) && present.contains(&r.b))
        .cloned()
        .collect();
    Network {
        people,
        relationships,
        ..Network::default()
    }
}

/// Relationships between people the owner introduced to each other (in one introduction).
pub fn from_introductions(net: &Network) -> usize {
    let mut introduced: HashSet<(&PersonId, &PersonId)> = HashSet::new();
    for intro in &net.introductions {
        for (i, a) in intro.people.iter().enumerate() {
            for b in &intro.people[i + 1..] {
                introduced.insert((a.min(b), a.max(b)));
            }
        }
    }
    net.relationships
        .iter()
        .filter(|r| introduced.contains(&((&r.a).min(&r.b), (&r.a).max(&r.b))))
        .count()
}
