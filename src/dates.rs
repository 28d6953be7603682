//! Dates as people type them, and dates as people like to read them ("3 weeks ago").
//! The clock is never read here: callers pass `today`.
//!
//! A date is read exactly or refused. The `interim` crate used before read any word it
//! half knew as "now" (`yesterdy`, `week`, `mouse` and `y` all became today, exit 0), and
//! read `01/02/2026` day-first while refusing `12/31/2025`. The grammar below is small
//! enough to read whole, and everything outside it is an error that lists the accepted
//! forms (and the closest word, for a typo):
//!
//! - `YYYY-MM-DD`; `today`, `yesterday`, `tomorrow`
//! - `N days|weeks|months|years ago` (N a number, `a`/`an`, or one..twelve; also `3d ago`),
//!   `in N days|...`; months and years clamp at month ends (1 month before 31 March is
//!   the end of February), as cadences do
//! - a weekday (`monday`, `mon`): the most recent one, today counting; `last monday`: the
//!   one before today; `next monday`: the one after
//! - a day and a month (`5 nov`, `nov 5`, `5th november 2025`, `november 5, 2025`): without a
//!   year, the most recent such day, today counting
//!
//! Refused: slashed or dotted numbers (`01/02/2026` is 1 February in Europe and 2 January
//! in the US), bare numbers, and anything else.
//!
//! Syntax is checked by `spec` without a date (so clap can refuse a bad value with exit
//! 2 before anything runs); `Spec::on` gives the date for a `today`.

use anyhow::Result;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::usage::BadValue;

/// What the error for an unreadable date lists.
pub const ACCEPTED: &str = "YYYY-MM-DD (e.g. 2024-05-01), today, yesterday, 3 days ago, 2 weeks ago, \
                            1 month ago, friday (the last one, today counts), last friday, \
                            or a day and month (5 nov, 5 nov 2025)";

/// A date as written, before it is placed relative to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spec {
    On(NaiveDate),
    /// Days before today (negative: after).
    DaysAgo(i64),
    /// Calendar months before today (negative: after), clamped at month ends.
    MonthsAgo(i64),
    /// The latest such weekday on or before today.
    Weekday(Weekday),
    /// The latest such weekday strictly before today.
    LastWeekday(Weekday),
    /// The first such weekday strictly after today.
    NextWeekday(Weekday),
    /// The latest such day and month on or before today.
    DayMonth(u32, u32),
}

impl Spec {
    /// The date this names when said on `today`; `None` only past the calendar's ends.
    pub fn on(self, today: NaiveDate) -> Option<NaiveDate> {
        let back = |n: i64| {
            if n >= 0 {
                today.checked_sub_days(Days::new(n.unsigned_abs()))
            } else {
                today.checked_add_days(Days::new(n.unsigned_abs()))
            }
        };
        let from_monday = |w: Weekday| i64::from(w.num_days_from_monday());
        let today_wd = i64::from(today.weekday().num_days_from_monday());
        match self {
            Spec::On(d) => Some(d),
            Spec::DaysAgo(n) => back(n),
            Spec::MonthsAgo(n) => {
                let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
                if n >= 0 {
                    today.checked_sub_months(m)
                } else {
                    today.checked_add_months(m)
                }
            }
            Spec::Weekday(w) => back((today_wd - from_monday(w)).rem_euclid(7)),
            Spec::LastWeekday(w) => back((today_wd - from_monday(w) + 6).rem_euclid(7) + 1),
            Spec::NextWeekday(w) => back(-((from_monday(w) - today_wd + 6).rem_euclid(7) + 1)),
            Spec::DayMonth(day, month) => (0..=8).find_map(|back_years| {
                let d = NaiveDate::from_ymd_opt(today.year() - back_years, month, day)?;
                (d <= today).then_some(d)
            }),
        }
    }
}

impl Spec {
    /// The date this names for something still to come, said on `today`: a weekday or
    /// a day and month without a year is the next one (today counting), not the last.
    pub fn ahead(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Spec::Weekday(w) => {
                let days = (i64::from(w.num_days_from_monday())
                    - i64::from(today.weekday().num_days_from_monday()))
                .rem_euclid(7);
                today.checked_add_days(Days::new(days.unsigned_abs()))
            }
            Spec::DayMonth(day, month) => (0..=8).find_map(|years| {
                let d = NaiveDate::from_ymd_opt(today.year() + years, month, day)?;
                (d >= today).then_some(d)
            }),
            other => other.on(today),
        }
    }
}

/// Reads the syntax of a date. The error says what is wrong and what is accepted.
pub fn spec(text: &str) -> std::result::Result<Spec, String> {
    let t = text.trim().to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    read(&words).ok_or_else(|| refusal(text, &t, &words))
}

/// Parses a date given on the command line, relative to `today`.
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let spec = spec(text).map_err(BadValue::new)?;
    spec.on(today).ok_or_else(|| {
        BadValue::new(format!("{text:?} is outside the calendar netweb can use")).into()
    })
}

/// Parses the date of something that already happened: a future date is refused.
/// `what` names the option in the message, e.g. "--met".
pub fn parse_past(text: &str, today: NaiveDate, what: &str) -> Result<NaiveDate> {
    let date = parse(text, today)?;
    if date > today {
        return Err(BadValue::new(format!(
            "{what} {text:?} is {date}, in the future (today is {today}); \
             it is the date of something that happened, so it must be today or earlier"
        ))
        .into());
    }
    Ok(date)
}

/// Parses the date of something still to come (a reminder, the end of a snooze), read
/// with `Spec::ahead`: a date before today is refused. `what` names the argument.
pub fn parse_upcoming(text: &str, today: NaiveDate, what: &str) -> Result<NaiveDate> {
    let spec = spec(text).map_err(BadValue::new)?;
    let date = spec
        .ahead(today)
        .ok_or_else(|| BadValue::new(format!("{text:?} is outside the calendar netweb can use")))?;
    if date < today {
        let is = if text.trim() == date.to_string() {
            String::new()
        } else {
            format!(" is {date},")
        };
        return Err(BadValue::new(format!(
            "{what} {text:?}{is} in the past (today is {today}); give today or a later \
             date, e.g. tomorrow, friday, in 2 weeks or 5 jan"
        ))
        .into());
    }
    Ok(date)
}

/// For clap's `value_parser`: checks a date's syntax and keeps the text, which the
/// command reads against its `today`.
pub fn check(text: &str) -> std::result::Result<String, String> {
    spec(text).map(|_| text.to_string())
}

fn read(words: &[&str]) -> Option<Spec> {
    match words {
        ["today"] => Some(Spec::DaysAgo(0)),
        ["yesterday"] => Some(Spec::DaysAgo(1)),
        ["tomorrow"] => Some(Spec::DaysAgo(-1)),
        [one] if one.contains('-') => iso(one).map(Spec::On),
        [day] => weekday(day).map(Spec::Weekday),
        ["last", day] => weekday(day).map(Spec::LastWeekday),
        ["next", day] => weekday(day).map(Spec::NextWeekday),
        [n, unit, "ago"] => ago(number(n)?, unit),
        [nu, "ago"] => {
            let split = nu.find(|c: char| !c.is_ascii_digit())?;
            ago(nu[..split].parse().ok()?, &nu[split..])
        }
        ["in", n, unit] => ago(number(n)?, unit).map(negate),
        _ => day_month(words),
    }
}

fn negate(s: Spec) -> Spec {
    match s {
        Spec::DaysAgo(n) => Spec::DaysAgo(-n),
        Spec::MonthsAgo(n) => Spec::MonthsAgo(-n),
        other => other,
    }
}

/// `YYYY-MM-DD` (one-digit months and days allowed), a real day.
fn iso(t: &str) -> Option<NaiveDate> {
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn ago(n: i64, unit: &str) -> Option<Spec> {
    if !(0..=10_000).contains(&n) {
        return None;
    }
    match unit {
        "day" | "days" | "d" => Some(Spec::DaysAgo(n)),
        "week" | "weeks" | "w" => Some(Spec::DaysAgo(7 * n)),
        "month" | "months" => Some(Spec::MonthsAgo(n)),
        "year" | "years" | "y" => Some(Spec::MonthsAgo(12 * n)),
        _ => None,
    }
}

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

fn number(w: &str) -> Option<i64> {
    if w == "a" || w == "an" {
        return Some(1);
    }
    if let Some(i) = NUMBER_WORDS.iter().position(|n| *n == w) {
        return i64::try_from(i + 1).ok();
    }
    (w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

const WEEKDAYS: [(&str, &str, Weekday); 7] = [
    ("monday", "mon", Weekday::Mon),
    ("tuesday", "tue", Weekday::Tue),
    ("wednesday", "wed", Weekday::Wed),
    ("thursday", "thu", Weekday::Thu),
    ("friday", "fri", Weekday::Fri),
    ("saturday", "sat", Weekday::Sat),
    ("sunday", "sun", Weekday::Sun),
];

fn weekday(w: &str) -> Option<Weekday> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let extra = match w {
        "tues" => Some(Weekday::Tue),
        "thur" | "thurs" => Some(Weekday::Thu),
        _ => None,
    };
    extra.or_else(|| {
        WEEKDAYS
            .iter()
            .find(|(full, short, _)| w == *full || w == *short)
            .map(|(_, _, d)| *d)
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| w == *m || (w.len() == 3 && m.starts_with(w)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// `5`, `5th`, `1st`, `22nd`, `3rd`: a day of the month.
fn day_of_month(w: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// `5 nov`, `nov 5`, `5 nov 2025`, `nov 5 2025` (the comma was split off with the words).
fn day_month(words: &[&str]) -> Option<Spec> {
    let (day, month_no, year_word) = match words {
        [a, b] | [a, b, _] if day_of_month(a).is_some() => {
            (day_of_month(a)?, month(b)?, words.get(2))
        }
        [a, b] | [a, b, _] => (day_of_month(b)?, month(a)?, words.get(2)),
        _ => return None,
    };
    match year_word {
        None => {
            // 29 February exists in some year; 31 April in none.
            NaiveDate::from_ymd_opt(2024, month_no, day)?;
            Some(Spec::DayMonth(day, month_no))
        }
        Some(y) => NaiveDate::from_ymd_opt(year(y)?, month_no, day).map(Spec::On),
    }
}

/// The error for text outside the grammar: why, what is accepted, and the closest word.
fn refusal(text: &str, t: &str, words: &[&str]) -> String {
    if t.is_empty() {
        return format!("the date is empty; use {ACCEPTED}");
    }
    let numeric = |sep: char| {
        t.contains(sep)
            && t.split(sep)
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if numeric('/') || numeric('.') {
        return format!(
            "{text:?} is ambiguous (day first or month first?); write the year, month and \
             day as YYYY-MM-DD (e.g. 2026-02-01) or the month as a word (1 feb)"
        );
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{text:?} is a bare number, not a date; use {ACCEPTED}");
    }
    if let [one] = words
        && let Some(d) = iso_like(one)
    {
        return format!("{text:?} is not a day of the calendar ({d}); use YYYY-MM-DD");
    }
    let meant = closest(words)
        .map(|fixed| format!(" (did you mean {fixed:?}?)"))
        .unwrap_or_default();
    format!("{text:?} is not a date netweb understands{meant}; use {ACCEPTED}")
}

/// A well-formed `YYYY-MM-DD` whose day does not exist, e.g. 2023-02-29.
fn iso_like(w: &str) -> Option<&str> {
    let p: Vec<&str> = w.split('-').collect();
    (p.len() == 3
        && p[0].len() == 4
        && p.iter()
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())))
    .then_some("no such day")
}

/// The words with the one typo fixed, when a close known word exists.
fn closest(words: &[&str]) -> Option<String> {
    let known: Vec<&str> = ["today", "yesterday", "tomorrow", "ago", "last", "next"]
        .into_iter()
        .chain(["days", "weeks", "months", "years"])
        .chain(WEEKDAYS.iter().map(|w| w.0))
        .chain(MONTHS)
        .collect();
    let mut fixed = false;
    let out: Vec<String> = words
        .iter()
        .map(|w| {
            let is_known = known.contains(w)
                || weekday(w).is_some()
                || month(w).is_some()
                || number(w).is_some()
                || day_of_month(w).is_some()
                || matches!(*w, "day" | "week" | "month" | "year" | "in");
            if is_known || w.len() < 3 {
                return (*w).to_string();
            }
            let best = known
                .iter()
                .map(|k| (strsim::jaro_winkler(w, k), *k))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            match best {
                Some((score, k)) if score >= 0.85 => {
                    fixed = true;
                    k.to_string()
                }
                _ => (*w).to_string(),
            }
        })
        .collect();
    let candidate = out.join(" ");
    (fixed && spec(&candidate).is_ok()).then_some(candidate)
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
mod tests;
