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

use std::borrow::Cow;

use compact_str::CompactString;

use crate::graph::{Graph, Node};
use crate::model::{Network, Person};
use crate::query::suggest::matching::{content_words, singular};

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
fn title(role: &str) -> &str {
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

/// Each person's `own` terms with those their position adds: borrowed when it adds none,
/// so a network without positions costs no copy.
fn with_position<'a>(
    net: &'a Network,
    own: fn(&Person) -> &[CompactString],
    added: impl Fn(&str) -> Vec<CompactString>,
) -> Vec<Cow<'a, [CompactString]>> {
    (net.people.iter())
        .map(|p| {
            let extra = p.role.as_deref().map(&added).unwrap_or_default();
            if extra.is_empty() {
                Cow::Borrowed(own(p))
            } else {
                Cow::Owned(own(p).iter().cloned().chain(extra).collect())
            }
        })
        .collect()
}

/// Interests and field words, per person.
pub fn interests_and_fields(net: &Network) -> Vec<Cow<'_, [CompactString]>> {
    with_position(
        net,
        |p| &p.interests,
        |role| field_words(role).iter().map(|w| marked(w)).collect(),
    )
}

/// Typed offers and those a position says.
pub fn offers(net: &Network) -> Vec<Cow<'_, [CompactString]>> {
    with_position(
        net,
        |p| &p.offers,
        |role| complements(role).0.iter().map(|c| marked(c.need)).collect(),
    )
}

/// Typed seeks and those a position says.
pub fn seeks(net: &Network) -> Vec<Cow<'_, [CompactString]>> {
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

/// How a sentence names the shared field: "work as data engineers" when the shared
/// words end with what both positions are (the last field word of each), "work in data"
/// otherwise. `words` are the shared folded words; the order and forms are `role_a`'s.
pub fn field_phrase(role_a: &str, role_b: &str, words: &[&str]) -> String {
    let raw: Vec<String> = (title(role_a).split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .collect();
    let mut shown: Vec<&str> = Vec::new();
    for w in &raw {
        if words.contains(&singular(w).as_str())
            && !shown.iter().any(|s| singular(s) == singular(w))
        {
            shown.push(w);
        }
    }
    let Some(&last) = shown.last() else {
        return format!("work in {}", words.join(" "));
    };
    let head = |role: &str| field_words(role).last().cloned();
    let folded = singular(last);
    if head(role_a).as_deref() == Some(&folded) && head(role_b).as_deref() == Some(&folded) {
        let mut phrase = shown[..shown.len() - 1].join(" ");
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(&plural(&folded));
        format!("work as {phrase}")
    } else {
        format!("work in {}", shown.join(" "))
    }
}

/// "both work as data engineers, at Ocado and at Wise": the sentence part of the shared
/// field words `field` (none: nothing to say).
pub fn field_part(g: &Graph, a: Node, b: Node, field: &[String]) -> Vec<String> {
    if field.is_empty() {
        return Vec::new();
    }
    let (pa, pb) = (person(g, a), person(g, b));
    let words: Vec<&str> = field.iter().map(String::as_str).collect();
    let role = |p: &Person| p.role.clone().unwrap_or_default();
    let phrase = field_phrase(&role(pa), &role(pb), &words);
    let at = match (company(pa), company(pb)) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => format!(", at {x} and at {y}"),
        (Some(x), Some(_)) => format!(", both at {x}"),
        _ => String::new(),
    };
    vec![format!("both {phrase}{at}")]
}

/// "Kim recruits (Technical Recruiter) and Eve is hiring (Engineering Manager, hiring)":
/// the sentence part of one way `from` helps `to` when a position says it; `None` when
/// both the offer and the need were typed.
pub fn help_part(g: &Graph, from: Node, to: Node, offer: &str, seek: &str) -> Option<String> {
    let (o, s) = (unmarked(offer), unmarked(seek));
    if o.is_none() && s.is_none() {
        return None;
    }
    let says = |n: Node, phrase: &str| {
        let role = person(g, n).role.as_deref().unwrap_or_default();
        format!("{} {phrase} ({role})", g.first_name(n))
    };
    let giver = match o.and_then(complement) {
        Some(c) => says(from, c.offers_says),
        None => format!("{} offers {offer}", g.first_name(from)),
    };
    let taker = match s.and_then(complement) {
        Some(c) => says(to, c.seeks_says),
        None => format!("{} seeks {seek}", g.first_name(to)),
    };
    Some(format!("{giver} and {taker}"))
}

fn company(p: &Person) -> Option<&str> {
    p.company
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

fn person<'a>(g: &Graph<'a>, n: Node) -> &'a Person {
    &g.net.people[n as usize]
}

/// "engineer" -> "engineers", "coach" -> "coaches", "secretary" -> "secretaries".
fn plural(word: &str) -> String {
    let consonant_y =
        word.ends_with('y') && !word[..word.len() - 1].ends_with(|c: char| "aeiou".contains(c));
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "ch", "sh"].iter().any(|e| word.ends_with(e)) {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
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
    fn the_field_is_said_in_the_first_persons_words() {
        let say = |a: &str, b: &str, w: &[&str]| field_phrase(a, b, w);
        assert_eq!(
            say(
                "Data Engineer",
                "Senior Data Engineer",
                &["data", "engineer"]
            ),
            "work as data engineers"
        );
        assert_eq!(
            say(
                "Developer Advocate",
                "Developer Advocate",
                &["developer", "advocate"]
            ),
            "work as developer advocates"
        );
        assert_eq!(
            say("Data Engineer", "Data Scientist", &["data"]),
            "work in data"
        );
        assert_eq!(
            say("Sales Manager", "Sales Director", &["sale"]),
            "work in sales"
        );
        assert_eq!(say("Sales Coach", "Coach", &["coach"]), "work as coaches");
        assert_eq!(plural("secretary"), "secretaries");
        assert_eq!(plural("attorney"), "attorneys");
    }

    #[test]
    fn marked_terms_are_told_from_typed_ones() {
        assert_eq!(unmarked(&marked("data")), Some("data"));
        assert_eq!(unmarked("data"), None);
        // A typed phrase never holds the mark: it is split away when matching.
        assert_eq!(content_words(&marked("recruiting")), ["recruiting"]);
    }
}
