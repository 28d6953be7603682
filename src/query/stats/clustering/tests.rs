use super::*;
use crate::query::stats::tests::net;

#[test]
fn a_triangle_with_a_tail() {
    let n = net(4, &[(0, 1), (1, 2), (0, 2), (2, 3)]);
    let g = Graph::build(&n);
    assert_eq!(triangles(&g), [1, 1, 1, 0]);
    let c = local(&g, &triangles(&g));
    assert_eq!(c[0], 1.0);
    assert!((c[2] - 1.0 / 3.0).abs() < 1e-12);
    assert!((average(&g) - (1.0 + 1.0 + 1.0 / 3.0) / 4.0).abs() < 1e-12);
}

#[test]
fn ego_measures_of_spokes_and_of_a_clique() {
    // Five contacts who know nobody: a pure hub.
    let spokes = net(5, &[]);
    let g = Graph::build(&spokes);
    assert_eq!(effective_size(5, 0), 5.0);
    assert!((constraint(&g) - 0.2).abs() < 1e-12);
    // Four contacts who all know each other: every tie redundant.
    let clique = net(4, &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    let g = Graph::build(&clique);
    assert_eq!(effective_size(4, 6), 1.0);
    // Each j: 1/4 + 3 * (1/4 * 1/4) = 7/16; four of them squared.
    assert!((constraint(&g) - 4.0 * (7.0f64 / 16.0).powi(2)).abs() < 1e-12);
}
