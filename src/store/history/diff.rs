//! What a change did to the file's lines, found in time proportional to the change.
//!
//! Two ways in: two whole files (`between`: the common start and end are skipped with a
//! byte comparison, and only the changed middle is split into lines and diffed), or a
//! file and the edits a splice made to it (`edited`: each edit's own lines are diffed,
//! and the rest of the file is never compared or read again). Only the lines a hunk keeps
//! are checked as UTF-8: the whole file was checked when it was read.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// A diff of a huge middle stops refining after this and keeps coarser (larger, still
/// exact) hunks. Generous: the fallback is large, so it is for pathological files only.
const DIFF_DEADLINE: Duration = Duration::from_secs(30);

/// Lines `old` at `at` in the file before became `new` at `at_after` in the file after.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Hunk {
    pub(super) at: usize,
    pub(super) at_after: usize,
    pub(super) old: Vec<String>,
    pub(super) new: Vec<String>,
}

/// A change as line hunks, and how many lines the file had before and after it.
pub(super) struct Lines {
    pub(super) hunks: Vec<Hunk>,
    pub(super) before_lines: usize,
    pub(super) after_lines: usize,
}

/// The bytes `range` of the file before became `text`.
pub(crate) struct Edit<'a> {
    pub(crate) range: std::ops::Range<usize>,
    pub(crate) text: &'a [u8],
}

/// The change from `before` to `after`, both whole files.
pub(super) fn between(before: &[u8], after: &[u8]) -> Result<Lines> {
    let mut hunks = Vec::new();
    let delta = changed_lines(before, after, 0, 0, &mut hunks)?;
    let before_lines = line_count(before);
    Ok(Lines {
        hunks,
        before_lines,
        after_lines: before_lines.checked_add_signed(delta).unwrap_or(0),
    })
}

/// The change `edits` (in order, not overlapping) make to `before`. Each edit is widened
/// to whole lines (edits that share a line are taken together) and only those lines are
/// diffed: `log` on a 13 MB file diffs two lines, not the file.
pub(super) fn edited(before: &[u8], edits: &[Edit]) -> Result<Lines> {
    let line_start = |at: usize| memchr::memrchr(b'\n', &before[..at]).map_or(0, |i| i + 1);
    let line_end =
        |at: usize| memchr::memchr(b'\n', &before[at..]).map_or(before.len(), |i| at + i + 1);
    let mut hunks = Vec::new();
    let (mut counted, mut lines_before) = (0, 0);
    let mut delta = 0isize;
    let mut i = 0;
    while i < edits.len() {
        let start = line_start(edits[i].range.start);
        let mut end = line_end(edits[i].range.end);
        let mut j = i + 1;
        // An edit that starts on the window's lines, or anywhere once the window reaches
        // the end of the file (whose last line may have lost its `\n` to an edit), joins it.
        while j < edits.len() && (line_start(edits[j].range.start) < end || end == before.len()) {
            end = line_end(edits[j].range.end).max(end);
            j += 1;
        }
        // The window's lines after the change: the old bytes with its edits made.
        let mut new = Vec::new();
        let mut from = start;
        for e in &edits[i..j] {
            new.extend_from_slice(&before[from..e.range.start]);
            new.extend_from_slice(e.text);
            from = e.range.end;
        }
        new.extend_from_slice(&before[from..end]);
        lines_before += memchr::memchr_iter(b'\n', &before[counted..start]).count();
        counted = start;
        let at_after = lines_before.checked_add_signed(delta).unwrap_or(0);
        delta += changed_lines(
            &before[start..end],
            &new,
            lines_before,
            at_after,
            &mut hunks,
        )?;
        i = j;
    }
    // The lines before the last window are counted already (`counted` is a line start,
    // so the rest ends as the file does): count only the rest.
    let before_lines = lines_before + line_count(&before[counted..]);
    debug_assert_eq!(before_lines, line_count(before));
    Ok(Lines {
        hunks,
        before_lines,
        after_lines: before_lines.checked_add_signed(delta).unwrap_or(0),
    })
}

/// Appends the hunks that turn `b` into `a` (whole lines, `b` starting at line `at` of
/// the file before and `a` at `at_after` of the file after) and returns how many lines
/// `a` has more than `b`. Common leading and trailing bytes are skipped first (snapped to
/// whole lines), so only the changed middle is split into lines and diffed.
fn changed_lines(
    b: &[u8],
    a: &[u8],
    at: usize,
    at_after: usize,
    hunks: &mut Vec<Hunk>,
) -> Result<isize> {
    let mut head = common_prefix(b, a);
    head = memchr::memrchr(b'\n', &b[..head]).map_or(0, |i| i + 1);
    let max_tail = b.len().min(a.len()) - head;
    let mut tail = common_suffix(b, a).min(max_tail);
    // Snap the tail to start at a line start in both files.
    let line_start = |x: &[u8], tail: usize| x.len() - tail == 0 || x[x.len() - tail - 1] == b'\n';
    while tail > 0 && !(line_start(b, tail) && line_start(a, tail)) {
        tail -= 1;
    }
    let head_lines = memchr::memchr_iter(b'\n', &b[..head]).count();
    let old = std::str::from_utf8(&b[head..b.len() - tail]).context("the old file is not UTF-8")?;
    let new = std::str::from_utf8(&a[head..a.len() - tail]).context("the new file is not UTF-8")?;
    let (old, new) = (split_lines(old), split_lines(new));
    // Patience, not plain Myers: it anchors on lines that occur once on each side (in
    // this file nearly every line: each record names its people), so a change spread over
    // the file (`rm` of someone with relationships everywhere) stays a few small hunks
    // in near-linear time. Myers needs time in proportion to the middle's length times the
    // number of changed lines, and under load (a 2 s deadline on shared cores) gave up
    // on such an `rm` at 100,000 people and recorded the whole middle: 327 MB.
    let ops = similar::capture_diff_slices_deadline(
        similar::Algorithm::Patience,
        &old,
        &new,
        Some(Instant::now() + DIFF_DEADLINE),
    );
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let take = |lines: &[&str], r: std::ops::Range<usize>| {
            lines[r].iter().map(|l| l.to_string()).collect::<Vec<_>>()
        };
        hunks.push(Hunk {
            at: at + head_lines + o.start,
            at_after: at_after + head_lines + n.start,
            old: take(&old, o),
            new: take(&new, n),
        });
    }
    Ok(new.len() as isize - old.len() as isize)
}

/// Lines with their `\n`, so joining them gives the text back exactly.
pub(super) fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// How many lines `split_lines` gives, without building them.
fn line_count(bytes: &[u8]) -> usize {
    let newlines = memchr::memchr_iter(b'\n', bytes).count();
    newlines + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

/// The length of the common start, compared a page at a time (these are whole files).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const STEP: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + STEP <= n && a[i..i + STEP] == b[i..i + STEP] {
        i += STEP;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the common end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const STEP: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + STEP <= n && a[a.len() - i - STEP..a.len() - i] == b[b.len() - i - STEP..b.len() - i]
    {
        i += STEP;
    }
    while i < n && a[a.len() - i - 1] == b[b.len() - i - 1] {
        i += 1;
    }
    i
}
