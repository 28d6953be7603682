//! What both sides agreed on at the last sync, field by field, so that when both sides
//! changed since, each field can still tell which side changed it.
//!
//! Without it a sync where both sides changed can only unite the two people (as an
//! import merges), and a value removed on one side (an old email deleted on the phone, an
//! interest dropped in netweb) comes back from the other. With it, a field only one side
//! changed takes that side's value, removal included; only a field both sides changed is
//! merged (lists united, a differing value kept as netweb's and noted as a clash).
//!
//! Kept as a short hash per non-empty field of the card as last synced (what the card
//! carries, in the data file's field names), in the sync state's `fields`. A hash, not
//! the value: the state stays small and holds no second copy of anyone's details.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::state::hash;
use crate::extra_fields as fields;
use crate::formats::vcard_out;
use crate::model::Person;

/// Field name -> short hash of its value, for the fields that had one.
pub type Fields = BTreeMap<String, String>;

/// Fields never settled here: the id and UID are the pairing's, not a value either
/// side edits, and `sync_clashes` is netweb's own record of earlier clashes.
const NOT_SETTLED: [&str; 3] = ["id", fields::UID, "sync_clashes"];

/// The fields a card without netweb's `X-NETWEB-*` lines carries (as `take_card` reads
/// such a card): only these can have been changed on its side.
fn standard() -> impl Iterator<Item = &'static str> {
    [
        "name", "emails", "phones", "company", "role", "location", "notes", "tags",
    ]
    .into_iter()
    .chain(vcard_out::OWN)
    .chain([fields::DEPARTMENT])
}

fn object(p: &Person) -> Map<String, Value> {
    match serde_json::to_value(p) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// A field's hash, or None when it is empty (missing, null, "", [] or {} all alike: a
/// card and the data file do not spell "nothing" the same way).
fn field_hash(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::Array(a) if a.is_empty() => None,
        Value::Object(o) if o.is_empty() => None,
        v => Some(hash(v.to_string().as_bytes())[..8].to_string()),
    }
}

/// The agreed fields of a card as it stands after a sync (`card` is the person the card
/// reads as).
pub fn of(card: &Person) -> Fields {
    object(card)
        .iter()
        .filter(|(k, _)| !NOT_SETTLED.contains(&k.as_str()))
        .filter_map(|(k, v)| Some((k.clone(), field_hash(Some(v))?)))
        .collect()
}

/// Netweb's person and the card's, each with the other's change taken where only the
/// other side changed a field since `agreed`; what both changed is left for the merge.
pub fn settle(
    netweb: &Person,
    card: &Person,
    carries_netweb: bool,
    agreed: &Fields,
) -> (Person, Person) {
    let (mut n, mut c) = (object(netweb), object(card));
    let keys: Vec<String> = if carries_netweb {
        let mut all: Vec<String> = n
            .keys()
            .chain(c.keys())
            .chain(agreed.keys())
            .cloned()
            .collect();
        all.sort();
        all.dedup();
        all
    } else {
        standard().map(String::from).collect()
    };
    for k in keys.iter().filter(|k| !NOT_SETTLED.contains(&k.as_str())) {
        let was = agreed.get(k).cloned();
        let (hn, hc) = (field_hash(n.get(k)), field_hash(c.get(k)));
        let (from, to) = if hn == was && hc != was {
            (&c, &mut n)
        } else if hc == was && hn != was {
            (&n, &mut c)
        } else {
            continue;
        };
        match from.get(k).cloned() {
            Some(v) => to.insert(k.clone(), v),
            None => to.remove(k),
        };
    }
    let back = |m: Map<String, Value>, or: &Person| match serde_json::from_value(Value::Object(m)) {
        Ok(settled) => settled,
        Err(e) => {
            // Every value came from one of the two people's own fields, so this cannot
            // happen; the tests would say so. A release build keeps the unsettled
            // person, which loses nothing, rather than stop the sync.
            if cfg!(debug_assertions) {
                panic!("a settled person did not decode: {e}");
            }
            or.clone()
        }
    };
    (back(n, netweb), back(c, card))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(emails: &[&str], company: Option<&str>, interests: &[&str]) -> Person {
        Person {
            id: "ada".into(),
            name: "Ada".into(),
            emails: emails.iter().map(|e| (*e).into()).collect(),
            company: company.map(Into::into),
            interests: interests.iter().map(|e| (*e).into()).collect(),
            ..Person::default()
        }
    }

    #[test]
    fn each_side_keeps_what_only_it_changed_and_a_removal_sticks() {
        let agreed = of(&person(&["a@x", "b@x"], Some("Looms"), &["maths"]));
        // The phone dropped an email; netweb changed the company and added an interest.
        let card = person(&["a@x"], Some("Looms"), &["maths"]);
        let here = person(&["a@x", "b@x"], Some("Engines"), &["maths", "chess"]);
        let (n, c) = settle(&here, &card, true, &agreed);
        assert_eq!(n, c);
        assert_eq!(n.emails, ["a@x"]);
        assert_eq!(n.company.as_deref(), Some("Engines"));
        assert_eq!(n.interests, ["maths", "chess"]);
    }

    #[test]
    fn what_both_changed_is_left_for_the_merge() {
        let agreed = of(&person(&[], Some("Looms"), &[]));
        let card = person(&[], Some("Mills"), &[]);
        let here = person(&[], Some("Engines"), &[]);
        let (n, c) = settle(&here, &card, true, &agreed);
        assert_eq!(
            (n.company.as_deref(), c.company.as_deref()),
            (Some("Engines"), Some("Mills"))
        );
    }

    #[test]
    fn a_card_without_netwebs_lines_cannot_have_removed_netwebs_fields() {
        let agreed = of(&person(&["a@x"], None, &["maths"]));
        let card = person(&["a@x", "c@x"], None, &[]);
        let here = person(&["a@x"], None, &["maths"]);
        let (n, _) = settle(&here, &card, false, &agreed);
        assert_eq!(n.emails, ["a@x", "c@x"]);
        assert_eq!(n.interests, ["maths"]);
    }
}
