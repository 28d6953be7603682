//! How long ranking introductions takes as the network grows: `cargo bench --bench suggest`.
//! The network is already in memory: this measures the graph, the fit and the ranking
//! (`benches/suggest_e2e.sh` times the whole command, loading included). Networks come
//! from `netweb_test_support::synthetic` with a fixed seed: ten relationships and ~20 interests
//! (Zipf over 5,000) per person, a few offers and seeks.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use netweb::graph::Graph;
use netweb::query::suggest::{self, Options, Prepared};
use netweb_test_support::synthetic;

fn rank(c: &mut Criterion) {
    for people in [1_000, 10_000, 100_000] {
        let net = synthetic::generate(&synthetic::Spec::scaled(people));
        let mut group = c.benchmark_group(format!("suggest_{people}_people"));
        if people >= 10_000 {
            group.sample_size(10).sampling_mode(SamplingMode::Flat);
            group.warm_up_time(Duration::from_secs(1));
        }
        if people >= 100_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        let top20 = Options {
            limit: 20,
            ..Options::default()
        };
        group.bench_function("graph_fit_rank_top20", |b| {
            b.iter(|| {
                let g = Graph::build(black_box(&net));
                let prepared = Prepared::new(&g);
                suggest::suggest(&prepared, &top20)
            })
        });
        let g = Graph::build(&net);
        let prepared = Prepared::new(&g);
        group.bench_function("rank_top20", |b| {
            b.iter(|| suggest::suggest(black_box(&prepared), &top20))
        });
        let one = Options {
            limit: 20,
            for_person: Some(net.people[0].id.clone()),
            ..Options::default()
        };
        group.bench_function("rank_for_one_person", |b| {
            b.iter(|| suggest::suggest(black_box(&prepared), &one))
        });
        group.finish();
    }
}

criterion_group!(benches, rank);
criterion_main!(benches);
