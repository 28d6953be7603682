use super::overlap::apart;
use super::quadtree::Quadtree;
use super::*;
use crate::graph::tests::net;
use crate::query::stats::communities::louvain;

fn run(n: usize, links: &[(usize, usize)]) -> Layout {
    let network = net(n, links);
    let g = Graph::build(&network);
    let (clusters, _) = louvain(&g);
    layout(
        &g,
        &clusters,
        &Options {
            spacing: 50.0,
            ..Options::default()
        },
    )
}

fn clique(base: usize, size: usize, links: &mut Vec<(usize, usize)>) {
    for i in 0..size {
        for j in i + 1..size {
            links.push((base + i, base + j));
        }
    }
}

/// Two cliques of five joined by one bridge, and two isolates.
fn bridged() -> (usize, Vec<(usize, usize)>) {
    let mut links = Vec::new();
    clique(0, 5, &mut links);
    clique(5, 5, &mut links);
    links.push((4, 5));
    (12, links)
}

/// A ring of 30 cliques of 20 (600 contacts): big enough for Barnes-Hut.
fn ring() -> (usize, Vec<(usize, usize)>) {
    let mut links = Vec::new();
    for c in 0..30 {
        clique(c * 20, 20, &mut links);
        links.push((c * 20, ((c + 1) % 30) * 20 + 1));
    }
    (600, links)
}

fn assert_inside(l: &Layout, n: usize) {
    assert_eq!((l.x.len(), l.y.len()), (n, n));
    assert!(l.width.is_finite() && l.height.is_finite());
    assert!(l.width > 0.0 && l.height > 0.0);
    for (&x, &y) in l.x.iter().zip(&l.y) {
        assert!(x.is_finite() && y.is_finite(), "{x} {y}");
        assert!((0.0..=l.width).contains(&x), "{x} not in 0..{}", l.width);
        assert!((0.0..=l.height).contains(&y), "{y} not in 0..{}", l.height);
    }
}

fn distance(l: &Layout, a: usize, b: usize) -> f64 {
    ((l.x[a] - l.x[b]).powi(2) + (l.y[a] - l.y[b]).powi(2)).sqrt()
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --lib"
)]
fn the_same_network_gives_the_same_layout() {
    for (n, links) in [bridged(), ring()] {
        let a = run(n, &links);
        let b = run(n, &links);
        let bits =
            |l: &Layout| -> Vec<u64> { l.x.iter().chain(&l.y).map(|v| v.to_bits()).collect() };
        assert_eq!(bits(&a), bits(&b));
        assert_eq!(a.width.to_bits(), b.width.to_bits());
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --lib"
)]
fn positions_are_finite_and_inside_the_box() {
    let (n, links) = bridged();
    assert_inside(&run(n, &links), n);
    let (n, links) = ring();
    assert_inside(&run(n, &links), n);
    // A star, a path and a pair: shapes where a node could be flung away.
    assert_inside(&run(7, &[(0, 1), (0, 2), (0, 3), (4, 5), (5, 6)]), 7);
    assert_inside(&run(2, &[(0, 1)]), 2);
}

#[test]
fn linked_contacts_are_closer_than_unlinked_ones() {
    let (n, links) = bridged();
    let l = run(n, &links);
    let (mut near, mut far) = (Vec::new(), Vec::new());
    for a in 0..10 {
        for b in a + 1..10 {
            let d = distance(&l, a, b);
            if links.contains(&(a, b)) {
                &mut near
            } else {
                &mut far
            }
            .push(d);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    assert!(mean(&near) < mean(&far), "{near:?} vs {far:?}");
    // The bridge's ends sit between the two cliques: the cliques do not overlap.
    let centre = |r: std::ops::Range<usize>| {
        let len = r.len() as f64;
        let (sx, sy) = r.fold((0.0, 0.0), |(sx, sy), i| (sx + l.x[i], sy + l.y[i]));
        (sx / len, sy / len)
    };
    let (a, b) = (centre(0..5), centre(5..10));
    let gap = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    assert!(gap > 50.0, "cliques {gap} apart");
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --lib"
)]
fn no_two_contacts_share_a_spot() {
    let (n, links) = ring();
    let l = run(n, &links);
    let mut min = f64::MAX;
    for a in 0..n {
        for b in a + 1..n {
            min = min.min(distance(&l, a, b));
        }
    }
    assert!(min > 1.0, "closest pair {min} apart");
}

#[test]
fn isolates_are_packed_close_not_flung_away() {
    let mut links = Vec::new();
    clique(0, 6, &mut links);
    let n = 6 + 20;
    let l = run(n, &links);
    assert_inside(&l, n);
    // Every component gets a box of at most a few spacings a side.
    assert!(l.width * l.height < 40.0 * n as f64 * 50.0 * 50.0);
    assert!(l.width / l.height < 4.0 && l.height / l.width < 4.0);
}

#[test]
fn empty_and_single_networks() {
    let l = run(0, &[]);
    assert!(l.x.is_empty() && l.y.is_empty());
    assert!(l.width > 0.0 && l.height > 0.0);
    let l = run(1, &[]);
    assert_inside(&l, 1);
    assert_eq!((l.x[0], l.y[0]), (50.0, 50.0));
    assert_eq!((l.width, l.height), (100.0, 100.0));
}

#[test]
fn barnes_hut_pushes_like_the_exact_sum() {
    let mut rng = SplitMix64::new(7);
    let pos: Vec<[f64; 2]> = (0..300).map(|_| in_disc(&mut rng)).collect();
    let mass = vec![1.0; pos.len()];
    let mut tree = Quadtree::default();
    tree.build(&pos, &mass);
    for a in [0, 150, 299] {
        let mut exact = [0.0, 0.0];
        for b in 0..pos.len() {
            if b != a {
                let (dx, dy) = apart(pos[a], pos[b], a, b, 1e-6);
                let s = 1.0 / (dx * dx + dy * dy);
                exact[0] += dx * s;
                exact[1] += dy * s;
            }
        }
        let approx = tree.push(a, pos[a], 1.0, 1.0, 1e-6, &mut Vec::new());
        let err = ((approx[0] - exact[0]).powi(2) + (approx[1] - exact[1]).powi(2)).sqrt();
        let len = (exact[0].powi(2) + exact[1].powi(2)).sqrt();
        assert!(err < 0.1 * len.max(1.0), "{approx:?} vs {exact:?}");
    }
}
