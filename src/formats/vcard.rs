//! vCard files (2.1, 3.0 and 4.0, many cards per file), as Google Contacts, Apple
//! Contacts and Android export them.
//!
//! Parsing is done by `calcard` (Stalwart Labs, maintained, used by the Stalwart mail and
//! contacts server): it unfolds lines, unescapes `\,` `\;` `\n`, reads `itemN.` groups and
//! decodes 2.1's `ENCODING=QUOTED-PRINTABLE` with its `CHARSET`, including soft line
//! breaks. Of the others weighed: `vcard4` reads only 4.0 and refuses 3.0 files, `ical`'s
//! vCard reader neither unescapes values nor decodes quoted-printable, and
//! `vcard_parser` is small and little used. calcard has no line numbers, so this module
//! cuts the file into cards itself (at `BEGIN:VCARD` / `END:VCARD`) to report a bad card
//! as `FILE:LINE` and still import the rest.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::vcard_more::{self as more, uid_key};
use super::{Contact, Format, Link, Parsed, Problem, drop_bad_netweb_fields, not_a, parse_extra};

/// A card: a contact, or a group (a name and its members' UIDs or `mailto:` addresses).
enum Card {
    Person(Box<Contact>),
    Group { name: String, members: Vec<String> },
}

pub fn parse(path: &Path, text: &str) -> Result<Parsed> {
    let mut read: Vec<(usize, Card)> = Vec::new();
    let mut problems = Vec::new();
    let mut card: Option<(usize, String)> = None;
    let mut cards = 0;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let bare = line.trim();
        if bare.eq_ignore_ascii_case("BEGIN:VCARD") {
            if let Some((start, _)) = card.take() {
                problems.push(Problem {
                    line: start,
                    reason: "card has no END:VCARD before the next BEGIN:VCARD".into(),
                });
            }
            card = Some((number, String::new()));
            cards += 1;
        }
        match &mut card {
            Some((start, body)) => {
                if bare.eq_ignore_ascii_case("END:VCARD") {
                    drop_dangling_soft_break(body);
                }
                body.push_str(line);
                body.push('\n');
                if bare.eq_ignore_ascii_case("END:VCARD") {
                    match read_card(body) {
                        Ok(c) => read.push((*start, c)),
                        Err(reason) => problems.push(Problem {
                            line: *start,
                            reason,
                        }),
                    }
                    card = None;
                }
            }
            None if bare.is_empty() => {}
            None => problems.push(Problem {
                line: number,
                reason: "text outside any BEGIN:VCARD ... END:VCARD card".into(),
            }),
        }
    }
    if let Some((start, _)) = card {
        problems.push(Problem {
            line: start,
            reason: "card is cut off: no END:VCARD".into(),
        });
    }
    if cards == 0 {
        return Err(not_a(path, "a vCard file", "it has no BEGIN:VCARD"));
    }
    let mut contacts = Vec::new();
    let mut groups = Vec::new();
    for (line, card) in read {
        match card {
            Card::Person(mut c) => {
                c.line = line;
                contacts.push(*c);
            }
            Card::Group { name, members } => groups.push((line, name, members)),
        }
    }
    for (line, name, members) in groups {
        let n = tag_members(&mut contacts, &name, &members);
        problems.push(Problem {
            line,
            reason: format!(
                "group card {name:?}: not a person; its name became a tag on {n} of its {} members",
                members.len()
            ),
        });
    }
    let links = relate(&mut contacts);
    let mut parsed = Parsed::contacts(Format::Vcard, contacts, problems);
    parsed.links = links;
    Ok(parsed)
}

/// Gives a group's name as a tag to its members found in the file (by UID or
/// `mailto:` email); returns how many were found.
fn tag_members(contacts: &mut [Contact], group: &str, members: &[String]) -> usize {
    let mut found = 0;
    for c in contacts.iter_mut() {
        let uid = c.uid.as_deref().map(uid_key);
        let is_member = members.iter().any(|m| {
            let key = uid_key(m);
            uid.as_deref() == Some(key.as_str())
                || key
                    .strip_prefix("mailto:")
                    .is_some_and(|e| c.emails.iter().any(|x| x.eq_ignore_ascii_case(e)))
        });
        if is_member {
            c.tags.push(group.to_string());
            found += 1;
        }
    }
    found
}

/// Turns a RELATED that points at another card of the file (by UID, or by its name)
/// into a link between the two; the rest stay as text on the person.
fn relate(contacts: &mut [Contact]) -> Vec<Link> {
    // A card netweb wrote names its person by `urn:netweb:ID` (read back into `id`).
    let by_uid: HashMap<String, usize> = contacts
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            let own =
                c.id.as_ref()
                    .map(|id| uid_key(&format!("{}{id}", more::NETWEB_UID)));
            c.uid
                .as_deref()
                .map(uid_key)
                .into_iter()
                .chain(own)
                .map(move |k| (k, i))
        })
        .collect();
    let by_name: HashMap<String, usize> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.trim().to_lowercase(), i))
        .collect();
    let mut links = Vec::new();
    for (a, contact) in contacts.iter_mut().enumerate() {
        let related = std::mem::take(&mut contact.related);
        for r in related {
            let key = uid_key(&r.name);
            let b = by_uid
                .get(&key)
                .or_else(|| by_name.get(&r.name.trim().to_lowercase()));
            match b {
                Some(&b) if b != a => links.push(Link {
                    a,
                    b,
                    kind: r.kind.clone(),
                }),
                _ => contact.related.push(r),
            }
        }
    }
    links
}

/// A quoted-printable value whose last line ends in `=` (a soft line break) says it goes
/// on, and the parser took the card's `END:VCARD` as the rest of the value ("AnnEND:VCARD"),
/// losing the card. Nothing follows a value's last line before `END:VCARD`, so that `=`
/// is dropped. Only for a quoted-printable value: in plain text a final `=` is text.
fn drop_dangling_soft_break(body: &mut String) {
    let lines: Vec<&str> = body.lines().collect();
    // The run of lines ending in `=` that the last line closes: its first line is the
    // property's own line (the one before it does not continue into it).
    let run = lines.iter().rev().take_while(|l| l.ends_with('=')).count();
    if run == 0 {
        return;
    }
    let first = lines[lines.len() - run];
    let name = first.split(':').next().unwrap_or_default();
    if name.to_ascii_uppercase().contains("QUOTED-PRINTABLE") {
        let end = body.trim_end_matches(['\n', '\r']).len();
        body.truncate(end - 1);
        body.push('\n');
    }
}

/// One card's text (from BEGIN to END) as a contact or group, or why it cannot be one.
fn read_card(body: &str) -> Result<Card, String> {
    let card = match Parser::new(body).entry() {
        Entry::VCard(card) => card,
        Entry::InvalidLine(line) => return Err(format!("unreadable line {line:?}")),
        other => return Err(format!("not a readable card ({other:?})")),
    };
    contact(&card)
}

fn contact(card: &VCard) -> Result<Card, String> {
    let mut c = Contact::default();
    let groups = more::group_labels(card);
    for entry in &card.entries {
        match &entry.name {
            VCardProperty::Fn if c.name.is_empty() => c.name = texts(entry).join(" "),
            VCardProperty::Email | VCardProperty::Tel => {
                let label = more::label(entry, &groups);
                for t in texts(entry) {
                    let t = t.strip_prefix("tel:").map(str::to_string).unwrap_or(t);
                    if let Some(l) = &label {
                        c.labels.push((t.clone(), l.clone()));
                    }
                    if entry.name == VCardProperty::Email {
                        c.emails.push(t);
                    } else {
                        c.phones.push(t);
                    }
                }
            }
            VCardProperty::Org if c.company.is_none() => {
                let mut parts = texts(entry).into_iter();
                c.company = parts.next();
                c.department = parts.next();
            }
            VCardProperty::Title if c.role.is_none() => c.role = Some(texts(entry).join(" ")),
            VCardProperty::Adr => {
                if c.location.is_none() {
                    c.location = location(entry);
                }
                let a = more::address(entry, more::label(entry, &groups));
                if !a.is_empty() && !location_only(entry) {
                    c.addresses.push(a);
                }
            }
            VCardProperty::Note => {
                let note = texts(entry).join(", ");
                // Appended in place: a copy per NOTE line was quadratic in their number.
                match &mut c.notes {
                    Some(before) => {
                        before.push('\n');
                        before.push_str(&note);
                    }
                    None => c.notes = Some(note),
                }
            }
            VCardProperty::Categories => c.tags.extend(
                texts(entry)
                    .into_iter()
                    .flat_map(|t| t.split(',').map(str::to_string).collect::<Vec<_>>())
                    // Google puts every contact in "myContacts": it says nothing.
                    .filter(|t| !t.trim().eq_ignore_ascii_case("mycontacts")),
            ),
            VCardProperty::Url => c.urls.extend(texts(entry)),
            VCardProperty::Bday if c.birthday.is_none() => {
                c.birthday = more::annual(&mut c, "birthday", entry)
            }
            VCardProperty::Other(name) => netweb_field(&mut c, name, entry),
            _ => {}
        }
    }
    // netweb's own cards say the location exactly; an address alone sets none.
    let own = card.entries.iter().any(
        |e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-NETWEB-ID")),
    );
    let exact = card.entries.iter().any(|e| {
        matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-NETWEB-LOCATION"))
    });
    if own && !exact {
        c.location = None;
    }
    let members = more::read(&mut c, card, &groups);
    drop_bad_netweb_fields(&mut c);
    if c.name.trim().is_empty() {
        c.name = structured_name(card).unwrap_or_default();
    }
    if let Some(members) = members {
        return Ok(Card::Group {
            name: c.name,
            members,
        });
    }
    // The ADR netweb's own export writes for the location alone is no address: marked
    // (above) since session 8; on another program's card, or an older netweb's, an
    // address of nothing but the locality is taken as the location alone.
    if let Some(loc) = c.location.as_ref().filter(|_| !own) {
        c.addresses.retain(|a| {
            !(a.label.is_none()
                && a.locality.as_deref() == Some(loc.as_str())
                && a.one_line() == *loc)
        });
    }
    c.named()
        .map(|c| Card::Person(Box::new(c)))
        .map_err(|_| "card has no name (FN or N), organisation, email or phone".into())
}

/// The `X-NETWEB-*` properties `netweb export --format vcard` writes for what vCard has
/// no field for: id, interests, offers, seeks, met, every, no_intros, added, and the
/// person's other fields as one JSON object. Other programs keep X- properties unread.
fn netweb_field(c: &mut Contact, name: &str, entry: &VCardEntry) {
    let Some(field) = name
        .to_ascii_uppercase()
        .strip_prefix("X-NETWEB-")
        .map(str::to_string)
    else {
        return;
    };
    // One value, commas and semicolons included, as it was written.
    let text = texts(entry).join(",");
    match field.as_str() {
        "ID" => c.id = Some(text),
        "INTEREST" => c.interests.push(text),
        "OFFER" => c.offers.push(text),
        "SEEK" => c.seeks.push(text),
        "MET" => c.met = c.day("met date", Some(text)),
        "ADDED" => c.added = c.day("added date", Some(text)),
        "EVERY" => c.every = Some(text),
        "NO-INTROS" => c.no_intros = text.eq_ignore_ascii_case("true"),
        "LOCATION" => c.location = Some(text),
        "EXTRA" => match parse_extra(&text) {
            Ok(extra) => c.extra = extra,
            Err(why) => c.leave_out("extra fields", &text, &why),
        },
        _ => {}
    }
}

/// Every text in an entry's values, trimmed, blanks left out. Structured values
/// (`ORG:Company;Department`) give their parts in order.
fn texts(entry: &VCardEntry) -> Vec<String> {
    let mut out = Vec::new();
    for value in &entry.values {
        match value {
            VCardValue::Text(t) => out.push(t.trim().to_string()),
            VCardValue::Component(parts) => out.extend(parts.iter().map(|p| p.trim().to_string())),
            _ => {}
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// `N:Family;Given;Additional;Prefix;Suffix` as "Given Additional Family".
fn structured_name(card: &VCard) -> Option<String> {
    let entry = card.property(&VCardProperty::N)?;
    let mut parts: Vec<String> = Vec::new();
    for value in &entry.values {
        match value {
            VCardValue::Text(t) => parts.push(t.clone()),
            VCardValue::Component(c) => parts.push(c.join(" ")),
            _ => parts.push(String::new()),
        }
    }
    let get = |i: usize| parts.get(i).map(|s| s.trim()).unwrap_or("");
    let name = [get(3), get(1), get(2), get(0), get(4)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// Whether this ADR is the one netweb writes for a location when there is no address.
fn location_only(entry: &VCardEntry) -> bool {
    entry.params.iter().any(|p| {
        matches!(&p.name, calcard::vcard::VCardParameterName::Other(n)
            if n.eq_ignore_ascii_case(crate::formats::vcard_out::LOCATION_MARK))
    })
}

/// `ADR:PO box;extended;street;locality;region;code;country` as "Locality, Country".
fn location(entry: &VCardEntry) -> Option<String> {
    let parts: Vec<String> = entry
        .values
        .iter()
        .map(|v| match v {
            VCardValue::Text(t) => t.trim().to_string(),
            VCardValue::Component(c) => c.join(" ").trim().to_string(),
            _ => String::new(),
        })
        .collect();
    let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
    let city = if get(3).is_empty() { get(4) } else { get(3) };
    let place: Vec<&str> = [city, get(6)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    (!place.is_empty()).then(|| place.join(", "))
}

#[cfg(test)]
mod tests;
