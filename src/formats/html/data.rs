//! What the page's script reads: the drawn people with their details, the drawn
//! relationships, the clusters, regions and suggestions, and the roster of everyone for
//! the search box. Lists of terms are indices into `terms`, which keeps a map small.

use std::collections::HashMap;

use compact_str::CompactString;
use serde::Serialize;

use crate::graph::{DEFAULT_STRENGTH, Graph, Node};

#[derive(Serialize)]
pub(super) struct Data<'a> {
    pub people: usize,
    pub relationships: usize,
    pub width: f64,
    pub height: f64,
    /// The zoom from which every name shows (the others show from the start).
    pub names_from: f64,
    pub terms: Vec<&'a str>,
    /// The people drawn one by one (on a small map, everyone, in file order).
    pub nodes: Vec<NodeOut<'a>>,
    /// `[a, b, strength]` per drawn relationship (node indices; strength 1-5, 3 when
    /// unknown).
    pub edges: Vec<[u32; 3]>,
    pub clusters: Vec<ClusterOut>,
    /// People in no cluster of two or more.
    pub unclustered: usize,
    /// The clusters drawn as discs on a big map (empty on a small one).
    pub regions: Vec<RegionOut>,
    pub suggestions: Vec<SuggestionOut>,
    pub roster: Roster<'a>,
}

#[derive(Serialize)]
pub(super) struct NodeOut<'a> {
    pub name: &'a str,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Index into `clusters`; absent for someone who knows nobody else here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
    pub degree: usize,
    /// Whether the name shows at every zoom.
    pub label: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seeks: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<u32>,
}

#[derive(Serialize)]
pub(super) struct ClusterOut {
    /// Numbered from 1, largest first, as the legend shows them.
    pub number: usize,
    pub size: usize,
    pub color: String,
    pub interests: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct RegionOut {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Index into `clusters`; absent for the region of small clusters and of nobody.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
    pub size: usize,
    /// How many of its people are drawn.
    pub drawn: usize,
}

#[derive(Serialize)]
pub(super) struct SuggestionOut {
    pub a: u32,
    pub b: u32,
    pub score: f64,
    pub why: String,
}

/// Everyone, in file order, as parallel lists (compact for 100,000 people): the search
/// box finds anyone here, drawn or not.
#[derive(Serialize)]
pub(super) struct Roster<'a> {
    pub names: Vec<&'a str>,
    /// Index into `clusters`, -1 for none.
    pub cluster: Vec<i64>,
    pub degree: Vec<usize>,
    /// Index into `nodes`, -1 when not drawn.
    pub node: Vec<i64>,
    /// Index into `regions`, -1 on a small map.
    pub region: Vec<i64>,
}

/// The drawn people's entries, `at` giving each one's position.
pub(super) fn nodes<'a>(
    g: &Graph<'a>,
    people: &[Node],
    at: &[[f64; 2]],
    cluster_of: &[Option<usize>],
    terms: &mut Terms<'a>,
) -> Vec<NodeOut<'a>> {
    let labelled = labelled(g, people);
    people
        .iter()
        .zip(at)
        .zip(labelled)
        .map(|((&v, p), label)| {
            let person = &g.net.people[v as usize];
            let degree = g.degree(v);
            NodeOut {
                name: &person.name,
                x: round(p[0]),
                y: round(p[1]),
                r: round(radius(degree)),
                cluster: cluster_of[v as usize],
                degree,
                label,
                company: text(&person.company),
                role: text(&person.role),
                location: text(&person.location),
                interests: terms.all(&person.interests),
                offers: terms.all(&person.offers),
                seeks: terms.all(&person.seeks),
                tags: terms.all(&person.tags),
            }
        })
        .collect()
}

/// The search index: everyone, with their cluster, node and region.
pub(super) fn roster<'a>(
    g: &Graph<'a>,
    cluster_of: &[Option<usize>],
    node_of: &[Option<u32>],
    region_of: Option<&[usize]>,
) -> Roster<'a> {
    let n = g.len();
    let index = |i: Option<usize>| i.map_or(-1, |i| i as i64);
    Roster {
        names: (0..n as Node).map(|v| g.name(v)).collect(),
        cluster: cluster_of.iter().map(|&c| index(c)).collect(),
        degree: (0..n as Node).map(|v| g.degree(v)).collect(),
        node: node_of
            .iter()
            .map(|&i| index(i.map(|i| i as usize)))
            .collect(),
        region: match region_of {
            Some(r) => r.iter().map(|&r| r as i64).collect(),
            None => vec![-1; n],
        },
    }
}

/// The relationship's strength, 1 to 5 (the default when the file does not say).
pub(super) fn strength(s: Option<f32>) -> u32 {
    s.map_or(u32::from(DEFAULT_STRENGTH), |s| s.round() as u32)
}

/// A dot's radius in CSS pixels: bigger for people who know more people here.
pub(super) fn radius(degree: usize) -> f64 {
    (4.8 + 1.6 * (degree as f64).sqrt()).min(16.0)
}

/// A text field worth showing.
fn text(field: &Option<CompactString>) -> Option<&str> {
    field.as_deref().filter(|s| !s.trim().is_empty())
}

/// Two decimals are finer than a pixel, and keep the page small.
pub(super) fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// How many of the best-connected people keep their name at every zoom.
const ALWAYS_NAMED: usize = 40;

/// Whose names show at every zoom (in `people` order): the best-connected.
fn labelled(g: &Graph, people: &[Node]) -> Vec<bool> {
    let n = people.len();
    if n <= ALWAYS_NAMED {
        return vec![true; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Stable: equal degrees keep file order.
    order.sort_by_key(|&i| std::cmp::Reverse(g.degree(people[i])));
    let mut out = vec![false; n];
    for &i in order.iter().take(ALWAYS_NAMED) {
        out[i] = true;
    }
    out
}

/// Terms numbered in order of first use.
#[derive(Default)]
pub(super) struct Terms<'a> {
    pub list: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
}

impl<'a> Terms<'a> {
    fn all(&mut self, terms: &'a [CompactString]) -> Vec<u32> {
        terms
            .iter()
            .map(|t| {
                *self.index.entry(t.as_str()).or_insert_with(|| {
                    self.list.push(t.as_str());
                    (self.list.len() - 1) as u32
                })
            })
            .collect()
    }
}
