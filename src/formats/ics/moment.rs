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
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn values_read_in_their_zones() {
        assert_eq!(
            Moment::parse("20260302", None),
            Some(Moment::Date(day(2026, 3, 2)))
        );
        let at = day(2026, 3, 2).and_hms_opt(23, 30, 0).unwrap();
        assert_eq!(
            Moment::parse("20260302T233000Z", None),
            Some(Moment::Utc(at))
        );
        assert_eq!(
            Moment::parse("20260302T233000", Some("Europe/Berlin")),
            Some(Moment::Local(at, Some(chrono_tz::Europe::Berlin)))
        );
        // Outlook's Windows names are kept by their wall clock.
        assert_eq!(
            Moment::parse("20260302T233000", Some("W. Europe Standard Time")),
            Some(Moment::Local(at, None))
        );
        assert_eq!(
            zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(Moment::parse("2026-03-02", None), None);
        assert_eq!(Moment::parse("20261302", None), None);
    }

    #[test]
    fn a_utc_time_falls_on_the_calendars_day() {
        let late = Moment::parse("20260302T233000Z", None).unwrap();
        assert_eq!(late.day(None), day(2026, 3, 2));
        assert_eq!(late.day(Some(chrono_tz::Europe::Berlin)), day(2026, 3, 3));
        let local = Moment::parse("20260302T233000", Some("America/New_York")).unwrap();
        assert_eq!(local.day(Some(chrono_tz::Europe::Berlin)), day(2026, 3, 2));
    }

    #[test]
    fn until_is_utc_and_a_date_means_its_whole_day() {
        let start = Moment::parse("20260302T100000", Some("Europe/Berlin")).unwrap();
        let until = Moment::parse("20260330", None).unwrap();
        assert_eq!(until.until_text(start), "20260330T215959Z");
        let floating = Moment::parse("20260330T100000", None).unwrap();
        assert_eq!(floating.until_text(start), "20260330T080000Z");
        let all_day = Moment::parse("20260302", None).unwrap();
        assert_eq!(until.until_text(all_day), "20260330T235959Z");
    }
}
