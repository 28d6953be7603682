//! `netweb export --format vcard`: vCard 4.0 (RFC 6350) or, with `--vcard-version 3.0`,
//! 3.0 (RFC 2426), one card per person, for phones and address books, and for `netweb
//! import` to read back without loss.
//!
//! Standard properties carry what address books show: UID (the person's own, else
//! `urn:netweb:ID`), FN, N, NICKNAME, EMAIL and TEL with their labels, ORG (with the
//! department), TITLE, ADR (each address, or the location as the locality), NOTE,
//! CATEGORIES (tags), URL, IMPP, BDAY, ANNIVERSARY (3.0: `X-ANNIVERSARY`) and RELATED
//! (3.0: Apple's `X-ABRELATEDNAMES`) for the relationships among the people exported
//! and the related names kept as text. What vCard has no property for goes in `X-NETWEB-*`
//! properties, which other programs keep or ignore: `X-NETWEB-ID`, one
//! `X-NETWEB-INTEREST`/`-OFFER`/`-SEEK` per term, `-MET`, `-EVERY`, `-NO-INTROS`, `-ADDED`,
//! `-LOCATION` (the exact text) and `-EXTRA` (the person's other fields, a JSON object).
//! Values escape `\`, `,`, `;` and newlines; lines are folded at 75 octets (never inside
//! a UTF-8 character) and end in CRLF.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::annual::AnnualDate;
use crate::extra_fields::{self as fields, Address, Related};
pub use crate::formats::vcard_more::NETWEB_UID;
use crate::model::{Extra, Network, Person, PersonId};

/// Longest line, in octets, before folding (RFC 6350 3.2).
const FOLD_AT: usize = 75;

/// A value escaped as RFC 6350 3.4 asks: `\\`, `\,`, `\;` and `\n`.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// One content line, folded: continuation lines start with a space, and no line holds
/// more than 75 octets before its CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// `N:Family;Given;;;`, guessed from the full name: the last word is the family name.
fn structured_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{};{};;;", escape(last), escape(&rest.join(" ")))
        }
        _ => format!(";{};;;", escape(name)),
    }
}

/// Which vCard version to write: 4.0 (RFC 6350), or 3.0 (RFC 2426) for importers that
/// still refuse 4.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

/// TYPE values every reader knows, for emails, phones and addresses; any other label
/// goes in an item group's `X-ABLabel`, as Apple writes it.
/// (`voice` and `pref` are left out: readers take them for no label at all.)
const STANDARD_TYPES: [&str; 8] = [
    "home",
    "work",
    "cell",
    "fax",
    "pager",
    "text",
    "video",
    "textphone",
];

/// RELATED's TYPE values (RFC 6350 6.6.6).
const RELATED_TYPES: [&str; 20] = [
    "contact",
    "acquaintance",
    "friend",
    "met",
    "co-worker",
    "colleague",
    "co-resident",
    "neighbor",
    "child",
    "parent",
    "sibling",
    "spouse",
    "kin",
    "muse",
    "crush",
    "date",
    "sweetheart",
    "me",
    "agent",
    "emergency",
];

/// The parameter on the ADR netweb writes for a location when a person has no address.
pub const LOCATION_MARK: &str = "X-NETWEB-LOCATION";

/// The fields written as standard properties, so not again in `X-NETWEB-EXTRA`
/// (with the department, which goes in ORG).
pub const OWN: [&str; 9] = [
    fields::URLS,
    fields::UID,
    fields::NICKNAME,
    fields::LABELS,
    fields::ADDRESSES,
    fields::IMPP,
    fields::RELATED,
    fields::BIRTHDAY,
    fields::ANNIVERSARY,
];

/// Builds a card's lines; item groups are numbered as they are handed out.
struct Lines {
    lines: Vec<String>,
    items: usize,
}

impl Lines {
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    /// `PROP;TYPE=label:value`, or, for a label no reader knows, an item group
    /// `itemN.PROP:value` + `itemN.X-ABLabel:label`.
    fn labelled(
        &mut self,
        prop: &str,
        params: &str,
        label: Option<&str>,
        known: &[&str],
        value: &str,
    ) {
        let Some(label) = label else {
            self.push(format!("{prop}{params}:{value}"));
            return;
        };
        if label.split(',').all(|t| known.contains(&t)) {
            self.push(format!("{prop}{params};TYPE={label}:{value}"));
        } else {
            self.items += 1;
            let n = self.items;
            self.push(format!("item{n}.{prop}{params}:{value}"));
            self.push(format!("item{n}.X-ABLabel:{}", escape(label)));
        }
    }
}

/// A birthday or anniversary as the version writes dates: 4.0 `YYYYMMDD` / `--MMDD`,
/// 3.0 `YYYY-MM-DD` / Apple's `1604-MM-DD` with `X-APPLE-OMIT-YEAR`. `None` for a value
/// that is no date (it goes in `X-NETWEB-EXTRA`, whole).
fn date_value(text: &str, version: Version) -> Option<(String, String)> {
    let d = AnnualDate::parse(text).ok()?;
    Some(match (version, d.year) {
        (Version::V4, Some(y)) => (String::new(), format!("{y:04}{:02}{:02}", d.month, d.day)),
        (Version::V4, None) => (String::new(), format!("--{:02}{:02}", d.month, d.day)),
        (Version::V3, Some(_)) => (String::new(), d.to_string()),
        (Version::V3, None) => (
            ";X-APPLE-OMIT-YEAR=1604".into(),
            format!("1604-{:02}-{:02}", d.month, d.day),
        ),
    })
}

/// The UID a person is written with: their own, or one naming their netweb id.
pub fn uid(p: &Person) -> String {
    fields::text(p, fields::UID)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{NETWEB_UID}{}", p.id))
}

/// One person's card; `related` are the people of the export they have a relationship
/// with (the other person and the relationship's kind).
pub fn card(p: &Person, related: &[(&Person, Option<&str>)], version: Version) -> String {
    let v4 = version == Version::V4;
    let mut out = Lines {
        lines: vec![
            "BEGIN:VCARD".into(),
            if v4 { "VERSION:4.0" } else { "VERSION:3.0" }.into(),
        ],
        items: 0,
    };
    out.push(format!("UID:{}", escape(&uid(p))));
    out.push(format!("FN:{}", escape(&p.name)));
    out.push(format!("N:{}", structured_name(&p.name)));
    if let Some(n) = fields::text(p, fields::NICKNAME) {
        out.push(format!("NICKNAME:{}", escape(n)));
    }
    for e in &p.emails {
        out.labelled(
            "EMAIL",
            "",
            fields::label(p, e),
            &STANDARD_TYPES,
            &escape(e),
        );
    }
    let tel = if v4 { ";VALUE=text" } else { "" };
    for t in &p.phones {
        out.labelled("TEL", tel, fields::label(p, t), &STANDARD_TYPES, &escape(t));
    }
    let department = fields::text(p, fields::DEPARTMENT);
    if let Some(c) = &p.company {
        match department {
            Some(d) => out.push(format!("ORG:{};{}", escape(c), escape(d))),
            None => out.push(format!("ORG:{}", escape(c))),
        }
    }
    if let Some(r) = &p.role {
        out.push(format!("TITLE:{}", escape(r)));
    }
    let addresses: Vec<Address> = fields::records(p, fields::ADDRESSES);
    for a in &addresses {
        let part = |s: &Option<String>| escape(s.as_deref().unwrap_or_default());
        let value = format!(
            ";;{};{};{};{};{}",
            part(&a.street),
            part(&a.locality),
            part(&a.region),
            part(&a.code),
            part(&a.country)
        );
        out.labelled("ADR", "", a.label.as_deref(), &STANDARD_TYPES, &value);
    }
    if let Some(l) = &p.location {
        if addresses.is_empty() {
            // Marked, so netweb reading its own card back knows it is no address (an
            // address of only that locality would read the same unmarked).
            out.push(format!("ADR;{LOCATION_MARK}=1:;;;{};;;", escape(l)));
        }
        out.push(format!("X-NETWEB-LOCATION:{}", escape(l)));
    }
    if let Some(n) = &p.notes {
        out.push(format!("NOTE:{}", escape(n)));
    }
    if !p.tags.is_empty() {
        let tags: Vec<String> = p.tags.iter().map(|t| escape(t)).collect();
        out.push(format!("CATEGORIES:{}", tags.join(",")));
    }
    for u in fields::texts(p, fields::URLS) {
        out.push(format!("URL:{}", escape(&u)));
    }
    for i in fields::texts(p, fields::IMPP) {
        out.push(format!("IMPP:{}", escape(&i)));
    }
    let mut odd = Vec::new();
    for (key, prop) in [
        (fields::BIRTHDAY, "BDAY"),
        (
            fields::ANNIVERSARY,
            if v4 { "ANNIVERSARY" } else { "X-ANNIVERSARY" },
        ),
    ] {
        let Some(text) = p.extra.get(key) else {
            continue;
        };
        match text.as_str().and_then(|t| date_value(t, version)) {
            Some((params, value)) => out.push(format!("{prop}{params}:{value}")),
            None => odd.push(key),
        }
    }
    let mut people: Vec<(String, Option<&str>)> = related
        .iter()
        .map(|(q, kind)| (if v4 { uid(q) } else { q.name.to_string() }, *kind))
        .collect();
    let named: Vec<Related> = fields::records(p, fields::RELATED);
    people.extend(named.iter().map(|r| (r.name.clone(), r.kind.as_deref())));
    for (i, (who, kind)) in people.iter().enumerate() {
        let text = if i < related.len() { "" } else { ";VALUE=text" };
        if v4 {
            out.labelled("RELATED", text, *kind, &RELATED_TYPES, &escape(who));
        } else {
            // 3.0 has no RELATED; Apple's related names are read by most.
            out.labelled("X-ABRELATEDNAMES", "", *kind, &[], &escape(who));
        }
    }
    netweb_fields(
        &mut out,
        p,
        &odd,
        department.is_some() && p.company.is_none(),
    );
    out.push("END:VCARD".into());
    let mut text = String::new();
    for line in &out.lines {
        let _ = write!(text, "{}", fold(line));
    }
    text
}

/// The `X-NETWEB-*` properties: what vCard has no property for. `odd` are the fields
/// of a shape the standard properties cannot carry; `department_alone` says a
/// department without a company (ORG cannot say it).
fn netweb_fields(out: &mut Lines, p: &Person, odd: &[&str], department_alone: bool) {
    out.push(format!("X-NETWEB-ID:{}", escape(p.id.as_str())));
    for (prop, list) in [
        ("INTEREST", &p.interests),
        ("OFFER", &p.offers),
        ("SEEK", &p.seeks),
    ] {
        for t in list {
            out.push(format!("X-NETWEB-{prop}:{}", escape(t)));
        }
    }
    if let Some(m) = p.met {
        out.push(format!("X-NETWEB-MET:{}", m.format("%Y-%m-%d")));
    }
    if let Some(e) = &p.every {
        out.push(format!("X-NETWEB-EVERY:{}", escape(e)));
    }
    if p.no_intros {
        out.push("X-NETWEB-NO-INTROS:true".into());
    }
    if let Some(a) = p.added {
        out.push(format!("X-NETWEB-ADDED:{}", a.format("%Y-%m-%d")));
    }
    let rest: Extra = p
        .extra
        .iter()
        .filter(|(k, v)| {
            let k = k.as_str();
            let shaped = match k {
                fields::URLS | fields::IMPP => {
                    matches!(v, Value::Array(a) if a.iter().all(Value::is_string))
                }
                fields::LABELS => matches!(v, Value::Object(o) if o.values().all(Value::is_string)),
                fields::NICKNAME | fields::UID => v.is_string(),
                fields::ADDRESSES | fields::RELATED => records_whole(p, k),
                _ => true,
            };
            odd.contains(&k)
                || !shaped
                || (k == fields::DEPARTMENT && department_alone)
                || !(OWN.contains(&k) || k == fields::DEPARTMENT)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !rest.is_empty() {
        let json = Value::Object(rest.into_iter().collect()).to_string();
        out.push(format!("X-NETWEB-EXTRA:{}", escape(&json)));
    }
}

/// Whether every entry of a record list has the shape the properties carry.
fn records_whole(p: &Person, key: &str) -> bool {
    let Some(Value::Array(items)) = p.extra.get(key) else {
        return false;
    };
    let read = match key {
        fields::ADDRESSES => fields::records::<Address>(p, key).len(),
        _ => fields::records::<Related>(p, key).len(),
    };
    // An entry with fields the record does not have would lose them.
    read == items.len()
        && items.iter().all(|i| {
            i.as_object().is_some_and(|o| {
                o.keys().all(|k| {
                    [
                        "label", "street", "locality", "region", "code", "country", "kind", "name",
                    ]
                    .contains(&k.as_str())
                })
            })
        })
}

/// The cards for these people, one after another, with RELATED for the relationships
/// among them.
pub fn write(net: &Network, version: Version) -> Vec<u8> {
    let by_id: HashMap<&PersonId, &Person> = net.people.iter().map(|p| (&p.id, p)).collect();
    let mut related: HashMap<&PersonId, Vec<(&Person, Option<&str>)>> = HashMap::new();
    for r in &net.relationships {
        if let (Some(a), Some(b)) = (by_id.get(&r.a), by_id.get(&r.b)) {
            related
                .entry(&r.a)
                .or_default()
                .push((b, r.kind.as_deref()));
            related
                .entry(&r.b)
                .or_default()
                .push((a, r.kind.as_deref()));
        }
    }
    net.people
        .iter()
        .map(|p| card(p, related.get(&p.id).map_or(&[], Vec::as_slice), version))
        .collect::<String>()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("NOTE:{}", "é".repeat(100));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?}");
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        let d = |t| date_value(t, Version::V4).unwrap().1;
        assert_eq!(d("1852-11-07"), "18521107");
        assert_eq!(d("--12-09"), "--1209");
        assert_eq!(date_value("--12-09", Version::V3).unwrap().1, "1604-12-09");
        assert_eq!(date_value("someday", Version::V3), None);
    }
}
