//! Dates as exports write them, read into netweb's forms.
//!
//! LinkedIn has written `12 Mar 2024`, `22 Dec 2025` and, in 2018, US dates with a time
//! (`1/8/18, 6:14 PM`); Outlook writes US dates (`3/14/1985`) and `0/0/00` for none;
//! vCard and Google write ISO dates, with or without dashes, and `--MM-DD` without a
//! year. Slash dates are read month first: the exports that write them are American.

use chrono::{NaiveDate, NaiveDateTime};

use crate::annual::AnnualDate;

/// What a met date may look like, for the message when it is none of these.
pub const MET_FORMS: &str = "it is not a date like 12 Mar 2024, 1/8/18 or 2024-03-12";

/// A day, from any of the forms above (a time after it is ignored).
pub fn day(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    // "1/8/18, 6:14 PM", "2018-01-08 18:14:00", "2018-01-08T18:14:00Z": the day is
    // what comes before the time.
    let date_part = t
        .split_once(", ")
        .filter(|(_, rest)| rest.contains(':'))
        .map_or(t, |(d, _)| d);
    let date_part = date_part
        .split_once(['T', ' '])
        .filter(|(d, rest)| rest.contains(':') && d.contains(['-', '/']))
        .map_or(date_part, |(d, _)| d);
    for pattern in [
        "%Y-%m-%d",
        "%d %b %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%B %d, %Y",
        "%Y%m%d",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(date_part, pattern) {
            return Some(d);
        }
    }
    if let Ok(d) = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.fZ") {
        return Some(d.date());
    }
    let parts: Vec<&str> = date_part.split('/').collect();
    if let [m, d, y] = parts.as_slice() {
        let pattern = if y.len() == 4 { "%m/%d/%Y" } else { "%m/%d/%y" };
        let padded = format!("{m:0>2}/{d:0>2}/{y}");
        return NaiveDate::parse_from_str(&padded, pattern).ok();
    }
    None
}

/// A birthday or anniversary: `Ok(None)` for what says "none" (Outlook's `0/0/00`),
/// an error for what is not a date.
pub fn annual(text: &str) -> Result<Option<AnnualDate>, String> {
    let t = text.trim();
    if t.is_empty() || t.chars().all(|c| matches!(c, '0' | '/' | '-' | '.')) {
        return Ok(None);
    }
    if let Some(rest) = t.strip_prefix("--") {
        // 4.0's `--MMDD` and the dashed `--MM-DD`.
        let digits: String = rest.chars().filter(|c| *c != '-').collect();
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return AnnualDate::parse(&format!("--{}-{}", &digits[..2], &digits[2..])).map(Some);
        }
    }
    match day(t) {
        // Apple writes 1604 for "no year"; other exports write 1900 rarely enough.
        Some(d) if d.format("%Y").to_string() == "1604" => Ok(Some(AnnualDate {
            year: None,
            ..AnnualDate::from(d)
        })),
        Some(d) => Ok(Some(AnnualDate::from(d))),
        None => Err("it is not a date like 1985-03-14, 3/14/1985 or --03-14".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn every_vintage_of_a_met_date() {
        assert_eq!(day("12 Mar 2024"), d("2024-03-12"));
        assert_eq!(day("22 Dec 2025"), d("2025-12-22"));
        assert_eq!(day("1/8/18, 6:14 PM"), d("2018-01-08"));
        assert_eq!(day("12/31/2019"), d("2019-12-31"));
        assert_eq!(day("2018-01-08 18:14:00"), d("2018-01-08"));
        assert_eq!(day("2018-01-08"), d("2018-01-08"));
        assert_eq!(day("sometime"), None);
        assert_eq!(day("13/1/18"), None);
    }

    #[test]
    fn birthdays_and_none() {
        let a = |t: &str| annual(t).map(|o| o.map(|a| a.to_string()));
        assert_eq!(a("0/0/00"), Ok(None));
        assert_eq!(a("3/14/1985"), Ok(Some("1985-03-14".into())));
        assert_eq!(a("--0314"), Ok(Some("--03-14".into())));
        assert_eq!(a("--03-14"), Ok(Some("--03-14".into())));
        assert_eq!(a("19850314"), Ok(Some("1985-03-14".into())));
        assert_eq!(a("1604-12-09"), Ok(Some("--12-09".into())));
        assert!(a("soon").is_err());
        // Four bytes that are not four digits (slicing them would split a character).
        assert!(a("--aé1").is_err());
    }
}
