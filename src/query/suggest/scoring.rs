//! How the signals combine into one score: a linear model over a few transformed
//! features, its weights fitted to the owner's own network (see `fit.rs`), so a network
//! where shared interests predict who knows whom leans on interests and one where mutual
//! friends do leans on those. docs/ranking.md explains the choice and the measurements.

use crate::graph::Node;
use crate::query::suggest::features::{DEGREE, DIM, Features, inputs};
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::spectral::Eigen;
use crate::query::vocab::idf;

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weight per input, in the inputs' own units.
    pub weights: [f64; DIM],
    /// The network's largest degree, for bounding the degree input.
    pub max_degree: usize,
    /// The low-rank inputs, when the held-out fit chose them (up to about 30,000 people;
    /// see `heldout.rs`). The ranker bounds them person by person (`LowRank::reach`).
    pub lowrank: Option<LowRank>,
    /// What the held-out fit's guard measured and chose (for `NETWEB_DEBUG_MODEL`).
    pub guard: Option<Guard>,
}

/// The held-out fit's guard: cross-validated precision of each choice of input groups,
/// indexed by its bits (`INTERESTS`, `LOWRANK`), and the choice kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guard {
    pub measured: [f64; 4],
    pub choice: usize,
}

impl Guard {
    /// The choice's bit for shared interests.
    pub const INTERESTS: usize = 1;
    /// The choice's bit for the low-rank inputs.
    pub const LOWRANK: usize = 2;
}

/// The low-rank part of a score: `sum over r of w_r * lr_r(x, y)`, where
/// `lr_r(x, y) = sum over k <= r of lambda_k u_k(x) u_k(y)`.
#[derive(Debug, Clone, PartialEq)]
pub struct LowRank {
    pub eigen: Eigen,
    /// The ranks r of the inputs, ascending, and their weights.
    pub ranks: Vec<usize>,
    pub weights: Vec<f64>,
    /// Per eigenpair k: lambda_k times the sum of the weights of the ranks that include it.
    coef: Vec<f64>,
    /// What every low-rank part is shifted by so that it is never negative: by
    /// Cauchy-Schwarz |sum c_k u_k(x) u_k(y)| <= max over v of sum |c_k| u_k(v)^2.
    pub floor: f64,
    /// Per person v: the lengths sqrt(sum c_k u_k(v)^2) over the eigenpairs with c_k > 0
    /// and with c_k < 0, which bound a pair's low-rank part person by person (`reach`).
    norms: Vec<[f64; 2]>,
    /// The largest of each length over everyone.
    most: [f64; 2],
}

impl LowRank {
    pub fn new(eigen: Eigen, ranks: Vec<usize>, weights: Vec<f64>) -> LowRank {
        let coef: Vec<f64> = (0..eigen.rank())
            .map(|k| {
                let w: f64 = ranks
                    .iter()
                    .zip(&weights)
                    .filter(|(r, _)| k < **r)
                    .map(|(_, w)| w)
                    .sum();
                eigen.values[k] * w
            })
            .collect();
        let n = eigen.vectors.len() / eigen.rank().max(1);
        let floor = (0..n as Node)
            .map(|v| {
                eigen
                    .row(v)
                    .iter()
                    .zip(&coef)
                    .map(|(u, c)| c.abs() * u * u)
                    .sum::<f64>()
            })
            .fold(0.0, f64::max);
        let norms: Vec<[f64; 2]> = (0..n as Node)
            .map(|v| {
                let mut sums = [0.0; 2];
                for (u, c) in eigen.row(v).iter().zip(&coef) {
                    sums[usize::from(*c < 0.0)] += c.abs() * u * u;
                }
                sums.map(f64::sqrt)
            })
            .collect();
        let most = norms
            .iter()
            .fold([0.0f64; 2], |m, v| [m[0].max(v[0]), m[1].max(v[1])]);
        LowRank {
            eigen,
            ranks,
            weights,
            coef,
            floor,
            norms,
            most,
        }
    }

    /// An upper bound of `raw(a, b)` from the two people's lengths alone: Cauchy-Schwarz
    /// over the eigenpairs of each sign, sum over c_k > 0 of c_k u_k(a) u_k(b) being at
    /// most p(a) p(b) and the (negated) rest at most n(a) n(b). It is at most
    /// ||a|| ||b|| <= `floor`, and far below it for the many people with small
    /// coordinates, which is what lets the ranker skip them.
    pub fn reach(&self, a: Node, b: Node) -> f64 {
        let (x, y) = (self.norms[a as usize], self.norms[b as usize]);
        x[0] * y[0] + x[1] * y[1]
    }

    /// An upper bound of `raw(a, anyone)`.
    pub fn person_reach(&self, a: Node) -> f64 {
        let x = self.norms[a as usize];
        (x[0] * self.most[0] + x[1] * self.most[1]).min(self.floor)
    }

    /// The pair's low-rank part, shifted to be at least 0.
    pub fn term(&self, a: Node, b: Node) -> f64 {
        self.raw(a, b) + self.floor
    }

    /// The pair's low-rank part before the shift: above 0 where the two sit in the same
    /// dense part of the network, below 0 where they sit apart.
    pub fn raw(&self, a: Node, b: Node) -> f64 {
        let (x, y) = (self.eigen.row(a), self.eigen.row(b));
        x.iter()
            .zip(y)
            .zip(&self.coef)
            .map(|((u, v), c)| c * u * v)
            .sum()
    }
}

impl Model {
    /// A model over the local inputs only.
    pub fn new(weights: [f64; DIM], max_degree: usize) -> Model {
        Model {
            weights,
            max_degree,
            lowrank: None,
            guard: None,
        }
    }

    /// A pair's full score: `score` plus the low-rank part when the model has one. Only a
    /// pair with a reason (a mutual contact, a shared interest, a met need) scores above 0.
    pub fn pair_score(&self, f: &Features, a: Node, b: Node) -> f64 {
        let base = self.score(f);
        let no_signal = f.common == 0 && f.interests <= 0.0 && f.needs <= 0.0;
        match &self.lowrank {
            Some(l) if !no_signal => base + l.term(a, b),
            _ => base,
        }
    }

    /// A pair's score: the weighted inputs. Only the order matters, so there is no
    /// intercept. 0 means "no reason at all"; pairs at or below 0 are never suggested.
    pub fn score(&self, f: &Features) -> f64 {
        let no_signal = f.common == 0 && f.interests <= 0.0 && f.needs <= 0.0;
        self.combine(&inputs(f), no_signal)
    }

    /// The score from ready-made inputs (the ranker computes them with lookup tables).
    pub fn combine(&self, x: &[f64; DIM], no_signal: bool) -> f64 {
        self.combine_above(x, no_signal, self.degree_floor())
    }

    /// `combine`, given `degree_floor()` (a logarithm the ranker computes once, not for
    /// each of millions of pairs).
    pub fn combine_above(&self, x: &[f64; DIM], no_signal: bool, floor: f64) -> f64 {
        if no_signal {
            return 0.0;
        }
        x.iter().zip(&self.weights).map(|(a, w)| a * w).sum::<f64>() - floor
    }

    /// What every score is shifted by, so that a pair with no signal scores at most 0
    /// whatever the degrees.
    pub fn degree_floor(&self) -> f64 {
        self.weights[DEGREE].min(0.0) * 2.0 * (self.max_degree as f64).ln_1p()
    }

    /// The most a pair with no mutual contact could score.
    pub fn unconnected_bound(&self, ctx: &Indexes) -> f64 {
        self.without_contact(ctx.max_interest_bound(), ctx.needs.max_value())
    }

    /// The most a pair could score that the ranker never reached at this cap: no mutual
    /// contact, interests and needs only among terms held by more than `cap` people.
    pub fn unreached_bound(&self, ctx: &Indexes, cap: usize) -> f64 {
        let idf_cut = idf(ctx.g.len() as f64, cap + 1);
        self.without_contact(idf_cut, ctx.needs.unreached_bound(cap))
    }

    /// The score of a pair with no mutual contact, these signals, and the most favourable degrees.
    fn without_contact(&self, interests: f64, needs: f64) -> f64 {
        let worst_degree = if self.weights[DEGREE] > 0.0 {
            self.max_degree
        } else {
            0
        };
        let degrees = (worst_degree, worst_degree);
        let local = self.score(&Features {
            mutual: 0.0,
            common: 0,
            degrees,
            interests,
            needs,
        });
        // The low-rank part counts only for a pair with a reason, and is at most twice
        // its shift (`LowRank::reach` is at most the shift).
        match &self.lowrank {
            Some(l) if interests > 0.0 || needs > 0.0 => local + 2.0 * l.floor,
            _ => local,
        }
    }
}
