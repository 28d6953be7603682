//! A card's RELATED (or a Google relation) that names another contact: the import keeps
//! the names it could not match then as text (`extra_fields::RELATED`); a contact added
//! since, from another source, may be the one named.

use std::collections::HashMap;

use crate::extra_fields::{self as fields, Related};
use crate::model::Network;
use crate::resolve::fold;

/// One named relation that points at a contact: who names whom, and as what.
pub struct Named {
    pub from: usize,
    pub to: usize,
    pub kind: Option<String>,
}

/// Every related entry that names exactly one other contact, by uid, email, id or full
/// name (folded as every match is). A name two contacts share points at neither.
pub fn named(net: &Network) -> Vec<Named> {
    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in net.people.iter().enumerate() {
        let mut own = vec![fold(&p.name), p.id.to_string()];
        own.extend(p.emails.iter().map(|e| e.to_lowercase().to_string()));
        own.extend(fields::text(p, fields::UID).map(str::to_lowercase));
        own.sort();
        own.dedup();
        for k in own {
            keys.entry(k).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for (from, p) in net.people.iter().enumerate() {
        for r in fields::records::<Related>(p, fields::RELATED) {
            let text = r.name.trim();
            let key = match text.strip_prefix("mailto:") {
                Some(email) => email.to_lowercase(),
                None if text.contains(':') || text.contains('@') => text.to_lowercase(),
                None => fold(text),
            };
            if let Some([to]) = keys.get(&key).map(Vec::as_slice)
                && *to != from
            {
                found.push(Named {
                    from,
                    to: *to,
                    kind: r.kind.clone(),
                });
            }
        }
    }
    found
}
