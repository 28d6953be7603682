//! How often the owner wants to be in touch with someone: `14d`, `2w`, `3m`, `1y`.

use std::fmt;

use anyhow::{Result, bail};
use chrono::{Days, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub count: u32,
    pub unit: Unit,
}

impl Cadence {
    /// Parses `30d`, `2w`, `3m`, `1y` (also `30 days`, `2 weeks`, ...).
    pub fn parse(text: &str) -> Result<Cadence> {
        let t = text.trim().to_lowercase();
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (digits, unit) = t.split_at(split);
        let unit = match unit.trim() {
            "d" | "day" | "days" => Some(Unit::Day),
            "w" | "week" | "weeks" => Some(Unit::Week),
            "m" | "month" | "months" => Some(Unit::Month),
            "y" | "year" | "years" => Some(Unit::Year),
            _ => None,
        };
        match (digits.parse::<u32>(), unit) {
            (Ok(count), Some(unit)) if (1..=1000).contains(&count) => Ok(Cadence { count, unit }),
            _ => bail!("{text:?} is not a cadence; use a number and a unit: 14d, 2w, 3m or 1y"),
        }
    }
}

/// For clap's `value_parser`: checks a cadence and keeps the text.
pub fn check(text: &str) -> std::result::Result<String, String> {
    Cadence::parse(text)
        .map(|_| text.to_string())
        .map_err(|e| e.to_string())
}

/// `check`, where `none` (clearing the cadence) is also accepted.
pub fn check_or_none(text: &str) -> std::result::Result<String, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(text.to_string());
    }
    check(text).map_err(|e| format!("{e}, or none to clear it"))
}

impl Cadence {
    /// The date one cadence after `date`, by the calendar: months and years keep the day
    /// of the month and clamp at month ends (Jan 31 + 1m = Feb 28, or Feb 29 in a leap
    /// year; Feb 29 + 1y = Feb 28). `None` only past the end of chrono's calendar.
    pub fn after(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::Day => date.checked_add_days(Days::new(u64::from(self.count))),
            Unit::Week => date.checked_add_days(Days::new(7 * u64::from(self.count))),
            Unit::Month => date.checked_add_months(Months::new(self.count)),
            Unit::Year => date.checked_add_months(Months::new(12 * self.count)),
        }
    }

    /// A length in days for comparing cadences of different units (a month counts 30
    /// days, a year 365). Due dates use `after`, never this.
    pub fn approx_days(&self) -> u32 {
        let per = match self.unit {
            Unit::Day => 1,
            Unit::Week => 7,
            Unit::Month => 30,
            Unit::Year => 365,
        };
        self.count * per
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Day => 'd',
            Unit::Week => 'w',
            Unit::Month => 'm',
            Unit::Year => 'y',
        };
        write!(f, "{}{unit}", self.count)
    }
}

#[cfg(test)]
mod tests;
