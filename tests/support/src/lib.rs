//! Test support for netweb, kept out of the shipped library: the synthetic-network
//! generator (for tests, benchmarks and `examples/generate.rs`) and the isolated
//! environment the CLI tests run the real binary in.

pub mod checks;
pub mod env;
pub mod files;
pub mod linkedin;
pub mod process;
pub mod seeded;
pub mod synthetic;

// `synthetic.rs` is also compiled into netweb's own unit tests (src/lib.rs includes it by
// path, since a crate that depends on netweb would give those tests a second copy of
// netweb's types). There `crate::` is netweb; these aliases give its `crate::` paths the
// same meaning here, and `rng.rs` is the library's own file, so both builds draw the same
// stream.
use netweb::{model, text};
#[cfg(test)]
use netweb::{store, validate};
#[path = "../../../src/rng.rs"]
mod rng;
