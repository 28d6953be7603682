//! Decoding a large file's people and relationships side by side, with the same decoder.
//!
//! At 100,000 people the people and the relationships are each about 40% of the file and
//! of its decoding time. serde_json first reads the top level with each section as a
//! `RawValue` (a syntax check of the text, no values built), then the two sections are
//! decoded on two threads and the rest (version, cadences, history, unknown fields) as a
//! small document of its own, all through `model::de`'s one decoder. Anything unusual
//! (a key given twice, a section that fails to decode) gives `None`, and the caller
//! decodes the whole file in one pass, which alone words the error with its line and
//! column.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::model::{Network, Person, Relationship};

/// Files at least this large are decoded in parts; below it a second thread costs more
/// than it saves.
pub(super) const IN_PARTS_FROM: usize = 4 << 20;

/// The top level's keys in file order, each value's text untouched.
struct Sections<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Sections<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Sections<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a netweb network")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sections<'de>, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    out.push((key, map.next_value::<&RawValue>()?));
                }
                Ok(Sections(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The network `text` holds, decoded in parts; `None` means "decode it in one pass".
pub(super) fn decode_in_parts(text: &str) -> Option<Network> {
    let Sections(sections) = serde_json::from_str(text).ok()?;
    let mut people = None;
    let mut relationships = None;
    let mut rest = String::from("{");
    for (key, value) in &sections {
        let slot = match key.as_str() {
            "people" => &mut people,
            "relationships" => &mut relationships,
            _ => {
                if rest.len() > 1 {
                    rest.push(',');
                }
                rest.push_str(&serde_json::to_string(key).ok()?);
                rest.push(':');
                rest.push_str(value.get());
                continue;
            }
        };
        if slot.replace(*value).is_some() {
            // A repeated section: the one-pass decode refuses it with its location.
            return None;
        }
    }
    rest.push('}');
    let (people, (relationships, rest)) = rayon::join(
        || people.map_or(Some(Vec::new()), |raw| Vec::<Person>::deserialize(raw).ok()),
        || {
            (
                relationships.map_or(Some(Vec::new()), |raw| {
                    Vec::<Relationship>::deserialize(raw).ok()
                }),
                serde_json::from_str::<Network>(&rest).ok(),
            )
        },
    );
    let mut net = rest?;
    net.people = people?;
    net.relationships = relationships?;
    Some(net)
}

#[cfg(test)]
mod tests;
