//! Snoozes and one-off reminders (`snooze`, `remind`), how `due` shows them, how `rm`,
//! `merge`, undo and a filtered export keep them consistent, and the calendar feed
//! (`export --format ics`) read back with an iCalendar parser. Today is 2026-11-25.

use icalendar::{Calendar, Component, Event};
use serde_json::Value;

use crate::common::{Env, TODAY};

/// Ada is due (30-day cadence, added long ago), Bo has no cadence, both have a birthday.
fn two() -> Env {
    let env = Env::new();
    env.ok(&[
        "add",
        "Ada Larkwell",
        "--every",
        "30d",
        "--birthday",
        "1990-12-01",
    ]);
    env.ok(&["add", "Bo Chen", "--birthday", "--02-29", "--tag", "work"]);
    env.ok(&["log", "ada", "--date", "2026-09-01", "--note", "engines"]);
    env
}

/// `netweb ARGS` as if today were `day`: it must succeed; its stdout.
fn on(env: &Env, day: &str, args: &[&str]) -> String {
    let out = env.cmd(args).env("NETWEB_TODAY", day).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "netweb {args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// `netweb --json ARGS` as if today were `day`.
fn json_on(env: &Env, day: &str, args: &[&str]) -> Value {
    serde_json::from_str(&on(env, day, &[&["--json"], args].concat())).unwrap()
}

/// The (type, id) of each item `due --json` prints.
fn items(due: &Value) -> Vec<(String, String)> {
    due.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            // A reminder by its own id, everything else by the person's.
            let key = if i["type"] == "reminder" { "ref" } else { "id" };
            let id = i[key].as_str().unwrap_or_default();
            (i["type"].as_str().unwrap().to_string(), id.to_string())
        })
        .collect()
}

fn has(due: &Value, kind: &str, id: &str) -> bool {
    items(due).contains(&(kind.to_string(), id.to_string()))
}

#[test]
fn a_snooze_hides_the_person_from_due_until_its_day() {
    let env = two();
    assert!(has(&env.json(&["due"]), "cadence", "ada-larkwell"));
    let done = env.json(&["snooze", "ada", "2w"]);
    assert_eq!(done["until"], "2026-12-09");
    assert!(done["previous"].is_null());
    // Kept among the person's preserved fields: the file's shape is unchanged.
    assert_eq!(env.person("ada-larkwell")["snoozed_until"], "2026-12-09");
    let out = env.run(&["due"]);
    assert!(!out.stdout.contains("Ada Larkwell  30d"), "{}", out.stdout);
    assert!(out.stderr.contains("1 person is snoozed"), "{}", out.stderr);
    assert!(!has(&env.json(&["due"]), "cadence", "ada-larkwell"));
    // The snooze does not hide the birthday coming up (a date, not a nag).
    assert!(has(&env.json(&["due"]), "birthday", "ada-larkwell"));
    let listed = env.json(&["snooze"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], "ada-larkwell");
    assert_eq!(listed[0]["days_left"], 14);
    // The day before it ends, still hidden; on its day, back.
    assert!(!has(
        &json_on(&env, "2026-12-08", &["due"]),
        "cadence",
        "ada-larkwell"
    ));
    assert!(has(
        &json_on(&env, "2026-12-09", &["due"]),
        "cadence",
        "ada-larkwell"
    ));
    assert!(
        json_on(&env, "2026-12-09", &["snooze"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn until_a_day_off_and_the_human_output() {
    let env = two();
    // 2026-11-25 is a Wednesday: "friday" is the next one.
    let out = env.ok(&["snooze", "ada", "--until", "friday"]);
    assert_eq!(
        out,
        "snoozed Ada Larkwell until 2026-11-27 (in 2 days); `netweb snooze ada-larkwell --off` ends it sooner\n"
    );
    let listed = env.ok(&["snooze"]);
    assert!(
        listed.contains("Ada Larkwell  ada-larkwell  2026-11-27  in 2 days"),
        "{listed}"
    );
    let off = env.json(&["snooze", "ada", "--off"]);
    assert!(off["until"].is_null());
    assert_eq!(off["previous"], "2026-11-27");
    assert!(env.person("ada-larkwell").get("snoozed_until").is_none());
    assert!(has(&env.json(&["due"]), "cadence", "ada-larkwell"));
    let before = env.text();
    assert_eq!(
        env.ok(&["snooze", "ada", "--off"]),
        "Ada Larkwell is not snoozed; nothing changed\n"
    );
    assert_eq!(env.text(), before);
    // Someone without a cadence can be snoozed, with a word that it changes nothing yet.
    let out = env.run(&["snooze", "bo", "1m"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("Bo Chen has no cadence"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_durations_dates_and_people_are_refused_clearly() {
    let env = two();
    let before = env.text();
    let err = env.fails(2, &["snooze", "ada", "2x"]);
    assert!(
        err.contains("\"2x\" is not a cadence; use a number and a unit"),
        "{err}"
    );
    let err = env.fails(2, &["snooze", "ada", "--until", "2026-11-01"]);
    assert!(err.contains("in the past (today is 2026-11-25)"), "{err}");
    let err = env.fails(2, &["snooze", "ada", "--until", "today"]);
    assert!(err.contains("ends a snooze at once"), "{err}");
    let err = env.fails(2, &["snooze", "ada", "--until", "yesterdy"]);
    assert!(err.contains("did you mean \"yesterday\""), "{err}");
    let err = env.fails(2, &["snooze", "ada"]);
    assert!(err.contains("<FOR|--until <DATE>|--off>"), "{err}");
    let err = env.fails(2, &["snooze", "ada", "2w", "--off"]);
    assert!(err.contains("cannot be used with"), "{err}");
    // An unknown person is the same error as everywhere else (exit 1, did-you-mean).
    let err = env.fails(1, &["snooze", "adda", "2w"]);
    assert!(err.contains("no one called \"adda\""), "{err}");
    assert!(err.contains("did you mean Ada Larkwell"), "{err}");
    let err = env.fails(2, &["remind", "ada", "12/01/2026", "call"]);
    assert!(err.contains("ambiguous"), "{err}");
    let err = env.fails(2, &["remind", "ada", "2026-11-01", "call"]);
    assert!(err.contains("in the past"), "{err}");
    let err = env.fails(2, &["remind", "ada", "friday"]);
    assert!(err.contains("<TEXT>"), "{err}");
    let err = env.fails(2, &["remind", "ada", "friday", " "]);
    assert!(err.contains("the reminder's text is empty"), "{err}");
    let err = env.fails(1, &["remind", "zed", "friday", "call"]);
    assert!(err.contains("no one called \"zed\""), "{err}");
    let err = env.fails(1, &["remind", "--done", "r0000000"]);
    assert!(err.contains("no reminder has the id \"r0000000\""), "{err}");
    assert_eq!(env.text(), before, "nothing refused was written");
}

#[test]
fn a_reminder_shows_in_due_from_its_day_on_until_it_is_done() {
    let env = two();
    let added = env.json(&["remind", "ada", "friday", "ask", "about", "the", "engine"]);
    assert_eq!(added["date"], "2026-11-27");
    assert_eq!(added["id"], "ada-larkwell");
    assert_eq!(added["days_late"], -2);
    assert_eq!(added["text"], "ask about the engine");
    let reference = added["ref"].as_str().unwrap().to_string();
    assert!(
        reference.starts_with('r') && reference.len() == 8,
        "{reference}"
    );
    assert_eq!(env.data()["reminders"][0]["text"], "ask about the engine");
    // Not yet today; within a week, and on and after its day, it is the first item.
    assert!(!has(&env.json(&["due"]), "reminder", &reference));
    assert!(has(
        &env.json(&["due", "--within", "1w"]),
        "reminder",
        &reference
    ));
    for day in ["2026-11-27", "2026-12-20"] {
        let due = json_on(&env, day, &["due"]);
        let first = &due[0];
        assert_eq!(first["type"], "reminder", "{due}");
        assert_eq!(first["ref"], reference.as_str());
        assert_eq!(first["id"], "ada-larkwell");
        assert_eq!(first["name"], "Ada Larkwell");
        assert_eq!(first["text"], "ask about the engine");
        assert_eq!(first["date"], "2026-11-27");
    }
    assert_eq!(json_on(&env, "2026-12-20", &["due"])[0]["days_late"], 23);
    let human = on(&env, "2026-11-27", &["due"]);
    assert!(
        human.starts_with("Reminders\n  2026-11-27  today"),
        "{human}"
    );
    assert!(
        human.contains("Ada Larkwell  ask about the engine"),
        "{human}"
    );
    // A snooze quiets the cadence, not a reminder the owner asked for.
    env.ok(&["snooze", "ada", "1m"]);
    assert!(has(
        &json_on(&env, "2026-11-27", &["due"]),
        "reminder",
        &reference
    ));
    // Listed (both ways), then done.
    env.ok(&["remind", "bo", "2026-12-24", "send a card"]);
    let listed = env.json(&["remind"]);
    assert_eq!(listed, env.json(&["remind", "--list"]));
    let texts: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["ask about the engine", "send a card"]);
    let table = env.ok(&["remind"]);
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["DATE", "WHEN", "ID", "NAME", "TEXT"]);
    assert!(
        table.contains(&format!("in 2 days   {reference}  Ada Larkwell")),
        "{table}"
    );
    let done = env.ok(&["remind", "--done", &reference]);
    assert_eq!(
        done,
        "done: the reminder about Ada Larkwell on 2026-11-27 (ask about the engine); `netweb undo` brings it back\n"
    );
    assert!(!has(
        &json_on(&env, "2026-11-27", &["due"]),
        "reminder",
        &reference
    ));
    assert_eq!(env.json(&["remind"]).as_array().unwrap().len(), 1);
    // forget knows the id is a reminder's and says which command removes it.
    let other = env.json(&["remind"])[0]["ref"]
        .as_str()
        .unwrap()
        .to_string();
    let err = env.fails(2, &["forget", &other]);
    assert!(
        err.contains(&format!("`netweb remind --done {other}`")),
        "{err}"
    );
}

#[test]
fn snooze_remind_and_done_are_each_undone() {
    let env = two();
    let start = env.text();
    env.ok(&["snooze", "ada", "2w"]);
    let snoozed = env.text();
    let undone = env.ok(&["undo"]);
    assert!(
        undone.starts_with("undid: netweb snooze ada 2w"),
        "{undone}"
    );
    assert_eq!(env.text(), start);
    env.ok(&["undo"]);
    assert_eq!(env.text(), snoozed, "undo again redoes");
    let r = env.json(&["remind", "ada", "tomorrow", "call"]);
    let reminded = env.text();
    env.ok(&["undo"]);
    assert_eq!(env.text(), snoozed);
    assert!(env.json(&["remind"]).as_array().unwrap().is_empty());
    env.ok(&["undo"]);
    assert_eq!(env.text(), reminded);
    env.ok(&["remind", "--done", r["ref"].as_str().unwrap()]);
    assert!(env.json(&["remind"]).as_array().unwrap().is_empty());
    env.ok(&["undo"]);
    assert_eq!(env.text(), reminded);
    assert_eq!(env.json(&["remind"])[0]["text"], "call");
}

#[test]
fn rm_merge_and_a_filtered_export_keep_reminders_consistent() {
    let env = two();
    env.ok(&["remind", "ada", "tomorrow", "for ada"]);
    env.ok(&["remind", "bo", "tomorrow", "for bo"]);
    // A filtered export keeps the reminders of the people it keeps, and only those.
    let out = env.cmd(&["export", "--tag", "work"]).output().unwrap();
    let part: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(part["reminders"].as_array().unwrap().len(), 1);
    assert_eq!(part["reminders"][0]["person"], "bo-chen");
    // Merge moves them to the kept record; the longer snooze stays.
    env.ok(&["add", "Ada L", "--distinct"]);
    env.ok(&["remind", "ada-l", "tomorrow", "for the duplicate"]);
    env.ok(&["snooze", "ada-larkwell", "1w"]);
    env.ok(&["snooze", "ada-l", "3w"]);
    let merged = env.json(&["merge", "ada-larkwell", "ada-l"]);
    assert_eq!(merged["reminders_updated"], 1);
    let people: Vec<Value> = env.data()["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["person"].clone())
        .collect();
    assert_eq!(people, ["ada-larkwell", "bo-chen", "ada-larkwell"]);
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["snoozed_until"], "2026-12-16");
    assert!(
        !ada["notes"].as_str().unwrap_or("").contains("snoozed"),
        "{ada}"
    );
    // rm takes the person's reminders with them.
    let removed = env.json(&["rm", "ada-larkwell"]);
    assert_eq!(removed["reminders_deleted"], 2);
    assert_eq!(env.data()["reminders"].as_array().unwrap().len(), 1);
    let out = env.ok(&["rm", "bo-chen"]);
    assert_eq!(out, "removed Bo Chen (bo-chen); 1 reminder deleted\n");
    assert!(env.data().get("reminders").is_none());
}

#[test]
fn a_hand_edited_reminder_about_no_one_is_refused_with_where_and_how() {
    let env = Env::with_file(
        r#"{"version": 1, "people": [{"id": "ada", "name": "Ada"}],
            "reminders": [{"date": "2026-12-01", "person": "bob", "text": "call"}]}"#,
    );
    let err = env.fails(1, &["due"]);
    assert!(
        err.contains(
            "reminders[0] (2026-12-01 \"call\") is about \"bob\", who is not in people: fix the \
             person's id or remove the reminder"
        ),
        "{err}"
    );
    let env = Env::with_file(
        r#"{"version": 1, "people": [{"id": "ada", "name": "Ada"}],
            "reminders": [{"date": "1 dec", "person": "ada", "text": "call"}]}"#,
    );
    let err = env.fails(1, &["remind"]);
    assert!(err.contains("dates are written YYYY-MM-DD"), "{err}");
}

/// The feed, parsed back with the icalendar crate's own parser.
fn calendar(text: &str) -> Vec<Event> {
    let cal: Calendar = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
    cal.events().cloned().collect()
}

fn export_ics(env: &Env, day: &str) -> String {
    on(env, day, &["export", "--format", "ics"])
}

#[test]
fn the_calendar_feed_parses_back_with_stable_uids() {
    let env = two();
    env.ok(&[
        "add",
        "Cy Dunn",
        "--every",
        "2w",
        "--anniversary",
        "2015-06-10",
    ]);
    env.ok(&[
        "intro",
        "ada",
        "bo",
        "--date",
        "2026-10-20",
        "--note",
        "engines",
    ]);
    env.ok(&["log", "ada", "--date", "2026-11-21"]);
    env.ok(&[
        "intro",
        "bo",
        "cy",
        "--date",
        "2026-11-01",
        "--note",
        "work; and more",
    ]);
    let reminder = env.json(&["remind", "bo", "2026-12-24", "send a card"]);
    let text = export_ics(&env, TODAY);
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.len() <= 75));
    let events = calendar(&text);
    for e in &events {
        assert!(e.get_uid().is_some(), "{e:?}");
        assert!(e.get_timestamp().is_some(), "DTSTAMP: {e:?}");
        assert!(e.get_start().is_some(), "DTSTART: {e:?}");
    }
    let by = |uid: &str| {
        events
            .iter()
            .find(|e| e.get_uid() == Some(uid))
            .unwrap_or_else(|| panic!("no {uid} in\n{text}"))
    };
    let start = |e: &Event| e.get_start().unwrap().date_naive().to_string();
    // Birthdays and anniversaries repeat yearly from the day itself.
    let birthday = by("ada-larkwell-birthday@netweb");
    assert_eq!(birthday.property_value("RRULE"), Some("FREQ=YEARLY"));
    assert_eq!(start(birthday), "1990-12-01");
    assert_eq!(birthday.get_summary(), Some("Ada Larkwell's birthday"));
    let leap = by("bo-chen-birthday@netweb");
    assert_eq!(
        leap.property_value("RRULE"),
        Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")
    );
    assert_eq!(start(by("cy-dunn-anniversary@netweb")), "2015-06-10");
    // Ada was last in touch on 11-21, so due 30 days later; the description says so.
    let ada = by("ada-larkwell-cadence@netweb");
    assert_eq!(start(ada), "2026-12-21");
    let about = ada.get_description().unwrap();
    assert!(
        about.contains("Every 30d. Last contact 2026-11-21"),
        "{about}"
    );
    // Cy was never logged; the introduction on 11-01 is contact: due 11-15, overdue, so
    // on the export's day.
    assert_eq!(start(by("cy-dunn-cadence@netweb")), TODAY);
    // The Bo-Cy introduction waits for a follow-up (no contact since); Ada-Bo was
    // followed by a contact with Ada.
    let follow: Vec<&Event> = events
        .iter()
        .filter(|e| e.get_uid().is_some_and(|u| u.starts_with("follow-up-")))
        .collect();
    assert_eq!(follow.len(), 1, "{text}");
    assert_eq!(start(follow[0]), TODAY);
    assert!(
        follow[0]
            .get_description()
            .unwrap()
            .contains("(work; and more)"),
        "{:?}",
        follow[0]
    );
    let uid = format!(
        "bo-chen-reminder-{}@netweb",
        reminder["ref"].as_str().unwrap()
    );
    let card = by(&uid);
    assert_eq!(start(card), "2026-12-24");
    assert_eq!(card.get_summary(), Some("Bo Chen: send a card"));
    // A week later and after a contact, the same UIDs: the calendar updates, not doubles.
    env.ok(&["log", "cy", "--date", "2026-11-25"]);
    let later = calendar(&export_ics(&env, "2026-12-02"));
    let uids = |list: &[Event]| {
        let mut u: Vec<String> = list
            .iter()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect();
        u.sort();
        u
    };
    let mut again = uids(&events);
    // The contact with Cy answered the follow-up, so only that event is gone.
    again.retain(|u| !u.starts_with("follow-up-"));
    assert_eq!(uids(&later), again);
    let cy = later
        .iter()
        .find(|e| e.get_uid() == Some("cy-dunn-cadence@netweb"))
        .unwrap();
    assert_eq!(start(cy), "2026-12-09");
    // Exporting twice on one day gives the same bytes (the stamp is the pinned day).
    assert_eq!(export_ics(&env, TODAY), export_ics(&env, TODAY));
}

#[test]
fn the_feed_goes_to_a_file_atomically_with_a_summary() {
    let env = two();
    env.ok(&["remind", "ada", "tomorrow", "call"]);
    let path = env.dir.path().join("netweb.ics");
    let done = env.json(&["export", "--format", "ics", "-o", path.to_str().unwrap()]);
    assert_eq!(done["format"], "ics");
    assert_eq!(done["events"], 4);
    assert_eq!(done["reminders"], 1);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(calendar(&text).len(), 4);
    assert_eq!(netweb_test_support::files::mode(&path), 0o600);
    assert!(netweb_test_support::files::temps(env.dir.path()).is_empty());
    let out = env.ok(&["export", "--format", "ics", "-o", path.to_str().unwrap()]);
    assert!(out.starts_with("exported 4 events to "), "{out}");
    // Filtered like every export: only Bo (tag work) and what is about him.
    let out = env
        .cmd(&["export", "--format", "ics", "--tag", "work"])
        .output()
        .unwrap();
    let events = calendar(&String::from_utf8(out.stdout).unwrap());
    let uids: Vec<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids, ["bo-chen-birthday@netweb"]);
}
