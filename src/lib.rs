//! netweb: a person's own contact network as a web. The binary is a thin shell
//! (`cmd`) around a pure core (`model`, `query`); tests and benches use this crate.

pub mod annual;
pub mod cadence;
pub mod cli;
pub mod cmd;
pub mod complete;
pub mod dates;
pub mod extra_fields;
pub mod formats;
pub mod graph;
pub mod ids;
pub mod model;
pub mod ops;
pub mod query;
pub mod refs;
pub mod render;
pub mod resolve;
mod rng;
mod sorted;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod usage;
pub mod validate;
