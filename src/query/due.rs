//! Keeping in touch: when you were last in touch with each contact, how often you want to
//! be, who is overdue, which introductions you have not followed up, and the reminders
//! whose day has come. A snoozed person's cadence waits until the snooze ends.
//!
//! Last contact is the latest interaction or introduction that includes the person. A
//! person's cadence is their own `every`, else the shortest cadence among their tags
//! (`tag_cadences`). They are due one cadence after their last contact; never contacted,
//! one cadence after they were met or added (the later of the two).

use std::cmp::Ordering;

use chrono::{Days, NaiveDate};
use serde::Serialize;

pub mod follow_ups;
pub mod occasions;
pub mod reminders;
mod schedule;

pub use schedule::{
    Contact, CountedFrom, Effective, Schedule, TagCadences, last_contacts, schedule,
};

use crate::model::{Network, Person, PersonId};
use crate::text::normalize_term;
pub use follow_ups::{FOLLOW_UP_AFTER_DAYS, FollowUp};
use occasions::{Kind, Occasion};
use reminders::Reminded;

/// What `last_kind` says when the last contact was an introduction.
pub const INTRODUCTION: &str = "introduction";

/// One person who is due, with the facts `due` prints.
#[derive(Debug, Serialize)]
pub struct Due<'a> {
    pub id: &'a PersonId,
    pub name: &'a str,
    /// The cadence that applies, e.g. "14d".
    pub cadence: String,
    /// The tag the cadence comes from; null when it is the person's own.
    pub cadence_tag: Option<&'a str>,
    /// The cadence in days, counted from `start`.
    pub cadence_days: i64,
    pub last_contact: Option<NaiveDate>,
    pub days_since_contact: Option<i64>,
    /// What the last contact was: the interaction's kind, or "introduction".
    pub last_kind: Option<&'a str>,
    pub last_note: Option<&'a str>,
    /// What the count starts from: last_contact, met, added, or nothing.
    pub counted_from: CountedFrom,
    pub start: Option<NaiveDate>,
    pub due: NaiveDate,
    /// Days past the due date; negative when it is still ahead.
    pub days_late: i64,
    /// days_late / cadence_days: 1.0 means a whole cadence late.
    pub lateness: f64,
}

/// One line of `due`; `--json` prints them as one array, told apart by `"type"`.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item<'a> {
    Reminder(Reminded<'a>),
    Cadence(Due<'a>),
    FollowUp(FollowUp<'a>),
    Birthday(Occasion<'a>),
    Anniversary(Occasion<'a>),
}

#[derive(Debug, Default)]
pub struct Report<'a> {
    /// The one-off reminders whose day has come, oldest first.
    pub reminders: Vec<Reminded<'a>>,
    /// Most overdue first, relative to the cadence.
    pub due: Vec<Due<'a>>,
    /// Who would be in `due` but is snoozed, with the day the snooze ends (not printed
    /// by `due`; the calendar export places them on that day).
    pub snoozed: Vec<(Due<'a>, NaiveDate)>,
    /// Oldest first.
    pub follow_ups: Vec<FollowUp<'a>>,
    /// Birthdays and anniversaries coming up, soonest first.
    pub occasions: Vec<Occasion<'a>>,
}

impl<'a> Report<'a> {
    pub fn into_items(self) -> Vec<Item<'a>> {
        let due = self.due.into_iter().map(Item::Cadence);
        let occasions = self.occasions.into_iter().map(|o| match o.kind {
            Kind::Birthday => Item::Birthday(o),
            Kind::Anniversary => Item::Anniversary(o),
        });
        let reminders = self.reminders.into_iter().map(Item::Reminder);
        reminders
            .chain(due)
            .chain(self.follow_ups.into_iter().map(Item::FollowUp))
            .chain(occasions)
            .collect()
    }
}

/// Who is due by `horizon` (today, or later with `--within`; someone snoozed today is
/// set aside in `snoozed`), the reminders dated up to `horizon`, the introductions to
/// follow up, and the birthdays and anniversaries up to `ahead`. With `tag`, only
/// people with that tag and introductions including one.
pub fn due<'a>(
    net: &'a Network,
    today: NaiveDate,
    horizon: NaiveDate,
    ahead: NaiveDate,
    tag: Option<&str>,
) -> Report<'a> {
    let tag = tag.map(normalize_term);
    let has_tag = |p: &Person| tag.as_ref().is_none_or(|t| p.tags.iter().any(|x| x == t));
    let last = last_contacts(net);
    let tags = TagCadences::new(net);

    let mut due: Vec<Due> = Vec::new();
    let mut snoozed = Vec::new();
    for p in net.people.iter().filter(|p| has_tag(p)) {
        let contact = last.get(&p.id);
        let Some(s) = schedule(p, contact, &tags, today) else {
            continue;
        };
        if s.due > horizon {
            continue;
        }
        let days_late = (today - s.due).num_days();
        let cadence_days = s.days();
        let item = Due {
            id: &p.id,
            name: &p.name,
            cadence: s.every.cadence.to_string(),
            cadence_tag: s.every.tag,
            cadence_days,
            last_contact: contact.map(|c| c.date),
            days_since_contact: contact.map(|c| (today - c.date).num_days()),
            last_kind: contact.and_then(|c| c.kind),
            last_note: contact.and_then(|c| c.note),
            counted_from: s.from,
            start: s.start,
            due: s.due,
            days_late,
            lateness: (days_late as f64 / cadence_days as f64 * 1000.0).round() / 1000.0,
        };
        match reminders::snoozed_until(p, today) {
            Some(until) => snoozed.push((item, until)),
            None => due.push(item),
        }
    }
    due.sort_by(|a, b| {
        later_by_ratio(a, b)
            .then_with(|| b.days_late.cmp(&a.days_late))
            .then_with(|| by_name((a.name, a.id.as_str()), (b.name, b.id.as_str())))
    });

    let made_by = today.checked_sub_days(Days::new(FOLLOW_UP_AFTER_DAYS));
    let follow_ups = follow_ups::unanswered(net, &last, today, made_by, |x| {
        tag.is_none()
            || x.people
                .iter()
                .any(|id| net.person(id).is_some_and(&has_tag))
    });
    Report {
        reminders: reminders::reminders(net, today, horizon, has_tag),
        due,
        snoozed,
        follow_ups,
        occasions: occasions::upcoming(net, today, ahead, has_tag),
    }
}

/// One tag's default cadence, as `netweb cadence` lists it.
#[derive(Debug, Serialize)]
pub struct TagCadence<'a> {
    pub tag: &'a str,
    /// null when the tag has no cadence.
    pub every: Option<&'a str>,
    /// How many people have the tag.
    pub people: usize,
    /// How many of them have their own cadence, which wins over the tag's.
    pub own_cadence: usize,
}

/// The cadence of one tag (`every` is null when it has none).
pub fn tag_cadence<'a>(net: &'a Network, tag: &'a str) -> TagCadence<'a> {
    let every = net
        .tag_cadences
        .iter()
        .find(|(t, _)| normalize_term(t) == tag)
        .map(|(_, e)| e.as_str());
    let with_tag = net
        .people
        .iter()
        .filter(|p| p.tags.iter().any(|t| t == tag));
    let (people, own_cadence) = with_tag.fold((0, 0), |(n, own), p| {
        (n + 1, own + usize::from(p.every.is_some()))
    });
    TagCadence {
        tag,
        every,
        people,
        own_cadence,
    }
}

/// Every tag that has a cadence, by tag.
pub fn tag_cadences(net: &Network) -> Vec<TagCadence<'_>> {
    net.tag_cadences
        .keys()
        .map(|t| tag_cadence(net, t))
        .collect()
}

/// Alphabetical by name (any case), then by the second part (an id): the order of a
/// list must not depend on the file's.
fn by_name(a: (&str, &str), b: (&str, &str)) -> Ordering {
    (a.0.to_lowercase().cmp(&b.0.to_lowercase())).then_with(|| a.1.cmp(b.1))
}

/// Compares lateness ratios exactly (cross-multiplied), larger first.
fn later_by_ratio(a: &Due, b: &Due) -> Ordering {
    let left = i128::from(b.days_late) * i128::from(a.cadence_days);
    let right = i128::from(a.days_late) * i128::from(b.cadence_days);
    left.cmp(&right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Extra, Interaction, Introduction};
    use compact_str::CompactString;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn person(id: &str, every: Option<&str>, tags: &[&str], added: &str) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.to_uppercase().into(),
            every: every.map(CompactString::from),
            tags: tags.iter().map(|&t| t.into()).collect(),
            added: Some(d(added)),
            ..Person::default()
        }
    }

    fn met(date: &str, people: &[&str], kind: &str) -> Interaction {
        Interaction {
            date: d(date),
            people: people.iter().map(|p| PersonId::from(*p)).collect(),
            kind: Some(kind.into()),
            note: None,
            source: None,
            extra: Extra::new(),
        }
    }

    fn intro(date: &str, people: &[&str]) -> Introduction {
        Introduction {
            date: d(date),
            people: people.iter().map(|p| PersonId::from(*p)).collect(),
            note: Some("about x".into()),
            extra: Extra::new(),
        }
    }

    fn ids<'a>(r: &'a Report) -> Vec<&'a str> {
        r.due.iter().map(|x| x.id.as_str()).collect()
    }

    const TODAY: &str = "2026-11-25";

    #[test]
    fn own_cadence_wins_then_the_shortest_tag() {
        let mut net = Network {
            people: vec![
                person("own", Some("60d"), &["family"], "2026-01-01"),
                person("two-tags", None, &["network", "family"], "2026-01-01"),
                person("untagged", None, &[], "2026-01-01"),
            ],
            ..Network::default()
        };
        net.tag_cadences.insert("family".into(), "2w".into());
        net.tag_cadences.insert("network".into(), "3m".into());
        let tags = TagCadences::new(&net);
        let of = |i: usize| {
            tags.of(&net.people[i])
                .map(|e| (e.cadence.to_string(), e.tag))
        };
        assert_eq!(of(0), Some(("60d".to_string(), None)));
        assert_eq!(of(1), Some(("2w".to_string(), Some("family"))));
        assert_eq!(of(2), None);
    }

    #[test]
    fn lateness_is_relative_to_the_cadence() {
        let net = Network {
            people: vec![
                person("weekly", Some("1w"), &[], "2020-01-01"),
                person("yearly", Some("1y"), &[], "2020-01-01"),
                person("fine", Some("1y"), &[], "2020-01-01"),
            ],
            interactions: vec![
                // Both 20 days late.
                met("2026-10-29", &["weekly"], "call"),
                met("2025-11-05", &["yearly"], "coffee"),
                met("2026-11-01", &["fine"], "coffee"),
            ],
            ..Network::default()
        };
        let today = d(TODAY);
        let r = due(&net, today, today, today, None);
        assert_eq!(ids(&r), ["weekly", "yearly"]);
        assert_eq!(r.due[0].days_late, 20);
        assert_eq!(r.due[1].days_late, 20);
        assert_eq!(r.due[0].cadence_days, 7);
        assert_eq!(r.due[1].cadence_days, 365);
        assert_eq!(r.due[0].lateness, 2.857);
    }

    #[test]
    fn never_contacted_counts_from_met_or_added() {
        let mut late_met = person("met-later", Some("30d"), &[], "2026-01-01");
        late_met.met = Some(d("2026-03-01"));
        let mut early_met = person("met-earlier", Some("30d"), &[], "2026-06-01");
        early_met.met = Some(d("2001-01-01"));
        let mut nothing = person("nothing", Some("30d"), &[], "2026-01-01");
        nothing.added = None;
        let net = Network {
            people: vec![late_met, early_met, nothing],
            ..Network::default()
        };
        let today = d(TODAY);
        let r = due(&net, today, today, today, None);
        let by = |id: &str| r.due.iter().find(|x| x.id.as_str() == id).unwrap();
        assert_eq!(by("met-later").counted_from, CountedFrom::Met);
        assert_eq!(by("met-later").due, d("2026-03-31"));
        assert_eq!(by("met-earlier").counted_from, CountedFrom::Added);
        assert_eq!(by("met-earlier").due, d("2026-07-01"));
        assert_eq!(by("nothing").counted_from, CountedFrom::Nothing);
        assert_eq!(by("nothing").due, today);
        assert_eq!(by("nothing").last_contact, None);
    }

    #[test]
    fn an_introduction_is_contact_and_the_horizon_includes_soon() {
        let net = Network {
            people: vec![
                person("a", Some("30d"), &[], "2020-01-01"),
                person("b", Some("30d"), &[], "2020-01-01"),
            ],
            interactions: vec![met("2026-10-01", &["a", "b"], "dinner")],
            introductions: vec![intro("2026-11-01", &["a", "b"])],
            ..Network::default()
        };
        let today = d(TODAY);
        assert!(due(&net, today, today, today, None).due.is_empty());
        let week = today.checked_add_days(Days::new(7)).unwrap();
        let r = due(&net, today, week, week, None);
        assert_eq!(ids(&r), ["a", "b"]);
        assert_eq!(r.due[0].due, d("2026-12-01"));
        assert_eq!(r.due[0].days_late, -6);
        assert_eq!(r.due[0].last_kind, Some(INTRODUCTION));
        assert_eq!(r.due[0].last_note, Some("about x"));
    }

    #[test]
    fn month_cadences_clamp_at_month_ends() {
        let net = Network {
            people: vec![person("m", Some("1m"), &[], "2020-01-01")],
            interactions: vec![met("2024-01-31", &["m"], "call")],
            ..Network::default()
        };
        let today = d("2024-03-01");
        let r = due(&net, today, today, today, None);
        assert_eq!(r.due[0].due, d("2024-02-29"));
        assert_eq!(r.due[0].days_late, 1);
        assert_eq!(r.due[0].cadence_days, 29);
    }

    #[test]
    fn follow_ups_wait_two_weeks_and_end_with_any_contact() {
        let net = Network {
            people: vec![
                person("a", None, &["work"], "2020-01-01"),
                person("b", None, &[], "2020-01-01"),
                person("c", None, &[], "2020-01-01"),
                person("d", None, &[], "2020-01-01"),
            ],
            introductions: vec![
                intro("2026-11-11", &["a", "b"]),
                intro("2026-11-12", &["c", "d"]),
                intro("2026-10-01", &["a", "c"]),
            ],
            interactions: vec![met("2026-10-01", &["c"], "coffee")],
            ..Network::default()
        };
        let today = d(TODAY);
        let r = due(&net, today, today, today, None);
        // a-c was followed by the a-b introduction (contact with a); c-d is too recent.
        let dates: Vec<NaiveDate> = r.follow_ups.iter().map(|f| f.date).collect();
        assert_eq!(dates, [d("2026-11-11")]);
        assert_eq!(r.follow_ups[0].days_ago, 14);
        assert_eq!(r.follow_ups[0].names, ["A", "B"]);
        assert!(
            due(&net, today, today, today, Some("nope"))
                .follow_ups
                .is_empty()
        );
        assert_eq!(
            due(&net, today, today, today, Some("Work"))
                .follow_ups
                .len(),
            1
        );
    }
}
