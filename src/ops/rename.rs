//! Renaming a term for everyone: one spelling merged into another.

use compact_str::CompactString;
use serde::Serialize;

use crate::model::Network;

/// What `interests rename` did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renamed {
    pub old: String,
    pub new: String,
    /// People whose lists changed.
    pub people: usize,
    pub interests: usize,
    pub offers: usize,
    pub seeks: usize,
}

/// Renames `old` to `new` in every person's interests, offers and seeks (tags are left
/// alone: they group people, they are not matched). A list that already had `new` keeps
/// it once, where it was first. Both terms must already be normalised.
pub fn rename(net: &mut Network, old: &str, new: &str) -> Renamed {
    let mut done = Renamed {
        old: old.to_string(),
        new: new.to_string(),
        people: 0,
        interests: 0,
        offers: 0,
        seeks: 0,
    };
    for p in &mut net.people {
        let mut changed = false;
        for (list, count) in [
            (&mut p.interests, &mut done.interests),
            (&mut p.offers, &mut done.offers),
            (&mut p.seeks, &mut done.seeks),
        ] {
            if !list.iter().any(|t| t == old) {
                continue;
            }
            let mut renamed: Vec<CompactString> = Vec::with_capacity(list.len());
            for t in list.drain(..) {
                let t = if t == old {
                    CompactString::from(new)
                } else {
                    t
                };
                if !renamed.contains(&t) {
                    renamed.push(t);
                }
            }
            *list = renamed;
            *count += 1;
            changed = true;
        }
        done.people += usize::from(changed);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, PersonId};

    fn person(id: &str, interests: &[&str], offers: &[&str]) -> Person {
        Person {
            id: PersonId(id.into()),
            name: id.into(),
            interests: interests.iter().map(|&s| s.into()).collect(),
            offers: offers.iter().map(|&s| s.into()).collect(),
            tags: vec!["ml".into()],
            ..Person::default()
        }
    }

    #[test]
    fn rename_merges_and_dedupes_but_leaves_tags() {
        let mut net = Network {
            people: vec![
                person("a", &["ml", "machine learning", "go"], &["ml"]),
                person("b", &["go"], &[]),
            ],
            ..Network::default()
        };
        let r = rename(&mut net, "ml", "machine learning");
        assert_eq!((r.people, r.interests, r.offers, r.seeks), (1, 1, 1, 0));
        assert_eq!(net.people[0].interests, ["machine learning", "go"]);
        assert_eq!(net.people[0].offers, ["machine learning"]);
        assert_eq!(net.people[0].tags, ["ml"]);
        assert_eq!(net.people[1].interests, ["go"]);
    }
}
