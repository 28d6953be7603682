//! The interest vocabulary of one network: every term gets a dense id, each person a
//! sorted list of term ids, each term its holders (an inverted index) and a rarity
//! weight, so shared interests are a merge of two short sorted lists.

use crate::fasthash::{FxHashMap, map_with_capacity};
use crate::graph::Node;
use crate::model::Network;

pub type Term = u32;

pub struct Vocab {
    terms: Vec<String>,
    /// Holders of each term, in increasing node order.
    postings: Vec<Vec<Node>>,
    /// ln(1 + people / holders): ln 2 for a term everyone holds, large for a rare one.
    /// The 1 keeps a term everyone shares worth something in a small network.
    idf: Vec<f64>,
    by_person: Vec<Vec<Term>>,
}

impl Vocab {
    /// Interests of everyone in the network (terms are already normalised on load).
    pub fn interests(net: &Network) -> Vocab {
        Vocab::build(net.people.iter().map(|p| p.interests.as_slice()))
    }

    pub fn build<'a>(lists: impl Iterator<Item = &'a [String]>) -> Vocab {
        // Two million lookups at 100k people: FxHash, not SipHash (the text is the
        // owner's own file, so hash flooding is not a threat).
        let mut ids: FxHashMap<&str, Term> = map_with_capacity(1024);
        let mut terms: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<Node>> = Vec::new();
        let mut by_person = Vec::new();
        for (node, list) in lists.enumerate() {
            let mut mine: Vec<Term> = list
                .iter()
                .map(|t| {
                    *ids.entry(t.as_str()).or_insert_with(|| {
                        terms.push(t.clone());
                        postings.push(Vec::new());
                        (terms.len() - 1) as Term
                    })
                })
                .collect();
            mine.sort_unstable();
            mine.dedup();
            for &t in &mine {
                postings[t as usize].push(node as Node);
            }
            by_person.push(mine);
        }
        let n = by_person.len().max(1) as f64;
        let idf = postings.iter().map(|h| idf(n, h.len())).collect();
        Vocab {
            terms,
            postings,
            idf,
            by_person,
        }
    }

    pub fn term(&self, t: Term) -> &str {
        &self.terms[t as usize]
    }

    pub fn find(&self, text: &str) -> Option<Term> {
        self.terms.iter().position(|t| t == text).map(|i| i as Term)
    }

    pub fn idf(&self, t: Term) -> f64 {
        self.idf[t as usize]
    }

    pub fn holders(&self, t: Term) -> &[Node] {
        &self.postings[t as usize]
    }

    pub fn of(&self, n: Node) -> &[Term] {
        &self.by_person[n as usize]
    }

    /// How many people the vocabulary was built over.
    pub fn people(&self) -> usize {
        self.by_person.len()
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Terms two people share, in term-id order (a merge of two sorted lists).
    pub fn shared(&self, a: Node, b: Node) -> impl Iterator<Item = Term> + '_ {
        crate::sorted::intersection(self.of(a), self.of(b))
    }
}

/// The rarity weight of a term held by `holders` of `people`.
pub fn idf(people: f64, holders: usize) -> f64 {
    (people / holders as f64).ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn rare_terms_weigh_more_and_shared_is_a_merge() {
        let l = lists(&[
            &["music", "bookbinding"],
            &["music"],
            &["music", "bookbinding", "chess"],
            &["chess"],
        ]);
        let v = Vocab::build(l.iter().map(Vec::as_slice));
        let music = v.find("music").unwrap();
        let book = v.find("bookbinding").unwrap();
        assert!(v.idf(book) > v.idf(music));
        assert_eq!(v.holders(book), [0, 2]);
        let shared: Vec<&str> = v.shared(0, 2).map(|t| v.term(t)).collect();
        assert_eq!(shared, ["music", "bookbinding"]);
        assert_eq!(v.shared(1, 3).count(), 0);
    }
}
