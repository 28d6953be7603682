//! Scoring every candidate pair, for models the bounds do not cover.

use std::collections::BinaryHeap;

use crate::graph::Node;
use crate::query::suggest::candidates::Candidates;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::{Scope, Scored, offer};

/// Every candidate pair scored exactly: for models with a low-rank part, which the bounds
/// above do not cover. Only small networks get such a model (`heldout::applies`), so this
/// stays cheap.
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
