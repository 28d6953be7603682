//! `export --format ics`: an iCalendar (RFC 5545) feed of what `due` knows, for a
//! calendar app to show beside the owner's day: contacts falling due, birthdays and
//! anniversaries (repeating yearly), introductions to follow up and one-off reminders.
//!
//! Every event is all-day and transparent (it does not make the owner look busy), with a
//! UID that depends only on what it is about (`entries`), so a calendar subscribed to a
//! re-exported file updates its events instead of doubling them. Written with the
//! `icalendar` crate, which folds long lines and escapes text as the RFC asks.

mod entries;

use chrono::{DateTime, Datelike, Days, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

pub use entries::{Entry, entries};

use crate::model::Network;

/// The feed as of `today`, stamped `now` (DTSTAMP: when it was made). Returns the file's
/// bytes and how many events it holds.
pub fn write(net: &Network, today: chrono::NaiveDate, now: DateTime<Utc>) -> (Vec<u8>, usize) {
    let list = entries(net, today);
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            concat!("-//netweb//netweb ", env!("CARGO_PKG_VERSION"), "//EN"),
        ),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal.name("netweb")
        .description("Whom to get in touch with, birthdays and reminders, from netweb")
        // Subscribed calendars check back this often (a day: due dates move daily).
        .ttl(&chrono::Duration::days(1));
    for e in &list {
        cal.push(event(e, now));
    }
    (cal.done().to_string().into_bytes(), list.len())
}

fn event(e: &Entry, now: DateTime<Utc>) -> Event {
    let mut ev = Event::new();
    ev.uid(&e.uid)
        .timestamp(now)
        .starts(e.day)
        .ends(e.day.checked_add_days(Days::new(1)).unwrap_or(e.day))
        .summary(&plain(&e.summary))
        .description(&plain(&e.description))
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("CATEGORIES", format!("netweb,{}", e.kind));
    if e.yearly {
        ev.add_property("RRULE", yearly_rule(e.day));
    }
    ev.done()
}

/// Every year on the day; a 29 February on the last day of February, since a yearly
/// rule skips the years where its day does not exist.
fn yearly_rule(day: chrono::NaiveDate) -> String {
    if (day.month(), day.day()) == (2, 29) {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1".to_string()
    } else {
        "FREQ=YEARLY".to_string()
    }
}

/// Text as a calendar line may hold it: line breaks as `\n` (the crate escapes those),
/// other control characters (a carriage return would end the line early) left out.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests;
