//! When each contact is due: the last contact with them, their cadence (their own, else
//! their tags'), and what the count starts from.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::INTRODUCTION;
use crate::cadence::Cadence;
use crate::model::{Network, Person, PersonId};
use crate::text::normalize_term;

/// The latest contact with one person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contact<'a> {
    pub date: NaiveDate,
    /// The interaction's kind ("coffee"), or "introduction".
    pub kind: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Everyone's latest contact. On one day an interaction wins over an introduction (it
/// says more), and a later entry in the file over an earlier one.
pub fn last_contacts(net: &Network) -> HashMap<&PersonId, Contact<'_>> {
    fn keep<'a>(last: &mut HashMap<&'a PersonId, Contact<'a>>, id: &'a PersonId, c: Contact<'a>) {
        let old = last.entry(id).or_insert(c);
        if c.date >= old.date {
            *old = c;
        }
    }
    let mut last = HashMap::new();
    for x in &net.introductions {
        let c = Contact {
            date: x.date,
            kind: Some(INTRODUCTION),
            note: x.note.as_deref(),
        };
        for id in &x.people {
            keep(&mut last, id, c);
        }
    }
    for x in &net.interactions {
        let c = Contact {
            date: x.date,
            kind: x.kind.as_deref(),
            note: x.note.as_deref(),
        };
        for id in &x.people {
            keep(&mut last, id, c);
        }
    }
    last
}

/// The tag cadences of a network, parsed once. Keys are matched as stored terms.
pub struct TagCadences<'a>(HashMap<String, (&'a str, Cadence)>);

impl<'a> TagCadences<'a> {
    pub fn new(net: &'a Network) -> Self {
        TagCadences(
            net.tag_cadences
                .iter()
                .filter_map(|(tag, every)| {
                    let c = Cadence::parse(every).ok()?;
                    Some((normalize_term(tag), (tag.as_str(), c)))
                })
                .collect(),
        )
    }

    /// A person's cadence: their own, else the shortest among their tags (ties go to
    /// the tag that sorts first).
    pub fn of(&self, p: &'a Person) -> Option<Effective<'a>> {
        if let Some(own) = p.every.as_deref().and_then(|e| Cadence::parse(e).ok()) {
            return Some(Effective {
                cadence: own,
                tag: None,
            });
        }
        p.tags
            .iter()
            .filter_map(|t| self.0.get(t.as_str()))
            .min_by(|(ta, a), (tb, b)| {
                a.approx_days()
                    .cmp(&b.approx_days())
                    .then_with(|| ta.cmp(tb))
            })
            .map(|&(tag, cadence)| Effective {
                cadence,
                tag: Some(tag),
            })
    }
}

/// The cadence that applies to a person and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effective<'a> {
    pub cadence: Cadence,
    /// The tag it comes from; `None` when it is the person's own.
    pub tag: Option<&'a str>,
}

/// Where the count towards the next contact starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountedFrom {
    LastContact,
    /// Never in touch: counted from when you met them...
    Met,
    /// ...or added them, whichever is later.
    Added,
    /// Never in touch, and neither date is known: due now.
    Nothing,
}

/// When a person is next due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule<'a> {
    pub every: Effective<'a>,
    pub from: CountedFrom,
    /// The date counted from (`None` with `CountedFrom::Nothing`).
    pub start: Option<NaiveDate>,
    pub due: NaiveDate,
}

impl Schedule<'_> {
    /// The cadence's length in days from this start (months and years vary).
    pub fn days(&self) -> i64 {
        match self.start {
            Some(s) => (self.due - s).num_days().max(1),
            None => i64::from(self.every.cadence.approx_days()),
        }
    }
}

/// When `p` is next due, if they have a cadence.
pub fn schedule<'a>(
    p: &'a Person,
    last: Option<&Contact>,
    tags: &TagCadences<'a>,
    today: NaiveDate,
) -> Option<Schedule<'a>> {
    let every = tags.of(p)?;
    let (from, start) = match (last, p.met, p.added) {
        (Some(c), _, _) => (CountedFrom::LastContact, Some(c.date)),
        (None, Some(m), Some(a)) if m > a => (CountedFrom::Met, Some(m)),
        (None, _, Some(a)) => (CountedFrom::Added, Some(a)),
        (None, Some(m), None) => (CountedFrom::Met, Some(m)),
        (None, None, None) => (CountedFrom::Nothing, None),
    };
    let due = match start {
        Some(s) => every.cadence.after(s).unwrap_or(NaiveDate::MAX),
        None => today,
    };
    Some(Schedule {
        every,
        from,
        start,
        due,
    })
}
