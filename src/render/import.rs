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

/// Each value left out of an entry's person as `FILE:LINE: kept NAME without ...`.
pub fn warning_lines(file: &str, e: &Entry) -> Vec<String> {
    e.warnings
        .iter()
        .map(|w| match e.line {
            Some(line) => format!("{file}:{line}: {w}"),
            None => format!("{file}: {w}"),
        })
        .collect()
}

pub fn write(out: &mut impl Write, r: &Report) -> io::Result<()> {
    if r.dry_run {
        writeln!(
            out,
            "import of {} ({}, read as {}) would do this; nothing was changed:",
            escape(&r.file),
            r.format,
            r.encoding
        )?;
        for e in &r.entries {
            let label = match e.action {
                Action::New => "new",
                Action::Merged => "merge",
                Action::Unchanged if e.warnings.is_empty() => continue,
                Action::Unchanged => "same",
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
            for w in warning_lines(&r.file, e) {
                writeln!(out, "  {:<6} {w}", "warn")?;
            }
        }
    }
    let verb = if r.dry_run {
        "would import"
    } else {
        "imported"
    };
    write!(
        out,
        "{GOOD}{verb}{GOOD:#} {} ({}, read as {}): {} new, {} merged, {} unchanged, {} skipped",
        escape(&r.file),
        r.format,
        r.encoding,
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
    if r.reminders > 0 {
        more.push(count(r.reminders, "reminder", "reminders"));
    }
    if !more.is_empty() {
        write!(out, "; added {}", more.join(", "))?;
    }
    writeln!(out)
}
