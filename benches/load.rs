//! How long loading and saving take as the network grows: `cargo bench --bench load`.
//! Networks come from `netweb_test_support::synthetic` (ten relationships per person);
//! the 100k-person file is about 180 MB and takes the bulk of the run (a few minutes in
//! all).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use netweb::store;
use netweb_test_support::synthetic;

fn load_and_save(c: &mut Criterion) {
    for people in [1_000, 10_000, 100_000] {
        let net = synthetic::generate(&synthetic::Spec::scaled(people));
        let bytes = store::to_bytes(&net).expect("serialises");
        let mut group = c.benchmark_group(format!("{people}_people"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        if people >= 10_000 {
            // Seconds per iteration at 100k: a fixed ten iterations, not a ramp.
            group.sample_size(10).sampling_mode(SamplingMode::Flat);
            group.warm_up_time(Duration::from_secs(1));
        }
        if people >= 100_000 {
            group.measurement_time(Duration::from_secs(30));
        }
        group.bench_function("parse", |b| {
            b.iter(|| store::parse(Path::new("network.json"), black_box(&bytes)).expect("parses"))
        });
        group.bench_function("to_bytes", |b| {
            b.iter(|| store::to_bytes(black_box(&net)).expect("serialises"))
        });
        group.finish();
    }
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
