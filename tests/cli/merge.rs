//! `merge A B`: fields united into A, every reference to B repointed, no dangling ids.

use std::collections::HashSet;

use serde_json::json;

use crate::common::{Env, strings};

fn duplicates() -> Env {
    let data = json!({
        "version": 1,
        "people": [
            {"id": "ada", "name": "Ada Larkwell", "emails": ["ada@example.org"], "company": "Engines",
             "interests": ["mathematics"], "met": "2024-05-01", "added": "2024-05-01", "birthday": "1852-11-07"},
            {"id": "ada-2", "name": "Ada Kell", "emails": ["ADA@example.org", "countess@example.org"],
             "company": "Larkwell Estate", "role": "Countess", "interests": ["poetry", "Mathematics"],
             "tags": ["linkedin"], "notes": "from LinkedIn", "met": "2023-01-01", "added": "2026-01-01",
             "urls": ["https://ada.example"], "no_intros": true},
            {"id": "charles", "name": "Charles Bramble"},
            {"id": "grace", "name": "Grace Hollis"},
            {"id": "mary", "name": "Mary Silverdale"}
        ],
        "relationships": [
            {"a": "ada", "b": "charles", "strength": 2, "since": "2020-01-01"},
            {"a": "charles", "b": "ada-2", "strength": 5, "since": "2019-01-01", "kind": "colleague"},
            {"a": "ada-2", "b": "grace", "strength": 3},
            {"a": "ada", "b": "ada-2"}
        ],
        "interactions": [
            {"date": "2026-01-01", "people": ["ada", "ada-2"], "kind": "coffee"},
            {"date": "2026-02-01", "people": ["ada-2", "mary"]}
        ],
        "introductions": [
            {"date": "2026-03-01", "people": ["ada", "ada-2"]},
            {"date": "2026-04-01", "people": ["ada-2", "grace"]},
            {"date": "2026-05-01", "people": ["ada", "ada-2", "mary"]}
        ]
    });
    Env::with_file(&serde_json::to_string_pretty(&data).unwrap())
}

#[test]
fn merge_unites_fields_and_repoints_everything() {
    let env = duplicates();
    let r = env.json(&["merge", "ada", "ada-2"]);
    assert_eq!(r["person"]["id"], "ada");
    assert_eq!(r["merged"]["id"], "ada-2");
    assert_eq!(r["relationships_repointed"], 1);
    assert_eq!(r["relationships_merged"], 1);
    assert_eq!(r["relationships_dropped"], 1);
    assert_eq!(r["interactions_updated"], 2);
    assert_eq!(r["introductions_updated"], 2);
    assert_eq!(r["introductions_deleted"], 1);

    let ada = env.person("ada");
    assert_eq!(ada["name"], "Ada Larkwell");
    assert_eq!(ada["company"], "Engines");
    assert_eq!(ada["role"], "Countess");
    assert_eq!(
        strings(&ada["emails"]),
        ["ada@example.org", "countess@example.org"]
    );
    assert_eq!(strings(&ada["interests"]), ["mathematics", "poetry"]);
    assert_eq!(strings(&ada["tags"]), ["linkedin"]);
    assert_eq!(strings(&ada["urls"]), ["https://ada.example"]);
    assert_eq!(ada["birthday"], "1852-11-07");
    assert_eq!(ada["met"], "2023-01-01");
    assert_eq!(ada["added"], "2024-05-01");
    assert_eq!(ada["no_intros"], true);
    assert_eq!(
        ada["notes"],
        "from LinkedIn\nalso: name Ada Kell\nalso: company Larkwell Estate"
    );

    let data = env.data();
    let ids: HashSet<&str> = data["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains("ada-2"));
    let text = env.text();
    assert!(!text.contains("\"ada-2\""), "{text}");
    let rels = data["relationships"].as_array().unwrap();
    assert_eq!(rels.len(), 2);
    let charles = rels.iter().find(|r| r["b"] == "charles").unwrap();
    assert_eq!(
        (&charles["strength"], &charles["since"], &charles["kind"]),
        (&json!(5), &json!("2019-01-01"), &json!("colleague"))
    );
    assert_eq!(strings(&data["interactions"][0]["people"]), ["ada"]);
    assert_eq!(strings(&data["interactions"][1]["people"]), ["ada", "mary"]);
    let intros: Vec<Vec<&str>> = data["introductions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| strings(&x["people"]))
        .collect();
    assert_eq!(intros, [vec!["ada", "grace"], vec!["ada", "mary"]]);

    // The file is sound: every command still reads it.
    for args in [
        &["list"][..],
        &["show", "ada"],
        &["due"],
        &["suggest"],
        &["intros"],
        &["export", "--format", "vcard"],
    ] {
        env.ok(args);
    }
}

#[test]
fn the_human_output_says_what_happened() {
    let env = duplicates();
    let out = env.ok(&["merge", "Ada Larkwell", "ada-2"]);
    assert!(
        out.starts_with("merged Ada Kell (ada-2) into Ada Larkwell (ada)\n"),
        "{out}"
    );
    assert!(out.contains("kept company \"Engines\""), "{out}");
    assert!(out.contains("1 relationship repointed"), "{out}");
}

#[test]
fn merging_a_person_with_themself_is_refused() {
    let env = duplicates();
    let before = env.text();
    let err = env.fails(1, &["merge", "ada-2", "Ada Kell"]);
    assert!(err.contains("themself"), "{err}");
    env.fails(1, &["merge", "ada", "nobody"]);
    assert_eq!(env.text(), before);
}
