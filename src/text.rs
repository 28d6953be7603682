//! Small text rules shared by every command: how list terms are normalised and matched.

use compact_str::CompactString;

/// Interests, offers, seeks and tags are stored trimmed, lower-cased, with single spaces.
pub fn normalize_term(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A list of terms in its stored form: each normalised, none empty, no repeats. A list
/// already so (the usual case: netweb wrote it) is left untouched without allocating.
pub fn normalize_list(list: &mut Vec<CompactString>) {
    if is_normalized(list) {
        return;
    }
    let raw = std::mem::take(list);
    for term in raw.iter().map(|t| normalize_term(t)) {
        if !term.is_empty() && !list.iter().any(|t| *t == term) {
            list.push(term.into());
        }
    }
}

/// Whether `normalize_list` would leave the list as it is.
fn is_normalized(list: &[CompactString]) -> bool {
    list.iter().all(|t| is_normal_term(t)) && !has_repeats(list)
}

/// Whether two terms of the list are equal. Every person's lists are checked on every
/// load (two million terms at 100k people, 190 pairs for 20 interests), so each term is
/// first reduced to a number from its length and its first and last eight bytes, and only
/// equal numbers have their text compared.
fn has_repeats(list: &[CompactString]) -> bool {
    const SHORT: usize = 64;
    if list.len() > SHORT {
        let mut sorted: Vec<&str> = list.iter().map(CompactString::as_str).collect();
        sorted.sort_unstable();
        return sorted.windows(2).any(|w| w[0] == w[1]);
    }
    let mut seen = [0u64; SHORT];
    for (i, t) in list.iter().enumerate() {
        let f = fingerprint(t);
        if seen[..i].iter().zip(list).any(|(&g, u)| g == f && u == t) {
            return true;
        }
        seen[i] = f;
    }
    false
}

fn fingerprint(t: &str) -> u64 {
    let b = t.as_bytes();
    let word = |s: &[u8]| {
        let mut w = [0u8; 8];
        w[..s.len()].copy_from_slice(s);
        u64::from_le_bytes(w)
    };
    let head = word(&b[..b.len().min(8)]);
    let tail = word(&b[b.len().saturating_sub(8)..]);
    (head ^ tail.rotate_left(29) ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(0xBF58_476D_1CE4_E5B9)
}

/// Whether `normalize_term(t) == t` and `t` is not empty, without allocating for the
/// usual ASCII term.
fn is_normal_term(t: &str) -> bool {
    if !t.is_ascii() {
        return !t.is_empty() && normalize_term(t) == t;
    }
    let bytes = t.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first != b' '
        && last != b' '
        // Compared byte by byte: a slice comparison here was a `memcmp` call per window.
        && !bytes.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        // The ASCII whitespace `split_whitespace` splits on: space (checked above),
        // tab, line feed, vertical tab, form feed, carriage return.
        && !bytes
            .iter()
            .any(|&c| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') || c.is_ascii_uppercase())
}

/// Adds terms to a list, normalised, skipping empties and ones already present.
/// Returns whether anything was added.
pub fn add_terms(list: &mut Vec<CompactString>, terms: &[impl AsRef<str>]) -> bool {
    let before = list.len();
    let mut seen = Seen::new(list.len() + terms.len(), list.iter().map(|t| t.to_string()));
    for term in terms.iter().map(|t| normalize_term(t.as_ref())) {
        if !term.is_empty() && seen.first(list, &term, |t| *t == term) {
            list.push(term.into());
        }
    }
    list.len() != before
}

/// Lists longer than this are checked for repeats with a hash set; shorter ones by a
/// scan, which is faster at the sizes people have. A vCard with 200,000 EMAIL lines or
/// 100,000 CATEGORIES made the scan quadratic: minutes under the lock.
const SCAN_UP_TO: usize = 32;

/// Which keys a list already holds: `None` while the list is short enough to scan.
struct Seen(Option<std::collections::HashSet<String>>);

impl Seen {
    fn new(size: usize, keys: impl Iterator<Item = String>) -> Seen {
        Seen((size > SCAN_UP_TO).then(|| keys.collect()))
    }

    /// Whether `key` is new (and now seen); `scan` tells for a short list.
    fn first<T>(&mut self, list: &[T], key: &str, scan: impl Fn(&T) -> bool) -> bool {
        match &mut self.0 {
            Some(set) => set.insert(key.to_string()),
            None => !list.iter().any(scan),
        }
    }
}

/// Removes terms (matched case-insensitively). Returns the ones that were not there.
pub fn remove_terms(list: &mut Vec<CompactString>, terms: &[String]) -> Vec<String> {
    let mut missing = Vec::new();
    for term in terms.iter().map(|t| normalize_term(t)) {
        let before = list.len();
        list.retain(|t| *t != term);
        if list.len() == before && !term.is_empty() {
            missing.push(term);
        }
    }
    missing
}

/// Adds free-form values (emails, phones) trimmed and without duplicates, keeping their case.
/// The list is a person's (`CompactString`) or a `String` one (`urls` among the extra fields).
pub fn add_values<S>(list: &mut Vec<S>, values: &[impl AsRef<str>]) -> bool
where
    S: AsRef<str> + for<'a> From<&'a str>,
{
    let before = list.len();
    let key = |v: &str| v.to_ascii_lowercase();
    let mut seen = Seen::new(
        list.len() + values.len(),
        list.iter().map(|v| key(v.as_ref())),
    );
    for value in values.iter().map(|v| v.as_ref().trim()) {
        if !value.is_empty()
            && seen.first(list, &key(value), |v| {
                v.as_ref().eq_ignore_ascii_case(value)
            })
        {
            list.push(S::from(value));
        }
    }
    list.len() != before
}

/// Removes free-form values (matched case-insensitively). Returns the ones not found.
pub fn remove_values(list: &mut Vec<CompactString>, values: &[String]) -> Vec<String> {
    let mut missing = Vec::new();
    for value in values.iter().map(|v| v.trim()) {
        let before = list.len();
        list.retain(|v| !v.eq_ignore_ascii_case(value));
        if list.len() == before && !value.is_empty() {
            missing.push(value.to_string());
        }
    }
    missing
}

/// A trimmed optional text field: `None` when blank.
pub fn non_blank(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// "1 person", "2 people": counts in sentences read naturally.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "A and B", "A, B and C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// The slug an id is made from: ASCII (transliterated), lower-case, words joined by `-`.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "person".to_string()
    } else {
        words.join("-")
    }
}

/// An id for a new person: the slug of the name, with `-2`, `-3`, ... while `taken`.
pub fn unique_slug(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(name);
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_found_exactly_in_short_and_long_lists() {
        let naive = |l: &[CompactString]| (0..l.len()).any(|i| l[..i].contains(&l[i]));
        // Same length, head and tail (one fingerprint), different middle: not a repeat.
        let alike = ["abcdefgh-x-12345678", "abcdefgh-y-12345678"].map(CompactString::from);
        assert!(!has_repeats(&alike));
        for n in [0, 1, 2, 20, 64, 65, 100] {
            let mut list: Vec<CompactString> = (0..n).map(|i| format!("term {i}").into()).collect();
            assert!(!has_repeats(&list), "{n}");
            if n > 1 {
                list.push(list[n / 2].clone());
                assert!(has_repeats(&list), "{n}");
                assert_eq!(has_repeats(&list), naive(&list));
            }
        }
    }

    #[test]
    fn a_term_counts_as_normal_exactly_when_normalize_term_keeps_it() {
        let mut terms: Vec<String> = [
            "",
            " ",
            "rust",
            "Rust",
            "horse riding",
            "horse  riding",
            " rust",
            "rust ",
            "a\tb",
            "a\u{0B}b",
            "a\u{1F}b",
            "ß",
            "zoë",
            "Zoë",
            "a\u{A0}b",
            "ΣΑΣ",
            "σας",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        terms.extend((0u8..128).map(|c| format!("a{}b", c as char)));
        for t in &terms {
            let normal = !t.is_empty() && normalize_term(t) == *t;
            assert_eq!(is_normal_term(t), normal, "{t:?}");
        }
    }

    #[test]
    fn terms_are_trimmed_lowercased_and_single_spaced() {
        assert_eq!(normalize_term("  Machine   Learning "), "machine learning");
    }

    #[test]
    fn add_terms_skips_duplicates_and_blanks() {
        let mut list = vec![CompactString::from("rust")];
        assert!(add_terms(&mut list, &["Rust", " ", "Go"]));
        assert_eq!(list, ["rust", "go"]);
        assert!(!add_terms(&mut list, &["GO"]));
    }

    #[test]
    fn remove_terms_reports_missing() {
        let mut list = vec![CompactString::from("rust"), CompactString::from("go")];
        assert_eq!(
            remove_terms(&mut list, &["RUST".into(), "zig".into()]),
            ["zig"]
        );
        assert_eq!(list, ["go"]);
    }

    #[test]
    fn unique_slugs_count_up() {
        let taken = ["ada", "ada-2"];
        assert_eq!(unique_slug("Ada", |id| taken.contains(&id)), "ada-3");
        assert_eq!(unique_slug("Bob", |id| taken.contains(&id)), "bob");
    }

    #[test]
    fn slugs_transliterate_and_join() {
        assert_eq!(slug("Zoë  Müller-Lüdenscheidt"), "zoe-muller-ludenscheidt");
        assert_eq!(slug("Ada Larkwell"), "ada-larkwell");
        assert_eq!(slug("!!!"), "person");
        assert_eq!(slug("李小龍"), "li-xiao-long");
    }
}
