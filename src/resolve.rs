//! Turns what a user types for a person ("ada", "Ada Larkwell", "ada-l", "zoe muller",
//! "hale") into one id, or an error that helps: the closest names when nothing matches,
//! the candidates with their ids when several do.
//!
//! Matching ignores case and accents (`deunicode`: "zoe muller" is Zoë Müller) and
//! extra spaces.

use anyhow::{Result, bail};

use crate::model::{Network, Person, PersonId};

/// How many names a "did you mean" or "which one" message offers.
const MAX_OFFERED: usize = 5;

/// Text folded for matching: ASCII (accents dropped), lower case, single spaces.
pub fn fold(text: &str) -> String {
    let ascii = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(text))
    };
    ascii
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// `person` for a command that destroys (`rm`, `merge`): the reference must be an exact
/// id or full name (folded like every match: case and accents aside), or with `yes` any
/// reference that `person` resolves to one person. `rm y` used to remove whoever's name
/// began with a y.
pub fn exact_person(net: &Network, query: &str, yes: bool, command: &str) -> Result<PersonId> {
    let id = person(net, query)?;
    let q = fold(query);
    let name = net.name_of(&id);
    if yes || id.as_str() == q || fold(name) == q {
        return Ok(id);
    }
    bail!(
        "{query:?} is not a full name or id: did you mean {name} ({id})?\nhint: `netweb \
         {command}` changes the network for good, so give the full name or id (e.g. {id}), \
         or add --yes to accept the match"
    )
}

/// Resolves a reference, trying in turn (the first step that finds anyone decides):
/// an exact id; an exact name; then a prefix of a name or id, or whole words of a name
/// ("hale", "raman", "mei lin"). One person is the answer; several are ambiguous and
/// listed; so exact matches win over prefixes ("ann" finds Ann even when Anna exists).
pub fn person(net: &Network, query: &str) -> Result<PersonId> {
    let q = fold(query);
    if q.is_empty() {
        bail!("a person's name or id is empty");
    }
    if let Some(p) = net.people.iter().find(|p| p.id.as_str() == q) {
        return Ok(p.id.clone());
    }
    let names: Vec<String> = net.people.iter().map(|p| fold(&p.name)).collect();
    let pick = |keep: &dyn Fn(&Person, &str) -> bool| -> Vec<&Person> {
        net.people
            .iter()
            .zip(&names)
            .filter(|(p, name)| keep(p, name))
            .map(|(p, _)| p)
            .collect()
    };
    let mut candidates = pick(&|_, name| name == q);
    if candidates.is_empty() {
        candidates = pick(&|p, name| {
            name.starts_with(&q) || p.id.as_str().starts_with(&q) || has_words(name, &q)
        });
    }
    match candidates.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => bail!("{}", not_found(net, &names, query, &q)),
        many => {
            let mut many = many.to_vec();
            many.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
            let listed: Vec<String> = many
                .iter()
                .take(MAX_OFFERED)
                .map(|p| format!("  {} ({})", p.name, p.id))
                .collect();
            let more = many.len().saturating_sub(MAX_OFFERED);
            bail!(
                "{query:?} is ambiguous: it matches {} people:\n{}{}\nhint: use more of the name, or the id",
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

/// Whether `words` (folded) appear as consecutive whole words of `name` (folded).
fn has_words(name: &str, words: &str) -> bool {
    let name: Vec<&str> = name.split(' ').collect();
    let want: Vec<&str> = words.split(' ').collect();
    name.windows(want.len()).any(|w| w == want.as_slice())
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

/// "no one called ...", with the closest names first. Closeness is the edit distance
/// (Damerau-Levenshtein, as a share of the length) to the whole name, to any one word of
/// it, or to the id; Jaro-Winkler, which favours shared letters anywhere, broke ties badly
/// ("pria" offered Gloria beside Priya), so it only decides what is close enough to offer.
fn not_found(net: &Network, names: &[String], query: &str, q: &str) -> String {
    if net.people.is_empty() {
        return format!(
            "no one called {query:?}: the network is empty\nhint: add people with `netweb add NAME`"
        );
    }
    let mut scored: Vec<(f64, &str, &PersonId)> = net
        .people
        .iter()
        .zip(names)
        .filter_map(|(p, name)| {
            let texts = std::iter::once(name.as_str())
                .chain(name.split(' '))
                .chain(std::iter::once(p.id.as_str()));
            let (mut close, mut like) = (0.0_f64, 0.0_f64);
            for t in texts {
                close = close.max(strsim::normalized_damerau_levenshtein(q, t));
                like = like.max(strsim::jaro_winkler(q, t));
            }
            (like >= 0.75 || close >= 0.6).then_some((close, p.name.as_str(), &p.id))
        })
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
            ("ada-larkwell", "Ada Larkwell"),
            ("grace-hollis", "Grace Hollis"),
        ]);
        assert_eq!(person(&n, "ada-larkwell").unwrap().as_str(), "ada-larkwell");
        assert_eq!(person(&n, "GRACE HOLLIS").unwrap().as_str(), "grace-hollis");
        assert_eq!(person(&n, "gra").unwrap().as_str(), "grace-hollis");
        assert_eq!(person(&n, "ada-l").unwrap().as_str(), "ada-larkwell");
    }

    #[test]
    fn exact_name_beats_prefix() {
        let n = net(&[("ann", "Ann"), ("anna", "Anna")]);
        assert_eq!(person(&n, "ann").unwrap().as_str(), "ann");
    }

    #[test]
    fn accents_case_and_spaces_do_not_matter() {
        let n = net(&[("zoe-muller", "Zoë Müller"), ("lucia", "Lucía Fernández")]);
        assert_eq!(person(&n, "zoe muller").unwrap().as_str(), "zoe-muller");
        assert_eq!(
            person(&n, "  ZOË   müller ").unwrap().as_str(),
            "zoe-muller"
        );
        assert_eq!(person(&n, "fernandez").unwrap().as_str(), "lucia");
        assert_eq!(person(&n, "Lucia").unwrap().as_str(), "lucia");
    }

    #[test]
    fn a_name_word_shared_by_several_is_ambiguous() {
        let n = net(&[
            ("ruth", "Ruth Hale"),
            ("walter", "Walter Hale"),
            ("priya", "Priya Raman"),
        ]);
        let err = person(&n, "hale").unwrap_err().to_string();
        assert!(
            err.contains("\"hale\" is ambiguous: it matches 2 people"),
            "{err}"
        );
        assert!(err.contains("Ruth Hale (ruth)") && err.contains("Walter Hale (walter)"));
        assert_eq!(person(&n, "raman").unwrap().as_str(), "priya");
    }

    #[test]
    fn did_you_mean_puts_the_closest_first() {
        let n = net(&[("gloria", "Gloria Esposito"), ("priya", "Priya Raman")]);
        let err = person(&n, "pria").unwrap_err().to_string();
        let (p, g) = (err.find("Priya"), err.find("Gloria"));
        assert!(p.is_some() && g.is_none_or(|g| p < Some(g)), "{err}");
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
            ("ada-larkwell", "Ada Larkwell"),
            ("grace-hollis", "Grace Hollis"),
        ]);
        let err = person(&n, "larkwel").unwrap_err().to_string();
        assert!(
            err.contains("did you mean Ada Larkwell (ada-larkwell)"),
            "{err}"
        );
    }
}
