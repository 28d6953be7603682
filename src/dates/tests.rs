//! The date table: every form `dates` reads, and what it refuses.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// 2026-11-25 is a Wednesday.
const WED: &str = "2026-11-25";

/// What an input must give on Wednesday 2026-11-25: a date, or a refusal whose
/// message contains the text given.
enum Want {
    Day(&'static str),
    No(&'static str),
}
use Want::{Day, No};

const TABLE: &[(&str, Want)] = &[
    // Words.
    ("today", Day("2026-11-25")),
    ("Today", Day("2026-11-25")),
    (" YESTERDAY ", Day("2026-11-24")),
    ("yesterday", Day("2026-11-24")),
    ("tomorrow", Day("2026-11-26")),
    // The misspellings interim read as today, and other non-dates.
    ("yesterdy", No("did you mean \"yesterday\"")),
    ("yestrday", No("did you mean \"yesterday\"")),
    ("yesterdayy", No("did you mean \"yesterday\"")),
    ("tody", No("did you mean \"today\"")),
    ("y", No("not a date")),
    ("d", No("not a date")),
    ("h", No("not a date")),
    ("mouse", No("not a date")),
    ("week", No("not a date")),
    ("month", No("not a date")),
    ("year", No("not a date")),
    ("now", No("not a date")),
    ("banana", No("not a date")),
    ("", No("empty")),
    ("   ", No("empty")),
    ("next blursday", No("not a date")),
    ("3 days", No("not a date")),
    ("ago", No("not a date")),
    ("last week", No("not a date")),
    ("3 dayz ago", No("did you mean \"3 days ago\"")),
    ("last firday", No("did you mean \"last friday\"")),
    // Bare weekdays: the most recent, today counting.
    ("monday", Day("2026-11-23")),
    ("tuesday", Day("2026-11-24")),
    ("wednesday", Day("2026-11-25")),
    ("thursday", Day("2026-11-19")),
    ("friday", Day("2026-11-20")),
    ("saturday", Day("2026-11-21")),
    ("sunday", Day("2026-11-22")),
    ("Mon", Day("2026-11-23")),
    ("thurs", Day("2026-11-19")),
    // `last <weekday>`: before today; `next <weekday>`: after.
    ("last monday", Day("2026-11-23")),
    ("last tuesday", Day("2026-11-24")),
    ("last wednesday", Day("2026-11-18")),
    ("last wed", Day("2026-11-18")),
    ("last thursday", Day("2026-11-19")),
    ("Last Friday", Day("2026-11-20")),
    ("next wednesday", Day("2026-12-02")),
    ("next thursday", Day("2026-11-26")),
    // Relative forms.
    ("3 days ago", Day("2026-11-22")),
    ("0 days ago", Day("2026-11-25")),
    ("1 day ago", Day("2026-11-24")),
    ("a week ago", Day("2026-11-18")),
    ("2 weeks ago", Day("2026-11-11")),
    ("two weeks ago", Day("2026-11-11")),
    ("3d ago", Day("2026-11-22")),
    ("2w ago", Day("2026-11-11")),
    ("1 month ago", Day("2026-10-25")),
    ("an month ago", Day("2026-10-25")),
    ("6 months ago", Day("2026-05-25")),
    ("1 year ago", Day("2025-11-25")),
    ("in 3 days", Day("2026-11-28")),
    ("in a week", Day("2026-12-02")),
    ("-3 days ago", No("not a date")),
    // Month names: without a year, the most recent such day.
    ("5 nov", Day("2026-11-05")),
    ("nov 5", Day("2026-11-05")),
    ("25 nov", Day("2026-11-25")),
    ("26 nov", Day("2025-11-26")),
    ("1st december", Day("2025-12-01")),
    ("5th November 2025", Day("2025-11-05")),
    ("November 5, 2025", Day("2025-11-05")),
    ("3 sept", Day("2026-09-03")),
    ("29 feb", Day("2024-02-29")),
    ("29 feb 2023", No("not a date")),
    ("31 april", No("not a date")),
    ("32 jan", No("not a date")),
    ("5 novem", No("not a date")),
    // ISO.
    ("2026-11-20", Day("2026-11-20")),
    ("2024-02-29", Day("2024-02-29")),
    ("2026-2-1", Day("2026-02-01")),
    ("2023-02-29", No("not a day of the calendar")),
    ("2026-13-01", No("not a day of the calendar")),
    ("26-11-20", No("not a date")),
    ("2026-11-20-1", No("not a date")),
    // Slashed and dotted numbers are ambiguous; bare numbers are not dates.
    ("01/02/2026", No("ambiguous")),
    ("12/31/2025", No("ambiguous")),
    ("31/12/2025", No("ambiguous")),
    ("1/2", No("ambiguous")),
    ("01.02.2026", No("ambiguous")),
    ("12", No("bare number")),
    ("2026", No("bare number")),
];

#[test]
fn every_input_in_the_table_gives_its_date_or_is_refused() {
    let today = d(WED);
    let mut wrong = Vec::new();
    for (input, want) in TABLE {
        let got = parse(input, today).map_err(|e| e.to_string());
        let ok = match (want, &got) {
            (Day(w), Ok(g)) => d(w) == *g,
            (No(text), Err(e)) => e.contains(text),
            _ => false,
        };
        if !ok {
            wrong.push(format!("{input:?}: got {got:?}"));
        }
    }
    assert!(TABLE.len() >= 60, "the table has {} inputs", TABLE.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn refusals_list_the_accepted_forms_and_slashes_get_a_hint() {
    let err = parse("mouse", d(WED)).unwrap_err().to_string();
    assert!(
        err.contains("YYYY-MM-DD") && err.contains("3 days ago"),
        "{err}"
    );
    let err = parse("01/02/2026", d(WED)).unwrap_err().to_string();
    assert!(err.contains("2026-02-01") && err.contains("1 feb"), "{err}");
}

#[test]
fn month_ends_clamp_and_leap_days_hold() {
    for (input, today, want) in [
        ("1 month ago", "2024-03-31", "2024-02-29"),
        ("1 month ago", "2025-03-31", "2025-02-28"),
        ("1 year ago", "2024-02-29", "2023-02-28"),
        ("4 years ago", "2024-02-29", "2020-02-29"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("29 feb", "2028-03-01", "2028-02-29"),
    ] {
        assert_eq!(
            parse(input, d(today)).unwrap(),
            d(want),
            "{input} on {today}"
        );
    }
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
fn future_is_refused_for_past_events() {
    let err = parse_past("2027-01-01", d("2026-01-01"), "--met")
        .unwrap_err()
        .to_string();
    assert!(err.contains("in the future"), "{err}");
    assert!(parse_past("tomorrow", d(WED), "--date").is_err());
    assert!(parse_past("next friday", d(WED), "--date").is_err());
    assert_eq!(
        parse_past("friday", d(WED), "--date").unwrap(),
        d("2026-11-20")
    );
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

#[test]
fn what_is_still_to_come_reads_weekdays_and_days_forward() {
    let up = |t: &str| parse_upcoming(t, d(WED), "DATE").map(|x| x.to_string());
    // WED is 2026-11-25, a Wednesday.
    assert_eq!(up("friday").unwrap(), "2026-11-27");
    assert_eq!(up("wednesday").unwrap(), WED, "today counts");
    assert_eq!(up("next wednesday").unwrap(), "2026-12-02");
    assert_eq!(up("5 jan").unwrap(), "2027-01-05");
    assert_eq!(up("25 nov").unwrap(), WED);
    assert_eq!(up("in 2 weeks").unwrap(), "2026-12-09");
    assert_eq!(up("tomorrow").unwrap(), "2026-11-26");
    assert_eq!(up("2027-03-01").unwrap(), "2027-03-01");
    let err = up("yesterday").unwrap_err().to_string();
    assert!(
        err.contains("\"yesterday\" is 2026-11-24, in the past"),
        "{err}"
    );
    let err = up("2026-01-01").unwrap_err().to_string();
    assert!(err.starts_with("DATE \"2026-01-01\" in the past"), "{err}");
    assert!(up("3 weeks ago").is_err());
    assert!(crate::usage::is_bad_value(&up("01/02/2027").unwrap_err()));
}
