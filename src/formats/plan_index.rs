//! How an import finds who an incoming contact already is: lookups by email, UID,
//! LinkedIn profile URL and name, kept in step with the network as the import adds to it.
//! `pair_up` gives the same rules to `sync`, which pairs each card with at most one person.

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;

use crate::extra_fields::{self as fields, UID, URLS};
use crate::model::{Network, Person, PersonId};
use crate::text::{normalize_term, unique_slug};

/// Lookups kept in step with the network as the import adds to it.
pub(super) struct Index {
    emails: HashMap<String, usize>,
    uids: HashMap<String, usize>,
    profiles: HashMap<String, usize>,
    names: HashMap<String, Vec<usize>>,
    /// Id -> place: finding a netweb file's person by id was a scan of everyone.
    ids: HashMap<String, usize>,
}

fn name_key(name: &str) -> String {
    normalize_term(name)
}

fn same_company(a: &Option<CompactString>, b: &Option<CompactString>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => normalize_term(a) == normalize_term(b),
        _ => true,
    }
}

/// A LinkedIn profile URL reduced to what identifies it: `linkedin.com/in/ada-l`
/// (scheme, `www.`, a country subdomain, query and trailing slash dropped).
pub fn profile_key(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let at = lower.find("linkedin.com/in/")?;
    let rest = &lower[at + "linkedin.com/in/".len()..];
    let handle = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!handle.is_empty()).then(|| format!("linkedin.com/in/{handle}"))
}

fn profiles(p: &Person) -> Vec<String> {
    fields::texts(p, URLS)
        .iter()
        .filter_map(|u| profile_key(u))
        .collect()
}

/// Two records of one name that are two people: both have a LinkedIn profile and none
/// is shared. (A UID only ever joins: it is one address book's id, and the same person
/// exported from two address books has two.)
fn told_apart(a: &Person, b: &Person) -> bool {
    let (pa, pb) = (profiles(a), profiles(b));
    !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|k| pb.contains(k))
}

impl Index {
    pub(super) fn new(net: &Network) -> Index {
        let mut index = Index {
            emails: HashMap::new(),
            uids: HashMap::new(),
            profiles: HashMap::new(),
            names: HashMap::new(),
            ids: HashMap::new(),
        };
        for (i, p) in net.people.iter().enumerate() {
            index.add(i, p);
        }
        index
    }

    pub(super) fn add(&mut self, i: usize, p: &Person) {
        for e in &p.emails {
            self.emails.entry(e.as_str().to_lowercase()).or_insert(i);
        }
        if let Some(uid) = fields::text(p, UID) {
            self.uids.entry(uid.to_string()).or_insert(i);
        }
        for key in profiles(p) {
            self.profiles.entry(key).or_insert(i);
        }
        let names = self.names.entry(name_key(&p.name)).or_default();
        if !names.contains(&i) {
            names.push(i);
        }
        self.ids.entry(p.id.0.to_string()).or_insert(i);
    }

    /// The one person `p` is, `None` for someone new, or why it cannot be decided.
    pub(super) fn find(
        &self,
        net: &Network,
        p: &Person,
        allowed: impl Fn(usize) -> bool,
    ) -> Result<Option<usize>, String> {
        if !p.id.as_str().is_empty()
            && let Some(&i) = self.ids.get(p.id.as_str())
            // (an id `pair_up` reserved has no place yet)
            && i < net.people.len()
            && name_key(&net.people[i].name) == name_key(&p.name)
            && allowed(i)
        {
            return Ok(Some(i));
        }
        if let Some(uid) = fields::text(p, UID)
            && let Some(&i) = self.uids.get(uid)
            && allowed(i)
        {
            return Ok(Some(i));
        }
        for e in &p.emails {
            if let Some(&i) = self.emails.get(&e.as_str().to_lowercase())
                && allowed(i)
            {
                return Ok(Some(i));
            }
        }
        for key in profiles(p) {
            if let Some(&i) = self.profiles.get(&key)
                && allowed(i)
            {
                return Ok(Some(i));
            }
        }
        let candidates: Vec<usize> = self
            .names
            .get(&name_key(&p.name))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| {
                        let q = &net.people[i];
                        allowed(i) && same_company(&q.company, &p.company) && !told_apart(q, p)
                    })
                    .collect()
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => {
                // Several of the same name: the one at the same company, if that decides it.
                let exact: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&i| p.company.is_some() && net.people[i].company.is_some())
                    .collect();
                if let [one] = exact.as_slice() {
                    return Ok(Some(*one));
                }
                let ids: Vec<&str> = many.iter().map(|&i| net.people[i].id.as_str()).collect();
                Err(format!(
                    "{} matches {} people ({}): add an email or company to tell them apart",
                    p.name,
                    many.len(),
                    ids.join(", ")
                ))
            }
        }
    }

    /// The slug of the name, with `-2`, `-3`, ... when it is taken (as `add` does).
    pub(super) fn unique_id(&self, name: &str) -> PersonId {
        PersonId::from(unique_slug(name, |id| self.ids.contains_key(id)))
    }

    /// Whether someone here has this id.
    pub(super) fn has_id(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }
}

/// Whom an incoming contact is, for a pairing that gives each person at most one.
#[derive(Debug, Clone, PartialEq)]
pub enum Pairing {
    /// The person at this place in `net.people`.
    Existing(usize),
    /// Someone new, with the id they would get (their own when it is free, as an import
    /// of a netweb export keeps it, else the slug of their name made unique).
    New(PersonId),
    /// Why it cannot be decided (a name that several people have).
    Undecided(String),
}

/// Finds, by the import's rules (`Index::find`), who each of `incoming` is in `net`;
/// nobody in `taken` is matched, and each person is matched at most once: a second
/// contact that would be the same person is someone new.
pub fn pair_up(net: &Network, incoming: &[Person], taken: &HashSet<usize>) -> Vec<Pairing> {
    let mut index = Index::new(net);
    let mut claimed: HashSet<usize> = HashSet::new();
    incoming
        .iter()
        .map(|p| {
            match index.find(net, p, |i| !taken.contains(&i) && !claimed.contains(&i)) {
                Err(why) => Pairing::Undecided(why),
                Ok(Some(i)) => {
                    claimed.insert(i);
                    Pairing::Existing(i)
                }
                Ok(None) => {
                    let own = p.id.as_str();
                    let id = if !own.is_empty() && !index.has_id(own) {
                        p.id.clone()
                    } else {
                        index.unique_id(&p.name)
                    };
                    // Reserved, so the next new contact of the same name gets `-2`.
                    index.ids.insert(id.0.to_string(), usize::MAX);
                    Pairing::New(id)
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_reduce_to_their_handle() {
        let k = |u| profile_key(u);
        assert_eq!(
            k("https://www.linkedin.com/in/ada-l/"),
            Some("linkedin.com/in/ada-l".into())
        );
        assert_eq!(
            k("http://uk.linkedin.com/in/Ada-L?trk=x"),
            Some("linkedin.com/in/ada-l".into())
        );
        assert_eq!(k("https://ada.example.org"), None);
    }
}
