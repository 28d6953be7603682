//! Undo and correction: `undo`, `forget`, the duplicate intro, `history`, `show`'s
//! "and N more", and `list --search` over interaction notes.

use netweb_test_support::synthetic::{Spec, generate};
use serde_json::Value;

use crate::common::Env;

fn history_file(env: &Env) -> std::path::PathBuf {
    env.file.with_extension("json.history")
}

#[test]
fn undo_takes_back_the_last_change_and_says_what_and_undo_again_redoes_it() {
    let env = Env::sample();
    let original = env.text();
    env.ok(&["log", "walter", "--kind", "call", "--date", "yesterday"]);
    let logged = env.text();
    let out = env.run(&["undo"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("undid: netweb log walter --kind call --date yesterday ("),
        "{}",
        out.stdout
    );
    assert_eq!(
        env.text(),
        original,
        "undo gives the file back byte for byte"
    );
    let out = env.ok(&["undo"]);
    assert!(out.starts_with("redid: netweb log walter"), "{out}");
    assert_eq!(env.text(), logged);
    let json = env.json(&["undo"]);
    assert_eq!(json["action"], "undo");
    assert_eq!(
        json["changes"][0]["command"],
        "netweb log walter --kind call --date yesterday"
    );
    assert_eq!(env.text(), original);
}

#[test]
fn the_last_ten_changes_can_be_undone_one_by_one_and_the_history_is_bounded() {
    let env = Env::sample();
    let mut states = vec![env.text()];
    for i in 0..12 {
        env.ok(&["log", "nora", "--note", &format!("chat {i}")]);
        states.push(env.text());
    }
    let listed = env.json(&["undo", "--list"]);
    assert_eq!(listed.as_array().unwrap().len(), 10);
    assert_eq!(listed[0]["command"], "netweb log nora --note \"chat 11\"");
    for back in 1..=10 {
        let out = env.ok(&["undo", "1"]);
        assert!(out.contains(&format!("chat {}", 12 - back)), "{out}");
        assert_eq!(env.text(), states[12 - back], "after {back} undos");
    }
    let err = env.fails(1, &["undo", "1"]);
    assert!(err.contains("there is nothing to undo"), "{err}");
    assert_eq!(env.text(), states[2]);
    // Ten small changes take a few kilobytes, not ten copies of the 30 kB file.
    let size = std::fs::metadata(history_file(&env)).unwrap().len();
    assert!(size < 8_000, "history is {size} bytes");
    // A new change after undoing drops what could have been redone.
    env.ok(&["log", "nora", "--note", "fresh"]);
    assert_eq!(env.json(&["undo", "--list"]).as_array().unwrap().len(), 1);
    env.fails(2, &["undo", "11"]);
}

#[test]
fn undo_refuses_when_the_lines_it_changed_were_edited_by_hand_since() {
    let env = Env::sample();
    env.ok(&["log", "walter", "--note", "sails"]);
    let edited = env
        .text()
        .replace("\"note\": \"sails\"", "\"note\": \"sails and ropes\"");
    env.write(&edited);
    let err = env.fails(1, &["undo"]);
    assert!(
        err.contains("changed since `netweb log walter --note sails`"),
        "{err}"
    );
    assert_eq!(env.text(), edited);
    // An edit elsewhere is kept: undo takes back only the lines the change made.
    let env = Env::sample();
    let original = env.text();
    env.ok(&["log", "walter", "--note", "sails"]);
    env.write(&env.text().replace("Walter Hale", "Walt Hale"));
    env.ok(&["undo"]);
    assert_eq!(env.text(), original.replace("Walter Hale", "Walt Hale"));
    let fresh = Env::new();
    let err = fresh.fails(1, &["undo"]);
    assert!(err.contains("nothing to undo"), "{err}");
}

#[test]
fn a_spliced_log_on_a_large_file_is_recorded_as_a_few_lines() {
    let net = generate(&Spec::scaled(7_000));
    let old = netweb::store::to_bytes(&net).unwrap();
    assert!(old.len() > netweb::store::SPLICE_FROM_BYTES);
    let env = Env::new();
    std::fs::create_dir_all(env.file.parent().unwrap()).unwrap();
    std::fs::write(&env.file, &old).unwrap();
    let first = net.people[0].id.as_str();
    env.ok(&["log", first, "--note", "spliced"]);
    let size = std::fs::metadata(history_file(&env)).unwrap().len();
    assert!(
        size < 2_000,
        "a log on a {} byte file took {size} bytes",
        old.len()
    );
    env.ok(&["undo"]);
    assert!(
        std::fs::read(&env.file).unwrap() == old,
        "undo restores every byte"
    );
}

#[test]
fn forget_removes_one_interaction_or_introduction_by_the_id_show_prints() {
    let env = Env::sample();
    env.ok(&["log", "walter", "--kind", "call", "--note", "wrong person"]);
    let show = env.json(&["show", "walter"]);
    let x = &show["interactions"][0];
    assert_eq!(x["note"], "wrong person");
    let id = x["ref"].as_str().unwrap().to_string();
    assert!(id.starts_with('l') && id.len() == 8, "{id}");
    let text = env.ok(&["show", "walter"]);
    assert!(text.contains(&id), "{text}");
    let count = |env: &Env, list: &str| env.data()[list].as_array().unwrap().len();
    let before = count(&env, "interactions");
    let out = env.ok(&["forget", &id]);
    assert_eq!(
        out,
        format!("forgot call with Walter Hale on 2026-11-25 (`netweb undo` brings it back)\n")
    );
    assert_eq!(count(&env, "interactions"), before - 1);

    let intros = env.json(&["intros"]);
    let first = intros[0]["ref"].as_str().unwrap().to_string();
    assert!(env.ok(&["intros"]).contains(&first));
    let n = count(&env, "introductions");
    env.ok(&["forget", &first]);
    assert_eq!(count(&env, "introductions"), n - 1);
    let err = env.fails(1, &["forget", "lnothing"]);
    assert!(
        err.contains("no interaction or introduction has the id"),
        "{err}"
    );
}

#[test]
fn a_second_identical_intro_on_the_same_day_changes_nothing() {
    let env = Env::sample();
    env.ok(&["intro", "kenji", "sofia", "--note", "hiring"]);
    let once = env.text();
    let out = env.ok(&["intro", "sofia", "kenji"]);
    assert!(
        out.starts_with(
            "already recorded: Kenji Watanabe and Sofia Petrova were introduced on 2026-11-25 (i"
        ),
        "{out}"
    );
    assert!(out.ends_with("); nothing changed\n"), "{out}");
    assert_eq!(env.text(), once);
    assert_eq!(
        env.json(&["intro", "kenji", "sofia"])["already_recorded"],
        true
    );
}

#[test]
fn history_prints_the_whole_timeline_and_show_says_how_many_more() {
    let env = Env::sample();
    for i in 0..7 {
        env.ok(&[
            "log",
            "ruth",
            "--note",
            &format!("talk {i}"),
            "--date",
            &format!("{} days ago", i + 1),
        ]);
    }
    let show = env.ok(&["show", "ruth"]);
    let total = env.json(&["show", "ruth"])["interactions"]
        .as_array()
        .unwrap()
        .len();
    assert!(
        show.contains(&format!(
            "... and {} more (`netweb history ruth-hale` has them all)",
            total - 5
        )),
        "{show}"
    );
    let h = env.json(&["history", "ruth"]);
    assert_eq!(h["id"], "ruth-hale");
    let events = h["events"].as_array().unwrap();
    let interactions: Vec<&Value> = events
        .iter()
        .filter(|e| e["what"] == "interaction")
        .collect();
    assert_eq!(interactions.len(), total);
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "oldest first");
    assert!(events.iter().any(|e| e["what"] == "change"
        && e["text"] == "netweb log ruth --note \"talk 0\" --date \"1 days ago\""));
    let talk = interactions
        .iter()
        .find(|e| e["text"] == "contact: talk 0")
        .unwrap();
    assert_eq!(talk["date"], "2026-11-24");
    let text = env.ok(&["history", "ruth"]);
    assert!(
        text.starts_with("Ruth Hale  ruth-hale  history\n"),
        "{text}"
    );
    assert!(text.contains(talk["ref"].as_str().unwrap()), "{text}");
}

#[test]
fn list_search_also_finds_words_in_interaction_notes() {
    let env = Env::sample();
    env.ok(&["log", "oskar", "--note", "talked about zeppelins"]);
    let found = env.json(&["list", "--search", "ZEPPELIN"]);
    let ids: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["oskar-nilsson"]);
    // The other filters still apply.
    let none = env.json(&["list", "--search", "zeppelin", "--tag", "family"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
}
