//! `netweb sync` at the size the issue names: a 5,000-card vdir, each way. Correctness
//! only; the time is measured by benches/sync_e2e.sh on an optimised build.

use std::fs;

use netweb_test_support::synthetic::{Spec, generate};

use crate::common::Env;

const CARDS: usize = 5_000;

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --test soak"
)]
fn a_vdir_of_5000_cards_syncs_each_way_and_then_changes_nothing() {
    let net = generate(&Spec::scaled(CARDS));
    let from =
        Env::with_file(std::str::from_utf8(&netweb::store::to_bytes(&net).unwrap()).unwrap());
    let dir = from.dir.path().join("contacts");
    fs::create_dir_all(&dir).unwrap();
    let arg = dir.to_str().unwrap();
    let r = from.json(&["sync", arg]);
    assert_eq!(r["new_cards"], CARDS as u64);
    assert_eq!(fs::read_dir(&dir).unwrap().count(), CARDS);

    // Another data file, empty, takes the whole folder in.
    let to = Env::new();
    let r = to.json(&["sync", arg]);
    assert_eq!(r["new_people"], CARDS as u64, "{}", r["entries"][0]);
    assert_eq!(r["new_cards"], 0);
    let people = to.data()["people"].as_array().unwrap().clone();
    assert_eq!(people.len(), CARDS);
    let by_id = |id: &str| people.iter().find(|p| p["id"] == id).unwrap().clone();
    for p in net.people.iter().step_by(97) {
        let q = by_id(p.id.as_str());
        assert_eq!(q["name"], p.name.as_str());
        let interests: Vec<&str> = q["interests"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(
            interests,
            p.interests.iter().map(|s| s.as_str()).collect::<Vec<_>>()
        );
    }
    assert_eq!(to.json(&["sync", arg])["unchanged"], CARDS as u64);

    // Fifty edits on the phone side reach the first file, and nothing else changes.
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files.iter().take(50) {
        let text = fs::read_to_string(f).unwrap();
        fs::write(
            f,
            text.replace("END:VCARD", "TITLE:Edited on the phone\r\nEND:VCARD"),
        )
        .unwrap();
    }
    let r = from.json(&["sync", arg]);
    assert_eq!(r["updated_people"], 50, "{r:#}");
    assert_eq!(r["unchanged"], (CARDS - 50) as u64);
}
