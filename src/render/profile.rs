use std::io::{self, Write};

use anstyle::Style;
use chrono::NaiveDate;

use crate::dates::{relative, span};
use crate::extra_fields::{self as fields, Address, Event, Related};
use crate::query::due::CountedFrom;
use crate::query::due::occasions::Kind;
use crate::query::profile::Profile;
use crate::render::due::occasion;

use crate::render::escape::escape;
use crate::render::{DIM, HEADER, ID, NAME, Table, width, wrap};

/// How many past interactions `show` lists; `--json` and `history` have them all.
const RECENT: usize = 5;

/// The column where a field's value starts: two spaces, a 10-wide label, a space.
const VALUE_AT: usize = 13;

/// "Staff engineer at Fernbank Labs", or whichever of the two is known.
pub fn work(p: &crate::model::Person) -> Option<String> {
    match (&p.role, &p.company) {
        (Some(r), Some(c)) => Some(format!("{r} at {c}")),
        (Some(x), None) | (None, Some(x)) => Some(x.to_string()),
        (None, None) => None,
    }
}

pub fn write(out: &mut impl Write, pr: &Profile, today: NaiveDate) -> io::Result<()> {
    let p = pr.person;
    writeln!(
        out,
        "{NAME}{}{NAME:#}  {ID}{}{ID:#}",
        escape(&p.name),
        escape(p.id.as_str())
    )?;
    let work = work(p);
    // Values start in column 13; a long or multi-line value (notes) goes on under it.
    let room = width().map(|w| w.saturating_sub(VALUE_AT).max(20));
    let mut field = |label: &str, value: Option<String>| -> io::Result<()> {
        let Some(v) = value.filter(|v| !v.is_empty()) else {
            return Ok(());
        };
        // Shown with control characters visible (`escape`), line by line.
        let lines: Vec<String> = v.lines().flat_map(|l| wrap(&escape(l), room)).collect();
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                writeln!(out, "  {DIM}{label:<10}{DIM:#} {line}")?;
            } else {
                writeln!(out, "{:VALUE_AT$}{line}", "")?;
            }
        }
        Ok(())
    };
    let labelled = |values: &[compact_str::CompactString]| -> String {
        values
            .iter()
            .map(|v| match fields::label(p, v) {
                Some(l) => format!("{v} ({l})"),
                None => v.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    field(
        "nickname",
        fields::text(p, fields::NICKNAME).map(String::from),
    )?;
    field("work", work)?;
    field(
        "department",
        fields::text(p, fields::DEPARTMENT).map(String::from),
    )?;
    field("location", p.location.as_deref().map(String::from))?;
    field("email", Some(labelled(&p.emails)))?;
    field("phone", Some(labelled(&p.phones)))?;
    for o in &pr.occasions {
        let what = match o.kind {
            Kind::Birthday => "birthday",
            Kind::Anniversary => "anniversary",
        };
        let age = match (o.kind, pr.age) {
            (Kind::Birthday, Some(a)) => format!("age {a}, "),
            _ => String::new(),
        };
        field(
            what,
            Some(format!("{} ({age}next {})", o.date, occasion(o))),
        )?;
    }
    let addresses: Vec<Address> = fields::records(p, fields::ADDRESSES);
    for a in &addresses {
        let label = a
            .label
            .as_deref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        field("address", Some(format!("{}{label}", a.one_line())))?;
    }
    field("im", Some(fields::texts(p, fields::IMPP).join(", ")))?;
    field("web", Some(fields::texts(p, fields::URLS).join(", ")))?;
    let related: Vec<Related> = fields::records(p, fields::RELATED);
    for r in &related {
        let kind = r
            .kind
            .as_deref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        field("related", Some(format!("{}{kind}", r.name)))?;
    }
    let events: Vec<Event> = fields::records(p, fields::EVENTS);
    for e in &events {
        let label = e.label.as_deref().unwrap_or("event");
        field("event", Some(format!("{} ({label})", e.date)))?;
    }
    field("interests", Some(p.interests.join(", ")))?;
    field("offers", Some(p.offers.join(", ")))?;
    field("seeks", Some(p.seeks.join(", ")))?;
    field("tags", Some(p.tags.join(", ")))?;
    field("met", p.met.map(|d| d.to_string()))?;
    let every = pr.cadence.as_ref().map(|c| match pr.cadence_tag {
        Some(tag) => format!("{c} (from the tag {tag})"),
        None => c.clone(),
    });
    field("every", every)?;
    field(
        "contacted",
        pr.last_contact
            .map(|d| format!("{d} ({})", relative(d, today))),
    )?;
    field(
        "next due",
        pr.next_due.map(|d| {
            let days = (d - today).num_days();
            let when = match days {
                0 => "today".to_string(),
                n if n > 0 => format!("in {}", span(n)),
                n => format!("{} late", span(n)),
            };
            let from = match pr.counted_from {
                Some(CountedFrom::Met) => ", counted from when you met",
                Some(CountedFrom::Added) => ", counted from when they were added",
                _ => "",
            };
            format!("{d} ({when}{from})")
        }),
    )?;
    field(
        "snoozed",
        pr.snoozed
            .map(|d| format!("until {d} ({}): `due` leaves them out", relative(d, today))),
    )?;
    field(
        "intros",
        p.no_intros
            .then(|| "does not want to be introduced".to_string()),
    )?;
    field("added", p.added.map(|d| d.to_string()))?;
    field("notes", p.notes.clone())?;

    writeln!(out)?;
    if pr.relationships.is_empty() {
        writeln!(
            out,
            "{HEADER}Knows{HEADER:#}  {DIM}no one else in your network yet{DIM:#}"
        )?;
    } else {
        writeln!(out, "{HEADER}Knows{HEADER:#} ({})", pr.relationships.len())?;
        let mut table = Table::bare(3, 2).shrink(&[2, 0]);
        for t in &pr.relationships {
            let mut details = Vec::new();
            details.extend(t.kind.map(String::from));
            details.extend(t.strength.map(|s| format!("strength {s}")));
            details.extend(t.since.map(|d| format!("since {d}")));
            details.extend(t.note.map(String::from));
            details.extend(t.inferred.map(|why| format!("inferred ({why})")));
            table.row(vec![
                (t.name.to_string(), Style::new()),
                (t.id.to_string(), ID),
                (details.join(", "), DIM),
            ]);
        }
        table.write(out)?;
    }
    if !pr.reminders.is_empty() {
        writeln!(out, "\n{HEADER}Reminders{HEADER:#}")?;
        crate::render::reminders::write_reminders(out, &pr.reminders, today, false)?;
    }
    if !pr.introductions.is_empty() {
        writeln!(out, "\n{HEADER}Introductions{HEADER:#}")?;
        let mut table = Table::bare(4, 2);
        for x in &pr.introductions {
            let others: Vec<&str> = x
                .people
                .iter()
                .filter(|id| **id != p.id)
                .map(|id| id.as_str())
                .collect();
            table.row(vec![
                (x.date.to_string(), Style::new()),
                (x.id.clone(), ID),
                (format!("to {}", others.join(", ")), Style::new()),
                (x.note.as_deref().map(one_line).unwrap_or_default(), DIM),
            ]);
        }
        table.shrink(&[3, 2]).write(out)?;
    }
    if !pr.interactions.is_empty() {
        writeln!(out, "\n{HEADER}Recent contact{HEADER:#}")?;
        let mut table = Table::bare(4, 2);
        for x in pr.interactions.iter().take(RECENT) {
            table.row(vec![
                (x.date.to_string(), Style::new()),
                (x.id.clone(), ID),
                (
                    x.kind.as_deref().unwrap_or("contact").to_string(),
                    Style::new(),
                ),
                (x.note.as_deref().map(one_line).unwrap_or_default(), DIM),
            ]);
        }
        table.shrink(&[3, 2]).write(out)?;
        let more = pr.interactions.len().saturating_sub(RECENT);
        if more > 0 {
            writeln!(
                out,
                "  {DIM}... and {more} more (`netweb history {}` has them all){DIM:#}",
                p.id
            )?;
        }
    }
    Ok(())
}

/// A multi-line note on one line of a list, its lines joined by " / ".
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}
