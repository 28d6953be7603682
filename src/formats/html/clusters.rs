//! The map's clusters: Louvain's communities numbered largest first, each with its colour
//! and the interests that set it apart.

use std::collections::HashMap;

use rayon::prelude::*;

use super::data::ClusterOut;
use crate::graph::{Graph, Node};
use crate::model::Person;
use crate::query::interests::{TermCount, counts};

/// How many interests characterise a cluster in the legend (as many as `stats` shows).
const CLUSTER_TERMS: usize = 3;
/// Colours for the twelve largest clusters: Tableau's ten category colours (chosen to
/// stay apart on white, and mostly for colour-blind eyes too) and two darker ones.
/// Smaller clusters get hues spread by the golden angle, people in no cluster grey.
const PALETTE: [&str; 12] = [
    "#1f77b4", "#e8710a", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#0b4f6c", "#7f7f00", "#b05a7a",
];

/// Each person's cluster as the legend numbers them (largest first; none for a cluster
/// of one), and the clusters with their colour and characteristic interests.
pub(super) fn clusters(g: &Graph, louvain_of: &[usize]) -> (Vec<Option<usize>>, Vec<ClusterOut>) {
    let k = louvain_of.iter().max().map_or(0, |&c| c + 1);
    let mut members: Vec<Vec<Node>> = vec![Vec::new(); k];
    for (v, &c) in louvain_of.iter().enumerate() {
        members[c].push(v as Node);
    }
    let mut order: Vec<usize> = (0..k).filter(|&c| members[c].len() >= 2).collect();
    // Stable: equal sizes keep the order of their first member.
    order.sort_by_key(|&c| std::cmp::Reverse(members[c].len()));
    let mut rank = vec![None; k];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = Some(r);
    }
    let people: &[Person] = &g.net.people;
    let everyone: HashMap<String, usize> = counts(people.iter().map(|p| &p.interests))
        .into_iter()
        .map(|t| (t.term, t.people))
        .collect();
    // Each cluster's interests on its own: on all cores.
    let list = order
        .par_iter()
        .enumerate()
        .map(|(r, &c)| {
            let held = counts(members[c].iter().map(|&v| &people[v as usize].interests));
            ClusterOut {
                number: r + 1,
                size: members[c].len(),
                color: color(r),
                interests: characteristic(held, members[c].len(), &everyone, people.len()),
            }
        })
        .collect();
    (louvain_of.iter().map(|&c| rank[c]).collect(), list)
}

/// What sets a cluster apart: of the interests at least a quarter of its members (and
/// two or more) hold, those most over-represented compared with everyone (share in the
/// cluster over share overall), then the most held. `stats` lists the most held
/// instead; on a map with many clusters that would print "cooking, running" for each.
/// When no interest is that common in the cluster, the most held by two or more.
fn characteristic(
    held: Vec<TermCount>,
    size: usize,
    everyone: &HashMap<String, usize>,
    people: usize,
) -> Vec<String> {
    let lift = |t: &TermCount| {
        let overall = everyone.get(&t.term).copied().unwrap_or(t.people).max(1);
        (t.people as f64 / size as f64) / (overall as f64 / people as f64)
    };
    let mut common: Vec<&TermCount> = held
        .iter()
        .filter(|t| t.people >= 2 && t.people * 4 >= size)
        .collect();
    if common.is_empty() {
        common = held.iter().filter(|t| t.people >= 2).collect();
    } else {
        // `counts` already orders by people, then term: a stable sort keeps that on ties.
        common.sort_by(|a, b| lift(b).total_cmp(&lift(a)));
    }
    common
        .into_iter()
        .take(CLUSTER_TERMS)
        .map(|t| t.term.clone())
        .collect()
}

/// The colour of the cluster ranked `r` (0: largest).
fn color(r: usize) -> String {
    match PALETTE.get(r) {
        Some(c) => (*c).to_string(),
        None => format!("hsl({}, 55%, 48%)", (r * 137) % 360),
    }
}
