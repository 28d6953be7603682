//! Past introductions, newest first, with names for display.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Network, PersonId};

#[derive(Debug, Serialize)]
pub struct Made<'a> {
    /// The short id `netweb forget` takes.
    #[serde(rename = "ref")]
    pub id: String,
    pub date: NaiveDate,
    pub people: &'a [PersonId],
    pub names: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

pub fn intros(net: &Network) -> Vec<Made<'_>> {
    let mut out: Vec<Made> = net
        .introductions
        .iter()
        .map(|x| Made {
            id: crate::refs::introduction(x),
            date: x.date,
            people: &x.people,
            names: x.people.iter().map(|id| net.name_of(id)).collect(),
            note: x.note.as_deref(),
        })
        .collect();
    // Stable: introductions on the same day keep the order they were recorded in, newest last.
    out.reverse();
    out.sort_by_key(|m| std::cmp::Reverse(m.date));
    out
}
