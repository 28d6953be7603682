//! Checks a loaded network for what JSON parsing cannot see: ids that do not resolve,
//! duplicates, self-relationships, out-of-range values. Every problem names the entry
//! and says how to fix it, because the usual cause is a hand edit.

use std::collections::{HashMap, HashSet};

use crate::model::{Network, PersonId};
use crate::text::normalize_term;

/// How many problems one error lists before it says "and N more".
const MAX_LISTED: usize = 10;

/// Every problem found, in file order. Empty means the network is sound.
pub fn problems(net: &Network) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, p) in net.people.iter().enumerate() {
        if p.id.as_str().trim().is_empty() {
            out.push(format!(
                "people[{i}] ({:?}) has an empty id: give it one, e.g. \"{}\"",
                p.name,
                crate::text::slug(&p.name)
            ));
        } else if let Some(first) = seen.insert(p.id.as_str(), i) {
            out.push(format!(
                "people[{i}] has the id {:?}, already used by people[{first}]: ids must be unique, rename one",
                p.id.as_str()
            ));
        }
        if p.name.trim().is_empty() {
            out.push(format!("people[{i}] ({}) has an empty name", p.id));
        }
    }
    let known = |id: &PersonId| seen.contains_key(id.as_str());

    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, r) in net.relationships.iter().enumerate() {
        let label = format!("relationships[{i}] ({} - {})", r.a, r.b);
        for end in [&r.a, &r.b] {
            if !known(end) {
                out.push(format!(
                    "{label} names {:?}, who is not in people: fix the id or remove the entry",
                    end.as_str()
                ));
            }
        }
        if r.a == r.b {
            out.push(format!(
                "{label} links a person with themself: remove the entry"
            ));
        }
        if let Some(s) = r.strength
            && !(1..=5).contains(&s)
        {
            out.push(format!(
                "{label} has strength {s}: strength goes from 1 to 5"
            ));
        }
        let key = if r.a <= r.b {
            (r.a.as_str(), r.b.as_str())
        } else {
            (r.b.as_str(), r.a.as_str())
        };
        if let Some(first) = pairs.insert(key, i) {
            out.push(format!(
                "{label} repeats relationships[{first}]: keep one of the two"
            ));
        }
    }

    for (i, x) in net.interactions.iter().enumerate() {
        check_people(
            &mut out,
            &format!("interactions[{i}] ({})", x.date),
            &x.people,
            1,
            &known,
        );
    }
    for (i, x) in net.introductions.iter().enumerate() {
        check_people(
            &mut out,
            &format!("introductions[{i}] ({})", x.date),
            &x.people,
            2,
            &known,
        );
    }
    out
}

fn check_people(
    out: &mut Vec<String>,
    label: &str,
    people: &[PersonId],
    at_least: usize,
    known: &impl Fn(&PersonId) -> bool,
) {
    let distinct: HashSet<&PersonId> = people.iter().collect();
    if distinct.len() < at_least {
        out.push(format!(
            "{label} names {} distinct people; it needs at least {at_least}",
            distinct.len()
        ));
    }
    for id in people.iter().filter(|id| !known(id)) {
        out.push(format!(
            "{label} names {:?}, who is not in people: fix the id or remove it",
            id.as_str()
        ));
    }
}

/// Joins problems into one message, listing at most a screenful.
pub fn describe(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(MAX_LISTED)
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n");
    if problems.len() > MAX_LISTED {
        text.push_str(&format!("\n  ... and {} more", problems.len() - MAX_LISTED));
    }
    text
}

/// Brings hand-edited list fields to their stored form: trimmed, lower-cased, no repeats.
pub fn normalize(net: &mut Network) {
    for p in &mut net.people {
        for list in [&mut p.interests, &mut p.offers, &mut p.seeks, &mut p.tags] {
            let raw = std::mem::take(list);
            for term in raw.iter().map(|t| normalize_term(t)) {
                if !term.is_empty() && !list.contains(&term) {
                    list.push(term);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Relationship};

    fn person(id: &str) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.to_uppercase(),
            ..Person::default()
        }
    }

    #[test]
    fn a_sound_network_has_no_problems() {
        let mut net = Network {
            people: vec![person("a"), person("b")],
            ..Network::default()
        };
        net.relationships = vec![Relationship::new(
            PersonId("a".into()),
            PersonId("b".into()),
        )];
        assert!(problems(&net).is_empty());
    }

    #[test]
    fn each_kind_of_problem_is_named() {
        let mut net = Network {
            people: vec![person("a"), person("a"), person("b")],
            ..Network::default()
        };
        let mut strong = Relationship::new(PersonId("a".into()), PersonId("b".into()));
        strong.strength = Some(9);
        net.relationships = vec![
            strong,
            Relationship::new(PersonId("b".into()), PersonId("a".into())),
            Relationship::new(PersonId("a".into()), PersonId("a".into())),
            Relationship::new(PersonId("a".into()), PersonId("zed".into())),
        ];
        let found = problems(&net).join("\n");
        assert!(found.contains("already used by people[0]"), "{found}");
        assert!(found.contains("strength 9"), "{found}");
        assert!(found.contains("repeats relationships[0]"), "{found}");
        assert!(found.contains("with themself"), "{found}");
        assert!(found.contains("\"zed\", who is not in people"), "{found}");
    }
}
