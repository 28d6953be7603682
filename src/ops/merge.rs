//! Merging two records of the same person (duplicates from different sources) into one,
//! so that nothing points at the one that goes. Pure: no I/O.
//!
//! The first record (`keep`) keeps its id. The second's fields are united into it: lists
//! are unioned, empty fields filled, preserved extra fields added where `keep` has none
//! (lists of them unioned). Where both have a different value, `keep`'s wins and the
//! other is written into the notes as a line `also: company Initech`, so nothing is lost;
//! `met` and `added` instead take the earlier date (both mean "since when"), and
//! `no_intros` holds if either record asked for it.
//!
//! Relationships of the second are repointed to the first. One that then repeats a
//! relationship the first already has is merged into it (the higher strength, the
//! earlier `since`, the kind and note filled in); one between the two disappears.
//! Interactions and introductions name the first instead, never anyone twice; an
//! introduction left with fewer than two people is dropped. Reminders about the second
//! are about the first; of two snoozes, the one that lasts longer stays.

use serde::Serialize;
use serde_json::Value;

use crate::extra_fields::{self as fields, SNOOZED_UNTIL};
use crate::model::{Network, Person, PersonId, Relationship};
use crate::ops::unite::merge_into;
use crate::text::normalize_term;

/// A value of the merged-away record that lost to the kept one's, now in the notes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Also {
    pub field: String,
    pub value: String,
}

/// What a merge did; `--json` prints this.
#[derive(Debug, Serialize)]
pub struct Merged {
    /// The kept person, after the merge.
    pub person: Person,
    /// The record merged into it, as it was (it no longer exists).
    pub merged: Person,
    /// The kept person's fields that gained something.
    pub changed: Vec<&'static str>,
    /// The merged record's differing values, kept as `also:` lines in the notes.
    pub also: Vec<Also>,
    /// Relationships of the merged record now on the kept person.
    pub relationships_repointed: usize,
    /// Relationships that repeated one the kept person had, merged into it.
    pub relationships_merged: usize,
    /// Relationships between the two records, gone.
    pub relationships_dropped: usize,
    pub interactions_updated: usize,
    pub introductions_updated: usize,
    /// Introductions left with fewer than two people (they were between the two).
    pub introductions_deleted: usize,
    /// Reminders about the merged record, now about the kept person.
    pub reminders_updated: usize,
}

/// Merges `gone` into `keep` (two different, existing ids) and removes `gone`.
pub fn merge(net: &mut Network, keep: &PersonId, gone: &PersonId) -> Merged {
    assert_ne!(keep, gone, "a person cannot be merged with themself");
    let at = net
        .people
        .iter()
        .position(|p| &p.id == gone)
        .expect("resolved ids exist");
    let other = net.people.remove(at);
    let person = net.person_mut(keep).expect("resolved ids exist");

    let also = differences(person, &other);
    let mut changed = Vec::new();
    for (mine, theirs, name) in [
        (&mut person.met, other.met, "met"),
        (&mut person.added, other.added, "added"),
    ] {
        if let (Some(m), Some(t)) = (*mine, theirs)
            && t < m
        {
            *mine = Some(t);
            changed.push(name);
        }
    }
    // Two snoozes: the longer one stays (not an `also:` line, see `differences`).
    if let Some(theirs) = fields::date(&other, SNOOZED_UNTIL)
        && fields::date(person, SNOOZED_UNTIL).is_some_and(|mine| theirs > mine)
    {
        fields::set_text(&mut person.extra, SNOOZED_UNTIL, Some(theirs.to_string()));
        changed.push(SNOOZED_UNTIL);
    }
    // Notes are merged by hand below: `merge_into` would append them too.
    let mut incoming = other.clone();
    incoming.notes = None;
    changed.extend(merge_into(person, &incoming));
    let mut lines: Vec<String> = Vec::new();
    if let Some(n) = &other.notes
        && !person
            .notes
            .as_deref()
            .is_some_and(|mine| mine.contains(n.as_str()))
    {
        lines.push(n.clone());
    }
    lines.extend(
        also.iter()
            .map(|a| format!("also: {} {}", a.field, a.value)),
    );
    if !lines.is_empty() {
        let mut text: Vec<String> = person.notes.iter().cloned().collect();
        text.extend(lines);
        person.notes = Some(text.join("\n"));
        changed.push("notes");
    }
    let mut seen = Vec::new();
    changed.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
    let person = person.clone();

    let (relationships_repointed, relationships_merged, relationships_dropped) =
        repoint_relationships(net, keep, gone);

    let mut interactions_updated = 0;
    for x in &mut net.interactions {
        if repoint(&mut x.people, keep, gone) {
            interactions_updated += 1;
        }
    }
    let (mut introductions_updated, mut introductions_deleted) = (0, 0);
    net.introductions.retain_mut(|x| {
        if !repoint(&mut x.people, keep, gone) {
            return true;
        }
        let kept = x.people.len() >= 2;
        if kept {
            introductions_updated += 1;
        } else {
            introductions_deleted += 1;
        }
        kept
    });

    let mut reminders_updated = 0;
    for r in net.reminders.iter_mut().filter(|r| &r.person == gone) {
        r.person = keep.clone();
        reminders_updated += 1;
    }

    Merged {
        person,
        merged: other,
        changed,
        also,
        relationships_repointed,
        relationships_merged,
        relationships_dropped,
        interactions_updated,
        introductions_updated,
        introductions_deleted,
        reminders_updated,
    }
}

/// The scalar values of `other` that differ from the kept person's (both set).
fn differences(p: &Person, other: &Person) -> Vec<Also> {
    let mut out = Vec::new();
    let mut differ = |field: &str, mine: Option<&str>, theirs: Option<&str>| {
        if let (Some(m), Some(t)) = (mine, theirs)
            && normalize_term(m) != normalize_term(t)
        {
            out.push(Also {
                field: field.to_string(),
                value: t.to_string(),
            });
        }
    };
    differ("name", Some(&p.name), Some(&other.name));
    differ("company", p.company.as_deref(), other.company.as_deref());
    differ("role", p.role.as_deref(), other.role.as_deref());
    differ("location", p.location.as_deref(), other.location.as_deref());
    differ("every", p.every.as_deref(), other.every.as_deref());
    for (key, theirs) in &other.extra {
        if key == SNOOZED_UNTIL {
            continue;
        }
        match (p.extra.get(key), theirs) {
            // Lists are joined and objects (an email's labels) united by `merge_into`.
            (None, _)
            | (Some(Value::Array(_)), Value::Array(_))
            | (Some(Value::Object(_)), Value::Object(_)) => {}
            (Some(mine), theirs) if mine == theirs => {}
            (Some(_), theirs) => out.push(Also {
                field: key.clone(),
                value: match theirs {
                    Value::String(t) => t.clone(),
                    other => other.to_string(),
                },
            }),
        }
    }
    out
}

/// Names `keep` where `gone` was, once. Returns whether `gone` was there.
fn repoint(people: &mut Vec<PersonId>, keep: &PersonId, gone: &PersonId) -> bool {
    if !people.contains(gone) {
        return false;
    }
    let mut out: Vec<PersonId> = Vec::with_capacity(people.len());
    for id in people.drain(..) {
        let id = if &id == gone { keep.clone() } else { id };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    *people = out;
    true
}

/// Returns (repointed, merged into an existing one, dropped between the two).
fn repoint_relationships(
    net: &mut Network,
    keep: &PersonId,
    gone: &PersonId,
) -> (usize, usize, usize) {
    let (mut repointed, mut merged, mut dropped) = (0, 0, 0);
    let mut remove = vec![false; net.relationships.len()];
    let touching: Vec<usize> = (0..net.relationships.len())
        .filter(|&i| net.relationships[i].touches(gone))
        .collect();
    for i in touching {
        let other = net.relationships[i].other(gone).clone();
        if &other == keep {
            remove[i] = true;
            dropped += 1;
            continue;
        }
        match net.relationships.iter().position(|s| s.joins(keep, &other)) {
            Some(j) => {
                let theirs = net.relationships[i].clone();
                unite(&mut net.relationships[j], &theirs);
                remove[i] = true;
                merged += 1;
            }
            None => {
                let r = &mut net.relationships[i];
                if &r.a == gone {
                    r.a = keep.clone();
                } else {
                    r.b = keep.clone();
                }
                repointed += 1;
            }
        }
    }
    let mut flags = remove.into_iter();
    net.relationships.retain(|_| !flags.next().unwrap_or(false));
    (repointed, merged, dropped)
}

/// Two records of one relationship as one: the higher strength, the earlier since.
fn unite(mine: &mut Relationship, theirs: &Relationship) {
    mine.strength = mine.strength.max(theirs.strength);
    mine.since = match (mine.since, theirs.since) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if mine.kind.is_none() {
        mine.kind = theirs.kind.clone();
    }
    mine.note = match (mine.note.take(), &theirs.note) {
        (Some(m), Some(t)) if !m.contains(t.as_str()) => Some(format!("{m}\n{t}")),
        (m, t) => m.or_else(|| t.clone()),
    };
    for (k, v) in &theirs.extra {
        mine.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Extra, Interaction, Introduction};
    use chrono::NaiveDate;

    fn id(s: &str) -> PersonId {
        PersonId(s.into())
    }

    fn person(i: &str, company: Option<&str>) -> Person {
        Person {
            id: id(i),
            name: "Bo Lind".into(),
            company: company.map(Into::into),
            ..Person::default()
        }
    }

    fn rel(a: &str, b: &str, strength: Option<u8>, since: Option<&str>) -> Relationship {
        Relationship {
            strength,
            since: since.map(|s| s.parse().unwrap()),
            ..Relationship::new(id(a), id(b))
        }
    }

    #[test]
    fn fields_unite_and_references_move() {
        let date = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut net = Network {
            people: vec![
                person("a", Some("Acme")),
                Person {
                    emails: vec!["bo@x.example".into()],
                    notes: Some("from linkedin".into()),
                    ..person("b", Some("Initech"))
                },
                person("c", None),
            ],
            relationships: vec![
                rel("a", "c", Some(2), Some("2020-01-01")),
                rel("c", "b", Some(4), Some("2019-01-01")),
                rel("a", "b", None, None),
            ],
            interactions: vec![Interaction {
                date: date("2026-01-01"),
                people: vec![id("a"), id("b")],
                kind: None,
                note: None,
                source: None,
                extra: Extra::new(),
            }],
            introductions: vec![
                Introduction {
                    date: date("2026-01-02"),
                    people: vec![id("a"), id("b")],
                    note: None,
                    extra: Extra::new(),
                },
                Introduction {
                    date: date("2026-01-03"),
                    people: vec![id("b"), id("c")],
                    note: None,
                    extra: Extra::new(),
                },
            ],
            ..Network::default()
        };
        let m = merge(&mut net, &id("a"), &id("b"));
        assert_eq!(net.people.len(), 2);
        let a = net.person(&id("a")).unwrap();
        assert_eq!(a.company.as_deref(), Some("Acme"));
        assert_eq!(a.emails, ["bo@x.example"]);
        assert_eq!(
            a.notes.as_deref(),
            Some("from linkedin\nalso: company Initech")
        );
        assert_eq!(
            (
                m.relationships_repointed,
                m.relationships_merged,
                m.relationships_dropped
            ),
            (0, 1, 1)
        );
        assert_eq!(
            net.relationships,
            [rel("a", "c", Some(4), Some("2019-01-01"))]
        );
        assert_eq!(net.interactions[0].people, [id("a")]);
        assert_eq!(net.introductions.len(), 1);
        assert_eq!(net.introductions[0].people, [id("a"), id("c")]);
        assert_eq!((m.introductions_updated, m.introductions_deleted), (1, 1));
        assert!(crate::validate::problems(&net).is_empty());
    }
}
