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

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn months_and_years_follow_the_calendar() {
    let c = |s| Cadence::parse(s).unwrap();
    assert_eq!(c("1m").after(d("2026-01-31")), Some(d("2026-02-28")));
    assert_eq!(c("1m").after(d("2024-01-31")), Some(d("2024-02-29")));
    assert_eq!(c("3m").after(d("2026-11-30")), Some(d("2027-02-28")));
    assert_eq!(c("1y").after(d("2024-02-29")), Some(d("2025-02-28")));
    assert_eq!(c("4y").after(d("2024-02-29")), Some(d("2028-02-29")));
    assert_eq!(c("2w").after(d("2026-12-25")), Some(d("2027-01-08")));
    assert_eq!(c("30d").after(d("2024-02-01")), Some(d("2024-03-02")));
}

#[test]
fn approximate_lengths_order_units() {
    let c = |s| Cadence::parse(s).unwrap().approx_days();
    assert!(c("2w") < c("30d") && c("30d") == c("1m") && c("11m") < c("1y"));
}

#[test]
fn rejects_nonsense() {
    for bad in ["", "d", "0d", "12", "3x", "-1d"] {
        assert!(Cadence::parse(bad).is_err(), "{bad}");
    }
}
