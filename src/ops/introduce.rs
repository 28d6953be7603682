//! The owner introduced some contacts to each other: every pair among them knows the
//! others from then on. A pair with no relationship gets one of kind `introduced` from
//! that day; a pair netweb had only inferred (`infer`, a calendar import) is confirmed,
//! its kind and date kept, since the introduction is the owner's word that they know
//! each other now and `infer --undo` must not take it back.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::{Extra, Introduction, Network, PersonId, Relationship};

/// The relationship kind an introduction creates.
pub const INTRODUCED: &str = "introduced";

/// What `introduce` did.
pub struct Introduced {
    pub introduction: Introduction,
    /// Relationships made among the people (pairs that did not know each other yet).
    pub new_relationships: usize,
    /// Inferred relationships among them the introduction confirmed.
    pub confirmed: usize,
    /// The same people were already recorded as introduced that day: nothing changed.
    pub already_recorded: bool,
}

/// Records that `people` (resolved, distinct) were introduced on `date`.
pub fn introduce(
    net: &mut Network,
    people: Vec<PersonId>,
    date: NaiveDate,
    note: Option<String>,
) -> Introduced {
    let same_people = |x: &Introduction| {
        x.people.len() == people.len() && people.iter().all(|p| x.people.contains(p))
    };
    if let Some(x) = net
        .introductions
        .iter()
        .find(|x| x.date == date && same_people(x))
    {
        return Introduced {
            introduction: x.clone(),
            new_relationships: 0,
            confirmed: 0,
            already_recorded: true,
        };
    }
    // The pairs that know each other already, found in one pass over the relationships
    // rather than one pass per pair.
    let named: HashSet<&PersonId> = people.iter().collect();
    let mut known: HashSet<(PersonId, PersonId)> = HashSet::new();
    let mut to_confirm = Vec::new();
    for (at, r) in net.relationships.iter().enumerate() {
        if named.contains(&r.a) && named.contains(&r.b) {
            known.insert((r.a.clone(), r.b.clone()));
            known.insert((r.b.clone(), r.a.clone()));
            if r.inferred.is_some() {
                to_confirm.push(at);
            }
        }
    }
    for &at in &to_confirm {
        net.relationships[at].inferred = None;
    }
    let mut new = Vec::new();
    for (i, a) in people.iter().enumerate() {
        for b in &people[i + 1..] {
            if !known.contains(&(a.clone(), b.clone())) {
                let mut r = Relationship::new(a.clone(), b.clone());
                r.kind = Some(INTRODUCED.into());
                r.since = Some(date);
                new.push(r);
            }
        }
    }
    let new_relationships = new.len();
    net.relationships.extend(new);
    let introduction = Introduction {
        date,
        people,
        note,
        extra: Extra::new(),
    };
    net.introductions.push(introduction.clone());
    Introduced {
        introduction,
        new_relationships,
        confirmed: to_confirm.len(),
        already_recorded: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::net;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    #[test]
    fn new_pairs_are_made_and_an_inferred_pair_is_confirmed_with_its_kind() {
        let mut n = net(4, &[(0, 1), (1, 2)]);
        n.relationships[0].inferred = Some("same company: Ocado".into());
        n.relationships[0].kind = Some("colleague".into());
        let ids: Vec<PersonId> = ["p0", "p1", "p2"].map(PersonId::from).to_vec();
        let got = introduce(&mut n, ids.clone(), day(), None);
        assert_eq!((got.new_relationships, got.confirmed), (1, 1));
        assert_eq!(n.relationships[0].inferred, None);
        assert_eq!(n.relationships[0].kind.as_deref(), Some("colleague"));
        let made = &n.relationships[2];
        assert!(made.joins(&ids[0], &ids[2]));
        assert_eq!(
            (made.kind.as_deref(), made.since),
            (Some(INTRODUCED), Some(day()))
        );
        let again = introduce(&mut n, ids, day(), None);
        assert!(again.already_recorded);
        assert_eq!((n.relationships.len(), n.introductions.len()), (3, 1));
    }
}
