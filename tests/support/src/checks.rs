//! Assertions the hardening and soak tests share: how netweb must behave on any input.

use crate::env::{Env, Output};

/// Never a panic, never an exit code other than success or error.
#[track_caller]
pub fn no_panic(args: &[&str], out: &Output) {
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("stack overflow"),
        "netweb {:?} panicked:\n{}",
        args.iter()
            .map(|a| a.chars().take(60).collect::<String>())
            .collect::<Vec<_>>(),
        out.stderr
    );
    assert!(
        out.code == 0 || out.code == 1,
        "exit code {}:\n{}",
        out.code,
        out.stderr
    );
}

/// Whether the text holds `FILE:LINE:COL: ` for the data file.
pub fn has_location(stderr: &str) -> bool {
    stderr.split("network.json:").skip(1).any(|rest| {
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let col = parts.next().unwrap_or("");
        let after = parts.next().unwrap_or("");
        !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
            && !col.is_empty()
            && col.bytes().all(|b| b.is_ascii_digit())
            && after.starts_with(' ')
    })
}

/// Every command that reads the file loads it, and `export --format json` gives back the
/// same network (byte for byte when netweb wrote the whole file; `add` on a large file
/// keeps a hand-written layout around what it adds).
#[track_caller]
pub fn assert_loads_and_round_trips(env: &Env) {
    let bytes = std::fs::read(&env.file).unwrap();
    let net =
        netweb::store::parse(&env.file, &bytes).unwrap_or_else(|e| panic!("invalid file: {e:#}"));
    for args in [&["list"][..], &["due"], &["intros"], &["suggest"]] {
        let out = env.run(args);
        no_panic(args, &out);
        assert_eq!(out.code, 0, "netweb {args:?}:\n{}", out.stderr);
    }
    let exported = env.cmd(&["export", "--format", "json"]).output().unwrap();
    assert!(exported.status.success());
    let back = netweb::store::parse(&env.file, &exported.stdout).unwrap();
    assert!(back == net, "export --format json differs from the file");
    if bytes.len() < netweb::store::SPLICE_FROM_BYTES {
        assert!(
            exported.stdout == bytes,
            "export --format json differs from the file netweb wrote"
        );
    }
}
