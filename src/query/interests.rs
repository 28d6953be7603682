//! The vocabulary: every interest, offer and seek with how many people hold it, spellings
//! that look like the same thing, and renaming a term across the whole file.

use std::collections::{BTreeMap, BTreeSet};

use compact_str::CompactString;
use serde::Serialize;

use crate::model::{Network, Person};
use crate::query::suggest::matching::content_words;

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
pub fn counts<'a>(lists: impl Iterator<Item = &'a Vec<CompactString>>) -> Vec<TermCount> {
    let mut by_term: BTreeMap<&str, usize> = BTreeMap::new();
    for list in lists {
        let distinct: BTreeSet<&str> = list.iter().map(CompactString::as_str).collect();
        for t in distinct {
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
    out.sort_by(|x, y| y.people.cmp(&x.people).then_with(|| x.term.cmp(&y.term)));
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
    let mut out = Vec::new();
    for (i, a) in list.iter().enumerate() {
        for b in &list[i + 1..] {
            if let Some(why) = alike(&a.term, &b.term) {
                out.push(NearDuplicate {
                    field,
                    a: a.clone(),
                    b: b.clone(),
                    why,
                });
            }
        }
    }
    out
}

/// Why two distinct terms look like the same thing, if they do.
pub fn alike(a: &str, b: &str) -> Option<&'static str> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if format!("{short}s") == long || format!("{short}es") == long {
        return Some("plural");
    }
    let (ws, wl) = (content_words(short), content_words(long));
    if !ws.is_empty() && ws == wl {
        return Some("same words");
    }
    let long_words: Vec<&str> = long.split_whitespace().collect();
    if !short.contains(' ')
        && long_words.len() >= 2
        && short.len() == long_words.len()
        && short
            .chars()
            .zip(&long_words)
            .all(|(c, w)| w.starts_with(c))
    {
        return Some("acronym");
    }
    if !short.contains(' ')
        && !long.contains(' ')
        && short.len() >= 4
        && long.starts_with(short)
        && long.len() - short.len() <= 3
    {
        return Some("longer form");
    }
    let limit = match short.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    if limit > 0 && strsim::levenshtein(short, long) <= limit {
        return Some("spelling");
    }
    None
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

    #[test]
    fn near_duplicates_are_noticed() {
        assert_eq!(alike("ml", "machine learning"), Some("acronym"));
        assert_eq!(alike("board games", "board game"), Some("plural"));
        assert_eq!(alike("climb", "climbing"), Some("longer form"));
        assert_eq!(alike("photography", "photograpy"), Some("spelling"));
        assert_eq!(alike("intro to investors", "investor intros"), None);
        assert_eq!(alike("rust", "go"), None);
        assert_eq!(alike("art", "arts"), Some("plural"));
        assert_eq!(alike("rust", "rest"), None);
    }
}
