//! Person ids to people[] indices: the one resolution that validation, the graph and the
//! queries share, so each load looks every id up once.

use std::collections::HashMap;

use compact_str::CompactString;
use rayon::prelude::*;

use crate::model::Relationship;

/// The crate's hash map. The keys come from the user's own file, so the hashing need
/// not resist flooding by hostile input; foldhash is several times faster than std's
/// SipHash on short strings such as ids and interests.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

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
        // One hash: making the key first costs a copy of a few bytes (inline).
        *self.map.entry(id.into()).or_insert(i)
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
mod tests {
    use super::*;
    use crate::model::PersonId;

    #[test]
    fn ends_resolve_the_same_on_one_thread_and_several() {
        let ids: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let index = IdIndex::new(ids.iter().map(String::as_str));
        let rels: Vec<Relationship> = (0..250_000u32)
            .map(|k| {
                let b = if k % 7 == 0 {
                    "ghost".to_string()
                } else {
                    format!("p{}", k % 997)
                };
                Relationship::new(PersonId::from(format!("p{}", k % 1000)), PersonId::from(b))
            })
            .collect();
        let all = resolve_ends(&rels, &index);
        let one = resolve_ends(&rels[..50_000], &index);
        assert_eq!(all[..50_000], one[..]);
        for (k, [a, b]) in all.iter().enumerate() {
            assert_eq!(*a, k as u32 % 1000);
            let want = if k % 7 == 0 { UNKNOWN } else { k as u32 % 997 };
            assert_eq!(*b, want, "{k}");
        }
    }

    #[test]
    fn the_later_of_two_equal_ids_wins_and_get_or_insert_keeps_the_first() {
        let ids = ["a", "b", "a", "zoë", ""];
        let mut index = IdIndex::new(ids.into_iter());
        assert_eq!(index.get("a"), 2);
        assert_eq!(index.get("zoë"), 3);
        assert_eq!(index.get(""), 4);
        assert_eq!(index.get("A"), UNKNOWN);
        assert_eq!(index.get_or_insert("b", 9), 1);
        assert_eq!(index.get_or_insert("c", 9), 9);
    }
}
