//! Which pairs of a group to tie. A small group (a team, a family, a club of a dozen) is
//! taken to know each other whole; in a big one (40 people at one employer) most pairs
//! have never met, so each member is tied only to the group's few anchors: the people
//! the owner is most in touch with, then those already known to know the most.

/// Up to this many members, every pair of a group is tied.
pub const WHOLE_UP_TO: usize = 12;

/// In a bigger group, the members everyone else is tied to.
pub const ANCHORS: usize = 3;

/// What makes a member a better anchor; higher is better, compared in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Standing {
    /// Interactions the owner logged with them: someone the owner sees knows the
    /// owner's world at that company.
    pub contacts: usize,
    /// Relationships already recorded (not those `infer` made), so a rerun picks the
    /// same anchors and proposes nothing new.
    pub degree: usize,
    /// Known the longest: the earlier `met`, the higher (no date counts as least).
    pub known_since: Option<std::cmp::Reverse<chrono::NaiveDate>>,
}

/// The pairs to tie among `members` (people[] indices, in file order) and, for a big
/// group, the anchors chosen. `standing` ranks members as anchors; a tie in standing
/// goes to the member earlier in the file.
pub fn pairs(
    members: &[usize],
    standing: impl Fn(usize) -> Standing,
) -> (Vec<[usize; 2]>, Vec<usize>) {
    if members.len() <= WHOLE_UP_TO {
        let mut out = Vec::new();
        for (i, &a) in members.iter().enumerate() {
            out.extend(members[i + 1..].iter().map(|&b| [a, b]));
        }
        return (out, Vec::new());
    }
    let mut ranked: Vec<usize> = members.to_vec();
    // Stable: equal standing keeps file order.
    ranked.sort_by_key(|&m| std::cmp::Reverse(standing(m)));
    let anchors: Vec<usize> = ranked[..ANCHORS].to_vec();
    let mut out = Vec::new();
    for (i, &a) in anchors.iter().enumerate() {
        out.extend(anchors[i + 1..].iter().map(|&b| [a, b]));
    }
    for &m in members.iter().filter(|m| !anchors.contains(m)) {
        out.extend(anchors.iter().map(|&a| [a, m]));
    }
    (out, anchors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(_: usize) -> Standing {
        Standing {
            contacts: 0,
            degree: 0,
            known_since: None,
        }
    }

    #[test]
    fn a_small_group_is_tied_whole() {
        let (pairs, anchors) = pairs(&[4, 7, 9], flat);
        assert_eq!(pairs, [[4, 7], [4, 9], [7, 9]]);
        assert!(anchors.is_empty());
        let twelve: Vec<usize> = (0..12).collect();
        assert_eq!(super::pairs(&twelve, flat).0.len(), 66);
    }

    #[test]
    fn a_big_group_is_tied_to_its_anchors() {
        let forty: Vec<usize> = (0..40).collect();
        // Person 30 is seen most, 20 next; the third anchor is the most linked.
        let standing = |m: usize| Standing {
            contacts: match m {
                30 => 5,
                20 => 2,
                _ => 0,
            },
            degree: usize::from(m == 35),
            known_since: None,
        };
        let (pairs, anchors) = super::pairs(&forty, standing);
        assert_eq!(anchors, [30, 20, 35]);
        // 3 among the anchors, 3 for each of the other 37.
        assert_eq!(pairs.len(), 3 + 37 * 3);
        assert!(pairs.iter().all(|p| anchors.contains(&p[0])));
        // With nothing to tell them apart, the first in the file.
        assert_eq!(super::pairs(&forty, flat).1, [0, 1, 2]);
    }
}
