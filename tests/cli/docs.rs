//! Man pages and shell completions.

use std::io::Read;
use std::process::Stdio;

use crate::common::Env;

#[test]
fn man_dir_writes_one_page_per_subcommand_with_the_sections() {
    let env = Env::new();
    let dir = env.dir.path().join("man");
    let out = env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(out.lines().count(), pages.len());
    for want in [
        "netweb.1",
        "netweb-add.1",
        "netweb-log.1",
        "netweb-undo.1",
        "netweb-history.1",
        "netweb-interests.1",
        "netweb-interests-rename.1",
    ] {
        assert!(pages.iter().any(|p| p == want), "{want} missing: {pages:?}");
    }
    // Every subcommand has its page (clap's own `help` is not a page).
    use clap::CommandFactory;
    let subs = netweb::cli::Cli::command().get_subcommands().count();
    assert_eq!(pages.len(), 1 + subs + 1, "{pages:?}");
    let main = std::fs::read_to_string(dir.join("netweb.1")).unwrap();
    for section in [
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(main.contains(section), "netweb.1 lacks {section}");
    }
    assert!(main.contains("NETWEB_TODAY") && main.contains("network.json.history"));
    assert!(main.contains("\\fBnetweb\\-add\\fR(1)") || main.contains("\\fBnetweb-add\\fR(1)"));
    let log = std::fs::read_to_string(dir.join("netweb-log.1")).unwrap();
    assert!(
        log.contains(".SH \"EXIT STATUS\"") && log.contains("\\-\\-date"),
        "{log}"
    );
    assert_eq!(env.ok(&["man"]), main, "`netweb man` prints the main page");
}

#[test]
fn a_closed_pipe_ends_completions_and_man_quietly() {
    let env = Env::new();
    for args in [
        &["completions", "zsh"][..],
        &["completions", "bash"],
        &["man"],
    ] {
        for _ in 0..5 {
            let mut child = env
                .process(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut first = [0u8; 1];
            child
                .stdout
                .as_mut()
                .unwrap()
                .read_exact(&mut first)
                .unwrap();
            drop(child.stdout.take());
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
