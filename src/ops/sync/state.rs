//! What `sync` remembers between runs, and the content hashes it compares.
//!
//! Kept in the data file itself, as a top-level `sync` list with one line per synced
//! card (the file's layout puts each entry of a top-level list on its own line, so a git
//! diff shows the cards that changed):
//!
//! ```json
//! "sync": [
//!   {"vdir": "/home/u/.contacts/phone", "uid": "7c1e...", "id": "ada-larkwell",
//!    "file": "7c1e....vcf", "card": "a1b2c3d4e5f60718", "person": "0f1e2d3c4b5a6978",
//!    "fields": {"emails": "5d41402a", "name": "7d793037"}}
//! ]
//! ```
//!
//! Why the data file and not a state file beside it: the state and the people it
//! describes are then saved in one atomic write, under the one lock, with the backup and
//! `undo` covering both; a crash can never leave a new state beside old people (which
//! would read as edits or deletions that nobody made), and moving the data file moves
//! its sync state with it. `vdir` is the folder's canonical path, so one data file can
//! sync several folders.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::formats::vcard_out::{self, Version};
use crate::model::{Network, Person};

/// The top-level key of the data file that holds the state.
pub const KEY: &str = "sync";

/// What was last synced for one card: its UID, the person it is paired with, the file
/// it is in, the hashes of the card and of the person as they were then, and of each
/// field both sides agreed on (`agreed.rs`; empty in a state written before it existed,
/// which then merges as a first pairing does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    pub vdir: String,
    pub uid: String,
    pub id: String,
    pub file: String,
    pub card: String,
    pub person: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

/// A short content hash: the first 8 bytes of SHA-256, in hex. (A stable, well-known
/// hash, unlike std's `DefaultHasher`, which may change between Rust releases and would
/// then make every card look edited.)
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a person's synced fields: of the card netweb would write for them, so it
/// changes exactly when something the card carries changes.
pub fn person_hash(p: &Person) -> String {
    hash(vcard_out::card(p, &[], Version::V4).as_bytes())
}

/// The state of one vdir, by UID; entries of other folders and entries that do not
/// read are left for `write`, which keeps them.
pub fn read(net: &Network, vdir: &str) -> HashMap<String, Synced> {
    let Some(Value::Array(entries)) = net.extra.get(KEY) else {
        return HashMap::new();
    };
    entries
        .iter()
        .filter_map(|e| serde_json::from_value::<Synced>(e.clone()).ok())
        .filter(|s| s.vdir == vdir)
        .map(|s| (s.uid.clone(), s))
        .collect()
}

/// Replaces this vdir's entries with `now` (sorted by UID, so the file's order is
/// stable), keeping every other entry as it was.
pub fn write(net: &mut Network, vdir: &str, mut now: Vec<Synced>) {
    let mut kept: Vec<Value> = match net.extra.remove(KEY) {
        Some(Value::Array(entries)) => entries
            .into_iter()
            .filter(|e| e.get("vdir").and_then(Value::as_str) != Some(vdir))
            .collect(),
        _ => Vec::new(),
    };
    now.sort_by(|a, b| a.uid.cmp(&b.uid));
    kept.extend(
        now.iter()
            .filter_map(|s| serde_json::to_value(s).ok())
            .filter(|v| !v.is_null()),
    );
    if !kept.is_empty() {
        net.extra.insert(KEY.into(), Value::Array(kept));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_of_other_folders_is_kept() {
        let entry = |vdir: &str, uid: &str| Synced {
            vdir: vdir.into(),
            uid: uid.into(),
            id: "ada".into(),
            file: format!("{uid}.vcf"),
            card: hash(b"card"),
            person: hash(b"person"),
            fields: BTreeMap::new(),
        };
        let mut net = Network::default();
        write(&mut net, "/a", vec![entry("/a", "2"), entry("/a", "1")]);
        write(&mut net, "/b", vec![entry("/b", "3")]);
        let a = read(&net, "/a");
        assert_eq!(a.len(), 2);
        assert_eq!(a["1"].file, "1.vcf");
        write(&mut net, "/a", Vec::new());
        assert!(read(&net, "/a").is_empty());
        assert_eq!(read(&net, "/b").len(), 1);
        assert_eq!(hash(b"card").len(), 16);
    }
}
