//! The fit for networks up to tens of thousands of people: learn from relationships the
//! model has not seen.
//!
//! The owner's relationships are shuffled (fixed seed) and cut into ten folds. Each fold
//! in turn is hidden: the positives are its relationships that are still candidates in
//! the other nine tenths (a mutual contact, a shared interest or a met need there), the
//! negatives a sample of that graph's other candidate pairs (`fold_pairs.rs`, by strata
//! of mutual contacts), each weighted by how many candidate pairs it stands for, so the
//! fit estimates the real odds that a candidate is a missing relationship. The inputs
//! are the local ones (`features.rs`) plus the low-rank reconstructions `lr_r` of the
//! fold graph (`spectral.rs`) for r = 2, 4, ... 64 (at most half the people, and only
//! the ranks whose eigen-solves fit `MAX_WORK`).
//!
//! Not every fold is needed: as many are hidden as give a few thousand hidden
//! relationships (`TARGET_HIDDEN`), at least two (ten on the smallest networks).
//!
//! A guard keeps each input group (shared interests, the low-rank inputs) only where it
//! helps: the folds are grouped (in pairs, or one by one when there are two), each group
//! is predicted from a fit on the others, and the precision at the fold's size (how many
//! hidden relationships are among that many best-scored candidates) decides which of the
//! four choices (with or without interests, with or without low rank) is kept. A group
//! is kept only if it does strictly better.
//!
//! It costs an eigen-solve per fold and the full graph's, so a larger network gets fewer
//! ranks, and one where even rank 2 exceeds `MAX_WORK` (100,000 people with a million
//! relationships: 3.7e9) keeps the fit of `fit.rs` (`applies`).

use rayon::prelude::*;

use crate::graph::Node;
use crate::query::suggest::candidates::PairSampler;
use crate::query::suggest::features::{DIM, Features, MONOTONE, inputs};
use crate::query::suggest::fold_pairs;
use crate::query::suggest::regression::{
    MIN_POSITIVES, PRIOR_STRENGTH, Row, blend, fit_monotone, unit,
};
use crate::query::suggest::scoring::{Guard, LowRank, Model};
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::spectral::{Adjacency, Eigen, top_eigenpairs};
use crate::rng::SplitMix64;

/// How many folds the relationships are cut into (each hides a tenth: as many as a
/// user's "who am I missing" question leaves out, and enough folds that every
/// relationship is predicted once).
const FOLDS: usize = 10;
/// Hidden relationships enough to tell the guard's choices apart and pin down a dozen
/// weights: folds are used until they hide this many (`folds_used`).
const TARGET_HIDDEN: usize = 3_000;
/// The ranks of the low-rank inputs: doublings, so a network's own structure picks the
/// scale (a few communities or many small circles) through the weights.
const RANKS: [usize; 6] = [2, 4, 8, 16, 32, 64];
/// Subspace iterations for the full graph's eigen-solve.
const ITERS: usize = 30;
/// Subspace iterations per fold's eigen-solve.
const FOLD_ITERS: usize = 12;
/// Negatives in all: 2,000 per fold when all ten are used (half the sample size of
/// `fit.rs` per fold), spread over fewer folds when fewer are used.
const NEGATIVES: usize = 20_000;
/// The most work (multiply-adds of the eigen-solves: per subspace iteration, the block
/// of p vectors times the neighbour lists and its orthonormalisation, n p^2) the fit may
/// take. It admits every rank for the networks the first caps did (1,000 people and 5,000
/// relationships: 1.1e9 with ten folds) and, with fewer folds, larger ones of the same
/// cost (a 1,446-person college of 59,589 relationships: 1.0e9); 10,000 people with
/// 100,000 relationships get ranks 2-16 (0.9e9; all six would be 4.3e9), 30,000 with
/// 300,000 rank 2 alone (1.1e9).
const MAX_WORK: f64 = 1.2e9;
/// Fewer relationships than this leave folds too small to learn from.
const MIN_RELATIONSHIPS: usize = 10 * MIN_POSITIVES;

/// Whether a network of this size gets the held-out fit: the eigen-solves of rank 2 at
/// least within `MAX_WORK`, and at least `MIN_POSITIVES` relationships hidden in every fold.
pub fn applies(people: usize, relationships: usize) -> bool {
    relationships >= MIN_RELATIONSHIPS && !ranks(people, relationships).is_empty()
}

/// The eigen-solves' multiply-adds: one per used fold and one for the whole graph.
fn work(people: usize, relationships: usize, top: usize) -> f64 {
    let p = (top + crate::query::suggest::spectral::EXTRA).min(people) as f64;
    let iters = folds_used(relationships) * FOLD_ITERS + ITERS;
    iters as f64 * p * (people as f64 * p + 2.0 * relationships as f64)
}

/// How many of the ten folds to hide: enough for `TARGET_HIDDEN` relationships, an
/// even number (the guard pairs them) from 2 to 10.
fn folds_used(relationships: usize) -> usize {
    let size = (relationships / FOLDS).max(1);
    let wanted = TARGET_HIDDEN.div_ceil(size).clamp(2, FOLDS);
    wanted + wanted % 2
}

/// The ranks of the low-rank inputs: every doubling up to half the people whose
/// eigen-solves stay within `MAX_WORK`, so a larger network gets fewer of them (at 10,000
/// people and 100,000 relationships those up to 16, at 30,000 and 300,000 only 2) rather
/// than none.
fn ranks(people: usize, relationships: usize) -> Vec<usize> {
    (RANKS.iter().copied())
        .filter(|&r| r <= people / 2 && work(people, relationships, r) <= MAX_WORK)
        .collect()
}

/// One hidden fold: its rows and how many relationships it hid.
struct Fold {
    rows: Vec<Row>,
    hidden: usize,
}

pub fn fit(ctx: &Indexes, mut edges: Vec<(Node, Node)>, max_degree: usize) -> Model {
    let n = ctx.g.len();
    let ranks = ranks(n, edges.len());
    let top = *ranks.last().expect("applies() checked");
    // Every term, so that pairs sharing only a common one can be drawn too.
    let pairs = PairSampler::new(ctx, usize::MAX);
    let mut rng = SplitMix64::new(0x0066_6f6c_6473);
    for i in (1..edges.len()).rev() {
        edges.swap(i, rng.below(i + 1));
    }
    let size = edges.len() / FOLDS;
    let used = folds_used(edges.len());
    let negatives = NEGATIVES / used;
    let edges = &edges;
    let (ranks_ref, pairs) = (&ranks, &pairs);
    // One fit's rows per fold, on all cores, in fold order.
    let folds: Vec<Fold> = (0..used)
        .into_par_iter()
        .map(|f| fold(ctx, edges, f, size, negatives, ranks_ref, pairs))
        .collect();

    let dim = DIM + ranks.len();
    let monotone: Vec<bool> = (0..dim).map(|i| i < DIM && MONOTONE[i]).collect();
    let measured = guard(&folds, &monotone);
    let choice = choose(&measured);
    let use_lowrank = choice & LOWRANK != 0;
    let allowed = allowed(choice, dim);
    let rows: Vec<Row> = folds.into_iter().flat_map(|f| f.rows).collect();
    let positives = rows.iter().filter(|r| r.1 > 0.0).count();
    if positives == 0 || positives == rows.len() {
        return Model::new(crate::query::suggest::regression::PRIOR, max_degree);
    }
    // The full graph's eigen-solve runs beside the final fit.
    let (fitted, eigen) = rayon::join(
        || fit_monotone(&rows, &monotone, &allowed),
        || {
            use_lowrank.then(|| {
                let full = Adjacency::new(n, |v| ctx.g.neighbors(v));
                top_eigenpairs(&full, top, ITERS)
            })
        },
    );
    let trust = positives as f64 / (positives as f64 + PRIOR_STRENGTH);
    let (weights, lr_weights) = blend(&unit(fitted), trust);
    let lowrank = eigen.map(|eigen| LowRank::new(eigen, ranks.clone(), lr_weights));
    Model {
        weights,
        max_degree,
        lowrank,
        guard: Some(Guard { measured, choice }),
    }
}

/// The rows of fold `f`: its relationships hidden, the rest as the graph.
fn fold(
    ctx: &Indexes,
    edges: &[(Node, Node)],
    f: usize,
    size: usize,
    negatives_wanted: usize,
    ranks: &[usize],
    pairs: &PairSampler,
) -> Fold {
    let n = ctx.g.len();
    let top = *ranks.last().expect("applies() checked");
    let hidden = &edges[f * size..(f + 1) * size];
    let kept: Vec<(Node, Node)> = edges
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < f * size || *i >= (f + 1) * size)
        .map(|(_, e)| *e)
        .collect();
    let adj = Adjacency::from_edges(n, &kept);
    let eigen = top_eigenpairs(&adj, top, FOLD_ITERS);
    let mut rng = SplitMix64::new(0x6e65_6761_7469_7665 ^ f as u64);
    let pairs = fold_pairs::stratified(ctx, &adj, hidden, pairs, negatives_wanted, &mut rng);
    let rows = pairs
        .into_iter()
        .map(|p| {
            let inputs = row(ctx, &adj, &eigen, ranks, p.x, p.y, p.common, p.mutual);
            (inputs, if p.hidden { 1.0 } else { 0.0 }, p.weight)
        })
        .collect();
    Fold {
        rows,
        hidden: hidden.len(),
    }
}

/// The inputs of a pair in a fold graph: local inputs, then `lr_r` per rank.
#[allow(clippy::too_many_arguments)]
fn row(
    ctx: &Indexes,
    adj: &Adjacency,
    eigen: &Eigen,
    ranks: &[usize],
    x: Node,
    y: Node,
    common: u32,
    mutual: f64,
) -> Vec<f64> {
    let f = Features {
        mutual,
        common,
        degrees: (adj.neighbors(x).len(), adj.neighbors(y).len()),
        interests: ctx.interest_similarity(x, y),
        needs: ctx.needs.value(x, y),
    };
    let mut out = inputs(&f).to_vec();
    let (u, v) = (eigen.row(x), eigen.row(y));
    let mut sum = 0.0;
    let mut k = 0;
    for &r in ranks {
        while k < r {
            sum += eigen.values[k] * u[k] * v[k];
            k += 1;
        }
        out.push(sum);
    }
    out
}

const INTERESTS: usize = Guard::INTERESTS;
const LOWRANK: usize = Guard::LOWRANK;

/// Which inputs a choice lets the fit use: the local ones (interests only with
/// `INTERESTS`), the low-rank ones with `LOWRANK`.
fn allowed(choice: usize, dim: usize) -> Vec<bool> {
    (0..dim)
        .map(|i| match i {
            4 => choice & INTERESTS != 0,
            i if i < DIM => true,
            _ => choice & LOWRANK != 0,
        })
        .collect()
}

/// The best of the measured choices, each group kept only if it does strictly better
/// than going without it: the choices are tried from fewest groups up.
fn choose(measured: &[f64; 4]) -> usize {
    let mut best = 0;
    for choice in [INTERESTS, LOWRANK, INTERESTS | LOWRANK] {
        if measured[choice] > measured[best] {
            best = choice;
        }
    }
    best
}

/// Cross-validated precision of each choice (indexed by its bits): each group of folds
/// predicted from a fit on the others.
fn guard(folds: &[Fold], monotone: &[bool]) -> [f64; 4] {
    let groups: Vec<Vec<usize>> = if folds.len() > 2 {
        (0..folds.len() / 2)
            .map(|g| vec![2 * g, 2 * g + 1])
            .collect()
    } else {
        (0..folds.len()).map(|f| vec![f]).collect()
    };
    let dim = monotone.len();
    // One task per group and choice, so the threads share the fits evenly.
    let tasks: Vec<(usize, usize)> = (0..groups.len())
        .flat_map(|g| (0..4).map(move |c| (g, c)))
        .collect();
    let groups = &groups;
    let precisions: Vec<(usize, usize, Vec<f64>)> = tasks
        .par_iter()
        .filter_map(|&(g, choice)| {
            let group = &groups[g];
            let train: Vec<Row> = folds
                .iter()
                .enumerate()
                .filter(|(i, _)| !group.contains(i))
                .flat_map(|(_, f)| f.rows.iter().cloned())
                .collect();
            if !train.iter().any(|r| r.1 > 0.0) {
                return None;
            }
            let w = fit_monotone(&train, monotone, &allowed(choice, dim));
            let got = group.iter().map(|&i| precision(&folds[i], &w)).collect();
            Some((g, choice, got))
        })
        .collect();
    // The mean over the folds of each choice, summed in fold order so the result does
    // not depend on which thread ran what.
    let mut measured = [0.0; 4];
    for (choice, m) in measured.iter_mut().enumerate() {
        let mut got: Vec<(usize, &Vec<f64>)> = precisions
            .iter()
            .filter(|p| p.1 == choice)
            .map(|p| (p.0, &p.2))
            .collect();
        got.sort_by_key(|p| p.0);
        let all: Vec<f64> = got.iter().flat_map(|p| p.1.iter().copied()).collect();
        *m = all.iter().sum::<f64>() / all.len().max(1) as f64;
    }
    measured
}

/// Of the fold's `hidden` best-scored candidates (negatives count as the pairs they
/// stand for), the share that are hidden relationships.
fn precision(fold: &Fold, w: &[f64]) -> f64 {
    if fold.hidden == 0 {
        return 0.0;
    }
    let score = |r: &Row| -> f64 { r.0.iter().zip(w).map(|(x, w)| x * w).sum() };
    let mut order: Vec<(f64, usize)> = fold
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (score(r), i))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut taken, mut hits) = (0.0, 0.0);
    for (_, i) in order {
        if taken >= fold.hidden as f64 {
            break;
        }
        let r = &fold.rows[i];
        hits += r.1;
        taken += r.2;
    }
    hits / fold.hidden as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn larger_networks_get_fewer_ranks_rather_than_none() {
        // Within the first caps every rank up to half the people.
        assert_eq!(ranks(1_000, 5_000), RANKS);
        assert_eq!(ranks(100, 1_000), [2, 4, 8, 16, 32]);
        // The colleges of ../shared/data.
        assert_eq!(ranks(1_446, 59_589), RANKS);
        // Then fewer, as the work bound allows.
        assert_eq!(ranks(10_000, 100_000), [2, 4, 8, 16]);
        assert_eq!(ranks(20_000, 200_000), [2, 4, 8]);
        assert_eq!(ranks(30_000, 300_000), [2]);
        assert!(applies(30_000, 300_000));
        // Past rank 2, the fit of fit.rs.
        assert_eq!(ranks(100_000, 1_000_000), [0usize; 0]);
        assert!(!applies(100_000, 1_000_000));
        // Too few relationships to hide.
        assert!(!applies(150, MIN_RELATIONSHIPS - 1));
        assert!(applies(150, MIN_RELATIONSHIPS));
    }
}
