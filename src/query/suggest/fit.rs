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
use crate::query::suggest::heldout;
use crate::query::suggest::model::{DIM, Features, INPUTS, MONOTONE, Model, inputs};
use crate::query::suggest::signals::Context;
use crate::rng::SplitMix64;

/// Enough pairs to pin down a handful of weights; more only costs time on big networks.
const MAX_POSITIVES: usize = 2_000;
const MAX_NEGATIVES: usize = 4_000;
/// Fewer recorded relationships than this and the fit is noise: use the prior.
pub(crate) const MIN_POSITIVES: usize = 20;
/// How many recorded relationships the prior is worth: with 100 the fit and the prior
/// count equally, with 2,000 the fit gets 95%.
pub(crate) const PRIOR_STRENGTH: f64 = 100.0;
/// Ridge penalty on standardised weights; keeps small networks from over-fitting.
const RIDGE: f64 = 1.0;
/// The candidate search for negatives looks at terms held by at most this many people.
const NEGATIVE_CAP: usize = 1_000;
/// The most draws of `PairSampler` for one fit. A draw is kept when it is a candidate
/// pair's first path: measured on generated networks, 29% of draws at 1,001 people, 48%
/// at 3,000, 66% at 10,000 and 84% at 100,000, so `MAX_NEGATIVES` rows take 4,800 to
/// 14,000 draws. The bound matters only where most paths repeat a pair or lead to
/// contacts; a draw costs a few microseconds, so it also bounds the time.
const MAX_DRAWS: usize = 16 * MAX_NEGATIVES;

/// Weights used when the network is too small to learn from: mutual contacts first,
/// then shared interests and met needs, as most people would rank reasons themselves.
pub const PRIOR: [f64; DIM] = [4.0, 0.0, 0.0, 0.0, 1.0, 1.0];

pub fn fit(ctx: &Context) -> Model {
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
fn negatives(ctx: &Context, rng: &mut SplitMix64) -> Vec<Row> {
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

/// The local weights blended with the prior by `trust` (the rest of `fitted`, the
/// low-rank weights, scaled by `trust`: the prior gives them none), and the needs weight
/// set by rule.
pub(crate) fn blend(fitted: &[f64], trust: f64) -> ([f64; DIM], Vec<f64>) {
    let prior = unit(PRIOR.to_vec());
    let mut weights = [0.0; DIM];
    for i in 0..DIM {
        weights[i] = trust * fitted[i] + (1.0 - trust) * prior[i];
    }
    // Relationships record who knows whom, not who helped whom, so the file cannot teach
    // the weight of met needs. A met need counts like a shared interest of the same
    // rarity, and at least like one mutual contact.
    let one_contact = weights[0] * (1.0f64 / 2.0).ln_1p() + weights[1] * 2f64.ln();
    weights[5] = weights[4].max(one_contact).max(0.1);
    let rest = fitted[DIM..].iter().map(|w| trust * w).collect();
    (weights, rest)
}

/// One row of a fit: inputs, label (1 or 0), weight.
pub(crate) type Row = (Vec<f64>, f64, f64);

/// Scales weights so the absolute values of all but the needs weight sum to 10 (a
/// readable scale for scores).
pub(crate) fn unit(mut w: Vec<f64>) -> Vec<f64> {
    let total: f64 = w
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != DIM - 1)
        .map(|(_, x)| x.abs())
        .sum();
    if total > 0.0 {
        for x in &mut w {
            *x *= 10.0 / total;
        }
    }
    w
}

/// Logistic regression where `monotone` inputs may not get negative weights: an input
/// that wants one is dropped (weight 0) and the rest refitted. Only `allowed` inputs
/// take part.
pub(crate) fn fit_monotone(rows: &[Row], monotone: &[bool], allowed: &[bool]) -> Vec<f64> {
    let dim = monotone.len();
    let mut active = allowed.to_vec();
    // Inputs that never vary carry no information.
    for (i, on) in active.iter_mut().enumerate() {
        let first = rows[0].0[i];
        if rows.iter().all(|r| (r.0[i] - first).abs() < 1e-12) {
            *on = false;
        }
    }
    for _ in 0..dim {
        let w = logistic(rows, &active);
        let bad: Vec<usize> = (0..dim)
            .filter(|&i| active[i] && monotone[i] && w[i] < 0.0)
            .collect();
        if bad.is_empty() {
            return w;
        }
        // Drop the most negative one and refit; others may recover.
        let worst = *bad
            .iter()
            .min_by(|&&a, &&b| w[a].total_cmp(&w[b]))
            .expect("not empty");
        active[worst] = false;
    }
    logistic(rows, &active)
}

/// Weighted ridge logistic regression by Newton's method; returns weights in the inputs'
/// own units (0 for inactive inputs). The intercept is fitted and then dropped.
fn logistic(rows: &[Row], active: &[bool]) -> Vec<f64> {
    let dim = active.len();
    let cols: Vec<usize> = (0..dim).filter(|&i| active[i]).collect();
    let m = cols.len() + 1;
    let wsum: f64 = rows.iter().map(|r| r.2).sum();
    let mean: Vec<f64> = cols
        .iter()
        .map(|&c| rows.iter().map(|r| r.0[c] * r.2).sum::<f64>() / wsum)
        .collect();
    let sd: Vec<f64> = cols
        .iter()
        .zip(&mean)
        .map(|(&c, mu)| {
            let var = rows
                .iter()
                .map(|r| (r.0[c] - mu).powi(2) * r.2)
                .sum::<f64>()
                / wsum;
            if var > 1e-12 { var.sqrt() } else { 1.0 }
        })
        .collect();
    // Standardised inputs, one row of `m` values (the last the intercept's 1) per row.
    let mut data: Vec<f64> = Vec::with_capacity(rows.len() * m);
    for r in rows {
        data.extend(
            cols.iter()
                .enumerate()
                .map(|(j, &c)| (r.0[c] - mean[j]) / sd[j]),
        );
        data.push(1.0);
    }
    let mut beta = vec![0.0; m];
    let mut upper = vec![0.0; m * m];
    for _ in 0..30 {
        let mut grad = vec![0.0; m];
        upper.iter_mut().for_each(|h| *h = 0.0);
        for (x, r) in data.chunks_exact(m).zip(rows) {
            let (y, w) = (r.1, r.2);
            let eta: f64 = x.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-eta.clamp(-30.0, 30.0)).exp());
            let curvature = w * p * (1.0 - p);
            let residual = w * (y - p);
            for i in 0..m {
                grad[i] += residual * x[i];
                let xi = curvature * x[i];
                // The upper triangle; the matrix is symmetric.
                for (h, xj) in upper[i * m + i..(i + 1) * m].iter_mut().zip(&x[i..]) {
                    *h += xi * xj;
                }
            }
        }
        let mut hess = vec![vec![0.0; m]; m];
        for i in 0..m {
            for j in i..m {
                hess[i][j] = upper[i * m + j];
                hess[j][i] = upper[i * m + j];
            }
        }
        for i in 0..m - 1 {
            grad[i] -= RIDGE * beta[i];
            hess[i][i] += RIDGE;
        }
        let Some(step) = solve(hess, grad) else { break };
        let size: f64 = step.iter().map(|s| s.abs()).sum();
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += s;
        }
        if size < 1e-9 {
            break;
        }
    }
    let mut out = vec![0.0; dim];
    for (j, &c) in cols.iter().enumerate() {
        out[c] = beta[j] / sd[j];
    }
    out
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None` if singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (top, below) = a.split_at_mut(col + 1);
        let pivot_row = &top[col];
        for (offset, row) in below.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (v, p) in row.iter_mut().zip(pivot_row).skip(col) {
                *v -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
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
    if let Some((local, lowrank)) = model.guard {
        parts.push(format!(
            "held-out precision: local {local:.3}, with low-rank {lowrank:.3}"
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
            let ctx = Context::new(&g);
            let first = negatives(&ctx, &mut SplitMix64::new(5));
            let again = negatives(&ctx, &mut SplitMix64::new(5));
            assert_eq!(format!("{first:?}"), format!("{again:?}"), "{people}");
            // Pairs drawn uniformly, each of weight 1.
            assert_eq!(first.len(), MAX_NEGATIVES);
            assert!(first.iter().all(|r| r.1 == 0.0 && r.2 == 1.0));
        }
    }

    #[test]
    fn solve_handles_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }

    #[test]
    fn logistic_finds_the_predictive_input() {
        // Input 0 separates the labels; input 4 is noise.
        let rows: Vec<Row> = (0..200)
            .map(|i| {
                let label = (i % 2) as f64;
                let noise = ((i * 7919) % 13) as f64 / 13.0;
                (
                    vec![label + noise * 0.5, 0.0, 0.0, 0.0, noise, 0.0],
                    label,
                    1.0,
                )
            })
            .collect();
        let w = fit_monotone(&rows, &MONOTONE, &[true; DIM]);
        assert!(w[0] > 1.0, "{w:?}");
        assert!(w[4].abs() < w[0] / 4.0, "{w:?}");
    }
}
