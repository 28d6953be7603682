//! Human output: aligned tables and a few styles, from the same structs `--json` prints.
//! Everything writes to a `Write` so a closed pipe surfaces as an error, not a panic.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

pub mod calendar;
pub mod due;
pub mod escape;
pub mod history;
pub mod import;
pub mod infer;
pub mod interests;
pub mod intros;
pub mod list;
pub mod path;
pub mod profile;
pub mod reminders;
pub mod stats;
pub mod suggest;
pub mod sync;
pub mod triage;

pub const HEADER: Style = Style::new().bold().underline();
pub const NAME: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const ID: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
pub const GOOD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

/// The width output must fit, settled once per run (`set_width`); `None`: do not wrap
/// or cut (output to a pipe or file without `COLUMNS`, so scripts get every character).
static WIDTH: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();

/// The terminal's width when stdout is one; otherwise `COLUMNS` if set; otherwise none.
pub fn detect_width() -> Option<usize> {
    use std::io::IsTerminal;
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0)
    };
    if io::stdout().is_terminal() {
        terminal_size::terminal_size_of(io::stdout())
            .map(|(w, _)| usize::from(w.0))
            .or_else(columns)
    } else {
        columns()
    }
}

pub fn set_width(width: Option<usize>) {
    let _ = WIDTH.set(width);
}

/// The width to fit, if any (see `WIDTH`).
pub fn width() -> Option<usize> {
    WIDTH.get().copied().flatten()
}

/// Words of `text` in lines of at most `width` columns (a longer word gets a line of its
/// own); without a width, one line.
pub fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width else {
        return vec![text.to_string()];
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes `text` wrapped to the output width with every line indented by `indent`
/// (and the first line too), in `style`.
pub fn write_wrapped(
    out: &mut impl Write,
    indent: usize,
    text: &str,
    style: Style,
) -> io::Result<()> {
    let room = width().map(|w| w.saturating_sub(indent).max(20));
    for line in text.lines() {
        // Shown with control characters visible, as every printed string.
        for part in wrap(&escape::escape(line), room) {
            write_spaces(out, indent)?;
            writeln!(out, "{style}{part}{style:#}")?;
        }
    }
    Ok(())
}

/// Left-aligned columns separated by two spaces. Cells are measured by display width,
/// so accented and wide names line up. Written by hand because the table crates either
/// pull in a terminal library to colour cells or draw borders we do not want.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<(String, Style)>>,
    indent: usize,
    /// Which columns give up width when the table is too wide, first to last; `None`:
    /// from the last column leftwards.
    shrink: Option<Vec<usize>>,
    /// Columns left out rather than cut too far (`optional`).
    optional: Vec<usize>,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Self {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
            indent: 0,
            shrink: None,
            optional: Vec::new(),
        }
    }

    /// A table without a header row, indented: a list under a heading.
    pub fn bare(columns: usize, indent: usize) -> Self {
        Table {
            headers: vec![""; columns],
            rows: Vec::new(),
            indent,
            shrink: None,
            optional: Vec::new(),
        }
    }

    pub fn row(&mut self, mut cells: Vec<(String, Style)>) {
        // Cells hold names, terms and notes: shown with control characters visible.
        for (cell, _) in &mut cells {
            if let std::borrow::Cow::Owned(safe) = escape::escape(cell) {
                *cell = safe;
            }
        }
        self.rows.push(cells);
    }

    /// The columns that give up width to fit the terminal, in that order; the others
    /// (ids, numbers) are never cut.
    pub fn shrink(mut self, order: &[usize]) -> Self {
        self.shrink = Some(order.to_vec());
        self
    }

    /// Columns that are left out, rather than cut below `USEFUL` columns, when the
    /// table does not fit (what was said in `due`: the rest of the row matters more).
    pub fn optional(mut self, columns: &[usize]) -> Self {
        self.optional = columns.to_vec();
        self
    }

    /// Column widths that fit `width` (`None`: the column is left out): columns shrink in
    /// priority order, each down to its header's width (at least 8), cells cut with an
    /// ellipsis; an optional column that would end narrower than `USEFUL` is left out.
    fn fit(&self, natural: Vec<usize>, width: Option<usize>) -> Vec<Option<usize>> {
        const USEFUL: usize = 16;
        let Some(width) = width else {
            return natural.into_iter().map(Some).collect();
        };
        let order: Vec<usize> = match &self.shrink {
            Some(o) => o.clone(),
            None => (0..natural.len()).rev().collect(),
        };
        let mut hidden = vec![false; natural.len()];
        loop {
            let mut widths = natural.clone();
            let shown = hidden.iter().filter(|h| !**h).count();
            let total = |w: &[usize]| {
                self.indent
                    + w.iter()
                        .zip(&hidden)
                        .filter(|(_, h)| !**h)
                        .map(|(w, _)| w)
                        .sum::<usize>()
                    + 2 * shown.saturating_sub(1)
            };
            for &i in order.iter().filter(|&&i| !hidden[i]) {
                let over = total(&widths).saturating_sub(width);
                if over == 0 {
                    break;
                }
                let floor = self.headers[i].width().max(8).min(widths[i]);
                widths[i] -= over.min(widths[i] - floor);
            }
            let cut_too_far = self
                .optional
                .iter()
                .find(|&&i| !hidden[i] && widths[i] < natural[i].min(USEFUL));
            match cut_too_far {
                Some(&i) => hidden[i] = true,
                None => {
                    return widths
                        .into_iter()
                        .zip(hidden)
                        .map(|(w, h)| (!h).then_some(w))
                        .collect();
                }
            }
        }
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, (cell, _)) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let fitted = self.fit(widths, width());
        let widths: Vec<usize> = fitted.iter().flatten().copied().collect();
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
            let row: Vec<&(String, Style)> = row
                .iter()
                .zip(&fitted)
                .filter(|(_, w)| w.is_some())
                .map(|(c, _)| c)
                .collect();
            // Trailing empty cells are not padded: no line ends in spaces.
            let last = row
                .iter()
                .rposition(|(cell, _)| !cell.is_empty())
                .unwrap_or(0);
            let row = &row[..row.len().min(last + 1)];
            for (i, (cell, style)) in row.iter().enumerate() {
                let cell = &truncate(cell, widths[i]);
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

// Sentence helpers live in `text`, where the core can use them too.
pub use crate::text::{count, join_names};

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
