use std::io::{self, Write};

use crate::query::intros::Made;
use crate::render::{DIM, NAME, join_names};

pub fn write(out: &mut impl Write, list: &[Made]) -> io::Result<()> {
    for m in list {
        let note = m
            .note
            .map(|n| format!("  {DIM}{n}{DIM:#}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {NAME}{}{NAME:#}{note}",
            m.date,
            join_names(&m.names)
        )?;
    }
    Ok(())
}
