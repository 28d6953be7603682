//! Per-worker scratch space and the table that lets a visit see each pair once.

use crate::graph::Node;

/// Per-thread scratch space, reused across people so a pass allocates nothing per person.
pub(super) struct Scratch {
    /// Per person: how many contacts they share with the person being visited, or
    /// `BLOCKED` and up for the visited person and their contacts (never candidates).
    /// Four bytes a person keep the array in the core's own cache at 100,000 people; the
    /// wedge pass increments it 30 million times there, in random order.
    pub(super) common: Vec<u32>,
    pub(super) touched: Vec<Node>,
    pub(super) blocked: Vec<Node>,
    /// Per person, their resource allocation with the visited person, summed during the
    /// count (empty unless asked for: see `Scratch::new`).
    pub(super) mutual: Vec<f64>,
    /// Per count of mutual contacts, the part of the visited person's pair bounds that
    /// depends on them and the count alone.
    pub(super) by_count: Vec<f64>,
    /// ln(1 + i) for every count up to the largest degree.
    pub(super) ln: Vec<f64>,
    /// ln(1 + i/2), likewise: the mutual-contact input's bound for i mutual contacts.
    pub(super) half_ln: Vec<f64>,
}

/// Marks a person who cannot be paired with the visited one. Increments cannot reach it
/// from 0, nor overflow from it: a visit adds at most the number of two-hop paths from
/// one person, far below 2^31.
pub(super) const BLOCKED: u32 = 1 << 31;

impl Scratch {
    /// With `mutual`, the count also sums each partner's resource allocation, so no pair
    /// needs a walk over both contact lists. That pays where most two-hop pairs must be
    /// scored exactly (a model with a low-rank part, whose bound lets more pairs through,
    /// on a small, dense network); the 100,000-person pass keeps its 4 bytes a person.
    pub(super) fn new(n: usize, mutual: bool) -> Scratch {
        Scratch {
            common: vec![0; n],
            touched: Vec::new(),
            blocked: Vec::new(),
            mutual: if mutual { vec![0.0; n] } else { Vec::new() },
            by_count: Vec::new(),
            ln: (0..=n).map(|i| (i as f64).ln_1p()).collect(),
            half_ln: (0..=n).map(|i| (i as f64 / 2.0).ln_1p()).collect(),
        }
    }

    /// Blocks `x` and their contacts for this visit.
    pub(super) fn block(&mut self, g: &crate::graph::Graph, x: Node) {
        for y in std::iter::once(x).chain(g.neighbors(x).iter().copied()) {
            if self.common[y as usize] < BLOCKED {
                self.common[y as usize] = BLOCKED;
                self.blocked.push(y);
            }
        }
    }

    /// Counts, per person two hops from `x`, the contacts they share with `x`, noting each
    /// one the first time. Given where `x` sits in each contact's list (`Behind::of`),
    /// only partners after `x` count.
    pub(super) fn count_wedges(
        &mut self,
        g: &crate::graph::Graph,
        x: Node,
        behind: Option<&[u32]>,
    ) {
        // Each list below starts with a wait for memory. Asking for all of them first, in
        // a loop whose loads do not depend on each other, lets the core wait for them
        // together instead of one after another.
        let mut first = 0;
        for (i, &z) in g.neighbors(x).iter().enumerate() {
            let from = behind.map_or(0, |at| at[i] as usize);
            first ^= g.neighbors(z).get(from).copied().unwrap_or(0);
        }
        std::hint::black_box(first);
        for (i, &z) in g.neighbors(x).iter().enumerate() {
            let ys = g.neighbors(z);
            let from = behind.map_or(0, |at| at[i] as usize + 1);
            for &y in &ys[from..] {
                let c = &mut self.common[y as usize];
                *c += 1;
                if *c == 1 {
                    self.touched.push(y);
                }
            }
            if !self.mutual.is_empty() {
                // Contacts in increasing order, as `Indexes::mutual` sums them: the same
                // value to the bit.
                let share = 1.0 / g.degree(z) as f64;
                for &y in &ys[from..] {
                    self.mutual[y as usize] += share;
                }
            }
        }
    }

    /// Back to all zeros, ready for the next visit.
    pub(super) fn unblock(&mut self) {
        for &y in &self.blocked {
            self.common[y as usize] = 0;
            if let Some(m) = self.mutual.get_mut(y as usize) {
                *m = 0.0;
            }
        }
        self.blocked.clear();
    }
}

/// For the `i`-th contact `z` of each person `x`, where `x` sits in `z`'s own sorted
/// contact list: a pass that wants only partners after `x` starts `z`'s list right
/// behind it, known without reading the list (a binary search read it, one wait for
/// memory after another), so `count_wedges` can ask for every list it will read at once.
pub(super) struct Behind {
    pub(super) start: Vec<usize>,
    pub(super) at: Vec<u32>,
}

impl Behind {
    pub(super) fn new(g: &crate::graph::Graph) -> Behind {
        let n = g.len();
        let mut start = Vec::with_capacity(n + 1);
        start.push(0);
        for x in 0..n as Node {
            start.push(start[x as usize] + g.degree(x));
        }
        // Visiting people in increasing order meets each z's contacts in the order of
        // z's sorted list, so a count per z is the place of the one met.
        let mut seen = vec![0u32; n];
        let mut at = Vec::with_capacity(start[n]);
        for x in 0..n as Node {
            for &z in g.neighbors(x) {
                at.push(seen[z as usize]);
                seen[z as usize] += 1;
            }
        }
        Behind { start, at }
    }

    /// Per contact of `x`, in `g.neighbors(x)` order.
    pub(super) fn of(&self, x: Node) -> &[u32] {
        &self.at[self.start[x as usize]..self.start[x as usize + 1]]
    }
}
