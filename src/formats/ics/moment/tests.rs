use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn values_read_in_their_zones() {
    assert_eq!(
        Moment::parse("20260302", None),
        Some(Moment::Date(day(2026, 3, 2)))
    );
    let at = day(2026, 3, 2).and_hms_opt(23, 30, 0).unwrap();
    assert_eq!(
        Moment::parse("20260302T233000Z", None),
        Some(Moment::Utc(at))
    );
    assert_eq!(
        Moment::parse("20260302T233000", Some("Europe/Berlin")),
        Some(Moment::Local(at, Some(chrono_tz::Europe::Berlin)))
    );
    // Outlook's Windows names are kept by their wall clock.
    assert_eq!(
        Moment::parse("20260302T233000", Some("W. Europe Standard Time")),
        Some(Moment::Local(at, None))
    );
    assert_eq!(
        zone("/mozilla.org/20050126_1/Europe/Berlin"),
        Some(chrono_tz::Europe::Berlin)
    );
    assert_eq!(Moment::parse("2026-03-02", None), None);
    assert_eq!(Moment::parse("20261302", None), None);
}

#[test]
fn a_utc_time_falls_on_the_calendars_day() {
    let late = Moment::parse("20260302T233000Z", None).unwrap();
    assert_eq!(late.day(None), day(2026, 3, 2));
    assert_eq!(late.day(Some(chrono_tz::Europe::Berlin)), day(2026, 3, 3));
    let local = Moment::parse("20260302T233000", Some("America/New_York")).unwrap();
    assert_eq!(local.day(Some(chrono_tz::Europe::Berlin)), day(2026, 3, 2));
}

#[test]
fn until_is_utc_and_a_date_means_its_whole_day() {
    let start = Moment::parse("20260302T100000", Some("Europe/Berlin")).unwrap();
    let until = Moment::parse("20260330", None).unwrap();
    assert_eq!(until.until_text(start), "20260330T215959Z");
    let floating = Moment::parse("20260330T100000", None).unwrap();
    assert_eq!(floating.until_text(start), "20260330T080000Z");
    let all_day = Moment::parse("20260302", None).unwrap();
    assert_eq!(until.until_text(all_day), "20260330T235959Z");
}
