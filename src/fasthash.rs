//! What makes the id -> index maps built on every load (validation, graph) cheap at
//! 100k people and 1M relationships:
//!
//! - a small, fast hasher. std's default SipHash is built to resist hash flooding by
//!   hostile input; these keys come from the user's own data file, so they use the
//!   multiply-rotate scheme of rustc's FxHash instead. Written out here (it is a few
//!   lines) rather than adding a crate.
//! - ids copied back to back into one buffer before they become keys. Every lookup
//!   compares against its key's text; in the loaded network each id is its own heap
//!   allocation among the person's other fields, so that compare was a cache miss per
//!   lookup and most of the cost.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{PersonId, Relationship};

/// FxHash: one rotate, xor and multiply per 8-byte word.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves its best-mixed bits at the top; the table picks buckets
        // with the low bits, so bring them down.
        self.hash.rotate_left(26)
    }
}

pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An empty map with room for `n` entries, so building it never rehashes.
pub(crate) fn map_with_capacity<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// The ids of a network, back to back in one buffer: key a map with `get(i)` so that
/// lookups touch a couple of contiguous megabytes.
pub(crate) struct IdText {
    text: String,
    /// Id `i` is `text[ends[i]..ends[i + 1]]`.
    ends: Vec<usize>,
}

impl IdText {
    pub(crate) fn new<'s>(ids: impl Iterator<Item = &'s str> + Clone) -> IdText {
        let mut text = String::with_capacity(ids.clone().map(str::len).sum());
        let mut ends = Vec::with_capacity(ids.size_hint().0 + 1);
        ends.push(0);
        for id in ids {
            text.push_str(id);
            ends.push(text.len());
        }
        IdText { text, ends }
    }

    pub(crate) fn get(&self, i: usize) -> &str {
        &self.text[self.ends[i]..self.ends[i + 1]]
    }
}

/// Marks a relationship end whose id is not in the map.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// Both ends of every relationship as the map's indices (`UNKNOWN` when absent).
///
/// Two million lookups at 100k people are memory-bound waits, so a large network is split
/// over two threads, each writing its own half of the result.
pub(crate) fn resolve_ends(rels: &[Relationship], index: &FxHashMap<&str, u32>) -> Vec<[u32; 2]> {
    let look = |id: &PersonId| index.get(id.as_str()).copied().unwrap_or(UNKNOWN);
    let fill = |rels: &[Relationship], out: &mut [[u32; 2]]| {
        for (r, slot) in rels.iter().zip(out) {
            *slot = [look(&r.a), look(&r.b)];
        }
    };
    let mut out = vec![[UNKNOWN; 2]; rels.len()];
    if rels.len() < 100_000 {
        fill(rels, &mut out);
        return out;
    }
    let half = rels.len() / 2;
    let (first, second) = out.split_at_mut(half);
    std::thread::scope(|s| {
        s.spawn(|| fill(&rels[half..], second));
        fill(&rels[..half], first);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m = map_with_capacity(4);
        for (i, k) in ["a", "ab", "abcdefgh", "abcdefghi", ""].iter().enumerate() {
            m.insert(*k, i);
        }
        assert_eq!(m.len(), 5);
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("abcdefgx"), None);
    }

    #[test]
    fn ends_resolve_the_same_on_one_thread_and_two() {
        let ids: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let mut index = map_with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            index.insert(id.as_str(), i as u32);
        }
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
        let both = resolve_ends(&rels, &index);
        let one = resolve_ends(&rels[..50_000], &index);
        assert_eq!(both[..50_000], one[..]);
        for (k, [a, b]) in both.iter().enumerate() {
            assert_eq!(*a, k as u32 % 1000);
            let want = if k % 7 == 0 { UNKNOWN } else { k as u32 % 997 };
            assert_eq!(*b, want, "{k}");
        }
    }

    #[test]
    fn id_text_gives_back_each_id() {
        let ids = ["ann", "", "bob-2", "zoë"];
        let text = IdText::new(ids.iter().copied());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(text.get(i), *id);
        }
    }
}
