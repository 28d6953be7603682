use std::io::{self, Write};

use crate::query::suggest::Suggestion;
use crate::query::suggest::groups::Group;
use crate::render::escape::escape;
use crate::render::{DIM, GOOD, NAME, join_names};

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
        writeln!(out, "{:>width$}  {DIM}{}{DIM:#}", "", escape(&s.why))?;
    }
    Ok(())
}

pub fn groups(out: &mut impl Write, list: &[Group]) -> io::Result<()> {
    let width = list.len().to_string().len();
    for (i, g) in list.iter().enumerate() {
        writeln!(
            out,
            "{:>width$}. {NAME}{}{NAME:#}  {GOOD}{:.2}{GOOD:#}",
            i + 1,
            escape(&join_names(&g.names)),
            g.score
        )?;
        writeln!(out, "{:>width$}  {DIM}{}{DIM:#}", "", escape(&g.why))?;
    }
    Ok(())
}
