//! The fit for small networks: learn from relationships the model has not seen.
//!
//! The owner's relationships are shuffled (fixed seed) and cut into ten folds. Each fold
//! in turn is hidden: the positives are its relationships that are still candidates in
//! the other nine tenths (a mutual contact, a shared interest or a met need there), the
//! negatives a uniform sample of that graph's other candidate pairs, each weighted by how
//! many candidate pairs it stands for, so the fit estimates the real odds that a
//! candidate is a missing relationship. The inputs are the local ones (`features.rs`) plus
//! the low-rank reconstructions `lr_r` of the fold graph (`spectral.rs`) for
//! r = 2, 4, ... 64 (at most half the people).
//!
//! A guard keeps the low-rank inputs only where they help: the ten folds are paired into
//! five groups, each group is predicted from a fit on the other four, and the precision
//! at the fold's size (how many hidden relationships are among that many best-scored
//! candidates) decides between the local inputs alone and with the low-rank ones.
//!
//! It costs ten eigen-solves and a dozen fits, so it runs only on networks up to
//! `MAX_PEOPLE` people and `MAX_RELATIONSHIPS` relationships, where the ranker can then
//! afford to score every candidate pair exactly. Bigger networks keep the fit of `fit.rs`.

use std::collections::HashSet;

use crate::graph::Node;
use crate::query::suggest::features::{DIM, Features, MONOTONE, inputs};
use crate::query::suggest::regression::{
    MIN_POSITIVES, PRIOR_STRENGTH, Row, blend, fit_monotone, unit,
};
use crate::query::suggest::scoring::{LowRank, Model};
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::spectral::{Adjacency, Eigen, top_eigenpairs};
use crate::rng::SplitMix64;

/// How many folds the relationships are cut into (each hides a tenth: as many as a
/// user's "who am I missing" question leaves out, and enough folds that every
/// relationship is predicted once).
const FOLDS: usize = 10;
/// The ranks of the low-rank inputs: doublings, so a network's own structure picks the
/// scale (a few communities or many small circles) through the weights.
const RANKS: [usize; 6] = [2, 4, 8, 16, 32, 64];
/// Subspace iterations for the full graph's eigen-solve.
const ITERS: usize = 30;
/// Subspace iterations per fold's eigen-solve.
const FOLD_ITERS: usize = 12;
/// Negatives per fold: half the sample size of `fit.rs` (there are ten folds).
const NEGATIVES: usize = 2_000;
/// Size limits: every candidate pair is scored exactly and each fold is solved, so the
/// cost grows with people^2 and relationships. At these limits `suggest` takes about
/// 1.5 s on two shared cores (a generated network of 1,000 people and 5,081
/// relationships); at 1,900 people and 19,000 relationships it was 3.9 s, too slow for
/// a command people run by hand.
pub const MAX_PEOPLE: usize = 1_000;
pub const MAX_RELATIONSHIPS: usize = 5_000;
/// Fewer relationships than this leave folds too small to learn from.
const MIN_RELATIONSHIPS: usize = 10 * MIN_POSITIVES;

/// Whether a network of this size gets the held-out fit: small enough, and with at
/// least `MIN_POSITIVES` relationships hidden in every fold.
pub fn applies(people: usize, relationships: usize) -> bool {
    people <= MAX_PEOPLE
        && (MIN_RELATIONSHIPS..=MAX_RELATIONSHIPS).contains(&relationships)
        && !ranks(people).is_empty()
}

fn ranks(people: usize) -> Vec<usize> {
    RANKS.iter().copied().filter(|&r| r <= people / 2).collect()
}

/// One hidden fold: its rows and how many relationships it hid.
struct Fold {
    rows: Vec<Row>,
    hidden: usize,
}

pub fn fit(ctx: &Indexes, mut edges: Vec<(Node, Node)>, max_degree: usize) -> Model {
    let n = ctx.g.len();
    let ranks = ranks(n);
    let top = *ranks.last().expect("applies() checked");
    let mut rng = SplitMix64::new(0x0066_6f6c_6473);
    for i in (1..edges.len()).rev() {
        edges.swap(i, rng.below(i + 1));
    }
    let size = edges.len() / FOLDS;
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .clamp(1, FOLDS);
    let edges = &edges;
    let ranks_ref = &ranks;
    let mut folds: Vec<(usize, Fold)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (t..FOLDS)
                        .step_by(threads)
                        .map(|f| (f, fold(ctx, edges, f, size, ranks_ref, top)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a fold worker panicked"))
            .collect()
    });
    folds.sort_by_key(|f| f.0);
    let folds: Vec<Fold> = folds.into_iter().map(|f| f.1).collect();

    let dim = DIM + ranks.len();
    let monotone: Vec<bool> = (0..dim).map(|i| i < DIM && MONOTONE[i]).collect();
    let local: Vec<bool> = (0..dim).map(|i| i < DIM).collect();
    let all: Vec<bool> = vec![true; dim];
    let (cv_local, cv_lowrank) = guard(&folds, &monotone, &local, &all);
    let use_lowrank = cv_lowrank > cv_local;
    let rows: Vec<Row> = folds.into_iter().flat_map(|f| f.rows).collect();
    let positives = rows.iter().filter(|r| r.1 > 0.0).count();
    if positives == 0 || positives == rows.len() {
        return Model::new(crate::query::suggest::regression::PRIOR, max_degree);
    }
    // The full graph's eigen-solve runs beside the final fit.
    let (fitted, eigen) = std::thread::scope(|s| {
        let eigen = s.spawn(|| {
            use_lowrank.then(|| {
                let full = Adjacency::new(n, |v| ctx.g.neighbors(v));
                top_eigenpairs(&full, top, ITERS)
            })
        });
        let fitted = fit_monotone(&rows, &monotone, if use_lowrank { &all } else { &local });
        (fitted, eigen.join().expect("the eigen-solve panicked"))
    });
    let trust = positives as f64 / (positives as f64 + PRIOR_STRENGTH);
    let (weights, lr_weights) = blend(&unit(fitted), trust);
    let lowrank = eigen.map(|eigen| LowRank::new(eigen, ranks.clone(), lr_weights));
    Model {
        weights,
        max_degree,
        lowrank,
        guard: Some((cv_local, cv_lowrank)),
    }
}

/// The rows of fold `f`: its relationships hidden, the rest as the graph.
fn fold(
    ctx: &Indexes,
    edges: &[(Node, Node)],
    f: usize,
    size: usize,
    ranks: &[usize],
    top: usize,
) -> Fold {
    let n = ctx.g.len();
    let hidden: HashSet<(Node, Node)> = edges[f * size..(f + 1) * size].iter().copied().collect();
    let kept: Vec<(Node, Node)> = edges
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < f * size || *i >= (f + 1) * size)
        .map(|(_, e)| *e)
        .collect();
    let adj = Adjacency::from_edges(n, &kept);
    let eigen = top_eigenpairs(&adj, top, FOLD_ITERS);
    let mut rng = SplitMix64::new(0x6e65_6761_7469_7665 ^ f as u64);
    let mut rows = Vec::new();
    let mut sample: Vec<(Node, Node, u32, f64)> = Vec::with_capacity(NEGATIVES);
    let mut negatives = 0usize;
    let mut seen = vec![u32::MAX; n];
    let mut common = vec![0u32; n];
    let mut mutual = vec![0.0f64; n];
    let mut touched: Vec<Node> = Vec::new();
    for x in 0..n as Node {
        seen[x as usize] = x;
        for &y in adj.neighbors(x) {
            seen[y as usize] = x;
        }
        touched.clear();
        for &z in adj.neighbors(x) {
            let share = 1.0 / adj.neighbors(z).len() as f64;
            for &y in adj.neighbors(z) {
                if y > x && seen[y as usize] != x {
                    seen[y as usize] = x;
                    touched.push(y);
                }
                if y > x {
                    common[y as usize] += 1;
                    mutual[y as usize] += share;
                }
            }
        }
        for y in ctx.sharing_terms(x, usize::MAX) {
            if y > x && seen[y as usize] != x {
                seen[y as usize] = x;
                touched.push(y);
            }
        }
        for &y in &touched {
            let (c, ra) = (
                std::mem::take(&mut common[y as usize]),
                std::mem::take(&mut mutual[y as usize]),
            );
            if hidden.contains(&(x, y)) {
                rows.push((row(ctx, &adj, &eigen, ranks, x, y, c, ra), 1.0, 1.0));
            } else {
                // Reservoir sampling: a uniform sample of all candidate non-edges.
                negatives += 1;
                if sample.len() < NEGATIVES {
                    sample.push((x, y, c, ra));
                } else {
                    let j = rng.below(negatives);
                    if j < NEGATIVES {
                        sample[j] = (x, y, c, ra);
                    }
                }
            }
        }
        // Wedges through a neighbour of x to another neighbour left counts behind.
        for &z in adj.neighbors(x) {
            for &y in adj.neighbors(z) {
                common[y as usize] = 0;
                mutual[y as usize] = 0.0;
            }
        }
    }
    let weight = negatives as f64 / sample.len().max(1) as f64;
    for (x, y, c, ra) in sample {
        rows.push((row(ctx, &adj, &eigen, ranks, x, y, c, ra), 0.0, weight));
    }
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

/// Cross-validated precision of the local inputs alone and with the low-rank ones: each
/// pair of folds predicted from a fit on the others.
fn guard(folds: &[Fold], monotone: &[bool], local: &[bool], all: &[bool]) -> (f64, f64) {
    let groups: Vec<Vec<usize>> = (0..FOLDS / 2).map(|g| vec![2 * g, 2 * g + 1]).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .clamp(1, groups.len());
    // One task per group and input set, so the two threads share the fits evenly.
    let tasks: Vec<(usize, bool)> = (0..groups.len())
        .flat_map(|g| [(g, false), (g, true)])
        .collect();
    let threads = threads.clamp(1, tasks.len());
    let (groups, tasks) = (&groups, &tasks);
    let mut precisions: Vec<(usize, bool, Vec<f64>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for &(g, lowrank) in tasks.iter().skip(t).step_by(threads) {
                        let group = &groups[g];
                        let train: Vec<Row> = folds
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !group.contains(i))
                            .flat_map(|(_, f)| f.rows.iter().cloned())
                            .collect();
                        if !train.iter().any(|r| r.1 > 0.0) {
                            continue;
                        }
                        let w = fit_monotone(&train, monotone, if lowrank { all } else { local });
                        out.push((
                            g,
                            lowrank,
                            group.iter().map(|&i| precision(&folds[i], &w)).collect(),
                        ));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a guard worker panicked"))
            .collect()
    });
    precisions.sort_by_key(|p| (p.0, p.1));
    let mut sums: Vec<(f64, f64)> = Vec::new();
    for pair in precisions.chunks_exact(2) {
        for (a, b) in pair[0].2.iter().zip(&pair[1].2) {
            sums.push((*a, *b));
        }
    }
    let count = sums.len().max(1) as f64;
    (
        sums.iter().map(|s| s.0).sum::<f64>() / count,
        sums.iter().map(|s| s.1).sum::<f64>() / count,
    )
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
