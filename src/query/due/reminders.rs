//! One-off reminders (`netweb remind`) and snoozes (`netweb snooze`): what the owner
//! asked to be told on a day, and whom not to be nagged about until a day.

use chrono::NaiveDate;
use serde::Serialize;

use super::by_name;
use crate::extra_fields::{self as fields, SNOOZED_UNTIL};
use crate::model::{Network, Person, PersonId};
use crate::refs;

/// A one-off reminder, as `due` and `remind --list` show it.
#[derive(Debug, Serialize)]
pub struct Reminded<'a> {
    /// Its short id, for `remind --done REF`.
    #[serde(rename = "ref")]
    pub reference: String,
    pub date: NaiveDate,
    /// Days since its date; negative while it is still ahead.
    pub days_late: i64,
    /// The person it is about.
    pub id: &'a PersonId,
    pub name: &'a str,
    pub text: &'a str,
}

/// The reminders dated up to `horizon` about people `keep` accepts, by date (the
/// oldest, most pressing, first), then name.
pub fn reminders<'a>(
    net: &'a Network,
    today: NaiveDate,
    horizon: NaiveDate,
    keep: impl Fn(&Person) -> bool,
) -> Vec<Reminded<'a>> {
    let mut out: Vec<Reminded> = net
        .reminders
        .iter()
        .filter(|r| r.date <= horizon)
        .filter(|r| net.person(&r.person).is_some_and(&keep))
        .map(|r| Reminded {
            reference: refs::reminder(r),
            date: r.date,
            days_late: (today - r.date).num_days(),
            id: &r.person,
            name: net.name_of(&r.person),
            text: &r.text,
        })
        .collect();
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| by_name((a.name, &a.reference), (b.name, &b.reference)))
    });
    out
}

/// The day a person's snooze ends, if it is still on `today` (a snooze ends on its
/// day: they are back then). An unreadable value snoozes no one.
pub fn snoozed_until(p: &Person, today: NaiveDate) -> Option<NaiveDate> {
    fields::date(p, SNOOZED_UNTIL).filter(|until| *until > today)
}

/// One snoozed person, as `netweb snooze` lists them.
#[derive(Debug, Serialize)]
pub struct Snoozed<'a> {
    pub id: &'a PersonId,
    pub name: &'a str,
    /// The day they are back in `due`.
    pub until: NaiveDate,
    pub days_left: i64,
}

/// Everyone snoozed on `today`, the soonest back first.
pub fn snoozed(net: &Network, today: NaiveDate) -> Vec<Snoozed<'_>> {
    let mut out: Vec<Snoozed> = net
        .people
        .iter()
        .filter_map(|p| {
            let until = snoozed_until(p, today)?;
            Some(Snoozed {
                id: &p.id,
                name: &p.name,
                until,
                days_left: (until - today).num_days(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.until
            .cmp(&b.until)
            .then_with(|| by_name((a.name, a.id.as_str()), (b.name, b.id.as_str())))
    });
    out
}

#[cfg(test)]
mod tests;
