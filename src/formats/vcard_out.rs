//! `netweb export --format vcard`: vCard 4.0 (RFC 6350), one card per person, for phones
//! and address books, and for `netweb import` to read back without loss.
//!
//! Standard properties carry what address books show: FN, N, EMAIL, TEL, ORG, TITLE,
//! ADR (the location as the locality), NOTE, CATEGORIES (tags), URL and BDAY (from the
//! `urls` and `birthday` fields). What vCard has no property for goes in `X-NETWEB-*`
//! properties, which other programs keep or ignore: `X-NETWEB-ID`, one
//! `X-NETWEB-INTEREST`/`-OFFER`/`-SEEK` per term, `-MET`, `-EVERY`, `-NO-INTROS`, `-ADDED`,
//! `-LOCATION` (the exact text) and `-EXTRA` (the person's other fields, a JSON object).
//! Values escape `\`, `,`, `;` and newlines; lines are folded at 75 octets (never inside
//! a UTF-8 character) and end in CRLF.

use std::fmt::Write as _;

use crate::formats::csv_out::{birthday, other_extra, urls};
use crate::model::Person;

/// Longest line, in octets, before folding (RFC 6350 3.2).
const FOLD_AT: usize = 75;

/// A value escaped as RFC 6350 3.4 asks: `\\`, `\,`, `\;` and `\n`.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// One content line, folded: continuation lines start with a space, and no line holds
/// more than 75 octets before its CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// `N:Family;Given;;;`, guessed from the full name: the last word is the family name.
fn structured_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{};{};;;", escape(last), escape(&rest.join(" ")))
        }
        _ => format!(";{};;;", escape(name)),
    }
}

/// `BDAY` as 4.0 writes dates: `YYYYMMDD`, or `--MMDD` without a year; anything else
/// is kept as text.
fn bday(text: &str) -> String {
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && digits(y)
                && digits(m)
                && digits(d) =>
        {
            format!("BDAY:{y}{m}{d}")
        }
        ["", "", m, d] if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => {
            format!("BDAY:--{m}{d}")
        }
        _ => format!("BDAY;VALUE=text:{}", escape(text)),
    }
}

/// One person's card.
pub fn card(p: &Person) -> String {
    let mut lines: Vec<String> = vec!["BEGIN:VCARD".into(), "VERSION:4.0".into()];
    lines.push(format!("FN:{}", escape(&p.name)));
    lines.push(format!("N:{}", structured_name(&p.name)));
    lines.extend(p.emails.iter().map(|e| format!("EMAIL:{}", escape(e))));
    lines.extend(
        p.phones
            .iter()
            .map(|t| format!("TEL;VALUE=text:{}", escape(t))),
    );
    if let Some(c) = &p.company {
        lines.push(format!("ORG:{}", escape(c)));
    }
    if let Some(r) = &p.role {
        lines.push(format!("TITLE:{}", escape(r)));
    }
    if let Some(l) = &p.location {
        lines.push(format!("ADR:;;;{};;;", escape(l)));
        lines.push(format!("X-NETWEB-LOCATION:{}", escape(l)));
    }
    if let Some(n) = &p.notes {
        lines.push(format!("NOTE:{}", escape(n)));
    }
    if !p.tags.is_empty() {
        let tags: Vec<String> = p.tags.iter().map(|t| escape(t)).collect();
        lines.push(format!("CATEGORIES:{}", tags.join(",")));
    }
    lines.extend(urls(p).iter().map(|u| format!("URL:{}", escape(u))));
    if let Some(b) = birthday(p) {
        lines.push(bday(&b));
    }
    lines.push(format!("X-NETWEB-ID:{}", escape(p.id.as_str())));
    for (prop, list) in [
        ("INTEREST", &p.interests),
        ("OFFER", &p.offers),
        ("SEEK", &p.seeks),
    ] {
        lines.extend(
            list.iter()
                .map(|t| format!("X-NETWEB-{prop}:{}", escape(t))),
        );
    }
    if let Some(m) = p.met {
        lines.push(format!("X-NETWEB-MET:{}", m.format("%Y-%m-%d")));
    }
    if let Some(e) = &p.every {
        lines.push(format!("X-NETWEB-EVERY:{}", escape(e)));
    }
    if p.no_intros {
        lines.push("X-NETWEB-NO-INTROS:true".into());
    }
    if let Some(a) = p.added {
        lines.push(format!("X-NETWEB-ADDED:{}", a.format("%Y-%m-%d")));
    }
    if let Some(extra) = other_extra(p) {
        lines.push(format!("X-NETWEB-EXTRA:{}", escape(&extra)));
    }
    lines.push("END:VCARD".into());
    let mut out = String::new();
    for line in &lines {
        let _ = write!(out, "{}", fold(line));
    }
    out
}

/// The cards for these people, one after another.
pub fn write<'a>(people: impl IntoIterator<Item = &'a Person>) -> Vec<u8> {
    people
        .into_iter()
        .map(card)
        .collect::<String>()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("NOTE:{}", "é".repeat(100));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?}");
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn values_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(bday("1815-12-10"), "BDAY:18151210");
        assert_eq!(bday("--12-09"), "BDAY:--1209");
    }
}
