use std::io::{self, Write};

use anstyle::Style;

use crate::query::interests::{TermCount, Vocabulary};
use crate::render::{DIM, HEADER, Table};

const BAR: usize = 12;
/// Without `--all`, each of the four lists shows this many rows, so the whole text stays
/// under 400 lines at any size (a 100k network has tens of thousands of terms).
pub const ROWS: usize = 90;

/// How many of `total` rows to show.
fn shown(total: usize, all: bool) -> usize {
    if all { total } else { total.min(ROWS) }
}

/// "and N more" under a list cut short.
fn more(out: &mut impl Write, total: usize, all: bool) -> io::Result<()> {
    let hidden = total - shown(total, all);
    if hidden > 0 {
        writeln!(
            out,
            "  {DIM}and {hidden} more (`netweb interests --all` lists them all; --json has them too){DIM:#}"
        )?;
    }
    Ok(())
}

fn list(out: &mut impl Write, title: &str, terms: &[TermCount], all: bool) -> io::Result<()> {
    writeln!(
        out,
        "{HEADER}{title}{HEADER:#} {DIM}({}){DIM:#}",
        terms.len()
    )?;
    let most = terms.first().map_or(1, |t| t.people).max(1);
    let mut t = Table::bare(3, 2);
    for term in &terms[..shown(terms.len(), all)] {
        let full = (term.people * BAR).div_ceil(most);
        t.row(vec![
            (term.people.to_string(), Style::new()),
            ("█".repeat(full), DIM),
            (term.term.clone(), Style::new()),
        ]);
    }
    t.write(out)?;
    more(out, terms.len(), all)
}

/// The vocabulary as text; `all` lifts the cap of `ROWS` rows per list.
pub fn write(out: &mut impl Write, v: &Vocabulary, all: bool) -> io::Result<()> {
    list(out, "Interests", &v.interests, all)?;
    writeln!(out)?;
    list(out, "Offers", &v.offers, all)?;
    writeln!(out)?;
    list(out, "Seeks", &v.seeks, all)?;
    if !v.near_duplicates.is_empty() {
        writeln!(out)?;
        let dups = &v.near_duplicates;
        writeln!(
            out,
            "{HEADER}Near-duplicates{HEADER:#} {DIM}({}){DIM:#}",
            dups.len()
        )?;
        let mut t = Table::bare(4, 2);
        for d in &dups[..shown(dups.len(), all)] {
            t.row(vec![
                (d.field.to_string(), DIM),
                (format!("{} ({})", d.a.term, d.a.people), Style::new()),
                (format!("{} ({})", d.b.term, d.b.people), Style::new()),
                (d.why.to_string(), DIM),
            ]);
        }
        t.write(out)?;
        more(out, dups.len(), all)?;
        writeln!(
            out,
            "{DIM}merge one into the other with `netweb interests rename OLD NEW`{DIM:#}"
        )?;
    }
    Ok(())
}
