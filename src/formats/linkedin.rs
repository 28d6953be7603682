//! LinkedIn's `Connections.csv`, every vintage seen:
//!
//! - 2018: no preamble, `First Name,Last Name,Email Address,Company,Position,Connected
//!   On`, dates as `1/8/18, 6:14 PM`, and in some email cells a member id
//!   (`urn:li:member:123456`), which is no email.
//! - 2020 on: a `Notes:` preamble of a few lines, then the header with `URL` after `Last
//!   Name`, dates as `12 Mar 2024`; 2025 adds nothing but keeps `22 Dec 2025`.
//! - Headerless: a file another tool saved without its header row, read by position
//!   (six columns as 2018, seven with the URL) when `--format linkedin` is given.
//!
//! `Connected On` is when you met. The profile URL identifies a person as an email
//! does (see `plan`): two connections of the same name are two people.

use super::Contact;
use super::csv::{Row, full_name};

/// The header of a headerless file, by its number of columns.
const SIX: &str = "First Name,Last Name,Email Address,Company,Position,Connected On";
const SEVEN: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

/// Why a headerless file cannot be read as LinkedIn's.
pub const HEADERLESS: &str = "it has no header row, and its rows do not have LinkedIn's six columns \
     (First Name, Last Name, Email Address, Company, Position, Connected On) or seven (with URL after Last Name)";

/// The header a file without one has, from its first row's number of cells.
pub fn header_for(text: &str) -> Option<&'static str> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let first = reader
        .records()
        .filter_map(Result::ok)
        .find(|r| r.iter().any(|c| !c.trim().is_empty()))?;
    match first.len() {
        6 => Some(SIX),
        7 => Some(SEVEN),
        _ => None,
    }
}

pub(super) fn contact(row: &Row) -> Contact {
    let email = row
        .get(&["email address"])
        .filter(|e| e.contains('@') && !e.starts_with("urn:"));
    let mut c = Contact {
        name: full_name(&[row.get(&["first name"]), row.get(&["last name"])]),
        emails: email.into_iter().collect(),
        company: row.get(&["company"]),
        role: row.get(&["position"]),
        urls: row.get(&["url"]).into_iter().collect(),
        ..Contact::default()
    };
    c.met = c.day("met date", row.get(&["connected on"]));
    c
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::formats::{Format, csv};

    const LINKEDIN: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Larkwell,https://www.linkedin.com/in/ada,,Analytical Engines,\"Mathematician, Poet\",12 Mar 2024\nGrace,Hollis,https://www.linkedin.com/in/grace,grace@navy.example,US Navy,Admiral,32 Foo 2024\n";

    #[test]
    fn after_its_preamble_and_a_bad_date_is_left_out() {
        assert_eq!(csv::detect(LINKEDIN), Some(Format::Linkedin));
        let parsed = csv::parse(Path::new("c.csv"), LINKEDIN, Format::Linkedin).unwrap();
        assert_eq!(parsed.people.len(), 2);
        let ada = &parsed.people[0];
        assert_eq!(ada.line, Some(5));
        assert_eq!(ada.person.role.as_deref(), Some("Mathematician, Poet"));
        assert_eq!(ada.person.met, NaiveDate::from_ymd_opt(2024, 3, 12));
        let grace = &parsed.people[1];
        assert_eq!(grace.person.met, None);
        assert_eq!(grace.left_out.len(), 1);
        assert!(grace.left_out[0].starts_with("the met date \"32 Foo 2024\": "));
    }

    #[test]
    fn headerless_by_position_with_2018_dates_and_member_ids() {
        let text = "Ada,Larkwell,urn:li:member:1234,Analytical Engines,Mathematician,\"1/8/18, 6:14 PM\"\n";
        let parsed = csv::parse(Path::new("c.csv"), text, Format::Linkedin).unwrap();
        let ada = &parsed.people[0];
        assert_eq!(ada.line, Some(1));
        assert_eq!(ada.person.name, "Ada Larkwell");
        assert!(ada.person.emails.is_empty());
        assert_eq!(ada.person.met, NaiveDate::from_ymd_opt(2018, 1, 8));
        assert_eq!(ada.person.company.as_deref(), Some("Analytical Engines"));
    }
}
