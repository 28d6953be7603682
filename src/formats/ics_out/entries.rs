//! What the calendar feed holds, decided from `due`'s own structs: one entry per thing
//! `due` knows, each with a UID that stays the same from one export to the next.
//!
//! What `due` shows today (someone overdue, an introduction waiting for a follow-up, a
//! reminder whose day has passed) is placed on the export's day, so a daily re-export
//! keeps it in front of the owner instead of leaving it behind in the past; what comes
//! later is placed on its own day. A snoozed person is placed on the day the snooze ends
//! (or their due date, if later). Birthdays and anniversaries repeat every year.

use chrono::NaiveDate;

use crate::annual::AnnualDate;
use crate::extra_fields as fields;
use crate::model::Network;
use crate::query::due::occasions::Kind;
use crate::query::due::{self, CountedFrom, Due, follow_ups};
use crate::text::join_names;

/// One event of the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable: the person's id (or the introduction's or reminder's short id) and the
    /// kind of entry, so a re-export replaces the event instead of adding another.
    pub uid: String,
    /// The (first) day of the all-day event.
    pub day: NaiveDate,
    /// Every year on `day`'s month and day, from `day` on.
    pub yearly: bool,
    pub summary: String,
    pub description: String,
    /// `cadence`, `reminder`, `follow-up`, `birthday` or `anniversary`.
    pub kind: &'static str,
}

/// Every entry for `net` as of `today`, ordered by UID (a stable order, so two exports of
/// the same network differ only where the network or the date does).
pub fn entries(net: &Network, today: NaiveDate) -> Vec<Entry> {
    // Everyone with a cadence, however far ahead they are due.
    let report = due::due(net, today, NaiveDate::MAX, today, None);
    let mut out = Vec::new();
    for r in &report.reminders {
        out.push(Entry {
            uid: format!("{}-reminder-{}@netweb", r.id, r.reference),
            day: r.date.max(today),
            yearly: false,
            summary: format!("{}: {}", r.name, r.text),
            description: format!(
                "A reminder for {}; `netweb remind --done {}` once it is done.",
                r.date, r.reference
            ),
            kind: "reminder",
        });
    }
    let snoozed = report.snoozed.iter().map(|(d, until)| (d, Some(*until)));
    for (d, until) in report.due.iter().map(|d| (d, None)).chain(snoozed) {
        if d.due == NaiveDate::MAX {
            continue;
        }
        let day = d.due.max(until.unwrap_or(today));
        out.push(Entry {
            uid: format!("{}-cadence@netweb", d.id),
            day,
            yearly: false,
            summary: format!("Get in touch with {}", d.name),
            description: cadence_description(d, until),
            kind: "cadence",
        });
    }
    let last = due::last_contacts(net);
    for f in follow_ups::unanswered(net, &last, today, Some(NaiveDate::MAX), |_| true) {
        let about = f.note.map(|n| format!(" ({n})")).unwrap_or_default();
        out.push(Entry {
            uid: format!("follow-up-{}@netweb", f.reference),
            day: f.from().max(today),
            yearly: false,
            summary: format!("Ask how the introduction went: {}", join_names(&f.names)),
            description: format!(
                "You introduced {} on {}{about}, with no contact with them since.",
                join_names(&f.names),
                f.date
            ),
            kind: "follow-up",
        });
    }
    for p in &net.people {
        for kind in [Kind::Birthday, Kind::Anniversary] {
            let Some(date) = fields::annual(p, kind.key()) else {
                continue;
            };
            out.push(yearly(p.id.as_str(), &p.name, kind, date));
        }
    }
    out.sort_by(|a, b| a.uid.cmp(&b.uid));
    out
}

/// A birthday or anniversary, every year from the year it started (2000, a leap year,
/// when the year is not known).
fn yearly(id: &str, name: &str, kind: Kind, date: AnnualDate) -> Entry {
    let (what, since) = match kind {
        Kind::Birthday => ("birthday", "Born"),
        Kind::Anniversary => ("anniversary", "Since"),
    };
    let key = kind.key();
    let description = match date.year {
        Some(_) => format!("{since} {date}."),
        None => "The year is not known.".to_string(),
    };
    Entry {
        uid: format!("{id}-{key}@netweb"),
        day: date.in_year(date.year.unwrap_or(2000)),
        yearly: true,
        summary: format!("{name}'s {what}"),
        description,
        kind: key,
    }
}

/// "Every 30d (from the tag family). Last contact 2026-06-02: coffee: an hour on ...
/// Due since 2026-07-02."
fn cadence_description(d: &Due, until: Option<NaiveDate>) -> String {
    let every = match d.cadence_tag {
        Some(tag) => format!("Every {} (from the tag {tag}).", d.cadence),
        None => format!("Every {}.", d.cadence),
    };
    let last = match (d.last_contact, d.last_kind, d.last_note) {
        (Some(date), Some(k), Some(n)) => format!("Last contact {date}: {k}: {n}."),
        (Some(date), Some(k), None) => format!("Last contact {date}: {k}."),
        (Some(date), None, Some(n)) => format!("Last contact {date}: {n}."),
        (Some(date), None, None) => format!("Last contact {date}."),
        (None, ..) => match (d.counted_from, d.start) {
            (CountedFrom::Met, Some(s)) => format!("Never logged; met {s}."),
            (CountedFrom::Added, Some(s)) => format!("Never logged; added {s}."),
            _ => "Never logged.".to_string(),
        },
    };
    let due = match until {
        Some(u) => format!("Due {}; snoozed until {u}.", d.due),
        None => format!("Due {}.", d.due),
    };
    format!("{every} {last} {due}")
}
