//! Everything about one person, as `show` prints it.

use serde::Serialize;

use chrono::NaiveDate;

use crate::extra_fields::{self as fields, BIRTHDAY};
use crate::model::{Interaction, Introduction, Network, Person, PersonId};
use crate::query::due::occasions::{self, Occasion};
use crate::query::due::reminders::{self, Reminded};
use crate::query::due::{self, CountedFrom, TagCadences};
use crate::refs::{self, WithRef};

#[derive(Debug, Serialize)]
pub struct Profile<'a> {
    #[serde(flatten)]
    pub person: &'a Person,
    /// Who they know among your contacts, closest first.
    pub relationships: Vec<Tie<'a>>,
    /// Your contact with them, newest first, each with its short id (`ref`).
    pub interactions: Vec<WithRef<'a, Interaction>>,
    /// Introductions they were part of, newest first, each with its short id (`ref`).
    pub introductions: Vec<WithRef<'a, Introduction>>,
    /// The latest interaction or introduction that includes them (null: never).
    pub last_contact: Option<NaiveDate>,
    /// The cadence that applies: their own `every`, else their tags' (null: none).
    pub cadence: Option<String>,
    /// The tag the cadence comes from (null when it is their own or there is none).
    pub cadence_tag: Option<&'a str>,
    /// When they are next due for contact (null without a cadence).
    pub next_due: Option<NaiveDate>,
    /// What `next_due` counts from: last_contact, met, added, or nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_from: Option<CountedFrom>,
    /// Their age today, when the birthday's year is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<i32>,
    /// Their birthday and anniversary as they next come round.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occasions: Vec<Occasion<'a>>,
    /// The day `due` lists them again, while a snooze is on (`snoozed_until`, as stored,
    /// stays in the person's fields after it ends).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snoozed: Option<NaiveDate>,
    /// One-off reminders about them, soonest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<Reminded<'a>>,
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
    /// Why netweb guessed this tie (`infer`, a calendar import) while the owner has not
    /// confirmed it (`link` or `intro` on the pair does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<&'a str>,
}

pub fn profile<'a>(net: &'a Network, id: &PersonId, today: NaiveDate) -> Profile<'a> {
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
                inferred: r.inferred.as_deref(),
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
    let last = due::last_contacts(net).get(id).copied();
    let schedule = due::schedule(person, last.as_ref(), &TagCadences::new(net), today);
    Profile {
        person,
        relationships,
        interactions: interactions
            .into_iter()
            .map(refs::with_interaction)
            .collect(),
        introductions: introductions
            .into_iter()
            .map(refs::with_introduction)
            .collect(),
        last_contact: last.map(|c| c.date),
        cadence: schedule.map(|s| s.every.cadence.to_string()),
        cadence_tag: schedule.and_then(|s| s.every.tag),
        next_due: schedule.map(|s| s.due),
        counted_from: schedule.map(|s| s.from),
        age: fields::annual(person, BIRTHDAY).and_then(|b| b.years_on(today)),
        occasions: occasions::of(person, today),
        snoozed: reminders::snoozed_until(person, today),
        reminders: reminders::reminders(net, today, NaiveDate::MAX, |p| &p.id == id),
    }
}
