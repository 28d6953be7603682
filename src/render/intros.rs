use std::io::{self, Write};

use crate::query::intros::Made;
use crate::render::escape::escape;
use crate::render::{DIM, NAME, join_names};

pub fn write(out: &mut impl Write, list: &[Made]) -> io::Result<()> {
    for m in list {
        let note = m
            .note
            .map(|n| format!("  {DIM}{}{DIM:#}", escape(n)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {NAME}{}{NAME:#}{note}",
            m.date,
            escape(&join_names(&m.names))
        )?;
    }
    Ok(())
}
