//! `sync`: what changed on each side (or, with --dry-run, would), one line per card or
//! person that needed something, then the totals.

use std::io::{self, Write};

use crate::ops::sync::{Action, Entry, Report};
use crate::render::escape::escape;
use crate::render::{DIM, GOOD, ID, NAME};

/// What an entry's action is called in the list, in the past or the conditional.
fn label(a: Action) -> &'static str {
    match a {
        Action::UpdatedPerson => "updated here",
        Action::UpdatedCard => "updated card",
        Action::Merged => "merged",
        Action::NewPerson => "new here",
        Action::NewCard => "new card",
        Action::DeletedPerson => "removed here",
        Action::DeletedCard => "removed card",
        Action::Skipped => "skipped",
    }
}

fn line(out: &mut impl Write, e: &Entry) -> io::Result<()> {
    write!(out, "  {:<12} ", label(e.action))?;
    if let Some(name) = &e.name {
        write!(out, "{NAME}{}{NAME:#}  ", escape(name))?;
    }
    if let Some(id) = &e.id {
        write!(out, "{ID}{}{ID:#}  ", escape(id.as_str()))?;
    }
    if let Some(file) = &e.file {
        write!(out, "{DIM}{}{DIM:#}", escape(file))?;
    }
    writeln!(out)?;
    for c in &e.clashes {
        writeln!(
            out,
            "  {:<12} {}: kept {:?}, the card had {:?} (kept in sync_clashes)",
            "clash",
            c.field,
            escape(&c.kept),
            escape(&c.card)
        )?;
    }
    if let Some(why) = &e.reason {
        let tag = if e.action == Action::Skipped {
            "why"
        } else {
            "kept"
        };
        writeln!(out, "  {tag:<12} {}", escape(why))?;
    }
    Ok(())
}

pub fn write(out: &mut impl Write, r: &Report) -> io::Result<()> {
    if r.dry_run {
        writeln!(
            out,
            "sync with {} would do this; nothing was changed:",
            escape(&r.vdir)
        )?;
    }
    for e in &r.entries {
        line(out, e)?;
    }
    let verb = if r.dry_run { "would sync" } else { "synced" };
    writeln!(
        out,
        "{GOOD}{verb}{GOOD:#} {} cards with {} people ({}): {} unchanged; here {} new, {} updated, \
         {} removed; cards {} new, {} updated, {} removed; {} merged, {} clashes, {} kept, {} skipped",
        r.cards,
        r.people,
        escape(&r.vdir),
        r.unchanged,
        r.new_people,
        r.updated_people,
        r.deleted_people,
        r.new_cards,
        r.updated_cards,
        r.deleted_cards,
        r.merged,
        r.clashes,
        r.kept,
        r.skipped
    )
}
