//! `import FILE.ics`: a calendar's past meetings as contact history, and the ties small
//! meetings imply. Fixtures in tests/fixtures/calendar are hand-made; history.ics (CRLF,
//! folded lines) holds a one-to-one, a 4-person meeting, a declined attendee, a cancelled
//! event, a TZID and an all-day event, a 40-person all-hands, a weekly series with COUNT,
//! an EXDATE and a moved occurrence, and a future event.

use serde_json::{Value, json};

use crate::common::{Env, strings};

const ME: &str = "owen@home.example";

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/calendar/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Ada, Bob, Cy and Eve with their addresses (Eve's in another case); Dee by name only.
fn contacts() -> Env {
    let person = |id: &str, name: &str, email: Option<&str>| {
        let mut p = json!({"id": id, "name": name});
        if let Some(e) = email {
            p["emails"] = json!([e]);
        }
        p
    };
    let net = json!({"version": 1, "people": [
        person("ada", "Ada Larkwell", Some("ada@example.org")),
        person("bob", "Bob Stone", Some("bob@example.org")),
        person("cy", "Cy Young", Some("cy@example.org")),
        person("dee", "Dee Dupont", None),
        person("eve", "Eve Moreau", Some("EVE@example.org")),
    ]});
    Env::with_file(&serde_json::to_string_pretty(&net).unwrap())
}

/// (date, people, note, source) of every interaction in the data file.
fn interactions(env: &Env) -> Vec<(String, Vec<String>, String, String)> {
    env.data()["interactions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| {
            assert_eq!(i["kind"], "meeting", "{i}");
            (
                i["date"].as_str().unwrap().to_string(),
                strings(&i["people"])
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                i["note"].as_str().unwrap_or("").to_string(),
                i["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (a, b, inferred) of every relationship, each of kind `met` and known since the
/// meeting its reason names.
fn ties(env: &Env) -> Vec<(String, String, String)> {
    env.data()["relationships"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|r| {
            assert_eq!(r["kind"], "met", "{r}");
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            assert!(s("inferred").ends_with(&format!(" {}", s("since"))), "{r}");
            (s("a"), s("b"), s("inferred"))
        })
        .collect()
}

fn row(
    date: &str,
    people: &[&str],
    note: &str,
    source: &str,
) -> (String, Vec<String>, String, String) {
    (
        date.into(),
        people.iter().map(|p| p.to_string()).collect(),
        note.into(),
        source.into(),
    )
}

const ROADMAP: &str =
    "Roadmap review: what ships in the winter release, and who owns which part of it";

fn expected_interactions() -> Vec<(String, Vec<String>, String, String)> {
    vec![
        row(
            "2026-09-01",
            &["ada"],
            "Coffee with Ada",
            "coffee-1@cal.example/2026-09-01",
        ),
        row(
            "2026-09-08",
            &["ada", "bob", "cy"],
            ROADMAP,
            "roadmap-1@cal.example/2026-09-08",
        ),
        // Bob declined the lunch.
        row(
            "2026-09-15",
            &["cy"],
            "Lunch",
            "lunch-1@cal.example/2026-09-15",
        ),
        // 21:00 in New York: the 22nd there, though the 23rd in UTC.
        row(
            "2026-09-22",
            &["eve"],
            "Late call",
            "late-1@cal.example/2026-09-22",
        ),
        row(
            "2026-09-25",
            &["bob", "eve"],
            "Offsite",
            "offsite-1@cal.example/2026-09-25",
        ),
        row(
            "2026-09-30",
            &["ada", "eve"],
            "All hands",
            "allhands-1@cal.example/2026-09-30",
        ),
        row(
            "2026-10-05",
            &["bob", "cy"],
            "Standup",
            "standup@cal.example/2026-10-05",
        ),
        // 10-12 is an EXDATE; 10-19 was moved to the 20th, with Dée Dupont (matched by
        // her name, accents aside) as well.
        row(
            "2026-10-20",
            &["bob", "cy", "dee"],
            "Standup (moved)",
            "standup@cal.example/2026-10-19",
        ),
        row(
            "2026-10-26",
            &["bob", "cy"],
            "Standup",
            "standup@cal.example/2026-10-26",
        ),
        row(
            "2026-11-02",
            &["bob", "cy"],
            "Standup",
            "standup@cal.example/2026-11-02",
        ),
    ]
}

fn tie(a: &str, b: &str, why: &str) -> (String, String, String) {
    (a.into(), b.into(), format!("calendar: {why}"))
}

fn expected_ties() -> Vec<(String, String, String)> {
    let roadmap = format!("{ROADMAP} 2026-09-08");
    vec![
        tie("ada", "bob", &roadmap),
        tie("ada", "cy", &roadmap),
        tie("bob", "cy", &roadmap),
        tie("bob", "eve", "Offsite 2026-09-25"),
        // Ada and Eve were both at the 40-person all-hands: no tie.
        tie("bob", "dee", "Standup (moved) 2026-10-20"),
        tie("cy", "dee", "Standup (moved) 2026-10-20"),
    ]
}

#[test]
fn past_meetings_are_logged_and_small_ones_tie_their_people() {
    let env = contacts();
    let file = fixture("history.ics");
    let report = env.json(&["import", &file, "--me", ME]);
    assert_eq!(interactions(&env), expected_interactions());
    assert_eq!(ties(&env), expected_ties());
    let n = |k: &str| report[k].as_u64().unwrap();
    assert_eq!(report["format"], "ics");
    assert_eq!(
        [
            n("events"),
            n("occurrences"),
            n("interactions"),
            n("ties"),
            n("unmatched")
        ],
        [10, 10, 10, 6, 38]
    );
    // The dinner was cancelled; the reunion is still to come.
    assert_eq!([n("cancelled"), n("future"), n("added")], [1, 1, 0]);
    assert_eq!(strings(&report["me"]), [ME]);
    assert_eq!(report["logged"].as_array().unwrap().len(), 10);
    assert_eq!(
        report["tied"][3]["inferred"],
        "calendar: Offsite 2026-09-25"
    );
    assert_eq!(
        report["unknown"][0],
        json!({"name": "Zed Zedson", "email": "zed@else.example", "events": 4})
    );
    assert_eq!(report["unknown"][1]["events"], 1);
    assert_eq!(env.data()["me"], json!([ME]));

    // The same export again changes nothing, not even the file's bytes.
    let before = env.text();
    let again = env.json(&["import", &file]);
    assert_eq!(env.text(), before);
    assert_eq!(
        (again["interactions"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(10))
    );
    assert_eq!(again["ties"], 0);
}

#[test]
fn a_newer_export_adds_only_what_is_new_and_the_owner_is_remembered() {
    let env = contacts();
    env.ok(&["import", &fixture("history.ics"), "--me", ME]);
    let newer = std::fs::read_to_string(fixture("history.ics"))
        .unwrap()
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:tea-1@cal.example\r\nSUMMARY:Tea\r\nDTSTART:20261120T160000Z\r\n\
         ORGANIZER;CN=Owen Owner:mailto:Owen@Home.example\r\n\
         ATTENDEE;CN=Eve Moreau:mailto:eve@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR",
        );
    let path = env.dir.path().join("newer.ics");
    std::fs::write(&path, newer).unwrap();
    // No --me this time: the data file remembers it, so Owen is no unknown attendee.
    let out = env.run(&["--json", "import", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("hint"), "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["interactions"], 1);
    assert_eq!(report["unchanged"], 10);
    let unknown = report["unknown"].as_array().unwrap();
    assert!(
        !unknown.iter().any(|u| u["name"] == "Owen Owner"),
        "{unknown:?}"
    );
    assert_eq!(unknown.len(), 38);
    let mut want = expected_interactions();
    want.push(row(
        "2026-11-20",
        &["eve"],
        "Tea",
        "tea-1@cal.example/2026-11-20",
    ));
    assert_eq!(interactions(&env), want);
    assert_eq!(env.data()["me"], json!([ME]));
}

#[test]
fn add_unknown_adds_the_often_seen_and_logs_their_meetings_too() {
    let env = contacts();
    // Without the owner's address, the owner would be the most often seen stranger.
    let before = env.text();
    let err = env.fails(
        2,
        &["import", &fixture("history.ics"), "--add-unknown", "3"],
    );
    assert!(
        err.contains("--me EMAIL (this calendar is named owen@home.example)"),
        "{err}"
    );
    assert_eq!(env.text(), before);

    env.ok(&["import", &fixture("history.ics"), "--me", ME]);
    let report = env.json(&[
        "import",
        &fixture("history.ics"),
        "--add-unknown",
        "3",
        "--tag",
        "work",
    ]);
    assert_eq!(report["added"], 1);
    // Zed joins the four stand-ups already logged; the 37 seen once stay out.
    assert_eq!(report["updated"], 4);
    assert_eq!(report["interactions"], 0);
    assert_eq!(report["unmatched"], 37);
    let zed = env.person("zed-zedson");
    assert_eq!(zed["name"], "Zed Zedson");
    assert_eq!(strings(&zed["emails"]), ["zed@else.example"]);
    assert_eq!(strings(&zed["tags"]), ["work"]);
    let standups: Vec<Vec<String>> = interactions(&env)
        .into_iter()
        .filter(|i| i.3.starts_with("standup"))
        .map(|i| i.1)
        .collect();
    assert_eq!(
        standups,
        [
            vec!["bob", "cy", "zed-zedson"],
            vec!["bob", "cy", "dee", "zed-zedson"],
            vec!["bob", "cy", "zed-zedson"],
            vec!["bob", "cy", "zed-zedson"],
        ]
    );
    let mut want = expected_ties();
    want.push(tie("bob", "zed-zedson", "Standup 2026-10-05"));
    want.push(tie("cy", "zed-zedson", "Standup 2026-10-05"));
    want.push(tie("dee", "zed-zedson", "Standup (moved) 2026-10-20"));
    assert_eq!(ties(&env), want);
    // One save, so one undo takes it all back.
    env.ok(&["undo"]);
    assert_eq!(interactions(&env), expected_interactions());
    assert_eq!(ties(&env), expected_ties());
}

#[test]
fn dry_run_shows_it_all_and_changes_nothing() {
    let env = contacts();
    let before = env.text();
    let out = env.ok(&["import", &fixture("history.ics"), "--me", ME, "--dry-run"]);
    assert_eq!(env.text(), before);
    assert!(out.starts_with("import of "), "{out}");
    assert!(
        out.contains("  log    2026-10-20  Bob Stone, Cy Young and Dee Dupont  Standup (moved)"),
        "{out}"
    );
    assert!(
        out.contains("  tie    Bob Stone and Eve Moreau  calendar: Offsite 2026-09-25"),
        "{out}"
    );
    assert!(out.contains("would import"), "{out}");
    assert!(
        out.contains(
            "10 events read, 10 interactions logged, 6 ties inferred, 38 people unmatched"
        ),
        "{out}"
    );
    assert!(
        out.contains("     4  Zed Zedson <zed@else.example>"),
        "{out}"
    );
    let report = env.json(&[
        "import",
        &fixture("history.ics"),
        "--me",
        ME,
        "--dry-run",
        "--add-unknown",
        "4",
    ]);
    assert_eq!(env.text(), before);
    assert_eq!(
        (report["dry_run"].as_bool(), report["added"].as_u64()),
        (Some(true), Some(1))
    );
    assert_eq!(report["unknown"][0]["added"], "zed-zedson");
    // Found by its content whatever its name; --format ics says it outright.
    let txt = env.dir.path().join("calendar export.txt");
    std::fs::copy(fixture("history.ics"), &txt).unwrap();
    for extra in [&[][..], &["--format", "ics"][..]] {
        let mut args = vec!["import", txt.to_str().unwrap(), "--dry-run"];
        args.extend_from_slice(extra);
        assert_eq!(env.json(&args)["events"], 10);
    }
    assert_eq!(env.text(), before);
}

#[test]
fn unreadable_events_are_listed_and_bad_files_change_nothing() {
    let env = contacts();
    // LF line endings and a folded summary; one event has no date, one a rule that is none.
    let out = env.run(&["import", &fixture("skips.ics"), "--me", ME]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        interactions(&env),
        [row(
            "2026-11-02",
            &["ada"],
            "A long walk by the river talking about compilers",
            "walk-1@cal.example/2026-11-02"
        )]
    );
    assert!(
        out.stderr.contains(
            "skips.ics: event 2 \"Someday\" (uid nodate@cal.example): it has no DTSTART, so it has no date"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("event 3 \"Odd series\" (uid badrule@cal.example): its RRULE \"FREQ=FORTNIGHTLY;COUNT=3\" cannot be read"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("2 events skipped"), "{}", out.stdout);

    let before = env.text();
    let err = env.fails(1, &["import", &fixture("truncated.ics")]);
    assert!(
        err.contains("truncated.ics is not a complete iCalendar file (at line"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    let not = env.dir.path().join("notes.ics");
    std::fs::write(&not, "just some notes\n").unwrap();
    let err = env.fails(1, &["import", not.to_str().unwrap()]);
    assert!(
        err.contains("is not an iCalendar file: it does not start with BEGIN:VCALENDAR"),
        "{err}"
    );
    let err = env.fails(2, &["import", &fixture("history.ics"), "--me", "owen"]);
    assert!(
        err.contains("--me \"owen\" is not an email address"),
        "{err}"
    );
    let vcf = env.dir.path().join("a.vcf");
    std::fs::write(&vcf, "BEGIN:VCARD\nVERSION:3.0\nFN:Al\nEND:VCARD\n").unwrap();
    let err = env.fails(2, &["import", vcf.to_str().unwrap(), "--me", ME]);
    assert!(
        err.contains("--me and --add-unknown are for calendar files"),
        "{err}"
    );
    assert_eq!(env.text(), before);
}

#[test]
fn netweb_s_own_calendar_feed_logs_no_meetings() {
    // The feed `export --format ics` writes (cadences, birthdays, reminders) names no
    // attendees: read back, it is no contact history.
    let env = Env::sample();
    let feed = env.dir.path().join("feed.ics");
    env.ok(&["export", "--format", "ics", "-o", feed.to_str().unwrap()]);
    let before = env.text();
    let report = env.json(&["import", feed.to_str().unwrap(), "--me", ME]);
    assert!(report["events"].as_u64().unwrap() > 0, "{report}");
    assert_eq!(
        (report["interactions"].as_u64(), report["ties"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(report["unmatched"], 0);
    // Only the owner's address was remembered.
    let mut after = env.data();
    after.as_object_mut().unwrap().remove("me");
    assert_eq!(after, serde_json::from_str::<Value>(&before).unwrap());
}
