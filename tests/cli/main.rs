//! End-to-end tests: the real binary on temp files.

mod common;

mod docs;
mod edit;
mod errors;
mod export;
mod export_graph;
mod hardening;
mod html;
mod import;
mod insight;
mod links;
mod merge;
mod output;
mod people;
mod readme;
mod store;
mod suggest;
mod touch;
mod undo;
