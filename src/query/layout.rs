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

/// Fruchterman-Reingold: `steps` rounds of forces, each move capped by a temperature
/// that falls linearly from `start` to nearly zero. Repulsion between two nodes is
/// `k² m_a m_b / d`, the pull of a link `w d² / k`, and every node is drawn towards the
/// centre of mass with a constant `GRAVITY k m` (ForceAtlas2's gravity).
fn relax(
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
fn repel(
    tree: &Quadtree,
    pos: &[[f64; 2]],
    mass: &[f64],
    k: f64,
    near: f64,
    disp: &mut [[f64; 2]],
) {
    let threads = if pos.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |p| p.get())
            .min(8)
    };
    let chunk = pos.len().div_ceil(threads);
    let work = |start: usize, out: &mut [[f64; 2]]| {
        let mut stack = Vec::new();
        for (i, d) in out.iter_mut().enumerate() {
            let a = start + i;
            let [fx, fy] = tree.push(a, pos[a], mass[a], k, near, &mut stack);
            d[0] += fx;
            d[1] += fy;
        }
    };
    if threads == 1 {
        work(0, disp);
        return;
    }
    std::thread::scope(|s| {
        for (i, out) in disp.chunks_mut(chunk).enumerate() {
            let work = &work;
            s.spawn(move || work(i * chunk, out));
        }
    });
}

/// Pushes overlapping footprints apart, each pair along the line between them, half
/// each way, until they are `gap` apart, until none overlap or the passes run out. Only
/// nearby pairs are compared (a grid of cells as large as the largest footprint).
fn separate(pos: &mut [[f64; 2]], fp: &[Footprint], gap: f64) {
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
fn push_apart(pos: &mut [[f64; 2]], fp: &[Footprint], a: usize, b: usize, gap: f64) -> bool {
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
fn apart(a: [f64; 2], b: [f64; 2], ia: usize, ib: usize, near: f64) -> (f64, f64) {
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

/// A Barnes-Hut quadtree over the current positions: far groups of nodes push as one.
#[derive(Default)]
struct Quadtree {
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

    fn build(&mut self, pos: &[[f64; 2]], mass: &[f64]) {
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
    fn push(
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

/// Packs the components in rows, in the order given, each in the box that holds its
/// footprints with a margin of `k`; writes the final positions and returns the total
/// width and height.
fn pack(
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

#[cfg(test)]
mod tests {
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
