//! Carrying out the steps `plan` decided: the network changed, the cards to write and
//! remove listed, and what is synced now remembered.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::agreed;
use super::card::{self, ReadCard};
use super::merge::{merge, new_person, take_card};
use super::plan::{Do, Step};
use super::state::{Synced, hash, person_hash};
use super::{Action, Entry, Write};
use crate::extra_fields as fields;
use crate::model::{Network, PersonId};

pub(super) fn entry(action: Action) -> Entry {
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
pub(super) struct Run {
    pub net: Network,
    pub writes: Vec<Write>,
    pub removes: Vec<String>,
    pub synced: Vec<Synced>,
    pub entries: Vec<Entry>,
    /// Files of the vdir, so a new card's file name is free.
    pub files: HashSet<String>,
    /// UIDs of the vdir and of the state, so a new card's UID is unique.
    pub uids: HashSet<String>,
    pub vdir: String,
    pub unchanged: usize,
}

impl Run {
    pub(super) fn apply(
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
                self.pair(i, &c.uid, &c.file, c.hash.clone(), agreed::of(&c.person));
                return;
            }
            (Do::Pull, Some(c), Some(i)) => {
                self.net.people[i] = take_card(&self.net.people[i], &c.person, c.netweb);
                (Action::UpdatedPerson, i)
            }
            (Do::Push, Some(_), Some(i)) => (Action::UpdatedCard, i),
            (Do::Merge, Some(c), Some(i)) => {
                let here = &self.net.people[i];
                // What only one side changed since the last sync is that side's; the
                // merge then deals with what both changed.
                let (merged, clashes) = match &step.synced {
                    Some(s) if !s.fields.is_empty() => {
                        let (here, card) = agreed::settle(here, &c.person, c.netweb, &s.fields);
                        merge(&here, &card, today)
                    }
                    _ => merge(here, &c.person, today),
                };
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
        let (hash, fields) = if write {
            let text = card::write(p, &c.uid, Some(&c.text));
            let h = hash(text.as_bytes());
            let fields = written(&c.file, &text);
            self.writes.push(Write {
                file: c.file.clone(),
                text,
            });
            (h, fields)
        } else {
            (c.hash.clone(), agreed::of(&c.person))
        };
        e.uid = Some(c.uid.clone());
        e.file = Some(c.file.clone());
        e.card_written = write;
        self.entries.push(e);
        self.pair(i, &c.uid, &c.file, hash, fields);
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
        let fields = written(&file, &text);
        self.writes.push(Write {
            file: file.clone(),
            text,
        });
        let mut e = self.entry_for(Action::NewCard, step, i);
        e.uid = Some(uid.clone());
        e.file = Some(file.clone());
        e.card_written = true;
        self.entries.push(e);
        self.pair(i, &uid, &file, h, fields);
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

    fn pair(&mut self, i: usize, uid: &str, file: &str, card: String, fields: agreed::Fields) {
        let p = &self.net.people[i];
        self.synced.push(Synced {
            vdir: self.vdir.clone(),
            uid: uid.to_string(),
            id: p.id.to_string(),
            file: file.to_string(),
            card,
            person: person_hash(p),
            fields,
        });
    }
}

/// The agreed fields of a card netweb writes: the card read back, so they are what the
/// card carries, in the same form a card from the phone is read in.
fn written(file: &str, text: &str) -> agreed::Fields {
    card::read(file, text)
        .map(|c| agreed::of(&c.person))
        .unwrap_or_default()
}
