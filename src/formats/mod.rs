//! Import formats: detecting what a file is, and reading it into one common shape.
//!
//! Every contact format (vCard, LinkedIn, Google CSV, a plain CSV) becomes a list of
//! [`Contact`]s, each with the line it starts on, plus the [`Problem`]s of rows or cards
//! that could not be read. Another netweb file comes in whole, with its relationships
//! and history. [`plan`] then decides, without any I/O, what the import would change.
//!
//! What has no field of its own in a person is kept, not dropped: web addresses,
//! birthdays, anniversaries, nicknames, labels, addresses and the rest go to the fields
//! of [`crate::extra_fields`], which live among a person's preserved fields, so they
//! survive every save. A value that cannot be read (a date that is no date) is left out
//! of its person and said in [`Contact::left_out`]; the person still comes in.

pub mod csv;
pub mod csv_out;
pub mod decode;
pub mod dot_out;
pub mod google;
pub mod graphml_out;
pub mod html;
pub mod ics;
pub mod ics_out;
pub mod linkedin;
pub mod netweb;
pub mod outlook;
pub mod plan;
mod plan_index;
pub use plan_index::{Pairing, pair_up};
pub mod vcard;
mod vcard_more;
pub mod vcard_out;
pub mod when;

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::Value;

use crate::extra_fields::{self as fields, Address, Event, Related};
use crate::model::{Extra, Interaction, Introduction, Person, PersonId, Relationship, Reminder};
use crate::text::{add_terms, add_values, non_blank};

/// What kind of file is being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Vcard,
    Linkedin,
    GoogleCsv,
    Outlook,
    Csv,
    Netweb,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Vcard => "vcard",
            Format::Linkedin => "linkedin",
            Format::GoogleCsv => "google-csv",
            Format::Outlook => "outlook-csv",
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
    pub nickname: Option<String>,
    /// The source's own id for the contact (vCard UID).
    pub uid: Option<String>,
    pub department: Option<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    pub anniversary: Option<String>,
    /// (email or phone, its label), e.g. ("+44 20 7946 0000", "cell").
    pub labels: Vec<(String, String)>,
    pub addresses: Vec<Address>,
    pub impp: Vec<String>,
    pub related: Vec<Related>,
    pub events: Vec<Event>,
    /// Values that could not be read and were left out, each as `the met date "x": why`.
    pub left_out: Vec<String>,
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
        for (key, value) in [
            (fields::BIRTHDAY, &self.birthday),
            (fields::ANNIVERSARY, &self.anniversary),
            (fields::NICKNAME, &self.nickname),
            (fields::UID, &self.uid),
            (fields::DEPARTMENT, &self.department),
        ] {
            if let Some(v) = value.as_deref().and_then(non_blank) {
                p.extra.insert(key.into(), Value::String(v));
            }
        }
        if !self.labels.is_empty() {
            let mut labels = match p.extra.remove(fields::LABELS) {
                Some(Value::Object(have)) => have,
                _ => serde_json::Map::new(),
            };
            for (value, label) in &self.labels {
                let (value, label) = (value.trim(), label.trim());
                if !value.is_empty() && !label.is_empty() {
                    labels.insert(value.to_string(), Value::String(label.to_lowercase()));
                }
            }
            if !labels.is_empty() {
                p.extra.insert(fields::LABELS.into(), Value::Object(labels));
            }
        }
        let addresses: Vec<&Address> = self.addresses.iter().filter(|a| !a.is_empty()).collect();
        fields::add_records(&mut p.extra, fields::ADDRESSES, &addresses);
        let mut impp = fields::texts(&p, fields::IMPP);
        if add_values(&mut impp, &self.impp) {
            p.extra.insert(fields::IMPP.into(), impp.into());
        }
        fields::add_records(&mut p.extra, fields::RELATED, &self.related);
        fields::add_records(&mut p.extra, fields::EVENTS, &self.events);
        p
    }

    /// Notes that a value was left out: `the {what} "{value}": {why}`.
    pub fn leave_out(&mut self, what: &str, value: &str, why: &str) {
        self.left_out.push(format!("the {what} {value:?}: {why}"));
    }

    /// A birthday or anniversary in netweb's form, or `None` (left out when unreadable).
    pub fn annual(&mut self, what: &str, text: Option<String>) -> Option<String> {
        let text = text?;
        match when::annual(&text) {
            Ok(date) => date.map(|d| d.to_string()),
            Err(why) => {
                self.leave_out(what, &text, &why);
                None
            }
        }
    }

    /// A date such as when you met, or `None` (left out when unreadable).
    pub fn day(&mut self, what: &str, text: Option<String>) -> Option<NaiveDate> {
        let text = text?;
        let day = when::day(&text);
        if day.is_none() {
            self.leave_out(what, &text, when::MET_FORMS);
        }
        day
    }

    /// Names a contact that has no name from what else it has: its nickname, its
    /// company (a plumber, a clinic: tagged `business` so they can be found), its first
    /// email or phone. Only a contact with none of these is refused.
    pub fn named(mut self) -> Result<Contact, String> {
        if !self.name.trim().is_empty() {
            return Ok(self);
        }
        if let Some(n) = self.nickname.as_deref().and_then(non_blank) {
            self.name = n;
        } else if let Some(company) = self.company.as_deref().and_then(non_blank) {
            self.name = company;
            self.tags.push(BUSINESS_TAG.into());
        } else if let Some(first) = self.emails.first().or(self.phones.first()) {
            self.name = first.clone();
        } else {
            return Err("no name, company, email or phone to know this contact by".into());
        }
        Ok(self)
    }
}

/// The tag a contact named after its company gets.
pub const BUSINESS_TAG: &str = "business";

/// Checks the netweb-only fields a reader found: a cadence `every` that does not parse
/// is left out (and said).
pub fn drop_bad_netweb_fields(c: &mut Contact) {
    if let Err(why) = check_netweb_fields(c) {
        let every = c.every.take().unwrap_or_default();
        c.leave_out("cadence", &every, &why);
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
    let own = crate::model::Person::FIELDS;
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
    /// What was left out of the person, each as `the met date "x": why`.
    pub left_out: Vec<String>,
}

/// Two contacts of one file who know each other (a vCard RELATED pointing at another
/// card), by their places in `Parsed::people`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub kind: Option<String>,
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
    pub reminders: Vec<Reminder>,
    pub problems: Vec<Problem>,
    /// Relationships among this file's contacts.
    pub links: Vec<Link>,
    /// The encoding the file was read in ("UTF-8", "windows-1252", "UTF-16LE").
    pub encoding: &'static str,
}

impl Parsed {
    pub fn contacts(format: Format, contacts: Vec<Contact>, problems: Vec<Problem>) -> Parsed {
        Parsed {
            format,
            people: contacts
                .into_iter()
                .map(|mut c| Incoming {
                    line: Some(c.line),
                    left_out: std::mem::take(&mut c.left_out),
                    person: c.into_person(),
                })
                .collect(),
            relationships: Vec::new(),
            interactions: Vec::new(),
            introductions: Vec::new(),
            reminders: Vec::new(),
            problems,
            links: Vec::new(),
            encoding: "UTF-8",
        }
    }
}

const EXPECTED: &str = "expected a vCard file (.vcf), LinkedIn's Connections.csv, a Google Contacts \
     CSV, an Outlook CSV export, a CSV whose header names netweb fields (name, email, company, ...), a netweb JSON file or a calendar (.ics)";

/// Whether a file is a calendar (`ics` reads it, not `read`): by its content, or by its
/// extension when the content is nothing else `read` knows.
pub fn is_calendar(path: &Path, bytes: &[u8]) -> bool {
    let Some(decoded) = decode::decode(bytes) else {
        return false;
    };
    if ics::is_calendar(&decoded.text) {
        return true;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    ["ics", "ical", "ifb", "icalendar"]
        .iter()
        .any(|x| ext.eq_ignore_ascii_case(x))
        && detect(Path::new(""), &decoded.text).is_err()
}

/// Reads a file's bytes as the given format, or as the format its content and name show.
/// A file that is not what it claims to be is an error: nothing of it is imported.
pub fn read(path: &Path, bytes: &[u8], format: Option<Format>) -> Result<Parsed> {
    let shown = path.display();
    let Some(decoded) = decode::decode(bytes) else {
        bail!(
            "{shown} is not a text file (it holds NUL bytes), so it is not a contact list: {EXPECTED}"
        );
    };
    let text = decoded.text.as_str();
    let format = match format {
        Some(f) => f,
        None => detect(path, text)?,
    };
    let mut parsed = match format {
        Format::Vcard => vcard::parse(path, text),
        Format::Netweb => netweb::parse(path, text),
        Format::Linkedin | Format::GoogleCsv | Format::Outlook | Format::Csv => {
            csv::parse(path, text, format)
        }
    }?;
    parsed.encoding = decoded.encoding;
    Ok(parsed)
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
