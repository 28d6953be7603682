//! The network as a graph, built once per command: people are dense `u32` indices in
//! file order, relationships are undirected edges in a petgraph `Csr` (both directions
//! stored, neighbours sorted), so neighbour lists are contiguous slices and "are these
//! two linked" is a binary search. Indices never leave a command: ids are what is
//! stored and printed.

use petgraph::Directed;
use petgraph::csr::Csr;

use crate::fasthash::{FxHashMap, IdIndex, UNKNOWN, map_with_capacity, resolve_ends};
use crate::model::{Network, PersonId};

pub type Node = u32;

pub struct Graph<'a> {
    pub net: &'a Network,
    index: FxHashMap<&'a str, Node>,
    /// Edge weight: the relationship's strength (3 when unknown).
    csr: Csr<(), f32, Directed, Node>,
}

/// The strength assumed for a relationship that does not say.
pub const DEFAULT_STRENGTH: u8 = 3;

/// Both ends of every relationship of one network as people[] indices (`UNKNOWN` for an
/// id that does not resolve), in file order: what validation finds on load.
#[derive(Debug, Default)]
pub struct Resolved(Vec<[Node; 2]>);

impl Resolved {
    pub fn new(ends: Vec<[Node; 2]>) -> Resolved {
        Resolved(ends)
    }
}

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
        assert_eq!(
            resolved.len(),
            net.relationships.len(),
            "ends resolved for another network"
        );
        let mut ends: Vec<(Node, Node, f32)> = Vec::with_capacity(net.relationships.len());
        // Each node's degree, counting both directions of every edge.
        let mut start = vec![0usize; n + 1];
        for (r, &[a, b]) in net.relationships.iter().zip(&resolved) {
            // A loaded network is validated, so both ends exist and differ.
            if a == UNKNOWN || b == UNKNOWN {
                continue;
            }
            let w = f32::from(r.strength.unwrap_or(DEFAULT_STRENGTH));
            ends.push((a, b, w));
            start[a as usize + 1] += 1;
            start[b as usize + 1] += 1;
        }
        // Counting sort by source: prefix sums give each node's slot range, filled in
        // file order; then each (short) neighbour list is sorted on its own.
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut edges: Vec<(Node, Node, f32)> = vec![(0, 0, 0.0); start[n]];
        for &(a, b, w) in &ends {
            for (from, to) in [(a, b), (b, a)] {
                let slot = &mut next[from as usize];
                edges[*slot] = (from, to, w);
                *slot += 1;
            }
        }
        drop(resolved);
        drop(ends);
        for node in 0..n {
            // Stable, so of two edges between the same people the first in the file stays.
            edges[start[node]..start[node + 1]].sort_by_key(|&(_, b, _)| b);
        }
        edges.dedup_by_key(|&mut (a, b, _)| (a, b));
        // Later duplicates win, as with `collect`; a loaded network has none.
        let mut index: FxHashMap<&str, Node> = map_with_capacity(n);
        for (i, p) in net.people.iter().enumerate() {
            index.insert(p.id.as_str(), i as Node);
        }
        let mut csr = Csr::from_sorted_edges(&edges).expect("edges are sorted and unique");
        // Csr only knows nodes up to the largest index that has an edge.
        while csr.node_count() < n {
            csr.add_node(());
        }
        Graph { net, index, csr }
    }

    pub fn len(&self) -> usize {
        self.net.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.net.people.is_empty()
    }

    pub fn node(&self, id: &PersonId) -> Option<Node> {
        self.index.get(id.as_str()).copied()
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Person, Relationship};

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
}
