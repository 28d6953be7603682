//! The owner says two contacts know each other: a relationship is made if there is none,
//! and one netweb only inferred is confirmed (its `inferred` mark cleared, so
//! `infer --undo` keeps it). `link` and `triage` both say so through here.

use crate::model::{Network, PersonId, Relationship};

/// What `know` found and did.
pub struct Known {
    /// The relationship's index in `net.relationships`.
    pub at: usize,
    /// Whether it is new.
    pub created: bool,
    /// The reason it had been inferred for, when this confirmed it.
    pub confirmed: Option<String>,
}

/// Records that `a` and `b` know each other. The caller has checked they differ.
pub fn know(net: &mut Network, a: &PersonId, b: &PersonId) -> Known {
    match net.relationship_index(a, b) {
        Some(at) => Known {
            at,
            created: false,
            confirmed: net.relationships[at].inferred.take(),
        },
        None => {
            net.relationships
                .push(Relationship::new(a.clone(), b.clone()));
            Known {
                at: net.relationships.len() - 1,
                created: true,
                confirmed: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::net;

    #[test]
    fn a_new_pair_is_made_and_an_inferred_one_confirmed() {
        let mut n = net(3, &[(0, 1)]);
        n.relationships[0].inferred = Some("same company: Ocado".into());
        let k = know(&mut n, &"p1".into(), &"p0".into());
        assert_eq!((k.at, k.created), (0, false));
        assert_eq!(k.confirmed.as_deref(), Some("same company: Ocado"));
        assert_eq!(n.relationships[0].inferred, None);
        let k = know(&mut n, &"p2".into(), &"p0".into());
        assert!(k.created && k.confirmed.is_none());
        assert_eq!(n.relationships.len(), 2);
    }
}
