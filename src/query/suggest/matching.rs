//! Does what one person offers meet what another seeks? Matched the way a person would:
//! "rust mentoring" offered meets "mentoring" sought, "investor intros" meets
//! "intro to investors". Phrases are compared as sets of content words, where a word
//! matches its plural or a longer form ("intro" ~ "introductions", "mentor" ~ "mentoring").

/// Words that carry no meaning in a need ("a job in climate tech").
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "the", "in", "on", "of", "for", "to", "with", "some", "my", "our", "help",
];

/// The shortest word that may match a longer one by prefix; shorter words must be equal.
const MIN_PREFIX: usize = 4;

/// How well an offer covers a seek, from 0 (not at all) to 1.
/// The whole need covered ("rust mentoring" for "mentoring"): 1. The offer is the more
/// general of the two ("mentoring" for "rust mentoring"): 0.75, since it may not fit.
pub fn coverage(offer: &str, seek: &str) -> f64 {
    let (o, s) = (content_words(offer), content_words(seek));
    if o.is_empty() || s.is_empty() {
        return 0.0;
    }
    if covers(&o, &s) {
        1.0
    } else if covers(&s, &o) {
        0.75
    } else {
        0.0
    }
}

/// Every word of `needed` has a match in `have`.
fn covers(have: &[String], needed: &[String]) -> bool {
    needed
        .iter()
        .all(|n| have.iter().any(|h| words_match(h, n)))
}

fn words_match(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= MIN_PREFIX && long.starts_with(short))
}

pub fn content_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| singular(&w))
        .collect()
}

/// A plain plural "s" is dropped ("investors" -> "investor"), but not from "ss" or short words.
pub(crate) fn singular(word: &str) -> String {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specific_offer_meets_a_general_need() {
        assert_eq!(coverage("rust mentoring", "mentoring"), 1.0);
        assert_eq!(coverage("mentoring", "rust mentoring"), 0.75);
        assert_eq!(coverage("seed funding", "funding"), 1.0);
    }

    #[test]
    fn word_forms_and_filler_words_do_not_matter() {
        assert_eq!(
            coverage("intro to investors", "investor introductions"),
            1.0
        );
        assert_eq!(coverage("Design Feedback", "feedback on my design"), 1.0);
        assert_eq!(coverage("hiring", "a job in climate tech"), 0.0);
        assert_eq!(coverage("ux research", "research"), 1.0);
    }

    #[test]
    fn short_words_must_be_equal() {
        // "ui" is not a prefix match for "uiux"-style words, and "art" does not meet "artificial".
        assert_eq!(coverage("art lessons", "artificial intelligence"), 0.0);
        assert_eq!(coverage("go mentoring", "golang mentoring"), 0.0);
    }
}
