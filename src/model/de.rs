//! Reading the data file's records by hand instead of by `#[derive(Deserialize)]`.
//!
//! Every record keeps its unknown fields. serde's way of saying that, `#[serde(flatten)]`,
//! first copies each record whole into an intermediate tree of owned values and then reads
//! the record out of that copy; on the top-level network that means the entire file is
//! decoded twice. At 100,000 people and 1,000,000 relationships that was more than half of
//! the load time. The visitors here read each field straight into its place and only
//! collect the fields they do not know. Messages match serde's (`missing field`,
//! `duplicate field`), and serde_json adds the line and column as before.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::{Extra, Interaction, Introduction, Network, Person, Relationship, Reminder, date_req};

/// A date field: ISO `YYYY-MM-DD`, with the message `date_req` gives.
struct IsoDate(NaiveDate);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        date_req::deserialize(d).map(IsoDate)
    }
}

/// A key, borrowed from the input when it has no escapes (the usual case), so matching
/// the known names allocates nothing.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Reads one field's value into its slot, refusing a second occurrence of the key as
/// serde's derive does (a hand edit that says `name` twice should not silently pick one).
fn fill<'de, A, T>(map: &mut A, slot: &mut Option<T>, key: &'static str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

fn fill_date<'de, A>(
    map: &mut A,
    slot: &mut Option<NaiveDate>,
    key: &'static str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value::<IsoDate>()?.0);
    Ok(())
}

/// An unknown field: kept, the last one winning if the key repeats (as in JavaScript).
fn keep<'de, A: MapAccess<'de>>(map: &mut A, extra: &mut Extra, key: Key) -> Result<(), A::Error> {
    extra.insert(key.0.into_owned(), map.next_value()?);
    Ok(())
}

fn required<T, E: de::Error>(slot: Option<T>, key: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| de::Error::missing_field(key))
}

/// Reads one field's value into its slot, by the field's kind.
macro_rules! fill_field {
    (required, $map:ident, $slot:ident) => {
        fill(&mut $map, &mut $slot, stringify!($slot))?
    };
    (optional, $map:ident, $slot:ident) => {
        fill(&mut $map, &mut $slot, stringify!($slot))?
    };
    (date, $map:ident, $slot:ident) => {
        fill_date(&mut $map, &mut $slot, stringify!($slot))?
    };
    (required_date, $map:ident, $slot:ident) => {
        fill_date(&mut $map, &mut $slot, stringify!($slot))?
    };
}

/// A field's value once the record is read, by the field's kind: `required` and
/// `required_date` must be present, `optional` takes its type's default, `date` stays
/// an `Option`.
macro_rules! take_field {
    (required, $slot:ident) => {
        required($slot, stringify!($slot))?
    };
    (required_date, $slot:ident) => {
        required($slot, stringify!($slot))?
    };
    (optional, $slot:ident) => {
        $slot.unwrap_or_default()
    };
    (date, $slot:ident) => {
        $slot
    };
}

/// Implements `Deserialize` for a record from its one list of fields, in file order, each
/// with its kind (see `take_field`); anything else goes to `extra`. `finish` then runs
/// on the record. The list is also the record's `FIELDS`, which the CSV header and the
/// tests use, so the field names are written down once: the struct literal below fails
/// to compile if the list and the struct disagree.
macro_rules! record {
    (
        $ty:ident, $what:literal,
        fields { $($field:ident: $kind:ident),* $(,)? }
        finish $finish:expr
    ) => {
        impl $ty {
            /// The record's known fields, in the order they are written.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $field = None;)*
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key::<Key>()? {
                            match key.0.as_ref() {
                                $(stringify!($field) => fill_field!($kind, map, $field),)*
                                _ => keep(&mut map, &mut extra, key)?,
                            }
                        }
                        let mut record = $ty {
                            $($field: take_field!($kind, $field),)*
                            extra,
                        };
                        let finish: fn(&mut $ty) = $finish;
                        finish(&mut record);
                        Ok(record)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

record!(Person, "a person (an object with an id and a name)",
    fields {
        id: required, name: required, emails: optional, phones: optional,
        company: optional, role: optional, location: optional, interests: optional,
        offers: optional, seeks: optional, tags: optional, notes: optional, met: date,
        every: optional, no_intros: optional, added: date,
    }
    // A hand-edited file may say "Rust " where netweb stores "rust". Normalising here,
    // while the person's terms are still in the cache, costs almost nothing; a pass over
    // two million terms after decoding cost 0.2 s at 100k people.
    finish Person::normalize_terms
);

record!(Relationship, "a relationship (an object with \"a\" and \"b\")",
    fields { a: required, b: required, kind: optional, strength: optional, since: date, note: optional,
        inferred: optional }
    finish |_| ()
);

record!(Interaction, "an interaction (an object with a date and people)",
    fields { date: required_date, people: required, kind: optional, note: optional, source: optional }
    finish |_| ()
);

record!(Reminder, "a reminder (an object with a date, a person and a text)",
    fields { date: required_date, person: required, text: required }
    finish |_| ()
);

record!(Introduction, "an introduction (an object with a date and people)",
    fields { date: required_date, people: required, note: optional }
    finish |_| ()
);

/// The network: `version` defaults to the current format, everything else to empty.
impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(NetworkVisitor)
    }
}

struct NetworkVisitor;

impl<'de> Visitor<'de> for NetworkVisitor {
    type Value = Network;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a netweb network (an object with people and relationships)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Network, A::Error> {
        let mut version = None;
        let mut people = None;
        let mut tag_cadences = None;
        let mut relationships = None;
        let mut interactions = None;
        let mut introductions = None;
        let mut reminders = None;
        let mut me = None;
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<Key>()? {
            match key.0.as_ref() {
                "version" => fill(&mut map, &mut version, "version")?,
                "people" => fill(&mut map, &mut people, "people")?,
                "tag_cadences" => fill(&mut map, &mut tag_cadences, "tag_cadences")?,
                "relationships" => fill(&mut map, &mut relationships, "relationships")?,
                "interactions" => fill(&mut map, &mut interactions, "interactions")?,
                "introductions" => fill(&mut map, &mut introductions, "introductions")?,
                "reminders" => fill(&mut map, &mut reminders, "reminders")?,
                "me" => fill(&mut map, &mut me, "me")?,
                _ => keep(&mut map, &mut extra, key)?,
            }
        }
        Ok(Network {
            version: version.unwrap_or(super::FORMAT_VERSION),
            people: people.unwrap_or_default(),
            tag_cadences: tag_cadences.unwrap_or_default(),
            relationships: relationships.unwrap_or_default(),
            interactions: interactions.unwrap_or_default(),
            introductions: introductions.unwrap_or_default(),
            reminders: reminders.unwrap_or_default(),
            me: me.unwrap_or_default(),
            extra,
        })
    }
}
