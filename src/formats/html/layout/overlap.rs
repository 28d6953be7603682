//! Pushing apart what is drawn at each contact (its footprint) where it overlaps
//! another, so names stay readable.

use super::{Footprint, SEPARATE_EFFORT, SEPARATE_PASSES};
use crate::ids::{FastMap, map_with_capacity};

/// Pushes overlapping footprints apart, each pair along the line between them, half
/// each way, until they are `gap` apart, until none overlap or the passes run out. Only
/// nearby pairs are compared (a grid of cells as large as the largest footprint).
pub(super) fn separate(pos: &mut [[f64; 2]], fp: &[Footprint], gap: f64) {
    let n = pos.len();
    let cell = fp
        .iter()
        .map(|f| (2.0 * f.half_width).max(f.above + f.below))
        .fold(0.0, f64::max)
        + gap;
    if n < 2 || cell <= gap {
        return;
    }
    let key = |p: [f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    let passes = (SEPARATE_EFFORT / n).clamp(SEPARATE_PASSES.0, SEPARATE_PASSES.1);
    let mut order: Vec<(i64, i64, u32)> = Vec::with_capacity(n);
    let mut runs: FastMap<(i64, i64), (usize, usize)> = map_with_capacity(n);
    for _ in 0..passes {
        // Nodes sorted by cell, and where each cell's run of them is.
        order.clear();
        order.extend(pos.iter().enumerate().map(|(i, &p)| {
            let (cx, cy) = key(p);
            (cy, cx, i as u32)
        }));
        order.sort_unstable();
        runs.clear();
        let mut start = 0;
        for i in 1..=n {
            if i == n || order[i].0 != order[start].0 || order[i].1 != order[start].1 {
                runs.insert((order[start].0, order[start].1), (start, i));
                start = i;
            }
        }
        let run = |cy: i64, cx: i64| -> &[(i64, i64, u32)] {
            runs.get(&(cy, cx)).map_or(&[], |&(lo, hi)| &order[lo..hi])
        };
        let mut moved = false;
        for &(cy, cx, a) in &order {
            for ny in cy - 1..=cy + 1 {
                for nx in cx - 1..=cx + 1 {
                    for &(_, _, b) in run(ny, nx) {
                        if b > a && push_apart(pos, fp, a as usize, b as usize, gap) {
                            moved = true;
                        }
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Moves `a` and `b` apart if their footprints overlap; whether they did.
pub(super) fn push_apart(
    pos: &mut [[f64; 2]],
    fp: &[Footprint],
    a: usize,
    b: usize,
    gap: f64,
) -> bool {
    let (fa, fb) = (fp[a], fp[b]);
    let dx = pos[b][0] - pos[a][0];
    let over_x = fa.half_width + fb.half_width + gap - dx.abs();
    // Vertical extents: [y - above, y + below].
    let (top_a, bottom_a) = (pos[a][1] - fa.above, pos[a][1] + fa.below);
    let (top_b, bottom_b) = (pos[b][1] - fb.above, pos[b][1] + fb.below);
    let over_y = bottom_a.min(bottom_b) - top_a.max(top_b) + gap;
    if over_x <= 0.0 || over_y <= 0.0 {
        return false;
    }
    // Along the line between the boxes' centres (pushing along the axis of least
    // overlap instead would stack names into columns), just far enough that they clear
    // on one axis.
    let dy = (top_b + bottom_b) / 2.0 - (top_a + bottom_a) / 2.0;
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if len > 0.0 {
        (dx / len, dy / len)
    } else if a < b {
        (1.0, 0.0)
    } else {
        (-1.0, 0.0)
    };
    let along = |over: f64, u: f64| {
        if u.abs() > 1e-9 {
            over / u.abs()
        } else {
            f64::MAX
        }
    };
    let t = along(over_x, ux).min(along(over_y, uy)) / 2.0;
    pos[a][0] -= ux * t;
    pos[a][1] -= uy * t;
    pos[b][0] += ux * t;
    pos[b][1] += uy * t;
    true
}

/// The vector from `b` to `a`, at least `near` long: two nodes on the same spot are
/// pushed apart along a direction that depends only on their order.
pub(super) fn apart(a: [f64; 2], b: [f64; 2], ia: usize, ib: usize, near: f64) -> (f64, f64) {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    let d2 = dx * dx + dy * dy;
    if d2 >= near * near {
        return (dx, dy);
    }
    if d2 > 0.0 {
        let s = near / d2.sqrt();
        return (dx * s, dy * s);
    }
    if ia < ib { (near, 0.0) } else { (-near, 0.0) }
}
