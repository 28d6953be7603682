//! Who can help whom: an index from what people seek to who offers something that meets
//! it, built per distinct phrase so a network with thousands of people sharing a few
//! hundred phrases compares phrases, not people.

use std::collections::HashMap;

use crate::graph::Node;
use crate::model::Network;
use crate::query::suggest::matching::{content_words, coverage};
use crate::query::suggest::positions;
use crate::query::vocab::{Term, Vocab, idf};

pub struct Needs {
    pub offers: Vocab,
    pub seeks: Vocab,
    /// For each seek phrase: the offer phrases that meet it, with how well (0..=1].
    met_by: Vec<Vec<(Term, f64)>>,
    /// For each offer phrase: the seek phrases it meets (in increasing order), with how well.
    meets: Vec<Vec<(Term, f64)>>,
    /// The largest value any pair can get, for pruning.
    max_value: f64,
    /// Per person: the most any one offer can be worth to them (their rarest met seek).
    best_seek: Vec<f64>,
    /// Per person: the most one of their offers can be worth to someone.
    best_offer: Vec<f64>,
    /// Per person: what they seek and what their offers meet, as `Masks`.
    masks: Vec<Masks>,
}

/// A person's seek phrases (`wants`) and the seek phrases their offers meet (`gives`),
/// each phrase one bit of 64 (`bit`). `a` can help `b` only if `a.gives & b.wants` is
/// not zero. For most pairs it is zero, which settles them with two words already in
/// hand instead of a walk through both people's phrases (most pairs of people who could
/// each help someone cannot help each other). Phrases that share a bit only make the test
/// pass more often, never fail wrongly.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Masks {
    pub wants: u64,
    pub gives: u64,
}

impl Masks {
    /// Whether the person with `self` may help the one with `other` at all.
    pub fn may_help(self, other: Masks) -> bool {
        self.gives & other.wants != 0
    }
}

fn bit(seek: Term) -> u64 {
    1 << (seek % 64)
}

/// One way one person helps another.
#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    pub from: Node,
    pub to: Node,
    pub offer: Term,
    pub seek: Term,
    pub value: f64,
}

impl Needs {
    pub fn build(net: &Network) -> Needs {
        // Typed offers and seeks, and those positions say (`positions.rs`).
        let (offers, seeks) = (positions::offers(net), positions::seeks(net));
        let offers = Vocab::build(offers.iter());
        let seeks = Vocab::build(seeks.iter());
        // Two phrases can only match if they share a word key: a short word whole, or the
        // first letters of a longer one (prefix matches share those).
        let mut by_key: HashMap<String, Vec<Term>> = HashMap::new();
        for o in 0..offers.len() as Term {
            for key in keys(offers.term(o)) {
                let list = by_key.entry(key).or_default();
                if list.last() != Some(&o) {
                    list.push(o);
                }
            }
        }
        let met_by = (0..seeks.len() as Term)
            .map(|s| {
                let mut found: Vec<Term> = keys(seeks.term(s))
                    .filter_map(|k| by_key.get(&k))
                    .flatten()
                    .copied()
                    .collect();
                found.sort_unstable();
                found.dedup();
                found
                    .into_iter()
                    .filter_map(|o| {
                        let c = coverage(offers.term(o), seeks.term(s));
                        (c > 0.0).then_some((o, c))
                    })
                    .collect()
            })
            .collect::<Vec<Vec<(Term, f64)>>>();
        let mut meets = vec![Vec::new(); offers.len()];
        for (s, list) in met_by.iter().enumerate() {
            for &(o, cover) in list {
                meets[o as usize].push((s as Term, cover));
            }
        }
        let mut needs = Needs {
            offers,
            seeks,
            met_by,
            meets,
            max_value: 0.0,
            best_seek: Vec::new(),
            best_offer: Vec::new(),
            masks: Vec::new(),
        };
        // Both vocabularies are built over the same people.
        needs.masks = (0..needs.seeks.people() as Node)
            .map(|n| {
                let wants = needs.seeks.of(n).iter().fold(0, |m, &s| m | bit(s));
                let gives = (needs.offers.of(n).iter())
                    .flat_map(|&o| &needs.meets[o as usize])
                    .fold(0, |m, &(s, _)| m | bit(s));
                Masks { wants, gives }
            })
            .collect();
        needs.best_offer = (0..needs.offers.people() as Node)
            .map(|n| {
                let met = needs
                    .offers
                    .of(n)
                    .iter()
                    .flat_map(|&o| &needs.meets[o as usize]);
                met.map(|&(s, _)| needs.worth(s, 1.0)).fold(0.0, f64::max)
            })
            .collect();
        needs.best_seek = (0..needs.seeks.people() as Node)
            .map(|n| {
                let seeks = needs.seeks.of(n);
                let met = seeks
                    .iter()
                    .filter(|&&s| !needs.met_by[s as usize].is_empty());
                met.map(|&s| needs.worth(s, 1.0)).fold(0.0, f64::max)
            })
            .collect();
        needs.max_value = 3.0
            * (0..needs.seeks.len() as Term)
                .filter(|&s| !needs.met_by[s as usize].is_empty())
                .map(|s| needs.worth(s, 1.0))
                .fold(0.0, f64::max);
        needs
    }

    pub fn is_empty(&self) -> bool {
        self.offers.is_empty() || self.seeks.is_empty()
    }

    /// A met need is worth more when the need is rare: the seek's rarity, times coverage.
    /// Rarity is at least ln 2, so even a need everyone has counts when it is met.
    fn worth(&self, seek: Term, cover: f64) -> f64 {
        self.seeks.idf(seek) * cover
    }

    /// Everything `from` offers that meets something `to` seeks.
    pub fn helps(&self, from: Node, to: Node) -> Vec<Help> {
        let mut out = Vec::new();
        let offered = self.offers.of(from);
        if offered.is_empty() {
            return out;
        }
        for &s in self.seeks.of(to) {
            for &(o, cover) in &self.met_by[s as usize] {
                if offered.binary_search(&o).is_ok() {
                    out.push(Help {
                        from,
                        to,
                        offer: o,
                        seek: s,
                        value: self.worth(s, cover),
                    });
                }
            }
        }
        out
    }

    /// The complementarity signal of a pair: help in each direction, and a bonus when it
    /// runs both ways (mutual benefit makes a meeting easy to propose).
    pub fn value(&self, a: Node, b: Node) -> f64 {
        let one = self.best_help(a, b);
        let other = self.best_help(b, a);
        one + other + one.min(other)
    }

    /// The best single match in one direction: two offers meeting one need are not twice
    /// as useful, and a bounded value keeps pruning exact. The most of `helps`, without
    /// listing them: the ranker asks this of millions of pairs.
    fn best_help(&self, from: Node, to: Node) -> f64 {
        let offered = self.offers.of(from);
        if offered.is_empty() {
            return 0.0;
        }
        // People hold a few phrases each, and an offer meets few of the seeks: look each
        // of `to`'s seeks up in what each offer meets, rather than walk every offer that
        // meets each seek (a popular seek is met by many).
        let mut most: f64 = 0.0;
        for &o in offered {
            let meets = &self.meets[o as usize];
            for &s in self.seeks.of(to) {
                if let Ok(i) = meets.binary_search_by_key(&s, |&(t, _)| t) {
                    most = most.max(self.worth(s, meets[i].1));
                }
            }
        }
        most
    }

    /// People who offer something that meets this seek phrase.
    pub fn offerers_of(&self, seek: Term) -> impl Iterator<Item = Node> + '_ {
        self.met_by[seek as usize]
            .iter()
            .flat_map(move |&(o, _)| self.offers.holders(o).iter().copied())
    }

    /// Each seek of `to` with each offer phrase that meets it, as (seek, offer), in the
    /// order of `to`'s seeks: whose holders can help `to`.
    pub fn helpers(&self, to: Node) -> impl Iterator<Item = (Term, Term)> + '_ {
        (self.seeks.of(to).iter())
            .flat_map(move |&s| self.met_by[s as usize].iter().map(move |&(o, _)| (s, o)))
    }

    /// Each offer of `from` with each seek phrase it meets, as (offer, seek), in the order
    /// of `from`'s offers: whose holders `from` can help.
    pub fn helped(&self, from: Node) -> impl Iterator<Item = (Term, Term)> + '_ {
        (self.offers.of(from).iter())
            .flat_map(move |&o| self.meets[o as usize].iter().map(move |&(s, _)| (o, s)))
    }

    /// Every seek phrase with every offer phrase that meets it, as (seek, offer).
    pub fn matches(&self) -> impl Iterator<Item = (Term, Term)> + '_ {
        (0..self.seeks.len() as Term)
            .flat_map(move |s| self.met_by[s as usize].iter().map(move |&(o, _)| (s, o)))
    }

    /// The most one of `v`'s offers can be worth to someone, and the most any offer can be
    /// worth to `v`: the inputs of `bound`, for callers that pack them per person.
    pub fn person_parts(&self, v: Node) -> (f64, f64) {
        (self.best_offer[v as usize], self.best_seek[v as usize])
    }

    /// See `Masks`.
    pub fn masks(&self, v: Node) -> Masks {
        self.masks.get(v as usize).copied().unwrap_or_default()
    }

    /// An upper bound of `value(a, b)` that costs nothing.
    pub fn bound(&self, a: Node, b: Node) -> f64 {
        let one = if self.offers.of(a).is_empty() {
            0.0
        } else {
            self.best_seek[b as usize]
        };
        let other = if self.offers.of(b).is_empty() {
            0.0
        } else {
            self.best_seek[a as usize]
        };
        one + other + one.min(other)
    }

    /// An upper bound of `value(v, anyone)`.
    pub fn person_bound(&self, v: Node) -> f64 {
        let (o, s) = (self.best_offer[v as usize], self.best_seek[v as usize]);
        o + s + o.min(s)
    }

    /// The largest value any pair can get from this index.
    pub fn max_value(&self) -> f64 {
        self.max_value
    }

    /// The most a pair can get from needs that only phrases held by more than `cap`
    /// people connect (the ranker does not search those).
    pub fn unreached_bound(&self, cap: usize) -> f64 {
        if self.max_value == 0.0 {
            return 0.0;
        }
        let n = self.seeks.people() as f64;
        (3.0 * idf(n, cap + 1)).min(self.max_value)
    }
}

fn keys(phrase: &str) -> impl Iterator<Item = String> {
    content_words(phrase)
        .into_iter()
        .map(|w| w.chars().take(4).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, PersonId};

    fn person(id: &str, offers: &[&str], seeks: &[&str]) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.into(),
            offers: offers.iter().map(|&s| s.into()).collect(),
            seeks: seeks.iter().map(|&s| s.into()).collect(),
            ..Person::default()
        }
    }

    fn best(helps: &[Help]) -> f64 {
        helps.iter().map(|h| h.value).fold(0.0, f64::max)
    }

    #[test]
    fn offers_meet_seeks_in_both_directions() {
        let net = Network {
            people: vec![
                person("ada", &["rust mentoring"], &["design feedback"]),
                person("bob", &["design feedback"], &["mentoring"]),
                person("cy", &[], &["mentoring"]),
                person("dee", &["cooking"], &["funding"]),
            ],
            ..Network::default()
        };
        let needs = Needs::build(&net);
        assert_eq!(needs.helps(0, 1).len(), 1);
        assert_eq!(needs.helps(1, 0).len(), 1);
        assert!(
            needs.value(0, 1) > needs.value(0, 2),
            "mutual benefit outranks one-way help"
        );
        assert!(needs.value(0, 2) > 0.0);
        assert_eq!(needs.value(0, 3), 0.0);
        for a in 0..4 {
            for b in 0..4 {
                let helps = needs.helps(a, b);
                assert_eq!(needs.best_help(a, b), best(&helps), "{a} {b}");
                assert_eq!(
                    needs.masks(a).may_help(needs.masks(b)),
                    !helps.is_empty(),
                    "{a} {b}: with four phrases no two share a bit"
                );
            }
        }
        let helpers: Vec<(Term, Term)> = needs.helpers(2).collect();
        assert_eq!(helpers.len(), 1);
        assert_eq!(needs.offers.holders(helpers[0].1), [0]);
        let matches: Vec<(Term, Term)> = needs.matches().collect();
        let mut both: Vec<(Term, Term)> = (0..4).flat_map(|n| needs.helpers(n)).collect();
        both.extend((0..4).flat_map(|n| needs.helped(n).map(|(o, s)| (s, o))));
        both.sort_unstable();
        both.dedup();
        assert_eq!(both, matches, "every match is someone's, both ways");
    }
}
