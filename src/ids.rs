//! Person ids to people[] indices: the one resolution that validation, the graph and the
//! queries share, so each load looks every id up once.

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;
use rayon::prelude::*;

use crate::model::Relationship;

/// The crate's hash map. The keys come from the user's own file, so the hashing need
/// not resist flooding by hostile input; foldhash is several times faster than std's
/// SipHash on short strings such as ids and interests.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// The crate's hash set, hashed as `FastMap` is.
pub(crate) type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// An empty map with room for `n` entries, so building it never rehashes.
pub(crate) fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, Default::default())
}

/// Marks a relationship end whose id is not in the index.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// Text -> index. The keys are copies kept inline (`CompactString` holds up to 24 bytes
/// in place, which is nearly every id and term), so comparing a key touches only the
/// table: with keys borrowed from the people, every one of the two million lookups of
/// relationship ends at 100k people also fetched a person's id from elsewhere in memory,
/// and those misses were a fifth of a load.
pub(crate) struct IdIndex {
    map: FastMap<CompactString, u32>,
}

impl IdIndex {
    /// An empty index with room for `n` ids.
    pub(crate) fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            map: map_with_capacity(n),
        }
    }

    /// The index of each id in order; of two equal ids the later wins.
    pub(crate) fn new<'s>(ids: impl ExactSizeIterator<Item = &'s str>) -> IdIndex {
        let mut index = IdIndex::with_capacity(ids.len());
        for (i, id) in ids.enumerate() {
            index.insert(id, i as u32);
        }
        index
    }

    /// Maps `id` to `i`, replacing what it mapped to.
    pub(crate) fn insert(&mut self, id: &str, i: u32) {
        self.map.insert(id.into(), i);
    }

    /// What `id` maps to; if nothing yet, maps it to `i` and returns `i`.
    pub(crate) fn get_or_insert(&mut self, id: &str, i: u32) -> u32 {
        // Looked up by `&str` first: the one caller, the vocabulary, finds nearly every
        // term already there (two million interests, a few thousand distinct), and
        // building an owned key for each lookup (`entry`) cost more than a second hash
        // for the few new ones.
        if let Some(&found) = self.map.get(id) {
            return found;
        }
        self.map.insert(id.into(), i);
        i
    }

    /// The index of `id`, or `UNKNOWN`.
    pub(crate) fn get(&self, id: &str) -> u32 {
        self.map.get(id).copied().unwrap_or(UNKNOWN)
    }
}

/// Both ends of every relationship of one network as people[] indices (`UNKNOWN` for an
/// id that does not resolve), in file order: what validation finds on load, handed to
/// the graph so it need not look two million ids up again.
#[derive(Debug, Default, Clone)]
pub struct Resolved(pub(crate) Vec<[u32; 2]>);

/// Below this many relationships one thread resolves faster than several.
const PARALLEL_FROM: usize = 100_000;

/// Both ends of every relationship as people[] indices (`UNKNOWN` when absent).
pub(crate) fn resolve_ends(rels: &[Relationship], index: &IdIndex) -> Vec<[u32; 2]> {
    let ends = |r: &Relationship| [index.get(r.a.as_str()), index.get(r.b.as_str())];
    if rels.len() < PARALLEL_FROM {
        rels.iter().map(ends).collect()
    } else {
        rels.par_iter()
            .with_min_len(PARALLEL_FROM / 4)
            .map(ends)
            .collect()
    }
}

#[cfg(test)]
mod tests;
