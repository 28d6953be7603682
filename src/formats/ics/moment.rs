//! The date-times of a calendar (DTSTART, RECURRENCE-ID, EXDATE, RDATE): read from a
//! property's value and its TZID, placed on the time line for `rrule`, and turned back
//! into the day the event happened on.
//!
//! Only the day matters to netweb, so what cannot be placed exactly is kept by its wall
//! clock: a floating time, or a TZID that is no IANA name (Outlook writes "W. Europe
//! Standard Time" and defines it in a VTIMEZONE), counts as UTC, whose day is the one
//! written. Nothing depends on the machine's own time zone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rrule::Tz;

/// One value of a date-time property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// `VALUE=DATE`: an all-day event.
    Date(NaiveDate),
    /// `...Z`: an instant in UTC.
    Utc(NaiveDateTime),
    /// A wall-clock time in a named zone, or floating (`None`) when there is none or it
    /// is not an IANA name.
    Local(NaiveDateTime, Option<chrono_tz::Tz>),
}

impl Moment {
    /// Reads `20260302`, `20260302T100000Z` or `20260302T100000` (in `tzid`).
    pub fn parse(value: &str, tzid: Option<&str>) -> Option<Moment> {
        let value = value.trim();
        if let Ok(d) = NaiveDate::parse_from_str(value, "%Y%m%d") {
            return Some(Moment::Date(d));
        }
        if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            return NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                .ok()
                .map(Moment::Utc);
        }
        let naive = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
        Some(Moment::Local(naive, tzid.and_then(zone)))
    }

    /// Where `rrule` expands from: all-day and floating times as UTC wall clocks.
    pub fn instant(self) -> DateTime<Tz> {
        let utc = Tz::Tz(chrono_tz::UTC);
        match self {
            Moment::Date(d) => utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN)),
            Moment::Utc(t) | Moment::Local(t, None) => utc.from_utc_datetime(&t),
            Moment::Local(t, Some(zone)) => {
                let tz = Tz::Tz(zone);
                // A time in a daylight-saving gap does not exist; the hour after does.
                tz.from_local_datetime(&t)
                    .earliest()
                    .or_else(|| {
                        tz.from_local_datetime(&(t + chrono::TimeDelta::hours(1)))
                            .earliest()
                    })
                    .unwrap_or_else(|| utc.from_utc_datetime(&t))
            }
        }
    }

    pub fn is_date(self) -> bool {
        matches!(self, Moment::Date(_))
    }

    /// The day an occurrence expanded from this start falls on: in its own zone, or for a
    /// UTC time in the calendar's zone (`X-WR-TIMEZONE`, which Google writes) if known.
    pub fn day_of(self, at: DateTime<Tz>, calendar: Option<chrono_tz::Tz>) -> NaiveDate {
        match (self, calendar) {
            (Moment::Utc(_), Some(zone)) => at.with_timezone(&zone).date_naive(),
            _ => at.date_naive(),
        }
    }

    /// The day of this value itself.
    pub fn day(self, calendar: Option<chrono_tz::Tz>) -> NaiveDate {
        self.day_of(self.instant(), calendar)
    }

    /// UTC `YYYYMMDDTHHMMSSZ`, the form `rrule` wants UNTIL in. A date means the end of
    /// that day (UNTIL is inclusive), in the zone of `start`.
    pub fn until_text(self, start: Moment) -> String {
        let at = match self {
            Moment::Date(d) => {
                let end = d.and_hms_opt(23, 59, 59).unwrap_or_default();
                match start {
                    Moment::Local(_, zone) => Moment::Local(end, zone).instant(),
                    _ => Moment::Utc(end).instant(),
                }
            }
            Moment::Local(t, None) => match start {
                Moment::Local(_, zone) => Moment::Local(t, zone).instant(),
                _ => Moment::Utc(t).instant(),
            },
            other => other.instant(),
        };
        at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
    }
}

/// An IANA zone from a TZID, also when a client prefixes it with a path
/// ("/mozilla.org/20050126_1/Europe/Berlin", as old Thunderbird did).
pub fn zone(tzid: &str) -> Option<chrono_tz::Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(z) = tzid.parse() {
        return Some(z);
    }
    tzid.match_indices('/')
        .find_map(|(i, _)| tzid[i + 1..].parse().ok())
}

#[cfg(test)]
mod tests;
