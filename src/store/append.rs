//! Adding people, relationships and interactions to a large file without decoding all of
//! it.
//!
//! `netweb add` and `netweb log` only need to know who is already there (ids and names)
//! and to put a person (and perhaps a few relationships) or an interaction at the end of
//! an array. On a file of 100,000 people and a million relationships, decoding every
//! record, checking it and writing it all out again took seconds; the new entries are a
//! few hundred bytes.
//!
//! So for a large file, `append` reads the top level once (which checks the JSON syntax
//! of everything), decodes each person's `id`, `name` and `every` only, checks the
//! people as a full load would (unique non-empty ids, names, cadences), and writes the
//! old bytes unchanged with the new entries spliced in, through the same atomic save as
//! every other write. Relationships, interactions and introductions are checked for
//! syntax only: these commands neither read nor change them, and the next command that
//! loads the whole file reports any problem a hand edit left in them, as it would have
//! anyway. Small files (most files) take the ordinary path, which checks everything; so
//! does a large file whose shape the splice does not handle (then nothing is lost, it is
//! only slower).

use std::borrow::Cow;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::history::{self, After, Edit};
use super::{FORMAT_VERSION, Network, encode, lock_for_writing, save_bytes, sidecar, target};
use super::{located, parse, refuse_newer, refuse_problems, save};
use crate::model::{Interaction, Person, PersonId, Relationship};

/// Files smaller than this are loaded whole: under a few megabytes that takes a few tens
/// of milliseconds, and the full check is worth more than the time.
pub const SPLICE_FROM_BYTES: usize = 8 << 20;

/// What a change adds: new people, relationships and interactions, nothing else.
#[derive(Debug, Default)]
pub struct Appended {
    pub people: Vec<Person>,
    pub relationships: Vec<Relationship>,
    pub interactions: Vec<Interaction>,
}

/// Runs `build` under the lock with the people already in the file (on a large file only
/// their ids, names and cadences are filled in) and saves what it returns. Returns
/// `build`'s value.
pub fn append<T>(path: &Path, build: impl FnOnce(&Network) -> Result<(T, Appended)>) -> Result<T> {
    append_from(path, SPLICE_FROM_BYTES, build)
}

fn append_from<T>(
    path: &Path,
    splice_from: usize,
    build: impl FnOnce(&Network) -> Result<(T, Appended)>,
) -> Result<T> {
    let (target, lock) = lock_for_writing(path)?;
    // Read into memory, not mapped: see `target::read_data`. These bytes are also what
    // `netweb undo` records the change against.
    let bytes = target::read_data(&target)?;
    if let Some(bytes) = &bytes {
        target::refuse_blank(&target, bytes, &sidecar(&target, "bak"))?;
    }
    if let Some(bytes) = &bytes
        && bytes.len() >= splice_from.max(1)
        && let Some(top) = Top::read(bytes)
    {
        let roster = top.roster(&target)?;
        refuse_newer(&target, roster.version)?;
        let (value, added) = build(&roster)?;
        let inserts = top.splice(&added)?;
        let pieces = top.pieces(&inserts);
        #[cfg(debug_assertions)]
        same_as_a_full_write(&target, bytes, &pieces, &added);
        save_bytes(&target, &lock, &pieces)?;
        history::record(&target, bytes, After::Edited(&top.edits(bytes, &inserts)));
        return Ok(value);
    }

    let mut net = match &bytes {
        Some(bytes) => parse(&target, bytes)?,
        _ => Network::default(),
    };
    refuse_newer(&target, net.version)?;
    let (value, added) = build(&net)?;
    net.people.extend(added.people);
    net.relationships.extend(added.relationships);
    net.interactions.extend(added.interactions);
    #[cfg(debug_assertions)]
    assert!(
        crate::validate::problems(&net).is_empty(),
        "an append broke the network"
    );
    save(&target, &lock, &net)?;
    drop(net);
    history::record(&target, bytes.as_deref().unwrap_or_default(), After::Saved);
    Ok(value)
}

/// The top level of the file: the version, and where the arrays that grow are.
struct Top<'a> {
    version: u32,
    /// The text of the file after any byte-order mark.
    text: &'a str,
    people: Option<&'a RawValue>,
    relationships: Option<&'a RawValue>,
    interactions: Option<&'a RawValue>,
}

/// `None` only for a missing key: an explicit `null` is kept as a value (and then refused
/// as not an array), or a new key would be added beside it.
#[derive(Deserialize)]
struct RawTop<'a> {
    #[serde(default, deserialize_with = "present")]
    version: Option<u32>,
    #[serde(borrow, default, deserialize_with = "present")]
    people: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    relationships: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    interactions: Option<&'a RawValue>,
}

fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// The fields of a person that `add` and the people checks read.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    every: Option<Cow<'a, str>>,
}

impl<'a> Top<'a> {
    /// `None` when the file is not one the splice handles: not UTF-8, not valid JSON
    /// (the full load then names the line and column), or arrays that are not arrays.
    fn read(bytes: &'a [u8]) -> Option<Top<'a>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).ok()?;
        let raw: RawTop = serde_json::from_str(text).ok()?;
        let array = |v: Option<&RawValue>| v.is_none_or(|v| v.get().starts_with('['));
        if ![raw.people, raw.relationships, raw.interactions]
            .into_iter()
            .all(array)
            || !text.trim_end().ends_with('}')
        {
            return None;
        }
        Some(Top {
            version: raw.version.unwrap_or(FORMAT_VERSION),
            text,
            people: raw.people,
            relationships: raw.relationships,
            interactions: raw.interactions,
        })
    }

    /// The people as `build` sees them, checked as a full load checks people.
    fn roster(&self, target: &Path) -> Result<Network> {
        let heads: Vec<Head> = match self.people {
            None => Vec::new(),
            Some(raw) => serde_json::from_str(raw.get()).map_err(|e| {
                // Located in the file, not in the array, which starts mid-file.
                let (line, column) = self.position(raw, e.line(), e.column());
                located(target, &e, line, column)
            })?,
        };
        let net = Network {
            version: self.version,
            people: heads
                .into_iter()
                .map(|h| Person {
                    id: PersonId::from(h.id.as_ref()),
                    name: h.name.as_ref().into(),
                    every: h.every.as_deref().map(Into::into),
                    ..Person::default()
                })
                .collect(),
            ..Network::default()
        };
        refuse_problems(target, &net)?;
        Ok(net)
    }

    fn offset(&self, raw: &RawValue) -> usize {
        raw.get().as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// A line and column inside `raw` as a line and column of the file.
    fn position(&self, raw: &RawValue, line: usize, column: usize) -> (usize, usize) {
        let before = &self.text[..self.offset(raw)];
        let column = if line == 1 {
            column + before.len() - before.rfind('\n').map_or(0, |i| i + 1)
        } else {
            column
        };
        (line + before.matches('\n').count(), column)
    }

    /// Where `added` goes: texts to insert, each at its offset in `text`, in order. The
    /// old text is kept as it was, byte for byte, around them.
    fn splice(&self, added: &Appended) -> Result<Vec<(usize, Vec<u8>)>> {
        let mut inserts: Vec<(usize, Vec<u8>)> = Vec::new();
        // `"key": [...]` for arrays the file does not have yet.
        let mut new_keys: Vec<Vec<u8>> = Vec::new();
        let sections = [
            ("people", self.people, element_texts(&added.people, true)?),
            (
                "relationships",
                self.relationships,
                element_texts(&added.relationships, false)?,
            ),
            (
                "interactions",
                self.interactions,
                element_texts(&added.interactions, false)?,
            ),
        ];
        for (key, raw, elements) in sections {
            if elements.is_empty() {
                continue;
            }
            // Each element on its own line, as `encode` writes an array's elements.
            let lines = elements.concat_lines();
            match raw {
                Some(raw) => {
                    let start = self.offset(raw);
                    let inner = &raw.get()[1..raw.get().len() - 1];
                    if inner.trim().is_empty() {
                        // `[]`: the elements go right after the bracket.
                        let mut text = lines[1..].to_vec();
                        text.extend_from_slice(b"\n  ");
                        inserts.push((start + 1, text));
                    } else {
                        // After the last element, before the whitespace and `]`.
                        inserts.push((start + 1 + inner.trim_end().len(), lines));
                    }
                }
                None => {
                    let mut text = format!("\"{key}\": [").into_bytes();
                    text.extend_from_slice(&lines[1..]);
                    text.extend_from_slice(b"\n  ]");
                    new_keys.push(text);
                }
            }
        }
        if !new_keys.is_empty() {
            // Keys the file does not have yet go before its closing brace.
            let close = self.text.trim_end().len() - 1;
            let before = self.text[..close].trim_end();
            let empty_object = before.ends_with('{');
            let mut text = Vec::new();
            for (i, k) in new_keys.iter().enumerate() {
                if i > 0 || !empty_object {
                    text.push(b',');
                }
                text.extend_from_slice(b"\n  ");
                text.extend_from_slice(k);
            }
            if empty_object {
                text.push(b'\n');
            }
            inserts.push((before.len(), text));
        }
        inserts.sort_by_key(|(at, _)| *at);
        Ok(inserts)
    }

    /// The new file, as consecutive pieces: the old text around the inserts.
    fn pieces<'b>(&'b self, inserts: &'b [(usize, Vec<u8>)]) -> Vec<&'b [u8]> {
        let text = self.text.as_bytes();
        let mut pieces = Vec::with_capacity(2 * inserts.len() + 1);
        let mut from = 0;
        for (at, insert) in inserts {
            pieces.push(&text[from..*at]);
            pieces.push(insert.as_slice());
            from = *at;
        }
        pieces.push(&text[from..]);
        pieces
    }

    /// The inserts as edits of the file's bytes (`file`, which `text` is part of), for
    /// the history: a byte-order mark before `text` is not written again, so it goes too.
    fn edits<'b>(&self, file: &[u8], inserts: &'b [(usize, Vec<u8>)]) -> Vec<Edit<'b>> {
        let skipped = file.len() - self.text.len();
        let bom = (skipped > 0).then_some(Edit {
            range: 0..skipped,
            text: b"",
        });
        bom.into_iter()
            .chain(inserts.iter().map(|(at, insert)| Edit {
                range: skipped + at..skipped + at,
                text: insert,
            }))
            .collect()
    }
}

fn element_texts<T: serde::Serialize>(items: &[T], person: bool) -> Result<Elements> {
    items
        .iter()
        .map(|x| encode::element(x, person).context("could not serialise the new entries"))
        .collect::<Result<_>>()
        .map(Elements)
}

/// New array elements, laid out.
struct Elements(Vec<Vec<u8>>);

impl Elements {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `,\n    e1,\n    e2`: what follows an array's last element to add these after it.
    /// (Without its leading comma, what follows `[` in an array that has none yet.)
    fn concat_lines(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for e in &self.0 {
            out.extend_from_slice(b",\n    ");
            out.extend_from_slice(e);
        }
        out
    }
}

/// Debug builds (the tests) check that the splice wrote exactly what a full load, change
/// and save would have: the same network, read back with every check.
#[cfg(debug_assertions)]
fn same_as_a_full_write(target: &Path, old: &[u8], pieces: &[&[u8]], added: &Appended) {
    let Ok(mut expected) = super::parse(target, old) else {
        // A hand edit the people checks do not see; the splice only added to it.
        return;
    };
    expected.people.extend(added.people.iter().cloned());
    expected
        .relationships
        .extend(added.relationships.iter().cloned());
    expected
        .interactions
        .extend(added.interactions.iter().cloned());
    let written = pieces.concat();
    let got = super::parse(target, &written).expect("a spliced file loads");
    assert!(got == expected, "the splice and a full write disagree");
}

#[cfg(test)]
mod tests;
