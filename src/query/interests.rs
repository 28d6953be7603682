//! The vocabulary: every interest, offer and seek with how many people hold it, spellings
//! that look like the same thing, and renaming a term across the whole file.

use std::collections::HashMap;

use compact_str::CompactString;
use serde::Serialize;

use crate::model::{Network, Person};
use crate::query::near_duplicates::alike_pairs;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TermCount {
    pub term: String,
    pub people: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NearDuplicate {
    /// "interests", "offers" or "seeks".
    pub field: &'static str,
    pub a: TermCount,
    pub b: TermCount,
    /// "plural", "longer form", "spelling", "acronym" or "same words".
    pub why: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Vocabulary {
    pub interests: Vec<TermCount>,
    pub offers: Vec<TermCount>,
    pub seeks: Vec<TermCount>,
    pub near_duplicates: Vec<NearDuplicate>,
}

/// The three lists of a person, with their field names.
pub fn fields(p: &Person) -> [(&'static str, &Vec<CompactString>); 3] {
    [
        ("interests", &p.interests),
        ("offers", &p.offers),
        ("seeks", &p.seeks),
    ]
}

/// How many people hold each term of one list, most held first, then alphabetically.
/// A hash map, not a sorted one: at 100k people it sees two million terms.
pub fn counts<'a>(lists: impl Iterator<Item = &'a Vec<CompactString>>) -> Vec<TermCount> {
    let mut by_term: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<&str> = Vec::new();
    for list in lists {
        distinct.clear();
        distinct.extend(list.iter().map(CompactString::as_str));
        distinct.sort_unstable();
        distinct.dedup();
        for &t in &distinct {
            *by_term.entry(t).or_default() += 1;
        }
    }
    let mut out: Vec<TermCount> = by_term
        .into_iter()
        .map(|(term, people)| TermCount {
            term: term.to_string(),
            people,
        })
        .collect();
    out.sort_unstable_by(|x, y| y.people.cmp(&x.people).then_with(|| x.term.cmp(&y.term)));
    out
}

pub fn vocabulary(net: &Network) -> Vocabulary {
    let interests = counts(net.people.iter().map(|p| &p.interests));
    let offers = counts(net.people.iter().map(|p| &p.offers));
    let seeks = counts(net.people.iter().map(|p| &p.seeks));
    let mut near_duplicates = Vec::new();
    for (field, list) in [
        ("interests", &interests),
        ("offers", &offers),
        ("seeks", &seeks),
    ] {
        near_duplicates.extend(near_duplicates_in(field, list));
    }
    Vocabulary {
        interests,
        offers,
        seeks,
        near_duplicates,
    }
}

/// Pairs of terms in one list that are probably one thing spelled two ways: the more
/// held term first (the likely rename target is the other way round).
pub fn near_duplicates_in(field: &'static str, list: &[TermCount]) -> Vec<NearDuplicate> {
    let terms: Vec<&str> = list.iter().map(|t| t.term.as_str()).collect();
    alike_pairs(&terms)
        .into_iter()
        .map(|(i, j, why)| NearDuplicate {
            field,
            a: list[i].clone(),
            b: list[j].clone(),
            why,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;

    fn person(id: &str, interests: &[&str], offers: &[&str]) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.into(),
            interests: interests.iter().map(|&s| s.into()).collect(),
            offers: offers.iter().map(|&s| s.into()).collect(),
            tags: vec!["ml".into()],
            ..Person::default()
        }
    }

    #[test]
    fn counts_most_held_first() {
        let net = Network {
            people: vec![
                person("a", &["rust", "go"], &[]),
                person("b", &["rust"], &[]),
            ],
            ..Network::default()
        };
        let v = vocabulary(&net);
        let terms: Vec<(&str, usize)> = v
            .interests
            .iter()
            .map(|t| (t.term.as_str(), t.people))
            .collect();
        assert_eq!(terms, [("rust", 2), ("go", 1)]);
    }
}
