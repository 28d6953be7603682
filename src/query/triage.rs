//! Whom `triage` asks about first: the contacts whose details would most improve
//! suggestions. Someone with no interests, offers or seeks gives `suggest` nothing to
//! match on but their ties; of those, the ones the owner is in touch with (recently,
//! often) and who know many others (inferred ties count) are where a few words do most:
//! they are the owner's live world, and the people most suggestions would run through.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Network, PersonId};

/// Days for contact to count half as much: contact a season ago is half as telling.
const HALF_LIFE_DAYS: f64 = 90.0;

/// How much one recent contact weighs against one tie: three ties are worth one
/// contact this week, since the owner can answer best about people they just saw.
const CONTACT_WEIGHT: f64 = 3.0;

/// One person to ask about, with what put them there.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub id: PersonId,
    pub name: String,
    /// Higher first: ties + 3 x (contact, each halved per 90 days of age).
    pub score: f64,
    /// Relationships they have, of which `inferred` were inferred.
    pub ties: usize,
    pub inferred: usize,
    /// The owner's latest logged interaction with them.
    pub last_contact: Option<NaiveDate>,
}

/// Everyone with no interests, offers or seeks yet (and open to introductions), best
/// first; equal scores by name, then id.
pub fn order(net: &Network, today: NaiveDate) -> Vec<Candidate> {
    let mut ties: HashMap<&PersonId, (usize, usize)> = HashMap::new();
    for r in &net.relationships {
        for end in [&r.a, &r.b] {
            let t = ties.entry(end).or_default();
            t.0 += 1;
            t.1 += usize::from(r.inferred.is_some());
        }
    }
    let mut contact: HashMap<&PersonId, (f64, NaiveDate)> = HashMap::new();
    for x in &net.interactions {
        let age = (today - x.date).num_days().max(0) as f64;
        let weight = 0.5f64.powf(age / HALF_LIFE_DAYS);
        for id in &x.people {
            let c = contact.entry(id).or_insert((0.0, x.date));
            c.0 += weight;
            c.1 = c.1.max(x.date);
        }
    }
    let mut out: Vec<Candidate> = net
        .people
        .iter()
        .filter(|p| {
            !p.no_intros && p.interests.is_empty() && p.offers.is_empty() && p.seeks.is_empty()
        })
        .map(|p| {
            let (n, inferred) = ties.get(&p.id).copied().unwrap_or_default();
            let (seen, last) = contact
                .get(&p.id)
                .map_or((0.0, None), |&(w, d)| (w, Some(d)));
            Candidate {
                id: p.id.clone(),
                name: p.name.to_string(),
                score: n as f64 + CONTACT_WEIGHT * seen,
                ties: n,
                inferred,
                last_contact: last,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests;
