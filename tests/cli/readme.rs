//! The README's console examples, run as tests with trycmd (the crate clap tests its own
//! docs with): each `$ netweb ...` line runs the real binary and its output must match
//! the lines under it (`...` and `[..]` elide). As the README says: on a copy of the
//! sample, with the date pinned to 2026-11-25 and a 100-column width.
//!
//! trycmd runs a case in `<name>.in/` beside the case file, so the README and the files
//! its examples read are copied into a temp dir first: the sample as `tour.json`, and
//! the `Connections.csv` the import example reads (tests/cli/readme/Connections.csv).

use std::path::Path;

#[test]
fn readme_examples_run_as_shown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("README.md");
    std::fs::copy(root.join("README.md"), &case).unwrap();
    let files = dir.path().join("README.in");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::copy(root.join("examples/network.json"), files.join("tour.json")).unwrap();
    std::fs::copy(
        root.join("tests/cli/readme/Connections.csv"),
        files.join("Connections.csv"),
    )
    .unwrap();
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("netweb", assert_cmd::cargo::cargo_bin!("netweb"))
        .env("NETWEB_FILE", files.join("tour.json").display().to_string())
        .env("NETWEB_TODAY", "2026-11-25")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("HOME", dir.path().display().to_string())
        .case(&case);
    cases.run();
    if std::env::var_os("README_OVERWRITE").is_some() {
        // README_OVERWRITE=1 TRYCMD=overwrite cargo test --test cli readme:: rewrites the
        // copy; this puts it back for review with `git diff README.md`.
        std::fs::copy(&case, root.join("README.md")).unwrap();
    }
}
