//! Output conventions: JSON anywhere, colour only when asked, pipes, completions.

use std::io::Read;
use std::process::Stdio;

use crate::common::Env;

#[test]
fn json_works_before_or_after_the_subcommand() {
    let env = Env::sample();
    let before = env.ok(&["--json", "show", "priya"]);
    let after = env.ok(&["show", "priya", "--json"]);
    assert_eq!(before, after);
    serde_json::from_str::<serde_json::Value>(&after).unwrap();
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = Env::sample();
    assert!(
        !env.ok(&["list"]).contains('\x1b'),
        "piped output has no colour"
    );
    assert!(env.ok(&["--color", "always", "list"]).contains("\x1b["));
    assert!(!env.ok(&["--color", "never", "list"]).contains('\x1b'));
    assert!(
        !env.ok(&["--color", "always", "--json", "list"])
            .contains('\x1b'),
        "JSON never has colour"
    );
}

#[test]
fn a_closed_pipe_exits_quietly() {
    for json in [false, true] {
        closed_pipe(json);
    }
}

fn closed_pipe(json: bool) {
    // Enough people that the output does not fit in the pipe buffer.
    let people: Vec<String> = (0..3000)
        .map(|i| {
            format!("{{\"id\": \"p{i}\", \"name\": \"Person {i}\", \"company\": \"Company {i}\"}}")
        })
        .collect();
    let env = Env::with_file(&format!("{{\"people\": [{}]}}", people.join(",")));
    let args: &[&str] = if json { &["--json", "list"] } else { &["list"] };
    let mut child = env
        .process(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn completions_and_man_page() {
    let env = Env::new();
    let bash = env.ok(&["completions", "bash"]);
    assert!(bash.contains("_netweb()"));
    assert!(bash.contains("--interest"));
    let zsh = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef netweb"));
    let man = env.ok(&["man"]);
    assert!(man.contains(".TH netweb"), "{}", &man[..200.min(man.len())]);
}

#[test]
fn help_and_version() {
    let env = Env::new();
    let help = env.ok(&["--help"]);
    for cmd in [
        "add",
        "edit",
        "rm",
        "show",
        "list",
        "link",
        "unlink",
        "completions",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from help");
    }
    assert!(env.ok(&["--version"]).starts_with("netweb "));
}
