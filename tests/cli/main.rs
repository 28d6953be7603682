//! End-to-end tests: the real binary on temp files.

mod common;

mod attack;
mod docs;
mod edit;
mod errors;
mod export;
mod export_graph;
mod hardening;
mod html;
mod import;
mod import_vintages;
mod insight;
mod links;
mod merge;
mod occasions;
mod output;
mod people;
mod readme;
mod store;
mod suggest;
mod suggest_positions;
mod touch;
mod undo;
