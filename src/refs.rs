//! Short ids for interactions and introductions, which have no id in the file: a hash of
//! the record's content, so `show`, `intros` and `history` print the same id every time
//! and `forget ID` finds the record. `l` starts a logged interaction's id, `i` an
//! introduction's. Two identical records share an id (either may be removed: they are
//! the same).

use serde::Serialize;

use crate::model::{Interaction, Introduction, Network, Reminder};

/// 64-bit FNV-1a: tiny, and stable across Rust versions (std's hasher is not).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn short<T: Serialize>(prefix: char, item: &T) -> String {
    let text = serde_json::to_vec(item).unwrap_or_default();
    format!("{prefix}{:07x}", fnv(&text) >> 36)
}

pub fn interaction(x: &Interaction) -> String {
    short('l', x)
}

pub fn introduction(x: &Introduction) -> String {
    short('i', x)
}

pub fn reminder(x: &Reminder) -> String {
    short('r', x)
}

/// A record with its short id, serialised as the record plus `"ref"`.
#[derive(Debug, Serialize)]
pub struct WithRef<'a, T> {
    #[serde(rename = "ref")]
    pub id: String,
    #[serde(flatten)]
    pub item: &'a T,
}

impl<T> std::ops::Deref for WithRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.item
    }
}

pub fn with_interaction(x: &Interaction) -> WithRef<'_, Interaction> {
    WithRef {
        id: interaction(x),
        item: x,
    }
}

pub fn with_introduction(x: &Introduction) -> WithRef<'_, Introduction> {
    WithRef {
        id: introduction(x),
        item: x,
    }
}

/// What a short id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Interaction(usize),
    Introduction(usize),
    Reminder(usize),
}

/// The records whose id is `id` (case-insensitive), as indices.
pub fn find(net: &Network, id: &str) -> Vec<Found> {
    let id = id.trim().to_ascii_lowercase();
    let mut out: Vec<Found> = Vec::new();
    if id.starts_with('l') {
        out.extend(
            (0..net.interactions.len())
                .filter(|&i| interaction(&net.interactions[i]) == id)
                .map(Found::Interaction),
        );
    } else if id.starts_with('i') {
        out.extend(
            (0..net.introductions.len())
                .filter(|&i| introduction(&net.introductions[i]) == id)
                .map(Found::Introduction),
        );
    } else if id.starts_with('r') {
        out.extend(
            (0..net.reminders.len())
                .filter(|&i| reminder(&net.reminders[i]) == id)
                .map(Found::Reminder),
        );
    }
    out
}
