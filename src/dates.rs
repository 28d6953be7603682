//! Dates as people type them, and dates as people like to read them ("3 weeks ago").
//! The clock is never read here: callers pass `today`.
//!
//! Parsing is done by the `interim` crate, chosen over the others looked at:
//! - `interim` (a maintained rewrite of `chrono-english`) works on chrono types directly,
//!   reads ISO dates, `today`, `yesterday`, `3 days ago`, `2 weeks ago`, `last friday`,
//!   `1 month ago`, `5 nov`, and does month arithmetic the way our cadences do: it clamps
//!   month ends (`1 month ago` on 31 March is 29 February in a leap year).
//! - `parse_datetime` (uutils, GNU `date -d` grammar) handles the same phrases but follows
//!   GNU month arithmetic (`1 month ago` on 31 March is 2 March), reads a bare number as
//!   a time of day (`2026` is 20:26 today), and brings `jiff` and time-zone lookups with it.
//! - `chrono-english` is unmaintained (interim is its successor); `dateparser` reads
//!   absolute formats only, not `3 days ago` or `last friday`.
//!
//! interim is given noon of `today` in UTC as its "now", so results never depend on the
//! machine's clock or time zone. Two things are handled on top of it:
//! - `last <weekday>` on that same weekday: interim answers today, but people mean a week
//!   ago ("last wednesday", said on a Wednesday). That one form is parsed here.
//! - a bare number (`12`, `2026`): interim reads it as a year; we refuse it as ambiguous.

use anyhow::{Result, bail};
use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};

/// What the error for an unreadable date lists.
pub const ACCEPTED: &str = "YYYY-MM-DD (e.g. 2024-05-01), today, yesterday, 3 days ago, 2 weeks ago, \
                            1 month ago, last friday, or a day and month (5 nov)";

/// Parses a date given on the command line, relative to `today`.
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let t = text.trim().to_lowercase();
    let unreadable =
        || anyhow::anyhow!("{text:?} is not a date netweb understands; use {ACCEPTED}");
    if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) {
        return Err(unreadable());
    }
    if let Some(day) = last_weekday(&t, today) {
        return Ok(day);
    }
    let noon = today.and_hms_opt(12, 0, 0).expect("noon exists");
    let now = Utc.from_utc_datetime(&noon);
    match interim::parse_date_string(&t, now, interim::Dialect::Uk) {
        Ok(at) => Ok(at.date_naive()),
        Err(_) => Err(unreadable()),
    }
}

/// Parses the date of something that already happened: a future date is refused.
/// `what` names the option in the message, e.g. "--met".
pub fn parse_past(text: &str, today: NaiveDate, what: &str) -> Result<NaiveDate> {
    let date = parse(text, today)?;
    if date > today {
        bail!(
            "{what} {text:?} is {date}, in the future (today is {today}); \
             it is the date of something that happened, so it must be today or earlier"
        );
    }
    Ok(date)
}

/// `last monday` .. `last sunday` (also `last mon`): the latest such day before today.
fn last_weekday(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let mut words = t.split_whitespace();
    let (Some("last"), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let weekday: Weekday = day.parse().ok()?;
    let back = (today.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let back = if back == 0 { 7 } else { back };
    today.checked_sub_days(Days::new(u64::from(back)))
}

/// How long `days` is, in the unit a person would use: "1 day", "12 days", "3 weeks",
/// "7 months", "2 years". Rounds down, so "3 weeks" means at least three full weeks.
pub fn span(days: i64) -> String {
    let days = days.abs();
    let (n, unit) = if days < 14 {
        (days, "day")
    } else if days < 63 {
        (days / 7, "week")
    } else if days < 365 {
        (days / 30, "month")
    } else {
        (days / 365, "year")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A date relative to today: "today", "yesterday", "3 weeks ago", "tomorrow", "in 5 days".
pub fn relative(date: NaiveDate, today: NaiveDate) -> String {
    let days = (today - date).num_days();
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        -1 => "tomorrow".to_string(),
        d if d > 0 => format!("{} ago", span(d)),
        d => format!("in {}", span(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// 2026-11-25 is a Wednesday.
    const WED: &str = "2026-11-25";

    #[test]
    fn iso_and_words() {
        let today = d("2026-03-01");
        assert_eq!(parse("2024-02-29", today).unwrap(), d("2024-02-29"));
        assert_eq!(parse("Today", today).unwrap(), today);
        assert_eq!(parse("yesterday", today).unwrap(), d("2026-02-28"));
        assert_eq!(
            parse(" YESTERDAY ", d("2024-03-01")).unwrap(),
            d("2024-02-29")
        );
    }

    #[test]
    fn relative_phrases() {
        let today = d(WED);
        assert_eq!(parse("3 days ago", today).unwrap(), d("2026-11-22"));
        assert_eq!(parse("2 weeks ago", today).unwrap(), d("2026-11-11"));
        assert_eq!(parse("1 year ago", today).unwrap(), d("2025-11-25"));
        assert_eq!(parse("5 nov", today).unwrap(), d("2026-11-05"));
    }

    #[test]
    fn last_weekday_is_always_before_today() {
        let today = d(WED);
        assert_eq!(parse("last friday", today).unwrap(), d("2026-11-20"));
        assert_eq!(parse("Last Tuesday", today).unwrap(), d("2026-11-24"));
        assert_eq!(parse("last thursday", today).unwrap(), d("2026-11-19"));
        // Said on a Wednesday, "last wednesday" is a week ago, not today.
        assert_eq!(parse("last wednesday", today).unwrap(), d("2026-11-18"));
        assert_eq!(parse("last wed", today).unwrap(), d("2026-11-18"));
    }

    #[test]
    fn month_ends_clamp_and_leap_days_hold() {
        assert_eq!(
            parse("1 month ago", d("2024-03-31")).unwrap(),
            d("2024-02-29")
        );
        assert_eq!(
            parse("1 month ago", d("2025-03-31")).unwrap(),
            d("2025-02-28")
        );
        assert_eq!(
            parse("1 year ago", d("2024-02-29")).unwrap(),
            d("2023-02-28")
        );
        assert_eq!(
            parse("4 years ago", d("2024-02-29")).unwrap(),
            d("2020-02-29")
        );
        assert_eq!(
            parse("yesterday", d("2024-03-01")).unwrap(),
            d("2024-02-29")
        );
    }

    #[test]
    fn the_clock_is_not_read() {
        // Far from the real date: the answer follows `today` alone.
        assert_eq!(
            parse("3 days ago", d("1999-01-02")).unwrap(),
            d("1998-12-30")
        );
        assert_eq!(parse("today", d("2100-06-30")).unwrap(), d("2100-06-30"));
    }

    #[test]
    fn bad_dates_list_accepted_forms() {
        for bad in ["2023-02-29", "banana", "", "12", "2026", "next blursday"] {
            let err = parse(bad, d("2026-01-01")).unwrap_err().to_string();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
            assert!(err.contains("3 days ago"), "{bad}: {err}");
        }
    }

    #[test]
    fn future_is_refused_for_past_events() {
        let err = parse_past("2027-01-01", d("2026-01-01"), "--met")
            .unwrap_err()
            .to_string();
        assert!(err.contains("in the future"), "{err}");
        assert!(parse_past("tomorrow", d(WED), "--date").is_err());
        assert!(parse_past("friday", d(WED), "--date").is_err());
        assert_eq!(parse_past("today", d(WED), "--date").unwrap(), d(WED));
    }

    #[test]
    fn spans_read_naturally() {
        let today = d(WED);
        assert_eq!(relative(today, today), "today");
        assert_eq!(relative(d("2026-11-24"), today), "yesterday");
        assert_eq!(relative(d("2026-11-22"), today), "3 days ago");
        assert_eq!(relative(d("2026-11-04"), today), "3 weeks ago");
        assert_eq!(relative(d("2026-04-19"), today), "7 months ago");
        assert_eq!(relative(d("2024-11-25"), today), "2 years ago");
        assert_eq!(relative(d("2026-11-30"), today), "in 5 days");
        assert_eq!(span(1), "1 day");
        assert_eq!(span(-20), "2 weeks");
        assert_eq!(span(365), "1 year");
    }
}
