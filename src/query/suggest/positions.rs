//! What a person's position (`role`) says, for a network that has little else (a
//! LinkedIn export: company and position, no interests). Two signals:
//!
//! - **The same field**: the words of the position, with rank words ("senior", "head")
//!   and filler dropped and plurals folded as `matching.rs` folds them, join the interest
//!   vocabulary as terms of their own, so they are weighted by rarity like interests (two
//!   developer advocates say more than two managers) and reach every bound, candidate walk,
//!   sampled negative and guard that interests reach, with no second code path.
//! - **Complementary roles** (`COMPLEMENTS`): a position that says what someone offers (a
//!   recruiter, an investor, a mentor) meets one that says what someone needs (hiring, a
//!   founder, a student); they join the offers and seeks as needs.
//!
//! Both kinds of term are marked with `MARK` in front, a character no typed term holds
//! (typed terms are split on it), so the explanation can tell them from typed ones.

use compact_str::CompactString;

use crate::ids::FastMap;
use crate::model::{Network, Person};
use crate::query::suggest::matching::content_words;

/// Marks a term read from a position.
pub const MARK: char = '\u{1f}';

/// Words of a position that say rank or state, not field: dropped from the field words.
const RANK_WORDS: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "head",
    "principal",
    "staff",
    "chief",
    "associate",
    "assistant",
    "vp",
    "vice",
    "president",
    "co",
    "ii",
    "iii",
    "iv",
    "hiring",
    "we",
    "re",
    "are",
    "now",
    "open",
    "at",
    "new",
];

/// A position that says what someone offers, met by one that says what someone needs.
pub struct Complement {
    /// Any of these words (folded) in a position: it offers `need`.
    pub offered_by: &'static [&'static str],
    /// Any of these in a position: it seeks `need`.
    pub sought_by: &'static [&'static str],
    /// The need, as an offer and seek phrase (it meets typed ones too).
    pub need: &'static str,
    /// How the sentence says each side: "Kim recruits (Technical Recruiter)".
    pub offers_says: &'static str,
    pub seeks_says: &'static str,
}

/// The small table of complementary roles. A CEO alone is not in it: a bank's CEO does
/// not seek angels; "CEO of a startup" is, through "startup".
pub const COMPLEMENTS: &[Complement] = &[
    Complement {
        offered_by: &[
            "recruiter",
            "recruiting",
            "recruitment",
            "headhunter",
            "talent",
        ],
        sought_by: &["hiring"],
        need: "recruiting",
        offers_says: "recruits",
        seeks_says: "is hiring",
    },
    Complement {
        offered_by: &["investor", "vc", "angel", "venture"],
        sought_by: &["founder", "cofounder", "startup", "stealth"],
        need: "funding",
        offers_says: "invests",
        seeks_says: "is a founder",
    },
    Complement {
        offered_by: &["mentor", "coach"],
        sought_by: &[
            "student",
            "intern",
            "junior",
            "graduate",
            "apprentice",
            "trainee",
        ],
        need: "mentoring",
        offers_says: "mentors",
        seeks_says: "is early in their career",
    },
];

/// The part of a position that names it: "Data Engineer at Ocado" -> "Data Engineer".
pub(crate) fn title(role: &str) -> &str {
    let lower = role.to_lowercase();
    let cut = [" at ", "@"]
        .iter()
        .filter_map(|sep| lower.find(sep))
        .min()
        .unwrap_or(lower.len());
    // Lower-casing keeps byte offsets for the ASCII separators only when the text before
    // them is unchanged in length; fall back to the whole text otherwise.
    role.get(..cut)
        .filter(|_| lower.len() == role.len())
        .unwrap_or(role)
}

/// The field words of a position, folded, in order, each once: "Senior Data Engineers"
/// -> ["data", "engineer"].
pub fn field_words(role: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in content_words(title(role)) {
        if w.len() > 1 && !RANK_WORDS.contains(&w.as_str()) && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// What the position offers and what it seeks, as `COMPLEMENTS` rows.
pub fn complements(role: &str) -> (Vec<&'static Complement>, Vec<&'static Complement>) {
    let words = content_words(role);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let offers = COMPLEMENTS.iter().filter(|c| has(c.offered_by)).collect();
    let seeks = COMPLEMENTS.iter().filter(|c| has(c.sought_by)).collect();
    (offers, seeks)
}

/// `MARK` + text.
fn marked(text: &str) -> CompactString {
    let mut s = CompactString::default();
    s.push(MARK);
    s.push_str(text);
    s
}

/// A term read from a position, without its mark; `None` for a typed term.
pub fn unmarked(term: &str) -> Option<&str> {
    term.strip_prefix(MARK)
}

/// Each person's own terms and those their position adds, as two lists, so that neither
/// is copied (at 100,000 people copying everyone's interests to append two field words
/// was a fifth of building the vocabulary).
pub struct PersonTerms<'a> {
    net: &'a Network,
    own: fn(&Person) -> &[CompactString],
    /// Per person, an index into `added`; 0 is the empty list.
    which: Vec<u32>,
    added: Vec<Vec<CompactString>>,
}

impl PersonTerms<'_> {
    /// Each person's two lists, in people[] order.
    pub fn iter(&self) -> impl Iterator<Item = [&[CompactString]; 2]> {
        (self.net.people.iter())
            .zip(&self.which)
            .map(|(p, &w)| [(self.own)(p), self.added[w as usize].as_slice()])
    }
}

/// Each distinct position is read once: an address book holds far fewer positions than
/// people (a generated one of 100,000 people, 42), and reading one allocates a string
/// per word.
fn with_position<'a>(
    net: &'a Network,
    own: fn(&Person) -> &[CompactString],
    added: impl Fn(&str) -> Vec<CompactString>,
) -> PersonTerms<'a> {
    let mut read: FastMap<&'a str, u32> = FastMap::default();
    let mut lists = vec![Vec::new()];
    let which = (net.people.iter())
        .map(|p| match p.role.as_deref() {
            Some(role) => *read.entry(role).or_insert_with(|| {
                lists.push(added(role));
                (lists.len() - 1) as u32
            }),
            None => 0,
        })
        .collect();
    PersonTerms {
        net,
        own,
        which,
        added: lists,
    }
}

/// Interests and field words, per person.
pub fn interests_and_fields(net: &Network) -> PersonTerms<'_> {
    with_position(
        net,
        |p| &p.interests,
        |role| field_words(role).iter().map(|w| marked(w)).collect(),
    )
}

/// Typed offers and those a position says.
pub fn offers(net: &Network) -> PersonTerms<'_> {
    with_position(
        net,
        |p| &p.offers,
        |role| complements(role).0.iter().map(|c| marked(c.need)).collect(),
    )
}

/// Typed seeks and those a position says.
pub fn seeks(net: &Network) -> PersonTerms<'_> {
    with_position(
        net,
        |p| &p.seeks,
        |role| complements(role).1.iter().map(|c| marked(c.need)).collect(),
    )
}

/// The row of `COMPLEMENTS` a marked need comes from.
pub fn complement(need: &str) -> Option<&'static Complement> {
    COMPLEMENTS.iter().find(|c| c.need == need)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_words_drop_rank_filler_and_the_company() {
        assert_eq!(field_words("Senior Data Engineer"), ["data", "engineer"]);
        assert_eq!(field_words("Data Engineers @ Ocado"), ["data", "engineer"]);
        assert_eq!(
            field_words("Head of Developer Relations at Wise"),
            ["developer", "relation"]
        );
        assert_eq!(
            field_words("Software Engineer II"),
            ["software", "engineer"]
        );
        assert_eq!(field_words("Co-founder & CEO"), ["founder", "ceo"]);
        assert_eq!(field_words("Lead Designer, hiring!"), ["designer"]);
        assert!(field_words("Senior Lead").is_empty());
    }

    #[test]
    fn positions_say_what_they_offer_and_seek() {
        let needs = |role: &str| {
            let (o, s) = complements(role);
            let names = |l: Vec<&Complement>| l.iter().map(|c| c.need).collect::<Vec<_>>();
            (names(o), names(s))
        };
        assert_eq!(needs("Technical Recruiter"), (vec!["recruiting"], vec![]));
        assert_eq!(
            needs("Engineering Manager (hiring)"),
            (vec![], vec!["recruiting"])
        );
        assert_eq!(needs("Angel Investor"), (vec!["funding"], vec![]));
        assert_eq!(
            needs("Co-founder & CEO at Stealth"),
            (vec![], vec!["funding"])
        );
        assert_eq!(needs("CEO"), (vec![], vec![]), "a CEO alone seeks nothing");
        assert_eq!(needs("PhD student"), (vec![], vec!["mentoring"]));
        assert_eq!(needs("Product Manager"), (vec![], vec![]));
    }

    #[test]
    fn marked_terms_are_told_from_typed_ones() {
        assert_eq!(unmarked(&marked("data")), Some("data"));
        assert_eq!(unmarked("data"), None);
        // A typed phrase never holds the mark: it is split away when matching.
        assert_eq!(content_words(&marked("recruiting")), ["recruiting"]);
    }
}
