//! Import formats: detecting what a file is, and reading it into one common shape.
//!
//! Every contact format (vCard, LinkedIn, Google CSV, a plain CSV) becomes a list of
//! [`Contact`]s, each with the line it starts on, plus the [`Problem`]s of rows or cards
//! that could not be read. Another netweb file comes in whole, with its relationships
//! and history. [`plan`] then decides, without any I/O, what the import would change.
//!
//! What has no field of its own in a person is kept, not dropped: web addresses go to
//! `urls` and a birthday to `birthday` (`YYYY-MM-DD`, or `--MM-DD` without a year). Both
//! live among a person's preserved extra fields, so they survive every save.

pub mod csv;
pub mod csv_out;
pub mod dot_out;
pub mod graphml_out;
pub mod html;
pub mod netweb;
pub mod plan;
pub mod vcard;
pub mod vcard_out;

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::Value;

use crate::model::{Extra, Interaction, Introduction, Person, PersonId, Relationship};
use crate::text::{add_terms, add_values, non_blank};

/// What kind of file is being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Vcard,
    Linkedin,
    GoogleCsv,
    Csv,
    Netweb,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Vcard => "vcard",
            Format::Linkedin => "linkedin",
            Format::GoogleCsv => "google-csv",
            Format::Csv => "csv",
            Format::Netweb => "netweb",
        }
    }
}

/// One contact read from a file, before it is matched against the network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    /// The line of the file where the row or card starts (1-based).
    pub line: usize,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub interests: Vec<String>,
    pub offers: Vec<String>,
    pub seeks: Vec<String>,
    pub tags: Vec<String>,
    pub met: Option<NaiveDate>,
    pub urls: Vec<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    pub birthday: Option<String>,
    /// What only netweb's own exports carry (an `id` column, `X-NETWEB-ID`, ...), so
    /// that export then import loses nothing.
    pub id: Option<String>,
    pub every: Option<String>,
    pub no_intros: bool,
    pub added: Option<NaiveDate>,
    /// A person's other preserved fields, from an `extra` column or `X-NETWEB-EXTRA`.
    pub extra: Extra,
}

impl Contact {
    /// The person this contact describes, without an id (the plan gives one).
    pub fn into_person(self) -> Person {
        let mut p = Person {
            id: PersonId::from(self.id.as_deref().and_then(non_blank).unwrap_or_default()),
            every: self.every.as_deref().and_then(non_blank).map(Into::into),
            no_intros: self.no_intros,
            added: self.added,
            extra: self.extra,
            name: self
                .name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
            company: self.company.as_deref().and_then(non_blank).map(Into::into),
            role: self.role.as_deref().and_then(non_blank).map(Into::into),
            location: self.location.as_deref().and_then(non_blank).map(Into::into),
            notes: self.notes.as_deref().and_then(non_blank),
            met: self.met,
            ..Person::default()
        };
        add_values(&mut p.emails, &self.emails);
        add_values(&mut p.phones, &self.phones);
        add_terms(&mut p.interests, &self.interests);
        add_terms(&mut p.offers, &self.offers);
        add_terms(&mut p.seeks, &self.seeks);
        add_terms(&mut p.tags, &self.tags);
        let mut urls = Vec::new();
        if let Some(Value::Array(have)) = p.extra.get("urls") {
            urls.extend(have.iter().filter_map(|v| v.as_str().map(str::to_string)));
        }
        add_values(&mut urls, &self.urls);
        if !urls.is_empty() {
            p.extra.insert(
                "urls".into(),
                Value::Array(urls.into_iter().map(Value::String).collect()),
            );
        }
        if let Some(b) = self.birthday.as_deref().and_then(non_blank) {
            p.extra.insert("birthday".into(), Value::String(b));
        }
        p
    }
}

/// Checks the netweb-only fields a reader found: a cadence `every` must parse.
pub fn check_netweb_fields(c: &Contact) -> Result<(), String> {
    if let Some(every) = c.every.as_deref().and_then(non_blank)
        && crate::cadence::Cadence::parse(&every).is_err()
    {
        return Err(format!(
            "every {every:?} is not a cadence: write a number and a unit such as 14d, 2w, 3m or 1y"
        ));
    }
    Ok(())
}

/// Reads the `extra` text netweb's exports write (a JSON object) back into fields.
/// Keys that are a person's own fields are left out: they have their own columns.
pub fn parse_extra(text: &str) -> Result<Extra, String> {
    // The first columns of netweb's CSV are exactly a person's own fields.
    let own = &crate::formats::csv_out::HEADER[..16];
    let mut extra = serde_json::from_str::<Extra>(text.trim())
        .map_err(|e| format!("extra {text:?} is not a JSON object: {e}"))?;
    extra.retain(|k, _| !own.contains(&k.as_str()));
    Ok(extra)
}

/// A row or card that was skipped, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub reason: String,
}

/// One person to bring in: where it came from and what is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The line it starts on; `None` for a netweb file (entries are known by id there).
    pub line: Option<usize>,
    /// The person; `id` is empty unless the source had one (a netweb file).
    pub person: Person,
}

/// A whole file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub format: Format,
    pub people: Vec<Incoming>,
    /// From a netweb file only; ids are the source file's.
    pub relationships: Vec<Relationship>,
    pub interactions: Vec<Interaction>,
    pub introductions: Vec<Introduction>,
    pub problems: Vec<Problem>,
}

impl Parsed {
    pub fn contacts(format: Format, contacts: Vec<Contact>, problems: Vec<Problem>) -> Parsed {
        Parsed {
            format,
            people: contacts
                .into_iter()
                .map(|c| Incoming {
                    line: Some(c.line),
                    person: c.into_person(),
                })
                .collect(),
            relationships: Vec::new(),
            interactions: Vec::new(),
            introductions: Vec::new(),
            problems,
        }
    }
}

const EXPECTED: &str = "expected a vCard file (.vcf), LinkedIn's Connections.csv, a Google Contacts \
     CSV, a CSV whose header names netweb fields (name, email, company, ...) or a netweb JSON file";

/// Reads a file's bytes as the given format, or as the format its content and name show.
/// A file that is not what it claims to be is an error: nothing of it is imported.
pub fn read(path: &Path, bytes: &[u8], format: Option<Format>) -> Result<Parsed> {
    let shown = path.display();
    let Ok(text) = std::str::from_utf8(bytes) else {
        bail!("{shown} is not a UTF-8 text file, so it is not a contact list: {EXPECTED}");
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = match format {
        Some(f) => f,
        None => detect(path, text)?,
    };
    match format {
        Format::Vcard => vcard::parse(path, text),
        Format::Netweb => netweb::parse(path, text),
        Format::Linkedin | Format::GoogleCsv | Format::Csv => csv::parse(path, text, format),
    }
}

/// Guesses the format from the content first, then from the file's extension.
pub fn detect(path: &Path, text: &str) -> Result<Format> {
    let start = text.trim_start();
    // `get`, not `[..11]`: slicing inside a multi-byte character would panic.
    if start
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
    {
        return Ok(Format::Vcard);
    }
    if start.starts_with('{') {
        return Ok(Format::Netweb);
    }
    if let Some(format) = csv::detect(text) {
        return Ok(format);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "vcf" | "vcard" => Ok(Format::Vcard),
        "json" => Ok(Format::Netweb),
        _ => bail!(
            "{} does not look like a list of contacts: {EXPECTED}\nhint: if it is one, say which with --format",
            path.display()
        ),
    }
}

/// Builds the error for a file whose content does not match the format it claims.
pub fn not_a(path: &Path, what: &str, why: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{} is not {what}: {why}\nhint: nothing was imported; {EXPECTED}",
        path.display()
    )
}
