//! The pairs a held-out fold is learned from: its hidden relationships that are still
//! candidates in the fold graph (a mutual contact, a shared interest or a met need
//! there), and a weighted sample of the fold graph's other candidate pairs, each
//! standing for as many candidates as its weight says.
//!
//! The sample is taken by mutual contacts, an equal share from each stratum (none, 1,
//! 2-3, 4-7, ... 64 or more). Pairs with a mutual contact come from a walk over the
//! wedges (exact counts, a uniform reservoir per stratum); pairs with none, which share
//! only a term, from the network's uniform draws of candidate pairs
//! (`candidates::PairSampler`, every term included), without walking everyone who
//! shares a term: at 10,000 generated people that walk is 200 million visits a fold.
//!
//! Why strata: a uniform sample at 10,000 people makes each negative stand for thousands
//! of candidates, so a handful of them decided the guard's precision and its choice
//! flipped with the sample's seed; by strata it did not. On the four networks in
//! ../shared/data the uniform walk and the strata find as many hidden relationships on
//! average over the sample's seed, and the strata vary less (docs/ranking.md,
//! "Session 11").

use crate::graph::Node;
use crate::ids::FastSet;
use crate::query::suggest::candidates::PairSampler;
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::spectral::Adjacency;
use crate::rng::SplitMix64;

/// One pair of a fold: its mutual contacts in the fold graph (count and resource
/// allocation), whether it is a hidden relationship, and how many candidates it stands
/// for (1 for a hidden relationship).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub x: Node,
    pub y: Node,
    pub common: u32,
    pub mutual: f64,
    pub hidden: bool,
    pub weight: f64,
}

/// Whether `x` and `y` share a term: an interest, or a need one meets for the other.
fn share_a_term(ctx: &Indexes, x: Node, y: Node) -> bool {
    ctx.sharing(x, usize::MAX).any(|s| ctx.holds(y, s))
}

/// The mutual contacts of `x` and `y` in the fold graph, summed as the wedge walk in
/// `stratified` sums them (in ascending order of the contact, so to the same bits).
fn mutual(adj: &Adjacency, x: Node, y: Node) -> (u32, f64) {
    crate::sorted::intersection(adj.neighbors(x), adj.neighbors(y)).fold((0, 0.0), |(c, ra), z| {
        (c + 1, ra + 1.0 / adj.neighbors(z).len() as f64)
    })
}

/// Strata by mutual contacts: none, 1, 2-3, 4-7, ..., 64 or more.
const STRATA: usize = 8;

fn stratum(common: u32) -> usize {
    if common == 0 {
        0
    } else {
        (1 + common.ilog2() as usize).min(STRATA - 1)
    }
}

/// Draws of `PairSampler` per pair wanted in the stratum without mutual contacts: about
/// half the draws are a pair's first path from its lower end, and such a pair is kept
/// unless it has a mutual contact in the fold graph or shares no term, so this only runs
/// out where nearly every candidate pair has a mutual contact (and that stratum then
/// hardly matters).
const DRAWS_PER_PAIR: usize = 64;

/// The hidden relationships still candidates, then about `wanted / 8` pairs from each
/// stratum by mutual contacts. Pairs with a mutual contact come from the wedge walk
/// (exact counts, a uniform reservoir each); pairs without one, sharing only a term,
/// from `pairs`, the whole network's sampler with every term: a drawn path is kept when
/// it is the first path of a pair x < y that is such a pair in the fold graph, and every
/// candidate pair has one first path from its lower end, so each kept pair stands for
/// paths / draws of them (the draws stop at a number kept, which biases that by about
/// one part in the number).
pub(crate) fn stratified(
    ctx: &Indexes,
    adj: &Adjacency,
    hidden_edges: &[(Node, Node)],
    pairs: &PairSampler,
    wanted: usize,
    rng: &mut SplitMix64,
) -> Vec<Candidate> {
    let n = adj.len();
    let share = (wanted / STRATA).max(1);
    // Asked of every pair with a mutual contact (millions at 10,000 people), so not
    // with std's SipHash.
    let hidden: FastSet<(Node, Node)> = hidden_edges.iter().copied().collect();
    let mut out: Vec<Candidate> = hidden_edges
        .iter()
        .map(|&(x, y)| {
            let (common, mutual) = mutual(adj, x, y);
            let hidden = true;
            Candidate {
                x,
                y,
                common,
                mutual,
                hidden,
                weight: 1.0,
            }
        })
        .filter(|p| p.common > 0 || share_a_term(ctx, p.x, p.y))
        .collect();

    // Strata 1 and up, from the wedges; stratum 0 is drawn below, into `drawn`.
    let mut strata: Vec<Vec<Candidate>> = (0..STRATA)
        .map(|s| Vec::with_capacity(if s == 0 { 0 } else { share }))
        .collect();
    let mut counts = [0usize; STRATA];
    let mut common = vec![0u32; n];
    let mut ra = vec![0.0f64; n];
    let mut touched: Vec<Node> = Vec::new();
    let mut linked = vec![u32::MAX; n];
    for x in 0..n as Node {
        for &y in adj.neighbors(x) {
            linked[y as usize] = x;
        }
        touched.clear();
        for &z in adj.neighbors(x) {
            let part = 1.0 / adj.neighbors(z).len() as f64;
            for &y in adj.neighbors(z) {
                if y > x && linked[y as usize] != x {
                    if common[y as usize] == 0 {
                        touched.push(y);
                    }
                    common[y as usize] += 1;
                    ra[y as usize] += part;
                }
            }
        }
        for &y in &touched {
            let pair = Candidate {
                x,
                y,
                common: std::mem::take(&mut common[y as usize]),
                mutual: std::mem::take(&mut ra[y as usize]),
                hidden: false,
                weight: 1.0,
            };
            if hidden.contains(&(x, y)) {
                continue;
            }
            let s = stratum(pair.common);
            counts[s] += 1;
            if strata[s].len() < share {
                strata[s].push(pair);
            } else {
                let j = rng.below(counts[s]);
                if j < share {
                    strata[s][j] = pair;
                }
            }
        }
    }

    // The stratum without mutual contacts, from the network's candidate pairs. Pairs
    // linked or hidden here are linked in the network, so the sampler never gives them.
    let mut draws = 0usize;
    let mut drawn: Vec<Candidate> = Vec::with_capacity(share);
    while pairs.paths() > 0 && drawn.len() < share && draws < DRAWS_PER_PAIR * share {
        draws += 1;
        let Some((x, y)) = pairs.draw(rng) else {
            continue;
        };
        if y < x
            || !share_a_term(ctx, x, y)
            || crate::sorted::intersection(adj.neighbors(x), adj.neighbors(y))
                .next()
                .is_some()
        {
            continue;
        }
        let pair = Candidate {
            x,
            y,
            common: 0,
            mutual: 0.0,
            hidden: false,
            weight: 1.0,
        };
        drawn.push(pair);
    }
    let weight = pairs.paths() as f64 / draws.max(1) as f64;
    out.extend(drawn.into_iter().map(|p| Candidate { weight, ..p }));
    for (s, sample) in strata.into_iter().enumerate().skip(1) {
        let weight = counts[s] as f64 / sample.len().max(1) as f64;
        out.extend(sample.into_iter().map(|p| Candidate { weight, ..p }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::synthetic::{Spec, generate};

    /// Per stratum by mutual contacts: how many candidates the pairs stand for.
    fn totals(pairs: &[Candidate]) -> [f64; STRATA] {
        let mut out = [0.0; STRATA];
        for p in pairs.iter().filter(|p| !p.hidden) {
            out[stratum(p.common)] += p.weight;
        }
        out
    }

    #[test]
    fn strata_stand_for_every_candidate_pair() {
        let net = generate(&Spec::scaled(400));
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        let edges: Vec<(Node, Node)> = g.edges().collect();
        let (hidden_edges, kept) = edges.split_at(edges.len() / 10);
        let hidden: FastSet<(Node, Node)> = hidden_edges.iter().copied().collect();
        let adj = Adjacency::from_edges(g.len(), kept);
        let pairs = PairSampler::new(&ctx, usize::MAX);
        let mut rng = SplitMix64::new(7);
        let sample = stratified(&ctx, &adj, hidden_edges, &pairs, 16_000, &mut rng);

        // Every candidate pair of the fold graph, from all pairs.
        let mut all = Vec::new();
        for x in 0..g.len() as Node {
            for y in x + 1..g.len() as Node {
                let (common, mutual) = mutual(&adj, x, y);
                let linked = adj.neighbors(x).binary_search(&y).is_ok();
                if !linked && (common > 0 || share_a_term(&ctx, x, y)) {
                    let hidden = hidden.contains(&(x, y));
                    all.push(Candidate {
                        x,
                        y,
                        common,
                        mutual,
                        hidden,
                        weight: 1.0,
                    });
                }
            }
        }

        // The same hidden relationships, with the same mutual contacts to the bit.
        let key = |p: &&Candidate| (p.x, p.y, p.common, p.mutual.to_bits());
        let mut every: Vec<_> = all.iter().filter(|p| p.hidden).map(|p| key(&p)).collect();
        let mut drawn: Vec<_> = sample
            .iter()
            .filter(|p| p.hidden)
            .map(|p| key(&p))
            .collect();
        every.sort_unstable();
        drawn.sort_unstable();
        assert!(every.len() > 300, "{}", every.len());
        assert_eq!(every, drawn);

        // Strata with mutual contacts are counted exactly; the one without is estimated
        // from the sampler's draws.
        let (want, got) = (totals(&all), totals(&sample));
        for s in 1..STRATA {
            assert!(
                (want[s] - got[s]).abs() <= 1e-9 * want[s],
                "stratum {s}: {want:?} {got:?}"
            );
        }
        assert!(want[0] > 10_000.0, "{want:?}");
        let ratio = got[0] / want[0];
        assert!(
            (0.95..1.05).contains(&ratio),
            "{} against {}",
            got[0],
            want[0]
        );
        // Every sampled pair is a candidate: not linked, not hidden.
        for p in sample.iter().filter(|p| !p.hidden) {
            assert!(p.x < p.y && adj.neighbors(p.x).binary_search(&p.y).is_err());
            assert!(!hidden.contains(&(p.x, p.y)));
            assert!(p.common > 0 || share_a_term(&ctx, p.x, p.y));
        }
    }
}
