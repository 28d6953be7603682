//! Man pages and shell completions.

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
            let (code, stderr) = env.with_pipe_closed_after(args, 1);
            assert_eq!(code, Some(0), "{args:?}: {stderr}");
        }
    }
}

/// The shell side of dynamic completion: netweb run with `COMPLETE=<shell>` and the
/// words typed so far, as the registered scripts run it.
fn complete(env: &Env, shell: &str, words: &[&str]) -> String {
    let mut args = vec!["--", "netweb"];
    args.extend_from_slice(words);
    let out = env
        .cmd(&args)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn person_arguments_complete_to_the_ids_in_the_file_in_bash_zsh_and_fish() {
    let env = Env::sample();
    assert_eq!(
        complete(&env, "fish", &["show", "wal"]),
        "walter-hale\tWalter Hale\n"
    );
    assert_eq!(
        complete(&env, "fish", &["log", "walter", "da"]),
        "daniel-hale\tDaniel Hale\n"
    );
    assert_eq!(
        complete(&env, "zsh", &["show", "zo"]),
        "zoe-muller:Zoë Müller"
    );
    assert_eq!(
        complete(&env, "bash", &["intro", "kenji", "so"]),
        "sofia-petrova"
    );
    assert_eq!(
        complete(&env, "fish", &["suggest", "--for", "pr"]),
        "priya-raman\tPriya Raman\n"
    );
    // Flags and subcommands still complete.
    assert!(complete(&env, "fish", &["hist"]).starts_with("history\t"));
    // Candidates are ids, which start with the first name; an unreadable file completes
    // to nothing rather than failing.
    assert_eq!(complete(&env, "fish", &["show", "hale"]), "");
    env.write("{ not json");
    assert_eq!(complete(&env, "fish", &["show", "wal"]), "");
}

#[test]
fn completions_print_the_dynamic_registration_and_bash_completes_a_name() {
    let env = Env::sample();
    for (shell, marker) in [
        ("bash", "COMPLETE=\"bash\""),
        ("zsh", "#compdef netweb"),
        ("fish", "COMPLETE=fish netweb"),
    ] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains(marker), "{shell}:\n{script}");
    }
    // The real thing in bash: source the script and ask it as the shell would on Tab.
    let bin = std::path::Path::new(assert_cmd::cargo::cargo_bin!("netweb"));
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    let out = std::process::Command::new("bash")
        .env_clear()
        .env("PATH", path)
        .env("NETWEB_FILE", &env.file)
        .arg("-c")
        .arg(
            "source <(netweb completions bash); COMP_WORDS=(netweb show wal); COMP_CWORD=2; \
             COMP_LINE='netweb show wal'; COMP_POINT=${#COMP_LINE}; \
             _clap_complete_netweb netweb wal show; printf '%s\\n' \"${COMPREPLY[@]}\"",
        )
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "walter-hale\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
