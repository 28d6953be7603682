//! One answer of triage, saved at once under the lock: an interrupted triage loses
//! nothing that was answered.

use anyhow::{Result, bail};

use crate::model::{Network, PersonId};
use crate::ops::ties;
use crate::query::interests::counts;
use crate::{resolve, store, text};

/// The four questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Interests,
    Offers,
    Seeks,
    Knows,
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::Interests,
        Question::Offers,
        Question::Seeks,
        Question::Knows,
    ];

    pub fn prompt(self) -> &'static str {
        match self {
            Question::Interests => "  interests> ",
            Question::Offers => "  offers> ",
            Question::Seeks => "  seeks> ",
            Question::Knows => "  knows> ",
        }
    }

    /// What Tab offers: the terms of the field, most held first (for offers, what
    /// others seek comes first, and the other way round: a match is what counts); for
    /// whom they know, everyone else's names.
    pub fn words(self, net: &Network, who: &PersonId) -> Vec<String> {
        let terms = |first: fn(&crate::model::Person) -> &Vec<_>,
                     then: fn(&crate::model::Person) -> &Vec<_>| {
            let mut out: Vec<String> = counts(net.people.iter().map(first))
                .into_iter()
                .map(|t| t.term)
                .collect();
            for t in counts(net.people.iter().map(then)) {
                if !out.contains(&t.term) {
                    out.push(t.term);
                }
            }
            out
        };
        match self {
            Question::Interests => terms(|p| &p.interests, |p| &p.interests),
            Question::Offers => terms(|p| &p.seeks, |p| &p.offers),
            Question::Seeks => terms(|p| &p.offers, |p| &p.seeks),
            Question::Knows => net
                .people
                .iter()
                .filter(|p| &p.id != who)
                .map(|p| p.name.to_string())
                .collect(),
        }
    }
}

/// Saves one answer (comma-separated items) for `who`; returns what was saved, to show.
/// A name that fits no one, or several, is an error and saves nothing of the answer.
pub fn save(file: &std::path::Path, who: &PersonId, q: Question, answer: &str) -> Result<String> {
    let items: Vec<String> = answer
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let (said, _) = store::update(file, |net| {
        if net.person(who).is_none() {
            bail!("{who} is no longer in the network (removed meanwhile?): skipped");
        }
        if q == Question::Knows {
            let others = resolve::people(net, &items)?;
            let mut named = Vec::new();
            let mut changed = false;
            for other in &others {
                if other == who {
                    bail!("{} is the person being asked about", net.name_of(who));
                }
                let k = ties::know(net, who, other);
                changed |= k.created || k.confirmed.is_some();
                named.push(net.name_of(other).to_string());
            }
            return Ok((format!("knows {}", text::join_names(&named)), changed));
        }
        let p = net.person_mut(who).expect("checked above");
        let (list, field) = match q {
            Question::Interests => (&mut p.interests, "interests"),
            Question::Offers => (&mut p.offers, "offers"),
            Question::Seeks => (&mut p.seeks, "seeks"),
            Question::Knows => unreachable!("handled above"),
        };
        let changed = text::add_terms(list, &items);
        Ok((format!("{field}: {}", list.join(", ")), changed))
    })?;
    Ok(said)
}
