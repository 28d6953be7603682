//! Dates as people type them. The clock is never read here: callers pass `today`.

use anyhow::{Result, bail};
use chrono::{Days, NaiveDate};

const ACCEPTED: &str = "YYYY-MM-DD (e.g. 2024-05-01), today, yesterday";

/// Parses a date given on the command line.
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let t = text.trim().to_lowercase();
    let date = match t.as_str() {
        "today" => Some(today),
        "yesterday" => today.checked_sub_days(Days::new(1)),
        _ => NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok(),
    };
    match date {
        Some(d) => Ok(d),
        None => bail!("{text:?} is not a date I understand; use {ACCEPTED}"),
    }
}

/// Parses the date of something that already happened: a future date is refused.
pub fn parse_past(text: &str, today: NaiveDate, what: &str) -> Result<NaiveDate> {
    let date = parse(text, today)?;
    if date > today {
        bail!("{what} {date} is in the future (today is {today}); it must be today or earlier");
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn iso_and_words() {
        let today = d("2026-03-01");
        assert_eq!(parse("2024-02-29", today).unwrap(), d("2024-02-29"));
        assert_eq!(parse("Today", today).unwrap(), today);
        assert_eq!(parse("yesterday", today).unwrap(), d("2026-02-28"));
    }

    #[test]
    fn bad_dates_list_accepted_forms() {
        let err = parse("2023-02-29", d("2026-01-01"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn future_is_refused_for_past_events() {
        let err = parse_past("2027-01-01", d("2026-01-01"), "--met")
            .unwrap_err()
            .to_string();
        assert!(err.contains("in the future"), "{err}");
    }
}
