use std::io::{self, Write};

use anstyle::Style;

use crate::query::list::Row;
use crate::render::{DIM, ID, NAME, Table, truncate};

/// Interests are cut to this width so a row fits an ordinary terminal.
const INTERESTS_WIDTH: usize = 40;

pub fn write(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let mut table = Table::new(&["NAME", "ID", "COMPANY", "KNOWS", "INTERESTS"]);
    for row in rows {
        let p = row.person;
        table.row(vec![
            (p.name.clone(), NAME),
            (p.id.to_string(), ID),
            (p.company.clone().unwrap_or_default(), Style::new()),
            (row.degree.to_string(), Style::new()),
            (truncate(&p.interests.join(", "), INTERESTS_WIDTH), DIM),
        ]);
    }
    table.write(out)
}
