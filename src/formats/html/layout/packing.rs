//! Packing laid-out components side by side in rows, largest first.

use super::{ASPECT, Footprint};
use crate::graph::Node;

/// Packs the components in rows, in the order given, each in the box that holds its
/// footprints with a margin of `k`; writes the final positions and returns the total
/// width and height.
pub(super) fn pack(
    members: &[Vec<Node>],
    placed: &[Vec<[f64; 2]>],
    fp: &[Footprint],
    k: f64,
    x: &mut [f64],
    y: &mut [f64],
) -> (f64, f64) {
    let boxes: Vec<([f64; 2], f64, f64)> = members
        .iter()
        .zip(placed)
        .map(|(m, pos)| {
            let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
            for (&v, p) in m.iter().zip(pos) {
                let f = fp[v as usize];
                lo[0] = lo[0].min(p[0] - f.half_width);
                hi[0] = hi[0].max(p[0] + f.half_width);
                lo[1] = lo[1].min(p[1] - f.above);
                hi[1] = hi[1].max(p[1] + f.below);
            }
            (lo, hi[0] - lo[0] + 2.0 * k, hi[1] - lo[1] + 2.0 * k)
        })
        .collect();
    if boxes.is_empty() {
        return (2.0 * k, 2.0 * k);
    }
    let area: f64 = boxes.iter().map(|&(_, w, h)| w * h).sum();
    let widest = boxes.iter().map(|&(_, w, _)| w).fold(0.0, f64::max);
    let row = widest.max((area * ASPECT).sqrt());
    let (mut cx, mut cy, mut row_h, mut width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for ((m, pos), &(lo, w, h)) in members.iter().zip(placed).zip(&boxes) {
        if cx > 0.0 && cx + w > row * 1.0001 {
            cy += row_h;
            cx = 0.0;
            row_h = 0.0;
        }
        for (&v, p) in m.iter().zip(pos) {
            x[v as usize] = cx + k + (p[0] - lo[0]);
            y[v as usize] = cy + k + (p[1] - lo[1]);
        }
        cx += w;
        row_h = row_h.max(h);
        width = width.max(cx);
    }
    (width, cy + row_h)
}
