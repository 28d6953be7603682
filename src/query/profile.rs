//! Everything about one person, as `show` prints it.

use serde::Serialize;

use crate::model::{Interaction, Introduction, Network, Person, PersonId};

#[derive(Debug, Serialize)]
pub struct Profile<'a> {
    #[serde(flatten)]
    pub person: &'a Person,
    /// Who they know among your contacts, closest first.
    pub relationships: Vec<Tie<'a>>,
    /// Your contact with them, newest first.
    pub interactions: Vec<&'a Interaction>,
    /// Introductions they were part of, newest first.
    pub introductions: Vec<&'a Introduction>,
}

/// One relationship seen from the person's side.
#[derive(Debug, Serialize)]
pub struct Tie<'a> {
    pub id: &'a PersonId,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

pub fn profile<'a>(net: &'a Network, id: &PersonId) -> Profile<'a> {
    let person = net.person(id).expect("resolved ids exist");
    let mut relationships: Vec<Tie> = net
        .relationships
        .iter()
        .filter(|r| r.touches(id))
        .map(|r| {
            let other = r.other(id);
            Tie {
                id: other,
                name: net.name_of(other),
                kind: r.kind.as_deref(),
                strength: r.strength,
                since: r.since,
                note: r.note.as_deref(),
            }
        })
        .collect();
    relationships.sort_by(|x, y| y.strength.cmp(&x.strength).then_with(|| x.name.cmp(y.name)));
    let mut interactions: Vec<&Interaction> = net
        .interactions
        .iter()
        .filter(|x| x.people.contains(id))
        .collect();
    interactions.sort_by_key(|x| std::cmp::Reverse(x.date));
    let mut introductions: Vec<&Introduction> = net
        .introductions
        .iter()
        .filter(|x| x.people.contains(id))
        .collect();
    introductions.sort_by_key(|x| std::cmp::Reverse(x.date));
    Profile {
        person,
        relationships,
        interactions,
        introductions,
    }
}
