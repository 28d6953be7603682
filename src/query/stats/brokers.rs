//! Brokers: contacts whose removal would split the web (articulation points); the
//! contacts on many shortest paths between others are in `betweenness`.

use crate::graph::{Graph, Node};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::betweenness::betweenness;
    use crate::query::stats::tests::net;

    #[test]
    fn a_path_has_every_inner_node_as_a_cut_and_the_middle_as_top_broker() {
        let n = net(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let g = Graph::build(&n);
        assert_eq!(articulation_points(&g), [1, 2, 3]);
        let found = betweenness(&g);
        let (b, exact) = (found.score, found.exact);
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
        let b = betweenness(&g).score;
        // 2 lies between {0,1} and {3,4,5}: 6 pairs of 10.
        assert!((b[2] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn star_centre_and_cycles_and_deep_paths() {
        let star = net(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let g = Graph::build(&star);
        assert_eq!(articulation_points(&g), [0]);
        assert_eq!(betweenness(&g).score[0], 1.0);
        let ring = net(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert!(articulation_points(&Graph::build(&ring)).is_empty());
        // A path of 100,000 contacts does not overflow the stack.
        let links: Vec<(usize, usize)> = (0..99_999).map(|i| (i, i + 1)).collect();
        let long = net(100_000, &links);
        assert_eq!(articulation_points(&Graph::build(&long)).len(), 99_998);
    }
}
