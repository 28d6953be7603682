//! What a vCard holds beyond a name and its contact points, read for `vcard`: the
//! labels of emails and phones (TYPE parameters, or Apple's `itemN.X-ABLabel`), UID,
//! NICKNAME, ANNIVERSARY (and 3.0's `X-ANNIVERSARY` / Apple's labelled `X-ABDATE`),
//! IMPP, SOCIALPROFILE (Apple's `X-SOCIALPROFILE`, kept among the urls), RELATED (and
//! Apple's `X-ABRELATEDNAMES`), ADR as an address, and group cards
//! (4.0 `KIND:group` with MEMBER, Apple's `X-ADDRESSBOOKSERVER-KIND`).

use std::collections::HashMap;

use calcard::common::{IanaString, PartialDateTime};
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameterName, VCardParameterValue, VCardProperty,
    VCardValue,
};

use super::Contact;
use crate::extra_fields::{Address, Event, Related};

/// What UID `netweb export` writes for a person who has none: it names their id.
pub const NETWEB_UID: &str = "urn:netweb:";

/// TYPE values that say nothing a person would call a label.
const NOT_LABELS: [&str; 10] = [
    "internet", "pref", "voice", "x400", "dom", "intl", "postal", "parcel", "msg", "uri",
];

/// Apple writes its own labels as `_$!<Mobile>!$_`; custom ones plainly.
pub fn apple_label(text: &str) -> String {
    let t = text.trim();
    t.strip_prefix("_$!<")
        .and_then(|r| r.strip_suffix(">!$_"))
        .unwrap_or(t)
        .trim()
        .to_lowercase()
}

/// The `X-ABLabel` of each item group (`item1.X-ABLabel:blog`).
pub fn group_labels(card: &VCard) -> HashMap<String, String> {
    card.entries
        .iter()
        .filter(
            |e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-ABLABEL")),
        )
        .filter_map(|e| {
            let group = e.group.as_ref()?.to_lowercase();
            let text = first_text(e)?;
            Some((group, apple_label(&text)))
        })
        .collect()
}

/// An entry's label: its group's X-ABLabel, else its TYPE values that mean something
/// ("home", "work", "cell", "home,fax").
pub fn label(entry: &VCardEntry, groups: &HashMap<String, String>) -> Option<String> {
    if let Some(l) = entry
        .group
        .as_ref()
        .and_then(|g| groups.get(&g.to_lowercase()))
    {
        return Some(l.clone());
    }
    let mut types: Vec<String> = Vec::new();
    for p in &entry.params {
        let t = match (&p.name, &p.value) {
            (VCardParameterName::Type, VCardParameterValue::Type(t)) => t.as_str().to_string(),
            (VCardParameterName::Type, VCardParameterValue::Text(t)) => t.clone(),
            _ => continue,
        };
        for one in t.split(',') {
            let one = one.trim().to_lowercase();
            if !one.is_empty() && !NOT_LABELS.contains(&one.as_str()) && !types.contains(&one) {
                types.push(one);
            }
        }
    }
    (!types.is_empty()).then(|| types.join(","))
}

pub fn first_text(entry: &VCardEntry) -> Option<String> {
    entry.values.iter().find_map(|v| match v {
        VCardValue::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        VCardValue::Component(c) => c.iter().find(|s| !s.trim().is_empty()).cloned(),
        _ => None,
    })
}

/// A date property (BDAY, ANNIVERSARY) in netweb's form; what is no date is left out
/// of the contact and said.
pub fn annual(c: &mut Contact, what: &str, entry: &VCardEntry) -> Option<String> {
    for value in &entry.values {
        match value {
            VCardValue::PartialDateTime(PartialDateTime {
                year,
                month: Some(m),
                day: Some(d),
                ..
            }) => {
                return Some(match year {
                    Some(y) if *y != 1604 => format!("{y:04}-{m:02}-{d:02}"),
                    _ => format!("--{m:02}-{d:02}"),
                });
            }
            VCardValue::Text(t) if !t.trim().is_empty() => {
                return c.annual(what, Some(t.trim().to_string()));
            }
            _ => {}
        }
    }
    None
}

/// `ADR:PO box;extended;street;locality;region;code;country` as an address.
pub fn address(entry: &VCardEntry, label: Option<String>) -> Address {
    let parts: Vec<String> = entry
        .values
        .iter()
        .map(|v| match v {
            VCardValue::Text(t) => t.trim().to_string(),
            VCardValue::Component(c) => c.join("\n").trim().to_string(),
            _ => String::new(),
        })
        .collect();
    let get = |i: usize| parts.get(i).filter(|s| !s.is_empty()).cloned();
    let street: Vec<String> = [get(0), get(1), get(2)].into_iter().flatten().collect();
    Address {
        label,
        street: (!street.is_empty()).then(|| street.join("\n")),
        locality: get(3),
        region: get(4),
        code: get(5),
        country: get(6),
    }
}

/// One card's extras beyond `vcard::contact`'s fields. Returns the group's members
/// when the card is a group.
pub fn read(
    c: &mut Contact,
    card: &VCard,
    groups: &HashMap<String, String>,
) -> Option<Vec<String>> {
    let mut members: Vec<String> = Vec::new();
    let mut is_group = false;
    for entry in &card.entries {
        let other = match &entry.name {
            VCardProperty::Other(n) => n.to_ascii_uppercase(),
            _ => String::new(),
        };
        match (&entry.name, other.as_str()) {
            // NICKNAME is a list: its values are put back together as written.
            (VCardProperty::Nickname, _) if c.nickname.is_none() => {
                let all: Vec<String> = entry
                    .values
                    .iter()
                    .filter_map(|v| match v {
                        VCardValue::Text(t) => Some(t.trim().to_string()),
                        _ => None,
                    })
                    .filter(|t| !t.is_empty())
                    .collect();
                c.nickname = (!all.is_empty()).then(|| all.join(","));
            }
            (VCardProperty::Uid, _) => {
                if let Some(uid) = first_text(entry) {
                    match uid.strip_prefix(NETWEB_UID) {
                        Some(id) => c.id = c.id.take().or(Some(id.to_string())),
                        None => c.uid = Some(uid),
                    }
                }
            }
            (VCardProperty::Anniversary, _) | (_, "X-ANNIVERSARY") if c.anniversary.is_none() => {
                c.anniversary = annual(c, "anniversary", entry);
            }
            (_, "X-ABDATE") => {
                let label = label(entry, groups);
                let Some(date) = annual(c, "dated event", entry) else {
                    continue;
                };
                match label.as_deref() {
                    Some("anniversary") if c.anniversary.is_none() => c.anniversary = Some(date),
                    _ => c.events.push(Event { label, date }),
                }
            }
            (VCardProperty::Impp, _) => c.impp.extend(first_text(entry)),
            // A LinkedIn profile here identifies the person as LinkedIn's export does.
            (VCardProperty::Socialprofile, _) | (_, "X-SOCIALPROFILE") => c
                .urls
                .extend(first_text(entry).filter(|u| u.contains("://"))),
            (VCardProperty::Related, _) | (_, "X-ABRELATEDNAMES") => {
                if let Some(name) = first_text(entry) {
                    c.related.push(Related {
                        kind: label(entry, groups),
                        name,
                    });
                }
            }
            (VCardProperty::Kind, _) => {
                is_group |= entry.values.iter().any(|v| match v {
                    VCardValue::Kind(k) => *k == VCardKind::Group,
                    VCardValue::Text(t) => t.eq_ignore_ascii_case("group"),
                    _ => false,
                });
            }
            (_, "X-ADDRESSBOOKSERVER-KIND") => {
                is_group |= first_text(entry).is_some_and(|t| t.eq_ignore_ascii_case("group"));
            }
            (VCardProperty::Member, _) | (_, "X-ADDRESSBOOKSERVER-MEMBER") => {
                members.extend(first_text(entry));
            }
            _ => {}
        }
    }
    is_group.then_some(members)
}

/// A UID or member reference reduced for comparison: `urn:uuid:` and case dropped.
pub fn uid_key(text: &str) -> String {
    let t = text.trim().to_lowercase();
    t.strip_prefix("urn:uuid:").unwrap_or(&t).to_string()
}
