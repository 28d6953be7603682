//! The data: what one network file holds. Field names are the contract that scripts rely on.
//!
//! Every record keeps the fields it does not know in `extra`, so a file written by a newer
//! netweb or edited by hand loses nothing when this build saves it. Writing derives
//! `Serialize` (`flatten` puts `extra` back beside the known fields); reading is written
//! out by hand in `de`, where `flatten` would have been the slow way.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod de;

/// The newest file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Fields this build does not know, kept verbatim (sorted by key on save).
pub type Extra = BTreeMap<String, Value>;

/// A person's stable id: a slug of their name, unique in the file, never changed by a rename.
///
/// Kept inline (no allocation) up to 24 bytes, which is nearly every id: a large network
/// names ids twice per relationship, and a heap allocation each was a fifth of its memory
/// and of its load time, and a pointer to chase on every lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub CompactString);

impl From<&str> for PersonId {
    fn from(id: &str) -> Self {
        PersonId(id.into())
    }
}

impl From<String> for PersonId {
    fn from(id: String) -> Self {
        PersonId(id.into())
    }
}

impl PersonId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    pub version: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Default cadences by tag, e.g. "family" -> "14d". A person's own `every` wins;
    /// among their tags the shortest cadence wins.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tag_cadences: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Relationship>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<Interaction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub introductions: Vec<Introduction>,
    /// One-off reminders that `due` shows on their date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<Reminder>,
    /// The owner's own email addresses: an imported calendar's events list the owner
    /// among the attendees, and the owner is not one of their contacts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub me: Vec<CompactString>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Network {
    fn default() -> Self {
        Network {
            version: FORMAT_VERSION,
            people: Vec::new(),
            tag_cadences: BTreeMap::new(),
            relationships: Vec::new(),
            interactions: Vec::new(),
            introductions: Vec::new(),
            reminders: Vec::new(),
            me: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// One contact. The short texts (name, emails, phones, company, role, location, the term
/// lists, `every`) are `CompactString`s, inline up to 24 bytes like ids: 100k people hold
/// some two million interests, and with a heap allocation each, decoding the people took
/// nearly twice as long. They serialize as plain JSON strings and decode straight from the
/// input text (no `String` in between). `notes` is long free text, so stays a `String`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Person {
    pub id: PersonId,
    pub name: CompactString,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<CompactString>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<CompactString>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<CompactString>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<CompactString>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seeks: Vec<CompactString>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_opt::serialize"
    )]
    pub met: Option<NaiveDate>,
    /// How often the owner wants to be in touch, e.g. "30d" or "2w".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<CompactString>,
    /// The person asked not to be introduced to anyone: `suggest` leaves them out.
    #[serde(skip_serializing_if = "is_false")]
    pub no_intros: bool,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_opt::serialize"
    )]
    pub added: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Two contacts know each other. Undirected: `a`/`b` order carries no meaning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relationship {
    pub a: PersonId,
    pub b: PersonId,
    /// "friend", "colleague", ...: short, so kept inline like ids (see `PersonId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<CompactString>,
    /// 1 (acquaintances) to 5 (very close).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date_opt::serialize"
    )]
    pub since: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why netweb believes this tie without being told (`"calendar: Standup 2026-03-02"`,
    /// `"same company: Ocado"`). `None` for a tie the owner recorded or confirmed; an
    /// inferred tie can be taken back by `infer --undo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Relationship {
    pub fn new(a: PersonId, b: PersonId) -> Self {
        Relationship {
            a,
            b,
            kind: None,
            strength: None,
            since: None,
            note: None,
            inferred: None,
            extra: Extra::new(),
        }
    }

    pub fn joins(&self, x: &PersonId, y: &PersonId) -> bool {
        (&self.a == x && &self.b == y) || (&self.a == y && &self.b == x)
    }

    pub fn touches(&self, x: &PersonId) -> bool {
        &self.a == x || &self.b == x
    }

    /// The other end of a relationship that touches `x`.
    pub fn other(&self, x: &PersonId) -> &PersonId {
        if &self.a == x { &self.b } else { &self.a }
    }
}

/// The owner was in touch with one or more contacts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interaction {
    #[serde(serialize_with = "date_req::serialize")]
    pub date: NaiveDate,
    pub people: Vec<PersonId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where an imported interaction came from (a calendar event's UID and occurrence
    /// date), so importing the same export again adds only what is new.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A one-off reminder about a person, shown by `due` from its date on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    #[serde(serialize_with = "date_req::serialize")]
    pub date: NaiveDate,
    pub person: PersonId,
    pub text: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The owner introduced these contacts to each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Introduction {
    #[serde(serialize_with = "date_req::serialize")]
    pub date: NaiveDate,
    pub people: Vec<PersonId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Person {
    /// Brings the term lists (interests, offers, seeks, tags) to their stored form
    /// (`text::normalize_list`), for a file edited by hand.
    pub fn normalize_terms(&mut self) {
        for list in [
            &mut self.interests,
            &mut self.offers,
            &mut self.seeks,
            &mut self.tags,
        ] {
            crate::text::normalize_list(list);
        }
    }
}

impl Network {
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    pub fn person_mut(&mut self, id: &PersonId) -> Option<&mut Person> {
        self.people.iter_mut().find(|p| &p.id == id)
    }

    /// The display name of an id, falling back to the id itself.
    pub fn name_of<'a>(&'a self, id: &'a PersonId) -> &'a str {
        self.person(id).map_or(id.as_str(), |p| p.name.as_str())
    }

    pub fn relationship_index(&self, x: &PersonId, y: &PersonId) -> Option<usize> {
        self.relationships.iter().position(|r| r.joins(x, y))
    }
}

/// Dates are ISO `YYYY-MM-DD`; these give a hand-edited file a message that says so.
mod date_req {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use super::iso_date;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        // NaiveDate's Display is ISO YYYY-MM-DD; `format` re-reads a pattern every call.
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        // Borrowed when the text has no escapes: one allocation less per date.
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        iso_date(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "invalid date {text:?}: dates are written YYYY-MM-DD, e.g. 2024-05-01"
            ))
        })
    }
}

/// Exactly `YYYY-MM-DD`, a real date. Written out because chrono's pattern parser
/// re-reads its pattern for every date (millions in a large file).
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

mod date_opt {
    use chrono::NaiveDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date_req::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_exactly_iso_and_real() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(iso_date("2024-02-29"), d(2024, 2, 29));
        assert_eq!(iso_date("0001-01-01"), d(1, 1, 1));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "+2024-01-01",
            " 2024-01-01",
            "2024-01-01 ",
            "2024-0a-01",
            "２０２４-01-01",
            "",
        ] {
            assert_eq!(iso_date(bad), None, "{bad:?}");
        }
        let json = serde_json::to_string(&Relationship {
            since: d(987, 6, 5),
            ..Relationship::new("a".into(), "b".into())
        })
        .unwrap();
        assert!(json.contains("\"since\":\"0987-06-05\""), "{json}");
    }

    /// Every field set, so each one is written.
    fn full_person() -> Person {
        Person {
            id: "ada".into(),
            name: "Ada".into(),
            emails: vec!["a@x.org".into()],
            phones: vec!["1".into()],
            company: Some("c".into()),
            role: Some("r".into()),
            location: Some("l".into()),
            interests: vec!["i".into()],
            offers: vec!["o".into()],
            seeks: vec!["s".into()],
            tags: vec!["t".into()],
            notes: Some("n".into()),
            met: NaiveDate::from_ymd_opt(2024, 1, 2),
            every: Some("2w".into()),
            no_intros: true,
            added: NaiveDate::from_ymd_opt(2024, 1, 3),
            extra: Extra::new(),
        }
    }

    /// `FIELDS` (from the decoder's one list) is what a save writes, in the same order:
    /// the struct, its serialisation and the decoder cannot drift apart.
    #[test]
    fn the_field_lists_are_one() {
        let written = serde_json::to_value(full_person()).unwrap();
        let keys: Vec<&str> = written
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = Person::FIELDS.to_vec();
        sorted.sort_unstable();
        // serde_json's map is sorted; the order itself is checked on the text below.
        assert_eq!(keys, sorted);
        let text = serde_json::to_string(&full_person()).unwrap();
        let at: Vec<usize> = Person::FIELDS
            .iter()
            .map(|f| text.find(&format!("\"{f}\":")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        // And each is decoded into its own field, none into `extra`.
        let back: Person = serde_json::from_str(&text).unwrap();
        assert_eq!(back, full_person());
        let rel = serde_json::to_value(Relationship {
            kind: Some("k".into()),
            strength: Some(2),
            since: NaiveDate::from_ymd_opt(2024, 1, 1),
            note: Some("n".into()),
            inferred: Some("i".into()),
            ..Relationship::new("a".into(), "b".into())
        })
        .unwrap();
        let mut keys: Vec<&str> = rel
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = Relationship::FIELDS.to_vec();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want);
    }
}
