//! CSV contact lists, read with the `csv` crate: LinkedIn's `Connections.csv`
//! ([`super::linkedin`]), Google Contacts' CSV export ([`super::google`]), Outlook's
//! ([`super::outlook`]), and a plain CSV whose header names netweb fields (here).

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;

use super::{Contact, Format, Parsed, Problem, drop_bad_netweb_fields, not_a, parse_extra};
use super::{google, linkedin, outlook};

/// How many lines are searched for LinkedIn's header, past its `Notes:` preamble.
const PREAMBLE_LINES: usize = 20;

/// Which CSV dialect a text is, from its header, if any.
pub fn detect(text: &str) -> Option<Format> {
    let (_, header) = header_line(text)?;
    let names = header_names(header);
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("first name") && has("last name") && has("connected on") {
        Some(Format::Linkedin)
    } else if has("e-mail address")
        && (has("e-mail 2 address") || has("business phone") || has("job title"))
    {
        Some(Format::Outlook)
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
        Format::Outlook => "an Outlook CSV export",
        _ => "a CSV of contacts",
    };
    // Line numbers are counted from the top of the file, preamble included: a record's
    // line in the text read plus `offset` is its line in the file.
    let (body, offset): (String, isize) = match header_line(text) {
        Some((skip, _)) => {
            let found = detect(text);
            // A plain CSV is anything with a name column; the others must show their
            // own header.
            if found != Some(format) && format != Format::Csv {
                return Err(not_a(
                    path,
                    what,
                    "its header does not have that export's columns",
                ));
            }
            let body = text.lines().skip(skip).collect::<Vec<_>>().join("\n");
            (body, skip as isize)
        }
        // Another tool stripped LinkedIn's header: the columns are known by position.
        None if format == Format::Linkedin => match linkedin::header_for(text) {
            Some(header) => {
                // One line ending throughout, as above: the reader counts lines by them.
                let body = text.lines().collect::<Vec<_>>().join("\n");
                (format!("{header}\n{body}"), -1)
            }
            None => return Err(not_a(path, what, linkedin::HEADERLESS)),
        },
        None => {
            return Err(not_a(
                path,
                what,
                "no header row naming the columns (such as First Name,Last Name or name) in its first lines",
            ));
        }
    };
    let at = |line: u64| (line as isize + offset).max(1) as usize;
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
                let line = at(e.position().map_or(0, |p| p.line()));
                problems.push(Problem {
                    line,
                    reason: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        let line = at(record.position().map_or(0, |p| p.line()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // A shorter row is read (tools drop trailing empty cells); a longer one has its
        // cells shifted by an unquoted comma, and no cell of it can be trusted.
        if record.len() > headers.len() {
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
            Format::Linkedin => linkedin::contact(&row),
            Format::GoogleCsv => google::contact(&row),
            Format::Outlook => outlook::contact(&row),
            _ => plain(&row),
        };
        match read.named() {
            Ok(mut c) => {
                c.line = line;
                contacts.push(c);
            }
            Err(reason) => problems.push(Problem { line, reason }),
        }
    }
    Ok(Parsed::contacts(format, contacts, problems))
}

pub(super) struct Row<'a> {
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
    pub(super) fn get(&self, names: &[&str]) -> Option<String> {
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
    pub(super) fn all(&self, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        self.headers
            .iter()
            .zip(self.record.iter())
            .filter(|(h, v)| wanted(h) && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

pub(super) fn full_name(parts: &[Option<String>]) -> String {
    parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A CSV whose header names netweb fields: `name` (or `first name` and `last name`),
/// `email`, `phone`, `company`, `role`, `location`, `interests`, `offers`, `seeks`,
/// `tags`, `notes`, `met`, `url`, `birthday`. List cells take `;` or `,` between values.
/// What `netweb export --format csv` adds is read too: `id`, `every`, `no_intros`,
/// `added` and `extra` (the person's other fields, a JSON object).
fn plain(row: &Row) -> Contact {
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
    let name = row
        .get(&["name"])
        .unwrap_or_else(|| full_name(&[row.get(&["first name"]), row.get(&["last name"])]));
    let no_intros = row
        .get(&["no_intros"])
        .is_some_and(|v| matches!(v.to_lowercase().as_str(), "true" | "yes" | "1" | "x"));
    let mut c = Contact {
        id: row.get(&["id"]),
        every: row.get(&["every"]),
        no_intros,
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
        nickname: row.get(&["nickname"]),
        uid: row.get(&["uid"]),
        department: row.get(&["department"]),
        ..Contact::default()
    };
    c.met = c.day("met date", row.get(&["met"]));
    c.added = c.day("added date", row.get(&["added"]));
    c.birthday = c.annual("birthday", row.get(&["birthday"]));
    c.anniversary = c.annual("anniversary", row.get(&["anniversary"]));
    if let Some(text) = row.get(&["extra"]) {
        match parse_extra(&text) {
            Ok(extra) => c.extra = extra,
            Err(why) => c.leave_out("extra fields", &text, &why),
        }
    }
    drop_bad_netweb_fields(&mut c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

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
