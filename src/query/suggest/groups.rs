//! `suggest --groups`: small groups (3 to 6) who share a rare interest or a need and
//! mostly do not know each other yet: a dinner, a walk, a group chat worth starting.

use std::collections::HashMap;

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
    let mut drafts = Vec::new();

    for t in 0..ctx.interests.len() as u32 {
        let topic = ctx.interests.term(t);
        // Words of positions are not topics people gather around (`positions.rs`).
        if topic_filter.is_some_and(|f| f != topic) || positions::unmarked(topic).is_some() {
            continue;
        }
        let holders: Vec<Node> = ctx
            .interests
            .holders(t)
            .iter()
            .copied()
            .filter(allowed)
            .collect();
        if holders.len() >= MIN_GROUP {
            let members = pick(ctx, &holders, &known, scope.only);
            drafts.push(Draft {
                members,
                topic: topic.to_string(),
                kind: "interest",
                weight: ctx.interests.idf(t),
                offerers: Vec::new(),
            });
        }
    }
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
            let members = pick(ctx, &pool, &known, scope.only);
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
/// connections and shared interests, starting from `must` if given.
fn pick(
    ctx: &Indexes,
    pool: &[Node],
    known: &impl Fn(Node, Node) -> bool,
    must: Option<Node>,
) -> Vec<Node> {
    if pool.len() <= MAX_GROUP && must.is_none_or(|m| pool.contains(&m)) {
        return pool.to_vec();
    }
    let mut members: Vec<Node> = Vec::new();
    if let Some(m) = must.filter(|m| pool.contains(m)) {
        members.push(m);
    }
    let gain = |members: &[Node], c: Node| -> f64 {
        members
            .iter()
            .map(|&m| if known(m, c) { 0.0 } else { 1.0 } + ctx.interest_similarity(m, c))
            .sum::<f64>()
            + ctx.interests.of(c).len().min(1) as f64 * 0.01
    };
    while members.len() < MAX_GROUP {
        let best = pool
            .iter()
            .copied()
            .filter(|c| !members.contains(c))
            .max_by(|&x, &y| {
                gain(&members, x)
                    .total_cmp(&gain(&members, y))
                    .then_with(|| y.cmp(&x))
            });
        match best {
            Some(c) => members.push(c),
            None => break,
        }
    }
    members
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
