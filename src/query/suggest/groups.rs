//! `suggest --groups`: small groups (3 to 6) who share a rare interest or a need and
//! mostly do not know each other yet: a dinner, a walk, a group chat worth starting.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::graph::{Graph, Node};
use crate::model::PersonId;
use crate::query::suggest::positions;
use crate::query::suggest::rank::Scope;
use crate::query::suggest::signals::Indexes;

pub const MIN_GROUP: usize = 3;
pub const MAX_GROUP: usize = 6;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    pub people: Vec<PersonId>,
    pub names: Vec<String>,
    pub score: f64,
    /// What brings them together.
    pub topic: String,
    /// "interest" (all hold it) or "need" (some seek it, someone offers it).
    pub kind: &'static str,
    /// Interests every member holds, rarest first.
    pub shared_interests: Vec<String>,
    /// Pairs in the group who would meet for the first time.
    pub new_connections: usize,
    /// Pairs in the group who already know each other (or were introduced).
    pub known_pairs: usize,
    pub why: String,
}

struct Draft {
    members: Vec<Node>,
    topic: String,
    kind: &'static str,
    weight: f64,
    offerers: Vec<Node>,
}

pub fn groups(
    ctx: &Indexes,
    scope: &Scope,
    topic_filter: Option<&str>,
    limit: usize,
    min_score: f64,
) -> Vec<Group> {
    let g = ctx.g;
    let known =
        |a: Node, b: Node| g.linked(a, b) || scope.introduced.contains(&(a.min(b), a.max(b)));
    let allowed = |n: &Node| scope.allowed[*n as usize];
    let mut partners: Vec<Vec<Node>> = vec![Vec::new(); g.len()];
    for &(a, b) in &scope.introduced {
        partners[a as usize].push(b);
        partners[b as usize].push(a);
    }
    // Each interest's group is picked on its own, so the terms spread over the cores
    // (collected in term order, as one pass gives).
    let mut drafts: Vec<Draft> = (0..ctx.interests.len() as u32)
        .into_par_iter()
        .map_init(
            || Weights::new(ctx, &partners),
            |weights, t| {
                let topic = ctx.interests.term(t);
                // Words of positions are not topics people gather around (`positions.rs`).
                if topic_filter.is_some_and(|f| f != topic) || positions::unmarked(topic).is_some()
                {
                    return None;
                }
                let holders: Vec<Node> = ctx
                    .interests
                    .holders(t)
                    .iter()
                    .copied()
                    .filter(allowed)
                    .collect();
                (holders.len() >= MIN_GROUP).then(|| Draft {
                    members: pick(ctx, weights, &holders, scope.only),
                    topic: topic.to_string(),
                    kind: "interest",
                    weight: ctx.interests.idf(t),
                    offerers: Vec::new(),
                })
            },
        )
        .flatten()
        .collect();
    let mut weights = Weights::new(ctx, &partners);
    // A shared need: everyone who seeks it, with the people who offer something that meets it.
    for s in 0..ctx.needs.seeks.len() as u32 {
        let topic = ctx.needs.seeks.term(s);
        if topic_filter.is_some_and(|f| !topic.contains(f)) || positions::unmarked(topic).is_some()
        {
            continue;
        }
        let seekers: Vec<Node> = ctx
            .needs
            .seeks
            .holders(s)
            .iter()
            .copied()
            .filter(allowed)
            .collect();
        let mut offerers: Vec<Node> = ctx.needs.offerers_of(s).filter(allowed).collect();
        offerers.sort_unstable();
        offerers.dedup();
        offerers.retain(|o| !seekers.contains(o));
        if seekers.len() >= 2 && !offerers.is_empty() && seekers.len() + offerers.len() >= MIN_GROUP
        {
            let mut pool = seekers.clone();
            pool.extend(offerers.iter().take(2));
            let members = pick(ctx, &mut weights, &pool, scope.only);
            let offerers = offerers
                .into_iter()
                .filter(|o| members.contains(o))
                .collect();
            drafts.push(Draft {
                members,
                topic: topic.to_string(),
                kind: "need",
                weight: ctx.needs.seeks.idf(s).max(0.5),
                offerers,
            });
        }
    }

    let mut by_members: HashMap<Vec<Node>, Group> = HashMap::new();
    for d in drafts {
        if d.members.len() < MIN_GROUP || scope.only.is_some_and(|x| !d.members.contains(&x)) {
            continue;
        }
        let pairs = d.members.len() * (d.members.len() - 1) / 2;
        let known_pairs = d
            .members
            .iter()
            .enumerate()
            .map(|(i, &a)| d.members[i + 1..].iter().filter(|&&b| known(a, b)).count())
            .sum::<usize>();
        let new_connections = pairs - known_pairs;
        // "Mostly do not know each other": at least half the pairs are new.
        if new_connections * 2 < pairs {
            continue;
        }
        let score = super::round(
            d.weight * new_connections as f64 / pairs as f64 * (d.members.len() as f64).ln(),
        );
        if score <= min_score {
            continue;
        }
        let mut sorted = d.members.clone();
        sorted.sort_unstable();
        let group = describe(ctx, &d, score, known_pairs, new_connections, pairs);
        match by_members.get(&sorted) {
            Some(existing) if existing.score >= score => {}
            _ => {
                by_members.insert(sorted, group);
            }
        }
    }
    let mut out: Vec<Group> = by_members.into_values().collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.people.cmp(&b.people))
    });
    out.truncate(limit);
    out
}

/// Chooses up to `MAX_GROUP` of the candidates: greedily the one who adds the most new
/// connections and shared interests, starting from `must` if given (ties: the lower index).
/// Each candidate's gain is kept and grown by one term per member added, in member order,
/// so it is the same sum as recomputing it over all members, for a sixth of the work
/// (a common interest has tens of thousands of holders at 100k people).
fn pick(ctx: &Indexes, weights: &mut Weights, pool: &[Node], must: Option<Node>) -> Vec<Node> {
    if pool.len() <= MAX_GROUP && must.is_none_or(|m| pool.contains(&m)) {
        return pool.to_vec();
    }
    let mut members: Vec<Node> = Vec::new();
    let mut gain = vec![0.0f64; pool.len()];
    let mut taken = vec![false; pool.len()];
    let mut add = |m: Node, gain: &mut [f64]| {
        weights.set(ctx, m);
        for (g, &c) in gain.iter_mut().zip(pool) {
            *g += if weights.knows(c) { 0.0 } else { 1.0 } + weights.similarity(ctx, m, c);
        }
        weights.clear(ctx, m);
    };
    if let Some(i) = must.and_then(|m| pool.iter().position(|&c| c == m)) {
        members.push(pool[i]);
        taken[i] = true;
        add(pool[i], &mut gain);
    }
    while members.len() < MAX_GROUP {
        let best = (0..pool.len()).filter(|&i| !taken[i]).max_by(|&x, &y| {
            let total = |i: usize| gain[i] + ctx.interests.of(pool[i]).len().min(1) as f64 * 0.01;
            total(x)
                .total_cmp(&total(y))
                .then_with(|| pool[y].cmp(&pool[x]))
        });
        match best {
            Some(i) => {
                members.push(pool[i]);
                taken[i] = true;
                add(pool[i], &mut gain);
            }
            None => break,
        }
    }
    members
}

/// One member spread out: their interest weights over the whole vocabulary and a mark on
/// everyone they know (or were introduced to), so comparing them with each of thousands
/// of candidates is a walk over the candidate's terms and one look-up, instead of a merge
/// of two lists (`Indexes::interest_similarity`, summed in the same term order) and a
/// search. One per thread, set and cleared per member.
struct Weights<'p> {
    idf: Vec<f64>,
    known: Vec<bool>,
    partners: &'p [Vec<Node>],
}

impl<'p> Weights<'p> {
    fn new(ctx: &Indexes, partners: &'p [Vec<Node>]) -> Weights<'p> {
        Weights {
            idf: vec![0.0; ctx.interests.len()],
            known: vec![false; ctx.g.len()],
            partners,
        }
    }

    fn set(&mut self, ctx: &Indexes, m: Node) {
        self.mark(ctx, m, true);
    }

    fn clear(&mut self, ctx: &Indexes, m: Node) {
        self.mark(ctx, m, false);
    }

    fn mark(&mut self, ctx: &Indexes, m: Node, on: bool) {
        for &t in ctx.interests.of(m) {
            self.idf[t as usize] = if on { ctx.interests.idf(t) } else { 0.0 };
        }
        let partners = self.partners;
        for &c in ctx.g.neighbors(m).iter().chain(&partners[m as usize]) {
            self.known[c as usize] = on;
        }
    }

    /// Whether the member whose marks are set knows `c` (the `known` of `groups`).
    fn knows(&self, c: Node) -> bool {
        self.known[c as usize]
    }

    /// `ctx.interest_similarity(m, c)` for the member whose weights are set.
    fn similarity(&self, ctx: &Indexes, m: Node, c: Node) -> f64 {
        let (na, nb) = (ctx.interests.of(m).len(), ctx.interests.of(c).len());
        if na == 0 || nb == 0 {
            return 0.0;
        }
        // Every weight of a held term is above 0 (idf > 0), so skipping zeros adds exactly
        // the shared terms, in increasing term order, as the merge does.
        let mut sum = 0.0;
        for &t in ctx.interests.of(c) {
            let w = self.idf[t as usize];
            if w > 0.0 {
                sum += w;
            }
        }
        sum / ((na * nb) as f64).sqrt()
    }
}

fn describe(
    ctx: &Indexes,
    d: &Draft,
    score: f64,
    known_pairs: usize,
    new_connections: usize,
    pairs: usize,
) -> Group {
    let g: &Graph = ctx.g;
    let mut shared: Vec<u32> = ctx.interests.of(d.members[0]).to_vec();
    for &m in &d.members[1..] {
        shared.retain(|t| ctx.interests.of(m).binary_search(t).is_ok());
    }
    shared.retain(|&t| positions::unmarked(ctx.interests.term(t)).is_none());
    shared.sort_by(|&x, &y| ctx.interests.idf(y).total_cmp(&ctx.interests.idf(x)));
    let names: Vec<String> = d.members.iter().map(|&m| g.name(m).to_string()).collect();
    let first = |n: Node| g.first_name(n);
    let known_text = match known_pairs {
        0 => format!("none of the {pairs} pairs know each other yet"),
        1 => format!("only 1 of {pairs} pairs already know each other"),
        k => format!("only {k} of {pairs} pairs already know each other"),
    };
    let why = match d.kind {
        "need" => {
            let offer: Vec<&str> = d.offerers.iter().map(|&o| first(o)).collect();
            format!(
                "{} people looking for {}, with {} who can help: {known_text}",
                d.members.len() - d.offerers.len(),
                d.topic,
                crate::text::join_names(&offer)
            )
        }
        _ => format!("{} people into {}: {known_text}", d.members.len(), d.topic),
    };
    Group {
        people: d.members.iter().map(|&m| g.id(m).clone()).collect(),
        names,
        score,
        topic: d.topic.clone(),
        kind: d.kind,
        shared_interests: shared
            .iter()
            .map(|&t| ctx.interests.term(t).to_string())
            .collect(),
        new_connections,
        known_pairs,
        why,
    }
}
