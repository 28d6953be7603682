//! Output conventions: JSON anywhere, colour only when asked, pipes, completions.

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
    let (code, stderr) = env.with_pipe_closed_after(args, 16);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn completions_and_man_page() {
    let env = Env::new();
    // The scripts ask netweb at Tab time (tests/cli/docs.rs runs that side).
    let bash = env.ok(&["completions", "bash"]);
    assert!(bash.contains("_clap_complete_netweb()"), "{bash}");
    let zsh = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef netweb"));
    let man = env.ok(&["man"]);
    assert!(man.contains(".TH NETWEB"), "{}", &man[..200.min(man.len())]);
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

fn at_width(env: &Env, columns: &str, args: &[&str]) -> String {
    let out = env.cmd(args).env("COLUMNS", columns).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    text.lines().map(|l| l.width()).max().unwrap_or(0)
}

#[test]
fn tables_and_wrapped_text_fit_columns_and_without_it_nothing_is_cut() {
    let env = Env::sample();
    for args in [
        &["due"][..],
        &["list"],
        &["list", "--sort", "last-contact"],
        &["suggest"],
        &["suggest", "--groups"],
        &["intros"],
        &["show", "amara"],
        &["history", "walter"],
    ] {
        for columns in ["80", "60"] {
            // Six columns whose ids are never cut need more than 60.
            if columns == "60" && args.contains(&"last-contact") {
                continue;
            }
            let text = at_width(&env, columns, args);
            let max: usize = columns.parse().unwrap();
            assert!(widest(&text) <= max, "{args:?} at {columns}:\n{text}");
        }
    }
    // Without a terminal or COLUMNS nothing is cut: scripts get every character.
    let full = env.ok(&["list"]);
    assert!(
        full.contains("climbing, yoga, running, open water swimming"),
        "{full}"
    );
    assert!(!full.contains('…'));
    // With COLUMNS, interests give way first and the ids stay whole; at 80 columns there
    // is no useful room left for them, and what was said in `due` goes the same way.
    let wide = at_width(&env, "100", &["list"]);
    let row = wide
        .lines()
        .find(|l| l.starts_with("Siobhán Kelly"))
        .unwrap();
    assert!(
        row.contains("  siobhan-kelly  ") && row.ends_with('…'),
        "{row}"
    );
    let narrow = at_width(&env, "80", &["list"]);
    assert!(
        narrow.lines().next().unwrap().ends_with("KNOWS"),
        "{narrow}"
    );
    let due = at_width(&env, "80", &["due"]);
    assert_eq!(
        due.lines().next().unwrap(),
        "NAME             EVERY          LAST CONTACT                LATE"
    );
    assert!(
        due.contains("Sofia Petrova    90d (network)  2025-12-03 (11 months ago)  8 months late")
    );
    let due = at_width(&env, "100", &["due"]);
    assert!(due.lines().next().unwrap().contains("  WHAT  "), "{due}");
}

#[test]
fn reasons_wrap_indented_under_their_entry_and_show_indents_continuations() {
    let env = Env::sample();
    let text = at_width(&env, "60", &["suggest", "-n", "1"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("1. "), "{text}");
    assert!(lines.len() > 2, "the reason wraps at 60 columns:\n{text}");
    for l in &lines[1..] {
        assert!(l.starts_with("   ") && !l.starts_with("    "), "{text}");
    }
    env.ok(&["edit", "amara", "--note", "first line\nsecond line"]);
    let show = env.ok(&["show", "amara"]);
    assert!(
        show.contains("  notes      first line\n             second line\n"),
        "{show}"
    );
}

#[test]
fn every_table_header_is_styled_the_same() {
    let env = Env::sample();
    let header = netweb::render::HEADER.render().to_string();
    for args in [&["list"][..], &["due"], &["intros"], &["cadence"]] {
        let mut all = vec!["--color", "always"];
        all.extend_from_slice(args);
        let out = env.ok(&all);
        let first = out.lines().next().unwrap();
        assert!(first.starts_with(&header), "{args:?}: {first:?}");
    }
}
