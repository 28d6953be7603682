//! Pure questions over a network and an explicit `today`. They return plain structs
//! (which `--json` prints as they are) and never print or touch files.

pub mod due;
pub mod history;
pub mod interests;
pub mod intros;
pub mod list;
pub mod near_duplicates;
pub mod path;
pub mod profile;
pub mod stats;
pub mod suggest;
pub mod triage;
pub mod vocab;
