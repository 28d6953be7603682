//! Every candidate pair scored exactly, in one walk over the two-hop paths per person:
//! how models with a low-rank part were ranked before the pruning bounds covered it
//! (`LowRank::reach`), kept as the reference the tests hold the pruned ranker to. It
//! scores each pair as `Model::pair_score` does, so the two must agree to the bit.

use std::collections::BinaryHeap;

use crate::graph::Node;
use crate::query::suggest::features::Features;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::{Scope, Scored, offer};

/// Every candidate pair (a mutual contact, a shared interest or a met need) scored
/// exactly, the best `k` above `floor` kept.
pub(super) fn exhaustive(
    ctx: &Indexes,
    model: &Model,
    scope: &Scope,
    k: usize,
    floor: f64,
) -> Vec<Scored> {
    let g = ctx.g;
    let n = g.len();
    let people: Vec<Node> = match scope.only {
        Some(x) => vec![x],
        None => (0..n as Node)
            .filter(|&x| scope.allowed[x as usize])
            .collect(),
    };
    // Per person: the visit that last saw them (so each is scored once per visit), and
    // their mutual contacts with the visited person, counted and as resource allocation.
    let mut seen = vec![Node::MAX; n];
    let mut common = vec![0u32; n];
    let mut mutual = vec![0.0f64; n];
    let mut touched: Vec<Node> = Vec::new();
    let mut heap: BinaryHeap<Scored> = BinaryHeap::with_capacity(k + 1);
    for &x in &people {
        // Each pair once, from its smaller person, unless one person is asked about.
        let wanted = |y: Node| (scope.only.is_some() || y > x) && scope.allowed[y as usize];
        seen[x as usize] = x;
        for &y in g.neighbors(x) {
            seen[y as usize] = x;
        }
        touched.clear();
        // Contacts in increasing order, as `Indexes::mutual` sums them: the same score.
        for &z in g.neighbors(x) {
            let share = 1.0 / g.degree(z) as f64;
            for &y in g.neighbors(z) {
                if !wanted(y) || (seen[y as usize] == x && common[y as usize] == 0) {
                    continue;
                }
                if seen[y as usize] != x {
                    seen[y as usize] = x;
                    touched.push(y);
                }
                common[y as usize] += 1;
                mutual[y as usize] += share;
            }
        }
        // Shared interests and met needs, every term whatever its holders.
        for y in ctx.sharing_terms(x, usize::MAX) {
            if wanted(y) && seen[y as usize] != x {
                seen[y as usize] = x;
                touched.push(y);
            }
        }
        for &y in &touched {
            let (c, ra) = (
                std::mem::take(&mut common[y as usize]),
                std::mem::take(&mut mutual[y as usize]),
            );
            let (a, b) = (x.min(y), x.max(y));
            let f = Features {
                mutual: ra,
                common: c,
                degrees: (g.degree(a), g.degree(b)),
                interests: ctx.interest_similarity(a, b),
                needs: ctx.needs.value(a, b),
            };
            let candidate = Scored {
                score: model.pair_score(&f, a, b),
                a,
                b,
            };
            offer(&mut heap, k, scope, candidate, floor);
        }
    }
    let mut all = heap.into_vec();
    all.sort();
    all
}
