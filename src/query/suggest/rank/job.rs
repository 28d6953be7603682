//! One pass's shared state (`Job`) and how one candidate pair is weighed against the
//! running top-k: what the wedge and term walks both call.

use std::collections::BinaryHeap;
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;

use crate::graph::Node;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::bounds::{Partner, lowrank_pair};
use super::scratch::{Behind, Scratch};
use super::{Scope, Scored, Stage, offer, reaches};

/// What every visit of one pass shares.
pub(super) struct Job<'a> {
    pub(super) ctx: &'a Indexes<'a>,
    pub(super) model: &'a Model,
    pub(super) scope: &'a Scope,
    pub(super) stage: Stage<'a>,
    pub(super) k: usize,
    pub(super) min_score: f64,
    pub(super) bar: &'a AtomicU64,
    /// See `partner_bounds` (empty outside the wedge stage).
    pub(super) partner: &'a [Partner],
    /// When ranking all pairs (each seen once, from its first person).
    pub(super) behind: Option<&'a Behind>,
    /// `model.degree_floor()`.
    pub(super) floor: f64,
}

impl Job<'_> {
    /// `Model::combine`.
    pub(super) fn combine(&self, inputs: &[f64; 6], no_signal: bool) -> f64 {
        self.model.combine_above(inputs, no_signal, self.floor)
    }

    /// Pairs whose score bound is below this cannot make the list.
    pub(super) fn threshold(&self, heap: &BinaryHeap<Scored>) -> f64 {
        let shared = f64::from_bits(self.bar.load(Relaxed));
        let local = if heap.len() == self.k {
            heap.peek().map_or(0.0, |w| w.score)
        } else {
            0.0
        };
        local.max(shared).max(self.min_score)
    }

    /// Publishes a full heap's k-th score as a bar for every worker.
    pub(super) fn raise_bar(&self, heap: &BinaryHeap<Scored>) {
        if heap.len() == self.k
            && let Some(worst) = heap.peek()
        {
            // Scores are non-negative, and non-negative floats order like their bits.
            self.bar.fetch_max(worst.score.to_bits(), Relaxed);
        }
    }
}

/// Only partners after `x` when ranking all pairs (`Job::behind` is then known), so each
/// pair is seen once.
pub(super) fn partners_after(job: &Job, x: Node) -> Option<Node> {
    job.behind.map(|_| x)
}

/// Scores the pair of `x` and `y`, who share `common` contacts (and `mutual` resource
/// allocation, when the wedge count summed it), into the heap if it can
/// make the list. Cheapest first: bounds from table lookups, then the exact terms one by
/// one (the low-rank part, a few dozen products, after interests and needs), resource
/// allocation (a walk over both contact lists) last.
pub(super) fn consider(
    job: &Job,
    x: Node,
    y: Node,
    common: u32,
    mutual: Option<f64>,
    s: &Scratch,
    heap: &mut BinaryHeap<Scored>,
) {
    let (ctx, model, scope, k) = (job.ctx, job.model, job.scope, job.k);
    let g = ctx.g;
    let pair = if x < y { (x, y) } else { (y, x) };
    let threshold = job.threshold(heap);
    let (c, dx, dy) = (common as usize, g.degree(x), g.degree(y));
    let union = (dx + dy - c) as f64;
    let (interest_bound, needs_bound) = ctx.bounds(x, y);
    let ln = &s.ln;
    let mut inputs = [
        // Each mutual contact adds at most 1/2 (see least_common).
        mutual.map_or(s.half_ln[c], f64::ln_1p),
        ln[c],
        if union > 0.0 { c as f64 / union } else { 0.0 },
        ln[dx] + ln[dy],
        interest_bound,
        needs_bound,
    ];
    let no_signal = c == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
    // The low-rank part (0 without one): its bound until it is computed, just before
    // resource allocation.
    let mut lowrank = lowrank_pair(model, x, y);
    if no_signal || !reaches(job.combine(&inputs, false) + lowrank, threshold) {
        return;
    }
    // The exact interest and needs terms, the one whose bound is worth more first: it
    // has more to lose, and most pairs lose it (where needs dominate, two people who
    // could each help someone rarely help each other).
    let w = &model.weights;
    let needs_first = w[5] * inputs[5] > w[4] * inputs[4];
    for step in [needs_first, !needs_first] {
        if step {
            if inputs[5] > 0.0 {
                inputs[5] = ctx.needs.value(x, y);
            }
        } else {
            inputs[4] = ctx.interest_similarity(x, y);
        }
        if !reaches(job.combine(&inputs, false) + lowrank, threshold) {
            return;
        }
    }
    if let Some(l) = &model.lowrank {
        // In the pair's own order, as `Model::pair_score` adds it: the same score.
        lowrank = l.term(pair.0, pair.1);
        if !reaches(job.combine(&inputs, false) + lowrank, threshold) {
            return;
        }
    }
    inputs[0] = match mutual {
        Some(m) => m.ln_1p(),
        None if c > 0 => ctx.mutual(x, y).ln_1p(),
        None => 0.0,
    };
    let no_signal = c == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
    let local = job.combine(&inputs, no_signal);
    // A pair with no reason scores 0 whatever its low-rank part (`Model::pair_score`).
    let score = match &model.lowrank {
        Some(_) if !no_signal => local + lowrank,
        _ => local,
    };
    let candidate = Scored {
        score,
        a: pair.0,
        b: pair.1,
    };
    if offer(heap, k, scope, candidate, threshold) {
        job.raise_bar(heap);
    }
}
