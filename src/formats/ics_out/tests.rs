use super::*;
use crate::model::{Extra, Person, Reminder};
use chrono::NaiveDate;
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn net() -> Network {
    let mut ada = Person {
        id: "ada".into(),
        name: "Ada, Countess; of Larkwell".into(),
        every: Some("30d".into()),
        added: Some(d("2026-11-01")),
        ..Person::default()
    };
    ada.extra
        .insert("birthday".into(), Value::String("2000-02-29".into()));
    Network {
        people: vec![ada],
        reminders: vec![Reminder {
            date: d("2026-11-20"),
            person: "ada".into(),
            text: format!("line one\r\nline two\u{7} {}", "é".repeat(60)),
            extra: Extra::new(),
        }],
        ..Network::default()
    }
}

#[test]
fn every_event_parses_back_with_uid_stamp_and_start() {
    let today = d("2026-11-25");
    let now = today.and_time(chrono::NaiveTime::MIN).and_utc();
    let (bytes, n) = write(&net(), today, now);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.lines().all(|l| l.len() <= 75), "{text}");
    let cal: Calendar = text.parse().unwrap();
    let events: Vec<&Event> = cal.events().collect();
    assert_eq!((events.len(), n), (3, 3));
    for e in &events {
        assert!(e.get_uid().is_some() && e.get_start().is_some(), "{e:?}");
        assert_eq!(e.get_timestamp(), Some(now));
    }
    let by = |uid: &str| *events.iter().find(|e| e.get_uid() == Some(uid)).unwrap();
    let birthday = by("ada-birthday@netweb");
    assert_eq!(
        birthday.property_value("RRULE"),
        Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")
    );
    assert_eq!(
        birthday.get_summary(),
        Some("Ada, Countess; of Larkwell's birthday")
    );
    // The reminder's day has passed: it is on today, its text on one clean line pair.
    let reminder = events
        .iter()
        .find(|e| e.get_uid().is_some_and(|u| u.starts_with("ada-reminder-r")))
        .unwrap();
    assert_eq!(reminder.get_start().map(|s| s.date_naive()), Some(today));
    // Folded within the 75 bytes a line may hold, never inside a character.
    let want = format!(
        "Ada, Countess; of Larkwell: line one\nline two {}",
        "é".repeat(60)
    );
    assert_eq!(reminder.get_summary(), Some(want.as_str()));
    // Due 30 days after being added.
    let cadence = by("ada-cadence@netweb");
    assert_eq!(
        cadence.get_start().map(|s| s.date_naive()),
        Some(d("2026-12-01"))
    );
    assert_eq!(
        cadence.get_end().map(|s| s.date_naive()),
        Some(d("2026-12-02"))
    );
}

#[test]
fn a_snoozed_person_waits_for_the_end_of_the_snooze() {
    let mut net = net();
    net.people[0].added = Some(d("2026-01-01"));
    net.people[0]
        .extra
        .insert("snoozed_until".into(), Value::String("2026-12-09".into()));
    let list = entries(&net, d("2026-11-25"));
    let cadence = list.iter().find(|e| e.kind == "cadence").unwrap();
    assert_eq!(cadence.day, d("2026-12-09"));
    assert!(cadence.description.contains("snoozed until 2026-12-09"));
}
