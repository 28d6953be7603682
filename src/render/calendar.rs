//! `import FILE.ics`: the plan (with --dry-run: every interaction, tie and person to add)
//! or the summary, and the people on the events who are no contacts.

use std::io::{self, Write};

use crate::formats::ics::events::Skip;
use crate::formats::ics::plan::Report;
use crate::formats::ics::unknown::Unknown;
use crate::model::Network;
use crate::render::escape::escape;
use crate::render::{DIM, GOOD, NAME, count, join_names};

/// How many unknown people the human output lists (`--json` has them all).
const UNKNOWN_SHOWN: usize = 15;

/// A skipped event as `FILE: event 3 "Standup" (uid ...): reason`.
pub fn skipped_line(file: &str, s: &Skip) -> String {
    escape(&format!("{file}: {}: {}", s.event, s.reason)).into_owned()
}

/// The report; `after` (the network as the plan leaves it) names the people in the
/// dry run's list of what would be logged.
pub fn write(out: &mut impl Write, r: &Report, after: Option<&Network>) -> io::Result<()> {
    if let (true, Some(net)) = (r.dry_run, after) {
        writeln!(
            out,
            "import of {} (calendar) would do this; nothing was changed:",
            escape(&r.file)
        )?;
        for u in r.unknown.iter().filter(|u| u.added.is_some()) {
            writeln!(out, "  {:<6} {NAME}{}{NAME:#}", "add", escape(&who(u)))?;
        }
        for i in &r.logged {
            let names: Vec<&str> = i.people.iter().map(|id| net.name_of(id)).collect();
            write!(
                out,
                "  {:<6} {}  {}",
                "log",
                i.date,
                escape(&join_names(&names))
            )?;
            if let Some(note) = &i.note {
                write!(out, "  {DIM}{}{DIM:#}", escape(note))?;
            }
            writeln!(out)?;
        }
        for t in &r.tied {
            writeln!(
                out,
                "  {:<6} {} and {}  {DIM}{}{DIM:#}",
                "tie",
                escape(net.name_of(&t.a)),
                escape(net.name_of(&t.b)),
                escape(t.inferred.as_deref().unwrap_or(""))
            )?;
        }
        for s in &r.skipped {
            writeln!(out, "  {:<6} {}", "skip", skipped_line(&r.file, s))?;
        }
    }
    let verb = if r.dry_run {
        "would import"
    } else {
        "imported"
    };
    writeln!(
        out,
        "{GOOD}{verb}{GOOD:#} {} (calendar): {} read, {} logged, {} inferred, {} unmatched",
        escape(&r.file),
        count(r.events, "event", "events"),
        count(r.interactions, "interaction", "interactions"),
        count(r.ties, "tie", "ties"),
        count(r.unmatched, "person", "people"),
    )?;
    let mut more = Vec::new();
    for (n, one, many) in [
        (r.added, "contact added", "contacts added"),
        (
            r.updated,
            "logged meeting with people added",
            "logged meetings with people added",
        ),
        (r.unchanged, "already logged", "already logged"),
        (
            r.without_contacts,
            "past occurrence without contacts",
            "past occurrences without contacts",
        ),
        (r.cancelled, "cancelled", "cancelled"),
        (r.future, "event still to come", "events still to come"),
        (r.skipped.len(), "event skipped", "events skipped"),
    ] {
        if n > 0 {
            more.push(count(n, one, many));
        }
    }
    if !more.is_empty() {
        writeln!(out, "  {DIM}{}{DIM:#}", more.join(", "))?;
    }
    let unknown: Vec<&Unknown> = r.unknown.iter().filter(|u| u.added.is_none()).collect();
    if !unknown.is_empty() {
        writeln!(
            out,
            "on the events but not contacts (add those seen at least N times with --add-unknown N):"
        )?;
        for u in unknown.iter().take(UNKNOWN_SHOWN) {
            writeln!(out, "  {:>4}  {}", u.events, escape(&who(u)))?;
        }
        if unknown.len() > UNKNOWN_SHOWN {
            writeln!(
                out,
                "  {DIM}and {} more (--json lists them all){DIM:#}",
                unknown.len() - UNKNOWN_SHOWN
            )?;
        }
    }
    Ok(())
}

/// "Zed Zedson <zed@example.org>", or whichever of the two is known.
fn who(u: &Unknown) -> String {
    match (&u.name, &u.email) {
        (Some(n), Some(e)) => format!("{n} <{e}>"),
        (Some(n), None) => n.clone(),
        (None, Some(e)) => e.clone(),
        (None, None) => String::new(),
    }
}
