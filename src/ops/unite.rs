//! Uniting what two records of one person know, never overwriting: for an import that
//! finds someone already here, and for `merge`.

use serde_json::Value;

use crate::model::Person;
use crate::text::{add_terms, add_values};

/// Adds what `new` knows to `p` without overwriting anything; returns what changed.
pub fn merge_into(p: &mut Person, new: &Person) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut mark = |did: bool, name: &'static str| {
        if did {
            changed.push(name);
        }
    };
    mark(add_values(&mut p.emails, &new.emails), "emails");
    mark(add_values(&mut p.phones, &new.phones), "phones");
    mark(fill(&mut p.company, &new.company), "company");
    mark(fill(&mut p.role, &new.role), "role");
    mark(fill(&mut p.location, &new.location), "location");
    mark(add_terms(&mut p.interests, &new.interests), "interests");
    mark(add_terms(&mut p.offers, &new.offers), "offers");
    mark(add_terms(&mut p.seeks, &new.seeks), "seeks");
    mark(add_terms(&mut p.tags, &new.tags), "tags");
    let notes = match (&p.notes, &new.notes) {
        (None, Some(n)) => Some(n.clone()),
        (Some(old), Some(n)) if !old.contains(n.as_str()) => Some(format!("{old}\n{n}")),
        _ => None,
    };
    mark(notes.is_some(), "notes");
    if notes.is_some() {
        p.notes = notes;
    }
    mark(fill(&mut p.met, &new.met), "met");
    mark(fill(&mut p.every, &new.every), "every");
    mark(new.no_intros && !p.no_intros, "no_intros");
    p.no_intros |= new.no_intros;
    for (key, value) in &new.extra {
        let did = match (p.extra.get_mut(key), value) {
            (None, _) => {
                p.extra.insert(key.clone(), value.clone());
                true
            }
            (Some(Value::Array(have)), Value::Array(more)) => {
                let before = have.len();
                for v in more {
                    if !have.contains(v) {
                        have.push(v.clone());
                    }
                }
                have.len() != before
            }
            // Labels: a value's label is added when it has none.
            (Some(Value::Object(have)), Value::Object(more)) => {
                let before = have.len();
                for (k, v) in more {
                    have.entry(k.clone()).or_insert_with(|| v.clone());
                }
                have.len() != before
            }
            _ => false,
        };
        if did {
            changed.push(
                crate::extra_fields::ALL
                    .iter()
                    .find(|k| **k == key.as_str())
                    .copied()
                    .unwrap_or("extra"),
            );
        }
    }
    changed.dedup();
    changed
}

fn fill<T: Clone>(field: &mut Option<T>, value: &Option<T>) -> bool {
    if field.is_none() && value.is_some() {
        *field = value.clone();
        true
    } else {
        false
    }
}
