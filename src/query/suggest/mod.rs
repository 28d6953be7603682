//! `suggest`: which of the owner's contacts should meet, and why.
//!
//! signals.rs measures a pair (mutual contacts, shared interests, needs met), features.rs
//! turns the measures into model inputs, scoring.rs combines them with weights fit.rs
//! (or heldout.rs, on small networks) learns from the owner's own network through
//! regression.rs, rank/ finds the best pairs without scoring all of them, and this file
//! turns the winners into explained suggestions. groups.rs does the same for small groups.

pub mod candidates;
pub mod features;
pub mod fit;
pub mod groups;
pub mod heldout;
pub mod matching;
pub mod needs;
pub mod rank;
pub mod regression;
pub mod scoring;
pub mod signals;
pub mod spectral;

use std::collections::HashSet;

use compact_str::CompactString;
use serde::Serialize;

use crate::graph::{Graph, Node};
use crate::model::PersonId;
use crate::text::normalize_term;
use signals::Indexes;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub for_person: Option<PersonId>,
    pub interest: Option<String>,
    pub tag: Option<String>,
    pub limit: usize,
    pub min_score: Option<f64>,
}

/// One suggested introduction, as printed and as `--json` emits it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suggestion {
    pub people: [PersonId; 2],
    pub names: [String; 2],
    /// Higher is better; comparable within one run.
    pub score: f64,
    /// Interests both hold, rarest first.
    pub shared_interests: Vec<String>,
    /// Needs one meets for the other.
    pub offers: Vec<Offer>,
    /// Contacts who already know both, the most telling first.
    pub mutual_contacts: Vec<PersonId>,
    pub mutual_names: Vec<String>,
    /// The one-sentence reason.
    pub why: String,
}

/// `from` offers `offer`, which meets what `to` seeks.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Offer {
    pub from: PersonId,
    pub to: PersonId,
    pub offer: String,
    pub seek: String,
}

/// How many mutual contacts a sentence names before it says "and N more".
const NAMED_CONTACTS: usize = 3;
/// How many shared interests a sentence names.
const NAMED_INTERESTS: usize = 3;

/// Everything a suggestion run needs that does not depend on the options.
pub struct Prepared<'a> {
    pub ctx: Indexes<'a>,
    pub model: scoring::Model,
}

impl<'a> Prepared<'a> {
    pub fn new(g: &'a Graph<'a>) -> Prepared<'a> {
        let ctx = Indexes::new(g);
        let model = fit::fit(&ctx);
        Prepared { ctx, model }
    }
}

pub fn suggest(p: &Prepared, opts: &Options) -> Vec<Suggestion> {
    let ctx = &p.ctx;
    let scope = scope(ctx, opts);
    let found = rank::top_pairs(
        ctx,
        &p.model,
        &scope,
        opts.limit,
        opts.min_score.unwrap_or(0.0),
    );
    found
        .iter()
        .map(|s| explain(ctx, s.a, s.b, s.score))
        .collect()
}

/// Who may appear, from the options and the people's own wishes.
pub fn scope(ctx: &Indexes, opts: &Options) -> rank::Scope {
    let g = ctx.g;
    let net = g.net;
    let tag = opts.tag.as_deref().map(normalize_term);
    let interest = opts.interest.as_deref().map(normalize_term);
    let allowed: Vec<bool> = net
        .people
        .iter()
        .map(|p| !p.no_intros && tag.as_ref().is_none_or(|t| p.tags.iter().any(|x| x == t)))
        .collect();
    let mut introduced = HashSet::new();
    for intro in &net.introductions {
        let nodes: Vec<Node> = intro.people.iter().filter_map(|id| g.node(id)).collect();
        for (i, &a) in nodes.iter().enumerate() {
            for &b in &nodes[i + 1..] {
                introduced.insert((a.min(b), a.max(b)));
            }
        }
    }
    let pair_filter: Option<Box<dyn Fn(Node, Node) -> bool + Sync>> = interest.map(|term| {
        let people: Vec<(Vec<CompactString>, Vec<CompactString>, Vec<CompactString>)> = net
            .people
            .iter()
            .map(|p| (p.interests.clone(), p.offers.clone(), p.seeks.clone()))
            .collect();
        Box::new(move |a: Node, b: Node| about(&people[a as usize], &people[b as usize], &term))
            as Box<dyn Fn(Node, Node) -> bool + Sync>
    });
    rank::Scope {
        only: opts.for_person.as_ref().and_then(|id| g.node(id)),
        allowed,
        introduced,
        pair_filter,
    }
}

/// A pair is "about" a term when both hold it as an interest, or one offers or seeks a
/// phrase that mentions it.
fn about(
    a: &(Vec<CompactString>, Vec<CompactString>, Vec<CompactString>),
    b: &(Vec<CompactString>, Vec<CompactString>, Vec<CompactString>),
    term: &str,
) -> bool {
    let mentions = |list: &[CompactString]| list.iter().any(|p| matching::coverage(p, term) > 0.0);
    (a.0.iter().any(|t| t == term) && b.0.iter().any(|t| t == term))
        || [&a.1, &a.2, &b.1, &b.2].iter().any(|l| mentions(l))
}

/// Turns a scored pair into names, reasons and a sentence.
pub fn explain(ctx: &Indexes, a: Node, b: Node, score: f64) -> Suggestion {
    let g = ctx.g;
    let mut shared: Vec<u32> = ctx.interests.shared(a, b).collect();
    shared.sort_by(|&x, &y| {
        ctx.interests
            .idf(y)
            .total_cmp(&ctx.interests.idf(x))
            .then_with(|| ctx.interests.term(x).cmp(ctx.interests.term(y)))
    });
    let shared_interests: Vec<String> = shared
        .iter()
        .map(|&t| ctx.interests.term(t).to_string())
        .collect();
    let mut mutual: Vec<Node> = ctx.mutual_contacts(a, b).collect();
    // Most telling first: a contact who knows few people says more than one who knows all.
    mutual.sort_by(|&x, &y| {
        g.degree(x)
            .cmp(&g.degree(y))
            .then_with(|| g.name(x).cmp(g.name(y)))
    });
    let helps: Vec<needs::Help> = ctx
        .needs
        .helps(a, b)
        .into_iter()
        .chain(ctx.needs.helps(b, a))
        .collect();
    let offers: Vec<Offer> = helps
        .iter()
        .map(|h| Offer {
            from: g.id(h.from).clone(),
            to: g.id(h.to).clone(),
            offer: ctx.needs.offers.term(h.offer).to_string(),
            seek: ctx.needs.seeks.term(h.seek).to_string(),
        })
        .collect();
    let why = sentence(g, a, b, &shared_interests, &helps, ctx, &mutual);
    Suggestion {
        people: [g.id(a).clone(), g.id(b).clone()],
        names: [g.name(a).to_string(), g.name(b).to_string()],
        score: round(score),
        shared_interests,
        offers,
        mutual_contacts: mutual.iter().map(|&z| g.id(z).clone()).collect(),
        mutual_names: mutual.iter().map(|&z| g.name(z).to_string()).collect(),
        why,
    }
}

/// Scores are shown to three decimals; rounding the stored value keeps text and JSON equal.
pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// "both into bookbinding and poetry; Ada offers rust mentoring, which Grace seeks
/// (mentoring); 2 mutual contacts: Charles, Alan"
fn sentence(
    g: &Graph,
    a: Node,
    b: Node,
    shared: &[String],
    helps: &[needs::Help],
    ctx: &Indexes,
    mutual: &[Node],
) -> String {
    let first = |n: Node| g.first_name(n);
    let mut parts = Vec::new();
    if !shared.is_empty() {
        let named: Vec<&str> = shared
            .iter()
            .take(NAMED_INTERESTS)
            .map(String::as_str)
            .collect();
        let more = shared.len().saturating_sub(NAMED_INTERESTS);
        let tail = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        parts.push(format!(
            "both into {}{tail}",
            crate::render::join_names(&named)
        ));
    }
    let mutual_benefit = helps.iter().any(|h| h.from == a) && helps.iter().any(|h| h.from == b);
    for h in helps.iter().take(2) {
        let offer = ctx.needs.offers.term(h.offer);
        let seek = ctx.needs.seeks.term(h.seek);
        let what = if offer == seek {
            String::new()
        } else {
            format!(" ({seek})")
        };
        parts.push(format!(
            "{} offers {offer}, which {} seeks{what}",
            first(h.from),
            first(h.to)
        ));
    }
    if mutual_benefit {
        parts.push("each can help the other".to_string());
    }
    if !mutual.is_empty() {
        let named: Vec<&str> = mutual
            .iter()
            .take(NAMED_CONTACTS)
            .map(|&z| g.name(z))
            .collect();
        let more = mutual.len().saturating_sub(NAMED_CONTACTS);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let count = crate::render::count(mutual.len(), "mutual contact", "mutual contacts");
        parts.push(format!("{count}: {}{tail}", named.join(", ")));
    }
    if parts.is_empty() {
        parts.push("no shared reason recorded".to_string());
    }
    parts.join("; ")
}
