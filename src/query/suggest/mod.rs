//! `suggest`: which of the owner's contacts should meet, and why.
//!
//! signals.rs measures a pair (mutual contacts, shared interests, needs met; positions.rs
//! adds what people's positions say to the interests and needs), features.rs
//! turns the measures into model inputs, scoring.rs combines them with weights fit.rs
//! (or heldout.rs, up to tens of thousands of people) learns from the owner's own
//! network through regression.rs, rank/ finds the best pairs without scoring all of
//! them, and this file turns the winners into explained suggestions. groups.rs does the
//! same for small groups.

pub mod candidates;
mod explain;
pub mod features;
pub mod fit;
pub mod fold_pairs;
pub mod groups;
pub mod heldout;
pub mod matching;
pub mod needs;
mod position_reasons;
pub mod positions;
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
pub use explain::{Contribution, explain};
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
    /// The words of their positions both share (`role`, folded), rarest first.
    pub same_field: Vec<String>,
    /// Needs one meets for the other.
    pub offers: Vec<Offer>,
    /// Contacts who already know both, the most telling first.
    pub mutual_contacts: Vec<PersonId>,
    pub mutual_names: Vec<String>,
    /// Of the low-rank part: contacts of either who are close to both, the closest first.
    pub close_to: Vec<PersonId>,
    pub close_names: Vec<String>,
    /// What each reason added to the score, the largest first (`explain.rs`).
    pub contributions: Vec<Contribution>,
    /// The one-sentence reason: the reasons that moved the score most, largest first.
    pub why: String,
}

/// `from` offers `offer`, which meets what `to` seeks.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Offer {
    pub from: PersonId,
    pub to: PersonId,
    pub offer: String,
    pub seek: String,
    /// The offer or the need was read from a position (`positions::COMPLEMENTS`), not
    /// typed; only present when true, so typed needs read as they always did.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_role: bool,
}

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
    let mut list: Vec<Suggestion> = found
        .iter()
        .map(|s| explain(ctx, &p.model, s.a, s.b, s.score))
        .collect();
    explain::ahead_of_more_mutual(&mut list);
    list
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

/// Scores are shown to three decimals; rounding the stored value keeps text and JSON equal.
pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
