//! `stats`: how much of a mesh the owner's contacts form. The owner is not in the graph
//! (they know everyone by definition), so every measure here is about the contacts among
//! themselves. Definitions and formulas: docs/insight.md.

pub mod betweenness;
pub mod brokers;
pub mod clustering;
pub mod communities;
pub mod growth;
pub mod path_samples;

use chrono::NaiveDate;
use serde::Serialize;

use crate::graph::{Graph, Node};
use crate::model::{Network, PersonId};
use crate::query::interests::{TermCount, counts};
use crate::query::suggest::matching::coverage;

/// How many entries the ranked lists keep.
const TOP: usize = 10;
/// How many terms characterise a cluster.
const CLUSTER_TERMS: usize = 3;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub people: usize,
    pub relationships: usize,
    pub interactions: usize,
    pub introductions: usize,
    pub mesh: Mesh,
    /// Sizes of the connected components, largest first.
    pub component_sizes: Vec<usize>,
    /// Contacts who know nobody else in the file.
    pub isolates: Vec<Named>,
    pub brokers: Brokers,
    pub clusters: Clusters,
    pub vocabulary: VocabularyStats,
    pub growth: Growth,
}

/// The measures compared over time.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mesh {
    pub people: usize,
    pub relationships: usize,
    /// Relationships among contacts over the pairs there could be.
    pub density: f64,
    pub components: usize,
    pub largest_component: usize,
    pub largest_component_share: f64,
    pub isolates: usize,
    /// The share of contacts who know at least one other contact.
    pub connected_share: f64,
    pub average_clustering: f64,
    /// The owner's effective size, `n - 2t/n` (t: ties among the n contacts).
    pub effective_size: f64,
    /// The owner's Burt constraint, equal tie weights.
    pub constraint: f64,
    /// 0-100: `100 * (connected_share + largest_component_share + average_clustering) / 3`.
    pub mesh_score: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Named {
    pub id: PersonId,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Central {
    pub id: PersonId,
    pub name: String,
    pub betweenness: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Brokers {
    /// Contacts whose removal would split a component, in file order.
    pub articulation_points: Vec<Named>,
    /// The highest betweenness, best first (only contacts above 0).
    pub betweenness: Vec<Central>,
    /// False when betweenness was estimated from sampled shortest paths (large networks).
    pub betweenness_exact: bool,
    /// Shortest paths sampled for the estimate (0 when exact).
    pub betweenness_samples: usize,
    /// Every contact's estimate is within this of the exact betweenness with probability
    /// `betweenness_confidence` (0 when exact; docs/insight.md says how it is bounded).
    pub betweenness_error: f64,
    pub betweenness_confidence: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Clusters {
    pub method: &'static str,
    pub modularity: f64,
    /// Clusters of two or more contacts, largest first.
    pub clusters: Vec<Cluster>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cluster {
    pub size: usize,
    pub people: Vec<PersonId>,
    pub names: Vec<String>,
    /// The interests most held in the cluster (by at least two members).
    pub interests: Vec<TermCount>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct VocabularyStats {
    pub interests: Vec<TermCount>,
    pub offers: Vec<TermCount>,
    pub seeks: Vec<TermCount>,
    /// Offers that meet nobody's seek yet.
    pub unmatched_offers: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Growth {
    /// Relationships between people the owner introduced to each other.
    pub relationships_from_introductions: usize,
    pub year_ago: NaiveDate,
    pub then: Mesh,
    pub now: Mesh,
}

pub fn stats(net: &Network, today: NaiveDate) -> Stats {
    let g = Graph::build(net);
    let then_date = growth::year_before(today);
    // Four independent parts side by side: betweenness spreads over every core on its
    // own, and the other cores take the rest as they free up.
    let ((mesh_now, then), (brokers, (clusters, vocabulary))) = rayon::join(
        || {
            rayon::join(
                || mesh(&g),
                || mesh(&Graph::build(&growth::as_of(net, then_date))),
            )
        },
        || {
            rayon::join(
                || brokers(&g),
                || rayon::join(|| clusters(&g), || vocabulary(net)),
            )
        },
    );
    let sizes = component_sizes(&g);
    let isolates = (0..g.len() as Node)
        .filter(|&v| g.degree(v) == 0)
        .map(|v| named(&g, v))
        .collect();
    Stats {
        people: net.people.len(),
        relationships: net.relationships.len(),
        interactions: net.interactions.len(),
        introductions: net.introductions.len(),
        mesh: mesh_now.clone(),
        component_sizes: sizes,
        isolates,
        brokers,
        clusters,
        vocabulary,
        growth: Growth {
            relationships_from_introductions: growth::from_introductions(net),
            year_ago: then_date,
            then,
            now: mesh_now,
        },
    }
}

fn named(g: &Graph, v: Node) -> Named {
    Named {
        id: g.id(v).clone(),
        name: g.name(v).to_string(),
    }
}

/// Rounds to four decimals so text and JSON agree and the output is stable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

pub fn mesh(g: &Graph) -> Mesh {
    let n = g.len();
    let ties = g.edges().count();
    let sizes = component_sizes(g);
    let largest = sizes.first().copied().unwrap_or(0);
    let isolates = (0..n as Node).filter(|&v| g.degree(v) == 0).count();
    let pairs = n * n.saturating_sub(1) / 2;
    let connected_share = share(n - isolates, n);
    let largest_share = share(largest, n);
    let clustering = clustering::average(g);
    let score = if n == 0 {
        0.0
    } else {
        100.0 * (connected_share + largest_share + clustering) / 3.0
    };
    Mesh {
        people: n,
        relationships: ties,
        density: round(share(ties, pairs)),
        components: sizes.len(),
        largest_component: largest,
        largest_component_share: round(largest_share),
        isolates,
        connected_share: round(connected_share),
        average_clustering: round(clustering),
        effective_size: round(clustering::effective_size(n, ties)),
        constraint: round(clustering::constraint(g)),
        mesh_score: (score * 10.0).round() / 10.0,
    }
}

/// The component of every contact, numbered in order of each component's first member.
pub fn components(g: &Graph) -> Vec<usize> {
    let n = g.len();
    let mut comp = vec![usize::MAX; n];
    let mut next = 0;
    let mut stack = Vec::new();
    for root in 0..n {
        if comp[root] != usize::MAX {
            continue;
        }
        comp[root] = next;
        stack.push(root as Node);
        while let Some(v) = stack.pop() {
            for &w in g.neighbors(v) {
                if comp[w as usize] == usize::MAX {
                    comp[w as usize] = next;
                    stack.push(w);
                }
            }
        }
        next += 1;
    }
    comp
}

pub fn component_sizes(g: &Graph) -> Vec<usize> {
    let comp = components(g);
    let mut sizes = vec![0usize; comp.iter().max().map_or(0, |&c| c + 1)];
    for c in comp {
        sizes[c] += 1;
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes
}

fn brokers(g: &Graph) -> Brokers {
    let cuts = brokers::articulation_points(g);
    let found = betweenness::betweenness(g);
    let between = &found.score;
    let mut top: Vec<Node> = (0..g.len() as Node)
        .filter(|&v| between[v as usize] > 0.0)
        .collect();
    top.sort_by(|&a, &b| {
        between[b as usize]
            .total_cmp(&between[a as usize])
            .then(a.cmp(&b))
    });
    top.truncate(TOP);
    Brokers {
        articulation_points: cuts.iter().map(|&v| named(g, v)).collect(),
        betweenness: top
            .iter()
            .map(|&v| Central {
                id: g.id(v).clone(),
                name: g.name(v).to_string(),
                betweenness: round(between[v as usize]),
            })
            .collect(),
        betweenness_exact: found.exact,
        betweenness_samples: found.samples,
        betweenness_error: (found.error * 1e6).ceil() / 1e6,
        betweenness_confidence: if found.exact {
            1.0
        } else {
            1.0 - betweenness::DELTA
        },
    }
}

fn clusters(g: &Graph) -> Clusters {
    let (label, q) = communities::louvain(g);
    let k = label.iter().max().map_or(0, |&c| c + 1);
    let mut members: Vec<Vec<Node>> = vec![Vec::new(); k];
    for (v, &c) in label.iter().enumerate() {
        members[c].push(v as Node);
    }
    let mut list: Vec<Cluster> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let people = &g.net.people;
            let mut interests = counts(m.iter().map(|&v| &people[v as usize].interests));
            interests.retain(|t| t.people >= 2);
            interests.truncate(CLUSTER_TERMS);
            Cluster {
                size: m.len(),
                people: m.iter().map(|&v| g.id(v).clone()).collect(),
                names: m.iter().map(|&v| g.name(v).to_string()).collect(),
                interests,
            }
        })
        .collect();
    // Stable: equal sizes keep the order of their first member.
    list.sort_by_key(|c| std::cmp::Reverse(c.size));
    Clusters {
        method: "louvain",
        modularity: round(q),
        clusters: list,
    }
}

fn vocabulary(net: &Network) -> VocabularyStats {
    let top = |mut v: Vec<TermCount>| {
        v.truncate(TOP);
        v
    };
    let offers = counts(net.people.iter().map(|p| &p.offers));
    let seeks = counts(net.people.iter().map(|p| &p.seeks));
    let mut unmatched_offers: Vec<String> = offers
        .iter()
        .filter(|o| !seeks.iter().any(|s| coverage(&o.term, &s.term) > 0.0))
        .map(|o| o.term.clone())
        .collect();
    unmatched_offers.sort();
    VocabularyStats {
        interests: top(counts(net.people.iter().map(|p| &p.interests))),
        offers: top(offers),
        seeks: top(seeks),
        unmatched_offers,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Introduction;

    pub use crate::graph::tests::net;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_star_among_contacts() {
        let m = mesh(&Graph::build(&net(5, &[(0, 1), (0, 2), (0, 3), (0, 4)])));
        assert_eq!((m.components, m.largest_component, m.isolates), (1, 5, 0));
        assert_eq!(m.density, 0.4);
        assert_eq!(m.average_clustering, 0.0);
        // 5 - 2*4/5
        assert_eq!(m.effective_size, 3.4);
        assert_eq!(m.mesh_score, 66.7);
    }

    #[test]
    fn a_disconnected_network() {
        let s = stats(&net(6, &[(0, 1), (1, 2), (0, 2), (3, 4)]), today());
        assert_eq!(s.component_sizes, [3, 2, 1]);
        assert_eq!(s.mesh.isolates, 1);
        assert_eq!(s.isolates[0].id.as_str(), "p5");
        assert_eq!(s.mesh.largest_component_share, 0.5);
        assert_eq!(s.mesh.average_clustering, 0.5);
        assert_eq!(s.clusters.clusters.len(), 2);
        // (5/6 + 3/6 + 3/6) / 3
        assert_eq!(s.mesh.mesh_score, 61.1);
        assert!(s.brokers.articulation_points.is_empty());
    }

    #[test]
    fn growth_counts_what_was_there_a_year_ago() {
        let mut n = net(3, &[(0, 1), (1, 2)]);
        n.relationships[1].since = NaiveDate::from_ymd_opt(2026, 6, 1);
        n.people[2].added = NaiveDate::from_ymd_opt(2020, 1, 1);
        n.introductions.push(Introduction {
            date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            people: vec![PersonId("p1".into()), PersonId("p2".into())],
            note: None,
            extra: Default::default(),
        });
        let s = stats(&n, today());
        assert_eq!(
            s.growth.year_ago,
            NaiveDate::from_ymd_opt(2025, 11, 25).unwrap()
        );
        assert_eq!(s.growth.then.relationships, 1);
        assert_eq!(s.growth.then.isolates, 1);
        assert_eq!(s.growth.now.relationships, 2);
        assert_eq!(s.growth.relationships_from_introductions, 1);
    }

    #[test]
    fn offers_nobody_seeks() {
        let mut n = net(2, &[]);
        n.people[0].offers = vec!["rust mentoring".into(), "bookkeeping".into()];
        n.people[1].seeks = vec!["mentoring".into()];
        let v = vocabulary(&n);
        assert_eq!(v.unmatched_offers, ["bookkeeping"]);
    }
}
