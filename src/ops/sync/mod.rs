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

mod card;
mod merge;
mod plan;
pub mod state;

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

pub use card::{ReadCard, read};
use merge::{Clash, merge, new_person, take_card};
use plan::{Do, Step};
use state::{Synced, hash, person_hash};

use crate::extra_fields as fields;
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

fn entry(action: Action) -> Entry {
    Entry {
        action,
        uid: None,
        id: None,
        name: None,
        file: None,
        reason: None,
        card_written: false,
        clashes: Vec::new(),
    }
}

/// The sync as it is carried out.
struct Run {
    net: Network,
    writes: Vec<Write>,
    removes: Vec<String>,
    synced: Vec<Synced>,
    entries: Vec<Entry>,
    /// Files of the vdir, so a new card's file name is free.
    files: HashSet<String>,
    /// UIDs of the vdir and of the state, so a new card's UID is unique.
    uids: HashSet<String>,
    vdir: String,
    unchanged: usize,
}

impl Run {
    fn apply(
        &mut self,
        step: &Step,
        cards: &[ReadCard],
        today: NaiveDate,
        new_uid: &mut dyn FnMut() -> String,
        leaving: &mut Vec<PersonId>,
    ) {
        let card = step.card.map(|c| &cards[c]);
        let (action, i) = match (&step.what, card, step.person) {
            (Do::Nothing, Some(c), Some(i)) => {
                self.unchanged += 1;
                self.pair(i, &c.uid, &c.file, c.hash.clone());
                return;
            }
            (Do::Pull, Some(c), Some(i)) => {
                self.net.people[i] = take_card(&self.net.people[i], &c.person, c.netweb);
                (Action::UpdatedPerson, i)
            }
            (Do::Push, Some(_), Some(i)) => (Action::UpdatedCard, i),
            (Do::Merge, Some(c), Some(i)) => {
                let (merged, clashes) = merge(&self.net.people[i], &c.person, today);
                self.net.people[i] = merged;
                let mut e = self.entry_for(Action::Merged, step, i);
                e.clashes = clashes;
                self.finish(e, i, Some(c));
                return;
            }
            (Do::NewPerson(id), Some(c), None) => {
                self.net
                    .people
                    .push(new_person(&c.person, id.clone(), today));
                (Action::NewPerson, self.net.people.len() - 1)
            }
            (Do::NewCard, None, Some(i)) => {
                self.new_card(step, i, new_uid);
                return;
            }
            (Do::DeleteCard, Some(c), None) => {
                self.removes.push(c.file.clone());
                let s = step.synced.as_ref();
                self.entries.push(Entry {
                    uid: Some(c.uid.clone()),
                    id: s.map(|s| PersonId::from(s.id.as_str())),
                    name: Some(c.person.name.to_string()),
                    file: Some(c.file.clone()),
                    ..entry(Action::DeletedCard)
                });
                return;
            }
            (Do::DeletePerson, None, Some(i)) => {
                let p = &self.net.people[i];
                leaving.push(p.id.clone());
                let e = Entry {
                    uid: step.synced.as_ref().map(|s| s.uid.clone()),
                    id: Some(p.id.clone()),
                    name: Some(p.name.to_string()),
                    file: step.synced.as_ref().map(|s| s.file.clone()),
                    ..entry(Action::DeletedPerson)
                };
                self.entries.push(e);
                return;
            }
            (Do::Skip(why), _, _) => {
                // What was remembered stays, so an unreadable card is never taken for gone.
                self.synced.extend(step.synced.clone());
                self.entries.push(Entry {
                    uid: card.map(|c| c.uid.clone()),
                    name: card.map(|c| c.person.name.to_string()),
                    file: card
                        .map(|c| c.file.clone())
                        .or(step.synced.as_ref().map(|s| s.file.clone())),
                    reason: Some(why.clone()),
                    ..entry(Action::Skipped)
                });
                return;
            }
            _ => return,
        };
        let e = self.entry_for(action, step, i);
        self.finish(e, i, card);
    }

    fn entry_for(&self, action: Action, step: &Step, i: usize) -> Entry {
        let p = &self.net.people[i];
        Entry {
            id: Some(p.id.clone()),
            name: Some(p.name.to_string()),
            reason: step.kept.clone(),
            ..entry(action)
        }
    }

    /// Ends a step that leaves person `i` paired with card `c`: the card is rewritten
    /// when it does not already say everything the person holds.
    fn finish(&mut self, mut e: Entry, i: usize, c: Option<&ReadCard>) {
        let Some(c) = c else { return };
        let p = &self.net.people[i];
        // A pull takes the card as it is; a push, a merge and a first pairing write the
        // card unless it alone already says all of the person (netweb's own fields too).
        let says_all = take_card(p, &c.person, true) == *p;
        let write =
            e.action == Action::UpdatedCard || (e.action != Action::UpdatedPerson && !says_all);
        let hash = if write {
            let text = card::write(p, &c.uid, Some(&c.text));
            let h = hash(text.as_bytes());
            self.writes.push(Write {
                file: c.file.clone(),
                text,
            });
            h
        } else {
            c.hash.clone()
        };
        e.uid = Some(c.uid.clone());
        e.file = Some(c.file.clone());
        e.card_written = write;
        self.entries.push(e);
        self.pair(i, &c.uid, &c.file, hash);
    }

    /// A first card for person `i`: under the UID remembered for them, else their own,
    /// else a new one (kept on the person).
    fn new_card(&mut self, step: &Step, i: usize, new_uid: &mut dyn FnMut() -> String) {
        let own = fields::text(&self.net.people[i], fields::UID)
            .map(str::to_string)
            .filter(|u| !self.uids.contains(u));
        let uid = match (&step.synced, own) {
            (Some(s), _) => s.uid.clone(),
            (None, Some(u)) => u,
            (None, None) => loop {
                let u = new_uid();
                if !self.uids.contains(&u) {
                    break u;
                }
            },
        };
        self.uids.insert(uid.clone());
        let p = &mut self.net.people[i];
        if fields::text(p, fields::UID).is_none() {
            fields::set_text(&mut p.extra, fields::UID, Some(uid.clone()));
        }
        let file = self.free_file(&uid);
        let text = card::write(&self.net.people[i], &uid, None);
        let h = hash(text.as_bytes());
        self.writes.push(Write {
            file: file.clone(),
            text,
        });
        let mut e = self.entry_for(Action::NewCard, step, i);
        e.uid = Some(uid.clone());
        e.file = Some(file.clone());
        e.card_written = true;
        self.entries.push(e);
        self.pair(i, &uid, &file, h);
    }

    /// A file name for a new card: the UID, as vdirsyncer names files, when it is made
    /// of safe characters, else its hash; with `-2`, `-3`, ... while taken.
    fn free_file(&mut self, uid: &str) -> String {
        let safe = !uid.is_empty()
            && uid.len() <= 200
            && !uid.starts_with('.')
            && uid
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.@+".contains(c));
        let stem = if safe {
            uid.to_string()
        } else {
            hash(uid.as_bytes())
        };
        let mut file = format!("{stem}.vcf");
        let mut n = 2;
        while self.files.contains(&file) {
            file = format!("{stem}-{n}.vcf");
            n += 1;
        }
        self.files.insert(file.clone());
        file
    }

    fn pair(&mut self, i: usize, uid: &str, file: &str, card: String) {
        let p = &self.net.people[i];
        self.synced.push(Synced {
            vdir: self.vdir.clone(),
            uid: uid.to_string(),
            id: p.id.to_string(),
            file: file.to_string(),
            card,
            person: person_hash(p),
        });
    }
}
