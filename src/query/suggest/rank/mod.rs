//! Finding the best-scoring pairs without scoring all pairs.
//!
//! Candidates come from three places: people two hops apart (accumulated per person
//! over "wedges" x - z - y, which also yields their mutual-contact score), people who
//! share an interest held by at most `cap` people (the inverted index), and people whose
//! offers meet the other's seeks through a phrase held by at most `cap` people.
//!
//! Pairs found none of these ways share no contact, and only interests and needs held by
//! more than `cap` people, so their interest and need signals are bounded by the rarity
//! of such common terms (and a low-rank part, when the model has one, by twice its
//! shift; closer bounds from each person's own coordinates prune the pairs that are
//! found). If the k-th best score found beats that bound, no pair left out
//! could have made the list, and the answer is exact. If not, `cap` grows and the search
//! runs again, up to every term: the cap changes the cost, never the result.

mod bounds;
#[cfg(test)]
mod exhaustive;
mod job;
mod scratch;
mod search;
mod terms;
#[cfg(test)]
mod tests;
mod wedges;

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::collections::HashSet;

use crate::graph::Node;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;
use bounds::eligible;
use scratch::Behind;
use search::search;

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
    ctx: &Indexes,
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
    ctx: &Indexes,
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

fn max_holders(ctx: &Indexes) -> usize {
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

/// Whether an upper bound of a score may still reach `threshold`. A bound and the exact
/// score are sums of the same terms in different orders, so the bound gets a hair of
/// slack against rounding; equal scores are kept (they may win on the tie-break).
fn reaches(bound: f64, threshold: f64) -> bool {
    bound + 1e-9 * bound.abs().max(1.0) >= threshold
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
