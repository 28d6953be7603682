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
use std::sync::OnceLock;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::model::{Network, Person, Relationship};

/// Files at least this large are decoded in parts; below it a second thread costs more
/// than it saves.
pub(super) const IN_PARTS_FROM: usize = 4 << 20;

/// The network `text` holds, decoded in parts; `None` means "decode it in one pass".
pub(super) fn decode_in_parts(text: &str) -> Option<Network> {
    serde_json::from_str::<InParts>(text)
        .ok()
        .map(|parts| parts.0)
}

/// A network decoded by [`InPartsVisitor`].
struct InParts(Network);

impl<'de> Deserialize<'de> for InParts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(InPartsVisitor)
    }
}

struct InPartsVisitor;

impl<'de> Visitor<'de> for InPartsVisitor {
    type Value = InParts;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a netweb network")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InParts, A::Error> {
        // Set once by the thread that decodes the people: `None` if they did not decode.
        let people: OnceLock<Option<Vec<Person>>> = OnceLock::new();
        let mut net = rayon::in_place_scope(|scope| {
            let mut seen_people = false;
            let mut relationships = None;
            let mut rest = String::from("{");
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "people" => {
                        if std::mem::replace(&mut seen_people, true) {
                            return Err(de::Error::duplicate_field("people"));
                        }
                        let raw: &'de RawValue = map.next_value()?;
                        let people = &people;
                        scope.spawn(move |_| {
                            let _ = people.set(Vec::<Person>::deserialize(raw).ok());
                        });
                    }
                    "relationships" => {
                        if relationships.is_some() {
                            return Err(de::Error::duplicate_field("relationships"));
                        }
                        relationships = Some(map.next_value::<Vec<Relationship>>()?);
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
        Ok(InParts(net))
    }
}

#[cfg(test)]
pub(super) mod tests;
