//! The CLI tests' isolated environment (netweb_test_support::env), bound to this package's
//! netweb binary: Cargo tells only this package's test targets where the binary is, at
//! compile time, so the binding lives here. tests/soak includes this file too.

use std::ops::Deref;

pub use netweb_test_support::env::{Output, TODAY, strings};

const NETWEB: &str = env!("CARGO_BIN_EXE_netweb");

/// A temp dir holding the data file, the clock pinned, no inherited environment; every
/// method of the support crate's environment works on it.
pub struct Env(netweb_test_support::env::Env);

impl Env {
    pub fn new() -> Env {
        Env(netweb_test_support::env::Env::new(NETWEB))
    }

    /// An environment whose data file starts as the shipped sample network.
    pub fn sample() -> Env {
        Env(netweb_test_support::env::Env::sample(NETWEB))
    }

    /// An environment whose data file holds exactly this text.
    pub fn with_file(text: &str) -> Env {
        Env(netweb_test_support::env::Env::with_file(NETWEB, text))
    }
}

impl Deref for Env {
    type Target = netweb_test_support::env::Env;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
