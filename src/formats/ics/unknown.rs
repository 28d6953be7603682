//! The people on a calendar's events who are not contacts: counted (on how many past
//! occurrences each was), and with `--add-unknown N` made contacts.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::Serialize;

use super::attendees::{Matcher, Who};
use super::occurrences::Occurrence;
use crate::model::{Network, Person, PersonId};
use crate::text::{add_terms, unique_slug};

/// Someone on the events who is no contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// On how many past occurrences they were.
    pub events: usize,
    /// The contact they became with `--add-unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<PersonId>,
}

/// Everyone unknown, with how many occurrences they were on, most often first.
pub fn unknowns(matcher: &Matcher, past: &[Occurrence]) -> Vec<Unknown> {
    let mut found: BTreeMap<String, Unknown> = BTreeMap::new();
    for o in past {
        let mut counted = HashSet::new();
        for a in &o.attendees {
            let Who::Unknown(key) = matcher.who(a) else {
                continue;
            };
            if key.is_empty() || !counted.insert(key.clone()) {
                continue;
            }
            let u = found.entry(key).or_insert_with(|| Unknown {
                name: None,
                email: a.email.clone(),
                events: 0,
                added: None,
            });
            u.events += 1;
            if u.name.is_none() {
                u.name.clone_from(&a.name);
            }
        }
    }
    let mut list: Vec<Unknown> = found.into_values().collect();
    list.sort_by_key(|u| std::cmp::Reverse(u.events));
    list
}

/// With `--add-unknown N`: those seen on N or more occurrences become contacts, named by
/// their CN (or their address), with their address; one known only by a name several
/// contacts have is left out. Returns how many were added.
pub fn add_unknown(
    net: &mut Network,
    matcher: &mut Matcher,
    unknown: &mut [Unknown],
    at_least: Option<usize>,
    tags: &[String],
    today: NaiveDate,
) -> usize {
    let Some(at_least) = at_least else {
        return 0;
    };
    let mut taken: HashSet<String> = net.people.iter().map(|p| p.id.to_string()).collect();
    let mut added = 0;
    for u in unknown.iter_mut().filter(|u| u.events >= at_least.max(1)) {
        let Some(name) = u.name.clone().or_else(|| u.email.clone()) else {
            continue;
        };
        // Known by a name alone that several contacts share: one more of them would only
        // make the name more ambiguous.
        if u.email.is_none() && matcher.has_name(&name) {
            continue;
        }
        let id = unique_slug(&name, |id| taken.contains(id));
        taken.insert(id.clone());
        let mut person = Person {
            id: PersonId::from(id),
            name: CompactString::from(name.split_whitespace().collect::<Vec<_>>().join(" ")),
            emails: u
                .email
                .iter()
                .map(|e| CompactString::from(e.trim()))
                .collect(),
            added: Some(today),
            ..Person::default()
        };
        add_terms(&mut person.tags, tags);
        u.added = Some(person.id.clone());
        net.people.push(person);
        let i = net.people.len() - 1;
        matcher.add(i, &net.people[i]);
        added += 1;
    }
    added
}
