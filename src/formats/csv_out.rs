//! `netweb export --format csv`: one row per person, every field, written with the `csv`
//! crate under a header that `netweb import` (plain CSV) reads back.
//!
//! List fields are joined by `"; "`, which the importer splits on (a term that itself
//! holds a `;` or `,` would come back split). A cell a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` in front, so
//! `=HYPERLINK(...)` is shown, not run; the importer takes that quote off again
//! ([`super::csv::unneutralise`]). Phone numbers such as `+44 ...` get it too.

use anyhow::{Context, Result};
use serde_json::Value;

use crate::model::{Extra, Person};

/// The header: netweb's own field names (`Person::FIELDS`), then the preserved fields
/// that have a column of their own, then the rest of them as one JSON cell.
pub fn header() -> impl Iterator<Item = &'static str> {
    Person::FIELDS
        .iter()
        .copied()
        .chain(["urls", "birthday", "extra"])
}

/// The separator between the values of a list cell.
pub const LIST_SEPARATOR: &str = "; ";

/// A cell as written: with a `'` in front when a spreadsheet would execute it.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The person's preserved fields other than `urls` and `birthday` (which have columns),
/// as one JSON object; empty when there are none.
pub fn other_extra(p: &Person) -> Option<String> {
    let rest: Extra = p
        .extra
        .iter()
        .filter(|(k, _)| k.as_str() != "urls" && k.as_str() != "birthday")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (!rest.is_empty()).then(|| Value::Object(rest.into_iter().collect()).to_string())
}

/// The person's `urls` extra field, as texts.
pub fn urls(p: &Person) -> Vec<String> {
    match p.extra.get("urls") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

/// The person's `birthday` extra field, when it is text.
pub fn birthday(p: &Person) -> Option<String> {
    p.extra
        .get("birthday")
        .and_then(|b| b.as_str())
        .map(str::to_string)
}

fn row(p: &Person) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    // `urls` or `birthday` of an unexpected shape go with the other fields, not lost.
    let mut extra = other_extra(p);
    // The importer splits a list cell at `;` and `,`, so a URL holding one goes whole.
    let odd_urls = p.extra.get("urls").is_some_and(|u| {
        !matches!(u, Value::Array(items) if items.iter().all(|i| {
            i.as_str().is_some_and(|s| !s.contains([';', ',']))
        }))
    });
    let odd_birthday = p.extra.get("birthday").is_some_and(|b| !b.is_string());
    if odd_urls || odd_birthday {
        let mut all: Extra = p.extra.clone();
        if !odd_urls {
            all.remove("urls");
        }
        if !odd_birthday {
            all.remove("birthday");
        }
        extra = Some(Value::Object(all.into_iter().collect()).to_string());
    }
    let urls = if odd_urls { Vec::new() } else { urls(p) };
    vec![
        p.id.to_string(),
        p.name.to_string(),
        p.emails.join(LIST_SEPARATOR),
        p.phones.join(LIST_SEPARATOR),
        opt(p.company.as_deref()),
        opt(p.role.as_deref()),
        opt(p.location.as_deref()),
        p.interests.join(LIST_SEPARATOR),
        p.offers.join(LIST_SEPARATOR),
        p.seeks.join(LIST_SEPARATOR),
        p.tags.join(LIST_SEPARATOR),
        opt(p.notes.as_deref()),
        date(p.met),
        opt(p.every.as_deref()),
        if p.no_intros {
            "true".into()
        } else {
            String::new()
        },
        date(p.added),
        urls.join(LIST_SEPARATOR),
        birthday(p).unwrap_or_default(),
        extra.unwrap_or_default(),
    ]
}

/// The CSV text for these people, header first.
pub fn write<'a>(people: impl IntoIterator<Item = &'a Person>) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header())?;
    for p in people {
        w.write_record(row(p).iter().map(|cell| neutralise(cell)))
            .with_context(|| format!("could not write {} as CSV", p.id))?;
    }
    w.into_inner().context("could not finish the CSV")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_read_back() {
        for cell in ["=1+1", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx"] {
            let out = neutralise(cell);
            assert!(out.starts_with('\''), "{cell:?}");
            assert_eq!(crate::formats::csv::unneutralise(&out), cell);
        }
        assert_eq!(neutralise("Ada"), "Ada");
        assert_eq!(crate::formats::csv::unneutralise("'tis"), "'tis");
    }
}
