//! The weighted ridge logistic regression both fits use, with its sign rule, and the blend
//! of fitted weights with the prior that small networks lean on.

use crate::query::suggest::features::DIM;

/// Fewer recorded relationships than this and the fit is noise: use the prior.
pub const MIN_POSITIVES: usize = 20;
/// How many recorded relationships the prior is worth: with 100 the fit and the prior
/// count equally, with 2,000 the fit gets 95%.
pub const PRIOR_STRENGTH: f64 = 100.0;
/// Ridge penalty on standardised weights; keeps small networks from over-fitting.
const RIDGE: f64 = 1.0;

/// Weights used when the network is too small to learn from: mutual contacts first,
/// then shared interests and met needs, as most people would rank reasons themselves.
pub const PRIOR: [f64; DIM] = [4.0, 0.0, 0.0, 0.0, 1.0, 1.0];

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::suggest::features::MONOTONE;

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
