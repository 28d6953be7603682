//! Turns what a user types for a person ("ada", "Ada Lovelace", "ada-l") into one id,
//! or an error that helps: the closest names when nothing matches, the candidates with
//! their ids when several do.

use anyhow::{Result, bail};

use crate::model::{Network, PersonId};

/// How many names a "did you mean" or "which one" message offers.
const MAX_OFFERED: usize = 5;

/// Resolves a reference: an exact id, an exact name, or an unambiguous prefix of either
/// (case-insensitive). Exact matches win over prefixes, so "ann" finds Ann even when
/// Anna also exists.
pub fn person(net: &Network, query: &str) -> Result<PersonId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        bail!("a person's name or id is empty");
    }
    if let Some(p) = net.people.iter().find(|p| p.id.as_str() == q) {
        return Ok(p.id.clone());
    }
    let exact: Vec<_> = net
        .people
        .iter()
        .filter(|p| p.name.as_str().to_lowercase() == q)
        .collect();
    let candidates = if exact.is_empty() {
        net.people
            .iter()
            .filter(|p| {
                p.id.as_str().starts_with(&q) || p.name.as_str().to_lowercase().starts_with(&q)
            })
            .collect()
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => bail!("{}", not_found(net, query, &q)),
        many => {
            let listed: Vec<String> = many
                .iter()
                .take(MAX_OFFERED)
                .map(|p| format!("  {} ({})", p.name, p.id))
                .collect();
            let more = many.len().saturating_sub(MAX_OFFERED);
            bail!(
                "{query:?} matches {} people:\n{}{}\nhint: use more of the name, or the id",
                many.len(),
                listed.join("\n"),
                if more > 0 {
                    format!("\n  ... and {more} more")
                } else {
                    String::new()
                }
            )
        }
    }
}

/// Resolves several references, refusing the same person twice.
pub fn people(net: &Network, queries: &[String]) -> Result<Vec<PersonId>> {
    let mut ids: Vec<PersonId> = Vec::with_capacity(queries.len());
    for q in queries {
        let id = person(net, q)?;
        if ids.contains(&id) {
            bail!("{} is named twice ({q:?})", net.name_of(&id));
        }
        ids.push(id);
    }
    Ok(ids)
}

fn not_found(net: &Network, query: &str, q: &str) -> String {
    if net.people.is_empty() {
        return format!(
            "no one called {query:?}: the network is empty\nhint: add people with `netweb add NAME`"
        );
    }
    let mut scored: Vec<(f64, &str, &PersonId)> = net
        .people
        .iter()
        .map(|p| {
            let name = p.name.as_str().to_lowercase();
            // Compare with the whole name and with each word, so "lovelac" finds Ada Lovelace.
            let best_word = name
                .split_whitespace()
                .map(|w| strsim::jaro_winkler(q, w))
                .fold(0.0, f64::max);
            let score = strsim::jaro_winkler(q, &name)
                .max(best_word)
                .max(strsim::jaro_winkler(q, p.id.as_str()));
            (score, p.name.as_str(), &p.id)
        })
        .filter(|(s, _, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut msg = format!("no one called {query:?}");
    if !scored.is_empty() {
        let names: Vec<String> = scored
            .iter()
            .take(MAX_OFFERED)
            .map(|(_, name, id)| format!("{name} ({id})"))
            .collect();
        msg.push_str(&format!("\nhint: did you mean {}?", names.join(", ")));
    } else {
        msg.push_str(
            "\nhint: `netweb list` shows everyone, `netweb list --search TEXT` finds by any field",
        );
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn net(names: &[(&str, &str)]) -> Network {
        let mut n = Network::default();
        for (id, name) in names {
            n.people.push(Person {
                id: PersonId::from(*id),
                name: (*name).into(),
                ..Person::default()
            });
        }
        n
    }

    #[test]
    fn finds_by_id_name_and_prefix() {
        let n = net(&[
            ("ada-lovelace", "Ada Lovelace"),
            ("grace-hopper", "Grace Hopper"),
        ]);
        assert_eq!(person(&n, "ada-lovelace").unwrap().as_str(), "ada-lovelace");
        assert_eq!(person(&n, "GRACE HOPPER").unwrap().as_str(), "grace-hopper");
        assert_eq!(person(&n, "gra").unwrap().as_str(), "grace-hopper");
        assert_eq!(person(&n, "ada-l").unwrap().as_str(), "ada-lovelace");
    }

    #[test]
    fn exact_name_beats_prefix() {
        let n = net(&[("ann", "Ann"), ("anna", "Anna")]);
        assert_eq!(person(&n, "ann").unwrap().as_str(), "ann");
    }

    #[test]
    fn ambiguous_lists_candidates() {
        let n = net(&[("ann", "Ann Lee"), ("anna", "Anna Bell")]);
        let err = person(&n, "an").unwrap_err().to_string();
        assert!(err.contains("matches 2 people"), "{err}");
        assert!(
            err.contains("Ann Lee (ann)") && err.contains("Anna Bell (anna)"),
            "{err}"
        );
    }

    #[test]
    fn not_found_suggests_close_names() {
        let n = net(&[
            ("ada-lovelace", "Ada Lovelace"),
            ("grace-hopper", "Grace Hopper"),
        ]);
        let err = person(&n, "lovelac").unwrap_err().to_string();
        assert!(
            err.contains("did you mean Ada Lovelace (ada-lovelace)"),
            "{err}"
        );
    }
}
