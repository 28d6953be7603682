//! Which pairs of terms could be one thing spelled two ways, found without comparing every
//! pair: each reason `interests::alike` gives has a key that two such terms share (the
//! term plus "s", the content words, the initials, a prefix, a spelling with up to two
//! letters deleted), so only terms that share a key are compared. At 100,000 people the
//! vocabulary has tens of thousands of terms and all pairs took 20 s; the keys take
//! milliseconds. `alike` stays the one judge: the keys only pick whom it sees.

use std::collections::{HashMap, HashSet};

use crate::query::suggest::matching::content_words;

/// Pairs `(i, j, why)`, `i < j`, of `terms` that `alike` calls near-duplicates, in order:
/// what testing every pair gives (the unit tests check that on generated vocabularies).
pub fn alike_pairs(terms: &[&str]) -> Vec<(usize, usize, &'static str)> {
    let by_text: HashMap<&str, usize> = terms.iter().enumerate().map(|(i, &t)| (t, i)).collect();
    let mut pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut add = |a: usize, b: usize| {
        if a != b {
            pairs.insert((a.min(b), a.max(b)));
        }
    };
    let mut words: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for (i, &t) in terms.iter().enumerate() {
        // Plural: the term with "s" or "es".
        for suffix in ["s", "es"] {
            if let Some(&j) = by_text.get(format!("{t}{suffix}").as_str()) {
                add(i, j);
            }
        }
        // Longer form: one word that starts with another of at least 4 bytes, at most 3 more.
        if !t.contains(' ') {
            for (cut, _) in t.char_indices().skip(1) {
                if cut >= 4
                    && t.len() - cut <= 3
                    && let Some(&j) = by_text.get(&t[..cut])
                {
                    add(i, j);
                }
            }
        }
        // Acronym: a term of several words and the word made of their first letters.
        let ws: Vec<&str> = t.split_whitespace().collect();
        if ws.len() >= 2 {
            let initials: String = ws.iter().filter_map(|w| w.chars().next()).collect();
            if let Some(&j) = by_text.get(initials.as_str()) {
                add(i, j);
            }
        }
        let content = content_words(t);
        if !content.is_empty() {
            words.entry(content).or_default().push(i);
        }
    }
    // Same words: every pair within a group of equal content words.
    for group in words.values() {
        for (k, &a) in group.iter().enumerate() {
            for &b in &group[k + 1..] {
                add(a, b);
            }
        }
    }
    for (a, b) in spelling_candidates(terms) {
        add(a, b);
    }
    let mut out: Vec<(usize, usize, &'static str)> = pairs
        .into_iter()
        .filter_map(|(a, b)| Some((a, b, alike(terms[a], terms[b])?)))
        .collect();
    out.sort_unstable();
    out
}

/// The most letters `alike` lets a misspelling differ by, from the shorter term's length.
pub fn spelling_limit(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Pairs that could be within `spelling_limit` edits. Two strings within k edits share a
/// string made by deleting at most k letters from each (the deletion neighbourhood of
/// SymSpell), so terms meet under those keys. Terms whose numbers differ are never
/// misspellings of each other, so each group of equal numbers is keyed on its own: the
/// thousands of "interest 2962"-like terms then meet nobody.
fn spelling_candidates(terms: &[&str]) -> Vec<(usize, usize)> {
    let mut by_numbers: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    for (i, &t) in terms.iter().enumerate() {
        if spelling_limit(t.chars().count()) > 0 {
            by_numbers.entry(numbers(t)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for group in by_numbers.values().filter(|g| g.len() >= 2) {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in group {
            let chars: Vec<char> = terms[i].chars().collect();
            for key in deletions(&chars, spelling_limit(chars.len())) {
                by_key.entry(key).or_default().push(i);
            }
        }
        for same in by_key.values() {
            for (k, &a) in same.iter().enumerate() {
                out.extend(same[k + 1..].iter().map(|&b| (a, b)));
            }
        }
    }
    out
}

/// Why two distinct terms look like the same thing, if they do. Terms whose numbers
/// differ ("interest 297", "interest 2962") are different things, whatever their spelling.
pub fn alike(a: &str, b: &str) -> Option<&'static str> {
    if numbers(a) != numbers(b) {
        return None;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if format!("{short}s") == long || format!("{short}es") == long {
        return Some("plural");
    }
    let (ws, wl) = (content_words(short), content_words(long));
    if !ws.is_empty() && ws == wl {
        return Some("same words");
    }
    let long_words: Vec<&str> = long.split_whitespace().collect();
    if !short.contains(' ')
        && long_words.len() >= 2
        && short.chars().count() == long_words.len()
        && short
            .chars()
            .zip(&long_words)
            .all(|(c, w)| w.starts_with(c))
    {
        return Some("acronym");
    }
    if !short.contains(' ')
        && !long.contains(' ')
        && short.len() >= 4
        && long.starts_with(short)
        && long.len() - short.len() <= 3
    {
        return Some("longer form");
    }
    // The allowance follows the shorter in letters (not bytes), so the deletion keys of
    // both terms reach it.
    let limit = spelling_limit(short.chars().count().min(long.chars().count()));
    if limit > 0 && strsim::levenshtein(short, long) <= limit {
        return Some("spelling");
    }
    None
}

/// The runs of digits in a term, in order.
pub fn numbers(term: &str) -> Vec<&str> {
    term.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Every distinct string made by deleting up to `k` letters.
fn deletions(chars: &[char], k: usize) -> HashSet<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut level: Vec<Vec<char>> = vec![chars.to_vec()];
    seen.insert(chars.iter().collect());
    for _ in 0..k {
        let mut next = Vec::new();
        for s in &level {
            for skip in 0..s.len() {
                let shorter: Vec<char> = s
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != skip)
                    .map(|(_, &c)| c)
                    .collect();
                if seen.insert(shorter.iter().collect()) {
                    next.push(shorter);
                }
            }
        }
        level = next;
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_pair(terms: &[&str]) -> Vec<(usize, usize, &'static str)> {
        let mut out = Vec::new();
        for a in 0..terms.len() {
            for b in a + 1..terms.len() {
                if let Some(why) = alike(terms[a], terms[b]) {
                    out.push((a, b, why));
                }
            }
        }
        out
    }

    #[test]
    fn the_keys_find_what_every_pair_finds() {
        let terms = [
            "machine learning",
            "machine-learning",
            "ml",
            "photography",
            "photografy",
            "photograpy",
            "board games",
            "board game",
            "art",
            "arts",
            "climb",
            "climbing",
            "interest 297",
            "interest 2962",
            "interest 296",
            "web3",
            "web 3",
            "rust",
            "rest",
            "investor intros",
            "intro to investors",
            "café",
            "cafés",
            "naïve",
            "naive",
        ];
        assert_eq!(alike_pairs(&terms), every_pair(&terms));
    }

    #[test]
    fn the_keys_find_what_every_pair_finds_on_a_generated_vocabulary() {
        let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(2_000));
        let v = crate::query::interests::vocabulary(&net);
        for list in [&v.interests, &v.offers, &v.seeks] {
            // The most and the least held (every pair of thousands is slow in a debug build).
            let n = list.len();
            let tail = n.saturating_sub(300).max(n.min(500));
            let picked = list[..n.min(500)].iter().chain(&list[tail..]);
            let terms: Vec<&str> = picked.map(|t| t.term.as_str()).collect();
            assert_eq!(alike_pairs(&terms), every_pair(&terms));
        }
    }

    #[test]
    fn near_duplicates_are_noticed() {
        assert_eq!(alike("ml", "machine learning"), Some("acronym"));
        assert_eq!(alike("board games", "board game"), Some("plural"));
        assert_eq!(alike("climb", "climbing"), Some("longer form"));
        assert_eq!(alike("photography", "photograpy"), Some("spelling"));
        assert_eq!(alike("intro to investors", "investor intros"), None);
        assert_eq!(alike("rust", "go"), None);
        assert_eq!(alike("art", "arts"), Some("plural"));
        assert_eq!(alike("rust", "rest"), None);
    }

    #[test]
    fn numbers_that_differ_are_never_a_misspelling() {
        assert_eq!(alike("interest 297", "interest 2962"), None);
        assert_eq!(alike("interest 297", "interest 296"), None);
        assert_eq!(alike("web 3", "web 30"), None);
        assert_eq!(alike("3d printing", "3d printin"), Some("spelling"));
        assert_eq!(alike("photografy", "photography"), Some("spelling"));
        assert_eq!(
            alike("machine learning", "machine-learning"),
            Some("same words")
        );
    }

    #[test]
    fn deleting_letters() {
        let chars: Vec<char> = "abc".chars().collect();
        let mut d: Vec<String> = deletions(&chars, 1).into_iter().collect();
        d.sort();
        assert_eq!(d, ["ab", "abc", "ac", "bc"]);
        assert_eq!(numbers("interest 297 v2"), ["297", "2"]);
    }
}
