//! Human output: aligned tables and a few styles, from the same structs `--json` prints.
//! Everything writes to a `Write` so a closed pipe surfaces as an error, not a panic.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

pub mod due;
pub mod history;
pub mod import;
pub mod interests;
pub mod intros;
pub mod list;
pub mod path;
pub mod profile;
pub mod stats;
pub mod suggest;

pub const HEADER: Style = Style::new().bold().underline();
pub const NAME: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const ID: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
pub const GOOD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

/// Left-aligned columns separated by two spaces. Cells are measured by display width,
/// so accented and wide names line up. Written by hand because the table crates either
/// pull in a terminal library to colour cells or draw borders we do not want.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<(String, Style)>>,
    indent: usize,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Self {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
            indent: 0,
        }
    }

    /// A table without a header row, indented: a list under a heading.
    pub fn bare(columns: usize, indent: usize) -> Self {
        Table {
            headers: vec![""; columns],
            rows: Vec::new(),
            indent,
        }
    }

    pub fn row(&mut self, cells: Vec<(String, Style)>) {
        self.rows.push(cells);
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, (cell, _)) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let header: Vec<(String, Style)> = self
            .headers
            .iter()
            .map(|h| (h.to_string(), HEADER))
            .collect();
        let skip_header = self.headers.iter().all(|h| h.is_empty());
        for row in std::iter::once(&header)
            .skip(usize::from(skip_header))
            .chain(&self.rows)
        {
            // Padding is written as spaces rather than a format width: a width over
            // u16::MAX (a 10 MB cell in a hand-edited file) panics in `fmt`.
            write_spaces(out, self.indent)?;
            // Trailing empty cells are not padded: no line ends in spaces.
            let last = row
                .iter()
                .rposition(|(cell, _)| !cell.is_empty())
                .unwrap_or(0);
            let row = &row[..row.len().min(last + 1)];
            for (i, (cell, style)) in row.iter().enumerate() {
                write!(out, "{style}{cell}{style:#}")?;
                if i < last {
                    write_spaces(out, widths[i] - cell.width() + 2)?;
                }
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

fn write_spaces(out: &mut impl Write, mut n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    while n > 0 {
        let k = n.min(SPACES.len());
        out.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// Cuts text to a display width, marking the cut with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() >= max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// "1 person", "2 people": counts in sentences read naturally.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "A and B", "A, B and C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut t = Table::new(&["NAME", "ID"]);
        t.row(vec![
            ("Zoë".into(), Style::new()),
            ("zoe".into(), Style::new()),
        ]);
        t.row(vec![
            ("Bartholomew".into(), Style::new()),
            ("bart".into(), Style::new()),
        ]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let plain = anstream::adapter::strip_str(&text).to_string();
        assert_eq!(
            plain,
            "NAME         ID\nZoë          zoe\nBartholomew  bart\n"
        );
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("bookbinding", 5), "book…");
        assert_eq!(truncate("rust", 5), "rust");
    }
}
