//! Drawing one shortest path between a random pair of contacts, uniformly among all their
//! shortest paths, for the betweenness estimate. A balanced bidirectional search grows
//! whichever side has fewer edges to scan until the two meet, so a sample in a small
//! world touches a few thousand edges instead of the whole network.

use crate::graph::{Graph, Node};
use crate::rng::SplitMix64;

const UNSEEN: u32 = u32::MAX;

/// How many samples give every estimate within ±`epsilon` with probability `1 - delta`,
/// for a network whose shortest paths hold at most `vd` contacts (Riondato and
/// Kornaropoulos 2016, Theorem 1 with c = 0.5).
pub fn samples_needed(vd: usize, epsilon: f64, delta: f64) -> usize {
    let inner = vd.saturating_sub(2).max(1);
    let vc = (inner as f64).log2().floor() + 1.0;
    (0.5 / (epsilon * epsilon) * (vc + (1.0 / delta).ln())).ceil() as usize
}

/// An upper bound on the contacts on any shortest path: in each component, a search from
/// one contact r; any two contacts are at most d(a, r) + d(r, b) apart, which is at most
/// the two largest distances from r added, so a path has at most that plus one contacts.
pub fn vertex_diameter_bound(g: &Graph) -> usize {
    let n = g.len();
    let mut dist = vec![UNSEEN; n];
    let mut queue: Vec<Node> = Vec::new();
    let mut bound = 1;
    for root in 0..n as Node {
        if dist[root as usize] != UNSEEN {
            continue;
        }
        dist[root as usize] = 0;
        queue.clear();
        queue.push(root);
        let (mut first, mut second) = (0u32, 0u32);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            let d = dist[v as usize];
            if d >= first {
                second = first;
                first = d;
            } else if d > second {
                second = d;
            }
            for &w in g.neighbors(v) {
                if dist[w as usize] == UNSEEN {
                    dist[w as usize] = d + 1;
                    queue.push(w);
                }
            }
        }
        bound = bound.max((first + second) as usize + 1);
    }
    bound
}

/// One side of the search: distances and path counts from its end, and its frontier.
struct Side {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    frontier: Vec<Node>,
    /// Edges the frontier would scan: the sum of its degrees.
    work: usize,
    level: u32,
}

impl Side {
    fn new(n: usize) -> Side {
        Side {
            dist: vec![UNSEEN; n],
            sigma: vec![0.0; n],
            frontier: Vec::new(),
            work: 0,
            level: 0,
        }
    }

    fn start(&mut self, g: &Graph, v: Node) {
        self.dist[v as usize] = 0;
        self.sigma[v as usize] = 1.0;
        self.frontier.clear();
        self.frontier.push(v);
        self.work = g.degree(v);
        self.level = 0;
    }
}

/// One thread's buffers, reused from sample to sample (only what a sample touched is reset).
pub struct Sampler {
    rng: SplitMix64,
    s: Side,
    t: Side,
    touched: Vec<Node>,
    next: Vec<Node>,
    /// Edges (x on the growing side, y on the other) where the two searches met.
    contacts: Vec<(Node, Node)>,
}

impl Sampler {
    pub fn new(n: usize) -> Sampler {
        Sampler {
            rng: SplitMix64::new(0),
            s: Side::new(n),
            t: Side::new(n),
            touched: Vec::new(),
            next: Vec::new(),
            contacts: Vec::new(),
        }
    }

    pub fn reseed(&mut self, seed: u64) {
        self.rng = SplitMix64::new(seed);
    }

    /// Draw a pair of distinct contacts and one of their shortest paths, and count one for
    /// every contact inside it (not its ends). A pair with no path counts nothing.
    pub fn sample(&mut self, g: &Graph, counts: &mut [u32]) {
        let n = g.len();
        let a = self.rng.below(n) as Node;
        let mut b = self.rng.below(n - 1) as Node;
        if b >= a {
            b += 1;
        }
        for &v in &self.touched {
            for side in [&mut self.s, &mut self.t] {
                side.dist[v as usize] = UNSEEN;
                side.sigma[v as usize] = 0.0;
            }
        }
        self.touched.clear();
        self.touched.extend([a, b]);
        self.s.start(g, a);
        self.t.start(g, b);
        loop {
            let grow_s = self.s.work <= self.t.work;
            let (grow, other) = if grow_s {
                (&mut self.s, &mut self.t)
            } else {
                (&mut self.t, &mut self.s)
            };
            if !expand(
                g,
                grow,
                other,
                &mut self.next,
                &mut self.touched,
                &mut self.contacts,
            ) {
                return;
            }
            if !self.contacts.is_empty() {
                let (x, y) = self.pick_contact(grow_s);
                let (near, far) = if grow_s {
                    (&self.s, &self.t)
                } else {
                    (&self.t, &self.s)
                };
                walk_back(g, near, x, &mut self.rng, counts);
                walk_back(g, far, y, &mut self.rng, counts);
                return;
            }
        }
    }

    /// A meeting edge with probability proportional to the shortest paths through it.
    fn pick_contact(&mut self, grow_s: bool) -> (Node, Node) {
        let (near, far) = if grow_s {
            (&self.s, &self.t)
        } else {
            (&self.t, &self.s)
        };
        let weight = |&(x, y): &(Node, Node)| near.sigma[x as usize] * far.sigma[y as usize];
        let total: f64 = self.contacts.iter().map(weight).sum();
        let mut left = uniform(&mut self.rng) * total;
        for c in &self.contacts {
            left -= weight(c);
            if left < 0.0 {
                return *c;
            }
        }
        *self.contacts.last().expect("the searches met")
    }
}

/// Grow `side` by one level. Returns false when it cannot grow (the ends are in different
/// components); fills `contacts` when it met `other` (the shortest paths are then complete:
/// every meeting edge joins the two frontiers).
fn expand(
    g: &Graph,
    side: &mut Side,
    other: &Side,
    next: &mut Vec<Node>,
    touched: &mut Vec<Node>,
    contacts: &mut Vec<(Node, Node)>,
) -> bool {
    contacts.clear();
    next.clear();
    let level = side.level + 1;
    let mut work = 0;
    for &x in &side.frontier {
        let sx = side.sigma[x as usize];
        for &y in g.neighbors(x) {
            let yu = y as usize;
            if other.dist[yu] != UNSEEN {
                contacts.push((x, y));
            } else if side.dist[yu] == UNSEEN {
                side.dist[yu] = level;
                side.sigma[yu] = sx;
                next.push(y);
                touched.push(y);
                work += g.degree(y);
            } else if side.dist[yu] == level {
                side.sigma[yu] += sx;
            }
        }
    }
    if !contacts.is_empty() {
        return true;
    }
    if next.is_empty() {
        return false;
    }
    std::mem::swap(&mut side.frontier, next);
    side.work = work;
    side.level = level;
    true
}

/// From `v` back to the side's end, each step to a predecessor drawn in proportion to its
/// path count (so the whole path is uniform), counting every contact but the end.
fn walk_back(g: &Graph, side: &Side, mut v: Node, rng: &mut SplitMix64, counts: &mut [u32]) {
    while side.dist[v as usize] > 0 {
        counts[v as usize] += 1;
        let d = side.dist[v as usize];
        let mut left = uniform(rng) * side.sigma[v as usize];
        let mut chosen = None;
        for &p in g.neighbors(v) {
            if side.dist[p as usize] == d - 1 {
                chosen = Some(p);
                left -= side.sigma[p as usize];
                if left < 0.0 {
                    break;
                }
            }
        }
        v = chosen.expect("a contact past the start has a predecessor");
    }
}

/// Uniform in [0, 1).
fn uniform(rng: &mut SplitMix64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::tests::net;

    #[test]
    fn the_sample_size_follows_the_bound() {
        // VD 10: ⌊log2 8⌋ + 1 = 4; ln 10 = 2.303; 0.5 / 0.01² = 5000.
        assert_eq!(samples_needed(10, 0.01, 0.1), 31_513);
        let path = net(6, &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]);
        // From p0: distances 5 and 4, so at most 10 contacts on a path (there are 6).
        assert_eq!(vertex_diameter_bound(&Graph::build(&path)), 10);
    }

    #[test]
    fn a_path_through_a_square_splits_evenly() {
        // 0 - {1, 2} - 3: two shortest paths from 0 to 3, through 1 or through 2.
        let square = net(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        let g = Graph::build(&square);
        let mut sampler = Sampler::new(4);
        sampler.reseed(1);
        let mut counts = vec![0u32; 4];
        for _ in 0..12_000 {
            sampler.sample(&g, &mut counts);
        }
        // Each contact is inside one of the two paths of one pair, (0,3) or (1,2), in
        // either order: 2 of the 12 ordered pairs, half the time each.
        for (v, &c) in counts.iter().enumerate() {
            let share = f64::from(c) / 12_000.0;
            assert!((share - 1.0 / 12.0).abs() < 0.01, "{v}: {share}");
        }
    }
}
