//! The few largest eigenpairs (by absolute value) of a network's adjacency matrix, for
//! the low-rank signal: `lr_r(x, y) = sum over k <= r of lambda_k u_k(x) u_k(y)` is the
//! best rank-r reconstruction of the matrix, and it scores pairs that sit in the same
//! dense region of the network even when they share no contact. docs/ranking.md
//! explains why it helps and where.
//!
//! Block subspace iteration: start from a fixed pseudo-random block of `r + 16` vectors,
//! multiply by the adjacency matrix and re-orthonormalise (modified Gram-Schmidt), a
//! fixed number of times; then the Rayleigh-Ritz step solves the small projected matrix
//! exactly (cyclic Jacobi). Everything is deterministic. Orthonormalising is most of an
//! iteration's cost and does not change the block's span, which is what converges, so it
//! runs every other iteration and after the last; in between, each column is only scaled
//! back to length one.

use rayon::prelude::*;

use crate::graph::Node;
use crate::rng::SplitMix64;

/// An undirected graph as compressed neighbour lists (both directions stored).
pub struct Adjacency {
    start: Vec<usize>,
    next: Vec<Node>,
}

impl Adjacency {
    /// From neighbour lists, one per person.
    pub fn new<'a>(n: usize, neighbors: impl Fn(Node) -> &'a [Node]) -> Adjacency {
        let mut start = Vec::with_capacity(n + 1);
        let mut next = Vec::new();
        start.push(0);
        for v in 0..n as Node {
            next.extend_from_slice(neighbors(v));
            start.push(next.len());
        }
        Adjacency { start, next }
    }

    /// From undirected edges (each once).
    pub fn from_edges(n: usize, edges: &[(Node, Node)]) -> Adjacency {
        let mut lists: Vec<Vec<Node>> = vec![Vec::new(); n];
        for &(a, b) in edges {
            lists[a as usize].push(b);
            lists[b as usize].push(a);
        }
        for l in &mut lists {
            l.sort_unstable();
        }
        Adjacency::new(n, |v| &lists[v as usize])
    }

    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn neighbors(&self, v: Node) -> &[Node] {
        &self.next[self.start[v as usize]..self.start[v as usize + 1]]
    }

    /// `out = A x` for a column-major block `x` of `p` columns. It goes through the
    /// person-major copy `rows` (and `sums`), so each neighbour adds one contiguous row.
    /// People are taken in chunks on all cores: each person's sum is added in the same
    /// order whichever thread does it, so the result is the same to the bit. (The full
    /// graph's solve runs after the folds', beside one logistic fit, with a core to
    /// spare: at 10,000 people it was a fifth of the command.)
    fn apply_block(
        &self,
        x: &[f64],
        out: &mut [f64],
        p: usize,
        rows: &mut [f64],
        sums: &mut [f64],
    ) {
        let n = self.len();
        (rows.par_chunks_mut(p * CHUNK).enumerate()).for_each(|(c, chunk)| {
            for (i, row) in chunk.chunks_exact_mut(p).enumerate() {
                let v = c * CHUNK + i;
                for (j, r) in row.iter_mut().enumerate() {
                    *r = x[j * n + v];
                }
            }
        });
        let rows = &*rows;
        (sums.par_chunks_mut(p * CHUNK).enumerate()).for_each(|(c, chunk)| {
            for (i, sum) in chunk.chunks_exact_mut(p).enumerate() {
                sum.iter_mut().for_each(|s| *s = 0.0);
                for &u in self.neighbors((c * CHUNK + i) as Node) {
                    for (s, r) in sum
                        .iter_mut()
                        .zip(&rows[u as usize * p..(u as usize + 1) * p])
                    {
                        *s += r;
                    }
                }
            }
        });
        let sums = &*sums;
        (out.par_chunks_mut(n).enumerate()).for_each(|(j, column)| {
            for (v, o) in column.iter_mut().enumerate() {
                *o = sums[v * p + j];
            }
        });
    }
}

/// People per task of `apply_block`: at 1,024 people of 20 contacts and 32 vectors a task
/// is about 650,000 additions, so small networks stay on one thread.
const CHUNK: usize = 1024;

/// Eigenpairs, largest |value| first.
#[derive(Debug, Clone, PartialEq)]
pub struct Eigen {
    pub values: Vec<f64>,
    /// Person-major: person v's entries are `vectors[v * values.len()..][..values.len()]`.
    pub vectors: Vec<f64>,
}

impl Eigen {
    pub fn rank(&self) -> usize {
        self.values.len()
    }

    /// Person v's coordinates, one per eigenpair.
    pub fn row(&self, v: Node) -> &[f64] {
        let r = self.rank();
        &self.vectors[v as usize * r..(v as usize + 1) * r]
    }
}

/// How many vectors beyond `r` the block carries: the extra ones speed convergence of
/// the r wanted (the error shrinks like |lambda_{r+extra+1} / lambda_r| per iteration).
pub const EXTRA: usize = 16;

/// The `r` eigenpairs of largest |value| of the adjacency matrix, after `iters` rounds of
/// subspace iteration.
pub fn top_eigenpairs(a: &Adjacency, r: usize, iters: usize) -> Eigen {
    let n = a.len();
    let r = r.min(n);
    let p = (r + EXTRA).min(n);
    if r == 0 {
        return Eigen {
            values: Vec::new(),
            vectors: Vec::new(),
        };
    }
    let mut rng = SplitMix64::new(0x7370_6563_7472_616c);
    // Column-major block: column j is q[j * n..(j + 1) * n].
    let mut q: Vec<f64> = (0..n * p).map(|_| uniform(&mut rng)).collect();
    orthonormalise(&mut q, n, p, 2, &mut rng);
    let mut z = vec![0.0; n * p];
    let mut rows = vec![0.0; n * p];
    let mut sums = vec![0.0; n * p];
    for i in 0..iters {
        a.apply_block(&q, &mut z, p, &mut rows, &mut sums);
        std::mem::swap(&mut q, &mut z);
        if i + 1 == iters {
            orthonormalise(&mut q, n, p, 2, &mut rng);
        } else if i % 2 == 1 {
            orthonormalise(&mut q, n, p, 1, &mut rng);
        } else {
            normalise_columns(&mut q, n);
        }
    }
    // Rayleigh-Ritz: T = Q^T A Q, solved exactly.
    a.apply_block(&q, &mut z, p, &mut rows, &mut sums);
    let mut t = vec![0.0; p * p];
    for i in 0..p {
        for j in i..p {
            let v = dot(&q[i * n..(i + 1) * n], &z[j * n..(j + 1) * n]);
            t[i * p + j] = v;
            t[j * p + i] = v;
        }
    }
    let (values, w) = jacobi(t, p);
    let mut order: Vec<usize> = (0..p).collect();
    order.sort_by(|&x, &y| values[y].abs().total_cmp(&values[x].abs()).then(x.cmp(&y)));
    order.truncate(r);
    // vectors = Q W, person-major: each block column adds to every person's row.
    let mut vectors = vec![0.0; n * r];
    for j in 0..p {
        let coefficients: Vec<f64> = order.iter().map(|&col| w[j * p + col]).collect();
        for (v, x) in q[j * n..(j + 1) * n].iter().enumerate() {
            for (out, c) in vectors[v * r..(v + 1) * r].iter_mut().zip(&coefficients) {
                *out += c * x;
            }
        }
    }
    Eigen {
        values: order.iter().map(|&c| values[c]).collect(),
        vectors,
    }
}

fn uniform(rng: &mut SplitMix64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

/// Dot product over eight independent partial sums, so the compiler can vectorise it
/// (a single running sum fixes the order of the additions and cannot be).
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    let mut acc = [0.0f64; 8];
    let (xc, yc) = (x.chunks_exact(8), y.chunks_exact(8));
    let (xr, yr) = (xc.remainder(), yc.remainder());
    for (a, b) in xc.zip(yc) {
        for k in 0..8 {
            acc[k] += a[k] * b[k];
        }
    }
    let tail: f64 = xr.iter().zip(yr).map(|(a, b)| a * b).sum();
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])) + tail
}

/// Each column scaled to length one (between orthonormalisations: it keeps the scale and
/// leaves the span, which is all subspace iteration needs, unchanged).
fn normalise_columns(q: &mut [f64], n: usize) {
    for col in q.chunks_exact_mut(n) {
        let norm = dot(col, col).sqrt();
        if norm > 0.0 {
            col.iter_mut().for_each(|c| *c /= norm);
        }
    }
}

/// Modified Gram-Schmidt, `passes` times per column (twice is enough for full accuracy;
/// once keeps the block well enough conditioned between iterations). A column that collapses
/// (the matrix has lower rank than the block) is replaced by a fresh random one.
fn orthonormalise(q: &mut [f64], n: usize, p: usize, passes: usize, rng: &mut SplitMix64) {
    for j in 0..p {
        let (done, rest) = q.split_at_mut(j * n);
        let col = &mut rest[..n];
        let before = dot(col, col).sqrt();
        for _ in 0..passes {
            for i in 0..j {
                let prev = &done[i * n..(i + 1) * n];
                let d = dot(prev, col);
                for (c, x) in col.iter_mut().zip(prev) {
                    *c -= d * x;
                }
            }
        }
        let mut norm = dot(col, col).sqrt();
        if norm <= 1e-10 * before.max(1e-300) || norm == 0.0 {
            for c in col.iter_mut() {
                *c = uniform(rng);
            }
            for _ in 0..2 {
                for i in 0..j {
                    let prev = &done[i * n..(i + 1) * n];
                    let d = dot(prev, col);
                    for (c, x) in col.iter_mut().zip(prev) {
                        *c -= d * x;
                    }
                }
            }
            norm = dot(col, col).sqrt();
        }
        for c in col.iter_mut() {
            *c /= norm;
        }
    }
}

/// Eigen-decomposition of a small dense symmetric matrix (row-major, p x p) by cyclic
/// Jacobi rotations: the eigenvalues, and the eigenvectors as the columns of a row-major
/// p x p matrix.
fn jacobi(mut a: Vec<f64>, p: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; p * p];
    for i in 0..p {
        v[i * p + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * p + j] * a[i * p + j])
            .sum();
        let total: f64 = a.iter().map(|x| x * x).sum();
        if off <= 1e-30 * total.max(1e-300) {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                let aij = a[i * p + j];
                if aij.abs() < 1e-300 {
                    continue;
                }
                let (aii, ajj) = (a[i * p + i], a[j * p + j]);
                let theta = (ajj - aii) / (2.0 * aij);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // A <- J^T A J on rows and columns i, j.
                for k in 0..p {
                    let (aki, akj) = (a[k * p + i], a[k * p + j]);
                    a[k * p + i] = c * aki - s * akj;
                    a[k * p + j] = s * aki + c * akj;
                }
                for k in 0..p {
                    let (aik, ajk) = (a[i * p + k], a[j * p + k]);
                    a[i * p + k] = c * aik - s * ajk;
                    a[j * p + k] = s * aik + c * ajk;
                }
                for k in 0..p {
                    let (vki, vkj) = (v[k * p + i], v[k * p + j]);
                    v[k * p + i] = c * vki - s * vkj;
                    v[k * p + j] = s * vki + c * vkj;
                }
            }
        }
    }
    ((0..p).map(|i| a[i * p + i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle(n: usize) -> Adjacency {
        let edges: Vec<(Node, Node)> = (0..n)
            .map(|i| (i as Node, ((i + 1) % n) as Node))
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        Adjacency::from_edges(n, &edges)
    }

    fn complete(n: usize) -> Adjacency {
        let mut edges = Vec::new();
        for a in 0..n as Node {
            for b in a + 1..n as Node {
                edges.push((a, b));
            }
        }
        Adjacency::from_edges(n, &edges)
    }

    fn check_orthonormal(e: &Eigen, n: usize) {
        let r = e.rank();
        for i in 0..r {
            for j in 0..r {
                let d: f64 = (0..n as Node).map(|v| e.row(v)[i] * e.row(v)[j]).sum();
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((d - want).abs() < 1e-8, "u{i}.u{j} = {d}");
            }
        }
    }

    /// A u = lambda u for every pair returned.
    fn check_pairs(a: &Adjacency, e: &Eigen) {
        let n = a.len();
        for k in 0..e.rank() {
            let u: Vec<f64> = (0..n as Node).map(|v| e.row(v)[k]).collect();
            let mut au = vec![0.0; n];
            let (mut rows, mut sums) = (vec![0.0; n], vec![0.0; n]);
            a.apply_block(&u, &mut au, 1, &mut rows, &mut sums);
            for v in 0..n {
                assert!((au[v] - e.values[k] * u[v]).abs() < 1e-6, "pair {k}");
            }
        }
    }

    #[test]
    fn a_cycle_has_cosine_eigenvalues() {
        // The cycle of n has eigenvalues 2 cos(2 pi j / n): 2 once, then pairs.
        let n = 40;
        let a = cycle(n);
        let e = top_eigenpairs(&a, 5, 300);
        let mut want: Vec<f64> = (0..n)
            .map(|j| 2.0 * (2.0 * std::f64::consts::PI * j as f64 / n as f64).cos())
            .collect();
        want.sort_by(|x, y| y.abs().total_cmp(&x.abs()));
        assert!((e.values[0].abs() - 2.0).abs() < 1e-9, "{:?}", e.values);
        for (got, want) in e.values.iter().zip(&want) {
            assert!((got.abs() - want.abs()).abs() < 1e-6, "{:?}", e.values);
        }
        check_orthonormal(&e, n);
    }

    #[test]
    fn a_complete_graph_has_one_large_eigenvalue() {
        // K_n: n - 1 once (the all-ones vector), -1 for the rest.
        let n = 12;
        let a = complete(n);
        let e = top_eigenpairs(&a, 4, 60);
        assert!(
            (e.values[0] - (n as f64 - 1.0)).abs() < 1e-9,
            "{:?}",
            e.values
        );
        for k in 1..4 {
            assert!((e.values[k] + 1.0).abs() < 1e-9, "{:?}", e.values);
        }
        let first: Vec<f64> = (0..n as Node).map(|v| e.row(v)[0].abs()).collect();
        for x in &first {
            assert!((x - 1.0 / (n as f64).sqrt()).abs() < 1e-9);
        }
        check_orthonormal(&e, n);
        check_pairs(&a, &e);
    }

    #[test]
    fn a_star_has_rank_two() {
        // A star of 1 + m: eigenvalues +-sqrt(m), the rest 0; the block must survive the
        // collapse of the other directions.
        let m = 9;
        let edges: Vec<(Node, Node)> = (1..=m as Node).map(|b| (0, b)).collect();
        let a = Adjacency::from_edges(m + 1, &edges);
        let e = top_eigenpairs(&a, 2, 30);
        let mut v = e.values.clone();
        v.sort_by(f64::total_cmp);
        assert!(
            (v[0] + 3.0).abs() < 1e-9 && (v[1] - 3.0).abs() < 1e-9,
            "{v:?}"
        );
        check_orthonormal(&e, m + 1);
        check_pairs(&a, &e);
    }

    #[test]
    fn jacobi_solves_a_small_matrix() {
        let (vals, _) = jacobi(vec![2.0, 1.0, 1.0, 2.0], 2);
        let mut v = vals.clone();
        v.sort_by(f64::total_cmp);
        assert!((v[0] - 1.0).abs() < 1e-12 && (v[1] - 3.0).abs() < 1e-12);
    }
}
