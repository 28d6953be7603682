//! Introductions to follow up: made a while ago, with no contact with any of their
//! people since. `due` lists those at least `FOLLOW_UP_AFTER_DAYS` old; the calendar
//! export also places the younger ones on the day they will be.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::schedule::Contact;
use crate::model::{Introduction, Network, PersonId};

/// An introduction is worth a follow-up once it is this many days old.
pub const FOLLOW_UP_AFTER_DAYS: u64 = 14;

/// An introduction made a while ago, with no contact with any of its people since.
#[derive(Debug, Serialize)]
pub struct FollowUp<'a> {
    /// The introduction's short id (as `intros` prints it).
    #[serde(rename = "ref")]
    pub reference: String,
    pub date: NaiveDate,
    pub days_ago: i64,
    pub people: &'a [PersonId],
    pub names: Vec<&'a str>,
    pub note: Option<&'a str>,
}

impl FollowUp<'_> {
    /// The day it is worth a follow-up: `FOLLOW_UP_AFTER_DAYS` after the introduction.
    pub fn from(&self) -> NaiveDate {
        self.date
            .checked_add_days(Days::new(FOLLOW_UP_AFTER_DAYS))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// The introductions made on or before `made_by` with no contact since with any of
/// their people (`last`: everyone's latest contact), among those `keep` accepts (with
/// a tag filter: those that include someone with the tag). Oldest first.
pub fn unanswered<'a>(
    net: &'a Network,
    last: &HashMap<&PersonId, Contact>,
    today: NaiveDate,
    made_by: Option<NaiveDate>,
    keep: impl Fn(&Introduction) -> bool,
) -> Vec<FollowUp<'a>> {
    let mut out: Vec<FollowUp> = net
        .introductions
        .iter()
        .filter(|x| made_by.is_some_and(|c| x.date <= c))
        .filter(|x| {
            x.people
                .iter()
                .all(|id| last.get(id).is_none_or(|c| c.date <= x.date))
        })
        .filter(|x| keep(x))
        .map(|x| FollowUp {
            reference: crate::refs::introduction(x),
            date: x.date,
            days_ago: (today - x.date).num_days(),
            people: &x.people,
            names: x.people.iter().map(|id| net.name_of(id)).collect(),
            note: x.note.as_deref(),
        })
        .collect();
    out.sort_by_key(|f| f.date);
    out
}
