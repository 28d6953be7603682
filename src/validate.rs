//! Checks a loaded network for what JSON parsing cannot see: ids that do not resolve,
//! duplicates, self-relationships, out-of-range values. Every problem names the entry
//! and says how to fix it, because the usual cause is a hand edit.

use rayon::prelude::*;

use crate::ids::{FastMap, IdIndex, UNKNOWN, resolve_ends};
use crate::model::{Network, PersonId};

/// How many problems one error lists before it says "and N more".
const MAX_LISTED: usize = 10;

/// Every problem found, in file order. Empty means the network is sound.
///
/// Runs on every load, so the common case (nothing wrong) is kept cheap: ids become
/// dense indices once, pairs are checked as integer keys, and labels are only built
/// for an entry that has a problem.
pub fn problems(net: &Network) -> Vec<String> {
    examine(net).0
}

/// The problems, and both ends of every relationship as people[] indices (`UNKNOWN`
/// where an id does not resolve), which a graph built next can reuse instead of looking
/// two million ids up a second time.
pub fn examine(net: &Network) -> (Vec<String>, Vec<[u32; 2]>) {
    let mut out = Vec::new();
    // id -> the latest people[] index using it (an index fits in u32, as in `graph`).
    let mut index = IdIndex::with_capacity(net.people.len());
    for (i, p) in net.people.iter().enumerate() {
        let id = p.id.as_str();
        if !usable_id(id) {
            out.push(format!(
                "people[{i}] ({:?}) has an empty id: give it one, e.g. \"{}\"",
                p.name,
                crate::text::slug(&p.name)
            ));
        } else {
            let first = index.get(id);
            if first != UNKNOWN {
                out.push(format!(
                    "people[{i}] has the id {id:?}, already used by people[{first}]: ids must be unique, rename one"
                ));
            }
            index.insert(id, i as u32);
        }
        if p.name.trim().is_empty() {
            out.push(format!("people[{i}] ({}) has an empty name", p.id));
        }
        if let Some(every) = &p.every
            && crate::cadence::Cadence::parse(every).is_err()
        {
            out.push(format!(
                "people[{i}] ({}) has every {every:?}, not a cadence: write a number and a unit \
                 such as 14d, 2w, 3m or 1y, or remove the field",
                p.id
            ));
        }
    }
    let known = |id: &PersonId| index.get(id.as_str()) != UNKNOWN;

    // Both ends as people[] indices, resolved once (UNKNOWN: not a known id; a plain u32
    // keeps this 8 bytes a relationship, 8 MB at a million).
    let ends = resolve_ends(&net.relationships, &index);
    // Sorting a million pairs for repeats is the largest single step; on a second thread
    // it overlaps the checks that come after the relationships in the list.
    let (repeats, later) = if ends.len() >= PARALLEL_FROM {
        rayon::join(
            || repeated_pairs(net, &ends),
            || later_problems(net, &known),
        )
    } else {
        (repeated_pairs(net, &ends), later_problems(net, &known))
    };
    // Each relationship's problems, in file order; from PARALLEL_FROM on two threads (a
    // million relationships took 15 ms on one).
    let problems_of = |i: usize| -> Vec<String> {
        let (r, [a, b]) = (&net.relationships[i], ends[i]);
        let mut out = Vec::new();
        let label = || format!("relationships[{i}] ({} - {})", r.a, r.b);
        for (end, index) in [(&r.a, a), (&r.b, b)] {
            if index == UNKNOWN {
                out.push(format!(
                    "{} names {:?}, who is not in people: fix the id or remove the entry",
                    label(),
                    end.as_str()
                ));
            }
        }
        if r.a == r.b {
            out.push(format!(
                "{} links a person with themself: remove the entry",
                label()
            ));
        }
        if let Some(s) = r.strength
            && !(1..=5).contains(&s)
        {
            out.push(format!(
                "{} has strength {s}: strength goes from 1 to 5",
                label()
            ));
        }
        if let Some(first) = repeats.get(&i) {
            out.push(format!(
                "{} repeats relationships[{first}]: keep one of the two",
                label()
            ));
        }
        out
    };
    if ends.len() >= PARALLEL_FROM {
        out.par_extend((0..ends.len()).into_par_iter().flat_map_iter(problems_of));
    } else {
        out.extend((0..ends.len()).flat_map(problems_of));
    }

    out.extend(later);
    (out, ends)
}

/// From this many relationships the repeat check runs on a second thread, and the sort
/// and the per-relationship checks on both.
const PARALLEL_FROM: usize = 100_000;

/// The problems listed after the relationships': tag cadences, interactions,
/// introductions and reminders, in that order.
fn later_problems(net: &Network, known: &impl Fn(&PersonId) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for (tag, every) in &net.tag_cadences {
        if crate::cadence::Cadence::parse(every).is_err() {
            out.push(format!(
                "tag_cadences[{tag:?}] is {every:?}, not a cadence: write a number and a unit \
                 (14d, 2w, 3m or 1y), or remove the entry"
            ));
        }
    }

    for (i, x) in net.interactions.iter().enumerate() {
        check_people(
            &mut out,
            || format!("interactions[{i}] ({})", x.date),
            &x.people,
            1,
            known,
        );
    }
    for (i, x) in net.introductions.iter().enumerate() {
        check_people(
            &mut out,
            || format!("introductions[{i}] ({})", x.date),
            &x.people,
            2,
            known,
        );
    }
    for (i, r) in net.reminders.iter().enumerate() {
        let label = || format!("reminders[{i}] ({} {:?})", r.date, r.text);
        if !known(&r.person) {
            out.push(format!(
                "{} is about {:?}, who is not in people: fix the person's id or remove the reminder",
                label(),
                r.person.as_str()
            ));
        }
        if r.text.trim().is_empty() {
            out.push(format!(
                "{} has an empty text: say what to remember, or remove the reminder",
                label()
            ));
        }
    }
    out
}

/// Whether an id can be looked up at all (a blank one is a problem of its own).
fn usable_id(id: &str) -> bool {
    !id.trim().is_empty()
}

/// relationships[] index -> the latest earlier index linking the same unordered pair.
///
/// Sorting the pairs finds repeats with sequential memory access; a hash set of a
/// million pairs was a cache miss per relationship. Pairs naming someone unknown are
/// compared by their ids (they are rare: each is already a problem of its own).
fn repeated_pairs(net: &Network, ends: &[[u32; 2]]) -> FastMap<usize, usize> {
    let mut known: Vec<(u64, u32)> = Vec::with_capacity(ends.len());
    let mut unknown: Vec<((&str, &str), u32)> = Vec::new();
    for (i, (r, end)) in net.relationships.iter().zip(ends).enumerate() {
        match *end {
            [a, b] if a != UNKNOWN && b != UNKNOWN => {
                let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
                known.push((u64::from(lo) << 32 | u64::from(hi), i as u32));
            }
            _ => {
                let key = if r.a <= r.b {
                    (r.a.as_str(), r.b.as_str())
                } else {
                    (r.b.as_str(), r.a.as_str())
                };
                unknown.push((key, i as u32));
            }
        }
    }
    // Sorted by pair, then by index: each repeat follows the one before it in the file.
    // From PARALLEL_FROM the sort takes the second thread too: what runs beside it
    // (`later_problems`) is over in a fraction of the time.
    if known.len() >= PARALLEL_FROM {
        known.par_sort_unstable();
    } else {
        known.sort_unstable();
    }
    unknown.sort_unstable();
    let mut repeats = FastMap::default();
    for w in known.windows(2) {
        if w[0].0 == w[1].0 {
            repeats.insert(w[1].1 as usize, w[0].1 as usize);
        }
    }
    for w in unknown.windows(2) {
        if w[0].0 == w[1].0 {
            repeats.insert(w[1].1 as usize, w[0].1 as usize);
        }
    }
    repeats
}

fn check_people(
    out: &mut Vec<String>,
    label: impl Fn() -> String,
    people: &[PersonId],
    at_least: usize,
    known: &impl Fn(&PersonId) -> bool,
) {
    // Distinct people, counted only up to `at_least`: exact whenever it falls short.
    let mut distinct: Vec<&PersonId> = Vec::new();
    for id in people {
        if distinct.len() == at_least {
            break;
        }
        if !distinct.contains(&id) {
            distinct.push(id);
        }
    }
    if distinct.len() < at_least {
        out.push(format!(
            "{} names {} distinct people; it needs at least {at_least}",
            label(),
            distinct.len()
        ));
    }
    for id in people.iter().filter(|id| !known(id)) {
        out.push(format!(
            "{} names {:?}, who is not in people: fix the id or remove it",
            label(),
            id.as_str()
        ));
    }
}

/// Joins problems into one message, listing at most a screenful.
pub fn describe(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(MAX_LISTED)
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n");
    if problems.len() > MAX_LISTED {
        text.push_str(&format!("\n  ... and {} more", problems.len() - MAX_LISTED));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use compact_str::CompactString;

    use crate::model::{Person, Relationship};

    fn person(id: &str) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.to_uppercase().into(),
            ..Person::default()
        }
    }

    #[test]
    fn a_sound_network_has_no_problems() {
        let mut net = Network {
            people: vec![person("a"), person("b")],
            ..Network::default()
        };
        net.relationships = vec![Relationship::new(
            PersonId("a".into()),
            PersonId("b".into()),
        )];
        assert!(problems(&net).is_empty());
    }

    #[test]
    fn each_kind_of_problem_is_named() {
        let mut net = Network {
            people: vec![person("a"), person("a"), person("b")],
            ..Network::default()
        };
        let mut strong = Relationship::new(PersonId("a".into()), PersonId("b".into()));
        strong.strength = Some(9);
        net.relationships = vec![
            strong,
            Relationship::new(PersonId("b".into()), PersonId("a".into())),
            Relationship::new(PersonId("a".into()), PersonId("a".into())),
            Relationship::new(PersonId("a".into()), PersonId("zed".into())),
        ];
        let found = problems(&net).join("\n");
        assert!(found.contains("already used by people[0]"), "{found}");
        assert!(found.contains("strength 9"), "{found}");
        assert!(found.contains("repeats relationships[0]"), "{found}");
        assert!(found.contains("with themself"), "{found}");
        assert!(found.contains("\"zed\", who is not in people"), "{found}");
    }

    #[test]
    fn a_large_network_lists_its_problems_in_file_order() {
        // From PARALLEL_FROM relationships the checks run on two threads; the list must
        // read as the one-thread one does.
        let people: Vec<Person> = (0..600).map(|i| person(&format!("p{i}"))).collect();
        let mut rels = Vec::new();
        for i in 0..600 {
            for j in i + 1..600 {
                rels.push(Relationship::new(
                    people[i].id.clone(),
                    people[j].id.clone(),
                ));
            }
        }
        assert!(rels.len() >= PARALLEL_FROM);
        let last = rels.len() - 1;
        rels[3].strength = Some(0);
        rels[last].b = PersonId("zed".into());
        rels[last / 2] = rels[7].clone();
        let net = Network {
            people,
            relationships: rels,
            ..Network::default()
        };
        let found = problems(&net);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("relationships[3] ") && found[0].contains("strength 0"));
        assert!(found[1].starts_with(&format!("relationships[{}] ", last / 2)));
        assert!(
            found[1].contains("repeats relationships[7]"),
            "{}",
            found[1]
        );
        assert!(found[2].starts_with(&format!("relationships[{last}] ")));
        assert!(
            found[2].contains("\"zed\", who is not in people"),
            "{}",
            found[2]
        );
    }

    #[test]
    fn a_reminder_about_no_one_is_named() {
        let reminder = |who: &str, text: &str| crate::model::Reminder {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            person: PersonId(who.into()),
            text: text.into(),
            extra: crate::model::Extra::new(),
        };
        let net = Network {
            people: vec![person("a")],
            reminders: vec![
                reminder("a", "call"),
                reminder("zed", "ask"),
                reminder("a", " "),
            ],
            ..Network::default()
        };
        assert_eq!(
            problems(&net),
            [
                "reminders[1] (2026-12-01 \"ask\") is about \"zed\", who is not in people: fix \
                 the person's id or remove the reminder",
                "reminders[2] (2026-12-01 \" \") has an empty text: say what to remember, or \
                 remove the reminder"
            ]
        );
    }

    #[test]
    fn each_repeat_points_at_the_copy_before_it_in_file_order() {
        let rel = |a: &str, b: &str| Relationship::new(PersonId(a.into()), PersonId(b.into()));
        let net = Network {
            people: vec![person("a"), person("b"), person("c")],
            relationships: vec![
                rel("a", "b"),
                rel("b", "c"),
                rel("b", "a"),
                rel("c", "zed"),
                rel("a", "b"),
                rel("zed", "c"),
            ],
            ..Network::default()
        };
        let repeats: Vec<String> = problems(&net)
            .into_iter()
            .filter(|p| p.contains("repeats"))
            .collect();
        assert_eq!(
            repeats,
            [
                "relationships[2] (b - a) repeats relationships[0]: keep one of the two",
                "relationships[4] (a - b) repeats relationships[2]: keep one of the two",
                "relationships[5] (zed - c) repeats relationships[3]: keep one of the two",
            ]
        );
    }

    #[test]
    fn normalize_leaves_normal_lists_and_fixes_the_rest() {
        let mut net = Network {
            people: vec![person("a"), person("b")],
            ..Network::default()
        };
        let normal = vec![
            CompactString::from("chess"),
            CompactString::from("horse riding"),
        ];
        net.people[0].interests = normal.clone();
        net.people[1].interests = ["Chess", " chess ", "", "horse   Riding", "chess"]
            .map(CompactString::from)
            .to_vec();
        net.people[1].tags = ["x", "x"].map(CompactString::from).to_vec();
        // Same length, same first and last letter: still two terms.
        let alike = vec![CompactString::from("chess"), CompactString::from("chass")];
        net.people[0].offers = alike.clone();
        net.people[1].offers = ["horse riding", "horse riding"]
            .map(CompactString::from)
            .to_vec();
        for p in &mut net.people {
            p.normalize_terms();
        }
        assert_eq!(net.people[0].offers, alike);
        assert_eq!(net.people[1].offers, ["horse riding"]);
        assert_eq!(net.people[0].interests, normal);
        assert_eq!(net.people[1].interests, normal);
        assert_eq!(net.people[1].tags, ["x"]);
    }
}
