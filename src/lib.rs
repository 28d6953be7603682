//! netweb: a person's own contact network as a web. The binary is a thin shell
//! (`cmd`) around a pure core (`model`, `query`); tests and benches use this crate.

// One block remains, the read-only memory map in `store`; it carries its own allow.
#![deny(unsafe_code)]

pub mod annual;
mod cadence;
pub mod cli;
pub mod cmd;
pub mod complete;
pub mod dates;
pub mod extra_fields;
pub mod formats;
pub mod graph;
mod ids;
pub mod model;
mod ops;
pub mod query;
pub mod refs;
pub mod render;
mod resolve;
mod rng;
mod sorted;
pub mod store;
// The test-support crate's generator, compiled into these unit tests from its one source
// file (tests/support/src/lib.rs explains why), so they build networks of this crate's own
// types; the shipped library has none of it.
#[cfg(test)]
#[path = "../tests/support/src/synthetic.rs"]
mod synthetic;
pub mod text;
pub mod usage;
pub mod validate;
