//! One card of a vdir as `sync` sees it: read with import's vCard reader, written with
//! export's vCard writer, and the lines netweb does not model carried over verbatim
//! when netweb rewrites a card (a photo, a phonetic name, a phone's own X- properties).

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use super::state::hash;
use crate::extra_fields as fields;
use crate::formats::vcard;
use crate::formats::vcard_out::{self, NETWEB_UID, Version};
use crate::model::Person;

/// A card file of the vdir, read.
#[derive(Debug, Clone)]
pub struct ReadCard {
    /// The file's name inside the vdir.
    pub file: String,
    pub text: String,
    pub hash: String,
    /// The card's UID (for a card without one, the file's name without `.vcf`).
    pub uid: String,
    /// The person the card describes (no id unless it carries `X-NETWEB-ID`).
    pub person: Person,
    /// Whether the card carries netweb's own `X-NETWEB-*` properties: a card without
    /// them (a phone's own card, or a server that drops unknown properties) says nothing
    /// about interests, cadence and the rest, so those are kept as netweb has them.
    pub netweb: bool,
}

/// The properties netweb reads into a person, so writes itself: every other line of a
/// card is kept as it was. (X-ABLabel goes with its item group: see `unknown_lines`.)
const MODELLED: [&str; 26] = [
    "BEGIN",
    "END",
    "VERSION",
    "UID",
    "FN",
    "N",
    "NICKNAME",
    "EMAIL",
    "TEL",
    "ORG",
    "TITLE",
    "ADR",
    "NOTE",
    "CATEGORIES",
    "URL",
    "IMPP",
    "BDAY",
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "RELATED",
    "X-ABRELATEDNAMES",
    "SOCIALPROFILE",
    "X-SOCIALPROFILE",
    "KIND",
    "MEMBER",
    "X-ABLABEL",
];

/// Reads one card file, or says why it cannot be synced.
pub fn read(file: &str, text: &str) -> Result<ReadCard, String> {
    let parsed = vcard::parse(Path::new(file), text).map_err(|e| format!("{e:#}"))?;
    let mut people = parsed.people;
    if people.len() != 1 {
        if let Some(problem) = parsed.problems.first() {
            return Err(format!("line {}: {}", problem.line, problem.reason));
        }
        return Err(format!(
            "it holds {} cards; a vdir keeps one card per file",
            people.len()
        ));
    }
    let mut person = people.remove(0).person;
    let stem = file.strip_suffix(".vcf").unwrap_or(file);
    let uid = match fields::text(&person, fields::UID) {
        Some(uid) => uid.to_string(),
        None if !person.id.as_str().is_empty() && has_uid_line(text) => {
            format!("{NETWEB_UID}{}", person.id)
        }
        None => {
            // A card with no UID is known by its file's name, which becomes its UID.
            person
                .extra
                .insert(fields::UID.into(), Value::String(stem.to_string()));
            stem.to_string()
        }
    };
    let netweb = lines(text).any(|l| property(&l.join("")).1.starts_with("X-NETWEB-"));
    Ok(ReadCard {
        file: file.to_string(),
        hash: hash(text.as_bytes()),
        text: text.to_string(),
        uid,
        person,
        netweb,
    })
}

fn has_uid_line(text: &str) -> bool {
    lines(text).any(|l| property(&l.join("")).1 == "UID")
}

/// The card netweb writes for a person under this UID, keeping the lines of `old` (the
/// card that was there) that netweb does not model, and `old`'s vCard version.
pub fn write(p: &Person, uid: &str, old: Option<&str>) -> String {
    let mut p = p.clone();
    p.extra
        .insert(fields::UID.into(), Value::String(uid.to_string()));
    let version = match old {
        Some(text) if !text.contains("VERSION:4.0") => Version::V3,
        Some(_) => Version::V4,
        // 3.0 for a new card: the version every CardDAV server takes (iCloud takes no other).
        None => Version::V3,
    };
    let mut text = vcard_out::card(&p, &[], version);
    let Some(old) = old else {
        return text;
    };
    let kept = unknown_lines(old, &groups_in(&text));
    if !kept.is_empty() {
        let end = text.len() - "END:VCARD\r\n".len();
        let tail = text.split_off(end);
        for line in kept {
            text.push_str(&line);
            text.push_str("\r\n");
        }
        text.push_str(&tail);
    }
    text
}

/// The content lines of a card as their physical lines (a folded line and its
/// continuations together).
fn lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    let mut all: Vec<Vec<&str>> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match all.last_mut() {
            Some(last) if line.starts_with([' ', '\t']) => last.push(line),
            _ if line.is_empty() => {}
            _ => all.push(vec![line]),
        }
    }
    all.into_iter()
}

/// A content line's group (lower-cased) and property name (upper-cased):
/// `item1.X-ABLabel;x=y:v` -> (Some("item1"), "X-ABLABEL").
fn property(line: &str) -> (Option<String>, String) {
    let head = line.split([':', ';']).next().unwrap_or_default();
    match head.split_once('.') {
        Some((group, name)) => (Some(group.to_lowercase()), name.to_ascii_uppercase()),
        None => (None, head.to_ascii_uppercase()),
    }
}

/// The item groups a card uses.
fn groups_in(text: &str) -> HashSet<String> {
    lines(text)
        .filter_map(|l| property(&l.join("")).0)
        .collect()
}

/// The lines of `old` netweb does not model, each with its continuations (CRLF between),
/// as they were. An item group's X-ABLabel is kept with the group's kept lines; a kept
/// group whose name netweb's own card uses (`taken`) is renamed to a free `itemN`.
fn unknown_lines(old: &str, taken: &HashSet<String>) -> Vec<String> {
    let all: Vec<(Option<String>, String, Vec<&str>)> = lines(old)
        .map(|l| {
            let (group, name) = property(&l.join(""));
            (group, name, l)
        })
        .collect();
    let unknown = |name: &str| !MODELLED.contains(&name) && !name.starts_with("X-NETWEB-");
    let kept_groups: HashSet<&String> = all
        .iter()
        .filter(|(g, name, _)| g.is_some() && unknown(name))
        .filter_map(|(g, _, _)| g.as_ref())
        .collect();
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut next = 1;
    let mut out = Vec::new();
    for (group, name, physical) in &all {
        let keep = unknown(name)
            || (name == "X-ABLABEL" && group.as_ref().is_some_and(|g| kept_groups.contains(g)));
        if !keep {
            continue;
        }
        let mut text = physical.join("\r\n");
        if let Some(g) = group
            && taken.contains(g)
        {
            let new = match renamed.iter().find(|(old, _)| old == g) {
                Some((_, new)) => new.clone(),
                None => {
                    while taken.contains(&format!("item{next}"))
                        || kept_groups.contains(&format!("item{next}"))
                    {
                        next += 1;
                    }
                    let new = format!("item{next}");
                    next += 1;
                    renamed.push((g.clone(), new.clone()));
                    new
                }
            };
            text = format!("{new}{}", &text[g.len()..]);
        }
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: &str = concat!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc-1\r\nFN:Ada Larkwell\r\nN:Larkwell;Ada;;;\r\n",
        "item1.EMAIL:ada@example.org\r\nitem1.X-ABLabel:lab\r\n",
        "PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n BBBB\r\n",
        "item2.X-ABDATE:2020-01-01\r\nitem2.X-ABLabel:graduation\r\n",
        "X-PHONE-RINGTONE:bells\r\nEND:VCARD\r\n",
    );

    #[test]
    fn a_rewrite_keeps_what_netweb_does_not_model() {
        let card = read("abc-1.vcf", PHONE).unwrap();
        assert_eq!(card.uid, "abc-1");
        assert!(!card.netweb);
        let text = write(&card.person, &card.uid, Some(PHONE));
        assert!(
            text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc-1\r\n"),
            "{text}"
        );
        assert!(
            text.contains("PHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\n BBBB\r\n"),
            "{text}"
        );
        assert!(text.contains("X-PHONE-RINGTONE:bells\r\n"), "{text}");
        // netweb's card uses item1 for the labelled email: the kept group moves aside.
        assert!(text.contains("item1.EMAIL:ada@example.org\r\nitem1.X-ABLabel:lab\r\n"));
        assert!(text.contains("item2.X-ABDATE:2020-01-01\r\nitem2.X-ABLabel:graduation\r\n"));
        assert!(text.ends_with("END:VCARD\r\n"));
        assert!(text.contains("X-NETWEB-ID:ada-larkwell") || text.contains("X-NETWEB-ID:"));
        // Read back, the card is the same person, and writing again changes nothing.
        let again = read("abc-1.vcf", &text).unwrap();
        assert!(again.netweb);
        assert_eq!(write(&again.person, &again.uid, Some(&text)), text);
    }

    #[test]
    fn a_card_without_a_uid_is_known_by_its_file() {
        let card = read("x.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:Grace\nEND:VCARD\n").unwrap();
        assert_eq!(card.uid, "x");
        let err = read("two.vcf", &format!("{PHONE}{PHONE}")).unwrap_err();
        assert!(err.contains("holds 2 cards"), "{err}");
    }
}
