//! Keeping in touch: `log`, `due`, `cadence`, human dates, and last contact in `show` and
//! `list`. Today is pinned to 2026-11-25 (a Wednesday) unless a test says otherwise.

use serde_json::Value;

use crate::common::{Env, Output, TODAY, strings};

/// Runs a command as if today were `today`.
fn on(env: &Env, today: &str, args: &[&str]) -> Output {
    let out = env.cmd(args).env("NETWEB_TODAY", today).output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[track_caller]
fn ok_on(env: &Env, today: &str, args: &[&str]) -> String {
    let out = on(env, today, args);
    assert_eq!(out.code, 0, "netweb {args:?} failed:\n{}", out.stderr);
    out.stdout
}

#[track_caller]
fn json_on(env: &Env, today: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok_on(env, today, &all)).unwrap()
}

/// The `due` entries of type "cadence", by id.
fn due_ids(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["type"] == "cadence")
        .map(|x| x["id"].as_str().unwrap())
        .collect()
}

fn entry<'a>(items: &'a Value, id: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["type"] == "cadence" && x["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not due in {items:#}"))
}

fn follow_ups(items: &Value) -> Vec<&Value> {
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["type"] == "follow_up")
        .collect()
}

fn interactions(env: &Env) -> Vec<Value> {
    env.data()["interactions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// log

#[test]
fn one_log_records_one_interaction_with_several_people() {
    let env = Env::new();
    for name in ["Ada Larkwell", "Grace Hollis", "Alan Tarvin"] {
        env.ok(&["add", name]);
    }
    let out = env.ok(&[
        "log",
        "ada",
        "grace",
        "alan",
        "--kind",
        "Dinner",
        "--note",
        "pasta night",
    ]);
    assert_eq!(
        out,
        "logged dinner with Ada Larkwell, Grace Hollis and Alan Tarvin on 2026-11-25\n"
    );
    let all = interactions(&env);
    assert_eq!(all.len(), 1);
    assert_eq!(
        strings(&all[0]["people"]),
        ["ada-larkwell", "grace-hollis", "alan-tarvin"]
    );
    assert_eq!(all[0]["kind"], "dinner");
    assert_eq!(all[0]["note"], "pasta night");
    assert_eq!(all[0]["date"], TODAY);
    // Everyone in it now has that as their last contact.
    for p in env.json(&["list"]).as_array().unwrap() {
        assert_eq!(p["last_contact"], TODAY, "{p}");
    }
}

#[test]
fn log_json_prints_the_interaction_and_kind_and_note_are_optional() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let x = env.json(&["log", "ada", "--date", "yesterday"]);
    assert_eq!(x["date"], "2026-11-24");
    assert_eq!(strings(&x["people"]), ["ada-larkwell"]);
    assert!(x.get("kind").is_none() && x.get("note").is_none(), "{x}");
    assert_eq!(
        env.ok(&["log", "ada"]),
        "logged contact with Ada Larkwell on 2026-11-25\n"
    );
}

#[test]
fn log_refuses_unknown_or_repeated_people_and_changes_nothing() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let before = env.text();
    let err = env.fails(1, &["log", "ada", "nobody"]);
    assert!(err.contains("no one called \"nobody\""), "{err}");
    let err = env.fails(1, &["log", "ada", "ada-larkwell"]);
    assert!(err.contains("named twice"), "{err}");
    env.fails(2, &["log"]);
    assert_eq!(env.text(), before);
}

// ---------------------------------------------------------------------------------------
// Human dates

#[test]
fn relative_dates_are_read_against_the_pinned_today() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    // 2026-11-25 is a Wednesday.
    let cases = [
        ("today", "2026-11-25"),
        ("yesterday", "2026-11-24"),
        ("3 days ago", "2026-11-22"),
        ("2 weeks ago", "2026-11-11"),
        ("last friday", "2026-11-20"),
        ("Last Wednesday", "2026-11-18"),
        ("1 month ago", "2026-10-25"),
        ("2024-02-29", "2024-02-29"),
    ];
    for (text, want) in cases {
        let x = env.json(&["log", "ada", "--date", text]);
        assert_eq!(x["date"], want, "--date {text:?}");
    }
}

#[test]
fn every_date_option_takes_human_dates() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell", "--met", "2 weeks ago"]);
    assert_eq!(env.person("ada-larkwell")["met"], "2026-11-11");
    env.ok(&["add", "Grace Hollis", "--met", "last friday"]);
    assert_eq!(env.person("grace-hollis")["met"], "2026-11-20");
    env.ok(&["edit", "grace", "--met", "3 days ago"]);
    assert_eq!(env.person("grace-hollis")["met"], "2026-11-22");
    let link = env.json(&["link", "ada", "grace", "--since", "yesterday"]);
    assert_eq!(link["relationship"]["since"], "2026-11-24");
    env.ok(&["add", "Alan Tarvin"]);
    let intro = env.json(&["intro", "ada", "alan", "--date", "3 weeks ago"]);
    assert_eq!(intro["introduction"]["date"], "2026-11-04");
}

#[test]
fn month_ends_and_leap_days_in_relative_dates() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let date = |today, text| json_on(&env, today, &["log", "ada", "--date", text])["date"].clone();
    assert_eq!(date("2024-03-31", "1 month ago"), "2024-02-29");
    assert_eq!(date("2025-03-31", "1 month ago"), "2025-02-28");
    assert_eq!(date("2024-03-01", "yesterday"), "2024-02-29");
    assert_eq!(date("2025-03-01", "yesterday"), "2025-02-28");
    assert_eq!(date("2028-02-29", "4 years ago"), "2024-02-29");
    assert_eq!(date("2027-01-01", "last thursday"), "2026-12-31");
}

#[test]
fn future_dates_for_past_events_are_refused() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    env.ok(&["add", "Grace Hollis"]);
    let before = env.text();
    for date in ["tomorrow", "2026-11-26", "next friday", "in 2 weeks"] {
        let err = env.fails(2, &["log", "ada", "--date", date]);
        assert!(err.contains("in the future"), "{date}: {err}");
        assert!(err.contains("today is 2026-11-25"), "{date}: {err}");
    }
    let err = env.fails(2, &["intro", "ada", "grace", "--date", "tomorrow"]);
    assert!(err.contains("in the future"), "{err}");
    let err = env.fails(2, &["edit", "ada", "--met", "in a week"]);
    assert!(err.contains("in the future"), "{err}");
    let err = env.fails(2, &["link", "ada", "grace", "--since", "2027-01-01"]);
    assert!(err.contains("in the future"), "{err}");
    assert_eq!(env.text(), before);
}

#[test]
fn unreadable_dates_show_the_accepted_forms() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let before = env.text();
    for date in ["blah", "12", "", "week", "mouse", "y"] {
        let err = env.fails(2, &["log", "ada", "--date", date]);
        for form in [
            "YYYY-MM-DD",
            "yesterday",
            "3 days ago",
            "2 weeks ago",
            "last friday",
        ] {
            assert!(err.contains(form), "{date}: {err}");
        }
    }
    for date in ["2023-02-29", "2026-13-01"] {
        let err = env.fails(2, &["log", "ada", "--date", date]);
        assert!(err.contains("not a day of the calendar"), "{date}: {err}");
    }
    assert_eq!(env.text(), before);
}

#[test]
fn misspelled_dates_are_refused_with_the_word_meant_not_saved_as_today() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let before = env.text();
    for (typo, meant) in [
        ("yesterdy", "yesterday"),
        ("yestrday", "yesterday"),
        ("yesterdayy", "yesterday"),
        ("tody", "today"),
    ] {
        let err = env.fails(2, &["log", "ada", "--date", typo]);
        assert!(
            err.contains(&format!("did you mean \"{meant}\"")),
            "{typo}: {err}"
        );
        let err = env.fails(2, &["edit", "ada", "--met", typo]);
        assert!(
            err.contains("not a date netweb understands"),
            "{typo}: {err}"
        );
    }
    assert_eq!(env.text(), before);
}

#[test]
fn slashed_dates_are_ambiguous_and_a_bare_weekday_is_the_last_one() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    for date in ["01/02/2026", "12/31/2025"] {
        let err = env.fails(2, &["log", "ada", "--date", date]);
        assert!(err.contains("ambiguous"), "{date}: {err}");
        assert!(err.contains("2026-02-01") && err.contains("1 feb"), "{err}");
    }
    // Said on Wednesday 2026-11-25: monday was two days ago, wednesday is today.
    assert_eq!(
        env.json(&["log", "ada", "--date", "monday"])["date"],
        "2026-11-23"
    );
    assert_eq!(
        env.json(&["log", "ada", "--date", "wednesday"])["date"],
        "2026-11-25"
    );
    assert_eq!(
        env.json(&["log", "ada", "--date", "thursday"])["date"],
        "2026-11-19"
    );
}

// ---------------------------------------------------------------------------------------
// Cadences

#[test]
fn cadence_command_sets_lists_and_clears_tag_cadences() {
    let env = Env::new();
    env.ok(&["add", "Ruth", "--tag", "family"]);
    env.ok(&["add", "Daniel", "--tag", "family", "--every", "7d"]);
    assert_eq!(
        env.ok(&["cadence", "Family", "2w"]),
        "family: every 2w (2 people; 1 of them keeps their own)\n"
    );
    assert_eq!(env.data()["tag_cadences"]["family"], "2w");
    let set = env.json(&["cadence", "network", "90 days"]);
    assert_eq!(set["tag"], "network");
    assert_eq!(set["every"], "90d");
    assert_eq!(set["previous"], Value::Null);
    assert_eq!(set["people"], 0);
    let out = env.run(&["cadence", "family", "30d"]);
    assert_eq!(
        out.stdout,
        "family: every 30d, was 2w (2 people; 1 of them keeps their own)\n"
    );

    let list = env.json(&["cadence"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["tag"], "family");
    assert_eq!(list[0]["every"], "30d");
    assert_eq!(list[0]["people"], 2);
    assert_eq!(list[0]["own_cadence"], 1);
    assert_eq!(list[1]["tag"], "network");
    let text = env.ok(&["cadence"]);
    assert!(text.starts_with("TAG "), "{text}");
    assert!(text.contains("family   30d"), "{text}");

    // The file keeps the sample's order: people, tag_cadences, then the rest.
    let file = env.text();
    let at = |key: &str| file.find(&format!("\"{key}\"")).unwrap();
    assert!(at("people") < at("tag_cadences"));

    let cleared = env.json(&["cadence", "family", "none"]);
    assert_eq!(cleared["every"], Value::Null);
    assert_eq!(cleared["previous"], "30d");
    env.ok(&["cadence", "network", "none"]);
    assert!(
        env.data().get("tag_cadences").is_none(),
        "an empty map is left out"
    );
}

#[test]
fn cadence_warns_about_an_unused_tag_and_refuses_bad_values() {
    let env = Env::new();
    env.ok(&["add", "Ruth", "--tag", "family"]);
    let out = env.run(&["cadence", "famly", "14d"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("no one has the tag \"famly\""),
        "{}",
        out.stderr
    );
    let before = env.text();
    let err = env.fails(2, &["cadence", "family", "fortnightly"]);
    assert!(err.contains("14d, 2w, 3m or 1y"), "{err}");
    let err = env.fails(2, &["cadence", "family", "0d"]);
    assert!(err.contains("not a cadence"), "{err}");
    assert_eq!(env.text(), before);
}

#[test]
fn a_bad_tag_cadence_in_the_file_is_named_with_the_fix() {
    let env = Env::with_file(
        r#"{"version": 1, "people": [{"id": "a", "name": "A", "tags": ["family"]}],
            "tag_cadences": {"family": "fortnightly"}}"#,
    );
    let err = env.fails(1, &["due"]);
    assert!(err.contains("tag_cadences[\"family\"]"), "{err}");
    assert!(err.contains("\"fortnightly\""), "{err}");
    assert!(err.contains("14d, 2w, 3m or 1y"), "{err}");
}

#[test]
fn a_persons_own_cadence_wins_then_the_shortest_tag() {
    let env = Env::new();
    on(
        &env,
        "2026-01-01",
        &["add", "Own", "--tag", "family", "--every", "1y"],
    );
    on(
        &env,
        "2026-01-01",
        &["add", "Both Tags", "--tag", "network,family"],
    );
    on(
        &env,
        "2026-01-01",
        &["add", "Network Only", "--tag", "network"],
    );
    on(
        &env,
        "2026-01-01",
        &["add", "No Cadence", "--tag", "climbing"],
    );
    env.ok(&["cadence", "family", "14d"]);
    env.ok(&["cadence", "network", "3m"]);
    env.ok(&[
        "log",
        "own",
        "both",
        "network",
        "no",
        "--date",
        "2026-11-01",
    ]);

    let items = env.json(&["due", "--within", "1y"]);
    assert_eq!(due_ids(&items), ["both-tags", "network-only", "own"]);
    let both = entry(&items, "both-tags");
    assert_eq!(both["cadence"], "14d");
    assert_eq!(both["cadence_tag"], "family");
    assert_eq!(both["due"], "2026-11-15");
    assert_eq!(both["days_late"], 10);
    let own = entry(&items, "own");
    assert_eq!(own["cadence"], "1y");
    assert_eq!(own["cadence_tag"], Value::Null);
    assert_eq!(own["due"], "2027-11-01");
    let network = entry(&items, "network-only");
    assert_eq!(network["cadence"], "3m");
    assert_eq!(network["cadence_tag"], "network");
    assert_eq!(network["due"], "2027-02-01");
    assert_eq!(network["cadence_days"], 92);

    // `--every none` on the person brings the tag's cadence back.
    env.ok(&["edit", "own", "--every", "none"]);
    let items = env.json(&["due"]);
    assert_eq!(entry(&items, "own")["cadence"], "14d");
}

// ---------------------------------------------------------------------------------------
// due

/// Four people with different cadences and contact, built through the commands.
fn small_network() -> Env {
    let env = Env::new();
    on(
        &env,
        "2026-01-02",
        &["add", "Wendy Weekly", "--every", "1w"],
    );
    on(
        &env,
        "2026-01-02",
        &["add", "Yusuf Yearly", "--every", "1y"],
    );
    on(&env, "2026-01-02", &["add", "Nadia New", "--every", "30d"]);
    on(&env, "2026-01-02", &["add", "Sam Soon", "--every", "2w"]);
    on(&env, "2026-01-02", &["add", "Quinn Quiet"]);
    // Both 20 days late: a week's cadence is much later relative to its length.
    env.ok(&[
        "log",
        "wendy",
        "--kind",
        "call",
        "--note",
        "her new job",
        "--date",
        "2026-10-29",
    ]);
    env.ok(&["log", "yusuf", "--kind", "coffee", "--date", "2025-11-05"]);
    env.ok(&["log", "sam", "--kind", "message", "--date", "3 days ago"]);
    env
}

#[test]
fn due_ranks_by_lateness_relative_to_the_cadence() {
    let env = small_network();
    let items = env.json(&["due"]);
    assert_eq!(
        due_ids(&items),
        ["nadia-new", "wendy-weekly", "yusuf-yearly"]
    );

    let w = entry(&items, "wendy-weekly");
    assert_eq!(w["name"], "Wendy Weekly");
    assert_eq!(w["cadence"], "1w");
    assert_eq!(w["cadence_days"], 7);
    assert_eq!(w["last_contact"], "2026-10-29");
    assert_eq!(w["days_since_contact"], 27);
    assert_eq!(w["last_kind"], "call");
    assert_eq!(w["last_note"], "her new job");
    assert_eq!(w["counted_from"], "last_contact");
    assert_eq!(w["due"], "2026-11-05");
    assert_eq!(w["days_late"], 20);
    assert_eq!(w["lateness"], 2.857);
    let y = entry(&items, "yusuf-yearly");
    assert_eq!(y["days_late"], 20);
    assert_eq!(y["cadence_days"], 365);
    assert_eq!(y["last_note"], Value::Null);

    // Never logged: counted from when they were added.
    let n = entry(&items, "nadia-new");
    assert_eq!(n["last_contact"], Value::Null);
    assert_eq!(n["days_since_contact"], Value::Null);
    assert_eq!(n["counted_from"], "added");
    assert_eq!(n["start"], "2026-01-02");
    assert_eq!(n["due"], "2026-02-01");
    assert_eq!(n["days_late"], 297);
}

#[test]
fn due_prints_a_table_with_human_spans() {
    let env = small_network();
    let out = env.ok(&["due"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("NAME "), "{out}");
    for col in ["EVERY", "LAST CONTACT", "WHAT", "LATE"] {
        assert!(lines[0].contains(col), "{out}");
    }
    assert!(lines[1].starts_with("Nadia New"), "{out}");
    assert!(lines[1].contains("never logged, added 2026-01-02"), "{out}");
    assert!(lines[1].contains("9 months late"), "{out}");
    assert!(lines[2].starts_with("Wendy Weekly"), "{out}");
    assert!(lines[2].contains("2026-10-29 (3 weeks ago)"), "{out}");
    assert!(lines[2].contains("call: her new job"), "{out}");
    assert!(lines[2].contains("2 weeks late"), "{out}");
    assert!(lines[3].starts_with("Yusuf Yearly"), "{out}");
    assert!(lines[3].contains("2025-11-05 (1 year ago)"), "{out}");
}

#[test]
fn due_within_includes_those_due_soon() {
    let env = small_network();
    assert!(!due_ids(&env.json(&["due"])).contains(&"sam-soon"));
    // Sam: last contact 2026-11-22, every 2w: due 2026-12-06, in 11 days.
    assert!(!due_ids(&env.json(&["due", "--within", "7d"])).contains(&"sam-soon"));
    let items = env.json(&["due", "--within", "2w"]);
    let sam = entry(&items, "sam-soon");
    assert_eq!(sam["due"], "2026-12-06");
    assert_eq!(sam["days_late"], -11);
    assert_eq!(
        due_ids(&items).last(),
        Some(&"sam-soon"),
        "not yet due comes last"
    );
    let out = env.ok(&["due", "--within", "2w"]);
    assert!(out.contains("due in 11 days"), "{out}");
    let err = env.fails(2, &["due", "--within", "soon"]);
    assert!(err.contains("'soon' for '--within <CADENCE>'"), "{err}");
}

#[test]
fn due_tag_narrows_the_list() {
    let env = small_network();
    env.ok(&["edit", "wendy", "--tag", "work"]);
    let items = env.json(&["due", "--tag", "Work"]);
    assert_eq!(due_ids(&items), ["wendy-weekly"]);
    let out = env.run(&["due", "--tag", "nobody-has-this"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("no one is due"), "{}", out.stderr);
}

#[test]
fn logging_takes_someone_off_the_due_list() {
    let env = small_network();
    env.ok(&["log", "wendy", "nadia", "--kind", "coffee"]);
    assert_eq!(due_ids(&env.json(&["due"])), ["yusuf-yearly"]);
}

#[test]
fn due_with_no_cadences_says_how_to_set_one() {
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    let out = env.run(&["due"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("--every 30d"), "{}", out.stderr);
    assert_eq!(env.json(&["due"]), serde_json::json!([]));
}

#[test]
fn month_cadences_clamp_at_month_ends_and_leap_days() {
    let env = Env::new();
    on(&env, "2024-01-01", &["add", "Mo Monthly", "--every", "1m"]);
    on(&env, "2024-01-01", &["add", "Lee Leap", "--every", "1y"]);
    ok_on(&env, "2024-01-31", &["log", "mo"]);
    ok_on(&env, "2024-02-29", &["log", "lee"]);
    // Jan 31 + 1 month = Feb 29 in a leap year.
    let items = json_on(&env, "2024-03-01", &["due"]);
    let mo = entry(&items, "mo-monthly");
    assert_eq!(mo["due"], "2024-02-29");
    assert_eq!(mo["days_late"], 1);
    assert_eq!(mo["cadence_days"], 29);
    // Feb 29 + 1 year = Feb 28.
    let items = json_on(&env, "2025-03-01", &["due"]);
    assert_eq!(entry(&items, "lee-leap")["due"], "2025-02-28");
    // And in a common year, Jan 31 + 1 month = Feb 28.
    ok_on(&env, "2025-01-31", &["log", "mo"]);
    let items = json_on(&env, "2025-03-01", &["due"]);
    assert_eq!(entry(&items, "mo-monthly")["due"], "2025-02-28");
}

#[test]
fn an_introduction_counts_as_contact() {
    let env = small_network();
    env.ok(&[
        "intro",
        "wendy",
        "quinn",
        "--date",
        "yesterday",
        "--note",
        "both sail",
    ]);
    let items = env.json(&["due", "--within", "1w"]);
    let w = entry(&items, "wendy-weekly");
    assert_eq!(w["last_contact"], "2026-11-24");
    assert_eq!(w["last_kind"], "introduction");
    assert_eq!(w["last_note"], "both sail");
    assert_eq!(w["due"], "2026-12-01");
    let list = env.json(&["list"]);
    let quinn = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "quinn-quiet")
        .unwrap();
    assert_eq!(quinn["last_contact"], "2026-11-24");
}

#[test]
fn introductions_two_weeks_old_without_contact_since_are_nudged() {
    let env = small_network();
    env.ok(&[
        "intro",
        "quinn",
        "sam",
        "--date",
        "2026-11-01",
        "--note",
        "both sail",
    ]);
    env.ok(&["intro", "quinn", "nadia", "--date", "2026-11-18"]);
    // Sam was messaged on 2026-11-22, after the first introduction: no nudge for it yet.
    assert!(follow_ups(&env.json(&["due"])).is_empty());

    env.ok(&[
        "intro",
        "wendy",
        "yusuf",
        "--date",
        "3 weeks ago",
        "--note",
        "boats",
    ]);
    let items = env.json(&["due"]);
    let f = follow_ups(&items);
    assert_eq!(f.len(), 1, "{items:#}");
    assert_eq!(f[0]["date"], "2026-11-04");
    assert_eq!(f[0]["days_ago"], 21);
    assert_eq!(strings(&f[0]["people"]), ["wendy-weekly", "yusuf-yearly"]);
    assert_eq!(strings(&f[0]["names"]), ["Wendy Weekly", "Yusuf Yearly"]);
    assert_eq!(f[0]["note"], "boats");
    let out = env.ok(&["due"]);
    assert!(out.contains("Follow up on introductions"), "{out}");
    assert!(
        out.contains("2026-11-04  3 weeks ago  Wendy Weekly and Yusuf Yearly  boats"),
        "{out}"
    );
    // The tag filter keeps introductions that include someone with the tag.
    env.ok(&["edit", "yusuf", "--tag", "sailing"]);
    assert_eq!(follow_ups(&env.json(&["due", "--tag", "sailing"])).len(), 1);
    assert!(follow_ups(&env.json(&["due", "--tag", "work"])).is_empty());

    // Being in touch with either of them since ends the nudge.
    env.ok(&["log", "yusuf", "--date", "2 days ago"]);
    assert!(follow_ups(&env.json(&["due"])).is_empty());
}

// ---------------------------------------------------------------------------------------
// show and list

#[test]
fn show_has_recent_contact_and_the_next_due_date() {
    let env = small_network();
    let out = env.ok(&["show", "wendy"]);
    assert!(out.contains("every      1w\n"), "{out}");
    assert!(
        out.contains("contacted  2026-10-29 (3 weeks ago)\n"),
        "{out}"
    );
    assert!(
        out.contains("next due   2026-11-05 (2 weeks late)\n"),
        "{out}"
    );
    let p = env.json(&["show", "wendy"]);
    let r = p["interactions"][0]["ref"].as_str().unwrap();
    assert!(
        out.contains(&format!(
            "Recent contact\n  2026-10-29  {r}  call  her new job"
        )),
        "{out}"
    );
    assert_eq!(p["last_contact"], "2026-10-29");
    assert_eq!(p["next_due"], "2026-11-05");
    assert_eq!(p["cadence"], "1w");
    assert_eq!(p["interactions"][0]["kind"], "call");

    let out = env.ok(&["show", "nadia"]);
    assert!(
        out.contains("next due   2026-02-01 (9 months late, counted from when they were added)"),
        "{out}"
    );
    env.ok(&["cadence", "friends", "2w"]);
    env.ok(&["edit", "quinn", "--tag", "friends"]);
    let out = env.ok(&["show", "quinn"]);
    assert!(
        out.contains("every      2w (from the tag friends)"),
        "{out}"
    );
    let p = env.json(&["show", "quinn"]);
    assert_eq!(p["cadence_tag"], "friends");
    assert_eq!(p["last_contact"], Value::Null);
}

#[test]
fn list_sorts_by_last_contact_and_carries_it_in_json() {
    let env = small_network();
    let list = env.json(&["list", "--sort", "last-contact"]);
    let rows = list.as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "sam-soon",
            "wendy-weekly",
            "yusuf-yearly",
            "nadia-new",
            "quinn-quiet"
        ]
    );
    assert_eq!(rows[0]["last_contact"], "2026-11-22");
    assert_eq!(rows[3]["last_contact"], Value::Null);
    // The rest of the person object is there as before.
    assert_eq!(rows[0]["every"], "2w");
    let out = env.ok(&["list", "--sort", "last-contact"]);
    assert!(
        out.lines().next().unwrap().contains("LAST CONTACT"),
        "{out}"
    );
    assert!(out.contains("2026-11-22 (3 days ago)"), "{out}");
    assert!(out.contains("never"), "{out}");
    let reversed = env.json(&["list", "--sort", "last-contact", "-r"]);
    assert_eq!(reversed[4]["id"], "sam-soon");
}

// ---------------------------------------------------------------------------------------
// The sample

#[test]
fn the_sample_network_has_people_due() {
    let env = Env::sample();
    let items = env.json(&["due"]);
    let ids = due_ids(&items);
    assert_eq!(ids[0], "nora-hale", "{items:#}");
    // Ruth's own 7d wins over family's 14d; she was called three days ago.
    assert!(!ids.contains(&"ruth-hale"));
    let soon = env.json(&["due", "--within", "1w"]);
    let ruth = entry(&soon, "ruth-hale");
    assert_eq!(ruth["cadence"], "7d");
    assert_eq!(ruth["due"], "2026-11-29");
    let list = env.json(&["cadence"]);
    let tags: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["close-friends", "family", "network"]);
}
