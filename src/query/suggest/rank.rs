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
use crate::query::suggest::candidates::Candidates;
use crate::query::suggest::model::Model;
use crate::query::suggest::needs::Masks;
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
    if model.lowrank.is_some() {
        return exhaustive(ctx, model, scope, k, floor);
    }
    let threshold = |found: &[Scored]| {
        if found.len() == k {
            found[k - 1].score.max(floor)
        } else {
            floor
        }
    };
    let behind = scope.only.is_none().then(|| Behind::new(ctx.g));
    let behind = behind.as_ref();
    // Stage 1: every pair with a mutual contact, scored exactly.
    let mut found = search(ctx, model, scope, k, floor, Stage::Wedges, behind);
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
            behind,
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
    let ln = ln_1p_of_degrees(g);
    let other = (other_degree as f64).ln_1p();
    (0..g.len() as Node)
        .map(|v| {
            let inputs = [
                0.0,
                0.0,
                0.0,
                ln[g.degree(v)] + other,
                ctx.person_interest_bound(v),
                ctx.needs.person_bound(v),
            ];
            let no_signal = inputs[4] <= 0.0 && inputs[5] <= 0.0;
            !no_signal && !hopeless(model.combine(&inputs, false), threshold)
        })
        .collect()
}

/// ln(1 + d) for every degree the graph has: one logarithm per degree instead of one
/// per person (100k of them, in passes that run on one thread).
fn ln_1p_of_degrees(g: &crate::graph::Graph) -> Vec<f64> {
    let most = (0..g.len() as Node).map(|v| g.degree(v)).max().unwrap_or(0);
    (0..=most).map(|d| (d as f64).ln_1p()).collect()
}

/// Per-thread scratch space, reused across people so a pass allocates nothing per person.
struct Scratch {
    /// Per person: how many contacts they share with the person being visited, or
    /// `BLOCKED` and up for the visited person and their contacts (never candidates).
    /// Four bytes a person keep the array in the core's own cache at 100,000 people; the
    /// wedge pass increments it 30 million times there, in random order.
    common: Vec<u32>,
    touched: Vec<Node>,
    blocked: Vec<Node>,
    /// Per count of mutual contacts, the part of the visited person's pair bounds that
    /// depends on them and the count alone.
    by_count: Vec<f64>,
    /// ln(1 + i) for every count up to the largest degree.
    ln: Vec<f64>,
    /// ln(1 + i/2), likewise: the mutual-contact input's bound for i mutual contacts.
    half_ln: Vec<f64>,
}

/// Marks a person who cannot be paired with the visited one. Increments cannot reach it
/// from 0, nor overflow from it: a visit adds at most the number of two-hop paths from
/// one person, far below 2^31.
const BLOCKED: u32 = 1 << 31;

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            common: vec![0; n],
            touched: Vec::new(),
            blocked: Vec::new(),
            by_count: Vec::new(),
            ln: (0..=n).map(|i| (i as f64).ln_1p()).collect(),
            half_ln: (0..=n).map(|i| (i as f64 / 2.0).ln_1p()).collect(),
        }
    }

    /// Blocks `x` and their contacts for this visit.
    fn block(&mut self, g: &crate::graph::Graph, x: Node) {
        for y in std::iter::once(x).chain(g.neighbors(x).iter().copied()) {
            if self.common[y as usize] < BLOCKED {
                self.common[y as usize] = BLOCKED;
                self.blocked.push(y);
            }
        }
    }

    /// Counts, per person two hops from `x`, the contacts they share with `x`, noting each
    /// one the first time. Given where `x` sits in each contact's list (`Behind::of`),
    /// only partners after `x` count.
    fn count_wedges(&mut self, g: &crate::graph::Graph, x: Node, behind: Option<&[u32]>) {
        // Each list below starts with a wait for memory. Asking for all of them first, in
        // a loop whose loads do not depend on each other, lets the core wait for them
        // together instead of one after another.
        let mut first = 0;
        for (i, &z) in g.neighbors(x).iter().enumerate() {
            let from = behind.map_or(0, |at| at[i] as usize);
            first ^= g.neighbors(z).get(from).copied().unwrap_or(0);
        }
        std::hint::black_box(first);
        for (i, &z) in g.neighbors(x).iter().enumerate() {
            let ys = g.neighbors(z);
            let from = behind.map_or(0, |at| at[i] as usize + 1);
            for &y in &ys[from..] {
                let c = &mut self.common[y as usize];
                *c += 1;
                if *c == 1 {
                    self.touched.push(y);
                }
            }
        }
    }

    /// Back to all zeros, ready for the next visit.
    fn unblock(&mut self) {
        for &y in &self.blocked {
            self.common[y as usize] = 0;
        }
        self.blocked.clear();
    }
}

/// Per person y, what bounds any pair's score from y's side: the degree term's share of
/// y (weighted), and the most y could share with anyone in interests, the most y's
/// offers are worth to anyone, the most an offer is worth to y (rounded up, so each
/// stays a bound), and who y can help or be helped by at all (`Masks`). One 32-byte
/// record a person, so the check that drops most candidates reads one small record
/// instead of several scattered ones.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Partner {
    bounds: [f32; 4],
    masks: Masks,
}

fn partner_bounds(ctx: &Context, model: &Model) -> Vec<Partner> {
    let up = |v: f64| (v as f32).next_up();
    let ln = ln_1p_of_degrees(ctx.g);
    (0..ctx.g.len() as Node)
        .map(|y| {
            let (offer, seek) = ctx.needs.person_parts(y);
            Partner {
                bounds: [
                    up(model.weights[3] * ln[ctx.g.degree(y)]),
                    up(ctx.person_interest_bound(y)),
                    up(offer),
                    up(seek),
                ],
                masks: ctx.needs.masks(y),
            }
        })
        .collect()
}

/// For the `i`-th contact `z` of each person `x`, where `x` sits in `z`'s own sorted
/// contact list: a pass that wants only partners after `x` starts `z`'s list right
/// behind it, known without reading the list (a binary search read it, one wait for
/// memory after another), so `count_wedges` can ask for every list it will read at once.
struct Behind {
    start: Vec<usize>,
    at: Vec<u32>,
}

impl Behind {
    fn new(g: &crate::graph::Graph) -> Behind {
        let n = g.len();
        let mut start = Vec::with_capacity(n + 1);
        start.push(0);
        for x in 0..n as Node {
            start.push(start[x as usize] + g.degree(x));
        }
        // Visiting people in increasing order meets each z's contacts in the order of
        // z's sorted list, so a count per z is the place of the one met.
        let mut seen = vec![0u32; n];
        let mut at = Vec::with_capacity(start[n]);
        for x in 0..n as Node {
            for &z in g.neighbors(x) {
                at.push(seen[z as usize]);
                seen[z as usize] += 1;
            }
        }
        Behind { start, at }
    }

    /// Per contact of `x`, in `g.neighbors(x)` order.
    fn of(&self, x: Node) -> &[u32] {
        &self.at[self.start[x as usize]..self.start[x as usize + 1]]
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
struct Job<'a> {
    ctx: &'a Context<'a>,
    model: &'a Model,
    scope: &'a Scope,
    stage: Stage<'a>,
    k: usize,
    min_score: f64,
    bar: &'a AtomicU64,
    /// See `partner_bounds` (empty outside the wedge stage).
    partner: &'a [Partner],
    /// When ranking all pairs (each seen once, from its first person).
    behind: Option<&'a Behind>,
    /// `model.degree_floor()`.
    floor: f64,
}

impl Job<'_> {
    /// `Model::combine`.
    fn combine(&self, inputs: &[f64; 6], no_signal: bool) -> f64 {
        self.model.combine_above(inputs, no_signal, self.floor)
    }

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
    match job.stage {
        Stage::Wedges => visit_wedges(job, x, s, heap),
        Stage::Terms { cap, eligible } => visit_terms(job, x, cap, eligible, s, heap),
    }
}

/// Only partners after `x` when ranking all pairs (`Job::behind` is then known), so each
/// pair is seen once.
fn partners_after(job: &Job, x: Node) -> Option<Node> {
    job.behind.map(|_| x)
}

/// Pairs of `x` with people they share a contact with.
fn visit_wedges(job: &Job, x: Node, s: &mut Scratch, heap: &mut BinaryHeap<Scored>) {
    let g = job.ctx.g;
    // Nothing else about x and a partner is known yet, so the partner's own facts are
    // taken at their most favourable: the fewest mutual contacts that could still reach
    // the bar holds for every partner, and x needs no visit if even all of x's contacts
    // would not do.
    let Some(least) = least_common(job, x, job.threshold(heap), s) else {
        return;
    };
    s.block(g, x);
    s.count_wedges(g, x, job.behind.map(|b| b.of(x)));
    // The rest of the bound, from x and the count alone.
    let w = &job.model.weights;
    let dx = g.degree(x);
    let own = w[3] * s.ln[dx] - job.floor;
    s.by_count.clear();
    s.by_count.extend(
        (0..=dx)
            .map(|c| w[0] * s.half_ln[c] + w[1] * s.ln[c] + w[2] * (c as f64 / dx as f64) + own),
    );
    let (offer, seek) = job.ctx.needs.person_parts(x);
    let masks = job.ctx.needs.masks(x);
    let interests = job.ctx.person_interest_bound(x);
    let touched = std::mem::take(&mut s.touched);
    for &y in &touched {
        let common = std::mem::take(&mut s.common[y as usize]);
        if common < least {
            continue;
        }
        let partner = &job.partner[y as usize];
        let [degree, y_interests, y_offer, y_seek] = partner.bounds.map(f64::from);
        let one = if masks.may_help(partner.masks) {
            offer.min(y_seek)
        } else {
            0.0
        };
        let other = if partner.masks.may_help(masks) {
            y_offer.min(seek)
        } else {
            0.0
        };
        let bound = s.by_count[common as usize]
            + degree
            + w[4] * interests.min(y_interests)
            + w[5] * (one + other + one.min(other));
        if !reaches(bound, job.threshold(heap)) || !job.scope.allowed[y as usize] {
            continue;
        }
        consider(job, x, y, common, s, heap);
    }
    s.touched = touched;
    s.touched.clear();
    s.unblock();
}

/// The fewest mutual contacts with which a partner of `x` could score at least
/// `threshold`, or None if no number would do. Each input is bounded for a partner with
/// `c` mutual contacts: resource allocation by c/2 (each mutual contact knows both, so
/// has at least two contacts), Jaccard and the degree term together by the partner's
/// degree at its most favourable (`overlap_and_degree`), interests and needs by what x
/// could share with anyone.
fn least_common(job: &Job, x: Node, threshold: f64, s: &Scratch) -> Option<u32> {
    let (ctx, model) = (job.ctx, job.model);
    let w = &model.weights;
    let dx = ctx.g.degree(x);
    let interests = ctx.person_interest_bound(x);
    let needs = ctx.needs.person_bound(x);
    (1..=dx).find_map(|c| {
        let inputs = [s.half_ln[c], s.ln[c], 0.0, s.ln[dx], interests, needs];
        let most = model.max_degree.max(c);
        let partner = overlap_and_degree(w[2], w[3], c, dx, most, &s.ln);
        reaches(job.combine(&inputs, false) + partner, threshold).then_some(c as u32)
    })
}

/// The most `w2 * c / (dx + d - c) + w3 * ln(1 + d)` (the Jaccard and the partner's
/// share of the degree term, weighted) can be for a partner of degree `d` in `c..=most`.
/// A partner with few contacts has the higher Jaccard, one with many the higher degree
/// term (when `w3` > 0); bounding each at its own best, as this once did, let pairs
/// through that no partner degree could make reach the bar. The maximum is at an end or
/// where the derivative is zero: `w3 (a + d)^2 = w2 c (1 + d)` with `a = dx - c`, a
/// quadratic in d.
///
/// `ln` is `Scratch::ln` (ln(1 + d) for whole d up to `most`), for the two ends.
fn overlap_and_degree(w2: f64, w3: f64, c: usize, dx: usize, most: usize, ln: &[f64]) -> f64 {
    let ends = (ln[c], ln[most]);
    let (c, dx) = (c as f64, dx as f64);
    let (lo, hi) = (c, most as f64);
    let term = |d: f64, ln_1p_d: f64| w2 * c / (dx + d - c) + w3 * ln_1p_d;
    let f = |d: f64| term(d, d.ln_1p());
    let a = dx - c;
    let (qa, qb, qc) = (w3, 2.0 * a * w3 - w2 * c, w3 * a * a - w2 * c);
    let mut roots = [f64::NAN; 2];
    if qa != 0.0 {
        let disc = qb * qb - 4.0 * qa * qc;
        if disc >= 0.0 {
            let r = disc.sqrt();
            roots = [(-qb - r) / (2.0 * qa), (-qb + r) / (2.0 * qa)];
        }
    } else if qb != 0.0 {
        roots[0] = -qc / qb;
    }
    roots
        .into_iter()
        .filter(|d| *d > lo && *d < hi)
        .map(f)
        .fold(term(lo, ends.0).max(term(hi, ends.1)), f64::max)
}

/// Whether an upper bound of a score may still reach `threshold`. A bound and the exact
/// score are sums of the same terms in different orders, so the bound gets a hair of
/// slack against rounding; equal scores are kept (they may win on the tie-break).
fn reaches(bound: f64, threshold: f64) -> bool {
    bound + 1e-9 * bound.abs().max(1.0) >= threshold
}

/// Pairs of `x` with people they share no contact with but an interest or a need,
/// through terms held by at most `cap` people.
fn visit_terms(
    job: &Job,
    x: Node,
    cap: usize,
    eligible: &[bool],
    s: &mut Scratch,
    heap: &mut BinaryHeap<Scored>,
) {
    if !eligible[x as usize] {
        return;
    }
    let ctx = job.ctx;
    let g = ctx.g;
    let after = partners_after(job, x);
    // Pairs with a mutual contact were scored in the first stage: block them too.
    s.block(g, x);
    s.count_wedges(g, x, job.behind.map(|b| b.of(x)));
    for &y in &s.touched {
        s.common[y as usize] = BLOCKED;
    }
    s.blocked.append(&mut s.touched);
    let wanted = |y: Node| {
        after.is_none_or(|a| y > a) && job.scope.allowed[y as usize] && eligible[y as usize]
    };
    let note = |s: &mut Scratch, y: Node| {
        if wanted(y) && s.common[y as usize] == 0 {
            // Not a count here: 1 only marks the person as found.
            s.common[y as usize] = 1;
            s.touched.push(y);
        }
    };
    for y in ctx.sharing_terms(x, cap) {
        note(s, y);
    }
    let touched = std::mem::take(&mut s.touched);
    for &y in &touched {
        s.common[y as usize] = 0;
        consider(job, x, y, 0, s, heap);
    }
    s.touched = touched;
    s.touched.clear();
    s.unblock();
}

/// Scores the pair of `x` and `y`, who share `common` contacts, into the heap if it can
/// make the list. Cheapest first: bounds from table lookups, then the exact terms one by
/// one, resource allocation (a walk over both contact lists) last.
fn consider(job: &Job, x: Node, y: Node, common: u32, s: &Scratch, heap: &mut BinaryHeap<Scored>) {
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

/// Adds `candidate` to the top-`k` heap if it scores above 0 and at least `threshold`,
/// beats the heap's worst when the heap is full, and may be suggested (not introduced
/// already, passing the filter). Says whether it was added.
fn offer(
    heap: &mut BinaryHeap<Scored>,
    k: usize,
    scope: &Scope,
    candidate: Scored,
    threshold: f64,
) -> bool {
    if candidate.score <= 0.0
        || candidate.score < threshold
        || (heap.len() == k && heap.peek().is_some_and(|w| candidate >= *w))
    {
        return false;
    }
    // Rare exclusions last: most candidates never get this far.
    let pair = (candidate.a, candidate.b);
    if scope.introduced.contains(&pair)
        || (scope.pair_filter.as_ref()).is_some_and(|filter| !filter(pair.0, pair.1))
    {
        return false;
    }
    heap.push(candidate);
    if heap.len() > k {
        heap.pop();
    }
    true
}

/// Every candidate pair scored exactly: for models with a low-rank part, which the bounds
/// above do not cover. Only small networks get such a model (`heldout::applies`), so this
/// stays cheap.
fn exhaustive(ctx: &Context, model: &Model, scope: &Scope, k: usize, floor: f64) -> Vec<Scored> {
    let g = ctx.g;
    let n = g.len();
    let people: Vec<Node> = match scope.only {
        Some(x) => vec![x],
        None => (0..n as Node)
            .filter(|&x| scope.allowed[x as usize])
            .collect(),
    };
    let mut candidates = Candidates::new(n);
    let mut heap: BinaryHeap<Scored> = BinaryHeap::with_capacity(k + 1);
    for &x in &people {
        let found = candidates.of(ctx, x, usize::MAX);
        for &y in found {
            if (scope.only.is_none() && y < x) || !scope.allowed[y as usize] {
                continue;
            }
            let pair = (x.min(y), x.max(y));
            let score = model.pair_score(&ctx.features(pair.0, pair.1), pair.0, pair.1);
            let candidate = Scored {
                score,
                a: pair.0,
                b: pair.1,
            };
            offer(&mut heap, k, scope, candidate, floor);
        }
    }
    let mut all = heap.into_vec();
    all.sort();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::query::suggest::model::LowRank;
    use crate::query::suggest::spectral::{Adjacency, top_eigenpairs};
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
                let score = model.pair_score(&ctx.features(a, b), a, b);
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
    fn overlap_and_degree_bounds_every_partner_degree_and_no_more() {
        let mut rng = crate::rng::SplitMix64::new(7);
        let mut unit = || rng.next_u64() as f64 / u64::MAX as f64;
        for _ in 0..2_000 {
            let w2 = 10.0 * unit();
            let w3 = 4.0 * unit() - 2.0;
            let dx = 1 + (unit() * 300.0) as usize;
            let c = 1 + (unit() * dx as f64) as usize % dx;
            let most = c + (unit() * 400.0) as usize;
            let f = |d: f64| w2 * c as f64 / (dx as f64 + d - c as f64) + w3 * d.ln_1p();
            let ln: Vec<f64> = (0..=most).map(|d| (d as f64).ln_1p()).collect();
            let bound = overlap_and_degree(w2, w3, c, dx, most, &ln);
            // Above every whole partner degree...
            let whole = (c..=most).map(|d| f(d as f64)).fold(f64::MIN, f64::max);
            assert!(bound >= whole - 1e-12, "{w2} {w3} {c} {dx} {most}");
            // ...and not above the finest look at the degrees in between.
            let steps = 20 * (most - c) + 1;
            let fine = (0..=steps)
                .map(|i| f(c as f64 + (most - c) as f64 * i as f64 / steps as f64))
                .fold(f64::MIN, f64::max);
            assert!(
                bound <= fine + 1e-6 * fine.abs().max(1.0),
                "{w2} {w3} {c} {dx} {most}"
            );
        }
    }

    #[test]
    fn pruning_never_changes_the_top_pairs() {
        for seed in [1, 2] {
            let spec = Spec {
                seed,
                // 100 people and 1,000 relationships: small enough for a debug build,
                // big enough for the held-out fit with low-rank inputs up to rank 32.
                ..Spec::scaled(100)
            };
            let net = generate(&spec);
            let g = Graph::build(&net);
            let ctx = Context::new(&g);
            let fitted = fit::fit(&ctx);
            let prior = Model::new(fit::PRIOR, fitted.max_degree);
            // Weights of both signs for the degree term, as fits can give.
            let favours_degree = Model::new([0.4, 1.6, 6.4, 0.4, 1.2, 1.3], fitted.max_degree);
            let against_degree = Model::new([1.0, 0.5, 2.0, -0.7, 1.5, 1.0], fitted.max_degree);
            // A low-rank part with weights of both signs: the ranker must score it exactly.
            let eigen = top_eigenpairs(&Adjacency::new(g.len(), |v| g.neighbors(v)), 16, 60);
            let low_rank = Model {
                lowrank: Some(LowRank::new(eigen, vec![2, 4, 16], vec![0.8, -0.5, 1.5])),
                ..against_degree.clone()
            };
            // The held-out fit ran (its guard is recorded), whether or not it kept low rank.
            assert!(fitted.guard.is_some());
            for model in [fitted, prior, favours_degree, against_degree, low_rank] {
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
