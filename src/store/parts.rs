//! Decoding a large file's people and relationships side by side, with the same decoder.
//!
//! At 100,000 people the people and the relationships are each about 40% of the file and
//! of its decoding time. serde_json reads the top level in file order: the people's text
//! is only syntax-checked (a `RawValue`, no values built) and handed to a second thread
//! to decode, while this thread goes on decoding the relationships in place, and the
//! rest (version, cadences, interactions, history, unknown fields) is collected and
//! decoded as a small document of its own, all through `model::de`'s one decoder.
//! Until session 9 every section was syntax-checked first, a serial pass over the whole
//! file before either thread could start. Anything unusual (a key given twice, a
//! section that fails to decode) gives `None`, and the caller decodes the whole file in
//! one pass, which alone words the error with its line and column.

use std::fmt;
use std::marker::PhantomData;
use std::sync::OnceLock;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::model::{Network, Person, Relationship};

/// Files at least this large are decoded in parts; below it a second thread costs more
/// than it saves. Measured on a quiet machine (docs/benchmarks.md, "Session 10"): `show`
/// in parts against one pass, wall, 0.4 MB (300 people) 1.06, 0.8 MB (600) 1.00, 1.3 MB
/// (1,000) 0.92, 2.6 MB (2,000) 0.90; the CPU is 3-9% more from 1 MB.
pub(super) const IN_PARTS_FROM: usize = 1 << 20;

/// The network `text` holds, decoded in parts; `None` means "decode it in one pass".
pub(super) fn decode_in_parts(text: &str) -> Option<Network> {
    let mut de = serde_json::Deserializer::from_str(text);
    let net = de
        .deserialize_map(InPartsVisitor {
            text_len: text.len(),
        })
        .ok()?;
    de.end().ok()?;
    Some(net)
}

struct InPartsVisitor {
    text_len: usize,
}

impl<'de> Visitor<'de> for InPartsVisitor {
    type Value = Network;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a netweb network")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Network, A::Error> {
        // Set once by the thread that decodes the people: `None` if they did not decode.
        let people: OnceLock<Option<Vec<Person>>> = OnceLock::new();
        let mut net = rayon::in_place_scope(|scope| {
            let mut seen_people = false;
            let mut people_len = 0;
            let mut relationships = None;
            let mut rest = String::from("{");
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "people" => {
                        if std::mem::replace(&mut seen_people, true) {
                            return Err(de::Error::duplicate_field("people"));
                        }
                        let raw: &'de RawValue = map.next_value()?;
                        people_len = raw.get().len();
                        let people = &people;
                        scope.spawn(move |_| {
                            // Every person is an object, so there are at most as many
                            // people as opening braces (counted on this thread, while
                            // the other decodes the relationships).
                            let most = memchr::memchr_iter(b'{', raw.get().as_bytes()).count();
                            let mut de = serde_json::Deserializer::from_str(raw.get());
                            let _ =
                                people.set(Reserved::<Person>::new(most).deserialize(&mut de).ok());
                        });
                    }
                    "relationships" => {
                        if relationships.is_some() {
                            return Err(de::Error::duplicate_field("relationships"));
                        }
                        let most = (self.text_len - people_len) / BYTES_PER_RELATIONSHIP;
                        relationships =
                            Some(map.next_value_seed(Reserved::<Relationship>::new(most))?);
                    }
                    _ => {
                        if rest.len() > 1 {
                            rest.push(',');
                        }
                        rest.push_str(&serde_json::to_string(&key).map_err(de::Error::custom)?);
                        rest.push(':');
                        rest.push_str(map.next_value::<&RawValue>()?.get());
                    }
                }
            }
            rest.push('}');
            // Decoded here while the people's thread may still be busy.
            let mut net: Network = serde_json::from_str(&rest).map_err(de::Error::custom)?;
            net.relationships = relationships.unwrap_or_default();
            Ok(net)
        })?;
        net.people = match people.into_inner() {
            None => Vec::new(),
            Some(Some(people)) => people,
            Some(None) => return Err(de::Error::custom("the people did not decode")),
        };
        Ok(net)
    }
}

/// Fewer bytes than a relationship takes in a file netweb writes (`{ "a": "…", "b":
/// "…" }` with ids of a few letters and the line's indent is about 40; with the kind
/// and the date most take 70-120). The estimate only sizes the vector: a file of
/// shorter ones grows it as usual, and one with few relationships reserves address
/// space it never touches.
const BYTES_PER_RELATIONSHIP: usize = 48;

/// A vector decoded with room for `capacity` elements from the start. serde's own
/// starts empty and doubles (JSON gives no length): at 100,000 people that copied the
/// relationships (150 MB) and touched twice the memory they need.
struct Reserved<T> {
    capacity: usize,
    element: PhantomData<T>,
}

impl<T> Reserved<T> {
    fn new(capacity: usize) -> Self {
        Reserved {
            capacity,
            element: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Reserved<T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Reserved<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<T>, S::Error> {
        let mut out = Vec::with_capacity(self.capacity);
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
}

#[cfg(test)]
pub(super) mod tests;
