//! Betweenness centrality: how often a contact lies on the shortest paths between two
//! others. Exact (Brandes 2001) for small networks; above that, estimated by sampling
//! shortest paths with the Riondato–Kornaropoulos bound (2016), which says how many
//! samples make every contact's estimate lie within ±ε of the exact value with
//! probability 1-δ. Both spread their work over all cores with rayon and give the same
//! answer on any number of threads.

use rayon::prelude::*;

use crate::graph::{Graph, Node};
use crate::query::stats::path_samples::{Sampler, samples_needed, vertex_diameter_bound};

/// Up to this many contacts betweenness is exact: every source, a few hundred ms at most.
pub const EXACT_UP_TO: usize = 2_000;
/// The stated accuracy of an estimate: every contact within ±`EPSILON` (in the ordered
/// pairs normalisation of the bound) with probability 1 - `DELTA`.
pub const EPSILON: f64 = 0.02;
pub const DELTA: f64 = 0.1;
const SEED: u64 = 0x6e65_7477_6562;

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// Per contact, normalised to 0..1 by the pairs of other contacts, `(n-1)(n-2)/2`.
    pub score: Vec<f64>,
    pub exact: bool,
    /// Shortest paths sampled (0 when exact).
    pub samples: usize,
    /// Every score is within this of the exact one with probability `1 - DELTA` (0 when exact).
    pub error: f64,
}

/// Exact for up to `EXACT_UP_TO` contacts, estimated within `EPSILON` above.
pub fn betweenness(g: &Graph) -> Estimate {
    if g.len() <= EXACT_UP_TO {
        Estimate {
            score: exact(g),
            exact: true,
            samples: 0,
            error: 0.0,
        }
    } else {
        estimate(g, EPSILON, DELTA, SEED)
    }
}

/// Brandes' algorithm from every source, sources split over the cores. Each chunk of
/// sources adds into its own scores, summed in chunk order so the floating-point result
/// never depends on the thread count.
pub fn exact(g: &Graph) -> Vec<f64> {
    let n = g.len();
    if n < 3 {
        return vec![0.0; n];
    }
    let sources: Vec<Node> = (0..n as Node).collect();
    let parts: Vec<Vec<f64>> = sources
        .par_chunks(64)
        .map(|chunk| {
            let mut state = Brandes::new(n);
            for &s in chunk {
                state.add_source(g, s);
            }
            state.score
        })
        .collect();
    let mut score = vec![0.0f64; n];
    for part in parts {
        for (total, x) in score.iter_mut().zip(part) {
            *total += x;
        }
    }
    // Each unordered pair was counted from both ends.
    let pairs = ((n - 1) * (n - 2)) as f64;
    for x in &mut score {
        *x /= pairs;
    }
    score
}

/// Sample shortest paths until the Riondato–Kornaropoulos bound holds for `epsilon`,
/// `delta`: r = (c/ε²)(⌊log2(VD-2)⌋ + 1 + ln(1/δ)), VD bounding the number of contacts on
/// any shortest path (c = 0.5, their constant). Each sample is a uniform pair of distinct
/// contacts and one of their shortest paths drawn uniformly; a contact's estimate is the
/// share of samples whose path runs through it. The number of samples depends only on the
/// diameter, not on the size, so a 100k network costs about what a 10k one does.
pub fn estimate(g: &Graph, epsilon: f64, delta: f64, seed: u64) -> Estimate {
    let n = g.len();
    if n < 3 {
        return Estimate {
            score: vec![0.0; n],
            exact: true,
            samples: 0,
            error: 0.0,
        };
    }
    let r = samples_needed(vertex_diameter_bound(g), epsilon, delta);
    // Fixed chunks with their own seeds: the same samples on any number of threads, and
    // integer counts, so the sum does not depend on the order either.
    const CHUNK: usize = 512;
    let chunks = r.div_ceil(CHUNK);
    let counts = (0..chunks)
        .into_par_iter()
        .fold(
            || (Sampler::new(n), vec![0u32; n]),
            |(mut sampler, mut counts), c| {
                let todo = CHUNK.min(r - c * CHUNK);
                sampler.reseed(seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                for _ in 0..todo {
                    sampler.sample(g, &mut counts);
                }
                (sampler, counts)
            },
        )
        .map(|(_, counts)| counts)
        .reduce(
            || vec![0u32; n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    // The bound is for the share of ordered pairs, `1/(n(n-1))`; ours divides by the
    // pairs of *other* contacts, a factor n/(n-2) larger.
    let scale = n as f64 / (n - 2) as f64;
    Estimate {
        score: counts
            .iter()
            .map(|&c| f64::from(c) / r as f64 * scale)
            .collect(),
        exact: false,
        samples: r,
        error: epsilon * scale,
    }
}

/// One thread's buffers for Brandes' algorithm. Predecessors are the neighbours one step
/// closer, so no lists are kept; the BFS order doubles as the queue.
struct Brandes {
    score: Vec<f64>,
    sigma: Vec<f64>,
    dist: Vec<u32>,
    delta: Vec<f64>,
    order: Vec<Node>,
}

impl Brandes {
    fn new(n: usize) -> Brandes {
        Brandes {
            score: vec![0.0; n],
            sigma: vec![0.0; n],
            dist: vec![u32::MAX; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    fn add_source(&mut self, g: &Graph, s: Node) {
        for &v in &self.order {
            let v = v as usize;
            self.sigma[v] = 0.0;
            self.dist[v] = u32::MAX;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.sigma[s as usize] = 1.0;
        self.dist[s as usize] = 0;
        self.order.push(s);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            let (dv, sv) = (self.dist[v as usize], self.sigma[v as usize]);
            for &w in g.neighbors(v) {
                let w = w as usize;
                if self.dist[w] == u32::MAX {
                    self.dist[w] = dv + 1;
                    self.order.push(w as Node);
                }
                if self.dist[w] == dv + 1 {
                    self.sigma[w] += sv;
                }
            }
        }
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let dw = self.dist[w];
            let share = (1.0 + self.delta[w]) / self.sigma[w];
            for &v in g.neighbors(w as Node) {
                let v = v as usize;
                if self.dist[v] + 1 == dw {
                    self.delta[v] += self.sigma[v] * share;
                }
            }
            if w != s as usize {
                self.score[w] += self.delta[w];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::tests::net;

    #[test]
    fn exact_on_small_shapes() {
        let path = net(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let b = exact(&Graph::build(&path));
        // Middle of 5: pairs (0,3),(0,4),(1,3),(1,4) pass through 2: 4 of 6.
        assert!((b[2] - 4.0 / 6.0).abs() < 1e-12);
        assert!((b[1] - 3.0 / 6.0).abs() < 1e-12);
        assert_eq!(b[0], 0.0);
        let star = net(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(exact(&Graph::build(&star))[0], 1.0);
    }

    /// The estimate keeps its promise on a generated network small enough for an exact
    /// answer in a debug build; the soak target checks a few thousand contacts.
    #[test]
    fn the_estimate_is_within_its_bound_of_the_exact_answer() {
        let n = crate::synthetic::generate(&crate::synthetic::Spec::scaled(400));
        let g = Graph::build(&n);
        let truth = exact(&g);
        let est = estimate(&g, 0.02, 0.1, 7);
        assert!(!est.exact);
        assert!(est.samples > 1_000, "{}", est.samples);
        let worst = truth
            .iter()
            .zip(&est.score)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst <= est.error, "worst {worst} > bound {}", est.error);
        // The same seed gives the same estimate.
        assert_eq!(estimate(&g, 0.02, 0.1, 7), est);
    }

    /// What docs/insight.md promises, on a few thousand contacts against exact Brandes:
    /// every estimate within the stated error, and the top brokers found.
    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "soak: slow unoptimised; cargo test --release --lib"
    )]
    fn the_brokers_of_a_few_thousand_match_exact_brandes() {
        for people in [3_000, 5_000] {
            let n = crate::synthetic::generate(&crate::synthetic::Spec::scaled(people));
            let g = Graph::build(&n);
            let truth = exact(&g);
            let est = estimate(&g, EPSILON, DELTA, SEED);
            let worst = truth
                .iter()
                .zip(&est.score)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            assert!(
                worst <= est.error,
                "{people}: worst {worst} > {}",
                est.error
            );
            let top = |s: &[f64], k: usize| {
                let mut v: Vec<usize> = (0..s.len()).collect();
                v.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
                v.truncate(k);
                v
            };
            // The exact top broker is among the estimated top 3, and the estimated top 10
            // hold at least 6 of the exact top 10.
            let (t10, e10) = (top(&truth, 10), top(&est.score, 10));
            assert!(
                top(&est.score, 3).contains(&t10[0]),
                "{people}: {t10:?} {e10:?}"
            );
            let shared = e10.iter().filter(|v| t10.contains(v)).count();
            eprintln!(
                "{people} contacts, {} samples: worst error {worst:.4} (bound {:.4}), top 10 shared {shared}",
                est.samples, est.error
            );
            assert!(shared >= 6, "{people}: {shared} of 10: {t10:?} {e10:?}");
        }
    }
}
