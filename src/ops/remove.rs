//! Removing a person and every reference to them.

use serde::Serialize;

use crate::model::{Network, Person, PersonId};

/// What a removal took with it.
#[derive(Debug, Serialize)]
pub struct Removed {
    pub person: Person,
    /// Relationships with the person, all deleted.
    pub relationships: usize,
    /// Interactions that were only with this person, deleted.
    pub interactions_deleted: usize,
    /// Group interactions the person was taken out of.
    pub interactions_updated: usize,
    /// Introductions left with fewer than two people, deleted.
    pub introductions_deleted: usize,
    /// Introductions of three or more the person was taken out of.
    pub introductions_updated: usize,
    /// Reminders about the person, deleted.
    pub reminders_deleted: usize,
}

/// Removes a person and every reference to them, so no id dangles.
pub fn remove(net: &mut Network, id: &PersonId) -> Removed {
    let at = net
        .people
        .iter()
        .position(|p| &p.id == id)
        .expect("resolved ids exist");
    let person = net.people.remove(at);
    let before = net.relationships.len();
    net.relationships.retain(|r| !r.touches(id));
    let relationships = before - net.relationships.len();

    let (mut interactions_deleted, mut interactions_updated) = (0, 0);
    net.interactions.retain_mut(|x| {
        if !x.people.contains(id) {
            return true;
        }
        x.people.retain(|p| p != id);
        let keep = !x.people.is_empty();
        if keep {
            interactions_updated += 1
        } else {
            interactions_deleted += 1
        }
        keep
    });
    let (mut introductions_deleted, mut introductions_updated) = (0, 0);
    net.introductions.retain_mut(|x| {
        if !x.people.contains(id) {
            return true;
        }
        x.people.retain(|p| p != id);
        let keep = x.people.len() >= 2;
        if keep {
            introductions_updated += 1
        } else {
            introductions_deleted += 1
        }
        keep
    });
    let before = net.reminders.len();
    net.reminders.retain(|r| &r.person != id);
    let reminders_deleted = before - net.reminders.len();
    Removed {
        person,
        relationships,
        interactions_deleted,
        interactions_updated,
        introductions_deleted,
        introductions_updated,
        reminders_deleted,
    }
}
