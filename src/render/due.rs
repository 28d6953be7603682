use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;

use crate::dates::{relative, span};
use crate::query::due::occasions::{Kind, Occasion};
use crate::query::due::{CountedFrom, Due, Report, TagCadence};
use crate::render::{DIM, HEADER, NAME, Table, join_names};

const LATE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));

pub fn write(out: &mut impl Write, report: &Report, today: NaiveDate) -> io::Result<()> {
    if !report.reminders.is_empty() {
        writeln!(out, "{HEADER}Reminders{HEADER:#}")?;
        super::reminders::write_reminders(out, &report.reminders, today, false)?;
    }
    if !report.due.is_empty() {
        if !report.reminders.is_empty() {
            writeln!(out)?;
        }
        // To fit the terminal: what was said gives way first (and goes, rather than be cut
        // to a stub), then the last contact, the name and the cadence; how late never.
        let mut table = Table::new(&["NAME", "EVERY", "LAST CONTACT", "WHAT", "LATE"])
            .shrink(&[3, 2, 0, 1])
            .optional(&[3]);
        for d in &report.due {
            let every = match d.cadence_tag {
                Some(tag) => format!("{} ({tag})", d.cadence),
                None => d.cadence.clone(),
            };
            table.row(vec![
                (d.name.to_string(), NAME),
                (every, Style::new()),
                (last_contact(d, today), Style::new()),
                (what(d), DIM),
                lateness(d),
            ]);
        }
        table.write(out)?;
    }
    if !report.follow_ups.is_empty() {
        if !report.due.is_empty() || !report.reminders.is_empty() {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{HEADER}Follow up on introductions{HEADER:#}  {DIM}no contact with them since{DIM:#}"
        )?;
        let mut table = Table::bare(4, 2).shrink(&[3, 2]);
        for f in &report.follow_ups {
            table.row(vec![
                (f.date.to_string(), Style::new()),
                (relative(f.date, today), DIM),
                (join_names(&f.names), NAME),
                (f.note.unwrap_or_default().to_string(), DIM),
            ]);
        }
        table.write(out)?;
    }
    if !report.occasions.is_empty() {
        if !report.due.is_empty() || !report.follow_ups.is_empty() || !report.reminders.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "{HEADER}Birthdays and anniversaries{HEADER:#}")?;
        let mut table = Table::bare(3, 2);
        for o in &report.occasions {
            table.row(vec![
                (o.next.to_string(), Style::new()),
                (o.name.to_string(), NAME),
                (occasion(o), DIM),
            ]);
        }
        table.write(out)?;
    }
    Ok(())
}

/// "birthday today (turns 36)", "anniversary in 5 days (10 years)".
pub fn occasion(o: &Occasion) -> String {
    let when = match o.days_until {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {}", span(n)),
    };
    let (what, years) = match (o.kind, o.years) {
        (Kind::Birthday, Some(y)) => ("birthday", format!(" (turns {y})")),
        (Kind::Anniversary, Some(y)) => ("anniversary", format!(" ({y} years)")),
        (Kind::Birthday, None) => ("birthday", String::new()),
        (Kind::Anniversary, None) => ("anniversary", String::new()),
    };
    format!("{what} {when}{years}")
}

/// "2026-04-19 (7 months ago)", or "never logged, added 2026-01-02".
fn last_contact(d: &Due, today: NaiveDate) -> String {
    if let Some(date) = d.last_contact {
        return format!("{date} ({})", relative(date, today));
    }
    match (d.counted_from, d.start) {
        (CountedFrom::Met, Some(s)) => format!("never logged, met {s}"),
        (CountedFrom::Added, Some(s)) => format!("never logged, added {s}"),
        _ => "never logged".to_string(),
    }
}

/// "call: Birthday call", "coffee", "introduction: rust mentoring".
fn what(d: &Due) -> String {
    match (d.last_kind, d.last_note) {
        (Some(k), Some(n)) => format!("{k}: {n}"),
        (Some(k), None) => k.to_string(),
        (None, Some(n)) => n.to_string(),
        (None, None) if d.last_contact.is_some() => "contact".to_string(),
        (None, None) => String::new(),
    }
}

/// "3 weeks late", "due today", "due in 5 days".
fn lateness(d: &Due) -> (String, Style) {
    match d.days_late {
        0 => ("due today".to_string(), Style::new()),
        n if n > 0 => (format!("{} late", span(n)), LATE),
        n => (format!("due in {}", span(n)), Style::new()),
    }
}

pub fn write_cadences(out: &mut impl Write, list: &[TagCadence]) -> io::Result<()> {
    let mut table = Table::new(&["TAG", "EVERY", "PEOPLE"]);
    for t in list {
        let people = match t.own_cadence {
            0 => t.people.to_string(),
            n => format!("{} ({n} with their own cadence)", t.people),
        };
        table.row(vec![
            (t.tag.to_string(), NAME),
            (t.every.unwrap_or("none").to_string(), Style::new()),
            (people, DIM),
        ]);
    }
    table.write(out)
}
