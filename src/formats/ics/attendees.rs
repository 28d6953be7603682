//! Who an attendee is: the owner (one of their own addresses), a contact (the same email,
//! case aside; else exactly the same name, folded like every name match in netweb: case,
//! accents and spacing aside, and only when one person has it), or someone unknown.

use std::collections::{HashMap, HashSet};

use compact_str::CompactString;

use super::events::Attendee;
use crate::model::{Network, Person};
use crate::resolve::fold;

/// An attendee, placed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    Me,
    /// A contact, by their place in `Network::people`.
    Contact(usize),
    /// Someone not in the network, by their lower-cased email or else `name:` and their
    /// folded name, so the same person on many events is counted once.
    Unknown(String),
}

pub struct Matcher {
    me: HashSet<String>,
    by_email: HashMap<String, usize>,
    /// Folded name -> the people who have it (more than one: the name is no match).
    by_name: HashMap<String, Vec<usize>>,
}

impl Matcher {
    pub fn new(net: &Network, me: &[CompactString]) -> Matcher {
        let mut m = Matcher {
            me: me.iter().map(|e| e.trim().to_lowercase()).collect(),
            by_email: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, p) in net.people.iter().enumerate() {
            m.add(i, p);
        }
        m
    }

    /// Makes a person (one just added) known.
    pub fn add(&mut self, i: usize, p: &Person) {
        for e in &p.emails {
            self.by_email.entry(e.trim().to_lowercase()).or_insert(i);
        }
        self.by_name.entry(fold(&p.name)).or_default().push(i);
    }

    /// Whether someone in the network has this name (folded).
    pub fn has_name(&self, name: &str) -> bool {
        self.by_name.contains_key(&fold(name))
    }

    pub fn who(&self, a: &Attendee) -> Who {
        let email = a.email.as_deref().map(|e| e.trim().to_lowercase());
        if let Some(email) = &email {
            if self.me.contains(email) {
                return Who::Me;
            }
            if let Some(&i) = self.by_email.get(email) {
                return Who::Contact(i);
            }
        }
        let name = a.name.as_deref().map(fold).filter(|n| !n.is_empty());
        if let Some(name) = &name
            && let Some([i]) = self.by_name.get(name).map(Vec::as_slice)
        {
            return Who::Contact(*i);
        }
        match (email, name) {
            (Some(email), _) => Who::Unknown(email),
            (None, Some(name)) => Who::Unknown(format!("name:{name}")),
            (None, None) => Who::Unknown(String::new()),
        }
    }
}

#[cfg(test)]
mod tests;
