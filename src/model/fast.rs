//! A reader for data files as netweb writes them, that answers `None` for anything else.
//!
//! serde_json's general decoder spends most of its time on generality: a visitor call per
//! key and per value, a key copied or matched through several layers, every string
//! checked for escapes byte by byte. At 100,000 people and 1,000,000 relationships that
//! was most of the load time. This reader knows the records' fields and reads them
//! straight into place.
//!
//! It is only ever a shortcut. It accepts a subset of what serde_json accepts and builds
//! the same `Network` from it; on anything else (a syntax or type error, `null`, a
//! repeated or missing field, a number that is not a plain small integer) it gives up,
//! and the caller decodes with serde_json, whose messages name the line and column.
//! Where a value is unusual but valid (a string with escapes, an unknown field, the
//! cadences map) this reader finds where it ends and hands just that text to serde_json,
//! so the rules for it are serde_json's own. Tests check the two agree on generated and
//! mutated files.

use std::borrow::Cow;

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::de::DeserializeOwned;

use super::{Interaction, Introduction, Network, Person, PersonId, Relationship, iso_date};

/// Decodes a whole file. When `skip` is `Some((at, end))` and the top-level
/// "relationships" value starts at byte `at`, it is not read: reading resumes at `end`,
/// and the result says it was skipped (`relationships` left empty), so another thread can
/// read it with `relationships`.
pub fn network(text: &str, skip: Option<(usize, usize)>) -> Option<(Network, bool)> {
    let mut r = Reader { text, at: 0 };
    let mut net = Network::default();
    let mut seen = Seen::default();
    let mut skipped = false;
    r.eat(b'{')?;
    if !r.close(b'}')? {
        loop {
            let key = r.key()?;
            match key.as_ref() {
                "version" => {
                    seen.once(0)?;
                    net.version = r.small()?;
                }
                "people" => {
                    seen.once(1)?;
                    net.people = r.list(person)?;
                }
                "tag_cadences" => {
                    seen.once(2)?;
                    net.tag_cadences = r.by_serde()?;
                }
                "relationships" => {
                    seen.once(3)?;
                    r.ws();
                    match skip {
                        Some((at, end)) if at == r.at => {
                            r.at = end;
                            skipped = true;
                        }
                        _ => net.relationships = r.list(relationship)?,
                    }
                }
                "interactions" => {
                    seen.once(4)?;
                    net.interactions = r.list(interaction)?;
                }
                "introductions" => {
                    seen.once(5)?;
                    net.introductions = r.list(introduction)?;
                }
                _ => {
                    let value = r.by_serde()?;
                    net.extra.insert(key.into_owned(), value);
                }
            }
            if !r.more(b'}')? {
                break;
            }
        }
    }
    r.ws();
    (r.at == text.len()).then_some((net, skipped))
}

/// Decodes the array of relationships that starts at byte `at`; also gives the byte
/// just after it.
pub fn relationships(text: &str, at: usize) -> Option<(Vec<Relationship>, usize)> {
    let mut r = Reader { text, at };
    let list = r.list(relationship)?;
    Some((list, r.at))
}

/// Reads one member of a record: `BIT "name" => assignment` arms for the known fields,
/// each refusing a second occurrence of its key (`Seen`), and `_ => ...` for the rest.
macro_rules! fields {
    ($key:ident, $seen:ident, $($bit:literal $name:literal => $read:expr,)* _ => $other:expr,) => {
        match $key.as_ref() {
            $($name => {
                $seen.once($bit)?;
                $read;
            })*
            _ => {
                $other;
            }
        }
    };
}

fn person(r: &mut Reader) -> Option<Person> {
    let mut p = Person::default();
    let mut seen = Seen::default();
    r.record(|r, key| {
        fields!(key, seen,
            0 "id" => p.id = PersonId(r.text()?),
            1 "name" => p.name = r.text()?,
            2 "emails" => p.emails = r.texts()?,
            3 "phones" => p.phones = r.texts()?,
            4 "company" => p.company = Some(r.text()?),
            5 "role" => p.role = Some(r.text()?),
            6 "location" => p.location = Some(r.text()?),
            7 "interests" => p.interests = r.texts()?,
            8 "offers" => p.offers = r.texts()?,
            9 "seeks" => p.seeks = r.texts()?,
            10 "tags" => p.tags = r.texts()?,
            11 "notes" => p.notes = Some(r.string()?.into_owned()),
            12 "met" => p.met = Some(r.date()?),
            13 "every" => p.every = Some(r.text()?),
            14 "no_intros" => p.no_intros = r.boolean()?,
            15 "added" => p.added = Some(r.date()?),
            _ => p.extra.insert(key.into_owned(), r.by_serde()?),
        );
        Some(())
    })?;
    // `id` and `name` are required.
    seen.all(0b11)?;
    // As serde's path does (`de.rs`).
    p.normalize_terms();
    Some(p)
}

fn relationship(r: &mut Reader) -> Option<Relationship> {
    let (mut a, mut b) = (None, None);
    let mut rel = Relationship::new(PersonId::default(), PersonId::default());
    let mut seen = Seen::default();
    r.record(|r, key| {
        fields!(key, seen,
            0 "a" => a = Some(PersonId(r.text()?)),
            1 "b" => b = Some(PersonId(r.text()?)),
            2 "kind" => rel.kind = Some(r.text()?),
            3 "strength" => rel.strength = Some(r.small()?),
            4 "since" => rel.since = Some(r.date()?),
            5 "note" => rel.note = Some(r.string()?.into_owned()),
            _ => rel.extra.insert(key.into_owned(), r.by_serde()?),
        );
        Some(())
    })?;
    rel.a = a?;
    rel.b = b?;
    Some(rel)
}

fn interaction(r: &mut Reader) -> Option<Interaction> {
    let (mut date, mut people) = (None, None);
    let (mut kind, mut note) = (None, None);
    let mut extra = super::Extra::new();
    let mut seen = Seen::default();
    r.record(|r, key| {
        fields!(key, seen,
            0 "date" => date = Some(r.date()?),
            1 "people" => people = Some(r.ids()?),
            2 "kind" => kind = Some(r.string()?.into_owned()),
            3 "note" => note = Some(r.string()?.into_owned()),
            _ => extra.insert(key.into_owned(), r.by_serde()?),
        );
        Some(())
    })?;
    Some(Interaction {
        date: date?,
        people: people?,
        kind,
        note,
        extra,
    })
}

fn introduction(r: &mut Reader) -> Option<Introduction> {
    let (mut date, mut people, mut note) = (None, None, None);
    let mut extra = super::Extra::new();
    let mut seen = Seen::default();
    r.record(|r, key| {
        fields!(key, seen,
            0 "date" => date = Some(r.date()?),
            1 "people" => people = Some(r.ids()?),
            2 "note" => note = Some(r.string()?.into_owned()),
            _ => extra.insert(key.into_owned(), r.by_serde()?),
        );
        Some(())
    })?;
    Some(Introduction {
        date: date?,
        people: people?,
        note,
        extra,
    })
}

/// Which known fields a record has had: a second one is serde's "duplicate field" error.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn once(&mut self, field: u32) -> Option<()> {
        let bit = 1 << field;
        if self.0 & bit != 0 {
            return None;
        }
        self.0 |= bit;
        Some(())
    }

    fn all(&self, fields: u32) -> Option<()> {
        (self.0 & fields == fields).then_some(())
    }
}

/// How deep an unknown value may nest. serde_json refuses more than 128 levels in the
/// whole file, and a record sits three levels down; this stays well inside that.
const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    /// JSON's four whitespace bytes, as serde_json skips them.
    #[inline]
    fn ws(&mut self) {
        let b = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = b.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not taken.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline]
    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.at += 1)
    }

    /// Just after an opening bracket: whether the next byte closes it (then taken).
    #[inline]
    fn close(&mut self, close: u8) -> Option<bool> {
        let closes = self.peek()? == close;
        if closes {
            self.at += 1;
        }
        Some(closes)
    }

    /// After a member or element: true at a comma, false at `close` (either taken).
    #[inline]
    fn more(&mut self, close: u8) -> Option<bool> {
        match self.peek()? {
            b',' => {
                self.at += 1;
                Some(true)
            }
            c if c == close => {
                self.at += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// A string, borrowed from the text unless it has escapes. One with escapes is
    /// decoded by serde_json, so its rules (surrogate pairs and all) apply exactly; a
    /// control character, which JSON forbids in a string, makes that fail too.
    #[inline]
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat(b'"')?;
        let b = self.text.as_bytes();
        let start = self.at;
        let mut i = start;
        loop {
            match *b.get(i)? {
                b'"' => {
                    self.at = i + 1;
                    return Some(Cow::Borrowed(&self.text[start..i]));
                }
                b'\\' => break,
                c if c < 0x20 => return None,
                _ => i += 1,
            }
        }
        loop {
            match *b.get(i)? {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        let decoded: String = serde_json::from_str(&self.text[start - 1..=i]).ok()?;
        self.at = i + 1;
        Some(Cow::Owned(decoded))
    }

    #[inline]
    fn key(&mut self) -> Option<Cow<'a, str>> {
        let key = self.string()?;
        self.eat(b':')?;
        Some(key)
    }

    #[inline]
    fn text(&mut self) -> Option<CompactString> {
        Some(match self.string()? {
            Cow::Borrowed(s) => CompactString::new(s),
            Cow::Owned(s) => CompactString::from(s),
        })
    }

    fn texts(&mut self) -> Option<Vec<CompactString>> {
        self.list(Reader::text)
    }

    fn ids(&mut self) -> Option<Vec<PersonId>> {
        self.list(|r| r.text().map(PersonId))
    }

    fn date(&mut self) -> Option<NaiveDate> {
        iso_date(&self.string()?)
    }

    /// A plain non-negative integer that fits `T`. Anything else serde_json would either
    /// refuse (leading zeros, out of range, a fraction for an integer field) or read by
    /// rules not worth repeating here (`-0`), so it is left to serde_json.
    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        self.ws();
        let b = self.text.as_bytes();
        let start = self.at;
        let mut n: u64 = 0;
        let mut i = start;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            i += 1;
        }
        let digits = i - start;
        if digits == 0 || (digits > 1 && b[start] == b'0') {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = b.get(i) {
            return None;
        }
        self.at = i;
        T::try_from(n).ok()
    }

    fn boolean(&mut self) -> Option<bool> {
        self.ws();
        let rest = &self.text.as_bytes()[self.at..];
        if rest.starts_with(b"true") {
            self.at += 4;
            Some(true)
        } else if rest.starts_with(b"false") {
            self.at += 5;
            Some(false)
        } else {
            None
        }
    }

    /// `[item, ...]`.
    #[inline]
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b'[')?;
        let mut out = Vec::new();
        if self.close(b']')? {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if !self.more(b']')? {
                return Some(out);
            }
        }
    }

    /// `{"key": value, ...}`, `member` reading each value (the key given).
    #[inline]
    fn record(
        &mut self,
        mut member: impl FnMut(&mut Self, Cow<'a, str>) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.close(b'}')? {
            return Some(());
        }
        loop {
            let key = self.key()?;
            member(self, key)?;
            if !self.more(b'}')? {
                return Some(());
            }
        }
    }

    /// The next value, decoded by serde_json from its own text.
    fn by_serde<T: DeserializeOwned>(&mut self) -> Option<T> {
        self.ws();
        let start = self.at;
        self.skip(0)?;
        serde_json::from_str(&self.text[start..self.at]).ok()
    }

    /// Moves past the next value. This only finds where a valid value ends; `by_serde`
    /// then checks the value itself.
    fn skip(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'[' => {
                self.at += 1;
                if !self.close(b']')? {
                    loop {
                        self.skip(depth + 1)?;
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
            }
            b'{' => {
                self.at += 1;
                if !self.close(b'}')? {
                    loop {
                        self.key()?;
                        self.skip(depth + 1)?;
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
            }
            // A number, true, false or null: up to the next delimiter.
            _ => {
                let b = self.text.as_bytes();
                while let Some(&c) = b.get(self.at) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
            }
        }
        Some(())
    }
}
