//! From events to occurrences: a recurring event becomes one occurrence per date its
//! rule gives (RRULE with COUNT or UNTIL, RDATE, less EXDATE), a changed occurrence (a
//! VEVENT with the series' UID and a RECURRENCE-ID) replaces the one it names, and what is
//! cancelled or still to come is counted, not kept. The `rrule` crate expands the rules.
//!
//! An occurrence is known by its series' UID and the day it was planned on (the
//! RECURRENCE-ID's day for a changed one), so a meeting moved by a day in a newer export
//! is still the meeting already logged.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate};
use rrule::{RRule, Tz, Unvalidated};

use super::events::{Attendee, Event, Read, Skip, describe};
use super::moment::Moment;

/// A series with more occurrences than this before today (a rule repeating every minute)
/// is read only that far.
pub const MAX_OCCURRENCES: usize = 20_000;

/// One time an event took place.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// The series' UID and the day the occurrence was planned on: `UID/2026-03-02`.
    pub key: String,
    pub date: NaiveDate,
    pub summary: Option<String>,
    pub attendees: Vec<Attendee>,
}

/// The past occurrences of a calendar, in date order, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    pub past: Vec<Occurrence>,
    /// Events (a series counts once) with occurrences from today on, not logged.
    pub future: usize,
    /// Past occurrences that were cancelled.
    pub cancelled: usize,
    pub skipped: Vec<Skip>,
}

/// Expands every event of the calendar up to (not including) `today`.
pub fn expand(read: &Read, today: NaiveDate) -> Expanded {
    let mut out = Expanded {
        skipped: read.skipped.clone(),
        ..Expanded::default()
    };
    // Events by series: a UID's main event and its changed occurrences. An event
    // without a UID (against the RFC, but written) is a series of its own.
    let mut series: BTreeMap<String, (Vec<&Event>, Vec<&Event>)> = BTreeMap::new();
    for e in &read.events {
        let uid = match &e.uid {
            Some(uid) => uid.clone(),
            None => format!("event {} {}", e.number, e.summary.as_deref().unwrap_or("")),
        };
        let entry = series.entry(uid).or_default();
        match e.recurrence_id {
            None => entry.0.push(e),
            Some(_) => entry.1.push(e),
        }
    }
    for (uid, (mains, changed)) in series {
        let mut seen = HashSet::new();
        let mut used = vec![false; changed.len()];
        let mut ahead = false;
        for main in mains {
            let starts = match starts(main, today, read.zone) {
                Ok(s) => s,
                Err(reason) => {
                    out.skipped.push(Skip {
                        event: describe(main.number, main.summary.as_deref(), main.uid.as_deref()),
                        reason,
                    });
                    continue;
                }
            };
            ahead |= starts.ahead;
            if starts.past.len() == MAX_OCCURRENCES {
                out.skipped.push(Skip {
                    event: describe(main.number, main.summary.as_deref(), main.uid.as_deref()),
                    reason: format!(
                        "it repeats too often: only its first {MAX_OCCURRENCES} occurrences were read"
                    ),
                });
            }
            for at in starts.past {
                let planned = main.start.day_of(at, read.zone);
                let change = changed.iter().position(|c| {
                    c.recurrence_id
                        .is_some_and(|rid| same_time(rid, at, planned, read.zone))
                });
                let event = match change {
                    Some(i) => {
                        used[i] = true;
                        changed[i]
                    }
                    None => main,
                };
                let date = match change {
                    Some(_) => event.start.day(read.zone),
                    None => planned,
                };
                if date >= today {
                    ahead = true;
                } else if event.cancelled {
                    out.cancelled += 1;
                } else if seen.insert(planned) {
                    out.past.push(occurrence(&uid, planned, date, event));
                }
            }
        }
        // A changed occurrence whose series is not in the file, or whose date the rule
        // does not give: it happened all the same.
        for (c, _) in changed.iter().zip(used).filter(|(_, used)| !used) {
            let planned = c.recurrence_id.map_or(c.start, |r| r).day(read.zone);
            let date = c.start.day(read.zone);
            if date >= today {
                ahead = true;
            } else if c.cancelled {
                out.cancelled += 1;
            } else if seen.insert(planned) {
                out.past.push(occurrence(&uid, planned, date, c));
            }
        }
        out.future += usize::from(ahead);
    }
    out.past
        .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.key.cmp(&b.key)));
    out
}

fn occurrence(uid: &str, planned: NaiveDate, date: NaiveDate, e: &Event) -> Occurrence {
    Occurrence {
        key: format!("{uid}/{planned}"),
        date,
        summary: e.summary.clone(),
        attendees: e.attendees.clone(),
    }
}

/// Whether a RECURRENCE-ID names the occurrence at `at`: the same instant, or the same
/// day when either is a date or a time of no known zone.
fn same_time(rid: Moment, at: DateTime<Tz>, day: NaiveDate, zone: Option<chrono_tz::Tz>) -> bool {
    rid.instant() == at || (loose(rid) && rid.day(zone) == day)
}

fn loose(m: Moment) -> bool {
    matches!(m, Moment::Date(_) | Moment::Local(_, None))
}

struct Starts {
    past: Vec<DateTime<Tz>>,
    ahead: bool,
}

/// When an event's occurrences start, those before `today`, and whether any is later.
fn starts(e: &Event, today: NaiveDate, zone: Option<chrono_tz::Tz>) -> Result<Starts, String> {
    let start = e.start.instant();
    let set = match &e.rrule {
        None => rrule::RRuleSet::new(start).rdate(start),
        Some(rule) => {
            let rule = until_in_utc(rule, e.start, e.wall_offset)?;
            let parsed: RRule<Unvalidated> = rule
                .parse()
                .map_err(|err| format!("its RRULE {rule:?} cannot be read: {err}"))?;
            parsed
                .build(start)
                .map_err(|err| format!("its RRULE {rule:?} cannot be used: {err}"))?
        }
    };
    let set = e
        .rdates
        .iter()
        .fold(set, |set, r| set.rdate(r.instant()))
        .limit();
    let excluded = |at: &DateTime<Tz>| {
        let day = e.start.day_of(*at, zone);
        e.exdates
            .iter()
            .any(|x| x.instant() == *at || (loose(*x) && x.day(zone) == day))
    };
    let mut past = Vec::new();
    let mut ahead = false;
    for at in &set {
        if e.start.day_of(at, zone) >= today {
            ahead = true;
            break;
        }
        if past.len() == MAX_OCCURRENCES {
            break;
        }
        if !excluded(&at) {
            past.push(at);
        }
    }
    Ok(Starts { past, ahead })
}

/// The rule with its UNTIL in UTC, as `rrule` wants it for a start in a zone; calendars
/// write it as a date, a local time or a UTC time. A start kept by its wall clock (a zone
/// of no IANA name) reads a UTC UNTIL on that wall clock, `wall_offset` ahead.
fn until_in_utc(rule: &str, start: Moment, wall_offset: Option<i32>) -> Result<String, String> {
    let shift = |until: Moment| match (start, until, wall_offset) {
        (Moment::Local(_, None), Moment::Utc(t), Some(s)) => {
            Moment::Utc(t + chrono::TimeDelta::seconds(i64::from(s)))
        }
        _ => until,
    };
    let parts: Result<Vec<String>, String> = rule
        .split(';')
        .map(|part| match part.split_once('=') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("UNTIL") => Moment::parse(v, None)
                .map(|until| format!("UNTIL={}", shift(until).until_text(start)))
                .ok_or_else(|| format!("its RRULE {rule:?} has an UNTIL that is no date: {v:?}")),
            _ => Ok(part.to_string()),
        })
        .collect();
    Ok(parts?.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::Calendar;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn expanded(body: &str, today: NaiveDate) -> Expanded {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n");
        expand(
            &super::super::events::read(&text.parse::<Calendar>().unwrap()),
            today,
        )
    }

    fn dates(e: &Expanded) -> Vec<(String, NaiveDate)> {
        e.past.iter().map(|o| (o.key.clone(), o.date)).collect()
    }

    #[test]
    fn a_weekly_series_with_count_exdate_and_a_moved_occurrence() {
        let e = expanded(
            "BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Weekly\r\n\
             DTSTART;TZID=Europe/London:20260302T090000\r\n\
             RRULE:FREQ=WEEKLY;COUNT=5\r\nEXDATE;TZID=Europe/London:20260309T090000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Weekly (moved)\r\n\
             RECURRENCE-ID;TZID=Europe/London:20260316T090000\r\n\
             DTSTART;TZID=Europe/London:20260317T090000\r\nEND:VEVENT\r\n",
            day(2026, 12, 1),
        );
        assert_eq!(
            dates(&e),
            [
                ("w/2026-03-02".into(), day(2026, 3, 2)),
                ("w/2026-03-16".into(), day(2026, 3, 17)),
                ("w/2026-03-23".into(), day(2026, 3, 23)),
                ("w/2026-03-30".into(), day(2026, 3, 30)),
            ]
        );
        assert_eq!(e.past[1].summary.as_deref(), Some("Weekly (moved)"));
        assert_eq!(e.future, 0);
    }

    #[test]
    fn until_as_a_date_cancelled_changes_and_the_future() {
        let e = expanded(
            "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20260302\r\n\
             RRULE:FREQ=DAILY;UNTIL=20260305\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:d\r\nRECURRENCE-ID;VALUE=DATE:20260303\r\n\
             DTSTART;VALUE=DATE:20260303\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260304T100000Z\r\n\
             RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n",
            day(2026, 3, 5),
        );
        assert_eq!(
            dates(&e),
            [
                ("d/2026-03-02".into(), day(2026, 3, 2)),
                ("d/2026-03-04".into(), day(2026, 3, 4)),
                ("f/2026-03-04".into(), day(2026, 3, 4)),
            ]
        );
        assert_eq!((e.cancelled, e.future), (1, 2));
    }

    #[test]
    fn outlooks_zones_end_their_series_on_the_last_occurrence() {
        // 23:30 in Berlin (CET) is 22:30 UTC: the UNTIL is the third occurrence.
        let e = expanded(
            "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\n\
             DTSTART:16010101T030000\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:o\r\nDTSTART;TZID=W. Europe Standard Time:20261103T233000\r\n\
             RRULE:FREQ=WEEKLY;UNTIL=20261117T223000Z\r\nEND:VEVENT\r\n",
            day(2026, 12, 1),
        );
        let days: Vec<NaiveDate> = e.past.iter().map(|o| o.date).collect();
        assert_eq!(
            days,
            [day(2026, 11, 3), day(2026, 11, 10), day(2026, 11, 17)]
        );
    }

    #[test]
    fn a_rule_repeating_every_minute_is_read_only_so_far() {
        let e = expanded(
            "BEGIN:VEVENT\r\nUID:m\r\nDTSTART:20260101T000000Z\r\n\
             RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n",
            day(2026, 12, 1),
        );
        // One occurrence a day is kept: the minutes of a day are one meeting.
        assert_eq!(e.past.len(), MAX_OCCURRENCES / (24 * 60) + 1);
        assert!(
            e.skipped[0].reason.starts_with("it repeats too often"),
            "{:?}",
            e.skipped
        );
    }

    #[test]
    fn a_bad_rule_skips_its_event_with_the_reason() {
        let e = expanded(
            "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Odd\r\nDTSTART:20260302T100000Z\r\n\
             RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n",
            day(2026, 12, 1),
        );
        assert!(e.past.is_empty());
        assert_eq!(e.skipped[0].event, "event 1 \"Odd\" (uid b)");
        assert!(
            e.skipped[0]
                .reason
                .starts_with("its RRULE \"FREQ=SOMETIMES\" cannot be read"),
            "{:?}",
            e.skipped
        );
    }
}
