use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_two_forms_and_nothing_else() {
    assert_eq!(
        AnnualDate::parse("1852-11-07").unwrap().to_string(),
        "1852-11-07"
    );
    assert_eq!(AnnualDate::parse("--02-29").unwrap().to_string(), "--02-29");
    for bad in [
        "1852-13-07",
        "--02-30",
        "11/07/1852",
        "1852-11-7",
        "",
        "--1107",
    ] {
        assert!(AnnualDate::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn next_and_years() {
    let b = AnnualDate::parse("1990-12-01").unwrap();
    assert_eq!(b.next(d("2026-11-25")), d("2026-12-01"));
    assert_eq!(b.next(d("2026-12-02")), d("2027-12-01"));
    assert_eq!(b.years_on(d("2026-12-01")), Some(36));
    assert_eq!(b.years_on(d("2026-11-30")), Some(35));
    let leap = AnnualDate::parse("--02-29").unwrap();
    assert_eq!(leap.next(d("2026-01-01")), d("2026-02-28"));
    assert_eq!(leap.next(d("2028-01-01")), d("2028-02-29"));
    assert_eq!(leap.years_on(d("2028-01-01")), None);
}
