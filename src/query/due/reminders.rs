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
mod tests {
    use super::*;
    use crate::model::{Extra, Reminder};
    use serde_json::Value;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn net() -> Network {
        let person = |id: &str, tag: &str| Person {
            id: id.into(),
            name: id.to_uppercase().into(),
            every: Some("7d".into()),
            tags: vec![tag.into()],
            added: Some(d("2026-01-01")),
            ..Person::default()
        };
        let reminder = |date: &str, who: &str, text: &str| Reminder {
            date: d(date),
            person: who.into(),
            text: text.into(),
            extra: Extra::new(),
        };
        let mut net = Network {
            people: vec![person("ada", "work"), person("bo", "family")],
            reminders: vec![
                reminder("2026-12-01", "ada", "later"),
                reminder("2026-11-25", "bo", "today"),
                reminder("2026-11-20", "ada", "late"),
            ],
            ..Network::default()
        };
        net.people[0]
            .extra
            .insert(SNOOZED_UNTIL.into(), Value::String("2026-11-30".into()));
        net
    }

    #[test]
    fn reminders_show_from_their_day_oldest_first_and_filter_by_person() {
        let net = net();
        let today = d("2026-11-25");
        fn texts(list: Vec<Reminded<'_>>) -> Vec<String> {
            list.iter().map(|r| r.text.to_string()).collect()
        }
        assert_eq!(
            texts(reminders(&net, today, today, |_| true)),
            ["late", "today"]
        );
        assert_eq!(
            texts(reminders(&net, today, d("2026-12-01"), |_| true)),
            ["late", "today", "later"]
        );
        let work = |p: &Person| p.tags.iter().any(|t| t == "work");
        assert_eq!(texts(reminders(&net, today, today, work)), ["late"]);
        let r = &reminders(&net, today, today, |_| true)[0];
        assert_eq!((r.days_late, r.name), (5, "ADA"));
        assert_eq!(r.reference, refs::reminder(&net.reminders[2]));
    }

    #[test]
    fn a_snooze_sets_the_cadence_aside_until_its_day() {
        let net = net();
        let report = super::super::due(
            &net,
            d("2026-11-25"),
            d("2026-11-25"),
            d("2026-11-25"),
            None,
        );
        let due: Vec<&str> = report.due.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(due, ["bo"]);
        assert_eq!(report.snoozed.len(), 1);
        assert_eq!(report.snoozed[0].1, d("2026-11-30"));
        // Reminders are not snoozed: they are what the owner asked for.
        assert_eq!(report.reminders.len(), 2);
        let back = super::super::due(
            &net,
            d("2026-11-30"),
            d("2026-11-30"),
            d("2026-11-30"),
            None,
        );
        assert_eq!(back.due.len(), 2);
        assert!(back.snoozed.is_empty());
        let listed = snoozed(&net, d("2026-11-25"));
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].id.as_str(), listed[0].days_left), ("ada", 5));
        assert!(snoozed(&net, d("2026-11-30")).is_empty());
    }
}
