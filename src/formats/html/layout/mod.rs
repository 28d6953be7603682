//! Where to draw each contact on the map (`export --format html`). netweb computes the
//! layout itself, not the browser: the same file always gives the same picture, and a
//! big network costs the page nothing to lay out.
//!
//! A force-directed layout (Fruchterman and Reingold 1991) in two levels, per connected
//! component:
//! 1. the component's clusters, as single weighted nodes, are laid out first, so the
//!    big picture (which cluster sits next to which) is settled cheaply;
//! 2. every contact starts near its cluster's place and the whole component is relaxed:
//!    everyone repels everyone (`spacing² / d`), relationships pull (`d² / spacing`,
//!    stronger for strong relationships, weaker across clusters so clusters show as
//!    separate knots), moves are capped by a temperature that cools to zero.
//!
//! A constant pull towards the component's centre keeps loosely attached contacts from
//! trailing far out and the picture compact. Repulsion is exact up to [`EXACT_MAX`]
//! people and a Barnes-Hut quadtree above (`O(n log n)` per step, on all cores), and the
//! number of steps shrinks as the network grows, so 10,000 contacts take about a second
//! of processor time. Then what is drawn at
//! each contact (its [`Footprint`]: the dot and the name under it) is pushed apart where
//! it overlaps another, so names stay readable. Components are packed side by side in
//! rows, largest first, and the people who know nobody else sit in one grid at the end
//! instead of flying off. Starting positions come from [`SplitMix64`] with a fixed seed
//! and every loop runs in a fixed order, so the output is the same on every run.

mod force;
mod overlap;
mod packing;
mod quadtree;
mod regions;

use force::relax;
use overlap::separate;
use packing::pack;
pub use regions::{Regions, regions};

use crate::graph::{DEFAULT_STRENGTH, Graph, Node};
use crate::ids::{FastMap, map_with_capacity};
use crate::query::stats::components;
use crate::rng::SplitMix64;

/// Up to this many nodes, repulsion sums every pair; above, Barnes-Hut approximates it.
pub const EXACT_MAX: usize = 400;
/// From this many nodes the Barnes-Hut sums run on all cores.
const PARALLEL_FROM: usize = 2_000;
/// Barnes-Hut opening angle: a cell this small for its distance counts as one body.
const THETA: f64 = 1.0;
/// How much a relationship across two clusters pulls, compared with one inside a cluster.
const ACROSS: f64 = 0.35;
/// The step budget of the contact-level relaxation, spread over the component's contacts.
const EFFORT: usize = 400_000;
/// The fewest and most relaxation steps a component gets.
const STEPS: (usize, usize) = (40, 400);
/// Steps of the cluster-level layout (it has few nodes).
const CLUSTER_STEPS: usize = 300;
/// Width over height that rows of packed components aim for (a screen is wider than tall).
const ASPECT: f64 = 1.5;
/// The pull towards the component's centre, in spacings per step of force.
const GRAVITY: f64 = 1.5;
/// Passes that push overlapping footprints apart: a budget spread over the component's
/// contacts, at least and at most so many (a packed core may never come fully apart).
const SEPARATE_EFFORT: usize = 200_000;
const SEPARATE_PASSES: (usize, usize) = (10, 60);

#[derive(Debug, Clone)]
pub struct Options {
    /// The ideal length of a relationship; also the margin around every component.
    pub spacing: f64,
    pub seed: u64,
    /// What is drawn around each contact (file order); empty: points.
    pub footprints: Vec<Footprint>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            spacing: 1.0,
            seed: 0x6e65_7477_6562,
            footprints: Vec::new(),
        }
    }
}

/// The box drawn around a contact's point, which no other contact's box may overlap:
/// `half_width` either side, `above` and `below` it (a name goes below the dot).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Footprint {
    pub half_width: f64,
    pub above: f64,
    pub below: f64,
}

/// A position for every contact (file order), all inside `0..=width` by `0..=height`.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub width: f64,
    pub height: f64,
}

/// Lays out the network; `clusters` gives each contact's cluster (as `louvain` returns).
pub fn layout(g: &Graph, clusters: &[usize], opts: &Options) -> Layout {
    let n = g.len();
    let k = if opts.spacing.is_finite() && opts.spacing > 0.0 {
        opts.spacing
    } else {
        1.0
    };
    let comp = components(g);
    let mut members: Vec<Vec<Node>> = Vec::new();
    for (v, &c) in comp.iter().enumerate() {
        if c == members.len() {
            members.push(Vec::new());
        }
        members[c].push(v as Node);
    }
    let fp: Vec<Footprint> = (0..n)
        .map(|i| {
            let f = opts.footprints.get(i).copied().unwrap_or_default();
            let ok = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
            Footprint {
                half_width: ok(f.half_width),
                above: ok(f.above),
                below: ok(f.below),
            }
        })
        .collect();
    let isolates: Vec<Node> = members
        .iter()
        .filter(|m| m.len() == 1)
        .map(|m| m[0])
        .collect();
    members.retain(|m| m.len() > 1);
    // Largest first; `sort_by_key` is stable, so equal sizes keep file order.
    members.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let mut local = vec![0u32; n];
    let mut placed: Vec<Vec<[f64; 2]>> = members
        .iter()
        .map(|m| {
            let seed = opts.seed ^ u64::from(m[0]).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let mut pos = component(g, m, clusters, k, seed, &mut local);
            let mine: Vec<Footprint> = m.iter().map(|&v| fp[v as usize]).collect();
            separate(&mut pos, &mine, k * 0.1);
            pos
        })
        .collect();
    if !isolates.is_empty() {
        placed.push(grid(&isolates, &fp, k));
        members.push(isolates);
    }
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    let (width, height) = pack(&members, &placed, &fp, k, &mut x, &mut y);
    Layout {
        x,
        y,
        width,
        height,
    }
}

/// The people who know nobody else, in file order, in a grid of cells that fit the
/// largest footprint among them, about [`ASPECT`] times wider than tall.
fn grid(isolates: &[Node], fp: &[Footprint], k: f64) -> Vec<[f64; 2]> {
    let (mut w, mut h) = (k, k);
    for &v in isolates {
        let f = fp[v as usize];
        w = w.max(2.0 * f.half_width + k * 0.25);
        h = h.max(f.above + f.below + k * 0.25);
    }
    let count = isolates.len() as f64;
    let columns = ((count * ASPECT * h / w).sqrt().ceil() as usize).max(1);
    (0..isolates.len())
        .map(|i| [(i % columns) as f64 * w, (i / columns) as f64 * h])
        .collect()
}

/// Positions for one component's contacts (in `members` order), any origin.
fn component(
    g: &Graph,
    members: &[Node],
    clusters: &[usize],
    k: f64,
    seed: u64,
    local: &mut [u32],
) -> Vec<[f64; 2]> {
    let n = members.len();
    if n == 1 {
        return vec![[0.0, 0.0]];
    }
    for (i, &v) in members.iter().enumerate() {
        local[v as usize] = i as u32;
    }
    // The component's clusters, numbered by first member.
    let mut cluster_of = vec![0usize; n];
    let mut ids: FastMap<usize, usize> = map_with_capacity(16);
    for (i, &v) in members.iter().enumerate() {
        let c = clusters.get(v as usize).copied().unwrap_or(0);
        let next = ids.len();
        cluster_of[i] = *ids.entry(c).or_insert(next);
    }
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    for (i, &v) in members.iter().enumerate() {
        for (&w, &strength) in g.neighbors(v).iter().zip(g.strengths(v)) {
            let j = local[w as usize] as usize;
            if i < j {
                let mut pull = f64::from(strength) / f64::from(DEFAULT_STRENGTH);
                if cluster_of[i] != cluster_of[j] {
                    pull *= ACROSS;
                }
                edges.push((i as u32, j as u32, pull));
            }
        }
    }
    let mut rng = SplitMix64::new(seed);
    let sizes = {
        let mut s = vec![0usize; ids.len()];
        for &c in &cluster_of {
            s[c] += 1;
        }
        s
    };
    let centres = cluster_centres(&cluster_of, &sizes, &edges, k, &mut rng);
    // Each contact starts at a random point of a disc around its cluster's place.
    let mut pos: Vec<[f64; 2]> = cluster_of
        .iter()
        .map(|&c| {
            let r = 0.5 * k * (sizes[c] as f64).sqrt();
            let [dx, dy] = in_disc(&mut rng);
            [centres[c][0] + r * dx, centres[c][1] + r * dy]
        })
        .collect();
    let steps = (EFFORT / n).clamp(STEPS.0, STEPS.1);
    let start = k * (n as f64).sqrt() / 4.0;
    let ones = vec![1.0; n];
    relax(&mut pos, &ones, &edges, k, steps, start.max(k));
    pos
}

/// Where each cluster of a component goes: a layout of the clusters as single nodes
/// weighing their size, linked by the pull of the relationships between them.
fn cluster_centres(
    cluster_of: &[usize],
    sizes: &[usize],
    edges: &[(u32, u32, f64)],
    k: f64,
    rng: &mut SplitMix64,
) -> Vec<[f64; 2]> {
    let m = sizes.len();
    if m == 1 {
        return vec![[0.0, 0.0]];
    }
    let mut links: Vec<(u32, u32, f64)> = edges
        .iter()
        .filter_map(|&(i, j, w)| {
            let (a, b) = (cluster_of[i as usize], cluster_of[j as usize]);
            (a != b).then(|| (a.min(b) as u32, a.max(b) as u32, w))
        })
        .collect();
    links.sort_by_key(|&(a, b, _)| (a, b));
    let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(links.len());
    for (a, b, w) in links {
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == (a, b) => last.2 += w,
            _ => merged.push((a, b, w)),
        }
    }
    let n: usize = sizes.iter().sum();
    let side = k * (n as f64).sqrt();
    let mut pos: Vec<[f64; 2]> = (0..m)
        .map(|_| {
            let [x, y] = in_disc(rng);
            [side * x, side * y]
        })
        .collect();
    let mass: Vec<f64> = sizes.iter().map(|&s| s as f64).collect();
    relax(&mut pos, &mass, &merged, k, CLUSTER_STEPS, side / 2.0);
    pos
}

/// A uniform random point of the unit disc (rejection sampling: no trigonometry, whose
/// last bits may differ between platforms).
fn in_disc(rng: &mut SplitMix64) -> [f64; 2] {
    loop {
        let mut unit = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
        let (x, y) = (unit(), unit());
        if x * x + y * y <= 1.0 {
            return [x, y];
        }
    }
}

#[cfg(test)]
mod tests;
