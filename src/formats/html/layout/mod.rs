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
mod tests {
    use super::overlap::apart;
    use super::quadtree::Quadtree;
    use super::*;
    use crate::graph::tests::net;
    use crate::query::stats::communities::louvain;

    fn run(n: usize, links: &[(usize, usize)]) -> Layout {
        let network = net(n, links);
        let g = Graph::build(&network);
        let (clusters, _) = louvain(&g);
        layout(
            &g,
            &clusters,
            &Options {
                spacing: 50.0,
                ..Options::default()
            },
        )
    }

    fn clique(base: usize, size: usize, links: &mut Vec<(usize, usize)>) {
        for i in 0..size {
            for j in i + 1..size {
                links.push((base + i, base + j));
            }
        }
    }

    /// Two cliques of five joined by one bridge, and two isolates.
    fn bridged() -> (usize, Vec<(usize, usize)>) {
        let mut links = Vec::new();
        clique(0, 5, &mut links);
        clique(5, 5, &mut links);
        links.push((4, 5));
        (12, links)
    }

    /// A ring of 30 cliques of 20 (600 contacts): big enough for Barnes-Hut.
    fn ring() -> (usize, Vec<(usize, usize)>) {
        let mut links = Vec::new();
        for c in 0..30 {
            clique(c * 20, 20, &mut links);
            links.push((c * 20, ((c + 1) % 30) * 20 + 1));
        }
        (600, links)
    }

    fn assert_inside(l: &Layout, n: usize) {
        assert_eq!((l.x.len(), l.y.len()), (n, n));
        assert!(l.width.is_finite() && l.height.is_finite());
        assert!(l.width > 0.0 && l.height > 0.0);
        for (&x, &y) in l.x.iter().zip(&l.y) {
            assert!(x.is_finite() && y.is_finite(), "{x} {y}");
            assert!((0.0..=l.width).contains(&x), "{x} not in 0..{}", l.width);
            assert!((0.0..=l.height).contains(&y), "{y} not in 0..{}", l.height);
        }
    }

    fn distance(l: &Layout, a: usize, b: usize) -> f64 {
        ((l.x[a] - l.x[b]).powi(2) + (l.y[a] - l.y[b]).powi(2)).sqrt()
    }

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "soak: slow unoptimised; cargo test --release --lib"
    )]
    fn the_same_network_gives_the_same_layout() {
        for (n, links) in [bridged(), ring()] {
            let a = run(n, &links);
            let b = run(n, &links);
            let bits =
                |l: &Layout| -> Vec<u64> { l.x.iter().chain(&l.y).map(|v| v.to_bits()).collect() };
            assert_eq!(bits(&a), bits(&b));
            assert_eq!(a.width.to_bits(), b.width.to_bits());
        }
    }

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "soak: slow unoptimised; cargo test --release --lib"
    )]
    fn positions_are_finite_and_inside_the_box() {
        let (n, links) = bridged();
        assert_inside(&run(n, &links), n);
        let (n, links) = ring();
        assert_inside(&run(n, &links), n);
        // A star, a path and a pair: shapes where a node could be flung away.
        assert_inside(&run(7, &[(0, 1), (0, 2), (0, 3), (4, 5), (5, 6)]), 7);
        assert_inside(&run(2, &[(0, 1)]), 2);
    }

    #[test]
    fn linked_contacts_are_closer_than_unlinked_ones() {
        let (n, links) = bridged();
        let l = run(n, &links);
        let (mut near, mut far) = (Vec::new(), Vec::new());
        for a in 0..10 {
            for b in a + 1..10 {
                let d = distance(&l, a, b);
                if links.contains(&(a, b)) {
                    &mut near
                } else {
                    &mut far
                }
                .push(d);
            }
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        assert!(mean(&near) < mean(&far), "{near:?} vs {far:?}");
        // The bridge's ends sit between the two cliques: the cliques do not overlap.
        let centre = |r: std::ops::Range<usize>| {
            let len = r.len() as f64;
            let (sx, sy) = r.fold((0.0, 0.0), |(sx, sy), i| (sx + l.x[i], sy + l.y[i]));
            (sx / len, sy / len)
        };
        let (a, b) = (centre(0..5), centre(5..10));
        let gap = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert!(gap > 50.0, "cliques {gap} apart");
    }

    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "soak: slow unoptimised; cargo test --release --lib"
    )]
    fn no_two_contacts_share_a_spot() {
        let (n, links) = ring();
        let l = run(n, &links);
        let mut min = f64::MAX;
        for a in 0..n {
            for b in a + 1..n {
                min = min.min(distance(&l, a, b));
            }
        }
        assert!(min > 1.0, "closest pair {min} apart");
    }

    #[test]
    fn isolates_are_packed_close_not_flung_away() {
        let mut links = Vec::new();
        clique(0, 6, &mut links);
        let n = 6 + 20;
        let l = run(n, &links);
        assert_inside(&l, n);
        // Every component gets a box of at most a few spacings a side.
        assert!(l.width * l.height < 40.0 * n as f64 * 50.0 * 50.0);
        assert!(l.width / l.height < 4.0 && l.height / l.width < 4.0);
    }

    #[test]
    fn empty_and_single_networks() {
        let l = run(0, &[]);
        assert!(l.x.is_empty() && l.y.is_empty());
        assert!(l.width > 0.0 && l.height > 0.0);
        let l = run(1, &[]);
        assert_inside(&l, 1);
        assert_eq!((l.x[0], l.y[0]), (50.0, 50.0));
        assert_eq!((l.width, l.height), (100.0, 100.0));
    }

    #[test]
    fn barnes_hut_pushes_like_the_exact_sum() {
        let mut rng = SplitMix64::new(7);
        let pos: Vec<[f64; 2]> = (0..300).map(|_| in_disc(&mut rng)).collect();
        let mass = vec![1.0; pos.len()];
        let mut tree = Quadtree::default();
        tree.build(&pos, &mass);
        for a in [0, 150, 299] {
            let mut exact = [0.0, 0.0];
            for b in 0..pos.len() {
                if b != a {
                    let (dx, dy) = apart(pos[a], pos[b], a, b, 1e-6);
                    let s = 1.0 / (dx * dx + dy * dy);
                    exact[0] += dx * s;
                    exact[1] += dy * s;
                }
            }
            let approx = tree.push(a, pos[a], 1.0, 1.0, 1e-6, &mut Vec::new());
            let err = ((approx[0] - exact[0]).powi(2) + (approx[1] - exact[1]).powi(2)).sqrt();
            let len = (exact[0].powi(2) + exact[1].powi(2)).sqrt();
            assert!(err < 0.1 * len.max(1.0), "{approx:?} vs {exact:?}");
        }
    }
}
