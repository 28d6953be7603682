//! The last changes to the data file, so `netweb undo` can take them back.
//!
//! Each change is kept as what it did to the file's lines (a line diff, as `diff` would
//! print it), not as a copy of the file: a `log` on a 100,000-person file is a few
//! hundred bytes of history, not a hundred megabytes. The history sits beside the file
//! as `network.json.history` (JSON, owner-only) and holds the last `KEEP` changes.
//!
//! `undo` applies a change backwards; `undo` right after an `undo` applies the same
//! changes forwards again (so it redoes). `undo N` takes back N changes, newest first.
//! A change is only ever applied to the exact lines it left behind (as `patch` does): if
//! those lines were edited by other means since, undo refuses and changes nothing; an
//! edit elsewhere in the file is kept. The result is checked as a load would check it.
//!
//! Recording is best effort: the data is saved first, and a history that cannot be
//! written is reported as a warning, never as a failed command.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

mod diff;

pub(crate) use diff::Edit;
use diff::{Hunk, split_lines};

use super::{parse, read_bytes, save_bytes, sidecar};

/// How many changes the history keeps.
pub const KEEP: usize = 10;

/// And at most this many bytes of them (the newest change is always kept): ordinary
/// changes take hundreds of bytes, but an import into an empty file is the whole file.
pub const MAX_BYTES: usize = 256 << 20;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    version: u32,
    /// Oldest first.
    entries: Vec<Entry>,
    /// How many entries at the end are currently undone (and can be redone).
    #[serde(default)]
    undone: usize,
    /// How many the last `undo` took back, when the last thing done was an undo: a plain
    /// `undo` now redoes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_undo: Option<usize>,
}

/// One change: the command that made it, when, and its hunks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The command line, e.g. `netweb log walter --date yesterday`.
    pub command: String,
    /// When it was made (UTC, RFC 3339).
    pub at: String,
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub undone: bool,
    hunks: Vec<Hunk>,
    before_lines: usize,
    after_lines: usize,
}

/// What the file became, for `record`.
pub(crate) enum After<'a> {
    /// Written whole by a save: read back from the file.
    Saved,
    /// The file before with these edits made (a splice): nothing is read back.
    Edited(&'a [Edit<'a>]),
}

/// Records the change from `before` (the file as the change read it under the lock; empty
/// when there was none) to `after`. Best effort: a problem is a warning on stderr, the
/// change itself is already saved.
pub(crate) fn record(target: &Path, before: &[u8], after: After) {
    if let Err(e) = try_record(target, before, after) {
        let _ = writeln!(
            std::io::stderr(),
            "netweb: warning: this change cannot be undone: {e:#}"
        );
    }
}

fn try_record(target: &Path, before: &[u8], after: After) -> Result<()> {
    let lines = match after {
        After::Saved => {
            let after = read_bytes(target)?.context("the data file vanished")?;
            diff::between(before, &after)?
        }
        After::Edited(edits) => diff::edited(before, edits)?,
    };
    let entry = Entry::new(command_line(), lines);
    let path = history_path(target);
    let mut journal = Journal::read(&path).unwrap_or_default();
    let keep = journal.entries.len() - journal.undone;
    journal.entries.truncate(keep);
    journal.entries.push(entry);
    let excess = journal.entries.len().saturating_sub(KEEP);
    journal.entries.drain(..excess);
    while journal.entries.len() > 1
        && journal.entries.iter().map(Entry::size).sum::<usize>() > MAX_BYTES
    {
        journal.entries.remove(0);
    }
    journal.undone = 0;
    journal.last_undo = None;
    journal.write(&path)
}

/// What `undo` did.
#[derive(Debug, Serialize)]
pub struct Undone {
    /// `undo` (taken back) or `redo` (made again).
    pub action: &'static str,
    /// The changes, in the order they were applied.
    pub changes: Vec<Entry>,
}

/// The recorded changes, newest first (for `undo --list`).
pub fn list(target: &Path) -> Result<Vec<Entry>> {
    let target = super::resolve_symlinks(target)?;
    let journal = Journal::read(&history_path(&target))?;
    let n = journal.entries.len();
    let mut out: Vec<Entry> = journal.entries;
    for (i, e) in out.iter_mut().enumerate() {
        e.undone = i >= n - journal.undone;
    }
    out.reverse();
    Ok(out)
}

/// Takes back the last `steps` changes, or (with `None`, right after an undo) redoes
/// what that undo took back.
pub fn undo(path: &Path, steps: Option<usize>) -> Result<Undone> {
    let target = super::resolve_symlinks(path)?;
    let hpath = history_path(&target);
    let nothing = || {
        anyhow::anyhow!(
            "there is nothing to undo: the history of {} is empty (it keeps the last {KEEP} \
             changes netweb made)",
            target.display()
        )
    };
    if !hpath.exists() {
        return Err(nothing());
    }
    let (target, lock) = super::lock_for_writing(path)?;
    let mut journal = Journal::read(&hpath)?;
    let len = journal.entries.len();
    let done = len - journal.undone;
    let mut bytes = read_bytes(&target)?.map(|b| b.to_vec()).unwrap_or_default();
    let mut applied = Vec::new();
    let action = match (steps, journal.last_undo) {
        (None, Some(n)) if n <= journal.undone => {
            for e in &journal.entries[done..done + n] {
                bytes = e.apply(&bytes, true)?;
                applied.push(e.clone());
            }
            journal.undone -= n;
            journal.last_undo = None;
            "redo"
        }
        _ => {
            let n = steps.unwrap_or(1);
            if done == 0 {
                return Err(nothing());
            }
            if n > done {
                bail!(
                    "only {done} change{} can be undone (the history keeps the last {KEEP})",
                    if done == 1 { "" } else { "s" }
                );
            }
            for e in journal.entries[done - n..done].iter().rev() {
                bytes = e.apply(&bytes, false)?;
                applied.push(e.clone());
            }
            journal.undone += n;
            journal.last_undo = Some(n);
            "undo"
        }
    };
    // What is written must be a file netweb reads: check it as a load would.
    if !bytes.is_empty() {
        parse(&target, &bytes).context(
            "internal error: an undo gave a file that does not load; nothing was changed",
        )?;
    }
    save_bytes(&target, &lock, &[&bytes])?;
    journal.write(&hpath)?;
    Ok(Undone {
        action,
        changes: applied,
    })
}

impl Entry {
    /// Applies the change forwards (`redo`) or backwards to `bytes`, which must be exactly
    /// the lines the change was last applied to.
    fn apply(&self, bytes: &[u8], forwards: bool) -> Result<Vec<u8>> {
        let text = std::str::from_utf8(bytes).context("the data file is not UTF-8")?;
        let lines = split_lines(text);
        let want_len = if forwards {
            self.before_lines
        } else {
            self.after_lines
        };
        let changed_since = || {
            anyhow::anyhow!(
                "the data file was changed since `{}` by something other than netweb, so \
                 that change cannot be {}; nothing was changed",
                self.command,
                if forwards { "redone" } else { "undone" }
            )
        };
        if lines.len() != want_len {
            return Err(changed_since());
        }
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for h in &self.hunks {
            let (at, expect, put) = if forwards {
                (h.at, &h.old, &h.new)
            } else {
                (h.at_after, &h.new, &h.old)
            };
            if at < pos || at + expect.len() > lines.len() {
                return Err(changed_since());
            }
            if lines[at..at + expect.len()]
                .iter()
                .zip(expect)
                .any(|(a, b)| *a != b.as_str())
            {
                return Err(changed_since());
            }
            lines[pos..at].iter().for_each(|l| out.push_str(l));
            put.iter().for_each(|l| out.push_str(l));
            pos = at + expect.len();
        }
        lines[pos..].iter().for_each(|l| out.push_str(l));
        Ok(out.into_bytes())
    }

    /// Whether the change touched lines that name this id (for `history PERSON`).
    /// A line that only gained or lost its trailing comma (the element before one added
    /// at the end of an array) is not a change to what it says.
    pub fn mentions(&self, id: &str) -> bool {
        let quoted = format!("\"{id}\"");
        let bare = |l: &String| l.trim_end().trim_end_matches(',').to_string();
        self.hunks.iter().any(|h| {
            let old: Vec<String> = h.old.iter().map(bare).collect();
            let new: Vec<String> = h.new.iter().map(bare).collect();
            let gone = old.iter().filter(|l| !new.contains(l));
            let came = new.iter().filter(|l| !old.contains(l));
            gone.chain(came).any(|l| l.contains(&quoted))
        })
    }

    /// The bytes this entry takes in the history (its hunks' text).
    pub fn size(&self) -> usize {
        self.hunks
            .iter()
            .flat_map(|h| h.old.iter().chain(&h.new))
            .map(String::len)
            .sum()
    }
}

impl Entry {
    fn new(command: String, lines: diff::Lines) -> Entry {
        Entry {
            command,
            at: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            undone: false,
            hunks: lines.hunks,
            before_lines: lines.before_lines,
            after_lines: lines.after_lines,
        }
    }
}

/// The change from `before` to `after`, both whole (the tests' way in).
#[cfg(test)]
fn diff(before: &[u8], after: &[u8], command: String) -> Result<Entry> {
    Ok(Entry::new(command, diff::between(before, after)?))
}

/// `netweb` and its arguments as typed, quoted where they hold spaces.
fn command_line() -> String {
    let mut words = vec!["netweb".to_string()];
    for a in std::env::args().skip(1) {
        if a.is_empty() || a.contains(char::is_whitespace) || a.contains('"') {
            words.push(format!("{a:?}"));
        } else {
            words.push(a);
        }
    }
    words.join(" ")
}

pub fn history_path(target: &Path) -> PathBuf {
    sidecar(target, "history")
}

impl Journal {
    fn read(path: &Path) -> Result<Journal> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| {
                format!(
                    "the undo history {} is damaged; remove it to start a new one",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Journal {
                version: 1,
                ..Journal::default()
            }),
            Err(e) => Err(e).with_context(|| format!("could not read {}", path.display())),
        }
    }

    fn write(&self, path: &Path) -> Result<()> {
        let dir = super::parent_dir(path);
        let mut tmp = tempfile::Builder::new()
            .prefix(".netweb-history-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("could not write {}", path.display()))?;
        // One write, not one per token: serde_json writes a token at a time.
        tmp.write_all(&serde_json::to_vec(self)?)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("could not write {}", path.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
