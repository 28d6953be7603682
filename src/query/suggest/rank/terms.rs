//! The term walk: pairs with no mutual contact, through shared interests and needs.

use std::collections::BinaryHeap;

use crate::graph::Node;

use super::Scored;
use super::job::{Job, consider, partners_after};
use super::scratch::{BLOCKED, Scratch};

/// Pairs of `x` with people they share no contact with but an interest or a need,
/// through terms held by at most `cap` people.
pub(super) fn visit_terms(
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
        consider(job, x, y, 0, None, s, heap);
    }
    s.touched = touched;
    s.touched.clear();
    s.unblock();
}
