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
mod tests {
    use super::*;
    use crate::graph::tests::net;
    use crate::model::Interaction;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn saw(who: &str, date: &str) -> Interaction {
        Interaction {
            date: day(date),
            people: vec![who.into()],
            kind: None,
            note: None,
            source: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn recent_contact_and_many_ties_first_and_the_described_left_out() {
        // p0 knows three, p1 one; p2 was seen this week; p3 a year ago; p4 nothing.
        let mut n = net(6, &[(0, 1), (0, 3), (0, 5)]);
        n.relationships[1].inferred = Some("same company: Ocado".into());
        n.interactions = vec![saw("p2", "2026-11-20"), saw("p3", "2025-11-25")];
        // p5 already says what they care about; p4 does not want introductions.
        n.people[5].interests = vec!["rust".into()];
        n.people[4].no_intros = true;
        let today = day("2026-11-25");
        let got = order(&n, today);
        let ids: Vec<&str> = got.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p0", "p2", "p3", "p1"]);
        assert_eq!((got[0].ties, got[0].inferred), (3, 1));
        assert_eq!(got[1].last_contact, Some(day("2026-11-20")));
        // Seen 5 days ago: 3 x 0.5^(5/90).
        assert!((got[1].score - 3.0 * 0.5f64.powf(5.0 / 90.0)).abs() < 1e-9);
        // Contact a year ago (365 days) still counts a little beside a tie.
        assert!(got[2].score > got[3].score);
    }

    #[test]
    fn equal_scores_go_by_name() {
        let mut n = net(3, &[]);
        n.people[0].name = "Zed".into();
        n.people[1].name = "Amy".into();
        n.people[2].name = "Bo".into();
        let ids: Vec<String> = order(&n, day("2026-01-01"))
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(ids, ["Amy", "Bo", "Zed"]);
    }
}
