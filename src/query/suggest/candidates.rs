//! The unlinked candidates of a person, and candidate pairs drawn at random.
//!
//! A person x finds candidates through "vias": each of x's contacts z (whose contacts
//! are two hops from x) and each term x shares with others (`Indexes::sharing`: an
//! interest, or a need one side meets for the other, held by at most `cap` people). The
//! members of all x's vias, end to end, are a multiset in which the same person may turn
//! up many times (once per mutual contact and once per shared term), and which also
//! holds x and x's contacts. Its distinct members other than those are x's candidates.
//! `Candidates` lists them for one person (the reference the sampler's tests check
//! against); `PairSampler` draws (x, y) pairs uniformly from all candidate pairs of the
//! network without listing anyone's candidates.

use crate::graph::Node;
use crate::query::suggest::signals::{Indexes, Shared};
use crate::rng::SplitMix64;

/// What a person finds candidates through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// A contact: the contact's own contacts.
    Contact(Node),
    /// A term the person shares: its holders.
    Term(Shared),
}

/// The vias of `x`, in the order the candidate search walks them: `x`'s contacts in
/// increasing order, then `Indexes::sharing(x, cap)`. None repeats.
pub(crate) fn vias<'c>(ctx: &'c Indexes, x: Node, cap: usize) -> impl Iterator<Item = Via> + 'c {
    let contacts = ctx.g.neighbors(x).iter().map(|&z| Via::Contact(z));
    contacts.chain(ctx.sharing(x, cap).map(Via::Term))
}

/// Whom a via leads to, in increasing order, without repeats.
pub(crate) fn members<'c>(ctx: &'c Indexes, via: Via) -> &'c [Node] {
    match via {
        Via::Contact(z) => ctx.g.neighbors(z),
        Via::Term(s) => ctx.holders(s),
    }
}

/// Who has `via` among their vias: the people who find `members(via)` through it.
fn sources<'c>(ctx: &'c Indexes, via: Via) -> &'c [Node] {
    match via {
        Via::Contact(z) => ctx.g.neighbors(z),
        Via::Term(s) => ctx.sources(s),
    }
}

/// Whether `y` is one of `members(via)`, looked up in `y`'s own short lists (a contact
/// list or a term list) rather than in the via's possibly long one.
fn leads_to(ctx: &Indexes, via: Via, y: Node) -> bool {
    match via {
        Via::Contact(z) => ctx.g.linked(y, z),
        Via::Term(s) => ctx.holds(y, s),
    }
}

/// The unlinked candidates of one person: two hops away, or sharing an interest or a
/// need through a term held by at most `cap` people. Reuses its buffers between people.
#[cfg(test)]
pub(crate) struct Candidates {
    seen: Vec<u32>,
    epoch: u32,
    out: Vec<Node>,
}

#[cfg(test)]
impl Candidates {
    pub(crate) fn new(n: usize) -> Candidates {
        Candidates {
            seen: vec![0; n],
            epoch: 0,
            out: Vec::new(),
        }
    }

    /// The distinct members of `x`'s vias other than `x` and `x`'s contacts, in order of
    /// first appearance.
    pub(crate) fn of(&mut self, ctx: &Indexes, x: Node, cap: usize) -> &[Node] {
        let g = ctx.g;
        self.epoch += 1;
        self.out.clear();
        let epoch = self.epoch;
        self.seen[x as usize] = epoch;
        for &y in g.neighbors(x) {
            self.seen[y as usize] = epoch;
        }
        for via in vias(ctx, x, cap) {
            for &y in members(ctx, via) {
                if self.seen[y as usize] != epoch {
                    self.seen[y as usize] = epoch;
                    self.out.push(y);
                }
            }
        }
        &self.out
    }
}

/// Draws ordered candidate pairs (x, y), y one of `Candidates::of(x)`, each pair as likely
/// as any other, without listing candidates: a draw costs a few binary searches and a
/// walk over x's vias up to the one drawn.
///
/// A path is a triple (x, via, y): a via of x and one of its members. Every via is shared
/// by all its `sources`, so it makes `sources × members` paths, and a path can be drawn
/// uniformly by drawing a via in proportion to that (a binary search in running totals
/// over every via of the network: each person as a contact, each term held by at most
/// `cap` people), then a source x and a member y. The pair is kept only if y is a
/// candidate of x (not x, not x's contact) and `via` is the first of x's vias that leads
/// to y. Each candidate pair has at least one path and exactly one such first path, so a
/// kept pair is uniform over all candidate pairs however many mutual contacts or shared
/// terms repeat it: a pair with k paths is kept once in the k times it is drawn (the same
/// as accepting it with probability 1/k, without a second random number).
pub(crate) struct PairSampler<'c> {
    ctx: &'c Indexes<'c>,
    cap: usize,
    vias: Vec<Via>,
    /// `ends[i]`: how many paths `vias[..=i]` make.
    ends: Vec<u64>,
}

impl<'c> PairSampler<'c> {
    pub(crate) fn new(ctx: &'c Indexes<'c>, cap: usize) -> PairSampler<'c> {
        let contacts = (0..ctx.g.len() as Node).map(Via::Contact);
        let terms = (ctx.all_shared())
            .filter(|&s| ctx.holders(s).len() <= cap)
            .map(Via::Term);
        let (mut vias, mut ends) = (Vec::new(), Vec::new());
        let mut total = 0u64;
        for via in contacts.chain(terms) {
            let paths = (sources(ctx, via).len() * members(ctx, via).len()) as u64;
            if paths > 0 {
                total += paths;
                vias.push(via);
                ends.push(total);
            }
        }
        PairSampler {
            ctx,
            cap,
            vias,
            ends,
        }
    }

    /// How many paths there are: the range of the draws.
    pub(crate) fn paths(&self) -> u64 {
        self.ends.last().copied().unwrap_or(0)
    }

    /// One draw: a candidate pair, or `None` when the path drawn is not a pair's first
    /// (it is up to the caller to draw again). Uses one number of `rng`.
    pub(crate) fn draw(&self, rng: &mut SplitMix64) -> Option<(Node, Node)> {
        let total = self.paths();
        if total == 0 {
            return None;
        }
        // Uniform in 0..total, by multiply-shift as `SplitMix64::below` does.
        let at = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        let i = self.ends.partition_point(|&end| end <= at);
        let via = self.vias[i];
        let within = at - if i == 0 { 0 } else { self.ends[i - 1] };
        let members = members(self.ctx, via);
        let width = members.len() as u64;
        let x = sources(self.ctx, via)[(within / width) as usize];
        let y = members[(within % width) as usize];
        if x == y || self.ctx.g.linked(x, y) {
            return None;
        }
        let first = vias(self.ctx, x, self.cap).find(|&v| v == via || leads_to(self.ctx, v, y));
        (first == Some(via)).then_some((x, y))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::graph::Graph;
    use crate::model::{Network, Person, PersonId, Relationship};
    use crate::synthetic::{Spec, generate};

    /// A small generated network (interests, offers and seeks, some terms held by more
    /// than the cap of 4 the tests use), plus two unlinked people with five mutual
    /// contacts, three rare interests and a need one meets for the other (so their pair
    /// has nine paths each way, and the five contacts' pairs two), and people with no
    /// candidates at all.
    fn network() -> Network {
        let mut net = generate(&Spec {
            people: 50,
            relationships: 120,
            interests_per_person: 5,
            vocabulary: 40,
            seed: 3,
        });
        let person = |id: &str, interests: &[&str], offers: &[&str], seeks: &[&str]| Person {
            id: PersonId::from(id.to_string()),
            name: id.into(),
            interests: interests.iter().map(|&t| t.into()).collect(),
            offers: offers.iter().map(|&t| t.into()).collect(),
            seeks: seeks.iter().map(|&t| t.into()).collect(),
            ..Person::default()
        };
        let rare = ["rare-a", "rare-b", "rare-c"];
        net.people
            .push(person("twin-0", &rare, &[], &["violin lessons"]));
        net.people
            .push(person("twin-1", &rare, &["violin lessons"], &[]));
        for i in 0..5 {
            let hub = format!("hub-{i}");
            net.people.push(person(&hub, &[], &[], &[]));
            for twin in ["twin-0", "twin-1"] {
                net.relationships.push(Relationship::new(
                    PersonId::from(hub.clone()),
                    PersonId::from(twin.to_string()),
                ));
            }
        }
        for i in 0..5 {
            net.people
                .push(person(&format!("alone-{i}"), &[], &[], &[]));
        }
        net
    }

    const CAP: usize = 4;

    /// How many paths lead from `x` to `y`, counted in the vias' own member lists.
    fn paths(ctx: &Indexes, x: Node, y: Node) -> usize {
        vias(ctx, x, CAP)
            .filter(|&v| members(ctx, v).binary_search(&y).is_ok())
            .count()
    }

    #[test]
    fn the_sampler_covers_every_path_and_looks_members_up_right() {
        let net = network();
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        let sampler = PairSampler::new(&ctx, CAP);
        let mut walked = 0;
        for x in 0..g.len() as Node {
            for via in vias(&ctx, x, CAP) {
                let found = members(&ctx, via);
                walked += found.len() as u64;
                assert!(found.windows(2).all(|w| w[0] < w[1]), "{via:?}");
                assert!(sources(&ctx, via).binary_search(&x).is_ok(), "{via:?}");
                let i = sampler.vias.iter().position(|&v| v == via);
                assert!(i.is_some(), "{x}: {via:?} is not in the sampler's table");
                for y in 0..g.len() as Node {
                    let member = found.binary_search(&y).is_ok();
                    assert_eq!(leads_to(&ctx, via, y), member, "{x} {via:?} {y}");
                }
            }
        }
        // Every path of the table is one of some person's, and none is left out.
        assert_eq!(sampler.paths(), walked);
        let skipped = ctx.all_shared().filter(|&s| ctx.holders(s).len() > CAP);
        assert!(skipped.count() > 0, "the cap leaves some terms out");
    }

    #[test]
    fn drawn_pairs_are_uniform_over_the_candidate_pairs() {
        let net = network();
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        let n = g.len() as Node;
        // The candidate pairs as the ranker's listing gives them, with their paths.
        let mut listing = Candidates::new(g.len());
        let mut expected: HashMap<(Node, Node), usize> = HashMap::new();
        for x in 0..n {
            for &y in listing.of(&ctx, x, CAP) {
                expected.insert((x, y), paths(&ctx, x, y));
            }
        }
        let pairs = expected.len();
        let (twins, alone) = (n - 12, n - 5);
        assert_eq!(expected[&(twins, twins + 1)], 9);
        assert_eq!(expected[&(twins + 1, twins)], 9);
        assert!((alone..n).all(|a| (0..n).all(|y| !expected.contains_key(&(a, y)))));
        assert!(pairs > 500, "{pairs}");

        let sampler = PairSampler::new(&ctx, CAP);
        let mut rng = SplitMix64::new(11);
        let mut seen: HashMap<(Node, Node), usize> = HashMap::new();
        let draws = 150 * pairs;
        let mut kept = 0;
        for _ in 0..draws * 4 {
            if kept == draws {
                break;
            }
            if let Some(pair) = sampler.draw(&mut rng) {
                assert!(
                    expected.contains_key(&pair),
                    "{pair:?} is not a candidate pair"
                );
                *seen.entry(pair).or_default() += 1;
                kept += 1;
            }
        }
        assert_eq!(kept, draws);
        assert_eq!(seen.len(), pairs, "every candidate pair is drawn");

        // Uniform: Pearson's chi-square over all pairs, against its mean (the degrees of
        // freedom) plus six standard deviations.
        let mean = draws as f64 / pairs as f64;
        let chi2: f64 = (seen.values())
            .map(|&o| (o as f64 - mean).powi(2) / mean)
            .sum();
        let df = (pairs - 1) as f64;
        assert!(
            chi2 < df + 6.0 * (2.0 * df).sqrt(),
            "chi2 {chi2:.0}, df {df}"
        );

        // Repeats do not count: pairs with several paths are drawn as often as the rest.
        // Had every path counted, their share would be `biased`, far outside the bound.
        let repeated = |&(pair, _): &(&(Node, Node), &usize)| expected[pair] > 1;
        let share = |count: usize| count as f64 / draws as f64;
        let got = share(seen.iter().filter(repeated).map(|(_, &c)| c).sum());
        let want = share(expected.iter().filter(repeated).count() * draws / pairs);
        let all_paths: usize = expected.values().sum();
        let biased = expected.values().filter(|&&k| k > 1).sum::<usize>() as f64 / all_paths as f64;
        let sd = (want * (1.0 - want) / draws as f64).sqrt();
        assert!(
            (got - want).abs() < 6.0 * sd,
            "share {got:.4}, want {want:.4}"
        );
        assert!(
            (biased - want).abs() > 50.0 * sd,
            "biased {biased:.4}, want {want:.4}"
        );
    }
}
