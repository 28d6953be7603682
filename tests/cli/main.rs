//! End-to-end tests: the real binary on temp files.

mod common;

mod attack;
mod browser;
mod calendar;
mod docs;
mod edit;
mod errors;
mod export;
mod export_graph;
mod hardening;
mod html;
mod import;
mod import_vintages;
mod infer;
mod insight;
mod links;
mod merge;
mod occasions;
mod output;
mod people;
mod readme;
mod reminders;
mod store;
mod suggest;
mod suggest_positions;
mod sync;
mod sync_chain;
mod touch;
mod triage;
mod undo;
