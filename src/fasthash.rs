//! What makes the id -> index maps built on every load (validation, graph) cheap at
//! 100k people and 1M relationships:
//!
//! - a small, fast hasher. std's default SipHash is built to resist hash flooding by
//!   hostile input; these keys come from the user's own data file, so they use the
//!   multiply-rotate scheme of rustc's FxHash instead. Written out here (it is a few
//!   lines) rather than adding a crate.
//! - `IdIndex`, a table that keeps each id's text inline in its slot: two million
//!   lookups of relationship ends are memory-bound, and a lookup there is one cache miss
//!   where a general map of `&str` keys is three.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::Relationship;

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

/// How many items ahead a loop of one `IdIndex` lookup per item asks for the slot it
/// will need (`IdIndex::prefetch`).
pub(crate) const PREFETCH_AHEAD: usize = 8;

/// Marks a relationship end whose id is not in the map.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// The longest id kept inline in a slot of `IdIndex`.
const INLINE: usize = 27;

/// An id -> people[] index map built for millions of lookups: open addressing with each
/// id's text inline in its 32-byte slot, so a lookup is one cache miss. A general map
/// of `&str` keys is three (the control byte, the entry, the key's text elsewhere), and
/// at 100k people its lookups of two million relationship ends were most of the time
/// validation takes. Ids longer than 27 bytes (rare: ids are slugs of names) go to an
/// ordinary map.
pub(crate) struct IdIndex {
    slots: Vec<Slot>,
    mask: usize,
    /// Ids held inline; the table doubles before it is half full.
    inline: usize,
    long: FxHashMap<String, u32>,
}

/// An id's bytes zero-padded, then its length (`EMPTY` for a free slot), then its index.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: [u8; INLINE + 1],
    index: u32,
}

const EMPTY: u8 = u8::MAX;

impl IdIndex {
    /// An empty index with room for `n` ids.
    pub(crate) fn with_capacity(n: usize) -> IdIndex {
        // At most half full, so probes stay short.
        let size = (n * 2).next_power_of_two().max(16);
        let mut empty = [0; INLINE + 1];
        empty[INLINE] = EMPTY;
        let free = Slot {
            key: empty,
            index: UNKNOWN,
        };
        IdIndex {
            slots: vec![free; size],
            mask: size - 1,
            inline: 0,
            long: FxHashMap::default(),
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
        self.entry(id, i, true);
    }

    /// What `id` maps to; if nothing yet, maps it to `i` and returns `i`.
    pub(crate) fn get_or_insert(&mut self, id: &str, i: u32) -> u32 {
        self.entry(id, i, false)
    }

    fn entry(&mut self, id: &str, i: u32, replace: bool) -> u32 {
        let Some(key) = inline_key(id) else {
            let held = self.long.entry(id.to_owned()).or_insert(i);
            if replace {
                *held = i;
            }
            return *held;
        };
        if 2 * (self.inline + 1) > self.slots.len() {
            self.grow();
        }
        let mut at = self.home(&key);
        loop {
            let slot = &mut self.slots[at];
            if slot.key[INLINE] == EMPTY {
                *slot = Slot { key, index: i };
                self.inline += 1;
                return i;
            }
            if slot.key == key {
                if replace {
                    slot.index = i;
                }
                return slot.index;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Twice the slots, every inline id moved to its new home.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let mut bigger = IdIndex::with_capacity(old.len());
        bigger.long = std::mem::take(&mut self.long);
        for slot in old.iter().filter(|s| s.key[INLINE] != EMPTY) {
            let mut at = bigger.home(&slot.key);
            while bigger.slots[at].key[INLINE] != EMPTY {
                at = (at + 1) & bigger.mask;
            }
            bigger.slots[at] = *slot;
        }
        bigger.inline = self.inline;
        *self = bigger;
    }

    /// The index of `id`, or `UNKNOWN`.
    pub(crate) fn get(&self, id: &str) -> u32 {
        let Some(key) = inline_key(id) else {
            return self.long.get(id).copied().unwrap_or(UNKNOWN);
        };
        let mut at = self.home(&key);
        loop {
            let slot = &self.slots[at];
            if slot.key == key {
                return slot.index;
            }
            if slot.key[INLINE] == EMPTY {
                return UNKNOWN;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Asks the processor to start loading `id`'s home slot, so that a lookup of it a
    /// little later finds the slot in cache. (A plain read of the slot does not do this:
    /// the processor cannot run far ahead of the unpredictable probe loop between, so the
    /// misses still come one at a time. The prefetch instruction never waits.)
    #[inline]
    pub(crate) fn prefetch(&self, id: &str) {
        #[cfg(not(target_arch = "x86_64"))]
        let _ = id;
        #[cfg(target_arch = "x86_64")]
        if let Some(key) = inline_key(id) {
            let slot = &self.slots[self.home(&key)];
            // SAFETY: a prefetch only hints; the address is a valid slot.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (slot as *const Slot).cast(),
                );
            }
        }
    }

    fn home(&self, key: &[u8; INLINE + 1]) -> usize {
        let mut h = FxHasher::default();
        h.write(key);
        h.finish() as usize & self.mask
    }
}

/// An id as a slot key: its bytes zero-padded and its length, or None if too long.
fn inline_key(id: &str) -> Option<[u8; INLINE + 1]> {
    let bytes = id.as_bytes();
    if bytes.len() > INLINE {
        return None;
    }
    let mut key = [0; INLINE + 1];
    key[..bytes.len()].copy_from_slice(bytes);
    key[INLINE] = bytes.len() as u8;
    Some(key)
}

/// Both ends of every relationship as people[] indices (`UNKNOWN` when absent).
///
/// Two million lookups at 100k people are memory-bound waits, so a large network is split
/// over two threads, each writing its own half of the result.
pub(crate) fn resolve_ends(rels: &[Relationship], index: &IdIndex) -> Vec<[u32; 2]> {
    let fill = |rels: &[Relationship], out: &mut [[u32; 2]]| {
        for (r, slot) in rels.iter().zip(out) {
            *slot = [index.get(r.a.as_str()), index.get(r.b.as_str())];
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

/// Relationship ends numbered in order of first appearance, before the people are
/// known: the second decoding thread does this while the first still reads the people
/// (`store::decode_split`). `resolve` then needs one lookup per person instead of two
/// per relationship, which moves two million lookups off the path that waits.
pub(crate) struct Interned {
    ids: IdIndex,
    ends: Vec<[u32; 2]>,
    distinct: u32,
}

impl Interned {
    pub(crate) fn new(rels: &[Relationship]) -> Interned {
        // A typical network has about one person per ten relationships; the table grows
        // if there are more.
        let mut ids = IdIndex::with_capacity(rels.len() / 8);
        let mut distinct = 0;
        let mut number = |ids: &mut IdIndex, id: &str| {
            let n = ids.get_or_insert(id, distinct);
            if n == distinct {
                distinct += 1;
            }
            n
        };
        // Two million lookups in a table of several MB each wait on memory, one at a
        // time; asking for the slots of the ends a few relationships ahead overlaps those
        // waits (0.33-0.40 s became 0.13-0.18 s at 100k people and 1M relationships).
        // Two lookups an item here, so a little further ahead.
        const AHEAD: usize = 12;
        let mut ends = Vec::with_capacity(rels.len());
        for (i, r) in rels.iter().enumerate() {
            if let Some(next) = rels.get(i + AHEAD) {
                ids.prefetch(next.a.as_str());
                ids.prefetch(next.b.as_str());
            }
            ends.push([
                number(&mut ids, r.a.as_str()),
                number(&mut ids, r.b.as_str()),
            ]);
        }
        Interned {
            ids,
            ends,
            distinct,
        }
    }

    /// What `resolve_ends` gives with an index of these ids (`None`: left out of the
    /// index), the later of two equal ids winning as there.
    pub(crate) fn resolve<'s>(self, ids: impl Iterator<Item = Option<&'s str>>) -> Vec<[u32; 2]> {
        let mut person = vec![UNKNOWN; self.distinct as usize];
        // Listed first so the slots of ids a few ahead can be asked for (`prefetch`).
        let ids: Vec<Option<&str>> = ids.collect();
        for (i, &id) in ids.iter().enumerate() {
            if let Some(Some(ahead)) = ids.get(i + PREFETCH_AHEAD) {
                self.ids.prefetch(ahead);
            }
            if let Some(id) = id {
                let n = self.ids.get(id);
                if n != UNKNOWN {
                    person[n as usize] = i as u32;
                }
            }
        }
        let mut ends = self.ends;
        for end in &mut ends {
            *end = end.map(|n| person[n as usize]);
        }
        ends
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;

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
    fn interned_ends_resolve_as_a_lookup_does() {
        let long = "a-name-much-longer-than-twenty-seven-bytes";
        // Duplicate and blank people, ends nobody has, long ids, and enough distinct ids
        // to make the table grow several times.
        let mut people: Vec<String> = (0..3000).map(|i| format!("p{i}")).collect();
        people.extend(["p7", "", long, "p3001"].map(String::from));
        let rels: Vec<Relationship> = (0..20_000u32)
            .map(|k| {
                let a = if k % 11 == 0 {
                    long.to_string()
                } else {
                    format!("p{}", k % 3100)
                };
                let b = match k % 13 {
                    0 => String::new(),
                    1 => format!("{long}{}", k % 5),
                    _ => format!("p{}", (k * 7) % 3050),
                };
                Relationship::new(PersonId::from(a), PersonId::from(b))
            })
            .collect();
        fn usable(id: &str) -> Option<&str> {
            (!id.is_empty()).then_some(id)
        }
        let mut index = IdIndex::with_capacity(people.len());
        for (i, id) in people.iter().enumerate() {
            if let Some(id) = usable(id) {
                index.insert(id, i as u32);
            }
        }
        let want = resolve_ends(&rels, &index);
        let got = Interned::new(&rels).resolve(people.iter().map(|id| usable(id)));
        assert_eq!(got, want);
        assert!(want.iter().flatten().any(|&n| n == UNKNOWN));
        assert_eq!(want[0][0], 3002, "the long id resolves");
        assert_eq!(want[7][0], 3000, "the later of two equal ids wins");
    }

    #[test]
    fn get_or_insert_keeps_the_first_and_grows() {
        let mut index = IdIndex::with_capacity(1);
        for i in 0..1000u32 {
            assert_eq!(index.get_or_insert(&format!("id{i}"), i), i);
        }
        for i in 0..1000u32 {
            assert_eq!(index.get_or_insert(&format!("id{i}"), 5000), i);
            assert_eq!(index.get(&format!("id{i}")), i);
        }
        assert_eq!(index.get("id1000"), UNKNOWN);
    }

    #[test]
    fn the_id_index_finds_every_id_and_nothing_else() {
        let long = "a-name-much-longer-than-twenty-seven-bytes";
        let mut ids: Vec<String> = (0..5000).map(|i| format!("person-{i}")).collect();
        ids.extend(["", "x", "exactly-twenty-seven-bytes!", long, "zoë", "x"].map(String::from));
        let index = IdIndex::new(ids.iter().map(String::as_str));
        for (i, id) in ids.iter().enumerate().take(5000) {
            assert_eq!(index.get(id), i as u32);
        }
        assert_eq!(index.get(""), 5000);
        // Of two equal ids the later wins.
        assert_eq!(index.get("x"), 5005);
        assert_eq!(index.get("exactly-twenty-seven-bytes!"), 5002);
        assert_eq!(index.get(long), 5003);
        assert_eq!(index.get("zoë"), 5004);
        for absent in [
            "person-5000",
            "person-",
            "X",
            "exactly-twenty-seven-bytes?",
            &long[1..],
        ] {
            assert_eq!(index.get(absent), UNKNOWN, "{absent}");
        }
        // A string with a zero byte is not the shorter id padded with zeros.
        assert_eq!(index.get("x\0"), UNKNOWN);
    }
}
