//! One employer, however it is spelled: "Acme, Inc.", "ACME Inc" and "acme" are the same
//! company, and "Self-employed" is no company at all.

use crate::resolve::fold;

/// Legal forms that say nothing about which company it is, as single words after
/// punctuation is gone ("S.A." is read as the letters "s a", joined to "sa").
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "ug",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "sl",
    "ltda",
    "bv",
    "nv",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "kk",
    "pty",
    "pte",
    "pvt",
    "private",
];

/// What people write in the company field when they have no employer to share: two
/// freelancers do not know each other for being freelance.
const NOT_EMPLOYERS: &[&str] = &[
    "self employed",
    "self",
    "freelance",
    "freelancer",
    "independent",
    "independent consultant",
    "consultant",
    "retired",
    "student",
    "unemployed",
    "stealth",
    "stealth startup",
    "stealth mode",
    "confidential",
    "none",
    "n a",
    "na",
    "private",
    "various",
    "home",
];

/// The company's key for grouping, or `None` when the field names no employer.
/// Case, accents, punctuation, "&"/"and" and trailing legal forms are ignored.
pub fn key(company: &str) -> Option<String> {
    let folded = fold(company).replace('&', " and ");
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    join_initials(&mut words);
    while words.len() > 1 && LEGAL_FORMS.contains(&words[words.len() - 1].as_str()) {
        words.pop();
        // "Smith & Co" and "Smith and Co." are Smith.
        if words.len() > 1 && words[words.len() - 1] == "and" {
            words.pop();
        }
    }
    let key = words.join(" ");
    (!key.is_empty() && !NOT_EMPLOYERS.contains(&key.as_str())).then_some(key)
}

/// Runs of single letters at the end become one word: "s a" (from "S.A.") is "sa",
/// "b v" is "bv", so the legal form is found however it was punctuated.
fn join_initials(words: &mut Vec<String>) {
    let run = words.iter().rev().take_while(|w| w.len() == 1).count();
    if run >= 2 && run < words.len() {
        let joined: String = words.split_off(words.len() - run).concat();
        words.push(joined);
    }
}

#[cfg(test)]
mod tests;
