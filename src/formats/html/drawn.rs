//! Who the map draws. Up to [`WHOLE`] people, everyone, each placed by the per-person
//! layout. Above, the map draws the clusters as regions and, inside each, its
//! best-connected people: [`DRAWN`] of them shared among the regions by size (at least
//! one each; up to [`DRAWN`] people that is everyone), and the people of the suggested
//! introductions wherever they are. A picture of every dot of a big network is a grey
//! blot that takes the browser long to build, and laying out every person costs more
//! than everything else the export does. Everyone else is found with the page's search
//! box, which shows their region.

use crate::graph::{Graph, Node};
use crate::ids::{FastMap, map_with_capacity};

/// The largest network drawn whole, with the per-person layout (whose exact forces
/// stay cheap up to about this many people).
pub(super) const WHOLE: usize = 400;
/// The most people drawn one by one in the regions of a bigger network.
pub(super) const DRAWN: usize = 1_500;
/// The most clusters drawn as their own region; the smaller ones share one region.
pub(super) const REGIONS: usize = 400;

/// The regions of a big map and who is drawn in them.
pub(super) struct Drawn {
    /// The drawn people, in file order.
    pub people: Vec<Node>,
    /// Each drawn person's region (in `people` order).
    pub region_of_drawn: Vec<usize>,
    /// Each person's region (file order).
    pub region_of: Vec<usize>,
    /// How many people each region holds (all of them, drawn or not).
    pub sizes: Vec<usize>,
    /// The cluster a region stands for (index into the legend's list); `None` for the
    /// last region when it holds the people of small clusters and of none.
    pub cluster: Vec<Option<usize>>,
}

/// Regions: the [`REGIONS`] largest clusters (`cluster_of` numbers them largest first),
/// then one for everyone else if anyone is left. `extra` (the suggested introductions'
/// people) are drawn whatever their rank.
pub(super) fn choose(g: &Graph, cluster_of: &[Option<usize>], extra: &[Node]) -> Drawn {
    let n = g.len();
    let own = cluster_of
        .iter()
        .flatten()
        .map(|&c| c + 1)
        .max()
        .unwrap_or(0)
        .min(REGIONS);
    let region_of: Vec<usize> = cluster_of
        .iter()
        .map(|c| c.filter(|&c| c < own).unwrap_or(own))
        .collect();
    let mut members: Vec<Vec<Node>> = vec![Vec::new(); own + 1];
    for (v, &r) in region_of.iter().enumerate() {
        members[r].push(v as Node);
    }
    if members[own].is_empty() {
        members.pop();
    }
    let mut cluster: Vec<Option<usize>> = (0..own).map(Some).collect();
    if members.len() > own {
        cluster.push(None);
    }
    let mut drawn = vec![false; n];
    for m in &mut members {
        let quota = (DRAWN * m.len() / n.max(1)).max(1);
        // Stable: equal degrees keep file order.
        m.sort_by_key(|&v| std::cmp::Reverse(g.degree(v)));
        for &v in m.iter().take(quota) {
            drawn[v as usize] = true;
        }
    }
    for &v in extra {
        drawn[v as usize] = true;
    }
    let people: Vec<Node> = (0..n as Node).filter(|&v| drawn[v as usize]).collect();
    Drawn {
        region_of_drawn: people.iter().map(|&v| region_of[v as usize]).collect(),
        sizes: members.iter().map(Vec::len).collect(),
        people,
        region_of,
        cluster,
    }
}

/// The relationships among the drawn people (`index` maps a person to their place in
/// the drawn list), at most `cap`: the strongest first, then in the graph's order.
pub(super) fn edges(g: &Graph, index: &[Option<u32>], cap: usize) -> Vec<(u32, u32, f32)> {
    let mut out: Vec<(u32, u32, f32)> = Vec::new();
    for (v, at) in index.iter().enumerate() {
        let Some(a) = *at else { continue };
        let v = v as Node;
        for (&w, &s) in g.neighbors(v).iter().zip(g.strengths(v)) {
            if let (true, Some(b)) = (v < w, index[w as usize]) {
                out.push((a, b, s));
            }
        }
    }
    if out.len() > cap {
        // Stable: equal strengths keep the graph's order.
        out.sort_by(|x, y| y.2.total_cmp(&x.2));
        out.truncate(cap);
        out.sort_by_key(|&(a, b, _)| (a, b));
    }
    out
}

/// How strongly each two regions are tied: the relationships between their people,
/// as `(a, b, count)` with `a < b`, in order.
pub(super) fn links(g: &Graph, region_of: &[usize]) -> Vec<(u32, u32, f64)> {
    let mut count: FastMap<(u32, u32), f64> = map_with_capacity(1024);
    for (a, b) in g.edges() {
        let (ra, rb) = (region_of[a as usize] as u32, region_of[b as usize] as u32);
        if ra != rb {
            *count.entry((ra.min(rb), ra.max(rb))).or_default() += 1.0;
        }
    }
    let mut out: Vec<(u32, u32, f64)> = count.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    out.sort_by_key(|&(a, b, _)| (a, b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::net;

    #[test]
    fn regions_share_the_drawn_people_by_size_and_keep_the_extra_ones() {
        // A star of 30 around 0 and a pair: each cluster is a region, the hub drawn.
        let mut links: Vec<(usize, usize)> = (1..30).map(|i| (0, i)).collect();
        links.push((30, 31));
        let network = net(33, &links);
        let g = Graph::build(&network);
        let mut cluster_of = vec![Some(0); 30];
        cluster_of.extend([Some(1), Some(1), None]);
        let d = choose(&g, &cluster_of, &[32]);
        assert_eq!(d.sizes, vec![30, 2, 1]);
        assert_eq!(d.cluster, vec![Some(0), Some(1), None]);
        // Below DRAWN everyone fits the quota.
        assert_eq!(d.people.len(), 33);
        assert_eq!(d.region_of[32], 2);
        assert_eq!(d.region_of_drawn[0], 0);
    }

    #[test]
    fn edges_keep_the_strongest_when_capped() {
        let mut network = net(4, &[(0, 1), (1, 2), (2, 3)]);
        network.relationships[1].strength = Some(5);
        let g = Graph::build(&network);
        let index = vec![Some(0), Some(1), Some(2), None];
        assert_eq!(edges(&g, &index, 10).len(), 2);
        let top = edges(&g, &index, 1);
        assert_eq!(top.len(), 1);
        assert_eq!((top[0].0, top[0].1), (1, 2));
    }
}
