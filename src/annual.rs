//! Dates that come round every year: birthdays and anniversaries.
//!
//! Stored as `YYYY-MM-DD`, or `--MM-DD` when the year is not known (vCard 4.0 and
//! Google write it so). A 29 February falls on 28 February in other years.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A day of the year, with the year it started in when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// What a birthday or anniversary must look like; said in every refusal.
pub const FORMS: &str = "write YYYY-MM-DD, or --MM-DD when the year is not known";

impl AnnualDate {
    /// Exactly `YYYY-MM-DD` or `--MM-DD`, a real day (29 February allowed without a year).
    pub fn parse(text: &str) -> Result<AnnualDate, String> {
        let t = text.trim();
        let bad = || format!("{t:?} is not a date: {FORMS}");
        if let Some(rest) = t.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(bad)?;
            let (month, day) = (two(m).ok_or_else(bad)?, two(d).ok_or_else(bad)?);
            // 2000 is a leap year, so 29 February passes.
            NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad)?;
            return Ok(AnnualDate {
                year: None,
                month,
                day,
            });
        }
        let date = (t.len() == 10)
            .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
            .flatten()
            .ok_or_else(bad)?;
        Ok(AnnualDate::from(date))
    }

    /// The next time it comes round, on or after `today`.
    pub fn next(&self, today: NaiveDate) -> NaiveDate {
        let this = self.in_year(today.year());
        if this >= today {
            this
        } else {
            self.in_year(today.year() + 1)
        }
    }

    /// Its day in `year` (28 February for a 29 February outside leap years).
    pub fn in_year(&self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .unwrap_or(NaiveDate::MAX)
    }

    /// How many years it will be on `date` (an age, or an anniversary's number).
    pub fn years_on(&self, date: NaiveDate) -> Option<i32> {
        let year = self.year?;
        let before = (date.month(), date.day()) < (self.month, self.day);
        let n = date.year() - year - i32::from(before);
        (n >= 0).then_some(n)
    }
}

impl From<NaiveDate> for AnnualDate {
    fn from(d: NaiveDate) -> Self {
        AnnualDate {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        }
    }
}

impl fmt::Display for AnnualDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

fn two(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests;
