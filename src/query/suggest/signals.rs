//! The three reasons two people should meet, as numbers: mutual contacts, shared
//! interests, and needs one meets for the other. Everything `suggest` ranks by, fits
//! weights to, and explains comes from here.

use crate::graph::{Graph, Node};
use crate::query::suggest::features::Features;
use crate::query::suggest::needs::Needs;
use crate::query::suggest::positions;
use crate::query::vocab::{Term, Vocab};

/// What `suggest` knows about a network before it looks at any pair.
pub struct Indexes<'a> {
    pub g: &'a Graph<'a>,
    pub interests: Vocab,
    pub needs: Needs,
    /// Per person, what bounds their signals with anyone, one record each, so the
    /// ranker's bound check for a pair reads one cache line per person.
    packed: Vec<Packed>,
}

/// A term through which a person finds candidates (`Indexes::sharing`), named by what its
/// `holders` share with the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// An interest the person holds: its holders hold it too.
    Interest(Term),
    /// The person seeks `seek`, and `offer` meets it: its holders offer it.
    Helper { seek: Term, offer: Term },
    /// The person offers `offer`, which meets `seek`: its holders seek it.
    Helped { offer: Term, seek: Term },
}

/// What bounds a person's signals with anyone.
#[derive(Debug, Clone, Copy, Default)]
struct Packed {
    interests: u32,
    /// The rarest interest weight they hold, the sum of all their interests' weights,
    /// and `best_similarity` of them: each bounds their interest signal with anyone.
    max_idf: f64,
    sum_idf: f64,
    best_interest: f64,
    /// The most one of their offers is worth to someone (0: offers nothing that meets a need).
    best_offer: f64,
    /// The most an offer is worth to them (0: seeks nothing anyone meets).
    best_seek: f64,
}

impl<'a> Indexes<'a> {
    pub fn new(g: &'a Graph<'a>) -> Indexes<'a> {
        Indexes::build(g, g.len() >= PARALLEL_FROM)
    }

    /// `new`, with the per-person bounds in two halves on two threads when `parallel`:
    /// the same result either way. (Building the needs index beside the interests
    /// vocabulary gained nothing measurable at 100k people: the vocabulary already uses
    /// both cores.)
    fn build(g: &'a Graph<'a>, parallel: bool) -> Indexes<'a> {
        // Field words of positions are interest terms of their own (`positions.rs`).
        let lists = positions::interests_and_fields(g.net);
        let interests = Vocab::build(lists.iter());
        let needs = Needs::build(g.net);
        let mut packed = vec![Packed::default(); g.len()];
        if parallel {
            let half = g.len() / 2;
            let (first, second) = packed.split_at_mut(half);
            rayon::join(
                || pack(&interests, &needs, 0, first),
                || pack(&interests, &needs, half, second),
            );
        } else {
            pack(&interests, &needs, 0, &mut packed);
        }
        Indexes {
            g,
            interests,
            needs,
            packed,
        }
    }

    /// Every model input of the pair, as the graph has it (for a pair not yet linked).
    pub fn features(&self, a: Node, b: Node) -> Features {
        Features {
            mutual: self.mutual(a, b),
            common: self.mutual_contacts(a, b).count() as u32,
            degrees: (self.g.degree(a), self.g.degree(b)),
            interests: self.interest_similarity(a, b),
            needs: self.needs.value(a, b),
        }
    }

    /// Resource allocation over the sorted neighbour lists.
    pub fn mutual(&self, a: Node, b: Node) -> f64 {
        self.mutual_contacts(a, b)
            .map(|z| 1.0 / self.g.degree(z) as f64)
            .sum()
    }

    pub fn mutual_contacts(&self, a: Node, b: Node) -> impl Iterator<Item = Node> + '_ {
        crate::sorted::intersection(self.g.neighbors(a), self.g.neighbors(b))
    }

    pub fn interest_similarity(&self, a: Node, b: Node) -> f64 {
        let (na, nb) = (self.interests.of(a).len(), self.interests.of(b).len());
        if na == 0 || nb == 0 {
            return 0.0;
        }
        let sum: f64 = self
            .interests
            .shared(a, b)
            .map(|t| self.interests.idf(t))
            .sum();
        sum / ((na * nb) as f64).sqrt()
    }

    /// Upper bounds of a pair's interest and needs signals, from one record per person
    /// (at least as tight as `Needs::bound`). The shared weights sum to at most either
    /// person's total, and to at most min(na, nb) terms each no heavier than the lighter
    /// of the two heaviest; the divisor sqrt(na * nb) is at least min(na, nb).
    pub fn bounds(&self, a: Node, b: Node) -> (f64, f64) {
        let (p, q) = (&self.packed[a as usize], &self.packed[b as usize]);
        let interests = if p.interests == 0 || q.interests == 0 {
            0.0
        } else {
            let by_total =
                p.sum_idf.min(q.sum_idf) / (f64::from(p.interests) * f64::from(q.interests)).sqrt();
            by_total
                .min(p.max_idf.min(q.max_idf))
                .min(p.best_interest.min(q.best_interest))
        };
        // What a helps b with is worth at most the most a's offers are worth to anyone
        // and the most anyone's offer is worth to b.
        let one = p.best_offer.min(q.best_seek);
        let other = q.best_offer.min(p.best_seek);
        (interests, one + other + one.min(other))
    }

    /// People who share an interest with `x`, or whom `x` can help or who can help `x`,
    /// through terms held by at most `cap` people (with repeats, and `x` itself).
    pub fn sharing_terms(&self, x: Node, cap: usize) -> impl Iterator<Item = Node> + '_ {
        self.sharing(x, cap).flat_map(|s| self.holders(s)).copied()
    }

    /// The terms `sharing_terms` goes through, in its order: `x`'s interests, then the
    /// offers that meet `x`'s seeks, then the seeks `x`'s offers meet; each only if its
    /// `holders` are at most `cap` people.
    pub fn sharing(&self, x: Node, cap: usize) -> impl Iterator<Item = Shared> + '_ {
        let interests = self.interests.of(x).iter().map(|&t| Shared::Interest(t));
        let helpers = (self.needs.helpers(x)).map(|(seek, offer)| Shared::Helper { seek, offer });
        let helped = (self.needs.helped(x)).map(|(offer, seek)| Shared::Helped { offer, seek });
        interests
            .chain(helpers)
            .chain(helped)
            .filter(move |&s| self.holders(s).len() <= cap)
    }

    /// Every term any person's `sharing` can give (before the cap).
    pub fn all_shared(&self) -> impl Iterator<Item = Shared> + '_ {
        let interests = (0..self.interests.len() as Term).map(Shared::Interest);
        let helpers = (self.needs.matches()).map(|(seek, offer)| Shared::Helper { seek, offer });
        let helped = (self.needs.matches()).map(|(seek, offer)| Shared::Helped { offer, seek });
        interests.chain(helpers).chain(helped)
    }

    /// The people a term connects its `sources` to, in increasing order.
    pub fn holders(&self, s: Shared) -> &[Node] {
        match s {
            Shared::Interest(t) => self.interests.holders(t),
            Shared::Helper { offer, .. } => self.needs.offers.holders(offer),
            Shared::Helped { seek, .. } => self.needs.seeks.holders(seek),
        }
    }

    /// The people whose `sharing` gives the term, in increasing order.
    pub fn sources(&self, s: Shared) -> &[Node] {
        match s {
            Shared::Interest(t) => self.interests.holders(t),
            Shared::Helper { seek, .. } => self.needs.seeks.holders(seek),
            Shared::Helped { offer, .. } => self.needs.offers.holders(offer),
        }
    }

    /// Whether `y` is one of `holders(s)`, looked up in `y`'s own short term list.
    pub fn holds(&self, y: Node, s: Shared) -> bool {
        let (terms, t) = match s {
            Shared::Interest(t) => (self.interests.of(y), t),
            Shared::Helper { offer, .. } => (self.needs.offers.of(y), offer),
            Shared::Helped { seek, .. } => (self.needs.seeks.of(y), seek),
        };
        terms.binary_search(&t).is_ok()
    }

    /// An upper bound of `interest_similarity(a, anyone)`.
    pub fn person_interest_bound(&self, a: Node) -> f64 {
        self.packed[a as usize].best_interest
    }

    /// The largest interest similarity any pair can have.
    pub fn max_interest_bound(&self) -> f64 {
        self.packed
            .iter()
            .map(|p| p.best_interest)
            .fold(0.0, f64::max)
    }
}

/// Below this many people `Indexes::new` computes the bounds on one thread.
const PARALLEL_FROM: usize = 20_000;

/// The bound records of the people from node `first` on, one per slot of `out`.
fn pack(interests: &Vocab, needs: &Needs, first: usize, out: &mut [Packed]) {
    let mut weights = Vec::new();
    for (i, p) in out.iter_mut().enumerate() {
        let n = (first + i) as Node;
        weights.clear();
        weights.extend(interests.of(n).iter().map(|&t| interests.idf(t)));
        let (best_offer, best_seek) = needs.person_parts(n);
        *p = Packed {
            interests: weights.len() as u32,
            max_idf: weights.iter().copied().fold(0.0, f64::max),
            sum_idf: weights.iter().copied().sum(),
            best_interest: best_similarity(&mut weights),
            best_offer,
            best_seek,
        };
    }
}

/// The most a person holding terms of these weights can share with anyone, as interest
/// similarity. Sharing `s` terms with someone who holds `m >= s` terms scores at most the
/// `s` heaviest weights over `sqrt(n * s)`; the best `s` is found by trying each. Sorts
/// `weights`.
fn best_similarity(weights: &mut [f64]) -> f64 {
    let n = weights.len() as f64;
    weights.sort_by(|a, b| b.total_cmp(a));
    let mut top = 0.0;
    let mut best: f64 = 0.0;
    for (i, w) in weights.iter().enumerate() {
        top += w;
        best = best.max(top / (n * (i + 1) as f64).sqrt());
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{Spec, generate};

    #[test]
    fn two_threads_build_what_one_does() {
        let net = generate(&Spec::scaled(1_001));
        let g = Graph::build(&net);
        let (one, two) = (Indexes::build(&g, false), Indexes::build(&g, true));
        assert_eq!(format!("{:?}", one.packed), format!("{:?}", two.packed));
        let bounds = |c: &Indexes| {
            (0..g.len() as Node)
                .map(|n| c.person_interest_bound(n))
                .collect::<Vec<f64>>()
        };
        assert_eq!(format!("{:?}", bounds(&one)), format!("{:?}", bounds(&two)));
        assert!(
            one.packed
                .iter()
                .any(|p| p.best_offer > 0.0 && p.interests > 0)
        );
        // Each record as computed one bound at a time.
        let v = &one.interests;
        for (n, p) in two.packed.iter().enumerate() {
            let weights = || v.of(n as Node).iter().map(|&t| v.idf(t));
            let (offer, seek) = two.needs.person_parts(n as Node);
            let expected = Packed {
                interests: v.of(n as Node).len() as u32,
                max_idf: weights().fold(0.0, f64::max),
                sum_idf: weights().sum(),
                best_interest: best_similarity(&mut weights().collect::<Vec<f64>>()),
                best_offer: offer,
                best_seek: seek,
            };
            assert_eq!(format!("{p:?}"), format!("{expected:?}"));
        }
    }
}
