//! What a card does to its person: taken whole when only the card changed, merged field
//! by field when both sides did, made into someone new when netweb has nobody for it.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};

use crate::extra_fields as fields;
use crate::formats::vcard_out;
use crate::model::{Person, PersonId};
use crate::ops::unite::merge_into;

/// A field both sides set, to different values: netweb's was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clash {
    pub field: &'static str,
    /// netweb's value, which was kept.
    pub kept: String,
    /// The card's value, kept in the person's `sync_clashes`.
    pub card: String,
}

/// `base` as the card now says: what the card carries replaces netweb's, what it does
/// not carry (everything netweb's own, when the card has no `X-NETWEB-*`) stays. The
/// id, and the UID netweb knows the person by, stay.
pub fn take_card(base: &Person, card: &Person, carries_netweb: bool) -> Person {
    let mut p = if carries_netweb {
        card.clone()
    } else {
        let mut p = base.clone();
        p.name = card.name.clone();
        p.emails = card.emails.clone();
        p.phones = card.phones.clone();
        p.company = card.company.clone();
        p.role = card.role.clone();
        p.location = card.location.clone();
        p.notes = card.notes.clone();
        p.tags = card.tags.clone();
        // What a card carries in standard vCard properties (the UID is settled below).
        for key in vcard_out::OWN.into_iter().chain([fields::DEPARTMENT]) {
            match card.extra.get(key) {
                Some(v) => p.extra.insert(key.into(), v.clone()),
                None => p.extra.remove(key),
            };
        }
        p
    };
    p.id = base.id.clone();
    p.added = card.added.or(base.added);
    match base.extra.get(fields::UID).or(card.extra.get(fields::UID)) {
        Some(uid) => p.extra.insert(fields::UID.into(), uid.clone()),
        None => p.extra.remove(fields::UID),
    };
    p
}

/// Both sides changed: netweb's person with what the card adds (lists united, empty
/// fields filled, as an import merges); where both have a value and they differ,
/// netweb's stays and the card's is noted in `sync_clashes`, dated `today`.
pub fn merge(netweb: &Person, card: &Person, today: NaiveDate) -> (Person, Vec<Clash>) {
    let mut p = netweb.clone();
    merge_into(&mut p, card);
    // An import appends a differing note; two sides of one sync would then grow it on
    // every run, so a note is a value like any other.
    p.notes = netweb.notes.clone().or_else(|| card.notes.clone());
    let text = |v: Option<&str>| v.map(str::trim).filter(|t| !t.is_empty()).map(String::from);
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let pairs: Vec<(&'static str, Option<String>, Option<String>)> = vec![
        ("name", text(Some(&netweb.name)), text(Some(&card.name))),
        (
            "company",
            text(netweb.company.as_deref()),
            text(card.company.as_deref()),
        ),
        (
            "role",
            text(netweb.role.as_deref()),
            text(card.role.as_deref()),
        ),
        (
            "location",
            text(netweb.location.as_deref()),
            text(card.location.as_deref()),
        ),
        (
            "notes",
            text(netweb.notes.as_deref()),
            text(card.notes.as_deref()),
        ),
        (
            "every",
            text(netweb.every.as_deref()),
            text(card.every.as_deref()),
        ),
        ("met", date(netweb.met), date(card.met)),
        (
            fields::BIRTHDAY,
            text(fields::text(netweb, fields::BIRTHDAY)),
            text(fields::text(card, fields::BIRTHDAY)),
        ),
        (
            fields::ANNIVERSARY,
            text(fields::text(netweb, fields::ANNIVERSARY)),
            text(fields::text(card, fields::ANNIVERSARY)),
        ),
        (
            fields::NICKNAME,
            text(fields::text(netweb, fields::NICKNAME)),
            text(fields::text(card, fields::NICKNAME)),
        ),
        (
            fields::DEPARTMENT,
            text(fields::text(netweb, fields::DEPARTMENT)),
            text(fields::text(card, fields::DEPARTMENT)),
        ),
    ];
    let clashes: Vec<Clash> = pairs
        .into_iter()
        .filter_map(|(field, kept, other)| match (kept, other) {
            (Some(kept), Some(card)) if kept != card => Some(Clash { field, kept, card }),
            _ => None,
        })
        .collect();
    if !clashes.is_empty() {
        let mut noted = match p.extra.remove(fields::SYNC_CLASHES) {
            Some(Value::Array(have)) => have,
            _ => Vec::new(),
        };
        for c in &clashes {
            let entry = json!({"field": c.field, "card": c.card, "date": today.to_string()});
            if !noted.contains(&entry) {
                noted.push(entry);
            }
        }
        p.extra
            .insert(fields::SYNC_CLASHES.into(), Value::Array(noted));
    }
    (p, clashes)
}

/// Someone new from a card, with the id the pairing gave them; added today unless the
/// card says when, and a met date in the future (a typo on a phone) left out.
pub fn new_person(card: &Person, id: PersonId, today: NaiveDate) -> Person {
    let mut p = card.clone();
    p.id = id;
    p.added = p.added.or(Some(today));
    if p.met.is_some_and(|m| m > today) {
        p.met = None;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, company: Option<&str>, emails: &[&str]) -> Person {
        Person {
            id: PersonId::from("ada"),
            name: name.into(),
            company: company.map(Into::into),
            emails: emails.iter().map(|e| (*e).into()).collect(),
            interests: vec!["chess".into()],
            ..Person::default()
        }
    }

    #[test]
    fn a_clash_keeps_netwebs_value_and_notes_the_cards() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let here = person("Ada Larkwell", Some("Engines"), &["a@x.org"]);
        let mut card = person("Ada Larkwell", Some("Looms"), &["b@x.org"]);
        card.interests.clear();
        let (merged, clashes) = merge(&here, &card, today);
        assert_eq!(merged.company.as_deref(), Some("Engines"));
        assert_eq!(merged.emails, ["a@x.org", "b@x.org"]);
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].card, "Looms");
        assert_eq!(
            merged.extra[fields::SYNC_CLASHES][0]["card"],
            Value::String("Looms".into())
        );
    }

    #[test]
    fn a_card_without_netwebs_properties_keeps_netwebs_own_fields() {
        let here = person("Ada Larkwell", Some("Engines"), &["a@x.org"]);
        let mut card = person("Ada Kell", None, &["a@x.org"]);
        card.interests.clear();
        let taken = take_card(&here, &card, false);
        assert_eq!(taken.name, "Ada Kell");
        assert_eq!(taken.company, None);
        assert_eq!(taken.interests, ["chess"]);
        assert!(take_card(&here, &card, true).interests.is_empty());
    }
}
