//! The network as a graph, built once per command: people are dense `u32` indices in
//! file order, relationships are undirected edges in a petgraph `Csr` (both directions
//! stored, neighbours sorted), so neighbour lists are contiguous slices and "are these
//! two linked" is a binary search. Indices never leave a command: ids are what is
//! stored and printed.

use petgraph::Directed;
use petgraph::csr::Csr;
use rayon::prelude::*;

use crate::ids::{IdIndex, Resolved, UNKNOWN, resolve_ends};
use crate::model::{Network, PersonId, Relationship};

pub type Node = u32;

pub struct Graph<'a> {
    pub net: &'a Network,
    index: IdIndex,
    /// Edge weight: the relationship's strength (3 when unknown).
    csr: Csr<(), f32, Directed, Node>,
}

/// The strength assumed for a relationship that does not say.
pub const DEFAULT_STRENGTH: u8 = 3;

impl<'a> Graph<'a> {
    pub fn build(net: &'a Network) -> Graph<'a> {
        let index = IdIndex::new(net.people.iter().map(|p| p.id.as_str()));
        let resolved = Resolved(resolve_ends(&net.relationships, &index));
        Graph::build_resolved(net, resolved)
    }

    /// The graph of a network whose ends are already resolved (`store::load_resolved`):
    /// looking two million ids up again was a third of building the graph.
    pub fn build_resolved(net: &'a Network, resolved: Resolved) -> Graph<'a> {
        let n = net.people.len();
        let resolved = resolved.0;
        let rels = &net.relationships;
        assert_eq!(
            resolved.len(),
            rels.len(),
            "ends resolved for another network"
        );
        // The id index is independent of the edges, so it is built beside them.
        let (index, csr) = rayon::join(
            // Later duplicates win, as in `IdIndex::new`; a loaded network has none.
            || IdIndex::new(net.people.iter().map(|p| p.id.as_str())),
            || {
                let edges = sorted_edges(n, rels, &resolved);
                // Petgraph's `Csr` takes the edges sorted by source, then target, unique.
                let mut csr = Csr::from_sorted_edges(&edges).expect("edges are sorted and unique");
                // Csr only knows nodes up to the largest index that has an edge.
                while csr.node_count() < n {
                    csr.add_node(());
                }
                csr
            },
        );
        Graph { net, index, csr }
    }

    pub fn len(&self) -> usize {
        self.net.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.net.people.is_empty()
    }

    pub fn node(&self, id: &PersonId) -> Option<Node> {
        Some(self.index.get(id.as_str())).filter(|&n| n != UNKNOWN)
    }

    pub fn id(&self, n: Node) -> &'a PersonId {
        &self.net.people[n as usize].id
    }

    pub fn name(&self, n: Node) -> &'a str {
        &self.net.people[n as usize].name
    }

    /// The first word of the name, for sentences ("Ada offers ...").
    pub fn first_name(&self, n: Node) -> &'a str {
        let name = self.name(n);
        name.split_whitespace().next().unwrap_or(name)
    }

    /// Neighbours in increasing index order.
    pub fn neighbors(&self, n: Node) -> &[Node] {
        self.csr.neighbors_slice(n)
    }

    /// Strengths, in the same order as `neighbors`.
    pub fn strengths(&self, n: Node) -> &[f32] {
        self.csr.edges_slice(n)
    }

    pub fn degree(&self, n: Node) -> usize {
        self.neighbors(n).len()
    }

    pub fn linked(&self, a: Node, b: Node) -> bool {
        self.neighbors(a).binary_search(&b).is_ok()
    }

    /// Every undirected edge once, as (smaller, larger).
    pub fn edges(&self) -> impl Iterator<Item = (Node, Node)> + '_ {
        (0..self.len() as Node).flat_map(move |a| {
            self.neighbors(a)
                .iter()
                .copied()
                .filter(move |&b| a < b)
                .map(move |b| (a, b))
        })
    }

    pub fn edge_count(&self) -> usize {
        self.net.relationships.len()
    }
}

/// From this many relationships the edges are gathered on all cores.
const PARALLEL_FROM: usize = 50_000;

/// Both directions of every resolved relationship, sorted by source then target, the
/// first of two relationships between the same people kept. A counting sort by source
/// (linear, where a comparison sort of two million edges took several times as long),
/// then each node's few neighbours sorted. On a large network the strengths are read on
/// all cores (each is a cache miss: relationships are large records) and the two halves
/// of the slots are filled on two: the same edges in the same order either way.
fn sorted_edges(n: usize, rels: &[Relationship], resolved: &[[Node; 2]]) -> Vec<(Node, Node, f32)> {
    let strength = |r: &Relationship| f32::from(r.strength.unwrap_or(DEFAULT_STRENGTH));
    let strengths: Vec<f32> = rels
        .par_iter()
        .with_min_len(PARALLEL_FROM / 2)
        .map(strength)
        .collect();
    // Each node's first slot, counting both directions of every edge.
    let mut start = vec![0usize; n + 1];
    for &[a, b] in resolved {
        // A loaded network is validated, so both ends exist and differ.
        if a == UNKNOWN || b == UNKNOWN {
            continue;
        }
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut edges = vec![(0, 0, 0.0); start[n]];
    let split = if resolved.len() >= PARALLEL_FROM {
        start.partition_point(|&s| s < start[n] / 2).min(n)
    } else {
        n
    };
    let (low, high) = edges.split_at_mut(start[split]);
    let ends = (resolved, strengths.as_slice(), start.as_slice());
    rayon::join(
        || place(ends, 0..split, low),
        || place(ends, split..n, high),
    );
    edges.dedup_by_key(|&mut (a, b, _)| (a, b));
    edges
}

/// Both directions of every resolved relationship whose source is in `nodes`, into
/// `out` (the slots of those nodes: `start[nodes.start]..start[nodes.end]`), in file
/// order, then each node's neighbours sorted. Stable, so of two relationships between the
/// same people the first in the file comes first.
fn place(
    (resolved, strengths, start): (&[[Node; 2]], &[f32], &[usize]),
    nodes: std::ops::Range<usize>,
    out: &mut [(Node, Node, f32)],
) {
    if nodes.is_empty() {
        return;
    }
    let base = start[nodes.start];
    let mut next: Vec<usize> = start[nodes.clone()].iter().map(|s| s - base).collect();
    let (lo, hi) = (nodes.start as Node, nodes.end as Node);
    for (&[a, b], &w) in resolved.iter().zip(strengths) {
        if a == UNKNOWN || b == UNKNOWN {
            continue;
        }
        for (from, to) in [(a, b), (b, a)] {
            if (lo..hi).contains(&from) {
                let slot = &mut next[(from - lo) as usize];
                out[*slot] = (from, to, w);
                *slot += 1;
            }
        }
    }
    for node in nodes {
        out[start[node] - base..start[node + 1] - base].sort_by_key(|&(_, b, _)| b);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Person;

    /// `n` contacts p0..p{n-1} (named P0..) and these relationships: for tests of graph
    /// measures here and in the query modules.
    pub fn net(n: usize, links: &[(usize, usize)]) -> Network {
        let id = |i: usize| PersonId::from(format!("p{i}"));
        Network {
            people: (0..n)
                .map(|i| Person {
                    id: id(i),
                    name: format!("P{i}").into(),
                    ..Person::default()
                })
                .collect(),
            relationships: links
                .iter()
                .map(|&(a, b)| Relationship::new(id(a), id(b)))
                .collect(),
            ..Network::default()
        }
    }

    #[test]
    fn neighbours_are_sorted_and_isolated_nodes_exist() {
        let n = net(5, &[(2, 0), (0, 1), (1, 2)]);
        let g = Graph::build(&n);
        assert_eq!(g.len(), 5);
        assert_eq!(g.neighbors(0), [1, 2]);
        assert_eq!(g.neighbors(2), [0, 1]);
        assert_eq!(g.degree(4), 0);
        assert!(g.linked(2, 1) && !g.linked(0, 3));
        assert_eq!(g.edges().collect::<Vec<_>>(), [(0, 1), (0, 2), (1, 2)]);
        assert_eq!(g.node(&PersonId("p3".into())), Some(3));
    }

    #[test]
    fn halves_on_two_threads_gather_what_one_pass_does() {
        let mut n = crate::synthetic::generate(&crate::synthetic::Spec {
            people: 3_000,
            relationships: PARALLEL_FROM + 1_000,
            interests_per_person: 0,
            vocabulary: 100,
            seed: 7,
        });
        // Repeats with other strengths: the first in the file must win in both halves.
        let rels = n.relationships.clone();
        for (i, r) in rels.iter().enumerate().step_by(5) {
            let mut again = Relationship::new(r.b.clone(), r.a.clone());
            again.strength = Some((i % 5 + 1) as u8);
            n.relationships.push(again);
        }
        let index = IdIndex::new(n.people.iter().map(|p| p.id.as_str()));
        let resolved = resolve_ends(&n.relationships, &index);
        assert!(resolved.len() >= PARALLEL_FROM);
        // One pass: every direction in file order, stably sorted, the first kept.
        let mut expected: Vec<(Node, Node, f32)> = (resolved.iter().zip(&n.relationships))
            .flat_map(|(&[a, b], r)| {
                let w = f32::from(r.strength.unwrap_or(DEFAULT_STRENGTH));
                [(a, b, w), (b, a, w)]
            })
            .collect();
        expected.sort_by_key(|&(a, b, _)| (a, b));
        expected.dedup_by_key(|&mut (a, b, _)| (a, b));
        let got = sorted_edges(n.people.len(), &n.relationships, &resolved);
        assert_eq!(got, expected);
    }

    #[test]
    fn repeats_keep_the_first_strength_and_unknown_ends_are_left_out() {
        let mut n = crate::synthetic::generate(&crate::synthetic::Spec::scaled(500));
        // Repeats (the first in the file counts), both directions, and an unknown end.
        let rels = n.relationships.clone();
        for (i, r) in rels.iter().enumerate().step_by(7) {
            let mut again = Relationship::new(r.b.clone(), r.a.clone());
            again.strength = Some((i % 5 + 1) as u8);
            n.relationships.push(again);
        }
        n.relationships.push(Relationship::new(
            PersonId("nobody".into()),
            rels[0].a.clone(),
        ));
        let index = IdIndex::new(n.people.iter().map(|p| p.id.as_str()));
        let resolved = || Resolved(resolve_ends(&n.relationships, &index));
        let g = Graph::build_resolved(&n, resolved());
        // What the graph must be: each node's distinct neighbours, ascending, with the
        // strength of the first relationship between them.
        let mut expected = vec![std::collections::BTreeMap::new(); n.people.len()];
        for (r, [a, b]) in n.relationships.iter().zip(resolved().0) {
            if a == UNKNOWN || b == UNKNOWN {
                continue;
            }
            let w = f32::from(r.strength.unwrap_or(DEFAULT_STRENGTH));
            expected[a as usize].entry(b).or_insert(w);
            expected[b as usize].entry(a).or_insert(w);
        }
        for (node, list) in expected.iter().enumerate() {
            let node = node as Node;
            assert!(g.neighbors(node).iter().eq(list.keys()));
            assert!(g.strengths(node).iter().eq(list.values()));
        }
        for (i, p) in n.people.iter().enumerate() {
            assert_eq!(g.node(&p.id), Some(i as Node));
        }
        assert_eq!(g.node(&PersonId("nobody".into())), None);
    }
}
