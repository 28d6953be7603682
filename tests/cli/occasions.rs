//! Birthdays and anniversaries: set by `add`/`edit`, shown by `show`, listed by `due`.

use crate::common::Env;

#[test]
fn add_edit_show_and_clear_a_birthday() {
    let env = Env::new();
    env.ok(&[
        "add",
        "Ada Larkwell",
        "--birthday",
        "1990-12-01",
        "--nickname",
        "Countess",
    ]);
    let ada = env.person("ada-larkwell");
    assert_eq!(
        (ada["birthday"].as_str(), ada["nickname"].as_str()),
        (Some("1990-12-01"), Some("Countess"))
    );
    let r = env.json(&["edit", "ada", "--anniversary", "--06-10"]);
    assert_eq!(r["changed"], serde_json::json!(["anniversary"]));
    assert_eq!(env.person("ada-larkwell")["anniversary"], "--06-10");
    let shown = env.ok(&["show", "ada"]);
    assert!(
        shown.contains("1990-12-01 (age 35, next birthday in 6 days (turns 36))"),
        "{shown}"
    );
    assert!(shown.contains("--06-10 (next anniversary in "), "{shown}");
    let json = env.json(&["show", "ada"]);
    assert_eq!(json["age"], 35);
    assert_eq!(json["occasions"][0]["next"], "2026-12-01");
    env.ok(&["edit", "ada", "--clear", "birthday"]);
    assert!(env.person("ada-larkwell").get("birthday").is_none());
}

#[test]
fn a_birthday_that_is_no_date_is_refused_with_exit_2() {
    let env = Env::new();
    let err = env.fails(2, &["add", "Ada", "--birthday", "11/07/1852"]);
    assert!(err.contains("write YYYY-MM-DD, or --MM-DD"), "{err}");
    let err = env.fails(2, &["add", "Ada", "--anniversary", "--02-30"]);
    assert!(err.contains("is not a date"), "{err}");
    assert!(!env.file.exists());
}

#[test]
fn due_lists_birthdays_and_anniversaries_in_its_window() {
    let env = Env::new();
    // Today is 2026-11-25 (common::TODAY).
    env.ok(&["add", "Ada Larkwell", "--birthday", "1990-12-01"]);
    env.ok(&["add", "Bo Chen", "--anniversary", "--11-25"]);
    env.ok(&["add", "Cy Dunn", "--birthday", "--12-20"]);
    env.ok(&["add", "Di Eze", "--birthday", "2000-02-29"]);
    let items = env.json(&["due"]);
    let seen: Vec<(&str, &str, i64)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["type"].as_str().unwrap(),
                i["id"].as_str().unwrap(),
                i["days_until"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("anniversary", "bo-chen", 0),
            ("birthday", "ada-larkwell", 6)
        ]
    );
    assert_eq!(items[1]["years"], 36);
    assert_eq!(items[1]["date"], "1990-12-01");
    assert!(items[0]["years"].is_null());
    // --within widens the window: Cy's birthday is 25 days away.
    let wider = env.json(&["due", "--within", "4w"]);
    assert_eq!(wider.as_array().unwrap().len(), 3);
    assert_eq!(wider[2]["id"], "cy-dunn");
    let human = env.ok(&["due"]);
    assert!(human.contains("Birthdays and anniversaries"), "{human}");
    assert!(human.contains("anniversary today"), "{human}");
    assert!(human.contains("birthday in 6 days (turns 36)"), "{human}");
}

#[test]
fn old_files_without_the_new_fields_load_and_show() {
    let env = Env::with_file(
        r#"{"version": 1, "people": [{"id": "ada", "name": "Ada", "birthday": "1861-12-03"}]}"#,
    );
    let shown = env.ok(&["show", "ada"]);
    assert!(shown.contains("1861-12-03 (age 164"), "{shown}");
    assert_eq!(env.json(&["due"])[0]["type"], "birthday");
}
