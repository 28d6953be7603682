//! Fitting the model's weights to the owner's own network: which inputs tell the pairs
//! who already know each other apart from pairs who could but do not?
//!
//! Positives are recorded relationships, seen as if they were not there yet (each end's
//! degree one lower). Negatives are unlinked candidate pairs (the same candidates
//! `suggest` ranks), drawn uniformly over all such pairs by `PairSampler`, so every
//! candidate pair counts alike. A weighted logistic regression, fitted by Newton's method
//! on standardised inputs with a small ridge penalty, gives the weights. Everything is deterministic: the draws come from a
//! fixed-seed generator, so the same file always gives the same suggestions.

use crate::graph::Node;
use crate::query::suggest::candidates::PairSampler;
use crate::query::suggest::features::{DIM, Features, INPUTS, MONOTONE, inputs};
use crate::query::suggest::heldout;
use crate::query::suggest::regression::{
    MIN_POSITIVES, PRIOR, PRIOR_STRENGTH, Row, blend, fit_monotone, unit,
};
use crate::query::suggest::scoring::{Guard, Model};
use crate::query::suggest::signals::Indexes;
use crate::rng::SplitMix64;

/// Enough pairs to pin down a handful of weights; more only costs time on big networks.
const MAX_POSITIVES: usize = 2_000;
const MAX_NEGATIVES: usize = 4_000;
/// The candidate search for negatives looks at terms held by at most this many people.
const NEGATIVE_CAP: usize = 1_000;
/// The most draws of `PairSampler` for one fit. A draw is kept when it is a candidate
/// pair's first path: measured on generated networks, 29% of draws at 1,001 people, 48%
/// at 3,000, 66% at 10,000 and 84% at 100,000, so `MAX_NEGATIVES` rows take 4,800 to
/// 14,000 draws. The bound matters only where most paths repeat a pair or lead to
/// contacts; a draw costs a few microseconds, so it also bounds the time.
const MAX_DRAWS: usize = 16 * MAX_NEGATIVES;

pub fn fit(ctx: &Indexes) -> Model {
    let g = ctx.g;
    let max_degree = (0..g.len() as Node).map(|n| g.degree(n)).max().unwrap_or(0);
    let prior = Model::new(PRIOR, max_degree);
    let edges: Vec<(Node, Node)> = g.edges().collect();
    if edges.len() < MIN_POSITIVES {
        return prior;
    }
    if heldout::applies(g.len(), edges.len()) {
        return heldout::fit(ctx, edges, max_degree);
    }
    let mut rng = SplitMix64::new(0x6e65_7477_6562);
    let mut rows: Vec<Row> = Vec::new();
    let step = (edges.len() / MAX_POSITIVES).max(1);
    for &(a, b) in edges.iter().step_by(step) {
        let common = ctx.mutual_contacts(a, b).count() as u32;
        let f = Features {
            mutual: ctx.mutual(a, b),
            common,
            degrees: (g.degree(a) - 1, g.degree(b) - 1),
            interests: ctx.interest_similarity(a, b),
            needs: ctx.needs.value(a, b),
        };
        rows.push((inputs(&f).to_vec(), 1.0, 1.0));
    }
    let positives = rows.len();
    let mut negatives = negatives(ctx, &mut rng);
    if negatives.is_empty() {
        return prior;
    }
    // Negatives weigh as much in total as positives, each in proportion to its row's
    // weight.
    let total: f64 = negatives.iter().map(|r| r.2).sum();
    for r in &mut negatives {
        r.2 *= positives as f64 / total;
    }
    rows.extend(negatives);

    // A small network teaches little: lean on the prior in proportion. Both are scaled to
    // the same total first, since only the ratios between weights matter to a ranking.
    let fitted = unit(fit_monotone(&rows, &MONOTONE, &[true; DIM]));
    let trust = positives as f64 / (positives as f64 + PRIOR_STRENGTH);
    let (weights, _) = blend(&fitted, trust);
    Model::new(weights, max_degree)
}

/// Unlinked candidate pairs drawn uniformly by `PairSampler`, as rows of weight 1, until
/// `MAX_NEGATIVES` rows or `MAX_DRAWS` draws.
fn negatives(ctx: &Indexes, rng: &mut SplitMix64) -> Vec<Row> {
    let sampler = PairSampler::new(ctx, NEGATIVE_CAP);
    let mut rows = Vec::with_capacity(MAX_NEGATIVES);
    for _ in 0..MAX_DRAWS {
        if rows.len() == MAX_NEGATIVES {
            break;
        }
        if let Some((x, y)) = sampler.draw(rng) {
            rows.push((inputs(&ctx.features(x, y)).to_vec(), 0.0, 1.0));
        }
    }
    rows
}

/// For debugging and docs: the weights with their input names.
pub fn describe(model: &Model) -> String {
    let mut parts: Vec<String> = INPUTS
        .iter()
        .zip(&model.weights)
        .map(|(n, w)| format!("{n}={w:.3}"))
        .collect();
    if let Some(l) = &model.lowrank {
        parts.extend(
            l.ranks
                .iter()
                .zip(&l.weights)
                .map(|(r, w)| format!("lr{r}={w:.3}")),
        );
    }
    if let Some(guard) = model.guard {
        let m = guard.measured;
        let (i, l) = (Guard::INTERESTS, Guard::LOWRANK);
        parts.push(format!(
            "held-out precision: structure {:.3}, +interests {:.3}, +low-rank {:.3}, +both {:.3}; kept interests {}, low-rank {}",
            m[0],
            m[i],
            m[l],
            m[i | l],
            guard.choice & i != 0,
            guard.choice & l != 0
        ));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negatives_count_every_candidate_pair_alike() {
        use crate::graph::Graph;
        use crate::synthetic::{Spec, generate};
        for people in [300, 1_001] {
            let net = generate(&Spec::scaled(people));
            let g = Graph::build(&net);
            let ctx = Indexes::new(&g);
            let first = negatives(&ctx, &mut SplitMix64::new(5));
            let again = negatives(&ctx, &mut SplitMix64::new(5));
            assert_eq!(format!("{first:?}"), format!("{again:?}"), "{people}");
            // Pairs drawn uniformly, each of weight 1.
            assert_eq!(first.len(), MAX_NEGATIVES);
            assert!(first.iter().all(|r| r.1 == 0.0 && r.2 == 1.0));
        }
    }
}
