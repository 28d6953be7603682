//! How the data file is laid out: the shape DESIGN.md sketches.
//!
//! ```text
//! {
//!   "version": 1,
//!   "people": [
//!     {
//!       "id": "ada-larkwell",
//!       "name": "Ada Larkwell",
//!       "interests": ["mathematics", "poetry"]
//!     }
//!   ],
//!   "relationships": [
//!     { "a": "ada-larkwell", "b": "charles-bramble", "strength": 4 }
//!   ]
//! }
//! ```
//!
//! A person's fields one per line and their lists on one line; one line per relationship,
//! interaction and introduction. A git diff of a change then shows the one person or link
//! that changed, and the file is about a third smaller than with every value on its own
//! line, which is time saved in every read and write of a large network.
//!
//! serde_json's `Formatter` is its hook for exactly this; `PrettyFormatter` cannot put
//! some containers on one line and others not.
//!
//! A large network is written on two threads: people straight into the file, everything
//! else into memory at the same time, then after them.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::model::Network;

/// Pretty-printing where containers nested `inline_from` levels deep (or deeper) inside
/// the value being written go on one line.
struct Layout {
    /// Indent levels of the line the value starts on (1 inside the top-level object).
    base: usize,
    inline_from: usize,
    depth: usize,
    has_value: bool,
}

impl Layout {
    fn new(base: usize, inline_from: usize) -> Layout {
        Layout {
            base,
            inline_from,
            depth: 0,
            has_value: false,
        }
    }

    /// Whether the container opened at `depth` (0 for the value itself) is one per line.
    fn block(&self, depth: usize) -> bool {
        depth < self.inline_from
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.base + depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.block(self.depth) && self.has_value {
            self.newline(w, self.depth)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.block(self.depth - 1) {
            if !first {
                w.write_all(b",")?;
            }
            self.newline(w, self.depth)
        } else if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            if self.block(self.depth) {
                self.newline(w, self.depth)?;
            } else {
                w.write_all(b" ")?;
            }
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.block(self.depth - 1) {
            if !first {
                w.write_all(b",")?;
            }
            self.newline(w, self.depth)
        } else if first {
            w.write_all(b" ")
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// One value laid out inside the top-level object.
fn section(value: &impl Serialize, inline_from: usize) -> io::Result<Vec<u8>> {
    laid_out(value, 1, inline_from)
}

/// A value that starts on a line indented `base` levels.
fn laid_out(value: &impl Serialize, base: usize, inline_from: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::new(base, inline_from));
    value.serialize(&mut ser).map_err(io::Error::other)?;
    Ok(out)
}

/// One element of a top-level array as `chunks` lays it out there: a person over several
/// lines, anything else on one line. For appending to a file without rewriting the rest.
pub(super) fn element(value: &impl Serialize, person: bool) -> io::Result<Vec<u8>> {
    laid_out(value, 2, if person { 1 } else { 0 })
}

/// Writes the file to `out`. Keys in the order of `Network`'s fields, then unknown keys
/// sorted; empty sections left out.
///
/// People are serialised straight into `out` while, for a large network, a second
/// thread lays out everything else in memory: the two take about the same time, and only
/// the smaller part is ever held as text beside the network.
pub fn write(net: &Network, out: &mut (impl Write + Send)) -> io::Result<()> {
    // Below a few thousand entries a second thread costs more than it saves.
    let (written, rest) = if net.people.len() + net.relationships.len() > 20_000 {
        rayon::join(|| write_people(net, out), || rest_sections(net))
    } else {
        (write_people(net, out), rest_sections(net))
    };
    written?;
    for (key, bytes) in rest? {
        out.write_all(b",\n  ")?;
        serde_json::to_writer(&mut *out, key).map_err(io::Error::other)?;
        out.write_all(b": ")?;
        out.write_all(&bytes)?;
    }
    out.write_all(b"\n}\n")
}

/// The file up to the end of the people.
fn write_people(net: &Network, out: &mut impl Write) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {}", net.version)?;
    if !net.people.is_empty() {
        out.write_all(b",\n  \"people\": ")?;
        // The array, then each person one field per line, then their lists inline.
        let mut ser = serde_json::Serializer::with_formatter(&mut *out, Layout::new(1, 2));
        net.people.serialize(&mut ser).map_err(io::Error::other)?;
    }
    Ok(())
}

fn rest_sections(net: &Network) -> io::Result<Vec<(&str, Vec<u8>)>> {
    let mut out = Vec::new();
    if !net.tag_cadences.is_empty() {
        out.push(("tag_cadences", section(&net.tag_cadences, 1)?));
    }
    if !net.relationships.is_empty() {
        out.push(("relationships", section(&net.relationships, 1)?));
    }
    if !net.interactions.is_empty() {
        out.push(("interactions", section(&net.interactions, 1)?));
    }
    if !net.introductions.is_empty() {
        out.push(("introductions", section(&net.introductions, 1)?));
    }
    if !net.reminders.is_empty() {
        out.push(("reminders", section(&net.reminders, 1)?));
    }
    if !net.me.is_empty() {
        out.push(("me", section(&net.me, 1)?));
    }
    for (key, value) in &net.extra {
        out.push((key.as_str(), section(value, 1)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, PersonId, Relationship};

    fn text(net: &Network) -> String {
        let mut out = Vec::new();
        write(net, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_empty_network_is_its_version() {
        assert_eq!(text(&Network::default()), "{\n  \"version\": 1\n}\n");
    }

    #[test]
    fn the_file_looks_like_the_design_sketch() {
        let mut net = Network::default();
        net.people.push(Person {
            id: PersonId("ada".into()),
            name: "Ada".into(),
            interests: vec!["maths".into(), "poetry".into()],
            ..Person::default()
        });
        net.people.push(Person {
            id: PersonId("bob".into()),
            name: "Bob".into(),
            ..Person::default()
        });
        net.people[1].extra.insert(
            "pets".into(),
            serde_json::json!({"cat": ["tom"], "dog": {}}),
        );
        let mut r = Relationship::new(PersonId("ada".into()), PersonId("bob".into()));
        r.strength = Some(4);
        net.relationships.push(r);
        net.tag_cadences.insert("family".into(), "14d".into());
        net.extra.insert("z".into(), serde_json::json!([]));
        net.extra
            .insert("a\"b".into(), serde_json::json!({"k": [1, {"x": null}]}));
        let expected = r#"{
  "version": 1,
  "people": [
    {
      "id": "ada",
      "name": "Ada",
      "interests": ["maths", "poetry"]
    },
    {
      "id": "bob",
      "name": "Bob",
      "pets": { "cat": ["tom"], "dog": {} }
    }
  ],
  "tag_cadences": {
    "family": "14d"
  },
  "relationships": [
    { "a": "ada", "b": "bob", "strength": 4 }
  ],
  "a\"b": {
    "k": [1, { "x": null }]
  },
  "z": []
}
"#;
        assert_eq!(text(&net), expected);
        let back: Network = serde_json::from_str(expected).unwrap();
        assert_eq!(back, net);
    }

    #[test]
    fn a_large_network_comes_out_the_same_on_two_threads() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(2_500));
        assert!(net.people.len() + net.relationships.len() > 20_000);
        let mut whole = Vec::new();
        write(&net, &mut whole).unwrap();
        let back: Network = serde_json::from_slice(&whole).unwrap();
        assert_eq!(back, net);
    }
}
