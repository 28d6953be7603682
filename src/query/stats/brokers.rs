//! Brokers: contacts whose removal would split the web (articulation points) and
//! contacts on many shortest paths between others (betweenness centrality).

use crate::graph::{Graph, Node};
use crate::rng::SplitMix64;

/// Up to this many contacts betweenness is exact; above, it is estimated from this many
/// source contacts drawn with a fixed seed (so the same file gives the same answer).
pub const EXACT_BETWEENNESS: usize = 2_000;
const PIVOTS: usize = 500;
const SEED: u64 = 0x6e65_7477_6562;

/// Articulation points, in index order: Tarjan's low-link, run with an explicit stack
/// (a recursive search overflows on large networks).
pub fn articulation_points(g: &Graph) -> Vec<Node> {
    let n = g.len();
    const UNSEEN: u32 = u32::MAX;
    let mut disc = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut cut = vec![false; n];
    let mut time = 0u32;
    // (node, parent, next neighbour position)
    let mut stack: Vec<(Node, Node, usize)> = Vec::new();
    for root in 0..n as Node {
        if disc[root as usize] != UNSEEN {
            continue;
        }
        disc[root as usize] = time;
        low[root as usize] = time;
        time += 1;
        let mut root_children = 0;
        stack.push((root, root, 0));
        while let Some(&mut (v, parent, ref mut pos)) = stack.last_mut() {
            let ns = g.neighbors(v);
            if *pos < ns.len() {
                let w = ns[*pos];
                *pos += 1;
                if disc[w as usize] == UNSEEN {
                    disc[w as usize] = time;
                    low[w as usize] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((w, v, 0));
                } else if w != parent {
                    low[v as usize] = low[v as usize].min(disc[w as usize]);
                }
            } else {
                stack.pop();
                if v != root {
                    let p = parent as usize;
                    low[p] = low[p].min(low[v as usize]);
                    if parent != root && low[v as usize] >= disc[p] {
                        cut[p] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            cut[root as usize] = true;
        }
    }
    (0..n as Node).filter(|&v| cut[v as usize]).collect()
}

/// Betweenness centrality of every contact (Brandes 2001, unweighted), normalised to
/// 0..1 by the number of pairs of other contacts, `(n-1)(n-2)/2`. Exact up to
/// `EXACT_BETWEENNESS` contacts; above, estimated from `PIVOTS` seeded sources and scaled.
pub fn betweenness(g: &Graph) -> (Vec<f64>, bool) {
    let n = g.len();
    let mut score = vec![0.0f64; n];
    if n < 3 {
        return (score, true);
    }
    let exact = n <= EXACT_BETWEENNESS;
    let sources: Vec<Node> = if exact {
        (0..n as Node).collect()
    } else {
        let mut rng = SplitMix64::new(SEED);
        // A partial Fisher-Yates shuffle: PIVOTS distinct sources.
        let mut all: Vec<Node> = (0..n as Node).collect();
        for i in 0..PIVOTS {
            let j = i + rng.below(n - i);
            all.swap(i, j);
        }
        all.truncate(PIVOTS);
        all
    };
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<Node> = Vec::with_capacity(n);
    let mut queue = std::collections::VecDeque::new();
    for &s in &sources {
        order.clear();
        sigma.fill(0.0);
        dist.fill(-1);
        delta.fill(0.0);
        sigma[s as usize] = 1.0;
        dist[s as usize] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in g.neighbors(v) {
                if dist[w as usize] < 0 {
                    dist[w as usize] = dist[v as usize] + 1;
                    queue.push_back(w);
                }
                if dist[w as usize] == dist[v as usize] + 1 {
                    sigma[w as usize] += sigma[v as usize];
                }
            }
        }
        // Predecessors are the neighbours one step closer, so no lists are kept.
        for &w in order.iter().rev() {
            for &v in g.neighbors(w) {
                if dist[v as usize] == dist[w as usize] - 1 {
                    delta[v as usize] +=
                        sigma[v as usize] / sigma[w as usize] * (1.0 + delta[w as usize]);
                }
            }
            if w != s {
                score[w as usize] += delta[w as usize];
            }
        }
    }
    // Each pair is counted from both ends; estimates scale up by n / sources.
    let scale = n as f64 / sources.len() as f64 / 2.0;
    let pairs = ((n - 1) * (n - 2)) as f64 / 2.0;
    for x in &mut score {
        *x *= scale / pairs;
    }
    (score, exact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::tests::net;

    #[test]
    fn a_path_has_every_inner_node_as_a_cut_and_the_middle_as_top_broker() {
        let n = net(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let g = Graph::build(&n);
        assert_eq!(articulation_points(&g), [1, 2, 3]);
        let (b, exact) = betweenness(&g);
        assert!(exact);
        // Middle of 5: pairs (0,3),(0,4),(1,3),(1,4) pass through 2: 4 of 6.
        assert!((b[2] - 4.0 / 6.0).abs() < 1e-12);
        assert!((b[1] - 3.0 / 6.0).abs() < 1e-12);
        assert_eq!(b[0], 0.0);
    }

    #[test]
    fn two_cliques_and_a_bridge() {
        let n = net(6, &[(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)]);
        let g = Graph::build(&n);
        assert_eq!(articulation_points(&g), [2, 3]);
        let (b, _) = betweenness(&g);
        // 2 lies between {0,1} and {3,4,5}: 6 pairs of 10.
        assert!((b[2] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn star_centre_and_cycles_and_deep_paths() {
        let star = net(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let g = Graph::build(&star);
        assert_eq!(articulation_points(&g), [0]);
        assert_eq!(betweenness(&g).0[0], 1.0);
        let ring = net(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert!(articulation_points(&Graph::build(&ring)).is_empty());
        // A path of 100,000 contacts does not overflow the stack.
        let links: Vec<(usize, usize)> = (0..99_999).map(|i| (i, i + 1)).collect();
        let long = net(100_000, &links);
        assert_eq!(articulation_points(&Graph::build(&long)).len(), 99_998);
    }
}
