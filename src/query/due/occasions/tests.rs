use super::*;
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn within_the_window_soonest_first() {
    let mut net = Network::default();
    for (id, key, date) in [
        ("ada", BIRTHDAY, "1990-12-01"),
        ("bob", ANNIVERSARY, "--11-25"),
        ("cy", BIRTHDAY, "1980-12-31"),
        ("dee", BIRTHDAY, "not a date"),
    ] {
        let mut p = Person {
            id: id.into(),
            name: id.into(),
            ..Person::default()
        };
        p.extra.insert(key.into(), Value::String(date.into()));
        net.people.push(p);
    }
    let today = d("2026-11-25");
    let got = upcoming(&net, today, d("2026-12-09"), |_| true);
    let seen: Vec<(&str, Kind, i64, Option<i32>)> = got
        .iter()
        .map(|o| (o.id.as_str(), o.kind, o.days_until, o.years))
        .collect();
    assert_eq!(
        seen,
        [
            ("bob", Kind::Anniversary, 0, None),
            ("ada", Kind::Birthday, 6, Some(36))
        ]
    );
}
