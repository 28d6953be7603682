//! Deciding, from the cards, the people and what was last synced, what each side needs:
//! the pure comparison, before anything changes.

use std::collections::{HashMap, HashSet};

use super::card::ReadCard;
use super::state::{Synced, person_hash};
use crate::extra_fields as fields;
use crate::formats::{Pairing, pair_up};
use crate::model::{Network, PersonId};

/// What one card, person or remembered pair needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Do {
    /// Neither side changed since the last sync.
    Nothing,
    /// Only the card changed: the person takes it.
    Pull,
    /// Only the person changed: the card is rewritten.
    Push,
    /// Both changed, or they are paired for the first time: merged field by field.
    Merge,
    /// A card netweb has nobody for: someone new, with this id.
    NewPerson(PersonId),
    /// A person the vdir has no card for: a new card.
    NewCard,
    /// The person was removed here and the card is as last synced: it goes too.
    DeleteCard,
    /// The card was removed from the vdir and the person is as last synced: they go too.
    DeletePerson,
    /// Both sides are gone: the remembered pair is dropped.
    Forget,
    /// The card cannot be synced, and why; what was remembered of it stays.
    Skip(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub what: Do,
    /// The card's place in the cards read.
    pub card: Option<usize>,
    /// The person's place in `net.people`.
    pub person: Option<usize>,
    /// What was last synced for this UID.
    pub synced: Option<Synced>,
    /// Why a deletion on one side was not carried to the other.
    pub kept: Option<String>,
}

impl Step {
    fn new(what: Do, card: Option<usize>, person: Option<usize>, synced: Option<&Synced>) -> Step {
        Step {
            what,
            card,
            person,
            synced: synced.cloned(),
            kept: None,
        }
    }
}

/// The steps, cards first in the order read, then the remembered pairs whose card is
/// gone, then the people new to the vdir. `unreadable` are the files that could not be
/// read: a pair remembered for one of them is left as it is, never taken for deleted.
pub fn plan(
    net: &Network,
    cards: &[ReadCard],
    state: &HashMap<String, Synced>,
    unreadable: &HashSet<String>,
) -> Vec<Step> {
    let by_id: HashMap<&str, usize> = net
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut by_uid: HashMap<&str, usize> = HashMap::new();
    for (i, p) in net.people.iter().enumerate() {
        if let Some(uid) = fields::text(p, fields::UID) {
            by_uid.entry(uid).or_insert(i);
        }
    }
    // People paired with a card at the last sync belong to that card alone.
    let reserved: HashSet<usize> = state
        .values()
        .filter_map(|s| by_id.get(s.id.as_str()).copied())
        .collect();
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut steps = Vec::new();
    let mut unmatched: Vec<(usize, Option<String>)> = Vec::new();
    for (c, card) in cards.iter().enumerate() {
        let synced = state.get(&card.uid);
        let person = match synced {
            Some(s) => by_id.get(s.id.as_str()).copied(),
            None => by_uid
                .get(card.uid.as_str())
                .copied()
                .filter(|i| !reserved.contains(i)),
        }
        .filter(|&i| claimed.insert(i));
        match (synced, person) {
            (Some(s), Some(i)) => {
                let card_changed = card.hash != s.card;
                let person_changed = person_hash(&net.people[i]) != s.person;
                let what = match (card_changed, person_changed) {
                    (false, false) => Do::Nothing,
                    (true, false) => Do::Pull,
                    (false, true) => Do::Push,
                    (true, true) => Do::Merge,
                };
                steps.push(Step::new(what, Some(c), Some(i), Some(s)));
            }
            (Some(s), None) if card.hash == s.card => {
                steps.push(Step::new(Do::DeleteCard, Some(c), None, Some(s)));
            }
            (Some(_), None) => unmatched.push((
                c,
                Some(
                    "removed here since the last sync, but the card changed since: added back"
                        .into(),
                ),
            )),
            (None, Some(i)) => steps.push(Step::new(Do::Merge, Some(c), Some(i), None)),
            (None, None) => unmatched.push((c, None)),
        }
    }
    // Cards netweb has nobody for: import's duplicate rules find who they are.
    let taken: HashSet<usize> = claimed.union(&reserved).copied().collect();
    let incoming: Vec<_> = unmatched
        .iter()
        .map(|(c, _)| cards[*c].person.clone())
        .collect();
    for ((c, kept), pairing) in unmatched.into_iter().zip(pair_up(net, &incoming, &taken)) {
        let synced = state.get(&cards[c].uid);
        let mut step = match pairing {
            Pairing::Existing(i) => {
                claimed.insert(i);
                Step::new(Do::Merge, Some(c), Some(i), synced)
            }
            Pairing::New(id) => Step::new(Do::NewPerson(id), Some(c), None, synced),
            Pairing::Undecided(why) => Step::new(Do::Skip(why), Some(c), None, synced),
        };
        step.kept = kept;
        steps.push(step);
    }
    // Pairs remembered whose card is gone.
    let read: HashSet<&str> = cards.iter().map(|c| c.uid.as_str()).collect();
    let mut gone: Vec<&Synced> = state
        .values()
        .filter(|s| !read.contains(s.uid.as_str()))
        .collect();
    gone.sort_by(|a, b| a.uid.cmp(&b.uid));
    for s in gone {
        if unreadable.contains(&s.file) {
            let why = "the card could not be read; it stays as last synced".to_string();
            steps.push(Step::new(Do::Skip(why), None, None, Some(s)));
            continue;
        }
        let person = by_id
            .get(s.id.as_str())
            .copied()
            .filter(|&i| claimed.insert(i));
        let step = match person {
            Some(i) if person_hash(&net.people[i]) == s.person => {
                Step::new(Do::DeletePerson, None, Some(i), Some(s))
            }
            Some(i) => Step {
                kept: Some(
                    "the card was removed from the vdir, but the person changed here since \
                     the last sync: kept, and the card written again"
                        .into(),
                ),
                ..Step::new(Do::NewCard, None, Some(i), Some(s))
            },
            None => Step::new(Do::Forget, None, None, Some(s)),
        };
        steps.push(step);
    }
    for i in 0..net.people.len() {
        if !claimed.contains(&i) {
            steps.push(Step::new(Do::NewCard, None, Some(i), None));
        }
    }
    steps
}
