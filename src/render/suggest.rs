use std::io::{self, Write};

use crate::query::suggest::Suggestion;
use crate::query::suggest::groups::Group;
use crate::render::escape::escape;
use crate::render::{DIM, GOOD, NAME, join_names, write_wrapped};

pub fn pairs(out: &mut impl Write, list: &[Suggestion]) -> io::Result<()> {
    let width = list.len().to_string().len();
    for (i, s) in list.iter().enumerate() {
        writeln!(
            out,
            "{:>width$}. {NAME}{}{NAME:#} and {NAME}{}{NAME:#}  {GOOD}{:.2}{GOOD:#}",
            i + 1,
            escape(&s.names[0]),
            escape(&s.names[1]),
            s.score
        )?;
        write_wrapped(out, width + 2, &s.why, DIM)?;
    }
    Ok(())
}

pub fn groups(out: &mut impl Write, list: &[Group]) -> io::Result<()> {
    let width = list.len().to_string().len();
    for (i, g) in list.iter().enumerate() {
        // A long list of names wraps too, under the first name.
        let names = escape(&join_names(&g.names)).into_owned();
        let room = crate::render::width().map(|w| w.saturating_sub(width + 2 + 6).max(20));
        let lines = crate::render::wrap(&names, room);
        for (j, line) in lines.iter().enumerate() {
            let score = if j + 1 == lines.len() {
                format!("  {GOOD}{:.2}{GOOD:#}", g.score)
            } else {
                String::new()
            };
            if j == 0 {
                writeln!(out, "{:>width$}. {NAME}{line}{NAME:#}{score}", i + 1)?;
            } else {
                writeln!(out, "{:>width$}  {NAME}{line}{NAME:#}{score}", "")?;
            }
        }
        write_wrapped(out, width + 2, &g.why, DIM)?;
    }
    Ok(())
}
