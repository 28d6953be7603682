//! How often the owner wants to be in touch with someone: `14d`, `2w`, `3m`, `1y`.

use std::fmt;

use anyhow::{Result, bail};

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
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!(Cadence::parse("14d").unwrap().to_string(), "14d");
        assert_eq!(Cadence::parse(" 2 Weeks ").unwrap().to_string(), "2w");
        assert_eq!(
            Cadence::parse("3m").unwrap(),
            Cadence {
                count: 3,
                unit: Unit::Month
            }
        );
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["", "d", "0d", "12", "3x", "-1d"] {
            assert!(Cadence::parse(bad).is_err(), "{bad}");
        }
    }
}
