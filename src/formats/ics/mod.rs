//! A calendar export (iCalendar, `.ics`: Google Calendar, Apple Calendar, Outlook,
//! Thunderbird) as contact history: every past meeting with contacts becomes an
//! interaction, and a small meeting says that the contacts on it know each other.
//!
//! The jobs, in order: `events` reads the VEVENTs (with the `icalendar` crate, which
//! unfolds lines and reads CRLF or LF), `moment` places their dates, `occurrences`
//! expands recurring ones (with the `rrule` crate), `attendees` tells the owner, contacts
//! and strangers apart, `unknown` counts (and with `--add-unknown` adds) the strangers, and
//! `plan` decides what to log and which ties to record.

pub mod attendees;
pub mod events;
pub mod moment;
pub mod occurrences;
pub mod plan;
pub mod unknown;

use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

pub use occurrences::Expanded;

/// Whether a text is a calendar: it starts with `BEGIN:VCALENDAR`.
pub fn is_calendar(text: &str) -> bool {
    text.trim_start()
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// A calendar file, read: its past occurrences and how many events it holds.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub expanded: Expanded,
    pub events: usize,
    /// `X-WR-CALNAME`, which Google sets to the owner's address: a hint for `--me`.
    pub name: Option<String>,
}

/// Reads a calendar file's text and expands it up to `today`. A file that is no
/// calendar, or is cut short, is an error: nothing of it is imported.
pub fn read(path: &Path, text: &str, today: NaiveDate) -> Result<Calendar> {
    let shown = path.display();
    if !is_calendar(text) {
        return Err(anyhow!(
            "{shown} is not an iCalendar file: it does not start with BEGIN:VCALENDAR\nhint: \
             nothing was imported; export the calendar as .ics (Google Calendar: Settings > \
             Import & export; Apple Calendar: File > Export; Outlook: Save Calendar)"
        ));
    }
    let calendar: icalendar::Calendar = text.parse().map_err(|e: String| {
        // The parser's message spans lines, with the text around the spot; the line it
        // names is enough.
        let at = e
            .split_once("at line ")
            .map(|(_, rest)| {
                rest.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .filter(|n| !n.is_empty())
            .map(|n| format!(" (at line {n}, lines unfolded)"))
            .unwrap_or_default();
        anyhow!(
            "{shown} is not a complete iCalendar file{at}: every BEGIN needs its END, and the \
             file ends with END:VCALENDAR\nhint: nothing was imported; a file cut short (a \
             download that stopped) can be exported again"
        )
    })?;
    let read = events::read(&calendar);
    Ok(Calendar {
        events: read.total,
        name: read.name.clone(),
        expanded: occurrences::expand(&read, today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_calendar_and_cut_short_are_errors() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let e = read(Path::new("x.ics"), "hello\n", today).unwrap_err();
        assert!(
            format!("{e:#}").starts_with("x.ics is not an iCalendar file"),
            "{e:#}"
        );
        let cut = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\n";
        let e = read(Path::new("x.ics"), cut, today).unwrap_err();
        assert!(
            format!("{e:#}").starts_with("x.ics is not a complete iCalendar file (at line"),
            "{e:#}"
        );
        let ok = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260302T100000Z\r\n\
                  END:VEVENT\r\nEND:VCALENDAR\r\n";
        let c = read(Path::new("x.ics"), ok, today).unwrap();
        assert_eq!((c.events, c.expanded.past.len()), (1, 1));
    }
}
