use std::io::{self, Write};

use anstyle::Style;

use crate::model::Person;
use crate::query::history::Event;
use crate::render::{DIM, HEADER, ID, NAME, Table};

pub fn write(out: &mut impl Write, person: &Person, events: &[Event]) -> io::Result<()> {
    writeln!(
        out,
        "{NAME}{}{NAME:#}  {ID}{}{ID:#}  {HEADER}history{HEADER:#}",
        person.name, person.id
    )?;
    if events.is_empty() {
        return writeln!(out, "  {DIM}nothing recorded yet{DIM:#}");
    }
    let mut table = Table::bare(4, 2).shrink(&[2]);
    for e in events {
        table.row(vec![
            (e.date.to_string(), Style::new()),
            (e.what.to_string(), DIM),
            (e.text.clone(), Style::new()),
            (e.id.clone().unwrap_or_default(), ID),
        ]);
    }
    table.write(out)
}
