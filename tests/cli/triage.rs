//! `netweb triage` through a pseudo-terminal, as a person at a terminal uses it: answers
//! typed (with Tab completion), Enter to skip, `q` to stop; then the data file.

use rexpect::session::{PtySession, spawn_command};

use crate::common::{Env, strings};

const FILE: &str = r#"{
  "version": 1,
  "people": [
    {"id": "bob-stone", "name": "Bob Stone", "company": "Fernbank Labs"},
    {"id": "amara-nwosu", "name": "Amara Nwosu", "company": "Fernbank Labs", "role": "Staff engineer"},
    {"id": "cleo-park", "name": "Cleo Park", "interests": ["climbing", "ceramics"]},
    {"id": "dev-shah", "name": "Dev Shah", "offers": ["rust mentoring"], "seeks": ["funding"]}
  ],
  "relationships": [
    {"a": "amara-nwosu", "b": "bob-stone", "kind": "colleague", "inferred": "same company: Fernbank Labs"}
  ],
  "interactions": [
    {"date": "2026-11-20", "people": ["amara-nwosu"], "kind": "coffee", "note": "the ingest service"}
  ]
}
"#;

/// netweb triage ARGS on a pseudo-terminal, or `None` (and why, on stderr) where this
/// machine cannot open one.
fn triage(env: &Env, args: &[&str]) -> Option<PtySession> {
    let mut all = vec!["triage"];
    all.extend_from_slice(args);
    let mut cmd = env.process(&all);
    cmd.env("TERM", "xterm").env("NO_COLOR", "1");
    match spawn_command(cmd, Some(20_000)) {
        Ok(session) => Some(session),
        Err(e) => {
            eprintln!("skipped: no pseudo-terminal could be opened here: {e}");
            None
        }
    }
}

/// Types these keys (`\r` is Enter, `\t` Tab).
fn keys(p: &mut PtySession, text: &str) {
    p.send(text).unwrap();
    p.flush().unwrap();
}

#[test]
fn answers_typed_at_a_terminal_are_saved_skips_skip_and_q_stops() {
    let env = Env::with_file(FILE);
    let Some(mut p) = triage(&env, &[]) else {
        return;
    };
    // Amara first: seen last week and tied to Bob; Cleo and Dev have details already.
    p.exp_string("2 contacts whose details would help").unwrap();
    p.exp_string("[1/2] Amara Nwosu").unwrap();
    p.exp_string("Staff engineer at Fernbank Labs").unwrap();
    p.exp_string("the ingest service").unwrap();
    p.exp_string("interests> ").unwrap();
    // Tab completes from the network's vocabulary.
    keys(&mut p, "cer\t");
    keys(&mut p, ", Sailing\r");
    p.exp_string("saved interests: ceramics, sailing").unwrap();
    p.exp_string("offers> ").unwrap();
    keys(&mut p, "\r");
    p.exp_string("seeks> ").unwrap();
    keys(&mut p, "rust ment\t\r");
    p.exp_string("saved seeks: rust mentoring").unwrap();
    p.exp_string("knows> ").unwrap();
    // A name that fits no one is said, and the question asked again.
    keys(&mut p, "Nobody Atall\r");
    p.exp_string("no one called \"Nobody Atall\"").unwrap();
    p.exp_string("knows> ").unwrap();
    keys(&mut p, "Cle\t, bob\r");
    p.exp_string("saved knows Cleo Park and Bob Stone").unwrap();
    p.exp_string("[2/2] Bob Stone").unwrap();
    p.exp_string("interests> ").unwrap();
    keys(&mut p, "q\r");
    p.exp_string("asked about 2 people; 3 answers saved")
        .unwrap();
    p.exp_eof().unwrap();

    let data = env.data();
    let amara = env.person("amara-nwosu");
    assert_eq!(strings(&amara["interests"]), ["ceramics", "sailing"]);
    assert_eq!(strings(&amara["seeks"]), ["rust mentoring"]);
    assert_eq!(amara.get("offers"), None);
    assert_eq!(env.person("bob-stone").get("interests"), None);
    let rels = data["relationships"].as_array().unwrap();
    assert_eq!(rels.len(), 2);
    // Saying Amara knows Bob confirmed the inferred tie.
    assert_eq!(rels[0].get("inferred"), None, "{}", rels[0]);
    assert_eq!(
        strings(&serde_json::json!([rels[1]["a"], rels[1]["b"]])),
        ["amara-nwosu", "cleo-park"]
    );
    // Each answer was its own change: `undo` takes back the last one only.
    env.ok(&["undo"]);
    assert_eq!(env.data()["relationships"].as_array().unwrap().len(), 1);
    assert_eq!(
        strings(&env.person("amara-nwosu")["seeks"]),
        ["rust mentoring"]
    );
}

#[test]
fn a_triage_killed_midway_keeps_every_answer_given() {
    let env = Env::with_file(FILE);
    let Some(mut p) = triage(&env, &["-n", "1"]) else {
        return;
    };
    p.exp_string("[1/1] Amara Nwosu").unwrap();
    p.exp_string("interests> ").unwrap();
    keys(&mut p, "chess\r");
    p.exp_string("saved interests: chess").unwrap();
    p.exp_string("offers> ").unwrap();
    p.process_mut()
        .signal(rexpect::process::Signal::SIGKILL)
        .unwrap();
    let _ = p.process_mut().wait();
    assert_eq!(strings(&env.person("amara-nwosu")["interests"]), ["chess"]);
}

#[test]
fn without_a_terminal_it_says_so_and_points_to_edit() {
    let env = Env::with_file(FILE);
    let before = env.text();
    let out = env
        .cmd(&["triage"])
        .write_stdin("climbing\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("standard input is not one"), "{err}");
    assert!(err.contains("netweb edit NAME --interest"), "{err}");
    assert!(
        err.contains("starting with Amara Nwosu and Bob Stone"),
        "{err}"
    );
    assert_eq!(env.text(), before);
}

#[test]
fn with_json_it_ends_with_one_summary_document() {
    let env = Env::with_file(FILE);
    let Some(mut p) = triage(&env, &["--json", "-n", "1"]) else {
        return;
    };
    p.exp_string("interests> ").unwrap();
    keys(&mut p, "chess\r");
    p.exp_string("saved interests: chess").unwrap();
    keys(&mut p, "q\r");
    // On a pty stdout and stderr are one stream; the summary is the last thing written.
    let rest = p.exp_eof().unwrap();
    let json = &rest[rest.find('{').unwrap()..];
    let summary: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(summary, serde_json::json!({"asked": 1, "saved": 1}));
}
