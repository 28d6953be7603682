//! The interest vocabulary of one network: every term gets a dense id, each person a
//! sorted list of term ids, each term its holders (an inverted index) and a rarity
//! weight, so shared interests are a merge of two short sorted lists.

use compact_str::CompactString;

use crate::graph::Node;
use crate::ids::IdIndex;

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
    /// The vocabulary of each person's terms, given as two lists (typed terms and those
    /// read from a position, `positions::PersonTerms`) so that neither is copied.
    pub fn build<'a>(lists: impl Iterator<Item = [&'a [CompactString]; 2]>) -> Vocab {
        let lists: Vec<[&[CompactString]; 2]> = lists.collect();
        // Two halves on two threads, merged into exactly what one pass gives (at 100k
        // people, interning two million interests was a third of a second).
        let part = if lists.len() >= PARALLEL_FROM {
            let (first, second) = lists.split_at(lists.len() / 2);
            let (a, b) = rayon::join(
                || Part::intern(first, 0),
                || Part::intern(second, first.len()),
            );
            a.merge(b)
        } else {
            Part::intern(&lists, 0)
        };
        let n = part.by_person.len().max(1) as f64;
        let idf = part.postings.iter().map(|h| idf(n, h.len())).collect();
        Vocab {
            terms: part.terms.into_iter().map(str::to_owned).collect(),
            postings: part.postings,
            idf,
            by_person: part.by_person,
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

/// Below this many people one thread interns faster than two.
const PARALLEL_FROM: usize = 20_000;

/// The vocabulary of a run of consecutive people, before the weights.
struct Part<'a> {
    /// Term text -> id.
    ids: IdIndex,
    /// In order of first use.
    terms: Vec<&'a str>,
    postings: Vec<Vec<Node>>,
    by_person: Vec<Vec<Term>>,
}

impl<'a> Part<'a> {
    /// The terms of `lists`, whose first person is node `first`.
    fn intern(lists: &[[&'a [CompactString]; 2]], first: usize) -> Part<'a> {
        let mut part = Part {
            ids: IdIndex::with_capacity(1024),
            terms: Vec::new(),
            postings: Vec::new(),
            by_person: Vec::with_capacity(lists.len()),
        };
        for (i, list) in lists.iter().enumerate() {
            let mut mine: Vec<Term> = list.iter().copied().flatten().map(|t| part.id(t)).collect();
            mine.sort_unstable();
            mine.dedup();
            for &t in &mine {
                part.postings[t as usize].push((first + i) as Node);
            }
            part.by_person.push(mine);
        }
        part
    }

    /// The id of `term`, a new one (with no holders yet) if it is new.
    fn id(&mut self, term: &'a str) -> Term {
        let next = self.terms.len() as Term;
        let t = self.ids.get_or_insert(term, next);
        if t == next {
            self.terms.push(term);
            self.postings.push(Vec::new());
        }
        t
    }

    /// This part followed by the next run of people. Terms new in `next` come after all
    /// of this part's, as in one pass; its holders follow this part's, so postings stay
    /// in node order.
    fn merge(mut self, next: Part<'a>) -> Part<'a> {
        let remap: Vec<Term> = next.terms.iter().map(|t| self.id(t)).collect();
        for (t, holders) in next.postings.into_iter().enumerate() {
            self.postings[remap[t] as usize].extend(holders);
        }
        for mut mine in next.by_person {
            for t in &mut mine {
                *t = remap[*t as usize];
            }
            mine.sort_unstable();
            self.by_person.push(mine);
        }
        self
    }
}

/// The rarity weight of a term held by `holders` of `people`.
pub fn idf(people: f64, holders: usize) -> f64 {
    (people / holders as f64).ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: &[&[&str]]) -> Vec<Vec<CompactString>> {
        v.iter()
            .map(|l| l.iter().map(|&s| s.into()).collect())
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
        let v = Vocab::build(l.iter().map(|l| [l.as_slice(), &[]]));
        let music = v.find("music").unwrap();
        let book = v.find("bookbinding").unwrap();
        assert!(v.idf(book) > v.idf(music));
        assert_eq!(v.holders(book), [0, 2]);
        let shared: Vec<&str> = v.shared(0, 2).map(|t| v.term(t)).collect();
        assert_eq!(shared, ["music", "bookbinding"]);
        assert_eq!(v.shared(1, 3).count(), 0);
    }

    #[test]
    fn two_halves_merge_into_what_one_pass_gives() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(400));
        let lists: Vec<[&[CompactString]; 2]> = (net.people.iter())
            .map(|p| [p.interests.as_slice(), &[]])
            .collect();
        let whole = Part::intern(&lists, 0);
        for cut in [1, 150, 399] {
            let (a, b) = lists.split_at(cut);
            let merged = Part::intern(a, 0).merge(Part::intern(b, cut));
            assert_eq!(merged.terms, whole.terms);
            assert_eq!(merged.postings, whole.postings);
            assert_eq!(merged.by_person, whole.by_person);
        }
    }
}
