//! The pure half of an import: given the network, what was read from a file and
//! `today`, decide for every entry whether it is new, merges into someone, changes
//! nothing or is skipped, and build the network that results. No I/O.
//!
//! Matching, in order: the same id and name (re-importing a netweb file), the same
//! address-book UID (an edited card from the phone), any shared email
//! (case-insensitive) or LinkedIn profile URL, then the same name (trimmed,
//! single-spaced, case-insensitive) where the companies agree when both have one and
//! their LinkedIn profile URLs do not tell them apart (see `plan_index`). A name that
//! matches several people is skipped rather than guessed. A merge only adds: new emails, phones,
//! terms and tags, and fields that were empty; it never overwrites what is there, so
//! importing the same file twice changes nothing the second time.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::plan_index::Index;
use super::{Format, Parsed};
use crate::model::{Interaction, Network, PersonId, Relationship};
use crate::ops::unite::merge_into;
use crate::text::add_terms;

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
    /// Values that could not be read and were left out of the person, each as
    /// `kept NAME without the met date "x": why`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The plan, and after a real import the summary: `--json` prints this.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub format: &'static str,
    /// The encoding the file was read in: UTF-8, UTF-16LE, UTF-16BE or windows-1252.
    pub encoding: &'static str,
    pub dry_run: bool,
    pub new: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub skipped: usize,
    /// Relationships, interactions, introductions and reminders added (from a netweb file).
    pub relationships: usize,
    pub interactions: usize,
    pub introductions: usize,
    pub reminders: usize,
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
    // Where each incoming person went, for the file's own relationships (`links`).
    let mut placed: Vec<Option<PersonId>> = vec![None; total];

    for (n, incoming) in parsed.people.iter().enumerate() {
        progress(n, total);
        let mut person = incoming.person.clone();
        add_terms(&mut person.tags, tags);
        let warnings: Vec<String> = incoming
            .left_out
            .iter()
            .map(|w| format!("kept {} without {w}", person.name))
            .collect();
        let entry = |action, id: Option<PersonId>, reason: Option<String>, changed| Entry {
            line: incoming.line,
            name: Some(person.name.to_string()),
            id,
            action,
            reason,
            changed,
            warnings: if action == Action::Skipped {
                Vec::new()
            } else {
                warnings.clone()
            },
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
                placed[n] = Some(id.clone());
                entries.push(entry(action, Some(id), None, changed));
            }
            Ok(None) => {
                let id = if !source_id.as_str().is_empty() && !index.has_id(source_id.as_str()) {
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
                placed[n] = Some(id.clone());
                entries.push(entry(Action::New, Some(id), None, Vec::new()));
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
            warnings: Vec::new(),
        });
    }
    entries.sort_by_key(|e| e.line.unwrap_or(usize::MAX));

    let brought = bring_along(&mut net, parsed, &ids);
    let relationships = brought.relationships + link(&mut net, parsed, &placed);
    let count = |a: Action| entries.iter().filter(|e| e.action == a).count();
    let report = Report {
        file: String::new(),
        format: parsed.format.name(),
        encoding: parsed.encoding,
        dry_run: false,
        new: count(Action::New),
        merged: count(Action::Merged),
        unchanged: count(Action::Unchanged),
        skipped: count(Action::Skipped),
        relationships,
        interactions: brought.interactions,
        introductions: brought.introductions,
        reminders: brought.reminders,
        entries,
    };
    (report, net)
}

/// How many of a netweb file's records `bring_along` added.
#[derive(Default)]
struct Brought {
    relationships: usize,
    interactions: usize,
    introductions: usize,
    reminders: usize,
}

/// Adds a netweb file's relationships, history and reminders, with ids remapped; entries
/// naming someone who was skipped, or already here, are left out.
fn bring_along(net: &mut Network, parsed: &Parsed, ids: &HashMap<PersonId, PersonId>) -> Brought {
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
    let mut added = Brought::default();
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
        added.relationships += 1;
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
            added.interactions += 1;
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
            added.introductions += 1;
        }
    }
    let mut reminders: HashSet<_> = net
        .reminders
        .iter()
        .map(|y| (y.date, y.person.clone(), y.text.clone()))
        .collect();
    for x in &parsed.reminders {
        let Some(person) = ids.get(&x.person) else {
            continue;
        };
        if reminders.insert((x.date, person.clone(), x.text.clone())) {
            let mut x = x.clone();
            x.person = person.clone();
            net.reminders.push(x);
            added.reminders += 1;
        }
    }
    added
}

/// Relates the file's contacts who name each other (a vCard RELATED), as inferred
/// relationships: `netweb link` of the pair confirms one.
fn link(net: &mut Network, parsed: &Parsed, placed: &[Option<PersonId>]) -> usize {
    if parsed.links.is_empty() {
        return 0;
    }
    // The pairs already related, looked up once: a scan of the relationships per link
    // made a file of n cards that name each other take n² steps.
    let pair = |a: &PersonId, b: &PersonId| {
        if a <= b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    let mut known: HashSet<(PersonId, PersonId)> =
        net.relationships.iter().map(|r| pair(&r.a, &r.b)).collect();
    let mut added = 0;
    for l in &parsed.links {
        let (Some(Some(a)), Some(Some(b))) = (placed.get(l.a), placed.get(l.b)) else {
            continue;
        };
        if a == b || !known.insert(pair(a, b)) {
            continue;
        }
        let mut r = Relationship::new(a.clone(), b.clone());
        r.kind = l.kind.as_deref().map(Into::into);
        r.extra.insert(
            "inferred".into(),
            Value::String(format!("{} RELATED", parsed.format.name())),
        );
        net.relationships.push(r);
        added += 1;
    }
    added
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
                contact(2, "Ada Larkwell", "ada@example.org", ""),
                contact(3, "ada  larkwell", "", "Engines"),
                contact(4, "Someone", "ADA@example.org", ""),
                contact(5, "Grace Hollis", "", "Navy"),
                contact(6, "Grace Hollis", "", "Army"),
            ],
            Vec::new(),
        );
        let (report, net) = plan(&Network::default(), &parsed, today(), &[], &mut |_, _| {});
        assert_eq!((report.new, report.merged, report.unchanged), (3, 1, 1));
        let ids: Vec<&str> = net.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["ada-larkwell", "grace-hollis", "grace-hollis-2"]);
        assert_eq!(net.people[0].company.as_deref(), Some("Engines"));
        let (again, after) = plan(&net, &parsed, today(), &[], &mut |_, _| {});
        assert_eq!((again.new, again.merged), (0, 0));
        assert_eq!(after, net);
    }

    #[test]
    fn a_uid_joins_and_a_profile_url_tells_apart() {
        let with = |c: Contact, uid: Option<&str>, url: Option<&str>| Contact {
            uid: uid.map(str::to_string),
            urls: url.into_iter().map(str::to_string).collect(),
            ..c
        };
        let parsed = Parsed::contacts(
            Format::Vcard,
            vec![
                with(
                    contact(1, "Ada Larkwell", "ada@example.org", ""),
                    Some("u1"),
                    None,
                ),
                // The same card, edited: another name, the same UID.
                with(contact(2, "Ada Kell", "", ""), Some("u1"), None),
                // Another address book's card: another UID, the same email.
                with(contact(3, "Ada", "ADA@example.org", ""), Some("u2"), None),
                with(
                    contact(4, "Sam Taylor", "", ""),
                    None,
                    Some("https://www.linkedin.com/in/sam1"),
                ),
                with(
                    contact(5, "Sam Taylor", "", ""),
                    None,
                    Some("https://linkedin.com/in/sam2/"),
                ),
                with(
                    contact(6, "sam taylor", "", ""),
                    None,
                    Some("http://www.linkedin.com/in/SAM2"),
                ),
            ],
            Vec::new(),
        );
        let (report, net) = plan(&Network::default(), &parsed, today(), &[], &mut |_, _| {});
        let ids: Vec<&str> = net.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["ada-larkwell", "sam-taylor", "sam-taylor-2"]);
        let into: Vec<Option<&str>> = report
            .entries
            .iter()
            .map(|e| e.id.as_ref().map(|i| i.as_str()))
            .collect();
        assert_eq!(
            into,
            [
                Some("ada-larkwell"),
                Some("ada-larkwell"),
                Some("ada-larkwell"),
                Some("sam-taylor"),
                Some("sam-taylor-2"),
                Some("sam-taylor-2")
            ]
        );
    }
}
