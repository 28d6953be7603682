use super::*;
use crate::model::{Extra, Reminder};
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn net() -> Network {
    let person = |id: &str, tag: &str| Person {
        id: id.into(),
        name: id.to_uppercase().into(),
        every: Some("7d".into()),
        tags: vec![tag.into()],
        added: Some(d("2026-01-01")),
        ..Person::default()
    };
    let reminder = |date: &str, who: &str, text: &str| Reminder {
        date: d(date),
        person: who.into(),
        text: text.into(),
        extra: Extra::new(),
    };
    let mut net = Network {
        people: vec![person("ada", "work"), person("bo", "family")],
        reminders: vec![
            reminder("2026-12-01", "ada", "later"),
            reminder("2026-11-25", "bo", "today"),
            reminder("2026-11-20", "ada", "late"),
        ],
        ..Network::default()
    };
    net.people[0]
        .extra
        .insert(SNOOZED_UNTIL.into(), Value::String("2026-11-30".into()));
    net
}

#[test]
fn reminders_show_from_their_day_oldest_first_and_filter_by_person() {
    let net = net();
    let today = d("2026-11-25");
    fn texts(list: Vec<Reminded<'_>>) -> Vec<String> {
        list.iter().map(|r| r.text.to_string()).collect()
    }
    assert_eq!(
        texts(reminders(&net, today, today, |_| true)),
        ["late", "today"]
    );
    assert_eq!(
        texts(reminders(&net, today, d("2026-12-01"), |_| true)),
        ["late", "today", "later"]
    );
    let work = |p: &Person| p.tags.iter().any(|t| t == "work");
    assert_eq!(texts(reminders(&net, today, today, work)), ["late"]);
    let r = &reminders(&net, today, today, |_| true)[0];
    assert_eq!((r.days_late, r.name), (5, "ADA"));
    assert_eq!(r.reference, refs::reminder(&net.reminders[2]));
}

#[test]
fn a_snooze_sets_the_cadence_aside_until_its_day() {
    let net = net();
    let report = super::super::due(
        &net,
        d("2026-11-25"),
        d("2026-11-25"),
        d("2026-11-25"),
        None,
    );
    let due: Vec<&str> = report.due.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(due, ["bo"]);
    assert_eq!(report.snoozed.len(), 1);
    assert_eq!(report.snoozed[0].1, d("2026-11-30"));
    // Reminders are not snoozed: they are what the owner asked for.
    assert_eq!(report.reminders.len(), 2);
    let back = super::super::due(
        &net,
        d("2026-11-30"),
        d("2026-11-30"),
        d("2026-11-30"),
        None,
    );
    assert_eq!(back.due.len(), 2);
    assert!(back.snoozed.is_empty());
    let listed = snoozed(&net, d("2026-11-25"));
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id.as_str(), listed[0].days_left), ("ada", 5));
    assert!(snoozed(&net, d("2026-11-30")).is_empty());
}
