//! `triage`: what is known about the person being asked about, in a few lines.

use std::io::{self, Write};

use crate::model::{Network, Person};
use crate::query::triage::Candidate;
use crate::render::escape::escape;
use crate::render::{DIM, ID, NAME, count, join_names};

/// How many of the people they know are named.
const NAMED: usize = 5;

/// The card: name and id, work, where, emails, tags, whom they know, the last contact,
/// notes; only what is there.
pub fn card(
    out: &mut impl Write,
    net: &Network,
    p: &Person,
    c: &Candidate,
    (at, of): (usize, usize),
) -> io::Result<()> {
    writeln!(
        out,
        "\n{DIM}[{at}/{of}]{DIM:#} {NAME}{}{NAME:#}  {ID}{}{ID:#}",
        escape(&p.name),
        escape(p.id.as_str())
    )?;
    let mut field = |label: &str, value: String| -> io::Result<()> {
        if value.is_empty() {
            return Ok(());
        }
        writeln!(out, "  {DIM}{label:<12}{DIM:#} {}", escape(&value))
    };
    field("work", super::profile::work(p).unwrap_or_default())?;
    field("location", p.location.as_deref().unwrap_or_default().into())?;
    field("emails", p.emails.join(", "))?;
    field("tags", p.tags.join(", "))?;
    let knows: Vec<String> = net
        .relationships
        .iter()
        .filter(|r| r.touches(&p.id))
        .map(|r| net.name_of(r.other(&p.id)).to_string())
        .collect();
    if !knows.is_empty() {
        let mut shown: Vec<String> = knows.iter().take(NAMED).cloned().collect();
        if knows.len() > NAMED {
            shown.push(format!("{} more", knows.len() - NAMED));
        }
        let inferred = if c.inferred > 0 {
            format!(" ({} inferred)", c.inferred)
        } else {
            String::new()
        };
        field(
            &format!("knows ({})", knows.len()),
            format!("{}{inferred}", join_names(&shown)),
        )?;
    }
    if let Some(last) = net
        .interactions
        .iter()
        .filter(|x| x.people.contains(&p.id))
        .max_by_key(|x| x.date)
    {
        let what: Vec<&str> = [last.kind.as_deref(), last.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        field(
            "last contact",
            format!("{}  {}", last.date, what.join(": ")),
        )?;
    }
    field("notes", p.notes.as_deref().unwrap_or_default().into())?;
    if knows.is_empty() && c.last_contact.is_none() {
        writeln!(out, "  {DIM}no ties or contact recorded yet{DIM:#}")?;
    }
    Ok(())
}

/// The closing line: how many people were asked about and answers saved.
pub fn summary(out: &mut impl Write, asked: usize, saved: usize) -> io::Result<()> {
    writeln!(
        out,
        "\nasked about {}; {} saved{}",
        count(asked, "person", "people"),
        count(saved, "answer", "answers"),
        if saved > 0 {
            " (`netweb suggest` has more to go on; `netweb undo` takes back the last)"
        } else {
            ""
        }
    )
}
