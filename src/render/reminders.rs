//! Reminders and snoozes, as `due`, `remind` and `snooze` print them.

use std::io::{self, Write};

use anstyle::Style;
use chrono::NaiveDate;

use crate::dates::relative;
use crate::query::due::reminders::{Reminded, Snoozed};
use crate::render::{DIM, ID, NAME, Table};

/// One line per reminder: its date and how far off, its id (for `remind --done`), whom
/// it is about, the text. `headers`: a table of its own (`remind --list`), not a
/// section of `due`.
pub fn write_reminders(
    out: &mut impl Write,
    list: &[Reminded],
    today: NaiveDate,
    headers: bool,
) -> io::Result<()> {
    let mut table = if headers {
        Table::new(&["DATE", "WHEN", "ID", "NAME", "TEXT"])
    } else {
        Table::bare(5, 2)
    }
    .shrink(&[4, 3]);
    for r in list {
        table.row(vec![
            (r.date.to_string(), Style::new()),
            (relative(r.date, today), DIM),
            (r.reference.clone(), ID),
            (r.name.to_string(), NAME),
            (r.text.to_string(), Style::new()),
        ]);
    }
    table.write(out)
}

/// Who is snoozed and until when.
pub fn write_snoozed(out: &mut impl Write, list: &[Snoozed], today: NaiveDate) -> io::Result<()> {
    let mut table = Table::new(&["NAME", "ID", "UNTIL", "BACK"]).shrink(&[0]);
    for s in list {
        table.row(vec![
            (s.name.to_string(), NAME),
            (s.id.to_string(), ID),
            (s.until.to_string(), Style::new()),
            (relative(s.until, today), DIM),
        ]);
    }
    table.write(out)
}
