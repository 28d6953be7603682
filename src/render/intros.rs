use std::io::{self, Write};

use anstyle::Style;

use crate::query::intros::Made;
use crate::render::{DIM, ID, NAME, Table, join_names};

pub fn write(out: &mut impl Write, list: &[Made]) -> io::Result<()> {
    let mut table = Table::new(&["DATE", "ID", "PEOPLE", "NOTE"]).shrink(&[3, 2]);
    for m in list {
        table.row(vec![
            (m.date.to_string(), Style::new()),
            (m.id.clone(), ID),
            (join_names(&m.names), NAME),
            (m.note.unwrap_or_default().to_string(), DIM),
        ]);
    }
    table.write(out)
}
