//! The wedge walk: pairs two hops apart, counted per person over x - z - y.

use std::collections::BinaryHeap;

use crate::graph::Node;

use super::Scored;
use super::bounds::least_common;
use super::reaches;
use super::scratch::Scratch;
use super::search::{Job, consider};

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
