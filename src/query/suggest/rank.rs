//! Finding the best-scoring pairs without scoring all pairs.
//!
//! Candidates come from three places: people two hops apart (accumulated per person
//! over "wedges" x - z - y, which also yields their mutual-contact score), people who
//! share an interest held by at most `cap` people (the inverted index), and people whose
//! offers meet the other's seeks through a phrase held by at most `cap` people.
//!
//! Pairs found none of these ways share no contact, and only interests and needs held by
//! more than `cap` people, so their interest and need signals are bounded by the rarity
//! of such common terms. If the k-th best score found beats that bound, no pair left out
//! could have made the list, and the answer is exact. If not, `cap` grows and the search
//! runs again, up to every term: the cap changes the cost, never the result.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;

use crate::graph::Node;
use crate::query::suggest::model::Model;
use crate::query::suggest::signals::Context;

/// What may be suggested.
pub struct Scope {
    /// Only pairs that include this person.
    pub only: Option<Node>,
    /// People who may appear at all (open to introductions, passing the filters).
    pub allowed: Vec<bool>,
    /// Pairs already introduced, (smaller, larger).
    pub introduced: HashSet<(Node, Node)>,
    /// A test every pair must also pass (e.g. "shares this interest").
    pub pair_filter: Option<Box<dyn Fn(Node, Node) -> bool + Sync>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub score: f64,
    pub a: Node,
    pub b: Node,
}

impl Eq for Scored {}

impl Ord for Scored {
    /// Best first: higher score, then the lower pair, so equal scores order the same way
    /// on every run.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| (self.a, self.b).cmp(&(other.a, other.b)))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The `k` best pairs scoring above `min_score`, best first.
pub fn top_pairs(
    ctx: &Context,
    model: &Model,
    scope: &Scope,
    k: usize,
    min_score: f64,
) -> Vec<Scored> {
    top_pairs_from(ctx, model, scope, k, min_score, None)
}

/// The same; `start_cap` forces the first cap of the second stage (tests start it at 1
/// so the bound, not the first guess, decides when to stop).
pub fn top_pairs_from(
    ctx: &Context,
    model: &Model,
    scope: &Scope,
    k: usize,
    min_score: f64,
    start_cap: Option<usize>,
) -> Vec<Scored> {
    if k == 0 || ctx.g.len() < 2 {
        return Vec::new();
    }
    let floor = min_score.max(0.0);
    let threshold = |found: &[Scored]| {
        if found.len() == k {
            found[k - 1].score.max(floor)
        } else {
            floor
        }
    };
    // Stage 1: every pair with a mutual contact, scored exactly.
    let mut found = search(ctx, model, scope, k, floor, Stage::Wedges);
    // Stage 2: pairs with no mutual contact, through terms held by at most `cap` people.
    // The cap is the smallest whose bound the best pairs so far already beat.
    let max_df = max_holders(ctx);
    let mut cap = start_cap.unwrap_or_else(|| {
        let theta = threshold(&found);
        let mut c = 1;
        while c < max_df && !hopeless(model.unreached_bound(ctx, c), theta) {
            c *= 2;
        }
        c
    });
    loop {
        if hopeless(model.unconnected_bound(ctx), threshold(&found)) {
            return found;
        }
        let theta = threshold(&found);
        let who = eligible(ctx, model, theta);
        let more = search(
            ctx,
            model,
            scope,
            k,
            theta,
            Stage::Terms {
                cap,
                eligible: &who,
            },
        );
        found.extend(more);
        found.sort();
        found.dedup_by_key(|s| (s.a, s.b));
        found.truncate(k);
        if cap >= max_df || hopeless(model.unreached_bound(ctx, cap), threshold(&found)) {
            return found;
        }
        cap = (cap * 4).min(max_df);
    }
}

/// Whether pairs bounded by `bound` can be skipped: they score nothing, or less than the
/// k-th best so far (equal scores are kept: they may win on the tie-break).
fn hopeless(bound: f64, threshold: f64) -> bool {
    bound <= 0.0 || bound < threshold
}

fn max_holders(ctx: &Context) -> usize {
    let i = &ctx.interests;
    let (o, s) = (&ctx.needs.offers, &ctx.needs.seeks);
    (0..i.len() as u32)
        .map(|t| i.holders(t).len())
        .chain((0..o.len() as u32).map(|t| o.holders(t).len()))
        .chain((0..s.len() as u32).map(|t| s.holders(t).len()))
        .max()
        .unwrap_or(0)
}

/// Which pairs a pass looks at.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage<'e> {
    /// Pairs two hops apart.
    Wedges,
    /// Pairs with no mutual contact that share an interest, or meet a need, through a term
    /// held by at most `cap` people, among people who could reach the threshold at all.
    Terms { cap: usize, eligible: &'e [bool] },
}

/// Who could score above `threshold` with someone they share no contact with: their
/// rarest interest, the most their needs and offers can be worth, and the degree term
/// at its most favourable are each a bound on any such pair they are part of.
fn eligible(ctx: &Context, model: &Model, threshold: f64) -> Vec<bool> {
    let g = ctx.g;
    let other_degree = if model.weights[3] > 0.0 {
        model.max_degree
    } else {
        0
    };
    (0..g.len() as Node)
        .map(|v| {
            let inputs = [
                0.0,
                0.0,
                0.0,
                (g.degree(v) as f64).ln_1p() + (other_degree as f64).ln_1p(),
                ctx.interest_bound(v, v),
                ctx.needs.person_bound(v),
            ];
            let no_signal = inputs[4] <= 0.0 && inputs[5] <= 0.0;
            !no_signal && !hopeless(model.combine(&inputs, false), threshold)
        })
        .collect()
}

/// Per-thread scratch space, reused across people so a pass allocates nothing per person.
struct Scratch {
    slots: Vec<Slot>,
    touched: Vec<Node>,
    epoch: u32,
    /// ln(1 + i) for every count up to the largest degree.
    ln: Vec<f64>,
}

/// Everything a pass keeps about one candidate partner, together in one cache line.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The epoch in which this slot was last reset (stale otherwise).
    seen: u32,
    /// The epoch in which this person was marked as linked to x (or scored in stage 1).
    neighbour: u32,
    common: u32,
    mutual: f64,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            slots: vec![Slot::default(); n],
            touched: Vec::new(),
            epoch: 0,
            ln: (0..=n).map(|i| (i as f64).ln_1p()).collect(),
        }
    }

    fn touch(&mut self, y: Node) -> &mut Slot {
        let epoch = self.epoch;
        let slot = &mut self.slots[y as usize];
        if slot.seen != epoch {
            *slot = Slot {
                seen: epoch,
                neighbour: slot.neighbour,
                common: 0,
                mutual: 0.0,
            };
            self.touched.push(y);
        }
        slot
    }
}

/// One pass over everyone, split over the machine's cores.
fn search(
    ctx: &Context,
    model: &Model,
    scope: &Scope,
    k: usize,
    min_score: f64,
    stage: Stage,
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
    // The best k-th score any worker has seen: a lower bound of the final k-th score.
    let bar = AtomicU64::new(0f64.to_bits());
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
struct Job<'a> {
    ctx: &'a Context<'a>,
    model: &'a Model,
    scope: &'a Scope,
    stage: Stage<'a>,
    k: usize,
    min_score: f64,
    bar: &'a AtomicU64,
}

impl Job<'_> {
    /// Pairs whose score bound is below this cannot make the list.
    fn threshold(&self, heap: &BinaryHeap<Scored>) -> f64 {
        let shared = f64::from_bits(self.bar.load(Relaxed));
        let local = if heap.len() == self.k {
            heap.peek().map_or(0.0, |w| w.score)
        } else {
            0.0
        };
        local.max(shared).max(self.min_score)
    }

    /// Publishes a full heap's k-th score as a bar for every worker.
    fn raise_bar(&self, heap: &BinaryHeap<Scored>) {
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
fn visit(job: &Job, x: Node, s: &mut Scratch, heap: &mut BinaryHeap<Scored>) {
    let (ctx, model, scope, stage, k) = (job.ctx, job.model, job.scope, job.stage, job.k);
    let g = ctx.g;
    s.epoch += 1;
    s.touched.clear();
    let after = if scope.only.is_some() { None } else { Some(x) };
    let wanted = |y: Node| y != x && after.is_none_or(|a| y > a) && scope.allowed[y as usize];
    if let Stage::Terms { eligible, .. } = stage
        && !eligible[x as usize]
    {
        return;
    }

    for &y in g.neighbors(x) {
        s.slots[y as usize].neighbour = s.epoch;
    }
    for &z in g.neighbors(x) {
        let w = 1.0 / g.degree(z) as f64;
        let ys = g.neighbors(z);
        // Neighbour lists are sorted: when only partners after x count, skip straight to them.
        let from = after.map_or(0, |a| ys.partition_point(|&y| y <= a));
        for &y in &ys[from..] {
            if y != x && scope.allowed[y as usize] {
                let slot = s.touch(y);
                slot.mutual += w;
                slot.common += 1;
            }
        }
    }
    if let Stage::Terms { cap, eligible } = stage {
        let wanted = |y: Node| wanted(y) && eligible[y as usize];
        // Pairs with a mutual contact were scored in the first stage: mark and skip them.
        for &y in &s.touched {
            s.slots[y as usize].neighbour = s.epoch;
        }
        s.touched.clear();
        for &t in ctx.interests.of(x) {
            let holders = ctx.interests.holders(t);
            if holders.len() <= cap {
                for &y in holders {
                    if wanted(y) {
                        s.touch(y);
                    }
                }
            }
        }
        let needs = &ctx.needs;
        if !needs.is_empty() {
            let found: Vec<Node> = needs
                .helpers_of(x, cap)
                .chain(needs.helped_by(x, cap))
                .filter(|&y| wanted(y))
                .collect();
            for y in found {
                s.touch(y);
            }
        }
    }

    let touched = std::mem::take(&mut s.touched);
    for &y in &touched {
        let yi = y as usize;
        let slot = s.slots[yi];
        if slot.neighbour == s.epoch {
            continue;
        }
        let pair = if x < y { (x, y) } else { (y, x) };
        let threshold = job.threshold(heap);
        // Cheapest first: bounds from table lookups, then the exact terms one by one.
        let (common, dx, dy) = (slot.common as usize, g.degree(x), g.degree(y));
        let union = (dx + dy - common) as f64;
        let ln = &s.ln;
        let (interest_bound, needs_bound) = ctx.bounds(x, y);
        let mut inputs = [
            ln[common], // ln(1 + mutual) <= ln(1 + common): each contact adds at most 1
            ln[common],
            if union > 0.0 {
                common as f64 / union
            } else {
                0.0
            },
            ln[dx] + ln[dy],
            interest_bound,
            needs_bound,
        ];
        let no_signal = common == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
        // Strictly below: a pair scoring exactly the threshold may still win on the tie-break.
        if no_signal || model.combine(&inputs, false) < threshold {
            continue;
        }
        inputs[0] = slot.mutual.ln_1p();
        if model.combine(&inputs, false) < threshold {
            continue;
        }
        inputs[4] = ctx.interest_similarity(x, y);
        if model.combine(&inputs, false) < threshold {
            continue;
        }
        if inputs[5] > 0.0 {
            inputs[5] = ctx.needs.value(x, y);
        }
        let no_signal = common == 0 && inputs[4] <= 0.0 && inputs[5] <= 0.0;
        let score = model.combine(&inputs, no_signal);
        let candidate = Scored {
            score,
            a: pair.0,
            b: pair.1,
        };
        if score <= 0.0
            || score < threshold
            || (heap.len() == k && heap.peek().is_some_and(|w| candidate >= *w))
        {
            continue;
        }
        // Rare exclusions last: most candidates never get this far.
        if scope.introduced.contains(&pair) {
            continue;
        }
        if let Some(filter) = &scope.pair_filter
            && !filter(pair.0, pair.1)
        {
            continue;
        }
        heap.push(candidate);
        if heap.len() > k {
            heap.pop();
        }
        job.raise_bar(heap);
    }
    s.touched = touched;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::query::suggest::model::Features;
    use crate::query::suggest::{Options, fit, scope};
    use crate::synthetic::{Spec, generate};

    /// Every unlinked, allowed pair scored exactly: the answer the ranker must match.
    fn brute_force(ctx: &Context, model: &Model, scope: &Scope, k: usize) -> Vec<Scored> {
        let n = ctx.g.len() as Node;
        let mut all = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                if ctx.g.linked(a, b)
                    || !scope.allowed[a as usize]
                    || !scope.allowed[b as usize]
                    || scope.introduced.contains(&(a, b))
                {
                    continue;
                }
                if scope.only.is_some_and(|x| x != a && x != b) {
                    continue;
                }
                let sig = ctx.signals(a, b);
                let f = Features {
                    mutual: sig.mutual,
                    common: ctx.mutual_contacts(a, b).count() as u32,
                    degrees: (ctx.g.degree(a), ctx.g.degree(b)),
                    interests: sig.interests,
                    needs: sig.needs,
                };
                let score = model.score(&f);
                if score > 0.0 {
                    all.push(Scored { score, a, b });
                }
            }
        }
        all.sort();
        all.truncate(k);
        all
    }

    fn same(found: &[Scored], expected: &[Scored]) {
        assert_eq!(found.len(), expected.len());
        for (f, e) in found.iter().zip(expected) {
            assert!((f.score - e.score).abs() < 1e-9, "{f:?} vs {e:?}");
            assert_eq!((f.a, f.b), (e.a, e.b));
        }
    }

    #[test]
    fn pruning_never_changes_the_top_pairs() {
        for seed in [1, 2] {
            let spec = Spec {
                seed,
                ..Spec::scaled(250)
            };
            let net = generate(&spec);
            let g = Graph::build(&net);
            let ctx = Context::new(&g);
            let fitted = fit::fit(&ctx);
            let prior = Model {
                weights: fit::PRIOR,
                max_degree: fitted.max_degree,
            };
            for model in [fitted, prior] {
                let sc = scope(&ctx, &Options::default());
                for k in [1, 20, 200] {
                    let expected = brute_force(&ctx, &model, &sc, k);
                    // A start cap of 1 forces the bound check to decide when to stop.
                    for start in [Some(1), Some(8), None] {
                        same(&top_pairs_from(&ctx, &model, &sc, k, 0.0, start), &expected);
                    }
                }
                let one = Options {
                    for_person: Some(net.people[7].id.clone()),
                    ..Options::default()
                };
                let sc = scope(&ctx, &one);
                same(
                    &top_pairs_from(&ctx, &model, &sc, 15, 0.0, Some(1)),
                    &brute_force(&ctx, &model, &sc, 15),
                );
            }
        }
    }
}
