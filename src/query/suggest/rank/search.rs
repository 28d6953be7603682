//! One pass over everyone, split over the machine's cores, and the exact scoring of
//! the pairs that survive the bounds.

use std::collections::BinaryHeap;
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;

use crate::graph::Node;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::bounds::{Partner, partner_bounds};
use super::scratch::{Behind, Scratch};
use super::terms::visit_terms;
use super::wedges::visit_wedges;
use super::{Scope, Scored, Stage, offer, reaches};

/// One pass over everyone, split over the machine's cores.
pub(super) fn search(
    ctx: &Indexes,
    model: &Model,
    scope: &Scope,
    k: usize,
    min_score: f64,
    stage: Stage,
    behind: Option<&Behind>,
) -> Vec<Scored> {
    let n = ctx.g.len();
    let mut people: Vec<Node> = match scope.only {
        Some(x) => vec![x],
        None => (0..n as Node)
            .filter(|&x| scope.allowed[x as usize])
            .collect(),
    };
    // Well-connected people first: their pairs score high early, which raises the bar
    // that lets every later pair be skipped on bounds alone.
    people.sort_by_key(|&x| std::cmp::Reverse(ctx.g.degree(x)));
    let partner = match stage {
        Stage::Wedges => partner_bounds(ctx, model),
        Stage::Terms { .. } => Vec::new(),
    };
    // The best k-th score any worker has seen: a lower bound of the final k-th score.
    let bar = AtomicU64::new(0f64.to_bits());
    let floor = model.degree_floor();
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(8);
    let threads = if people.len() < 2_000 { 1 } else { threads };
    let next = std::sync::atomic::AtomicUsize::new(0);
    const CHUNK: usize = 64;
    let heaps: Vec<BinaryHeap<Scored>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut scratch = Scratch::new(n);
                    let mut heap = BinaryHeap::with_capacity(k + 1);
                    loop {
                        let start = next.fetch_add(CHUNK, std::sync::atomic::Ordering::Relaxed);
                        if start >= people.len() {
                            break;
                        }
                        for &x in &people[start..(start + CHUNK).min(people.len())] {
                            let job = Job {
                                ctx,
                                model,
                                scope,
                                stage,
                                k,
                                min_score,
                                bar: &bar,
                                partner: &partner,
                                behind,
                                floor,
                            };
                            visit(&job, x, &mut scratch, &mut heap);
                        }
                    }
                    heap
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a worker panicked"))
            .collect()
    });
    let mut all: Vec<Scored> = heaps.into_iter().flat_map(BinaryHeap::into_vec).collect();
    all.sort();
    all.truncate(k);
    all
}

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

/// Scores every candidate partner of `x` (only partners after `x` when ranking all
/// pairs, so each pair is seen once) into the running top-k heap.
pub(super) fn visit(job: &Job, x: Node, s: &mut Scratch, heap: &mut BinaryHeap<Scored>) {
    match job.stage {
        Stage::Wedges => visit_wedges(job, x, s, heap),
        Stage::Terms { cap, eligible } => visit_terms(job, x, cap, eligible, s, heap),
    }
}

/// Only partners after `x` when ranking all pairs (`Job::behind` is then known), so each
/// pair is seen once.
pub(super) fn partners_after(job: &Job, x: Node) -> Option<Node> {
    job.behind.map(|_| x)
}

/// Scores the pair of `x` and `y`, who share `common` contacts, into the heap if it can
/// make the list. Cheapest first: bounds from table lookups, then the exact terms one by
/// one, resource allocation (a walk over both contact lists) last.
pub(super) fn consider(
    job: &Job,
    x: Node,
    y: Node,
    common: u32,
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
        s.half_ln[c], // each mutual contact adds at most 1/2 (see least_common)
        ln[c],
        if union > 0.0 { c as f64 / union } else { 0.0 },
        ln[dx] + ln[dy],
        interest_bound,
        needs_bound,
    ];
    let no_signal = c == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
    if no_signal || !reaches(job.combine(&inputs, false), threshold) {
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
        if !reaches(job.combine(&inputs, false), threshold) {
            return;
        }
    }
    inputs[0] = if c > 0 { ctx.mutual(x, y).ln_1p() } else { 0.0 };
    let no_signal = c == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
    let score = job.combine(&inputs, no_signal);
    let candidate = Scored {
        score,
        a: pair.0,
        b: pair.1,
    };
    if offer(heap, k, scope, candidate, threshold) {
        job.raise_bar(heap);
    }
}
