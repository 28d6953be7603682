//! The pure half of a calendar import: given the network, the past occurrences and
//! `today`, decide which interactions to log, which ties the meetings imply and whom
//! to add, and build the network that results. No I/O.
//!
//! Re-importing adds only what is new: an occurrence is known by its `source` (UID and
//! day); one already logged gains only the contacts it lacked (people added since,
//! with `--add-unknown`), and a tie is recorded only between two people with none yet.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::attendees::{Matcher, Who};
use super::events::Skip;
use super::occurrences::{Expanded, Occurrence};
use super::unknown::{Unknown, add_unknown, unknowns};
use crate::model::{Extra, Interaction, Network, PersonId, Relationship};

/// The kind of interaction a meeting is logged as.
pub const MEETING: &str = "meeting";
/// The kind of relationship a meeting implies.
pub const MET: &str = "met";
/// Meetings with more people than this (the owner aside) imply no ties: the people at
/// an all-hands have not all met each other.
pub const MAX_TIE_SIZE: usize = 8;

/// What the user asked for beyond the file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The owner's addresses given now (`--me`); the ones the file remembers are added.
    pub me: Vec<String>,
    /// `--add-unknown N`: add people seen on at least N past events as contacts.
    pub add_unknown: Option<usize>,
    /// `--tag`: given to everyone added.
    pub tags: Vec<String>,
}

/// The plan, and after a real import the summary: `--json` prints this.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub format: &'static str,
    pub dry_run: bool,
    /// The VEVENTs in the file.
    pub events: usize,
    /// Past occurrences read (a series counts each time), cancelled ones aside.
    pub occurrences: usize,
    /// Interactions logged (new).
    pub interactions: usize,
    /// Interactions logged before that gained people.
    pub updated: usize,
    /// Past occurrences already logged, left as they were.
    pub unchanged: usize,
    /// Ties inferred (relationships of kind `met`).
    pub ties: usize,
    /// People on the events who are no contact (after any `--add-unknown`).
    pub unmatched: usize,
    /// Contacts added by `--add-unknown`.
    pub added: usize,
    /// Events with occurrences from today on (a series counts once): not logged.
    pub future: usize,
    /// Past occurrences that were cancelled.
    pub cancelled: usize,
    /// Past occurrences with no contact on them.
    pub without_contacts: usize,
    /// The owner's addresses, which are never contacts.
    pub me: Vec<String>,
    /// The interactions logged.
    pub logged: Vec<Interaction>,
    /// The ties inferred.
    pub tied: Vec<Relationship>,
    /// Everyone unknown, most often seen first (those added included, with their id).
    pub unknown: Vec<Unknown>,
    /// Events that could not be read, each with why.
    pub skipped: Vec<Skip>,
}

/// Decides the import and returns the report with the network as it would be after.
pub fn plan(
    current: &Network,
    expanded: &Expanded,
    events: usize,
    options: &Options,
    today: NaiveDate,
) -> (Report, Network) {
    let mut net = current.clone();
    for email in &options.me {
        let email = email.trim();
        if !net.me.iter().any(|m| m.eq_ignore_ascii_case(email)) {
            net.me.push(email.into());
        }
    }
    let mut matcher = Matcher::new(&net, &net.me);
    let mut unknown = unknowns(&matcher, &expanded.past);
    let added = add_unknown(
        &mut net,
        &mut matcher,
        &mut unknown,
        options.add_unknown,
        &options.tags,
        today,
    );

    let mut log = Log::new(&net);
    // Every pair that has a relationship, so a large network is not scanned per pair.
    let mut known: HashSet<(PersonId, PersonId)> =
        net.relationships.iter().map(|r| pair(&r.a, &r.b)).collect();
    let mut report = Report {
        file: String::new(),
        format: "ics",
        dry_run: false,
        events,
        occurrences: expanded.past.len(),
        interactions: 0,
        updated: 0,
        unchanged: 0,
        ties: 0,
        unmatched: unknown.iter().filter(|u| u.added.is_none()).count(),
        added,
        future: expanded.future,
        cancelled: expanded.cancelled,
        without_contacts: 0,
        me: net.me.iter().map(ToString::to_string).collect(),
        logged: Vec::new(),
        tied: Vec::new(),
        unknown,
        skipped: expanded.skipped.clone(),
    };
    for o in &expanded.past {
        let who = present(&matcher, o);
        let contacts: Vec<usize> = who
            .iter()
            .filter_map(|w| match w {
                Who::Contact(i) => Some(*i),
                _ => None,
            })
            .collect();
        if contacts.is_empty() {
            report.without_contacts += 1;
            continue;
        }
        log.meeting(&mut net, o, &contacts, &mut report);
        // `who` holds the owner at most once and everyone else once each.
        let others = who.iter().filter(|w| **w != Who::Me).count();
        if contacts.len() >= 2 && others <= MAX_TIE_SIZE {
            tie_up(&mut net, &mut known, o, &contacts, &mut report);
        }
    }
    report.interactions = report.logged.len();
    report.ties = report.tied.len();
    (report, net)
}

/// The interactions already logged: by source, and the ones logged by hand by day.
struct Log {
    by_source: HashMap<String, usize>,
    by_hand: HashMap<NaiveDate, Vec<usize>>,
}

impl Log {
    fn new(net: &Network) -> Log {
        let mut log = Log {
            by_source: HashMap::new(),
            by_hand: HashMap::new(),
        };
        for (i, x) in net.interactions.iter().enumerate() {
            match &x.source {
                Some(source) => {
                    log.by_source.insert(source.clone(), i);
                }
                None => log.by_hand.entry(x.date).or_default().push(i),
            }
        }
        log
    }

    /// Logs a meeting, unless it is logged: from this calendar before (then it gains
    /// the contacts it lacks), or by hand on that day with everyone on it.
    fn meeting(&mut self, net: &mut Network, o: &Occurrence, contacts: &[usize], r: &mut Report) {
        let people: Vec<PersonId> = contacts.iter().map(|&i| net.people[i].id.clone()).collect();
        if let Some(&at) = self.by_source.get(&o.key) {
            let had = &mut net.interactions[at].people;
            let before = had.len();
            for id in &people {
                if !had.contains(id) {
                    had.push(id.clone());
                }
            }
            if had.len() == before {
                r.unchanged += 1;
            } else {
                r.updated += 1;
            }
            return;
        }
        let by_hand = self.by_hand.get(&o.date).into_iter().flatten();
        if by_hand
            .map(|&i| &net.interactions[i].people)
            .any(|had| people.iter().all(|p| had.contains(p)))
        {
            r.unchanged += 1;
            return;
        }
        let interaction = Interaction {
            date: o.date,
            people,
            kind: Some(MEETING.into()),
            note: o.summary.clone(),
            source: Some(o.key.clone()),
            extra: Extra::new(),
        };
        self.by_source.insert(o.key.clone(), net.interactions.len());
        net.interactions.push(interaction.clone());
        r.logged.push(interaction);
    }
}

/// Records that the contacts of a small meeting know each other: each pair with no
/// relationship yet (`known`).
fn tie_up(
    net: &mut Network,
    known: &mut HashSet<(PersonId, PersonId)>,
    o: &Occurrence,
    contacts: &[usize],
    r: &mut Report,
) {
    for (n, &a) in contacts.iter().enumerate() {
        for &b in &contacts[n + 1..] {
            let (ida, idb) = (&net.people[a.min(b)].id, &net.people[a.max(b)].id);
            if !known.insert(pair(ida, idb)) {
                continue;
            }
            let what = o.summary.as_deref().unwrap_or("an untitled event");
            let tie = Relationship {
                kind: Some(MET.into()),
                inferred: Some(format!("calendar: {what} {}", o.date)),
                // Occurrences come in date order: the first meeting together is the
                // latest day they can have met.
                since: Some(o.date),
                ..Relationship::new(ida.clone(), idb.clone())
            };
            net.relationships.push(tie.clone());
            r.tied.push(tie);
        }
    }
}

/// A pair of ids in one order, whichever way round a relationship names them.
fn pair(a: &PersonId, b: &PersonId) -> (PersonId, PersonId) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

/// The people at an occurrence, each once, in the order the file lists them.
fn present(matcher: &Matcher, o: &Occurrence) -> Vec<Who> {
    let mut who = Vec::new();
    for a in &o.attendees {
        let w = matcher.who(a);
        if !who.contains(&w) {
            who.push(w);
        }
    }
    who
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::ics::events::Attendee;
    use crate::model::Person;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn person(id: &str, email: &str) -> Person {
        Person {
            id: id.into(),
            name: id.into(),
            emails: vec![email.into()],
            ..Person::default()
        }
    }

    fn meeting(key: &str, date: u32, emails: &[&str]) -> Occurrence {
        Occurrence {
            key: key.into(),
            date: day(date),
            summary: Some(format!("m {key}")),
            attendees: emails
                .iter()
                .map(|e| Attendee {
                    email: Some(e.to_string()),
                    name: Some(e.split('@').next().unwrap().to_uppercase()),
                })
                .collect(),
        }
    }

    fn net() -> Network {
        Network {
            people: ["ada", "bob", "cy"]
                .iter()
                .map(|n| person(n, &format!("{n}@x.org")))
                .collect(),
            ..Network::default()
        }
    }

    #[test]
    fn meetings_become_interactions_and_small_ones_ties() {
        let mut big: Vec<String> = (0..9).map(|i| format!("p{i}@y.org")).collect();
        big.extend(["ada@x.org".into(), "cy@x.org".into()]);
        let big: Vec<&str> = big.iter().map(String::as_str).collect();
        let past = vec![
            meeting("a", 2, &["me@x.org", "ada@x.org", "bob@x.org"]),
            meeting("b", 3, &big),
            meeting("c", 4, &["me@x.org", "zed@y.org"]),
        ];
        let expanded = Expanded {
            past,
            ..Expanded::default()
        };
        let options = Options {
            me: vec!["ME@x.org".into()],
            ..Options::default()
        };
        let (report, after) = plan(&net(), &expanded, 3, &options, day(10));
        assert_eq!(after.me, ["ME@x.org"]);
        let logged: Vec<(&str, Vec<&str>)> = after
            .interactions
            .iter()
            .map(|i| {
                (
                    i.source.as_deref().unwrap(),
                    i.people.iter().map(PersonId::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            logged,
            [("a", vec!["ada", "bob"]), ("b", vec!["ada", "cy"])]
        );
        assert_eq!(after.interactions[0].kind.as_deref(), Some(MEETING));
        // Eleven people at "b": no tie between Ada and Cy.
        assert_eq!(after.relationships.len(), 1);
        let tie = &after.relationships[0];
        assert_eq!((tie.a.as_str(), tie.b.as_str()), ("ada", "bob"));
        assert_eq!(tie.inferred.as_deref(), Some("calendar: m a 2026-03-02"));
        assert_eq!(tie.kind.as_deref(), Some(MET));
        assert_eq!(tie.since, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(
            (report.interactions, report.ties, report.without_contacts),
            (2, 1, 1)
        );
        assert_eq!(report.unmatched, 10);

        // Again: nothing new.
        let (again, same) = plan(&after, &expanded, 3, &Options::default(), day(10));
        assert_eq!(same, after);
        assert_eq!((again.interactions, again.unchanged, again.ties), (0, 2, 0));
    }

    #[test]
    fn unknowns_seen_often_enough_are_added_and_join_what_was_logged() {
        let past = vec![
            meeting("a", 2, &["me@x.org", "ada@x.org", "zed@y.org"]),
            meeting("b", 3, &["me@x.org", "zed@y.org"]),
            meeting("c", 4, &["me@x.org", "ada@x.org", "once@y.org"]),
        ];
        let expanded = Expanded {
            past,
            ..Expanded::default()
        };
        let mut options = Options {
            me: vec!["me@x.org".into()],
            ..Options::default()
        };
        let (first, after) = plan(&net(), &expanded, 3, &options, day(10));
        assert_eq!(first.unknown[0].events, 2);
        assert_eq!(first.unknown[0].email.as_deref(), Some("zed@y.org"));
        options.add_unknown = Some(2);
        options.tags = vec!["Calendar".into()];
        let (second, after) = plan(&after, &expanded, 3, &options, day(10));
        assert_eq!(
            (second.added, second.updated, second.interactions),
            (1, 1, 1)
        );
        let zed = after.people.last().unwrap();
        assert_eq!((zed.id.as_str(), zed.name.as_str()), ("zed", "ZED"));
        assert_eq!(zed.tags, ["calendar"]);
        assert_eq!(
            after.interactions[0].people,
            ["ada", "zed"].map(PersonId::from)
        );
        assert_eq!(
            second.unknown[0].added.as_ref().map(PersonId::as_str),
            Some("zed")
        );
        assert_eq!(second.unmatched, 1);
    }

    #[test]
    fn a_name_two_contacts_share_is_not_added_a_third_time() {
        let mut net = net();
        for id in ["sam", "sam-2"] {
            net.people.push(Person {
                id: id.into(),
                name: "Sam Lee".into(),
                ..Person::default()
            });
        }
        let sam = Attendee {
            email: None,
            name: Some("sam lee".into()),
        };
        let mut o = meeting("a", 2, &["me@x.org", "ada@x.org"]);
        o.attendees.push(sam);
        let expanded = Expanded {
            past: vec![o],
            ..Expanded::default()
        };
        let options = Options {
            me: vec!["me@x.org".into()],
            add_unknown: Some(1),
            ..Options::default()
        };
        let (report, after) = plan(&net, &expanded, 1, &options, day(10));
        assert_eq!((report.added, report.unmatched), (0, 1));
        assert_eq!(after.people.len(), 5);
        assert_eq!(after.interactions[0].people, [PersonId::from("ada")]);
    }

    #[test]
    fn a_meeting_logged_by_hand_that_day_is_not_logged_again() {
        let mut net = net();
        net.interactions.push(Interaction {
            date: day(2),
            people: vec!["bob".into(), "ada".into(), "cy".into()],
            kind: Some("coffee".into()),
            note: None,
            source: None,
            extra: Extra::new(),
        });
        let expanded = Expanded {
            past: vec![
                meeting("a", 2, &["ada@x.org", "bob@x.org"]),
                meeting("b", 3, &["ada@x.org", "bob@x.org"]),
            ],
            ..Expanded::default()
        };
        let (report, after) = plan(&net, &expanded, 2, &Options::default(), day(10));
        assert_eq!((report.unchanged, report.interactions), (1, 1));
        assert_eq!(after.interactions[1].source.as_deref(), Some("b"));
        // The tie is still there to infer.
        assert_eq!(report.ties, 1);
    }
}
