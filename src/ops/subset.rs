//! A part of the network as a network of its own, for exports of some people.

use std::collections::HashSet;

use crate::model::{Interaction, Introduction, Network, PersonId};
use crate::query::list::{self, Filter, Sort};

/// The people the filter picks, in file order, with the relationships among them, the
/// interactions that include any of them (naming only them) and the introductions that
/// include two or more of them (naming only them), and the reminders about them: no id
/// points outside the export.
/// Tag cadences and the file's other fields come along whole.
pub fn subset(net: &Network, filter: &Filter) -> Network {
    let picked: HashSet<&PersonId> = list::list(net, filter, Sort::Id, false)
        .into_iter()
        .map(|row| &row.person.id)
        .collect();
    let keep = |people: &[PersonId]| -> Vec<PersonId> {
        people
            .iter()
            .filter(|p| picked.contains(p))
            .cloned()
            .collect()
    };
    let mut out = Network {
        people: net
            .people
            .iter()
            .filter(|p| picked.contains(&p.id))
            .cloned()
            .collect(),
        relationships: net
            .relationships
            .iter()
            .filter(|r| picked.contains(&r.a) && picked.contains(&r.b))
            .cloned()
            .collect(),
        reminders: net
            .reminders
            .iter()
            .filter(|r| picked.contains(&r.person))
            .cloned()
            .collect(),
        ..net.clone()
    };
    out.interactions = net
        .interactions
        .iter()
        .filter_map(|x| {
            let people = keep(&x.people);
            (!people.is_empty()).then(|| Interaction {
                people,
                ..x.clone()
            })
        })
        .collect();
    out.introductions = net
        .introductions
        .iter()
        .filter_map(|x| {
            let people = keep(&x.people);
            (people.len() >= 2).then(|| Introduction {
                people,
                ..x.clone()
            })
        })
        .collect();
    out
}
