//! The wedge walk: pairs two hops apart, counted per person over x - z - y.

use std::collections::BinaryHeap;

use crate::graph::Node;

use super::Scored;
use super::bounds::{lowrank_pair, lowrank_person, overlap_and_degree};
use super::job::{Job, consider};
use super::reaches;
use super::scratch::Scratch;

/// Pairs of `x` with people they share a contact with.
pub(super) fn visit_wedges(job: &Job, x: Node, s: &mut Scratch, heap: &mut BinaryHeap<Scored>) {
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
        let mutual = s.mutual.get_mut(y as usize).map(std::mem::take);
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
            + w[5] * (one + other + one.min(other))
            + lowrank_pair(job.model, x, y);
        if !reaches(bound, job.threshold(heap)) || !job.scope.allowed[y as usize] {
            continue;
        }
        // The exact resource allocation, when the count summed it, in place of its bound.
        let exact = mutual.map(|m| w[0] * (m.ln_1p() - s.half_ln[common as usize]));
        if exact.is_some_and(|e| !reaches(bound + e, job.threshold(heap))) {
            continue;
        }
        consider(job, x, y, common, mutual, s, heap);
    }
    s.touched = touched;
    s.touched.clear();
    s.unblock();
}

/// The fewest mutual contacts with which a partner of `x` could score at least
/// `threshold`, or None if no number would do. Each input is bounded for a partner with
/// `c` mutual contacts: resource allocation by c/2 (each mutual contact knows both, so
/// has at least two contacts), Jaccard and the degree term together by the partner's
/// degree at its most favourable (`overlap_and_degree`), interests, needs and the
/// low-rank part by what x could share with anyone.
pub(super) fn least_common(job: &Job, x: Node, threshold: f64, s: &Scratch) -> Option<u32> {
    let (ctx, model) = (job.ctx, job.model);
    let w = &model.weights;
    let dx = ctx.g.degree(x);
    let interests = ctx.person_interest_bound(x);
    let needs = ctx.needs.person_bound(x);
    let lowrank = lowrank_person(model, x);
    (1..=dx).find_map(|c| {
        let inputs = [s.half_ln[c], s.ln[c], 0.0, s.ln[dx], interests, needs];
        let most = model.max_degree.max(c);
        let partner = overlap_and_degree(w[2], w[3], c, dx, most, &s.ln);
        let bound = job.combine(&inputs, false) + partner + lowrank;
        reaches(bound, threshold).then_some(c as u32)
    })
}
