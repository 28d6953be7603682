//! Soak tests: the heaviest end-to-end checks, slow only because an unoptimised build is.
//! `cargo test` builds them and lists them as ignored (the reason names the command);
//! `.ci/run` runs them optimised after the main suite, with
//! `cargo test --release --lib --test soak` (the `--lib` part runs the unit tests that are
//! ignored in debug builds for the same reason, e.g. the map layout's large cases).

// The CLI tests' environment, shared; the soak tests use only part of it.
#[path = "../cli/common.rs"]
#[allow(dead_code, unused_imports)]
mod common;
// The HTML map tests' page and browser helpers.
#[path = "../cli/browser.rs"]
#[allow(dead_code)]
mod browser;
mod hardening;
mod html;
mod sync;
