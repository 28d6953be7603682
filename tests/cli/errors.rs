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
    assert!(err.contains("\"sam\" matches 2 people"), "{err}");
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
