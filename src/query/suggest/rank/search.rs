//! One pass over everyone, split over the machine's cores, and the exact scoring of
//! the pairs that survive the bounds.

use std::collections::BinaryHeap;
use std::sync::atomic::AtomicU64;

use rayon::prelude::*;

use crate::graph::Node;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;

use super::bounds::partner_bounds;
use super::job::Job;
use super::scratch::{Behind, Scratch};
use super::terms::visit_terms;
use super::wedges::visit_wedges;
use super::{Scope, Scored, Stage};

/// One pass over everyone, split over the machine's cores.
pub(super) fn search(
    ctx: &Indexes,
    model: &Model,
    scope: &Scope,
    k: usize,
    min_score: f64,
    stage: Stage,
    behind: Option<&Behind>,
) -> Vec<Scored> {
    let n = ctx.g.len();
    let mut people: Vec<Node> = match scope.only {
        Some(x) => vec![x],
        None => (0..n as Node)
            .filter(|&x| scope.allowed[x as usize])
            .collect(),
    };
    // Well-connected people first: their pairs score high early, which raises the bar
    // that lets every later pair be skipped on bounds alone.
    people.sort_by_key(|&x| std::cmp::Reverse(ctx.g.degree(x)));
    let partner = match stage {
        Stage::Wedges => partner_bounds(ctx, model),
        Stage::Terms { .. } => Vec::new(),
    };
    // The best k-th score any worker has seen: a lower bound of the final k-th score.
    let bar = AtomicU64::new(0f64.to_bits());
    let floor = model.degree_floor();
    // Workers take chunks of people as they go (well-connected people cost more), each
    // with its own scratch and heap; the heaps are merged at the end.
    let workers = if people.len() < 2_000 {
        1
    } else {
        rayon::current_num_threads().min(8)
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    const CHUNK: usize = 64;
    let work = |_| {
        let mutual = stage == Stage::Wedges && model.lowrank.is_some();
        let mut scratch = Scratch::new(n, mutual);
        let mut heap = BinaryHeap::with_capacity(k + 1);
        loop {
            let start = next.fetch_add(CHUNK, std::sync::atomic::Ordering::Relaxed);
            if start >= people.len() {
                break;
            }
            for &x in &people[start..(start + CHUNK).min(people.len())] {
                let job = Job {
                    ctx,
                    model,
                    scope,
                    stage,
                    k,
                    min_score,
                    bar: &bar,
                    partner: &partner,
                    behind,
                    floor,
                };
                visit(&job, x, &mut scratch, &mut heap);
            }
        }
        heap
    };
    let heaps: Vec<BinaryHeap<Scored>> = if workers == 1 {
        vec![work(0)]
    } else {
        (0..workers).into_par_iter().map(work).collect()
    };
    let mut all: Vec<Scored> = heaps.into_iter().flat_map(BinaryHeap::into_vec).collect();
    all.sort();
    all.truncate(k);
    all
}

/// Scores every candidate partner of `x` (only partners after `x` when ranking all
/// pairs, so each pair is seen once) into the running top-k heap.
pub(super) fn visit(job: &Job, x: Node, s: &mut Scratch, heap: &mut BinaryHeap<Scored>) {
    match job.stage {
        Stage::Wedges => visit_wedges(job, x, s, heap),
        Stage::Terms { cap, eligible } => visit_terms(job, x, cap, eligible, s, heap),
    }
}
