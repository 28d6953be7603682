//! The pure half of an import: given the network, what was read from a file and
//! `today`, decide for every entry whether it is new, merges into someone, changes
//! nothing or is skipped, and build the network that results. No I/O.
//!
//! Matching, in order: the same id and name (re-importing a netweb file), then any
//! shared email (case-insensitive), then the same name (trimmed, single-spaced,
//! case-insensitive) where the companies agree when both have one. A name that matches
//! several people is skipped rather than guessed. A merge only adds: new emails, phones,
//! terms and tags, and fields that were empty; it never overwrites what is there, so
//! importing the same file twice changes nothing the second time.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::Serialize;
use serde_json::Value;

use super::{Format, Parsed};
use crate::model::{Interaction, Network, Person, PersonId};
use crate::text::{add_terms, add_values, normalize_term, unique_slug};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    New,
    Merged,
    Unchanged,
    Skipped,
}

/// What happens to one row, card or person of the file.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Where it starts in the file (absent for a netweb file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The person in this network it became or merged into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<PersonId>,
    pub action: Action,
    /// Why it was skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The fields a merge added to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<&'static str>,
}

/// The plan, and after a real import the summary: `--json` prints this.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub format: &'static str,
    pub dry_run: bool,
    pub new: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub skipped: usize,
    /// Relationships, interactions and introductions added (from a netweb file).
    pub relationships: usize,
    pub interactions: usize,
    pub introductions: usize,
    pub entries: Vec<Entry>,
}

/// Decides the import and returns the report with the network as it would be after.
/// `tags` are given to everyone imported; `progress` hears (done, total) as it goes.
pub fn plan(
    current: &Network,
    parsed: &Parsed,
    today: NaiveDate,
    tags: &[String],
    progress: &mut dyn FnMut(usize, usize),
) -> (Report, Network) {
    let mut net = current.clone();
    let mut index = Index::new(&net);
    let mut entries = Vec::new();
    // Source id -> id here, for bringing a netweb file's relationships along.
    let mut ids: HashMap<PersonId, PersonId> = HashMap::new();
    // People created by this import from a netweb file: distinct there, so never merged.
    let mut created: HashSet<usize> = HashSet::new();
    let total = parsed.people.len();

    for (n, incoming) in parsed.people.iter().enumerate() {
        progress(n, total);
        let mut person = incoming.person.clone();
        add_terms(&mut person.tags, tags);
        let entry = |action, id: Option<PersonId>, reason: Option<String>, changed| Entry {
            line: incoming.line,
            name: Some(person.name.to_string()),
            id,
            action,
            reason,
            changed,
        };
        let source_id = person.id.clone();
        let found = index.find(&net, &person, |i| {
            parsed.format != Format::Netweb || !created.contains(&i)
        });
        match found {
            Err(reason) => entries.push(entry(Action::Skipped, None, Some(reason), Vec::new())),
            Ok(Some(i)) => {
                let changed = merge_into(&mut net.people[i], &person);
                index.add(i, &net.people[i]);
                let id = net.people[i].id.clone();
                if !source_id.as_str().is_empty() {
                    ids.insert(source_id, id.clone());
                }
                let action = if changed.is_empty() {
                    Action::Unchanged
                } else {
                    Action::Merged
                };
                entries.push(entry(action, Some(id), None, changed));
            }
            Ok(None) => {
                let id = if !source_id.as_str().is_empty()
                    && !index.ids.contains_key(source_id.as_str())
                {
                    source_id.clone()
                } else {
                    index.unique_id(&person.name)
                };
                person.id = id.clone();
                person.added = person.added.or(Some(today));
                if person.met.is_some_and(|m| m > today) {
                    person.met = None;
                }
                net.people.push(person.clone());
                let i = net.people.len() - 1;
                index.add(i, &net.people[i]);
                created.insert(i);
                if !source_id.as_str().is_empty() {
                    ids.insert(source_id, id.clone());
                }
                entries.push(Entry {
                    line: incoming.line,
                    name: Some(person.name.into()),
                    id: Some(id),
                    action: Action::New,
                    reason: None,
                    changed: Vec::new(),
                });
            }
        }
    }
    progress(total, total);
    for problem in &parsed.problems {
        entries.push(Entry {
            line: Some(problem.line),
            name: None,
            id: None,
            action: Action::Skipped,
            reason: Some(problem.reason.clone()),
            changed: Vec::new(),
        });
    }
    entries.sort_by_key(|e| e.line.unwrap_or(usize::MAX));

    let (relationships, interactions, introductions) = bring_along(&mut net, parsed, &ids);
    let count = |a: Action| entries.iter().filter(|e| e.action == a).count();
    let report = Report {
        file: String::new(),
        format: parsed.format.name(),
        dry_run: false,
        new: count(Action::New),
        merged: count(Action::Merged),
        unchanged: count(Action::Unchanged),
        skipped: count(Action::Skipped),
        relationships,
        interactions,
        introductions,
        entries,
    };
    (report, net)
}

/// Adds a netweb file's relationships and history, with ids remapped; entries naming
/// someone who was skipped, or already here, are left out.
fn bring_along(
    net: &mut Network,
    parsed: &Parsed,
    ids: &HashMap<PersonId, PersonId>,
) -> (usize, usize, usize) {
    let map = |people: &[PersonId]| -> Option<Vec<PersonId>> {
        let mut out: Vec<PersonId> = Vec::new();
        for p in people {
            let id = ids.get(p)?.clone();
            if !out.contains(&id) {
                out.push(id);
            }
        }
        Some(out)
    };
    let set = |people: &[PersonId]| -> Vec<PersonId> {
        let mut s = people.to_vec();
        s.sort();
        s
    };
    let mut added = (0, 0, 0);
    // What is already here, as hash sets: a scan per entry made a 14,000-person file
    // with 90,000 relationships take 84 s.
    let pair = |a: &PersonId, b: &PersonId| {
        if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    let mut pairs: HashSet<(PersonId, PersonId)> =
        net.relationships.iter().map(|r| pair(&r.a, &r.b)).collect();
    for r in &parsed.relationships {
        let (Some(a), Some(b)) = (ids.get(&r.a), ids.get(&r.b)) else {
            continue;
        };
        if a == b || !pairs.insert(pair(a, b)) {
            continue;
        }
        let mut r = r.clone();
        r.a = a.clone();
        r.b = b.clone();
        net.relationships.push(r);
        added.0 += 1;
    }
    let said =
        |y: &Interaction, people: Vec<PersonId>| (y.date, people, y.kind.clone(), y.note.clone());
    let mut interactions: HashSet<_> = net
        .interactions
        .iter()
        .map(|y| said(y, set(&y.people)))
        .collect();
    for x in &parsed.interactions {
        let Some(people) = map(&x.people) else {
            continue;
        };
        if !people.is_empty() && interactions.insert(said(x, set(&people))) {
            let mut x = x.clone();
            x.people = people;
            net.interactions.push(x);
            added.1 += 1;
        }
    }
    let mut introductions: HashSet<_> = net
        .introductions
        .iter()
        .map(|y| (y.date, set(&y.people)))
        .collect();
    for x in &parsed.introductions {
        let Some(people) = map(&x.people) else {
            continue;
        };
        if people.len() >= 2 && introductions.insert((x.date, set(&people))) {
            let mut x = x.clone();
            x.people = people;
            net.introductions.push(x);
            added.2 += 1;
        }
    }
    added
}

/// Adds what `new` knows to `p` without overwriting anything; returns what changed.
pub fn merge_into(p: &mut Person, new: &Person) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut mark = |did: bool, name: &'static str| {
        if did {
            changed.push(name);
        }
    };
    mark(add_values(&mut p.emails, &new.emails), "emails");
    mark(add_values(&mut p.phones, &new.phones), "phones");
    mark(fill(&mut p.company, &new.company), "company");
    mark(fill(&mut p.role, &new.role), "role");
    mark(fill(&mut p.location, &new.location), "location");
    mark(add_terms(&mut p.interests, &new.interests), "interests");
    mark(add_terms(&mut p.offers, &new.offers), "offers");
    mark(add_terms(&mut p.seeks, &new.seeks), "seeks");
    mark(add_terms(&mut p.tags, &new.tags), "tags");
    let notes = match (&p.notes, &new.notes) {
        (None, Some(n)) => Some(n.clone()),
        (Some(old), Some(n)) if !old.contains(n.as_str()) => Some(format!("{old}\n{n}")),
        _ => None,
    };
    mark(notes.is_some(), "notes");
    if notes.is_some() {
        p.notes = notes;
    }
    mark(fill(&mut p.met, &new.met), "met");
    mark(fill(&mut p.every, &new.every), "every");
    mark(new.no_intros && !p.no_intros, "no_intros");
    p.no_intros |= new.no_intros;
    for (key, value) in &new.extra {
        let did = match (p.extra.get_mut(key), value) {
            (None, _) => {
                p.extra.insert(key.clone(), value.clone());
                true
            }
            (Some(Value::Array(have)), Value::Array(more)) => {
                let before = have.len();
                for v in more {
                    if !have.contains(v) {
                        have.push(v.clone());
                    }
                }
                have.len() != before
            }
            _ => false,
        };
        if did {
            changed.push(match key.as_str() {
                "urls" => "urls",
                "birthday" => "birthday",
                _ => "extra",
            });
        }
    }
    changed.dedup();
    changed
}

fn fill<T: Clone>(field: &mut Option<T>, value: &Option<T>) -> bool {
    if field.is_none() && value.is_some() {
        *field = value.clone();
        true
    } else {
        false
    }
}

/// Lookups kept in step with the network as the import adds to it.
struct Index {
    emails: HashMap<String, usize>,
    names: HashMap<String, Vec<usize>>,
    /// Id -> index: looking each incoming id up by a scan made importing a netweb file
    /// quadratic (8,000 people took seconds before the relationships even started).
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

impl Index {
    fn new(net: &Network) -> Index {
        let mut index = Index {
            emails: HashMap::new(),
            names: HashMap::new(),
            ids: HashMap::new(),
        };
        for (i, p) in net.people.iter().enumerate() {
            index.add(i, p);
        }
        index
    }

    fn add(&mut self, i: usize, p: &Person) {
        for e in &p.emails {
            self.emails.entry(e.as_str().to_lowercase()).or_insert(i);
        }
        let names = self.names.entry(name_key(&p.name)).or_default();
        if !names.contains(&i) {
            names.push(i);
        }
        self.ids.insert(p.id.0.to_string(), i);
    }

    /// The one person `p` is, `None` for someone new, or why it cannot be decided.
    fn find(
        &self,
        net: &Network,
        p: &Person,
        allowed: impl Fn(usize) -> bool,
    ) -> Result<Option<usize>, String> {
        if !p.id.as_str().is_empty()
            && let Some(&i) = self.ids.get(p.id.as_str())
            && name_key(&net.people[i].name) == name_key(&p.name)
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
        let candidates: Vec<usize> = self
            .names
            .get(&name_key(&p.name))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| allowed(i) && same_company(&net.people[i].company, &p.company))
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
    fn unique_id(&self, name: &str) -> PersonId {
        PersonId::from(unique_slug(name, |id| self.ids.contains_key(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Contact, Parsed};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn contact(line: usize, name: &str, email: &str, company: &str) -> Contact {
        Contact {
            line,
            name: name.into(),
            emails: [email]
                .iter()
                .filter(|e| !e.is_empty())
                .map(|e| e.to_string())
                .collect(),
            company: (!company.is_empty()).then(|| company.to_string()),
            ..Contact::default()
        }
    }

    #[test]
    fn duplicates_merge_and_a_second_run_changes_nothing() {
        let parsed = Parsed::contacts(
            Format::Csv,
            vec![
                contact(2, "Ada Lovelace", "ada@example.org", ""),
                contact(3, "ada  lovelace", "", "Engines"),
                contact(4, "Someone", "ADA@example.org", ""),
                contact(5, "Grace Hopper", "", "Navy"),
                contact(6, "Grace Hopper", "", "Army"),
            ],
            Vec::new(),
        );
        let (report, net) = plan(&Network::default(), &parsed, today(), &[], &mut |_, _| {});
        assert_eq!((report.new, report.merged, report.unchanged), (3, 1, 1));
        let ids: Vec<&str> = net.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["ada-lovelace", "grace-hopper", "grace-hopper-2"]);
        assert_eq!(net.people[0].company.as_deref(), Some("Engines"));
        let (again, after) = plan(&net, &parsed, today(), &[], &mut |_, _| {});
        assert_eq!((again.new, again.merged), (0, 0));
        assert_eq!(after, net);
    }
}
