//! Turning a scored pair into names, reasons and one sentence that leads with what moved
//! the score most.
//!
//! Each reason's contribution is its share of the score: the weighted mutual-contact
//! inputs (resource allocation, the count, Jaccard), the weighted interest and needs
//! inputs, the degree term, and the low-rank part. The sentence names the reasons in that
//! order, largest first, and leaves out those that added little (`MINOR`); the JSON keeps
//! them all.

use serde::Serialize;

use crate::graph::{Graph, Node};
use crate::query::suggest::features::inputs;
use crate::query::suggest::needs;
use crate::query::suggest::scoring::Model;
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::{Offer, Suggestion, round};
use crate::query::suggest::{position_reasons, positions};

/// How many mutual contacts a sentence names before it says "and N more".
const NAMED_CONTACTS: usize = 3;
/// How many shared interests a sentence names.
const NAMED_INTERESTS: usize = 3;
/// How many people of the group both are close to a sentence names.
const NAMED_CLOSE: usize = 2;
/// A reason that adds less than this share of what the pair's reasons add together is
/// left out of the sentence: a tenth, so the sentence says what decided the rank, not
/// every trace that is also there.
const MINOR: f64 = 0.1;

/// What one reason added to a pair's score.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Contribution {
    /// "mutual_contacts", "shared_interests", "same_field" (the words of both positions),
    /// "needs", "close_group" (the low-rank part,
    /// relative to a pair with no low-rank structure; it may be negative) or "degrees"
    /// (how well connected the two are, never named in the sentence).
    pub reason: &'static str,
    pub value: f64,
}

/// Turns a scored pair into names, reasons and a sentence.
pub fn explain(ctx: &Indexes, model: &Model, a: Node, b: Node, score: f64) -> Suggestion {
    let g = ctx.g;
    let mut shared: Vec<u32> = ctx.interests.shared(a, b).collect();
    shared.sort_by(|&x, &y| {
        ctx.interests
            .idf(y)
            .total_cmp(&ctx.interests.idf(x))
            .then_with(|| ctx.interests.term(x).cmp(ctx.interests.term(y)))
    });
    // Field words of the positions are interest terms with a mark (`positions.rs`).
    let (fields, typed): (Vec<u32>, Vec<u32>) =
        (shared.iter()).partition(|&&t| positions::unmarked(ctx.interests.term(t)).is_some());
    let shared_interests: Vec<String> = typed
        .iter()
        .map(|&t| ctx.interests.term(t).to_string())
        .collect();
    let same_field: Vec<String> = (fields.iter())
        .filter_map(|&t| positions::unmarked(ctx.interests.term(t)))
        .map(str::to_string)
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
        .map(|h| {
            let (offer, seek) = (ctx.needs.offers.term(h.offer), ctx.needs.seeks.term(h.seek));
            let by_role = [offer, seek].map(|t| positions::unmarked(t).is_some());
            Offer {
                from: g.id(h.from).clone(),
                to: g.id(h.to).clone(),
                offer: positions::unmarked(offer).unwrap_or(offer).to_string(),
                seek: positions::unmarked(seek).unwrap_or(seek).to_string(),
                by_role: by_role[0] || by_role[1],
            }
        })
        .collect();
    let close = close_group(ctx, model, a, b, &mutual);
    let contributions = contributions(ctx, model, a, b);
    let why = sentence(
        g,
        a,
        b,
        &Reasons {
            shared: &shared_interests,
            field: &same_field,
            helps: &helps,
            mutual: &mutual,
            close: &close,
        },
        ctx,
        &contributions,
    );
    Suggestion {
        people: [g.id(a).clone(), g.id(b).clone()],
        names: [g.name(a).to_string(), g.name(b).to_string()],
        score: round(score),
        shared_interests,
        same_field,
        offers,
        mutual_contacts: mutual.iter().map(|&z| g.id(z).clone()).collect(),
        mutual_names: mutual.iter().map(|&z| g.name(z).to_string()).collect(),
        close_to: close.iter().map(|&z| g.id(z).clone()).collect(),
        close_names: close.iter().map(|&z| g.name(z).to_string()).collect(),
        contributions,
        why,
    }
}

/// Each reason's part of the score, the largest first (ties in a fixed order).
fn contributions(ctx: &Indexes, model: &Model, a: Node, b: Node) -> Vec<Contribution> {
    let x = inputs(&ctx.features(a, b));
    let w = &model.weights;
    // The interest input sums the rarity of shared terms: the field words' part of it.
    let (mut fields, mut all) = (0.0, 0.0);
    for t in ctx.interests.shared(a, b) {
        let idf = ctx.interests.idf(t);
        all += idf;
        if positions::unmarked(ctx.interests.term(t)).is_some() {
            fields += idf;
        }
    }
    let field_share = if all > 0.0 { fields / all } else { 0.0 };
    let mut out = vec![
        Contribution {
            reason: "mutual_contacts",
            value: w[0] * x[0] + w[1] * x[1] + w[2] * x[2],
        },
        Contribution {
            reason: "shared_interests",
            value: w[4] * x[4] * (1.0 - field_share),
        },
        Contribution {
            reason: "same_field",
            value: w[4] * x[4] * field_share,
        },
        Contribution {
            reason: "needs",
            value: w[5] * x[5],
        },
        Contribution {
            reason: "degrees",
            value: w[3] * x[3] - model.degree_floor(),
        },
    ];
    if let Some(l) = &model.lowrank {
        out.push(Contribution {
            reason: "close_group",
            value: l.raw(a, b),
        });
    }
    for c in &mut out {
        // + 0.0 turns a -0.0 (a zero input times a weight) into 0.0 in the JSON.
        c.value = round(c.value) + 0.0;
    }
    // A stable sort keeps the fixed order above for equal values.
    out.sort_by(|x, y| y.value.total_cmp(&x.value));
    out
}

/// Who makes the low-rank part a reason: contacts of either (not mutual contacts, who are
/// named already) whose own low-rank tie to each of the two is positive, the closest to
/// both first.
fn close_group(ctx: &Indexes, model: &Model, a: Node, b: Node, mutual: &[Node]) -> Vec<Node> {
    let Some(l) = &model.lowrank else {
        return Vec::new();
    };
    let g = ctx.g;
    let mut near: Vec<(f64, Node)> = g
        .neighbors(a)
        .iter()
        .chain(g.neighbors(b))
        .copied()
        .filter(|&z| z != a && z != b && !mutual.contains(&z))
        .map(|z| (l.raw(a, z).min(l.raw(b, z)), z))
        .filter(|(closeness, _)| *closeness > 0.0)
        .collect();
    near.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    near.dedup_by_key(|p| p.1);
    near.into_iter().map(|(_, z)| z).collect()
}

/// The facts a sentence can name.
struct Reasons<'r> {
    shared: &'r [String],
    field: &'r [String],
    helps: &'r [needs::Help],
    mutual: &'r [Node],
    close: &'r [Node],
}

/// "both into bookbinding and poetry; Ada offers rust mentoring, which Grace seeks
/// (mentoring); 2 mutual contacts: Charles, Alan", the reasons in the order of their
/// contributions.
fn sentence(
    g: &Graph,
    a: Node,
    b: Node,
    r: &Reasons,
    ctx: &Indexes,
    contributions: &[Contribution],
) -> String {
    let total: f64 = contributions
        .iter()
        .filter(|c| c.reason != "degrees" && c.value > 0.0)
        .map(|c| c.value)
        .sum();
    let mut parts: Vec<String> = Vec::new();
    for c in contributions {
        // The largest named reason always speaks; others only if they add enough.
        let minor = !parts.is_empty() && c.value < MINOR * total;
        if c.reason == "degrees" || c.value <= 0.0 || minor {
            continue;
        }
        parts.extend(match c.reason {
            "mutual_contacts" => mutual_part(g, r.mutual),
            "shared_interests" => interests_part(r.shared),
            "same_field" => position_reasons::field_part(g, a, b, r.field),
            "needs" => needs_part(g, a, b, r.helps, ctx),
            _ => close_part(g, r.close),
        });
    }
    if parts.is_empty() {
        // Nothing weighed (a prior that ignores a reason, say): name what there is.
        parts.extend(interests_part(r.shared));
        parts.extend(position_reasons::field_part(g, a, b, r.field));
        parts.extend(needs_part(g, a, b, r.helps, ctx));
        parts.extend(mutual_part(g, r.mutual));
    }
    if parts.is_empty() {
        parts.push("no shared reason recorded".to_string());
    }
    parts.join("; ")
}

fn interests_part(shared: &[String]) -> Vec<String> {
    if shared.is_empty() {
        return Vec::new();
    }
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
    vec![format!(
        "both into {}{tail}",
        crate::text::join_names(&named)
    )]
}

fn needs_part(g: &Graph, a: Node, b: Node, helps: &[needs::Help], ctx: &Indexes) -> Vec<String> {
    let first = |n: Node| g.first_name(n);
    let mut parts = Vec::new();
    let mutual_benefit = helps.iter().any(|h| h.from == a) && helps.iter().any(|h| h.from == b);
    for h in helps.iter().take(2) {
        let offer = ctx.needs.offers.term(h.offer);
        let seek = ctx.needs.seeks.term(h.seek);
        if let Some(said) = position_reasons::help_part(g, h.from, h.to, offer, seek) {
            parts.push(said);
            continue;
        }
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
    parts
}

fn mutual_part(g: &Graph, mutual: &[Node]) -> Vec<String> {
    if mutual.is_empty() {
        return Vec::new();
    }
    let count = crate::text::count(mutual.len(), "mutual contact", "mutual contacts");
    vec![format!("{count}: {}", named(g, mutual, NAMED_CONTACTS))]
}

fn close_part(g: &Graph, close: &[Node]) -> Vec<String> {
    if close.is_empty() {
        return vec!["both in the same close-knit part of your network".to_string()];
    }
    vec![format!(
        "both close to the same group: {}",
        named(g, close, NAMED_CLOSE)
    )]
}

/// "Ada, Ben and 3 more".
fn named(g: &Graph, people: &[Node], most: usize) -> String {
    let names: Vec<&str> = people.iter().take(most).map(|&z| g.name(z)).collect();
    let more = people.len().saturating_sub(most);
    if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else {
        names.join(", ")
    }
}

/// A suggestion listed above ones with more mutual contacts says why: the reason by
/// which it beats the one of them with the most mutual contacts by the most.
pub(crate) fn ahead_of_more_mutual(list: &mut [Suggestion]) {
    // Per place, the suggestion below it with the most mutual contacts (the first such).
    let mut most_below: Vec<Option<usize>> = vec![None; list.len()];
    for i in (0..list.len().saturating_sub(1)).rev() {
        let next = i + 1;
        most_below[i] = match most_below[next] {
            Some(j) if list[j].mutual_contacts.len() > list[next].mutual_contacts.len() => Some(j),
            _ => Some(next),
        };
    }
    let why: Vec<Option<&'static str>> = list
        .iter()
        .zip(&most_below)
        .map(|(s, below)| {
            let t = &list[(*below)?];
            if t.mutual_contacts.len() <= s.mutual_contacts.len() {
                return None;
            }
            let of = |x: &Suggestion, reason: &str| {
                x.contributions
                    .iter()
                    .find(|c| c.reason == reason)
                    .map_or(0.0, |c| c.value)
            };
            s.contributions
                .iter()
                .map(|c| (c.value - of(t, c.reason), c.reason))
                .filter(|(gain, _)| *gain > 0.0)
                .max_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, reason)| reason)
        })
        .collect();
    for (s, reason) in list.iter_mut().zip(why) {
        let Some(reason) = reason else { continue };
        let because = match reason {
            "shared_interests" => "for the interests they share",
            "same_field" => "for the field they share",
            "needs" => "for the help one can give the other",
            "close_group" => "for the group they are both close to",
            "degrees" => "for how well connected the two are",
            _ => "because their mutual contacts know fewer other people",
        };
        s.why.push_str(&format!(
            "; ranked above pairs with more mutual contacts {because}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use crate::query::suggest::rank::top_pairs;
    use crate::query::suggest::regression::PRIOR;
    use crate::query::suggest::scoring::LowRank;
    use crate::query::suggest::spectral::{Adjacency, top_eigenpairs};
    use crate::query::suggest::{Options, scope};
    use crate::synthetic::{Spec, generate};

    #[test]
    fn a_low_rank_part_that_decides_is_named_by_the_group_both_are_close_to() {
        let net = generate(&Spec::scaled(100));
        let g = Graph::build(&net);
        let ctx = Indexes::new(&g);
        let max_degree = (0..g.len() as Node).map(|v| g.degree(v)).max().unwrap();
        let eigen = top_eigenpairs(&Adjacency::new(g.len(), |v| g.neighbors(v)), 8, 60);
        // A low-rank weight far above the others: it moves every score most.
        let model = Model {
            lowrank: Some(LowRank::new(eigen, vec![8], vec![400.0])),
            ..Model::new(PRIOR, max_degree)
        };
        let found = top_pairs(&ctx, &model, &scope(&ctx, &Options::default()), 5, 0.0);
        assert_eq!(found.len(), 5);
        for s in found {
            let e = explain(&ctx, &model, s.a, s.b, s.score);
            assert_eq!(e.contributions[0].reason, "close_group", "{e:?}");
            assert!(!e.close_to.is_empty(), "{e:?}");
            let named = e
                .close_names
                .iter()
                .take(NAMED_CLOSE)
                .cloned()
                .collect::<Vec<_>>();
            let lead = format!("both close to the same group: {}", named.join(", "));
            assert!(e.why.starts_with(&lead), "{}", e.why);
            // Closest first, and none of them a mutual contact (those are named apart).
            let l = model.lowrank.as_ref().unwrap();
            let close: Vec<Node> = e.close_to.iter().map(|id| g.node(id).unwrap()).collect();
            let near = |z: Node| l.raw(s.a, z).min(l.raw(s.b, z));
            assert!(close.windows(2).all(|w| near(w[0]) >= near(w[1])));
            assert!(
                close
                    .iter()
                    .all(|&z| near(z) > 0.0 && !(g.linked(z, s.a) && g.linked(z, s.b)))
            );
        }
    }
}
