//! The data file: where it lives, how it is checked, and that it is never lost.

use std::os::unix::fs::PermissionsExt;

use netweb_test_support::files::is_root;

use crate::common::{Env, strings};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn first_write_creates_a_private_file_and_directory() {
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    assert_eq!(mode(&env.file), 0o600);
    assert_eq!(mode(env.file.parent().unwrap()), 0o700);
    let text = env.text();
    assert!(
        text.ends_with("}\n") && !text.ends_with("\n\n"),
        "one trailing newline"
    );
    assert!(
        text.contains("\n  \"people\": [\n"),
        "pretty-printed with two spaces:\n{text}"
    );
}

#[test]
fn saves_keep_the_previous_version_as_bak() {
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    let first = env.text();
    env.ok(&["add", "Bob"]);
    let bak = env.file.with_file_name("network.json.bak");
    assert_eq!(std::fs::read_to_string(&bak).unwrap(), first);
    assert_eq!(mode(&bak), 0o600);
    // No temp files are left behind.
    let names: Vec<String> = std::fs::read_dir(env.file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        [
            "network.json",
            "network.json.bak",
            "network.json.history",
            "network.json.lock"
        ]
    );
}

#[test]
fn existing_permissions_are_kept() {
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    std::fs::set_permissions(&env.file, std::fs::Permissions::from_mode(0o640)).unwrap();
    env.ok(&["add", "Bob"]);
    assert_eq!(mode(&env.file), 0o640);
}

#[test]
fn file_flag_wins_over_the_environment_and_the_default_is_the_data_dir() {
    let env = Env::new();
    let other = env.dir.path().join("other.json");
    env.ok(&["--file", other.to_str().unwrap(), "add", "Ada"]);
    assert!(other.exists() && !env.file.exists());

    // Without --file or NETWEB_FILE: the platform data directory under HOME.
    let out = env
        .cmd(&["add", "Bob"])
        .env_remove("NETWEB_FILE")
        .env("XDG_DATA_HOME", env.dir.path().join("xdg"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.dir.path().join("xdg/netweb/network.json").exists());
}

#[test]
fn malformed_json_names_line_and_column_and_is_left_untouched() {
    let broken =
        "{\n  \"version\": 1,\n  \"people\": [\n    {\"id\": \"a\", \"name\": \"A\"},\n  ]\n}\n";
    let env = Env::with_file(broken);
    let err = env.fails(1, &["add", "Bob"]);
    assert!(err.contains("network.json:5:3: trailing comma"), "{err}");
    assert!(err.contains("hint: fix the file by hand"), "{err}");
    assert_eq!(
        env.text(),
        broken,
        "the broken file must stay byte-for-byte"
    );
    let err = env.fails(1, &["list"]);
    assert!(err.contains(":5:3:"), "{err}");
}

#[test]
fn wrong_types_and_bad_dates_are_located() {
    let env =
        Env::with_file("{\"people\": [{\"id\": \"a\", \"name\": \"A\", \"met\": \"2024-02-30\"}]}");
    let err = env.fails(1, &["list"]);
    assert!(err.contains("invalid date \"2024-02-30\""), "{err}");
    assert!(err.contains("network.json:1:"), "{err}");
    let env = Env::with_file("{\"people\": [{\"id\": \"a\", \"name\": 7}]}");
    let err = env.fails(1, &["list"]);
    assert!(
        err.contains("invalid type: integer `7`, expected a string"),
        "{err}"
    );
}

#[test]
fn each_broken_rule_names_the_entry() {
    let cases = [
        (
            r#"{"people":[{"id":"a","name":"A"}],"relationships":[{"a":"a","b":"zed"}]}"#,
            "relationships[0] (a - zed) names \"zed\", who is not in people",
        ),
        (
            r#"{"people":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}"#,
            "people[1] has the id \"a\", already used by people[0]",
        ),
        (
            r#"{"people":[{"id":"a","name":"A"}],"relationships":[{"a":"a","b":"a"}]}"#,
            "links a person with themself",
        ),
        (
            r#"{"people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"relationships":[{"a":"a","b":"b","strength":7}]}"#,
            "has strength 7: strength goes from 1 to 5",
        ),
        (
            r#"{"people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"relationships":[{"a":"a","b":"b"},{"a":"b","b":"a"}]}"#,
            "relationships[1] (b - a) repeats relationships[0]",
        ),
        (
            r#"{"people":[{"id":"a","name":"A","every":"often"}]}"#,
            "people[0] (a) has every \"often\", not a cadence",
        ),
        (
            r#"{"people":[{"id":"a","name":"A"}],"interactions":[{"date":"2026-01-01","people":["ghost"]}]}"#,
            "interactions[0] (2026-01-01) names \"ghost\"",
        ),
    ];
    for (text, expected) in cases {
        let env = Env::with_file(text);
        let err = env.fails(1, &["add", "Someone"]);
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
        assert!(err.contains("hint: fix the file by hand"), "{err}");
        assert_eq!(env.text(), text);
    }
}

#[test]
fn a_newer_version_is_never_overwritten() {
    let text = "{\"version\": 99, \"people\": [{\"id\": \"a\", \"name\": \"A\"}]}\n";
    let env = Env::with_file(text);
    let err = env.fails(1, &["add", "Bob"]);
    assert!(err.contains("format version 99"), "{err}");
    assert!(err.contains("only knows up to version 1"), "{err}");
    assert_eq!(env.text(), text);
    // Reading still works, as far as this build understands the file.
    assert_eq!(env.json(&["list"])[0]["id"], "a");
}

#[test]
fn unknown_fields_survive_a_round_trip_at_every_level() {
    let text = r#"{
  "version": 1,
  "owner": {"name": "Me"},
  "people": [
    {"id": "a", "name": "A", "pronouns": "she/her", "socials": {"mastodon": "@a@example.org"}},
    {"id": "b", "name": "B"}
  ],
  "relationships": [{"a": "a", "b": "b", "context": "school", "weight": 0.5}],
  "interactions": [{"date": "2026-01-01", "people": ["a"], "mood": "good"}],
  "introductions": [{"date": "2026-01-02", "people": ["a", "b"], "outcome": "they hit it off"}]
}"#;
    let env = Env::with_file(text);
    env.ok(&["add", "Carol"]);
    let d = env.data();
    assert_eq!(d["owner"]["name"], "Me");
    assert_eq!(d["people"][0]["pronouns"], "she/her");
    assert_eq!(d["people"][0]["socials"]["mastodon"], "@a@example.org");
    assert_eq!(d["relationships"][0]["context"], "school");
    assert_eq!(d["relationships"][0]["weight"], 0.5);
    assert_eq!(d["interactions"][0]["mood"], "good");
    assert_eq!(d["introductions"][0]["outcome"], "they hit it off");
    assert_eq!(d["people"][2]["id"], "carol");
}

#[test]
fn a_hand_edited_file_with_bom_crlf_and_mixed_case_loads() {
    let env = Env::with_file(
        "\u{feff}{\r\n\"people\": [{\"id\": \"a\", \"name\": \"A\", \"interests\": [\" Rust \", \"rust\", \"GO\"]}]\r\n}\r\n",
    );
    assert_eq!(
        strings(&env.json(&["show", "a"])["interests"]),
        ["rust", "go"]
    );
}

#[test]
fn concurrent_adds_all_land() {
    let env = Env::new();
    let children: Vec<_> = (0..16)
        .map(|i| {
            let name = format!("Person {i}");
            env.process(&["add", &name, "--interest", "concurrency"])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let people = env.data()["people"].as_array().unwrap().clone();
    let mut ids: Vec<&str> = people.iter().map(|p| p["id"].as_str().unwrap()).collect();
    ids.sort();
    let mut expected: Vec<String> = (0..16).map(|i| format!("person-{i}")).collect();
    expected.sort();
    assert_eq!(ids, expected);
}

#[test]
fn a_symlinked_file_is_written_through() {
    let env = Env::new();
    let real_dir = env.dir.path().join("synced");
    std::fs::create_dir_all(&real_dir).unwrap();
    let real = real_dir.join("contacts.json");
    std::fs::create_dir_all(env.file.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &env.file).unwrap();
    env.ok(&["add", "Ada"]);
    env.ok(&["add", "Bob"]);
    assert!(
        std::fs::symlink_metadata(&env.file)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    let people =
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&real).unwrap())
            .unwrap();
    assert_eq!(people["people"].as_array().unwrap().len(), 2);
    assert!(real_dir.join("contacts.json.bak").exists());
}

#[test]
fn a_read_only_directory_fails_cleanly() {
    if is_root() {
        // Root ignores permission bits; the check is meaningless there (and
        // hardening.rs's a_read_only_directory_fails_cleanly_even_as_root covers root).
        eprintln!("skipped: a_read_only_directory_fails_cleanly: root ignores permission bits");
        return;
    }
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    let dir = env.file.parent().unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let before = env.text();
    let err = env.fails(1, &["add", "Bob"]);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert!(err.contains("could not"), "{err}");
    assert_eq!(env.text(), before);
}
