//! `netweb sync VDIR`: two-way sync with a folder of one .vcf per contact.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Env, strings};

/// A card as a phone (or vdirsyncer from a server) leaves it.
fn phone_card(uid: &str, name: &str, extra: &str) -> String {
    format!("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\n{extra}END:VCARD\r\n")
}

fn vdir(env: &Env) -> PathBuf {
    let dir = env.dir.path().join("contacts");
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn sync(env: &Env, dir: &Path) -> Value {
    env.json(&["sync", dir.to_str().unwrap()])
}

/// The card file holding this text, and its text.
fn card_with(dir: &Path, needle: &str) -> (PathBuf, String) {
    let mut found: Vec<(PathBuf, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "vcf"))
        .map(|p| {
            let t = fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .filter(|(_, t)| t.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "cards with {needle:?}: {found:?}");
    found.remove(0)
}

fn cards(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "vcf")
        })
        .count()
}

/// Replaces text in a card, as an edit on the phone would.
fn edit_card(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    fs::write(path, text.replace(from, to)).unwrap();
}

fn uid_line(text: &str) -> &str {
    text.lines().find(|l| l.starts_with("UID:")).unwrap()
}

pub fn env_with_ada() -> Env {
    let env = Env::new();
    env.ok(&[
        "add",
        "Ada Larkwell",
        "--email",
        "ada@example.org",
        "--interest",
        "mathematics",
        "--offer",
        "mentoring",
        "--every",
        "30d",
        "--tag",
        "work",
    ]);
    env
}

#[test]
fn the_first_sync_goes_both_ways_and_the_second_changes_nothing() {
    let env = env_with_ada();
    let dir = vdir(&env);
    fs::write(
        dir.join("grace.vcf"),
        phone_card(
            "grace-1",
            "Grace Hollis",
            "TEL;TYPE=CELL:+1 202 555 0100\r\n",
        ),
    )
    .unwrap();
    let r = sync(&env, &dir);
    assert_eq!(r["new_people"], 1);
    assert_eq!(r["new_cards"], 1);
    assert_eq!(r["dry_run"], false);
    // Ada got a card, under a UID now kept on her.
    let ada = env.person("ada-larkwell");
    let uid = ada["uid"].as_str().unwrap().to_string();
    assert_eq!(uid.len(), 36, "a UUID: {uid}");
    let (path, text) = card_with(&dir, "FN:Ada Larkwell");
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        format!("{uid}.vcf")
    );
    assert!(text.contains(&format!("UID:{uid}\r\n")), "{text}");
    assert!(text.contains("X-NETWEB-INTEREST:mathematics\r\n"), "{text}");
    assert!(text.contains("X-NETWEB-EVERY:30d\r\n"), "{text}");
    // Grace came in, with the card's UID; her card was left as it was.
    let grace = env.person("grace-hollis");
    assert_eq!(grace["uid"], "grace-1");
    assert_eq!(strings(&grace["phones"]), ["+1 202 555 0100"]);
    assert_eq!(grace["added"], "2026-11-25");
    assert!(
        !fs::read_to_string(dir.join("grace.vcf"))
            .unwrap()
            .contains("X-NETWEB")
    );
    // The state: one line per card, in the data file.
    assert_eq!(env.data()["sync"].as_array().unwrap().len(), 2);
    let data = env.text();
    let again = sync(&env, &dir);
    assert_eq!(again["unchanged"], 2);
    assert_eq!(again["entries"].as_array().unwrap().len(), 0);
    assert_eq!(env.text(), data, "a sync with nothing new saves nothing");
}

#[test]
fn a_card_matches_its_person_by_the_duplicate_rules_of_import() {
    let env = env_with_ada();
    let dir = vdir(&env);
    fs::write(
        dir.join("a.vcf"),
        phone_card(
            "phone-ada",
            "Ada Kell",
            "EMAIL:ADA@example.org\r\nTEL:+44 1\r\n",
        ),
    )
    .unwrap();
    let r = sync(&env, &dir);
    assert_eq!(
        (r["merged"].as_u64(), r["new_people"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(r["clashes"], 1, "{r:#}");
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["name"], "Ada Larkwell");
    assert_eq!(ada["uid"], "phone-ada");
    assert_eq!(strings(&ada["phones"]), ["+44 1"]);
    assert_eq!(ada["sync_clashes"][0]["card"], "Ada Kell");
    // The card now carries what netweb knows, under the phone's UID.
    let text = fs::read_to_string(dir.join("a.vcf")).unwrap();
    assert!(text.contains("UID:phone-ada\r\n") && text.contains("X-NETWEB-OFFER:mentoring"));
    assert_eq!(cards(&dir), 1);
}

#[test]
fn edits_on_each_side_reach_the_other() {
    let env = env_with_ada();
    env.ok(&["add", "Grace Hollis", "--company", "Navy"]);
    let dir = vdir(&env);
    sync(&env, &dir);
    // On the phone: Ada's role. Here: Grace's company.
    let (ada_card, _) = card_with(&dir, "FN:Ada Larkwell");
    edit_card(&ada_card, "END:VCARD", "TITLE:Countess\r\nEND:VCARD");
    env.ok(&["edit", "grace", "--company", "Harvard"]);
    let r = sync(&env, &dir);
    assert_eq!(r["updated_people"], 1);
    assert_eq!(r["updated_cards"], 1);
    assert_eq!(r["unchanged"], 0);
    assert_eq!(env.person("ada-larkwell")["role"], "Countess");
    // netweb's own fields stayed, as the card carries them.
    assert_eq!(
        strings(&env.person("ada-larkwell")["interests"]),
        ["mathematics"]
    );
    let (_, grace) = card_with(&dir, "FN:Grace Hollis");
    assert!(grace.contains("ORG:Harvard\r\n"), "{grace}");
    assert_eq!(sync(&env, &dir)["unchanged"], 2);
}

#[test]
fn a_phone_that_drops_netwebs_properties_does_not_erase_them() {
    let env = env_with_ada();
    let dir = vdir(&env);
    sync(&env, &dir);
    let (path, text) = card_with(&dir, "FN:Ada Larkwell");
    let stripped: String = text
        .split_inclusive("\r\n")
        .filter(|l| !l.starts_with("X-NETWEB-"))
        .collect::<String>()
        .replace("FN:Ada Larkwell", "FN:Ada Kell");
    fs::write(&path, stripped).unwrap();
    let r = sync(&env, &dir);
    assert_eq!(r["updated_people"], 1);
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["name"], "Ada Kell");
    assert_eq!(strings(&ada["interests"]), ["mathematics"]);
    assert_eq!(ada["every"], "30d");
}

#[test]
fn deletes_reach_the_other_side_only_when_it_is_unchanged() {
    let env = Env::new();
    for name in [
        "Ada Larkwell",
        "Grace Hollis",
        "Alan Tarvin",
        "Edsger Dunmoore",
    ] {
        env.ok(&["add", name]);
    }
    env.ok(&["log", "ada", "--note", "tea"]);
    let dir = vdir(&env);
    sync(&env, &dir);
    assert_eq!(cards(&dir), 4);
    // Removed on the phone, unchanged here: removed here, with what pointed at them.
    let (ada, _) = card_with(&dir, "FN:Ada Larkwell");
    fs::remove_file(ada).unwrap();
    // Removed on the phone, but changed here since: kept, the card written again.
    let (grace, _) = card_with(&dir, "FN:Grace Hollis");
    fs::remove_file(grace).unwrap();
    env.ok(&["edit", "grace", "--company", "Navy"]);
    // Removed here, card unchanged: the card goes.
    env.ok(&["rm", "alan-tarvin"]);
    // Removed here, but the card changed since: added back from the card.
    env.ok(&["rm", "edsger-dunmoore"]);
    let (edsger, _) = card_with(&dir, "FN:Edsger Dunmoore");
    edit_card(
        &edsger,
        "END:VCARD",
        "NOTE:goto considered harmful\r\nEND:VCARD",
    );

    let r = sync(&env, &dir);
    assert_eq!(r["deleted_people"], 1, "{r:#}");
    assert_eq!(r["deleted_cards"], 1);
    assert_eq!(r["kept"], 2);
    let ids: Vec<String> = env.data()["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["grace-hollis", "edsger-dunmoore"]);
    assert!(
        env.data().get("interactions").is_none(),
        "Ada's log went with her"
    );
    assert_eq!(
        env.person("edsger-dunmoore")["notes"],
        "goto considered harmful"
    );
    let (_, grace) = card_with(&dir, "FN:Grace Hollis");
    assert!(grace.contains("ORG:Navy"));
    assert_eq!(cards(&dir), 2);
    let kept: Vec<&str> = r["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(sync(&env, &dir)["unchanged"], 2);
    // `undo` takes the whole sync back in the data file.
    env.ok(&["undo"]);
}

#[test]
fn a_conflict_is_merged_field_by_field_and_reported() {
    let env = env_with_ada();
    let dir = vdir(&env);
    sync(&env, &dir);
    let (path, _) = card_with(&dir, "FN:Ada Larkwell");
    edit_card(
        &path,
        "END:VCARD",
        "ORG:Looms Ltd\r\nTEL:+44 2\r\nX-NETWEB-INTEREST:poetry\r\nEND:VCARD",
    );
    env.ok(&[
        "edit",
        "ada",
        "--company",
        "Analytical Engines",
        "--interest",
        "chess",
    ]);
    let out = env.ok(&["sync", dir.to_str().unwrap()]);
    assert!(out.contains("merged"), "{out}");
    assert!(
        out.contains("company: kept \"Analytical Engines\", the card had \"Looms Ltd\""),
        "{out}"
    );
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["company"], "Analytical Engines");
    assert_eq!(
        strings(&ada["interests"]),
        ["mathematics", "chess", "poetry"]
    );
    assert_eq!(strings(&ada["phones"]), ["+44 2"]);
    assert_eq!(ada["sync_clashes"][0]["field"], "company");
    assert_eq!(ada["sync_clashes"][0]["card"], "Looms Ltd");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("ORG:Analytical Engines\r\n") && !text.contains("Looms Ltd\r\n"));
    assert!(text.contains("X-NETWEB-INTEREST:poetry") && text.contains("TEL:+44 2"));
    assert_eq!(sync(&env, &dir)["unchanged"], 1);
}

#[test]
fn when_both_sides_changed_a_removal_on_either_side_sticks() {
    let env = env_with_ada();
    env.ok(&["edit", "ada", "--email", "old@example.org"]);
    let dir = vdir(&env);
    sync(&env, &dir);
    let (path, text) = card_with(&dir, "FN:Ada Larkwell");
    assert!(text.contains("old@example.org"), "{text}");
    // On the phone: the old address deleted. In netweb: an interest dropped, a company set.
    let line = text
        .lines()
        .find(|l| l.contains("old@example.org"))
        .unwrap()
        .to_string();
    edit_card(&path, &format!("{line}\r\n"), "");
    env.ok(&[
        "edit",
        "ada",
        "--rm-interest",
        "mathematics",
        "--company",
        "Engines",
    ]);
    let out = sync(&env, &dir);
    assert_eq!(out["entries"][0]["action"], "merged", "{out}");
    let ada = env.person("ada-larkwell");
    assert_eq!(strings(&ada["emails"]), ["ada@example.org"]);
    assert_eq!(ada.get("interests"), None, "{ada}");
    assert_eq!(ada["company"], "Engines");
    assert_eq!(ada.get("sync_clashes"), None, "{ada}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("old@example.org") && !text.contains("mathematics"),
        "{text}"
    );
    assert!(text.contains("ORG:Engines"), "{text}");
    assert_eq!(sync(&env, &dir)["unchanged"], 1);
}

#[test]
fn a_cards_unknown_properties_are_kept_when_netweb_rewrites_it() {
    let env = Env::new();
    let dir = vdir(&env);
    let photo = "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS\r\n Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/\r\n";
    let extra = format!(
        "{photo}X-PHONETIC-FIRST-NAME:Ay-da\r\nitem1.X-ABDATE:1835-07-08\r\nitem1.X-ABLabel:wedding\r\nX-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Ada;1\r\n"
    );
    fs::write(
        dir.join("ada.vcf"),
        phone_card("ada-1", "Ada Larkwell", &extra),
    )
    .unwrap();
    sync(&env, &dir);
    env.ok(&[
        "edit",
        "ada",
        "--company",
        "Engines",
        "--interest",
        "poetry",
    ]);
    let r = sync(&env, &dir);
    assert_eq!(r["updated_cards"], 1);
    let text = fs::read_to_string(dir.join("ada.vcf")).unwrap();
    assert!(text.contains(photo), "{text}");
    assert!(text.contains("X-PHONETIC-FIRST-NAME:Ay-da\r\n"));
    assert!(text.contains("X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Ada;1\r\n"));
    assert!(text.contains("X-ABDATE:1835-07-08\r\n") && text.contains(".X-ABLabel:wedding\r\n"));
    assert!(text.contains("ORG:Engines\r\n") && text.contains("X-NETWEB-INTEREST:poetry\r\n"));
    assert!(
        text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada-1\r\n"),
        "{text}"
    );
}

#[test]
fn uids_stay_the_same_over_three_round_trips() {
    let env = env_with_ada();
    let dir = vdir(&env);
    sync(&env, &dir);
    let uid = env.person("ada-larkwell")["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let (path, _) = card_with(&dir, "FN:Ada Larkwell");
    for round in 1..=3 {
        // The phone changes the note; netweb adds an interest; both reach the other side.
        let text = fs::read_to_string(&path).unwrap();
        let note = format!("NOTE:round {round}\r\n");
        let edited: String = text
            .split_inclusive("\r\n")
            .filter(|l| !l.starts_with("NOTE:"))
            .collect::<String>()
            .replace("END:VCARD", &format!("{note}END:VCARD"));
        fs::write(&path, edited).unwrap();
        sync(&env, &dir);
        env.ok(&["edit", "ada", "--interest", &format!("topic {round}")]);
        sync(&env, &dir);
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(uid_line(&text), format!("UID:{uid}"));
        assert!(text.contains(&format!("X-NETWEB-INTEREST:topic {round}")));
        assert_eq!(
            env.person("ada-larkwell")["notes"],
            format!("round {round}")
        );
        assert_eq!(env.person("ada-larkwell")["uid"], uid.as_str());
        assert_eq!(cards(&dir), 1);
    }
    assert_eq!(sync(&env, &dir)["unchanged"], 1);
}

#[test]
fn a_dry_run_shows_the_plan_and_changes_nothing() {
    let env = env_with_ada();
    let dir = vdir(&env);
    fs::write(dir.join("g.vcf"), phone_card("g", "Grace Hollis", "")).unwrap();
    let before = env.text();
    let out = env.ok(&["sync", "--dry-run", dir.to_str().unwrap()]);
    assert!(out.contains("would do this; nothing was changed"), "{out}");
    assert!(
        out.contains("new card") && out.contains("new here"),
        "{out}"
    );
    assert_eq!(env.text(), before);
    assert_eq!(cards(&dir), 1);
    let r = env.json(&["sync", "--dry-run", dir.to_str().unwrap()]);
    assert_eq!(r["dry_run"], true);
    assert_eq!(r["new_cards"], 1);
}

#[test]
fn an_unreadable_card_is_skipped_and_never_taken_for_deleted() {
    let env = env_with_ada();
    env.ok(&["add", "Grace Hollis"]);
    let dir = vdir(&env);
    sync(&env, &dir);
    let (grace, _) = card_with(&dir, "FN:Grace Hollis");
    fs::write(&grace, "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:cut off").unwrap();
    fs::write(
        dir.join("latin1.vcf"),
        b"BEGIN:VCARD\r\nFN:Jos\xe9\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = env.run(&["--json", "sync", dir.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("latin1.vcf: skipped: not UTF-8"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("card is cut off"), "{}", out.stderr);
    let r: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(r["skipped"], 3, "{r:#}");
    assert_eq!(r["deleted_people"], 0);
    assert_eq!(r["unchanged"], 1);
    env.person("grace-hollis");
}

#[test]
fn a_vdir_that_is_missing_or_a_file_is_refused() {
    let env = env_with_ada();
    let missing = env.dir.path().join("nope");
    let err = env.fails(2, &["sync", missing.to_str().unwrap()]);
    assert!(
        err.contains("does not exist") && err.contains("hint:"),
        "{err}"
    );
    let file = env.dir.path().join("all.vcf");
    fs::write(&file, phone_card("x", "X", "")).unwrap();
    let err = env.fails(2, &["sync", file.to_str().unwrap()]);
    assert!(
        err.contains("is not a directory") && err.contains("netweb import"),
        "{err}"
    );
    assert!(!missing.exists());
}

#[test]
fn two_syncs_at_once_run_one_after_the_other() {
    let env = Env::new();
    for i in 0..200 {
        env.ok(&["add", &format!("Person {i}")]);
    }
    let dir = vdir(&env);
    let arg = dir.to_str().unwrap().to_string();
    let children: Vec<_> = (0..2)
        .map(|_| {
            env.process(&["--json", "sync", &arg])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let results: Vec<Value> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success());
            serde_json::from_slice(&out.stdout).unwrap()
        })
        .collect();
    let new: Vec<u64> = results
        .iter()
        .map(|r| r["new_cards"].as_u64().unwrap())
        .collect();
    let unchanged: Vec<u64> = results
        .iter()
        .map(|r| r["unchanged"].as_u64().unwrap())
        .collect();
    assert_eq!(new.iter().sum::<u64>(), 200, "{results:#?}");
    assert_eq!(unchanged.iter().sum::<u64>(), 200, "{unchanged:?}");
    assert_eq!(cards(&dir), 200);
}

#[test]
fn a_write_that_fails_loses_nothing_on_either_side() {
    let env = env_with_ada();
    env.ok(&["edit", "ada", "--note", &"a long note ".repeat(1_000)]);
    env.ok(&["add", "Grace Hollis"]);
    let dir = vdir(&env);
    let before = env.text();
    // Ada's card passes a 4 kB file size limit (a disk that fills up fails the same way).
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 4 && exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin!("netweb"))
        .args([
            "--file",
            env.file.to_str().unwrap(),
            "sync",
            dir.to_str().unwrap(),
        ])
        .env("NETWEB_TODAY", crate::common::TODAY)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("could not write") && err.contains("ulimit -f"),
        "{err}"
    );
    assert!(
        err.contains("nothing was lost: the data file was not changed"),
        "{err}"
    );
    assert_eq!(env.text(), before);
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        0,
        "no card and no temp file left"
    );
    assert_eq!(sync(&env, &dir)["new_cards"], 2);
}
