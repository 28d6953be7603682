//! The forces of the layout: Fruchterman-Reingold steps with gravity, and Barnes-Hut
//! repulsion on all cores for big components.

use rayon::prelude::*;

use super::overlap::apart;
use super::quadtree::Quadtree;
use super::{EXACT_MAX, GRAVITY, PARALLEL_FROM};

/// Fruchterman-Reingold: `steps` rounds of forces, each move capped by a temperature
/// that falls linearly from `start` to nearly zero. Repulsion between two nodes is
/// `k² m_a m_b / d`, the pull of a link `w d² / k`, and every node is drawn towards the
/// centre of mass with a constant `GRAVITY k m` (ForceAtlas2's gravity).
pub(super) fn relax(
    pos: &mut [[f64; 2]],
    mass: &[f64],
    edges: &[(u32, u32, f64)],
    k: f64,
    steps: usize,
    start: f64,
) {
    let n = pos.len();
    let mut disp = vec![[0.0f64; 2]; n];
    let mut tree = Quadtree::default();
    // Closer than this counts as this far, so forces stay finite.
    let near = k * 1e-3;
    for step in 0..steps {
        disp.iter_mut().for_each(|d| *d = [0.0, 0.0]);
        if n <= EXACT_MAX {
            for a in 0..n {
                for b in a + 1..n {
                    let (dx, dy) = apart(pos[a], pos[b], a, b, near);
                    let f = k * k * mass[a] * mass[b] / (dx * dx + dy * dy);
                    disp[a][0] += dx * f;
                    disp[a][1] += dy * f;
                    disp[b][0] -= dx * f;
                    disp[b][1] -= dy * f;
                }
            }
        } else {
            tree.build(pos, mass);
            repel(&tree, pos, mass, k, near, &mut disp);
        }
        let total: f64 = mass.iter().sum();
        let (mut cx, mut cy) = (0.0, 0.0);
        for (p, &m) in pos.iter().zip(mass) {
            cx += p[0] * m / total;
            cy += p[1] * m / total;
        }
        for ((d, p), &m) in disp.iter_mut().zip(pos.iter()).zip(mass) {
            let (dx, dy) = (cx - p[0], cy - p[1]);
            let len = (dx * dx + dy * dy).sqrt();
            if len > near {
                d[0] += dx / len * GRAVITY * k * m;
                d[1] += dy / len * GRAVITY * k * m;
            }
        }
        for &(a, b, w) in edges {
            let (a, b) = (a as usize, b as usize);
            let (dx, dy) = apart(pos[a], pos[b], a, b, near);
            // (dx, dy) / d * d² / k
            let f = w * (dx * dx + dy * dy).sqrt() / k;
            disp[a][0] -= dx * f;
            disp[a][1] -= dy * f;
            disp[b][0] += dx * f;
            disp[b][1] += dy * f;
        }
        let t = start * (1.0 - step as f64 / steps as f64) + k * 0.01;
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 && len.is_finite() {
                let s = len.min(t) / len;
                p[0] += d[0] * s;
                p[1] += d[1] * s;
            }
        }
    }
}

/// Barnes-Hut repulsion on every node, split over the cores for big components. Each
/// node's force is summed on its own in a fixed order, so the split changes nothing.
pub(super) fn repel(
    tree: &Quadtree,
    pos: &[[f64; 2]],
    mass: &[f64],
    k: f64,
    near: f64,
    disp: &mut [[f64; 2]],
) {
    let work = |start: usize, out: &mut [[f64; 2]]| {
        let mut stack = Vec::new();
        for (i, d) in out.iter_mut().enumerate() {
            let a = start + i;
            let [fx, fy] = tree.push(a, pos[a], mass[a], k, near, &mut stack);
            d[0] += fx;
            d[1] += fy;
        }
    };
    if pos.len() < PARALLEL_FROM {
        work(0, disp);
        return;
    }
    // Chunks of a fixed size, so which node is summed where does not depend on the
    // machine (each node's sum is its own either way).
    const CHUNK: usize = PARALLEL_FROM / 4;
    disp.par_chunks_mut(CHUNK)
        .enumerate()
        .for_each(|(i, out)| work(i * CHUNK, out));
}
