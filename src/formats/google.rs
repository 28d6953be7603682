//! Google Contacts' CSV export, both layouts:
//!
//! - current: `First Name,Middle Name,Last Name,...,Nickname,...,Organization Name,
//!   Organization Title,Organization Department,Birthday,Notes,Labels,E-mail 1 - Label,
//!   E-mail 1 - Value,...,Phone 1 - ...,Address 1 - ...,Relation 1 - Label,Relation 1 -
//!   Value,Event 1 - Label,Event 1 - Value,Website 1 - Label,Website 1 - Value`;
//! - older: `Name,Given Name,...,Group Membership,E-mail 1 - Type,E-mail 1 - Value,
//!   Organization 1 - Name,...`.
//!
//! Several values in one cell are joined by ` ::: `; a label starting with `* ` marks
//! the primary value. Labels (contact groups) become tags, nickname, relations, events
//! and websites are kept; a birthday or anniversary event fills that field.

use super::Contact;
use super::csv::{Row, full_name};
use crate::extra_fields::{Address, Event, Related};

/// How many numbered columns of one kind (`E-mail 1`, `E-mail 2`, ...) are looked at.
const MAX_NUMBERED: usize = 20;

fn split(value: &str) -> Vec<String> {
    value
        .split(":::")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A label as Google writes it, without the primary mark: "* Home" is "home".
fn label(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim_start_matches('*').trim().to_lowercase())
        .filter(|t| !t.is_empty())
}

/// The (label, values) of the numbered columns `{kind} N - Label` / `{kind} N - Value`
/// (the older layout says `Type` for the label).
fn numbered(row: &Row, kind: &str) -> Vec<(Option<String>, Vec<String>)> {
    (1..=MAX_NUMBERED)
        .filter_map(|n| {
            let value = row.get(&[&format!("{kind} {n} - value")])?;
            let name = label(row.get(&[
                &format!("{kind} {n} - label"),
                &format!("{kind} {n} - type"),
            ]));
            Some((name, split(&value)))
        })
        .collect()
}

pub(super) fn contact(row: &Row) -> Contact {
    let name = row.get(&["name"]).unwrap_or_else(|| {
        full_name(&[
            row.get(&["name prefix"]),
            row.get(&["first name", "given name"]),
            row.get(&["middle name", "additional name"]),
            row.get(&["last name", "family name"]),
            row.get(&["name suffix"]),
        ])
    });
    let tags = row
        .all(|h| h == "labels" || h == "group membership")
        .iter()
        .flat_map(|v| split(v))
        // System groups are written "* myContacts", "* starred": keep all but the one
        // every contact is in.
        .map(|t| t.trim_start_matches('*').trim().to_string())
        .filter(|t| !t.eq_ignore_ascii_case("mycontacts"))
        .collect();
    let mut c = Contact {
        name,
        nickname: row.get(&["nickname"]),
        company: row.get(&["organization name", "organization 1 - name"]),
        role: row.get(&["organization title", "organization 1 - title"]),
        department: row.get(&["organization department", "organization 1 - department"]),
        location: row
            .get(&["address 1 - city"])
            .or_else(|| row.get(&["location"])),
        notes: row.get(&["notes"]),
        tags,
        ..Contact::default()
    };
    for (kind, list) in [("e-mail", 0), ("phone", 1)] {
        for (name, values) in numbered(row, kind) {
            for v in values {
                if let Some(l) = &name {
                    c.labels.push((v.clone(), l.clone()));
                }
                if list == 0 {
                    &mut c.emails
                } else {
                    &mut c.phones
                }
                .push(v);
            }
        }
    }
    c.urls = numbered(row, "website")
        .into_iter()
        .flat_map(|(_, v)| v)
        .collect();
    for (kind, values) in numbered(row, "relation") {
        c.related.extend(values.into_iter().map(|name| Related {
            kind: kind.clone(),
            name,
        }));
    }
    c.birthday = c.annual("birthday", row.get(&["birthday"]));
    for (kind, values) in numbered(row, "event") {
        for text in values {
            let Some(date) = c.annual("event date", Some(text)) else {
                continue;
            };
            match kind.as_deref() {
                Some("anniversary") if c.anniversary.is_none() => c.anniversary = Some(date),
                Some("birthday") if c.birthday.is_none() => c.birthday = Some(date),
                _ => c.events.push(Event {
                    label: kind.clone(),
                    date,
                }),
            }
        }
    }
    c.addresses = (1..=MAX_NUMBERED)
        .filter_map(|n| {
            let part = |p: &str| row.get(&[&format!("address {n} - {p}")]);
            let street = [part("po box"), part("street"), part("extended address")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            let a = Address {
                label: label(part("label").or(part("type"))),
                street: (!street.is_empty()).then(|| street.join("\n")),
                locality: part("city"),
                region: part("region"),
                code: part("postal code"),
                country: part("country"),
            };
            (!a.is_empty()).then_some(a)
        })
        .collect();
    c
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::extra_fields as f;
    use crate::formats::{Format, csv};

    #[test]
    fn labels_become_tags() {
        let text = "First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Organization Name\nLin,,Wei,* myContacts ::: Climbing ::: * starred,* Home,lin@example.com ::: lin@work.example,,,Boulder Co\n";
        assert_eq!(csv::detect(text), Some(Format::GoogleCsv));
        let parsed = csv::parse(Path::new("g.csv"), text, Format::GoogleCsv).unwrap();
        let p = &parsed.people[0].person;
        assert_eq!(p.name, "Lin Wei");
        assert_eq!(p.tags, ["climbing", "starred"]);
        assert_eq!(p.emails, ["lin@example.com", "lin@work.example"]);
        assert_eq!(f::label(p, "lin@work.example"), Some("home"));
        assert_eq!(p.company.as_deref(), Some("Boulder Co"));
    }
}
