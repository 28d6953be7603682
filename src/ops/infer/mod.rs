//! Ties the records already imply: people at one company, on one organisation's email
//! domain, named by each other's cards, or sharing a small group label probably know
//! each other. `propose` says which pairs and why, changing nothing; `apply` records
//! them as relationships marked `inferred` with the reason; `undo` takes back every one
//! of them not confirmed since (a `link` of the pair clears the mark).
//!
//! How big groups are handled, and why, is in `groups` and docs/infer.md.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::ids::IdIndex;
use crate::model::{Network, PersonId, Relationship};

mod company;
mod domain;
pub mod groups;
mod labels;
mod related;

/// Why two people are taken to know each other, in the order the reasons are tried: a
/// pair two reasons imply is proposed once, for the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A card's RELATED or a Google relation names the other.
    Related,
    /// The same current company, however spelled.
    Company,
    /// Email addresses at one organisation's domain (not webmail).
    Domain,
    /// A group label (Google label, vCard category) held by a few people.
    Label,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::Related,
        Reason::Company,
        Reason::Domain,
        Reason::Label,
    ];

    /// The start of the `inferred` text of the ties it gives, and its name in the listing.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Related => "related",
            Reason::Company => "same company",
            Reason::Domain => "same email domain",
            Reason::Label => "shared label",
        }
    }

    /// The relationship kind its ties get.
    fn kind(self) -> Option<&'static str> {
        match self {
            Reason::Company | Reason::Domain => Some("colleague"),
            Reason::Related | Reason::Label => None,
        }
    }
}

/// Whether a relationship is one `infer` made and nobody has confirmed. Ties inferred
/// elsewhere (a calendar import says `calendar: ...`) are that import's to take back.
pub fn made_by_infer(r: &Relationship) -> bool {
    r.inferred.as_deref().is_some_and(|why| {
        Reason::ALL.iter().any(|reason| {
            why.strip_prefix(reason.label())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(": "))
        })
    })
}

/// One group of people a reason puts together.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The company as most of them spell it, the domain, the label, or for a relation
    /// its kind ("spouse"; "related" when the card gave none).
    pub name: String,
    pub people: Vec<PersonId>,
    /// In a group too big to tie whole: the members everyone else is tied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<PersonId>,
    /// New ties this group gives (pairs already related, or proposed for an earlier
    /// reason, are not counted).
    pub ties: usize,
    /// Pairs of it that already have a relationship.
    pub already_linked: usize,
    /// Why the group gives no ties at all (a label too many people hold).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// The groups of one reason and how many ties they give.
#[derive(Debug, Clone, Serialize)]
pub struct ByReason {
    pub reason: Reason,
    pub label: &'static str,
    pub ties: usize,
    pub groups: Vec<Group>,
}

/// What `infer` would record: the ties, and the groups they come from by reason.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// Every proposed tie, as the relationship `apply` would record.
    pub ties: Vec<Relationship>,
    pub reasons: Vec<ByReason>,
}

/// The ties the records imply between people with no relationship yet.
pub fn propose(net: &Network) -> Proposal {
    let index = IdIndex::new(net.people.iter().map(|p| p.id.as_str()));
    let at = |id: &PersonId| index.get(id.as_str()) as usize;
    let mut linked: HashSet<[usize; 2]> = HashSet::new();
    let mut degree = vec![0usize; net.people.len()];
    for r in &net.relationships {
        let (a, b) = (at(&r.a), at(&r.b));
        if a < net.people.len() && b < net.people.len() {
            linked.insert(ordered(a, b));
            if !made_by_infer(r) {
                degree[a] += 1;
                degree[b] += 1;
            }
        }
    }
    let mut contacts = vec![0usize; net.people.len()];
    for x in &net.interactions {
        for id in &x.people {
            if let Some(c) = contacts.get_mut(at(id)) {
                *c += 1;
            }
        }
    }
    let standing = |m: usize| groups::Standing {
        contacts: contacts[m],
        degree: degree[m],
        known_since: net.people[m].met.map(Reverse),
    };

    let mut ties = Vec::new();
    let mut proposed: HashSet<[usize; 2]> = HashSet::new();
    let mut reasons = Vec::new();
    for reason in Reason::ALL {
        let mut by = ByReason {
            reason,
            label: reason.label(),
            ties: 0,
            groups: Vec::new(),
        };
        for (name, members) in gather(net, reason) {
            let ids = |list: &[usize]| list.iter().map(|&i| net.people[i].id.clone()).collect();
            let mut group = Group {
                name: name.clone(),
                people: ids(&members),
                anchors: Vec::new(),
                ties: 0,
                already_linked: 0,
                skipped: None,
            };
            // Colleagues whose addresses show it are the company's to tie: tying them
            // again by domain would undo a big company's anchors.
            if reason == Reason::Domain && one_company(net, &members) {
                continue;
            }
            if reason == Reason::Label && members.len() > groups::WHOLE_UP_TO {
                group.skipped = Some(format!(
                    "held by {} people: a label is read as a group only up to {}",
                    members.len(),
                    groups::WHOLE_UP_TO
                ));
                by.groups.push(group);
                continue;
            }
            let (pairs, anchors) = groups::pairs(&members, standing);
            group.anchors = ids(&anchors);
            for [a, b] in pairs {
                let key = ordered(a, b);
                if linked.contains(&key) {
                    group.already_linked += 1;
                    continue;
                }
                if !proposed.insert(key) {
                    continue;
                }
                group.ties += 1;
                ties.push(Relationship {
                    kind: reason.kind().map(Into::into),
                    inferred: Some(format!("{}: {name}", reason.label())),
                    ..Relationship::new(net.people[a].id.clone(), net.people[b].id.clone())
                });
            }
            by.ties += group.ties;
            if group.ties > 0 || group.skipped.is_some() {
                by.groups.push(group);
            }
        }
        reasons.push(by);
    }
    Proposal { ties, reasons }
}

/// Whether everyone in `members` has the same company (however spelled).
fn one_company(net: &Network, members: &[usize]) -> bool {
    let mut keys = members
        .iter()
        .map(|&m| net.people[m].company.as_deref().and_then(company::key));
    let first = keys.next().flatten();
    first.is_some() && keys.all(|k| k == first)
}

fn ordered(a: usize, b: usize) -> [usize; 2] {
    if a < b { [a, b] } else { [b, a] }
}

/// The groups a reason puts together, each with its display name and its members
/// (people[] indices, in file order), by name; only groups of two or more.
fn gather(net: &Network, reason: Reason) -> Vec<(String, Vec<usize>)> {
    if reason == Reason::Related {
        return related::named(net)
            .into_iter()
            .map(|n| {
                let kind = n.kind.unwrap_or_else(|| "related".into());
                (kind, vec![n.from.min(n.to), n.from.max(n.to)])
            })
            .collect();
    }
    // key -> (spellings seen with how often, members)
    let mut found: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in net.people.iter().enumerate() {
        let keys: Vec<(String, String)> = match reason {
            Reason::Company => p
                .company
                .iter()
                .filter_map(|c| company::key(c).map(|k| (k, c.trim().to_string())))
                .collect(),
            Reason::Domain => p
                .emails
                .iter()
                .filter_map(|e| domain::organisation(e).map(|d| (d.clone(), d)))
                .collect(),
            Reason::Label => p
                .tags
                .iter()
                .filter(|t| labels::is_group(t))
                .map(|t| (t.to_string(), t.to_string()))
                .collect(),
            Reason::Related => unreachable!("handled above"),
        };
        for (key, spelling) in keys {
            let (spellings, members) = found.entry(key).or_default();
            *spellings.entry(spelling).or_default() += 1;
            if members.last() != Some(&i) {
                members.push(i);
            }
        }
    }
    found
        .into_values()
        .filter(|(_, members)| members.len() >= 2)
        .map(|(spellings, members)| {
            // The most common spelling; of equals one not in capitals, then the
            // shortest (fewest legal forms), then the first in sort order.
            let rank = |(s, n): (&String, &usize)| {
                let shouted = !s.chars().any(char::is_lowercase);
                (*n, !shouted, Reverse(s.len()), Reverse(s.clone()))
            };
            let name = spellings
                .iter()
                .max_by_key(|&e| rank(e))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            (name, members)
        })
        .collect()
}

/// Records the proposed ties; returns how many (pairs related meanwhile are left out).
pub fn apply(net: &mut Network, proposal: &Proposal) -> usize {
    let mut have: HashSet<(PersonId, PersonId)> = net
        .relationships
        .iter()
        .flat_map(|r| [(r.a.clone(), r.b.clone()), (r.b.clone(), r.a.clone())])
        .collect();
    let mut added = 0;
    for t in &proposal.ties {
        if have.insert((t.a.clone(), t.b.clone())) {
            have.insert((t.b.clone(), t.a.clone()));
            net.relationships.push(t.clone());
            added += 1;
        }
    }
    added
}

/// Removes every tie `infer` made that nobody has confirmed since; returns them.
pub fn undo(net: &mut Network) -> Vec<Relationship> {
    let (gone, kept): (Vec<Relationship>, Vec<Relationship>) =
        std::mem::take(&mut net.relationships)
            .into_iter()
            .partition(made_by_infer);
    net.relationships = kept;
    gone
}

#[cfg(test)]
mod tests;
