//! The sentence parts of what positions say (`positions.rs`): "both work as data
//! engineers, at Ocado and at Wise", "Kim recruits (Technical Recruiter) and Eve is
//! hiring (Engineering Manager, hiring)".

use crate::graph::{Graph, Node};
use crate::model::Person;
use crate::query::suggest::matching::singular;
use crate::query::suggest::positions::{complement, field_words, title, unmarked};

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
}
