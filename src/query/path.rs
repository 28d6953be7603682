//! `path`: the chain of people connecting two contacts, preferring strong relationships,
//! so the owner sees who could introduce whom. Without one, the best first introduction
//! between the two separate groups.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::Serialize;

use crate::graph::{Graph, Node};
use crate::model::PersonId;
use crate::query::stats::components;
use crate::query::suggest::{Options, Prepared, Suggestion, explain, rank, scope};

/// The cost of walking a relationship: `6 - strength`, so a strength-5 tie costs 1 and a
/// strength-1 acquaintance costs 5; a relationship without a strength counts as 3.
pub fn cost(strength: f32) -> u32 {
    (6.0 - strength).round().max(1.0) as u32
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Step {
    pub id: PersonId,
    pub name: String,
    /// The strength of the relationship to the previous person (none for the first).
    pub strength: Option<u8>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    pub size: usize,
    /// The best-connected members first (at most five).
    pub people: Vec<PersonId>,
    pub names: Vec<String>,
}

/// What `path` found. `found` says which half is filled in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Answer {
    pub found: bool,
    /// The chain, first person to last (empty when there is none).
    pub steps: Vec<Step>,
    pub hops: Option<usize>,
    /// The sum of `6 - strength` over the relationships walked.
    pub cost: Option<u32>,
    /// No chain: the group each end is in.
    pub from_group: Option<Group>,
    pub to_group: Option<Group>,
    /// No chain: the best-scored introduction across the groups, if any pair has a reason.
    pub suggestion: Option<Suggestion>,
    /// No chain and no reason: the best-connected person on each side.
    pub fallback: Option<[Step; 2]>,
}

/// The cheapest chain from `a` to `b` (Dijkstra with predecessors; ties go to the
/// smaller index, so the answer is the same on every run).
pub fn route(g: &Graph, a: Node, b: Node) -> Option<(Vec<Node>, u32)> {
    let n = g.len();
    let mut best = vec![u32::MAX; n];
    let mut prev = vec![Node::MAX; n];
    let mut heap = BinaryHeap::new();
    best[a as usize] = 0;
    heap.push(Reverse((0u32, a)));
    while let Some(Reverse((d, v))) = heap.pop() {
        if d > best[v as usize] {
            continue;
        }
        if v == b {
            break;
        }
        for (&w, &s) in g.neighbors(v).iter().zip(g.strengths(v)) {
            let next = d + cost(s);
            if next < best[w as usize] {
                best[w as usize] = next;
                prev[w as usize] = v;
                heap.push(Reverse((next, w)));
            }
        }
    }
    if best[b as usize] == u32::MAX {
        return None;
    }
    let mut chain = vec![b];
    while *chain.last().unwrap() != a {
        chain.push(prev[*chain.last().unwrap() as usize]);
    }
    chain.reverse();
    Some((chain, best[b as usize]))
}

/// The chain from `a` to `b`; without one, the two groups and the best introduction
/// across them (the ranking's fit is only built then: a chain needs none of it).
pub fn path(g: &Graph, a: Node, b: Node) -> Answer {
    if let Some((chain, cost)) = route(g, a, b) {
        let steps = chain
            .iter()
            .enumerate()
            .map(|(i, &v)| Step {
                id: g.id(v).clone(),
                name: g.name(v).to_string(),
                strength: (i > 0).then(|| strength(g, chain[i - 1], v)),
            })
            .collect();
        return Answer {
            found: true,
            steps,
            hops: Some(chain.len() - 1),
            cost: Some(cost),
            from_group: None,
            to_group: None,
            suggestion: None,
            fallback: None,
        };
    }
    let comp = components(g);
    let (ca, cb) = (comp[a as usize], comp[b as usize]);
    let group = |c: usize| {
        let mut m: Vec<Node> = (0..g.len() as Node)
            .filter(|&v| comp[v as usize] == c)
            .collect();
        let size = m.len();
        m.sort_by(|&x, &y| g.degree(y).cmp(&g.degree(x)).then(x.cmp(&y)));
        m.truncate(5);
        (size, m)
    };
    let (from, to) = (group(ca), group(cb));
    let as_group = |(size, m): &(usize, Vec<Node>)| Group {
        size: *size,
        people: m.iter().map(|&v| g.id(v).clone()).collect(),
        names: m.iter().map(|&v| g.name(v).to_string()).collect(),
    };
    // The best introduction with one person in each group, ranked like `suggest`.
    let p = Prepared::new(g);
    let mut sc = scope(&p.ctx, &Options::default());
    let across = comp.clone();
    sc.pair_filter = Some(Box::new(move |x: Node, y: Node| {
        let (cx, cy) = (across[x as usize], across[y as usize]);
        (cx == ca && cy == cb) || (cx == cb && cy == ca)
    }));
    let suggestion = rank::top_pairs(&p.ctx, &p.model, &sc, 1, 0.0)
        .first()
        .map(|s| explain(&p.ctx, &p.model, s.a, s.b, s.score));
    let fallback = suggestion.is_none().then(|| {
        let step = |v: Node| Step {
            id: g.id(v).clone(),
            name: g.name(v).to_string(),
            strength: None,
        };
        [step(from.1[0]), step(to.1[0])]
    });
    Answer {
        found: false,
        steps: Vec::new(),
        hops: None,
        cost: None,
        from_group: Some(as_group(&from)),
        to_group: Some(as_group(&to)),
        suggestion,
        fallback,
    }
}

fn strength(g: &Graph, a: Node, b: Node) -> u8 {
    let at = g.neighbors(a).binary_search(&b).expect("linked");
    g.strengths(a)[at] as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::stats::tests::net;

    #[test]
    fn strong_ties_win_over_fewer_hops() {
        // 0-1-2-3 all strength 5 (cost 3) against 0-3 at strength 1 (cost 5).
        let mut n = net(4, &[(0, 1), (1, 2), (2, 3), (0, 3)]);
        for r in &mut n.relationships[..3] {
            r.strength = Some(5);
        }
        n.relationships[3].strength = Some(1);
        let g = Graph::build(&n);
        assert_eq!(route(&g, 0, 3), Some((vec![0, 1, 2, 3], 3)));
        // Without strengths (3 each, cost 3 a hop) the direct tie wins.
        let plain = net(4, &[(0, 1), (1, 2), (2, 3), (0, 3)]);
        assert_eq!(route(&Graph::build(&plain), 0, 3), Some((vec![0, 3], 3)));
    }

    #[test]
    fn no_route_between_components_names_both_groups() {
        let mut n = net(5, &[(0, 1), (1, 2), (3, 4)]);
        n.people[0].interests = vec!["chess".into()];
        n.people[4].interests = vec!["chess".into()];
        let g = Graph::build(&n);
        assert_eq!(route(&g, 0, 4), None);
        let found = path(&g, 0, 4);
        assert!(!found.found);
        let (from, to) = (found.from_group.unwrap(), found.to_group.unwrap());
        assert_eq!((from.size, to.size), (3, 2));
        assert_eq!(from.people[0].as_str(), "p1");
        let s = found.suggestion.expect("chess is a shared reason");
        assert_eq!(s.people[0].as_str(), "p0");
        assert_eq!(s.people[1].as_str(), "p4");
    }
}
