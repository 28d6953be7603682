//! The optional person fields that address books carry and netweb keeps: birthday,
//! anniversary, nickname, uid, department, labels, addresses, impp, related, events and
//! urls.
//!
//! They live among a person's preserved fields (`Person::extra`), so the data file is
//! the same JSON document it always was (a file without them loads as before, and an
//! older netweb keeps them untouched), and the load path, which decodes millions of
//! people's known fields by hand, is not made slower for fields most people lack. This
//! module is their one typed view: what they are called and what shape each has.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::annual::AnnualDate;
use crate::model::{Extra, Person};

pub const BIRTHDAY: &str = "birthday";
pub const ANNIVERSARY: &str = "anniversary";
pub const NICKNAME: &str = "nickname";
/// The address book's own id for the card (vCard UID): an edited card re-imported
/// updates its person instead of doubling them.
pub const UID: &str = "uid";
pub const DEPARTMENT: &str = "department";
/// `{"value": "label"}`: what an email or phone is labelled (home, work, cell).
pub const LABELS: &str = "labels";
pub const ADDRESSES: &str = "addresses";
/// Instant-messaging addresses as URIs (`xmpp:ada@example.org`).
pub const IMPP: &str = "impp";
/// People a card names who are not in the network (a spouse, a child).
pub const RELATED: &str = "related";
/// Other dated events (a graduation, a first meeting).
pub const EVENTS: &str = "events";
pub const URLS: &str = "urls";
/// `YYYY-MM-DD`: `due` leaves the person's cadence out until this day (`netweb snooze`).
/// Not in `ALL`: it is netweb's own note to itself, not something an address book holds.
pub const SNOOZED_UNTIL: &str = "snoozed_until";
/// What `sync` found on a card that clashed with netweb's value, which it kept:
/// `[{"field": "company", "card": "Other Ltd", "date": "2026-11-25"}]`, so the card's
/// value is never lost.
pub const SYNC_CLASHES: &str = "sync_clashes";

/// Every key above, in the order `show` and the README list them.
pub const ALL: [&str; 11] = [
    NICKNAME,
    BIRTHDAY,
    ANNIVERSARY,
    DEPARTMENT,
    LABELS,
    ADDRESSES,
    IMPP,
    URLS,
    RELATED,
    EVENTS,
    UID,
];

/// A postal address; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|p| p.is_none())
    }

    fn parts(&self) -> [&Option<String>; 5] {
        [
            &self.street,
            &self.locality,
            &self.region,
            &self.code,
            &self.country,
        ]
    }

    /// "1 Navy Way, Arlington, VA, 22201, USA".
    pub fn one_line(&self) -> String {
        self.parts()
            .iter()
            .filter_map(|p| p.as_deref())
            .map(|p| p.replace('\n', ", "))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Someone a card names: `kind` is the relation (spouse, child, friend, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub name: String,
}

/// A dated event other than a birthday or an anniversary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `YYYY-MM-DD` or `--MM-DD`.
    pub date: String,
}

/// A text field (`None` when absent or not text).
pub fn text<'a>(p: &'a Person, key: &str) -> Option<&'a str> {
    p.extra.get(key).and_then(Value::as_str)
}

/// A list of texts (`urls`, `impp`); a single text counts as a list of one.
pub fn texts(p: &Person, key: &str) -> Vec<String> {
    match p.extra.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

/// A birthday or anniversary, when it is a date.
pub fn annual(p: &Person, key: &str) -> Option<AnnualDate> {
    text(p, key).and_then(|t| AnnualDate::parse(t).ok())
}

/// A field that holds an ISO date (`snoozed_until`), when it does.
pub fn date(p: &Person, key: &str) -> Option<NaiveDate> {
    text(p, key).and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

/// The label of one of the person's emails or phones.
pub fn label<'a>(p: &'a Person, value: &str) -> Option<&'a str> {
    let labels = p.extra.get(LABELS)?.as_object()?;
    labels
        .get(value)
        .or_else(|| {
            labels
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(value))
                .map(|(_, v)| v)
        })
        .and_then(Value::as_str)
}

/// A list of records (`addresses`, `related`, `events`); entries of another shape are
/// left out here (and kept in the file).
pub fn records<T: for<'de> Deserialize<'de>>(p: &Person, key: &str) -> Vec<T> {
    match p.extra.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| serde_json::from_value(v.clone()).ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Sets a text field, or removes it with `None`.
pub fn set_text(extra: &mut Extra, key: &str, value: Option<String>) {
    match value {
        Some(v) => extra.insert(key.to_string(), Value::String(v)),
        None => extra.remove(key),
    };
}

/// Appends records to a list field, leaving out those already there.
pub fn add_records<T: Serialize>(extra: &mut Extra, key: &str, items: &[T]) {
    let mut list = match extra.remove(key) {
        Some(Value::Array(have)) => have,
        Some(other) => vec![other],
        None => Vec::new(),
    };
    for item in items {
        let v = serde_json::to_value(item).unwrap_or(Value::Null);
        if !v.is_null() && !list.contains(&v) {
            list.push(v);
        }
    }
    if !list.is_empty() {
        extra.insert(key.to_string(), Value::Array(list));
    }
}
