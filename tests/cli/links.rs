use crate::common::Env;

fn two() -> Env {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    env.ok(&["add", "Charles Bramble"]);
    env
}

#[test]
fn link_creates_then_updates_never_duplicates() {
    let env = two();
    let out = env.json(&[
        "link",
        "ada",
        "charles",
        "--kind",
        "colleague",
        "--strength",
        "4",
        "--since",
        "2019-06-05",
    ]);
    assert_eq!(out["created"], true);
    assert_eq!(out["relationship"]["kind"], "colleague");
    let out = env.json(&[
        "link",
        "Charles Bramble",
        "ada",
        "--strength",
        "5",
        "--note",
        "engines",
    ]);
    assert_eq!(out["created"], false);
    let rels = env.data()["relationships"].as_array().unwrap().clone();
    assert_eq!(rels.len(), 1);
    assert_eq!(rels[0]["strength"], 5);
    assert_eq!(
        rels[0]["kind"], "colleague",
        "an update keeps what it did not change"
    );
    assert_eq!(rels[0]["since"], "2019-06-05");
    assert_eq!(rels[0]["note"], "engines");
}

#[test]
fn link_human_output() {
    let env = two();
    assert_eq!(
        env.ok(&["link", "ada", "charles", "--kind", "friend"]),
        "linked Ada Larkwell and Charles Bramble (friend)\n"
    );
    assert_eq!(
        env.ok(&["link", "ada", "charles", "--kind", "friend"]),
        "already linked, nothing changed: Ada Larkwell and Charles Bramble (friend)\n"
    );
}

#[test]
fn link_refuses_self_and_bad_strength() {
    let env = two();
    let err = env.fails(1, &["link", "ada", "Ada Larkwell"]);
    assert!(err.contains("the same person"), "{err}");
    let err = env.fails(2, &["link", "ada", "charles", "--strength", "6"]);
    assert!(err.contains("6 is not in 1..=5"), "{err}");
}

#[test]
fn unlink_removes_and_complains_when_not_linked() {
    let env = two();
    env.ok(&["link", "ada", "charles"]);
    assert_eq!(
        env.ok(&["unlink", "charles", "ada"]),
        "unlinked Charles Bramble and Ada Larkwell\n"
    );
    assert!(env.data().get("relationships").is_none());
    let err = env.fails(1, &["unlink", "charles", "ada"]);
    assert!(err.contains("are not linked"), "{err}");
}
