use super::*;
use crate::graph::Graph;
use crate::query::suggest::scoring::LowRank;
use crate::query::suggest::spectral::{Adjacency, top_eigenpairs};
use crate::query::suggest::{Options, fit, regression, scope};
use crate::synthetic::{Spec, generate};

/// Every unlinked, allowed pair scored exactly: the answer the ranker must match.
fn brute_force(ctx: &Indexes, model: &Model, scope: &Scope, k: usize) -> Vec<Scored> {
    let n = ctx.g.len() as Node;
    let mut all = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if ctx.g.linked(a, b)
                || !scope.allowed[a as usize]
                || !scope.allowed[b as usize]
                || scope.introduced.contains(&(a, b))
            {
                continue;
            }
            if scope.only.is_some_and(|x| x != a && x != b) {
                continue;
            }
            let score = model.pair_score(&ctx.features(a, b), a, b);
            if score > 0.0 {
                all.push(Scored { score, a, b });
            }
        }
    }
    all.sort();
    all.truncate(k);
    all
}

fn same(found: &[Scored], expected: &[Scored]) {
    assert_eq!(found.len(), expected.len());
    for (f, e) in found.iter().zip(expected) {
        assert!((f.score - e.score).abs() < 1e-9, "{f:?} vs {e:?}");
        assert_eq!((f.a, f.b), (e.a, e.b));
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "soak: slow unoptimised; cargo test --release --lib"
)]
fn pruning_never_changes_the_top_pairs() {
    for seed in [1, 2] {
        let spec = Spec {
            seed,
            // 100 people and 1,000 relationships: small enough for a debug build,
            // big enough for the held-out fit with low-rank inputs up to rank 32.
            ..Spec::scaled(100)
        };
        let net = generate(&spec);
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        let fitted = fit::fit(&ctx);
        let prior = Model::new(regression::PRIOR, fitted.max_degree);
        // Weights of both signs for the degree term, as fits can give.
        let favours_degree = Model::new([0.4, 1.6, 6.4, 0.4, 1.2, 1.3], fitted.max_degree);
        let against_degree = Model::new([1.0, 0.5, 2.0, -0.7, 1.5, 1.0], fitted.max_degree);
        // A low-rank part with weights of both signs: the ranker must score it exactly.
        let eigen = top_eigenpairs(&Adjacency::new(g.len(), |v| g.neighbors(v)), 16, 60);
        let low_rank = Model {
            lowrank: Some(LowRank::new(eigen, vec![2, 4, 16], vec![0.8, -0.5, 1.5])),
            ..against_degree.clone()
        };
        // The held-out fit ran (its guard is recorded), whether or not it kept low rank.
        assert!(fitted.guard.is_some());
        for model in [fitted, prior, favours_degree, against_degree, low_rank] {
            let sc = scope(&ctx, &Options::default());
            for k in [1, 20, 200] {
                let expected = brute_force(&ctx, &model, &sc, k);
                // A start cap of 1 forces the bound check to decide when to stop.
                for start in [Some(1), Some(8), None] {
                    same(&top_pairs_from(&ctx, &model, &sc, k, 0.0, start), &expected);
                }
            }
            let one = Options {
                for_person: Some(net.people[7].id.clone()),
                ..Options::default()
            };
            let sc = scope(&ctx, &one);
            same(
                &top_pairs_from(&ctx, &model, &sc, 15, 0.0, Some(1)),
                &brute_force(&ctx, &model, &sc, 15),
            );
        }
    }
}

/// A model over local weights of both degree signs and a random low-rank part: eigenpairs
/// and weights of either sign (so coefficients c_k of either sign), coordinates that need
/// not be orthonormal (the bound holds for any), scaled from a nudge to the main term.
fn random_low_rank(g: &Graph, rng: &mut crate::rng::SplitMix64) -> Model {
    let mut unit = || rng.next_u64() as f64 / u64::MAX as f64;
    let n = g.len();
    let r = 1 + (unit() * 12.0) as usize;
    let scale = [0.05, 1.0, 20.0][(unit() * 3.0) as usize % 3];
    let values: Vec<f64> = (0..r).map(|_| scale * (2.0 * unit() - 1.0)).collect();
    let spread = 1.0 / (n as f64).sqrt();
    let vectors: Vec<f64> = (0..n * r)
        .map(|_| spread * (2.0 * unit() - 1.0) * if unit() < 0.1 { 6.0 } else { 1.0 })
        .collect();
    let ranks: Vec<usize> = (1..=r).filter(|k| k % 2 == 0 || *k == r).collect();
    let weights: Vec<f64> = ranks.iter().map(|_| 2.0 * unit() - 0.7).collect();
    let local = [
        unit(),
        unit(),
        3.0 * unit(),
        2.0 * unit() - 1.0,
        unit(),
        unit(),
    ];
    let max_degree = (0..n as Node).map(|v| g.degree(v)).max().unwrap_or(0);
    let eigen = crate::query::suggest::spectral::Eigen { values, vectors };
    Model {
        lowrank: Some(LowRank::new(eigen, ranks, weights)),
        ..Model::new(local, max_degree)
    }
}

#[test]
fn the_low_rank_bound_keeps_the_exhaustive_list() {
    let mut rng = crate::rng::SplitMix64::new(21);
    for seed in 1..=4 {
        // Few relationships a person, so many pairs share no contact and only the
        // low-rank part can lift a pair sharing a common interest.
        let spec = Spec {
            seed,
            relationships: 150 + 50 * seed as usize,
            ..Spec::scaled(80)
        };
        let net = generate(&spec);
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        for _ in 0..6 {
            let model = random_low_rank(&g, &mut rng);
            let mut cases = vec![(Options::default(), 0.0)];
            let person = rng.below(net.people.len());
            let one = Options {
                for_person: Some(net.people[person].id.clone()),
                ..Options::default()
            };
            cases.push((one, 0.0));
            cases.push((Options::default(), 0.5));
            for (options, min_score) in &cases {
                let sc = scope(&ctx, options);
                for k in [1, 10, 100, 2_000] {
                    let expected = exhaustive::exhaustive(&ctx, &model, &sc, k, *min_score);
                    for start in [Some(1), None] {
                        let found = top_pairs_from(&ctx, &model, &sc, k, *min_score, start);
                        // To the bit: the same pairs, the same scores.
                        assert_eq!(found, expected, "seed {seed} k {k} start {start:?}");
                    }
                    if *min_score == 0.0 {
                        same(&expected, &brute_force(&ctx, &model, &sc, k));
                    }
                }
            }
        }
    }
}
