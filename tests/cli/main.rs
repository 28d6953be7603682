//! End-to-end tests: the real binary on temp files.

mod common;

mod edit;
mod errors;
mod import;
mod links;
mod output;
mod people;
mod store;
mod suggest;
mod touch;
