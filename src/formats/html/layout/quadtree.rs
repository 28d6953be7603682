//! A Barnes-Hut quadtree: far groups of nodes push as one, so repulsion costs
//! `O(n log n)` per step instead of `O(n²)`.

use super::THETA;

/// A Barnes-Hut quadtree over the current positions: far groups of nodes push as one.
#[derive(Default)]
pub(super) struct Quadtree {
    cells: Vec<Cell>,
}

#[derive(Clone, Copy)]
struct Cell {
    /// Centre and half side of the square.
    cx: f64,
    cy: f64,
    half: f64,
    /// Total mass and mass-weighted position sums (the centre of mass once divided).
    mass: f64,
    mx: f64,
    my: f64,
    kids: [u32; 4],
    /// The one node of a leaf, or `NONE`.
    body: u32,
}

const NONE: u32 = u32::MAX;
/// Below this depth nodes on the same spot share a leaf instead of splitting forever.
const MAX_DEPTH: usize = 48;

impl Quadtree {
    fn cell(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            kids: [NONE; 4],
            body: NONE,
        }
    }

    pub(super) fn build(&mut self, pos: &[[f64; 2]], mass: &[f64]) {
        self.cells.clear();
        let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
        for p in pos {
            for i in 0..2 {
                lo[i] = lo[i].min(p[i]);
                hi[i] = hi[i].max(p[i]);
            }
        }
        let half = ((hi[0] - lo[0]).max(hi[1] - lo[1]) / 2.0).max(1e-9) * 1.0001;
        self.cells.push(Quadtree::cell(
            (lo[0] + hi[0]) / 2.0,
            (lo[1] + hi[1]) / 2.0,
            half,
        ));
        for (i, (p, &m)) in pos.iter().zip(mass).enumerate() {
            self.insert(i as u32, *p, m, pos, mass);
        }
        for c in &mut self.cells {
            if c.mass > 0.0 {
                c.mx /= c.mass;
                c.my /= c.mass;
            }
        }
    }

    fn quadrant(c: &Cell, p: [f64; 2]) -> usize {
        usize::from(p[0] >= c.cx) + 2 * usize::from(p[1] >= c.cy)
    }

    fn child(&mut self, at: usize, q: usize) -> usize {
        if self.cells[at].kids[q] == NONE {
            let c = self.cells[at];
            let h = c.half / 2.0;
            let cx = if q & 1 == 1 { c.cx + h } else { c.cx - h };
            let cy = if q & 2 == 2 { c.cy + h } else { c.cy - h };
            self.cells.push(Quadtree::cell(cx, cy, h));
            self.cells[at].kids[q] = (self.cells.len() - 1) as u32;
        }
        self.cells[at].kids[q] as usize
    }

    fn insert(&mut self, body: u32, p: [f64; 2], m: f64, pos: &[[f64; 2]], mass: &[f64]) {
        let mut at = 0;
        for depth in 0.. {
            let c = &mut self.cells[at];
            let was_empty = c.mass == 0.0 && c.body == NONE && c.kids == [NONE; 4];
            c.mass += m;
            c.mx += m * p[0];
            c.my += m * p[1];
            if was_empty {
                c.body = body;
                return;
            }
            if c.kids == [NONE; 4] {
                if depth >= MAX_DEPTH {
                    // Same spot: the leaf now weighs both and belongs to neither.
                    c.body = NONE;
                    return;
                }
                // A leaf: push its node one level down, then go on with the new one.
                let old = c.body;
                c.body = NONE;
                if old != NONE {
                    let q = Quadtree::quadrant(&self.cells[at], pos[old as usize]);
                    let kid = self.child(at, q);
                    let (op, om) = (pos[old as usize], mass[old as usize]);
                    let k = &mut self.cells[kid];
                    k.mass = om;
                    k.mx = om * op[0];
                    k.my = om * op[1];
                    k.body = old;
                }
            }
            let q = Quadtree::quadrant(&self.cells[at], p);
            at = self.child(at, q);
        }
    }

    /// The repulsion on node `a` from every other node.
    pub(super) fn push(
        &self,
        a: usize,
        p: [f64; 2],
        m: f64,
        k: f64,
        near: f64,
        stack: &mut Vec<usize>,
    ) -> [f64; 2] {
        let mut f = [0.0, 0.0];
        stack.clear();
        stack.push(0);
        while let Some(at) = stack.pop() {
            let c = &self.cells[at];
            if c.mass == 0.0 || c.body == a as u32 {
                continue;
            }
            let (dx, dy) = (p[0] - c.mx, p[1] - c.my);
            let d2 = (dx * dx + dy * dy).max(near * near);
            let leaf = c.kids == [NONE; 4];
            if leaf || (2.0 * c.half) * (2.0 * c.half) < THETA * THETA * d2 {
                let s = k * k * m * c.mass / d2;
                f[0] += dx * s;
                f[1] += dy * s;
            } else {
                stack.extend(
                    c.kids
                        .iter()
                        .filter(|&&kid| kid != NONE)
                        .map(|&kid| kid as usize),
                );
            }
        }
        f
    }
}
