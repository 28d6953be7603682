//! CSV contact lists, read with the `csv` crate: LinkedIn's `Connections.csv`, Google
//! Contacts' CSV export, and a plain CSV whose header names netweb fields.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Contact, Format, Parsed, Problem, check_netweb_fields, not_a, parse_extra};

/// How many lines are searched for LinkedIn's header, past its `Notes:` preamble.
const PREAMBLE_LINES: usize = 20;

/// Which CSV dialect a text is, from its header, if any.
pub fn detect(text: &str) -> Option<Format> {
    let (_, header) = header_line(text)?;
    let names = header_names(header);
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("first name") && has("last name") && has("connected on") {
        Some(Format::Linkedin)
    } else if names.iter().any(|h| h.starts_with("e-mail 1 -"))
        || (has("first name") && has("labels"))
        || has("given name")
    {
        Some(Format::GoogleCsv)
    } else if has("name") || (has("first name") && has("last name")) {
        Some(Format::Csv)
    } else {
        None
    }
}

/// The header row: the first line (LinkedIn: after its `Notes:` preamble) that has a
/// comma and names a known column. Returns its 0-based line index and text.
fn header_line(text: &str) -> Option<(usize, &str)> {
    text.lines()
        .take(PREAMBLE_LINES)
        .enumerate()
        .find(|(_, line)| {
            let names = header_names(line);
            names.len() > 1
                && names
                    .iter()
                    .any(|n| matches!(n.as_str(), "name" | "first name" | "given name"))
        })
}

fn header_names(line: &str) -> Vec<String> {
    line.split(',')
        .map(|h| h.trim().trim_matches('"').trim().to_lowercase())
        .collect()
}

pub fn parse(path: &Path, text: &str, format: Format) -> Result<Parsed> {
    let what = match format {
        Format::Linkedin => "a LinkedIn connections export",
        Format::GoogleCsv => "a Google Contacts CSV",
        _ => "a CSV of contacts",
    };
    let Some((skip, _)) = header_line(text) else {
        return Err(not_a(
            path,
            what,
            "no header row naming the columns (such as First Name,Last Name or name) in its first lines",
        ));
    };
    let found = detect(text);
    // A plain CSV is anything with a name column; the others must show their own header.
    if found != Some(format) && format != Format::Csv {
        return Err(not_a(
            path,
            what,
            "its header does not have that export's columns",
        ));
    }
    // Line numbers are counted from the top of the file, preamble included.
    let body: String = text.lines().skip(skip).collect::<Vec<_>>().join("\n");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| not_a(path, what, &e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    // A repeated column would be read once and the other copy dropped without a word.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(h, i) {
            return Err(not_a(
                path,
                what,
                &format!(
                    "the header names the column {h:?} twice (columns {} and {}), so one of them \
                     would be lost; rename or merge one of them",
                    first + 1,
                    i + 1
                ),
            ));
        }
    }
    let columns: HashMap<&str, usize> = headers
        .iter()
        .enumerate()
        .rev()
        .map(|(i, h)| (h.as_str(), i))
        .collect();

    let mut contacts = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + skip;
                problems.push(Problem {
                    line,
                    reason: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize) + skip;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            problems.push(Problem {
                line,
                reason: format!(
                    "row has {} fields but the header has {}",
                    record.len(),
                    headers.len()
                ),
            });
            continue;
        }
        let row = Row {
            columns: &columns,
            headers: &headers,
            record: &record,
            unquote: format == Format::Csv,
        };
        let read = match format {
            Format::Linkedin => linkedin(&row),
            Format::GoogleCsv => google(&row),
            _ => plain(&row),
        };
        match read.and_then(named) {
            Ok(mut c) => {
                c.line = line;
                contacts.push(c);
            }
            Err(reason) => problems.push(Problem { line, reason }),
        }
    }
    Ok(Parsed::contacts(format, contacts, problems))
}

struct Row<'a> {
    columns: &'a HashMap<&'a str, usize>,
    headers: &'a [String],
    record: &'a csv::StringRecord,
    /// Strip the quote `netweb export` puts before a formula-like cell (plain CSV only).
    unquote: bool,
}

/// `netweb export --format csv` writes a cell that a spreadsheet would run as a formula
/// (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) with a `'` in front;
/// this takes that quote off again, and leaves every other cell as it is.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

impl Row<'_> {
    /// The trimmed value of the first of these columns that is present and not blank.
    fn get(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|n| {
            let mut v = self.record.get(*self.columns.get(n)?)?;
            if self.unquote {
                v = unneutralise(v);
            }
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    }

    /// Every non-blank value of the columns whose header satisfies `wanted`, in order.
    fn all(&self, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        self.headers
            .iter()
            .zip(self.record.iter())
            .filter(|(h, v)| wanted(h) && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

/// A contact needs a name; failing that, its first email stands in.
fn named(mut c: Contact) -> Result<Contact, String> {
    if c.name.trim().is_empty() {
        match c.emails.first() {
            Some(e) => c.name = e.clone(),
            None => return Err("row has no name and no email".into()),
        }
    }
    Ok(c)
}

fn full_name(parts: &[Option<String>]) -> String {
    parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
/// (older exports have no URL). `Connected On` (`12 Mar 2024`) is when you met.
fn linkedin(row: &Row) -> Result<Contact, String> {
    let met = match row.get(&["connected on"]) {
        None => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(&text, "%d %b %Y")
                .or_else(|_| NaiveDate::parse_from_str(&text, "%Y-%m-%d"))
                .map_err(|_| format!("\"Connected On\" {text:?} is not a date like 12 Mar 2024"))?,
        ),
    };
    Ok(Contact {
        name: full_name(&[row.get(&["first name"]), row.get(&["last name"])]),
        emails: row.get(&["email address"]).into_iter().collect(),
        company: row.get(&["company"]),
        role: row.get(&["position"]),
        urls: row.get(&["url"]).into_iter().collect(),
        met,
        ..Contact::default()
    })
}

/// Google Contacts' export: `First Name,Middle Name,Last Name,...,Labels,E-mail 1 -
/// Value,...` (the older one has `Name`, `Given Name`, `Group Membership`). Multi-valued
/// cells and labels are joined by ` ::: `.
fn google(row: &Row) -> Result<Contact, String> {
    let split = |values: Vec<String>| -> Vec<String> {
        values
            .iter()
            .flat_map(|v| v.split(":::").map(|s| s.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let name = row.get(&["name"]).unwrap_or_else(|| {
        full_name(&[
            row.get(&["name prefix"]),
            row.get(&["first name", "given name"]),
            row.get(&["middle name", "additional name"]),
            row.get(&["last name", "family name"]),
            row.get(&["name suffix"]),
        ])
    });
    let tags = split(row.all(|h| h == "labels" || h == "group membership"))
        .into_iter()
        // System groups are written "* myContacts", "* starred": keep all but the
        // one every contact is in.
        .map(|t| t.trim_start_matches('*').trim().to_string())
        .filter(|t| !t.eq_ignore_ascii_case("mycontacts"))
        .collect();
    let value = |kind: &str| {
        let prefix = format!("{kind} ");
        split(row.all(|h| h.starts_with(&prefix) && h.ends_with("- value")))
    };
    let birthday = row.get(&["birthday"]).map(|b| {
        // Google writes a birthday without a year as "--12-09" already; keep either.
        b.trim().to_string()
    });
    Ok(Contact {
        name,
        emails: value("e-mail"),
        phones: value("phone"),
        company: row.get(&["organization name", "organization 1 - name"]),
        role: row.get(&["organization title", "organization 1 - title"]),
        location: row
            .get(&["address 1 - city"])
            .or_else(|| row.get(&["location"])),
        notes: row.get(&["notes"]),
        urls: value("website"),
        birthday,
        tags,
        ..Contact::default()
    })
}

/// A CSV whose header names netweb fields: `name` (or `first name` and `last name`),
/// `email`, `phone`, `company`, `role`, `location`, `interests`, `offers`, `seeks`,
/// `tags`, `notes`, `met`, `url`, `birthday`. List cells take `;` or `,` between values.
/// What `netweb export --format csv` adds is read too: `id`, `every`, `no_intros`,
/// `added` and `extra` (the person's other fields, a JSON object).
fn plain(row: &Row) -> Result<Contact, String> {
    let list = |names: &[&str]| -> Vec<String> {
        row.get(names)
            .map(|v| {
                v.split([';', ','])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let met = match row.get(&["met"]) {
        None => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|_| format!("met {text:?} is not a date: use YYYY-MM-DD"))?,
        ),
    };
    let name = row
        .get(&["name"])
        .unwrap_or_else(|| full_name(&[row.get(&["first name"]), row.get(&["last name"])]));
    let added = match row.get(&["added"]) {
        None => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|_| format!("added {text:?} is not a date: use YYYY-MM-DD"))?,
        ),
    };
    let extra = match row.get(&["extra"]) {
        None => Default::default(),
        Some(text) => parse_extra(&text)?,
    };
    let no_intros = row
        .get(&["no_intros"])
        .is_some_and(|v| matches!(v.to_lowercase().as_str(), "true" | "yes" | "1" | "x"));
    let c = Contact {
        id: row.get(&["id"]),
        every: row.get(&["every"]),
        no_intros,
        added,
        extra,
        name,
        emails: list(&["emails", "email", "e-mail", "email address"]),
        phones: row
            .get(&["phones", "phone"])
            .map(|v| v.split(';').map(str::to_string).collect())
            .unwrap_or_default(),
        company: row.get(&["company", "organization", "organisation"]),
        role: row.get(&["role", "title", "position", "job title"]),
        location: row.get(&["location", "city"]),
        notes: row.get(&["notes", "note"]),
        interests: list(&["interests", "interest"]),
        offers: list(&["offers", "offer"]),
        seeks: list(&["seeks", "seek"]),
        tags: list(&["tags", "tag", "labels"]),
        urls: list(&["urls", "url", "website"]),
        birthday: row.get(&["birthday"]),
        met,
        ..Contact::default()
    };
    check_netweb_fields(&c)?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINKEDIN: &str = "\u{feff}Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,\"Mathematician, Poet\",12 Mar 2024\nGrace,Hopper,https://www.linkedin.com/in/grace,grace@navy.example,US Navy,Admiral,32 Foo 2024\n";

    #[test]
    fn linkedin_after_its_preamble() {
        let text = LINKEDIN.trim_start_matches('\u{feff}');
        assert_eq!(detect(text), Some(Format::Linkedin));
        let parsed = parse(Path::new("c.csv"), text, Format::Linkedin).unwrap();
        assert_eq!(parsed.people.len(), 1);
        let ada = &parsed.people[0];
        assert_eq!(ada.line, Some(5));
        assert_eq!(ada.person.name, "Ada Lovelace");
        assert_eq!(ada.person.role.as_deref(), Some("Mathematician, Poet"));
        assert_eq!(ada.person.met, NaiveDate::from_ymd_opt(2024, 3, 12));
        assert!(ada.person.emails.is_empty());
        assert_eq!(parsed.problems[0].line, 6);
        assert!(parsed.problems[0].reason.contains("32 Foo 2024"));
    }

    #[test]
    fn google_labels_become_tags() {
        let text = "First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Organization Name\nLin,,Wei,* myContacts ::: Climbing ::: * starred,* Home,lin@example.com ::: lin@work.example,,,Boulder Co\n";
        assert_eq!(detect(text), Some(Format::GoogleCsv));
        let parsed = parse(Path::new("g.csv"), text, Format::GoogleCsv).unwrap();
        let p = &parsed.people[0].person;
        assert_eq!(p.name, "Lin Wei");
        assert_eq!(p.tags, ["climbing", "starred"]);
        assert_eq!(p.emails, ["lin@example.com", "lin@work.example"]);
        assert_eq!(p.company.as_deref(), Some("Boulder Co"));
    }

    #[test]
    fn other_text_is_not_a_contact_list() {
        assert_eq!(detect("hello, world\nthis is prose\n"), None);
    }
}
