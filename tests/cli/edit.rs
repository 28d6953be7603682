use crate::common::{Env, strings};

fn ada() -> Env {
    let env = Env::new();
    env.ok(&[
        "add",
        "Ada Larkwell",
        "--interest",
        "poetry,maths",
        "--tag",
        "work",
        "--email",
        "ada@example.org",
        "--company",
        "Engines",
        "--every",
        "2w",
    ]);
    env
}

#[test]
fn edit_sets_adds_and_removes() {
    let env = ada();
    let out = env.json(&[
        "edit",
        "ada",
        "--company",
        "Bramble & Co",
        "--interest",
        "Music",
        "--rm-interest",
        "MATHS",
        "--rm-tag",
        "work",
        "--tag",
        "friends",
        "--phone",
        "+44 20 7946 0000",
        "--no-intros",
    ]);
    assert_eq!(out["person"]["id"], "ada-larkwell");
    let changed = strings(&out["changed"]);
    for field in ["company", "interests", "tags", "phones", "no_intros"] {
        assert!(changed.contains(&field), "{field} not in {changed:?}");
    }
    let p = env.person("ada-larkwell");
    assert_eq!(p["company"], "Bramble & Co");
    assert_eq!(strings(&p["interests"]), ["poetry", "music"]);
    assert_eq!(strings(&p["tags"]), ["friends"]);
    assert_eq!(strings(&p["phones"]), ["+44 20 7946 0000"]);
    assert_eq!(p["no_intros"], true);

    env.ok(&["edit", "ada", "--open-to-intros"]);
    assert!(env.person("ada-larkwell").get("no_intros").is_none());
}

#[test]
fn edit_clears_fields() {
    let env = ada();
    env.ok(&[
        "edit",
        "ada",
        "--clear",
        "company,interests",
        "--every",
        "none",
        "--rm-email",
        "ADA@example.org",
    ]);
    let p = env.person("ada-larkwell");
    for gone in ["company", "interests", "every", "emails"] {
        assert!(p.get(gone).is_none(), "{gone} still set: {p}");
    }
    assert_eq!(strings(&p["tags"]), ["work"]);
}

#[test]
fn edit_that_changes_nothing_does_not_write() {
    let env = ada();
    let bak = env.file.with_file_name("network.json.bak");
    assert!(!bak.exists());
    let before = env.text();
    let modified = std::fs::metadata(&env.file).unwrap().modified().unwrap();
    assert_eq!(
        env.ok(&["edit", "ada", "--company", "Engines"]),
        "ada-larkwell: nothing changed\n"
    );
    assert_eq!(env.text(), before);
    assert_eq!(
        std::fs::metadata(&env.file).unwrap().modified().unwrap(),
        modified
    );
    assert!(!bak.exists(), "a no-op edit made a backup");
}

#[test]
fn edit_without_options_is_an_error() {
    let env = ada();
    let err = env.fails(1, &["edit", "ada"]);
    assert!(err.contains("nothing to change"), "{err}");
}

#[test]
fn edit_warns_about_removing_what_is_not_there() {
    let env = ada();
    let out = env.run(&["edit", "ada", "--rm-interest", "zig", "--interest", "go"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("had no interests entry \"zig\""),
        "{}",
        out.stderr
    );
}

#[test]
fn rename_to_blank_is_refused() {
    let env = ada();
    let err = env.fails(2, &["edit", "ada", "--name", " "]);
    assert!(err.contains("new name is empty"), "{err}");
}
