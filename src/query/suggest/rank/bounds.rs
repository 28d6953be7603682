//! Upper bounds of scores, from one person or a pair's cheap facts, that let the ranker
//! skip people and pairs without scoring them.

use crate::graph::Node;
use crate::query::suggest::needs::Masks;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::hopeless;

/// Who could score above `threshold` with someone they share no contact with: their
/// rarest interest, the most their needs and offers can be worth, the degree term at its
/// most favourable and the low-rank part at its most are each a bound on any such pair
/// they are part of.
pub(super) fn eligible(ctx: &Indexes, model: &Model, threshold: f64) -> Vec<bool> {
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
            let bound = model.combine(&inputs, false) + lowrank_person(model, v);
            !no_signal && !hopeless(bound, threshold)
        })
        .collect()
}

/// The most the low-rank part (with its shift) can add to any pair of `v`'s.
pub(super) fn lowrank_person(model: &Model, v: Node) -> f64 {
    model
        .lowrank
        .as_ref()
        .map_or(0.0, |l| l.floor + l.person_reach(v))
}

/// The most it can add to the pair of `x` and `y`.
pub(super) fn lowrank_pair(model: &Model, x: Node, y: Node) -> f64 {
    model
        .lowrank
        .as_ref()
        .map_or(0.0, |l| l.floor + l.reach(x, y))
}

/// ln(1 + d) for every degree the graph has: one logarithm per degree instead of one
/// per person (100k of them, in passes that run on one thread).
pub(super) fn ln_1p_of_degrees(g: &crate::graph::Graph) -> Vec<f64> {
    let most = (0..g.len() as Node).map(|v| g.degree(v)).max().unwrap_or(0);
    (0..=most).map(|d| (d as f64).ln_1p()).collect()
}

/// Per person y, what bounds any pair's score from y's side: the degree term's share of
/// y (weighted), and the most y could share with anyone in interests, the most y's
/// offers are worth to anyone, the most an offer is worth to y (rounded up, so each
/// stays a bound), and who y can help or be helped by at all (`Masks`). One 32-byte
/// record a person, so the check that drops most candidates reads one small record
/// instead of several scattered ones.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
pub(super) struct Partner {
    pub(super) bounds: [f32; 4],
    pub(super) masks: Masks,
}

pub(super) fn partner_bounds(ctx: &Indexes, model: &Model) -> Vec<Partner> {
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

/// The most `w2 * c / (dx + d - c) + w3 * ln(1 + d)` (the Jaccard and the partner's
/// share of the degree term, weighted) can be for a partner of degree `d` in `c..=most`.
/// A partner with few contacts has the higher Jaccard, one with many the higher degree
/// term (when `w3` > 0); bounding each at its own best, as this once did, let pairs
/// through that no partner degree could make reach the bar. The maximum is at an end or
/// where the derivative is zero: `w3 (a + d)^2 = w2 c (1 + d)` with `a = dx - c`, a
/// quadratic in d.
///
/// `ln` is `Scratch::ln` (ln(1 + d) for whole d up to `most`), for the two ends.
pub(super) fn overlap_and_degree(
    w2: f64,
    w3: f64,
    c: usize,
    dx: usize,
    most: usize,
    ln: &[f64],
) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
