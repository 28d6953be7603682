use std::io::{self, Write};

use anstyle::Style;

use crate::query::interests::{TermCount, Vocabulary};
use crate::render::{DIM, HEADER, Table};

const BAR: usize = 12;

fn list(out: &mut impl Write, title: &str, terms: &[TermCount]) -> io::Result<()> {
    writeln!(
        out,
        "{HEADER}{title}{HEADER:#} {DIM}({}){DIM:#}",
        terms.len()
    )?;
    let most = terms.first().map_or(1, |t| t.people).max(1);
    let mut t = Table::bare(3, 2);
    for term in terms {
        let full = (term.people * BAR).div_ceil(most);
        t.row(vec![
            (term.people.to_string(), Style::new()),
            ("█".repeat(full), DIM),
            (term.term.clone(), Style::new()),
        ]);
    }
    t.write(out)
}

pub fn write(out: &mut impl Write, v: &Vocabulary) -> io::Result<()> {
    list(out, "Interests", &v.interests)?;
    writeln!(out)?;
    list(out, "Offers", &v.offers)?;
    writeln!(out)?;
    list(out, "Seeks", &v.seeks)?;
    if !v.near_duplicates.is_empty() {
        writeln!(out)?;
        writeln!(out, "{HEADER}Near-duplicates{HEADER:#}")?;
        let mut t = Table::bare(4, 2);
        for d in &v.near_duplicates {
            t.row(vec![
                (d.field.to_string(), DIM),
                (format!("{} ({})", d.a.term, d.a.people), Style::new()),
                (format!("{} ({})", d.b.term, d.b.people), Style::new()),
                (d.why.to_string(), DIM),
            ]);
        }
        t.write(out)?;
        writeln!(
            out,
            "{DIM}merge one into the other with `netweb interests rename OLD NEW`{DIM:#}"
        )?;
    }
    Ok(())
}
