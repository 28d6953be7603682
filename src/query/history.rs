//! One person's whole timeline, oldest first: when they were added and met, every
//! interaction and introduction (with the short ids `forget` takes), when each
//! relationship began, and the recorded changes that touched them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Network, PersonId};
use crate::refs;

/// A recorded change to the file, as the command layer read it from the history.
pub struct Change<'a> {
    /// `YYYY-MM-DD HH:MM UTC`.
    pub at: &'a str,
    pub command: &'a str,
    pub undone: bool,
}

#[derive(Debug, Serialize)]
pub struct Event {
    pub date: NaiveDate,
    /// added, met, interaction, introduction, relationship, change
    pub what: &'static str,
    /// The short id of an interaction or introduction (for `netweb forget`).
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A line a person reads: "call: the mainsail is fixed", "with Nora Hale".
    pub text: String,
}

pub fn timeline(net: &Network, id: &PersonId, changes: &[Change]) -> Vec<Event> {
    let person = net.person(id).expect("resolved ids exist");
    let others = |people: &[PersonId]| -> String {
        let names: Vec<&str> = people
            .iter()
            .filter(|p| *p != id)
            .map(|p| net.name_of(p))
            .collect();
        names.join(", ")
    };
    let mut events = Vec::new();
    let mut push = |date, what, id, text: String| {
        events.push(Event {
            date,
            what,
            id,
            text,
        })
    };
    if let Some(d) = person.added {
        push(d, "added", None, "added to your network".to_string());
    }
    if let Some(d) = person.met {
        push(d, "met", None, "you met".to_string());
    }
    for x in net.interactions.iter().filter(|x| x.people.contains(id)) {
        let mut text = x.kind.clone().unwrap_or_else(|| "contact".to_string());
        let with = others(&x.people);
        if !with.is_empty() {
            text.push_str(&format!(" (with {with})"));
        }
        if let Some(n) = &x.note {
            text.push_str(&format!(": {n}"));
        }
        push(x.date, "interaction", Some(refs::interaction(x)), text);
    }
    for x in net.introductions.iter().filter(|x| x.people.contains(id)) {
        let mut text = format!("introduced to {}", others(&x.people));
        if let Some(n) = &x.note {
            text.push_str(&format!(": {n}"));
        }
        push(x.date, "introduction", Some(refs::introduction(x)), text);
    }
    for r in net.relationships.iter().filter(|r| r.touches(id)) {
        if let Some(d) = r.since {
            let kind = r.kind.as_deref().unwrap_or("knows");
            push(
                d,
                "relationship",
                None,
                format!("{kind}: {}", net.name_of(r.other(id))),
            );
        }
    }
    for c in changes {
        let Some(date) = c.at.get(..10).and_then(|d| d.parse().ok()) else {
            continue;
        };
        let undone = if c.undone { " (undone)" } else { "" };
        push(date, "change", None, format!("{}{undone}", c.command));
    }
    // Stable, so same-day events keep the order above (and the file's order).
    events.sort_by_key(|e| e.date);
    events
}
