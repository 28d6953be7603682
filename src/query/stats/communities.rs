//! Clusters: Louvain community detection (Blondel et al. 2008) on the unweighted web,
//! with a fixed node order and tie-break so the same file always gives the same clusters.

use crate::graph::{Graph, Node};

/// A move must gain more than this to count, so rounding never loops.
const EPSILON: f64 = 1e-12;

/// The cluster of every contact (clusters numbered by their first member in file order)
/// and the partition's modularity. Contacts who know nobody are each their own cluster.
pub fn louvain(g: &Graph) -> (Vec<usize>, f64) {
    let n = g.len();
    let m = g.edges().count() as f64;
    if m == 0.0 {
        return ((0..n).collect(), 0.0);
    }
    // The working graph: weighted neighbour lists and, per node, the weight inside it.
    let mut adj: Vec<Vec<(usize, f64)>> = (0..n as Node)
        .map(|v| g.neighbors(v).iter().map(|&w| (w as usize, 1.0)).collect())
        .collect();
    let mut inside = vec![0.0f64; n];
    // Which working node each contact is in.
    let mut member: Vec<usize> = (0..n).collect();
    loop {
        let (comm, moved) = local_moves(&adj, &inside, m);
        if !moved {
            break;
        }
        // Renumber the communities densely in order of first appearance.
        let mut id = vec![usize::MAX; comm.len()];
        let mut next = 0;
        for &c in &comm {
            if id[c] == usize::MAX {
                id[c] = next;
                next += 1;
            }
        }
        let mut new_adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); next];
        let mut new_inside = vec![0.0f64; next];
        for (v, list) in adj.iter().enumerate() {
            let cv = id[comm[v]];
            new_inside[cv] += inside[v];
            for &(w, weight) in list {
                let cw = id[comm[w]];
                if cv == cw {
                    // Each inner edge is listed from both ends.
                    new_inside[cv] += weight / 2.0;
                } else {
                    new_adj[cv].push((cw, weight));
                }
            }
        }
        for list in &mut new_adj {
            list.sort_by_key(|&(w, _)| w);
            let mut merged: Vec<(usize, f64)> = Vec::with_capacity(list.len());
            for &(w, weight) in list.iter() {
                match merged.last_mut() {
                    Some((last, total)) if *last == w => *total += weight,
                    _ => merged.push((w, weight)),
                }
            }
            *list = merged;
        }
        for c in &mut member {
            *c = id[comm[*c]];
        }
        adj = new_adj;
        inside = new_inside;
    }
    // Number clusters by their first member.
    let mut id = vec![usize::MAX; adj.len()];
    let mut next = 0;
    let clusters: Vec<usize> = member
        .iter()
        .map(|&c| {
            if id[c] == usize::MAX {
                id[c] = next;
                next += 1;
            }
            id[c]
        })
        .collect();
    let q = modularity(g, &clusters);
    (clusters, q)
}

/// One Louvain phase: each node, in order, moves to the neighbouring community with the
/// best modularity gain (staying put on a tie), until a full pass moves nobody.
fn local_moves(adj: &[Vec<(usize, f64)>], inside: &[f64], m: f64) -> (Vec<usize>, bool) {
    let n = adj.len();
    let degree: Vec<f64> = (0..n)
        .map(|v| adj[v].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * inside[v])
        .collect();
    let mut comm: Vec<usize> = (0..n).collect();
    let mut total = degree.clone();
    let mut weight_to = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut moved_any = false;
    loop {
        let mut moved = false;
        for v in 0..n {
            let own = comm[v];
            for &(w, weight) in &adj[v] {
                let c = comm[w];
                if weight_to[c] == 0.0 {
                    touched.push(c);
                }
                weight_to[c] += weight;
            }
            total[own] -= degree[v];
            let gain = |c: usize, k_in: f64| k_in - total[c] * degree[v] / (2.0 * m);
            let mut best = own;
            let mut best_gain = gain(own, weight_to[own]);
            touched.sort_unstable();
            for &c in &touched {
                let x = gain(c, weight_to[c]);
                if x > best_gain + EPSILON {
                    best = c;
                    best_gain = x;
                }
            }
            total[best] += degree[v];
            if best != own {
                comm[v] = best;
                moved = true;
                moved_any = true;
            }
            for &c in &touched {
                weight_to[c] = 0.0;
            }
            touched.clear();
        }
        if !moved {
            break;
        }
    }
    (comm, moved_any)
}

/// Newman's modularity of a partition of the unweighted web:
/// `sum over clusters (inner edges / m - (degree sum / 2m)^2)`.
pub fn modularity(g: &Graph, clusters: &[usize]) -> f64 {
    let m = g.edges().count() as f64;
    if m == 0.0 {
        return 0.0;
    }
    let k = clusters.iter().max().map_or(0, |&c| c + 1);
    let mut inner = vec![0.0f64; k];
    let mut degrees = vec![0.0f64; k];
    for v in 0..g.len() as Node {
        degrees[clusters[v as usize]] += g.degree(v) as f64;
    }
    for (a, b) in g.edges() {
        if clusters[a as usize] == clusters[b as usize] {
            inner[clusters[a as usize]] += 1.0;
        }
    }
    (0..k)
        .map(|c| inner[c] / m - (degrees[c] / (2.0 * m)).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::tests::net;

    #[test]
    fn two_cliques_joined_by_a_bridge_are_two_clusters() {
        let mut links = Vec::new();
        for base in [0, 4] {
            for i in 0..4 {
                for j in i + 1..4 {
                    links.push((base + i, base + j));
                }
            }
        }
        links.push((3, 4));
        let n = net(8, &links);
        let g = Graph::build(&n);
        let (c, q) = louvain(&g);
        assert_eq!(c, [0, 0, 0, 0, 1, 1, 1, 1]);
        // 13 edges: each side 6 inner edges and degree sum 13.
        let expected = 2.0 * (6.0 / 13.0 - (13.0f64 / 26.0).powi(2));
        assert!((q - expected).abs() < 1e-12, "{q}");
    }

    #[test]
    fn isolates_and_components_stay_apart() {
        let n = net(5, &[(0, 1), (2, 3)]);
        let g = Graph::build(&n);
        let (c, q) = louvain(&g);
        assert_eq!(c, [0, 0, 1, 1, 2]);
        assert!((q - 0.5).abs() < 1e-12);
        let (c, q) = louvain(&Graph::build(&net(3, &[])));
        assert_eq!((c, q), (vec![0, 1, 2], 0.0));
    }
}
