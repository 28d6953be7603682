use crate::common::Env;

#[test]
fn unknown_person_suggests_close_names() {
    let env = Env::sample();
    let err = env.fails(1, &["show", "pria"]);
    assert!(
        err.starts_with("netweb: error: no one called \"pria\""),
        "{err}"
    );
    assert!(
        err.contains("did you mean Priya Raman (priya-raman)"),
        "{err}"
    );
}

#[test]
fn ambiguous_person_lists_candidates_with_ids() {
    let env = Env::new();
    env.ok(&["add", "Sam Rivera"]);
    env.ok(&["add", "Sam Okafor"]);
    let err = env.fails(1, &["show", "sam"]);
    assert!(
        err.contains("\"sam\" is ambiguous: it matches 2 people"),
        "{err}"
    );
    assert!(
        err.contains("Sam Rivera (sam-rivera)") && err.contains("Sam Okafor (sam-okafor)"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.fails(2, &["frobnicate"]);
    env.fails(2, &["add"]);
    env.fails(2, &["list", "--sort", "shoe-size"]);
    env.fails(2, &["--color", "sometimes", "list"]);
}

#[test]
fn a_bad_pinned_date_is_explained() {
    let env = Env::new();
    let out = env
        .cmd(&["list"])
        .env("NETWEB_TODAY", "tomorrow")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NETWEB_TODAY"));
}

/// Every option that takes a value netweb reads itself (dates, cadences, windows) and
/// every clap-typed value: a bad one exits 2 and changes nothing.
#[test]
fn every_commands_bad_values_exit_2() {
    let env = Env::sample();
    let before = env.text();
    let cases: &[&[&str]] = &[
        &["add", "Zed Null", "--met", "yesterdy"],
        &["add", "Zed Null", "--every", "fortnightly"],
        &["add", ""],
        &["edit", "walter", "--met", "01/02/2026"],
        &["edit", "walter", "--met", "tomorrow"],
        &["edit", "walter", "--every", "weekly"],
        &["edit", "walter", "--name", " "],
        &["edit", "walter", "--clear", "shoesize"],
        &["link", "walter", "nora", "--since", "mouse"],
        &["link", "walter", "nora", "--since", "2099-01-01"],
        &["link", "walter", "nora", "--strength", "9"],
        &["intro", "walter", "nora", "--date", "week"],
        &["intro", "walter", "nora", "--date", "next friday"],
        &["log", "walter", "--date", "y"],
        &["log", "walter", "--date", "12/31/2025"],
        &["log", "walter", "--date", "in 3 days"],
        &["due", "--within", "forever"],
        &["due", "--within", "0d"],
        &["cadence", "family", "x"],
        &["cadence", "family", "weekly"],
        &["cadence", " ", "14d"],
        &["suggest", "-n", "many"],
        &["suggest", "--min-score", "high"],
        &["list", "--sort", "shoe-size"],
        &["export", "--format", "pdf"],
        &["import", "x.vcf", "--format", "word"],
        &["completions", "powershell7"],
        &["interests", "rename", " ", "x"],
        &["--color", "sometimes", "list"],
    ];
    for args in cases {
        let err = env.fails(2, args);
        assert!(
            err.contains("invalid value") || err.starts_with("netweb: error:"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(env.text(), before);
}

#[test]
fn names_match_without_accents_and_a_shared_surname_is_ambiguous() {
    let env = Env::sample();
    let zoe = env.json(&["show", "zoe muller"]);
    assert_eq!(zoe["id"], "zoe-muller", "{zoe}");
    let err = env.fails(1, &["show", "Hale"]);
    assert_eq!(
        err,
        "netweb: error: \"Hale\" is ambiguous: it matches 4 people:\n  Daniel Hale (daniel-hale)\n  \
         Nora Hale (nora-hale)\n  Ruth Hale (ruth-hale)\n  Walter Hale (walter-hale)\n\
         hint: use more of the name, or the id\n"
    );
    let err = env.fails(1, &["show", "pria"]);
    assert!(
        err.contains("did you mean Priya Raman (priya-raman), Gloria Esposito"),
        "{err}"
    );
    // One whole word that fits one person is enough.
    assert_eq!(env.json(&["show", "raman"])["id"], "priya-raman");
}
