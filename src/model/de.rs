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

use super::{Extra, Interaction, Introduction, Network, Person, Relationship, date_req};

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

/// Implements `Deserialize` for a record: `required` fields must be present, `optional`
/// and `dates` may be absent (their type's default), anything else goes to `extra`.
/// `finish` then runs on the record.
macro_rules! record {
    (
        $ty:ident, $what:literal,
        required { $($req:ident),* }
        optional { $($opt:ident),* }
        dates { $($date:ident),* }
        required_dates { $($rdate:ident),* }
        finish $finish:expr
    ) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        $(let mut $date = None;)*
                        $(let mut $rdate = None;)*
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key::<Key>()? {
                            match key.0.as_ref() {
                                $(stringify!($req) => fill(&mut map, &mut $req, stringify!($req))?,)*
                                $(stringify!($opt) => fill(&mut map, &mut $opt, stringify!($opt))?,)*
                                $(stringify!($date) => fill_date(&mut map, &mut $date, stringify!($date))?,)*
                                $(stringify!($rdate) => fill_date(&mut map, &mut $rdate, stringify!($rdate))?,)*
                                _ => keep(&mut map, &mut extra, key)?,
                            }
                        }
                        let mut record = $ty {
                            $($req: required($req, stringify!($req))?,)*
                            $($rdate: required($rdate, stringify!($rdate))?,)*
                            $($opt: $opt.unwrap_or_default(),)*
                            $($date,)*
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
    required { id, name }
    optional { emails, phones, company, role, location, interests, offers, seeks, tags,
               notes, every, no_intros }
    dates { met, added }
    required_dates {}
    // A hand-edited file may say "Rust " where netweb stores "rust". Normalising here,
    // while the person's terms are still in the cache, costs almost nothing; a pass over
    // two million terms after decoding cost 0.2 s at 100k people.
    finish Person::normalize_terms
);

record!(Relationship, "a relationship (an object with \"a\" and \"b\")",
    required { a, b }
    optional { kind, strength, note }
    dates { since }
    required_dates {}
    finish |_| ()
);

record!(Interaction, "an interaction (an object with a date and people)",
    required { people }
    optional { kind, note }
    dates {}
    required_dates { date }
    finish |_| ()
);

record!(Introduction, "an introduction (an object with a date and people)",
    required { people }
    optional { note }
    dates {}
    required_dates { date }
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
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<Key>()? {
            match key.0.as_ref() {
                "version" => fill(&mut map, &mut version, "version")?,
                "people" => fill(&mut map, &mut people, "people")?,
                "tag_cadences" => fill(&mut map, &mut tag_cadences, "tag_cadences")?,
                "relationships" => fill(&mut map, &mut relationships, "relationships")?,
                "interactions" => fill(&mut map, &mut interactions, "interactions")?,
                "introductions" => fill(&mut map, &mut introductions, "introductions")?,
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
            extra,
        })
    }
}
