//! `import`: the plan (with --dry-run) or the summary of what was imported.

use std::io::{self, Write};

use crate::formats::plan::{Action, Entry, Report};
use crate::render::escape::escape;
use crate::render::{DIM, GOOD, ID, NAME, count};

/// A skipped entry as `FILE:LINE: reason` (or `FILE: name: reason` without a line).
pub fn skipped_line(file: &str, e: &Entry) -> String {
    let reason = e.reason.as_deref().unwrap_or("skipped");
    let line = match (e.line, &e.name) {
        (Some(line), _) => format!("{file}:{line}: {reason}"),
        (None, Some(name)) => format!("{file}: {name}: {reason}"),
        (None, None) => format!("{file}: {reason}"),
    };
    // The reason quotes the file's own text.
    escape(&line).into_owned()
}

pub fn write(out: &mut impl Write, r: &Report) -> io::Result<()> {
    if r.dry_run {
        writeln!(
            out,
            "import of {} ({}) would do this; nothing was changed:",
            escape(&r.file),
            r.format
        )?;
        for e in &r.entries {
            let label = match e.action {
                Action::New => "new",
                Action::Merged => "merge",
                Action::Unchanged => continue,
                Action::Skipped => "skip",
            };
            write!(out, "  {label:<6} ")?;
            if e.action == Action::Skipped {
                writeln!(out, "{}", skipped_line(&r.file, e))?;
                continue;
            }
            let name = escape(e.name.as_deref().unwrap_or(""));
            let id = escape(e.id.as_ref().map(|i| i.as_str()).unwrap_or(""));
            write!(out, "{NAME}{name}{NAME:#}  {ID}{id}{ID:#}")?;
            if !e.changed.is_empty() {
                write!(out, "  {DIM}+ {}{DIM:#}", e.changed.join(", "))?;
            }
            if let Some(line) = e.line {
                write!(out, "  {DIM}line {line}{DIM:#}")?;
            }
            writeln!(out)?;
        }
    }
    let verb = if r.dry_run {
        "would import"
    } else {
        "imported"
    };
    write!(
        out,
        "{GOOD}{verb}{GOOD:#} {}: {} new, {} merged, {} unchanged, {} skipped",
        escape(&r.file),
        r.new,
        r.merged,
        r.unchanged,
        r.skipped
    )?;
    let mut more = Vec::new();
    if r.relationships > 0 {
        more.push(count(r.relationships, "relationship", "relationships"));
    }
    if r.interactions > 0 {
        more.push(count(r.interactions, "interaction", "interactions"));
    }
    if r.introductions > 0 {
        more.push(count(r.introductions, "introduction", "introductions"));
    }
    if !more.is_empty() {
        write!(out, "; added {}", more.join(", "))?;
    }
    writeln!(out)
}
