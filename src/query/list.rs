//! Filtering and sorting people for `list`.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::Serialize;

use crate::model::{Network, Person, PersonId};
use crate::query::due::last_contacts;
use crate::text::normalize_term;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub interest: Option<String>,
    pub tag: Option<String>,
    /// Case-insensitive substring of the company.
    pub company: Option<String>,
    /// Case-insensitive substring of any text field.
    pub search: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    Id,
    Company,
    Degree,
    Added,
    Met,
    LastContact,
}

/// One person in the list; `--json` prints the person object plus `last_contact`.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    #[serde(flatten)]
    pub person: &'a Person,
    /// How many of your other contacts they know.
    #[serde(skip)]
    pub degree: usize,
    /// The latest interaction or introduction that includes them (null: never).
    pub last_contact: Option<NaiveDate>,
}

pub fn list<'a>(net: &'a Network, filter: &Filter, sort: Sort, reverse: bool) -> Vec<Row<'a>> {
    let mut degree: HashMap<&PersonId, usize> = HashMap::new();
    for r in &net.relationships {
        *degree.entry(&r.a).or_default() += 1;
        *degree.entry(&r.b).or_default() += 1;
    }
    let last = last_contacts(net);
    let noted = noted_people(net, filter);
    let mut rows: Vec<Row> = net
        .people
        .iter()
        .filter(|p| matches(p, filter) || in_notes(p, filter, &noted))
        .map(|p| Row {
            person: p,
            degree: degree.get(&p.id).copied().unwrap_or(0),
            last_contact: last.get(&p.id).map(|c| c.date),
        })
        .collect();
    rows.sort_by(|x, y| order(x, y, sort).then_with(|| by_name(x.person, y.person)));
    if reverse {
        rows.reverse();
    }
    rows
}

fn by_name(x: &Person, y: &Person) -> Ordering {
    x.name
        .as_str()
        .to_lowercase()
        .cmp(&y.name.as_str().to_lowercase())
        .then_with(|| x.id.cmp(&y.id))
}

/// The primary order; ties fall back to the name. "Most" sorts put the largest first,
/// and people without a value go last.
fn order(x: &Row, y: &Row, sort: Sort) -> Ordering {
    let (a, b) = (x.person, y.person);
    match sort {
        Sort::Name => Ordering::Equal,
        Sort::Id => a.id.cmp(&b.id),
        Sort::Company => lower(&a.company)
            .is_none()
            .cmp(&lower(&b.company).is_none())
            .then_with(|| lower(&a.company).cmp(&lower(&b.company))),
        Sort::Degree => y.degree.cmp(&x.degree),
        Sort::Added => b.added.cmp(&a.added),
        Sort::Met => b.met.cmp(&a.met),
        Sort::LastContact => y.last_contact.cmp(&x.last_contact),
    }
}

fn lower(s: &Option<CompactString>) -> Option<String> {
    s.as_deref().map(str::to_lowercase)
}

fn matches(p: &Person, f: &Filter) -> bool {
    let has_term = |list: &[CompactString], term: &Option<String>| match term {
        Some(t) => {
            let t = normalize_term(t);
            list.iter().any(|x| *x == t)
        }
        None => true,
    };
    let contains = |hay: &str, needle: &str| hay.to_lowercase().contains(&needle.to_lowercase());
    has_term(&p.interests, &f.interest)
        && has_term(&p.tags, &f.tag)
        && f.company
            .as_ref()
            .is_none_or(|c| p.company.as_deref().is_some_and(|pc| contains(pc, c)))
        && f.search
            .as_ref()
            .is_none_or(|s| searchable(p).any(|field| contains(field, s.trim())))
}

/// The people in an interaction whose note or kind holds the `--search` text.
fn noted_people<'a>(net: &'a Network, f: &Filter) -> std::collections::HashSet<&'a PersonId> {
    let Some(s) = f.search.as_deref().map(|s| s.trim().to_lowercase()) else {
        return Default::default();
    };
    net.interactions
        .iter()
        .filter(|x| {
            [x.note.as_deref(), x.kind.as_deref()]
                .into_iter()
                .flatten()
                .any(|t| t.to_lowercase().contains(&s))
        })
        .flat_map(|x| &x.people)
        .collect()
}

/// A person the other filters keep whose interactions' notes match `--search`.
fn in_notes(p: &Person, f: &Filter, noted: &std::collections::HashSet<&PersonId>) -> bool {
    if !noted.contains(&p.id) {
        return false;
    }
    let without_search = Filter {
        search: None,
        ..f.clone()
    };
    matches(p, &without_search)
}

/// Every text a free-text search looks at.
fn searchable(p: &Person) -> impl Iterator<Item = &str> {
    let singles = [
        Some(p.name.as_str()),
        Some(p.id.as_str()),
        p.company.as_deref(),
        p.role.as_deref(),
        p.location.as_deref(),
        p.notes.as_deref(),
        // What people are called besides their name, and where they work within it.
        crate::extra_fields::text(p, crate::extra_fields::NICKNAME),
        crate::extra_fields::text(p, crate::extra_fields::DEPARTMENT),
    ];
    let lists = [
        &p.emails,
        &p.phones,
        &p.interests,
        &p.offers,
        &p.seeks,
        &p.tags,
    ];
    singles
        .into_iter()
        .flatten()
        .chain(lists.into_iter().flatten().map(CompactString::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, company: Option<&str>, interests: &[&str]) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.to_uppercase().into(),
            company: company.map(CompactString::from),
            interests: interests.iter().map(|&s| s.into()).collect(),
            ..Person::default()
        }
    }

    fn ids(rows: &[Row]) -> Vec<String> {
        rows.iter().map(|r| r.person.id.to_string()).collect()
    }

    #[test]
    fn filters_combine() {
        let net = Network {
            people: vec![
                person("b", Some("Acme Corp"), &["rust"]),
                person("a", Some("acme"), &["go"]),
                person("c", None, &["rust"]),
            ],
            ..Network::default()
        };
        let f = Filter {
            company: Some("ACME".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&list(&net, &f, Sort::Name, false)), ["a", "b"]);
        let f = Filter {
            interest: Some(" Rust ".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&list(&net, &f, Sort::Name, false)), ["b", "c"]);
        let f = Filter {
            search: Some("corp".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&list(&net, &f, Sort::Name, true)), ["b"]);
    }

    #[test]
    fn last_contact_sort_puts_most_recent_first_and_never_last() {
        use crate::model::{Extra, Interaction, Introduction};
        let mut net = Network {
            people: vec![
                person("a", None, &[]),
                person("b", None, &[]),
                person("c", None, &[]),
            ],
            ..Network::default()
        };
        let date = |s: &str| s.parse::<NaiveDate>().unwrap();
        net.interactions.push(Interaction {
            date: date("2026-01-01"),
            people: vec![PersonId("a".into()), PersonId("b".into())],
            kind: None,
            note: None,
            source: None,
            extra: Extra::new(),
        });
        net.introductions.push(Introduction {
            date: date("2026-02-01"),
            people: vec![PersonId("b".into()), PersonId("a".into())],
            note: None,
            extra: Extra::new(),
        });
        net.interactions.push(Interaction {
            date: date("2026-03-01"),
            people: vec![PersonId("b".into())],
            kind: None,
            note: None,
            source: None,
            extra: Extra::new(),
        });
        let rows = list(&net, &Filter::default(), Sort::LastContact, false);
        assert_eq!(ids(&rows), ["b", "a", "c"]);
        assert_eq!(rows[1].last_contact, Some(date("2026-02-01")));
        assert_eq!(rows[2].last_contact, None);
    }

    #[test]
    fn company_sort_puts_missing_last() {
        let net = Network {
            people: vec![
                person("a", None, &[]),
                person("b", Some("Zeta"), &[]),
                person("c", Some("alpha"), &[]),
            ],
            ..Network::default()
        };
        assert_eq!(
            ids(&list(&net, &Filter::default(), Sort::Company, false)),
            ["c", "b", "a"]
        );
    }
}
