//! `netweb sync VDIR`: two-way sync with a vdir, the folder of one `.vcf` per contact
//! that khard and vdirsyncer keep (vdirsyncer keeps it in step with a CardDAV server).
//! Pure: the command reads the folder and hands the cards in; this decides what each
//! side needs and returns the network after, the cards to write and the files to remove.
//!
//! The rules:
//! - Cards and people are paired by UID (the card's, which netweb keeps on the person
//!   as `uid`); a card netweb has nobody for is matched by `import`'s duplicate rules
//!   (netweb id and name, email, LinkedIn profile, name where the companies agree), each
//!   person taking at most one card; else it is someone new. A person with no card gets
//!   one, under their `uid` or a new random one (stored on the person).
//! - What was last synced is remembered per UID (`state`): a hash of the card as
//!   synced and of the person's synced fields. Only the card changed: the person takes
//!   it. Only the person changed: the card is rewritten. Both changed (or paired for the
//!   first time): merged field by field, lists united, empty fields filled, and where
//!   both have a value netweb's is kept and the card's noted (`merge`).
//! - A card removed from the vdir removes its person only if the person is unchanged
//!   since the last sync, else the person is kept and the card written again; a person
//!   removed here removes the card only if the card is unchanged, else the person is
//!   added back from it. Each is reported.
//! - netweb's own fields travel as `X-NETWEB-*` properties (export's writer), and the
//!   lines of a card netweb does not model are kept when it rewrites the card (`card`).

mod agreed;
mod apply;
mod card;
mod merge;
mod plan;
pub mod state;

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use apply::{Run, entry};
pub use card::{ReadCard, read};
use merge::Clash;

use crate::model::{Network, PersonId};
use crate::ops::remove::remove;

/// What happened to one card or person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The card changed in the vdir: the person took it.
    UpdatedPerson,
    /// The person changed here: the card was rewritten.
    UpdatedCard,
    /// Both changed, or first paired: merged field by field.
    Merged,
    NewPerson,
    NewCard,
    DeletedPerson,
    DeletedCard,
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub action: Action,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<PersonId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The card's file in the vdir.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Why it was skipped, or why a deletion was not carried over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Whether the card is (re)written.
    pub card_written: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clashes: Vec<Clash>,
}

/// The plan, and after a real sync what was done: `--json` prints this.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub vdir: String,
    pub dry_run: bool,
    pub cards: usize,
    pub people: usize,
    pub unchanged: usize,
    pub updated_people: usize,
    pub updated_cards: usize,
    pub merged: usize,
    pub new_people: usize,
    pub new_cards: usize,
    pub deleted_people: usize,
    pub deleted_cards: usize,
    /// Deletions on one side not carried to the other, because the other side changed.
    pub kept: usize,
    pub clashes: usize,
    pub skipped: usize,
    /// Everything but the unchanged pairs.
    pub entries: Vec<Entry>,
}

/// A card to write into the vdir (atomically, by the command).
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub file: String,
    pub text: String,
}

pub struct Outcome {
    pub report: Report,
    pub net: Network,
    pub writes: Vec<Write>,
    /// Files to remove from the vdir.
    pub removes: Vec<String>,
}

/// Syncs the network with the cards read from the vdir `vdir` (its canonical path, the
/// key of its state). `unreadable` are files that could not be read (file, why);
/// `new_uid` makes a UID for a person who gets their first card.
pub fn sync(
    current: &Network,
    vdir: &str,
    cards: &[ReadCard],
    unreadable: &[(String, String)],
    today: NaiveDate,
    new_uid: &mut dyn FnMut() -> String,
) -> Outcome {
    let remembered = state::read(current, vdir);
    let bad: HashSet<String> = unreadable.iter().map(|(f, _)| f.clone()).collect();
    let steps = plan::plan(current, cards, &remembered, &bad);
    let mut run = Run {
        net: current.clone(),
        writes: Vec::new(),
        removes: Vec::new(),
        synced: Vec::new(),
        entries: Vec::new(),
        files: cards.iter().map(|c| c.file.clone()).chain(bad).collect(),
        uids: cards
            .iter()
            .map(|c| c.uid.clone())
            .chain(remembered.keys().cloned())
            .collect(),
        vdir: vdir.to_string(),
        unchanged: 0,
    };
    let mut leaving: Vec<PersonId> = Vec::new();
    for step in &steps {
        run.apply(step, cards, today, new_uid, &mut leaving);
    }
    for id in &leaving {
        remove(&mut run.net, id);
    }
    for (file, why) in unreadable {
        run.entries.push(Entry {
            file: Some(file.clone()),
            reason: Some(why.clone()),
            ..entry(Action::Skipped)
        });
    }
    state::write(&mut run.net, vdir, std::mem::take(&mut run.synced));
    let count = |a: Action| run.entries.iter().filter(|e| e.action == a).count();
    let report = Report {
        vdir: vdir.to_string(),
        dry_run: false,
        cards: cards.len() + unreadable.len(),
        people: current.people.len(),
        unchanged: run.unchanged,
        updated_people: count(Action::UpdatedPerson),
        updated_cards: count(Action::UpdatedCard),
        merged: count(Action::Merged),
        new_people: count(Action::NewPerson),
        new_cards: count(Action::NewCard),
        deleted_people: count(Action::DeletedPerson),
        deleted_cards: count(Action::DeletedCard),
        kept: steps.iter().filter(|s| s.kept.is_some()).count(),
        clashes: run.entries.iter().map(|e| e.clashes.len()).sum(),
        skipped: count(Action::Skipped),
        entries: run.entries,
    };
    Outcome {
        report,
        net: run.net,
        writes: run.writes,
        removes: run.removes,
    }
}
