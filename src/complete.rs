//! Person-name completion: the shell asks netweb for candidates while you type
//! (clap_complete's dynamic completion, `COMPLETE=bash netweb`), so every PERSON
//! argument completes to the ids in your data file, each with the name as its help.
//!
//! The completer sees no `--file` typed on the line; it reads `NETWEB_FILE`, else the
//! default file. A file that cannot be read completes to nothing, never an error.

use std::path::PathBuf;

use clap_complete::CompletionCandidate;

use crate::store;

pub fn people() -> Vec<CompletionCandidate> {
    let path = std::env::var_os("NETWEB_FILE")
        .map(PathBuf::from)
        .or_else(|| store::default_path().ok());
    let Some(Ok(net)) = path.map(|p| store::load(&p)) else {
        return Vec::new();
    };
    net.people
        .iter()
        .map(|p| CompletionCandidate::new(p.id.to_string()).help(Some(p.name.to_string().into())))
        .collect()
}
