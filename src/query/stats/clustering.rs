//! Triangles, clustering and the owner's ego measures (Burt's structural holes).
//!
//! The owner is not a person in the file: they are tied to every contact by definition,
//! so their ego network is every contact plus the ties among them.

use crate::graph::{Graph, Node};

/// Triangles through each node: for every edge (a, b) with a < b, the common neighbours
/// above b, found by merging two sorted neighbour lists, so each triangle is seen once.
pub fn triangles(g: &Graph) -> Vec<u64> {
    let mut t = vec![0u64; g.len()];
    for (a, b) in g.edges() {
        let (na, nb) = (g.neighbors(a), g.neighbors(b));
        let (mut i, mut j) = (0, 0);
        while i < na.len() && j < nb.len() {
            match na[i].cmp(&nb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let c = na[i];
                    if c > b {
                        t[a as usize] += 1;
                        t[b as usize] += 1;
                        t[c as usize] += 1;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    t
}

/// Local clustering of each node: the share of pairs of its contacts who know each
/// other; 0 for a node with fewer than two contacts.
pub fn local(g: &Graph, triangles: &[u64]) -> Vec<f64> {
    (0..g.len() as Node)
        .map(|n| {
            let d = g.degree(n) as f64;
            if d < 2.0 {
                0.0
            } else {
                2.0 * triangles[n as usize] as f64 / (d * (d - 1.0))
            }
        })
        .collect()
}

/// The mean of local clustering over every contact (those with fewer than two ties
/// count as 0, as in networkx's `average_clustering`).
pub fn average(g: &Graph) -> f64 {
    if g.is_empty() {
        return 0.0;
    }
    let t = triangles(g);
    local(g, &t).iter().sum::<f64>() / g.len() as f64
}

/// The owner's effective size: `n - 2t/n` for `n` contacts with `t` ties among them
/// (Burt 1992, in Borgatti's form for an unweighted ego network). It is `n` when no two
/// contacts know each other and 1 when everyone knows everyone.
pub fn effective_size(contacts: usize, ties: usize) -> f64 {
    if contacts == 0 {
        return 0.0;
    }
    let n = contacts as f64;
    n - 2.0 * ties as f64 / n
}

/// The owner's constraint (Burt): `sum_j (p_oj + sum_q p_oq * p_qj)^2` over contacts j,
/// where `p_xy` is the share of x's ties that go to y, every tie weighing the same. The
/// owner's ties split 1/n each; a contact q's split over their contacts and the owner.
/// 1/n when no contacts know each other, towards 1 as they all do.
pub fn constraint(g: &Graph) -> f64 {
    let n = g.len();
    if n == 0 {
        return 0.0;
    }
    let share = 1.0 / n as f64;
    (0..n as Node)
        .map(|j| {
            let indirect: f64 = g
                .neighbors(j)
                .iter()
                .map(|&q| share / (g.degree(q) + 1) as f64)
                .sum();
            (share + indirect).powi(2)
        })
        .sum()
}

#[cfg(test)]
mod tests;
