//! Applying `PersonFields` to a person, shared by `add` and `edit`.

use anyhow::Result;
use chrono::NaiveDate;
use compact_str::CompactString;

use crate::cadence::Cadence;
use crate::cli::PersonFields;
use crate::model::Person;
use crate::text::{add_terms, add_values, non_blank};
use crate::{dates, extra_fields};

/// Sets what the options give and returns the names of the fields that changed.
/// Values are checked first, so a bad one changes nothing.
pub fn apply(p: &mut Person, f: &PersonFields, today: NaiveDate) -> Result<Vec<&'static str>> {
    let met = f
        .met
        .as_deref()
        .map(|d| dates::parse_past(d, today, "--met"))
        .transpose()?;
    // `--every none` clears the cadence.
    let every = match f.every.as_deref().map(str::trim) {
        None => None,
        Some(e) if e.eq_ignore_ascii_case("none") => Some(None),
        Some(e) => Some(Some(CompactString::from(Cadence::parse(e)?.to_string()))),
    };

    let mut changed = Vec::new();
    let mut mark = |did: bool, name: &'static str| {
        if did && !changed.contains(&name) {
            changed.push(name);
        }
    };
    mark(add_values(&mut p.emails, &f.emails), "emails");
    mark(add_values(&mut p.phones, &f.phones), "phones");
    mark(set_text(&mut p.company, f.company.as_deref()), "company");
    mark(set_text(&mut p.role, f.role.as_deref()), "role");
    mark(set_text(&mut p.location, f.location.as_deref()), "location");
    mark(add_terms(&mut p.interests, &f.interests), "interests");
    mark(add_terms(&mut p.offers, &f.offers), "offers");
    mark(add_terms(&mut p.seeks, &f.seeks), "seeks");
    mark(add_terms(&mut p.tags, &f.tags), "tags");
    mark(set_text(&mut p.notes, f.note.as_deref()), "notes");
    mark(met.is_some() && set(&mut p.met, met), "met");
    mark(every.is_some_and(|e| set(&mut p.every, e)), "every");
    mark(f.no_intros && set(&mut p.no_intros, true), "no_intros");
    for (key, value) in [
        (extra_fields::BIRTHDAY, &f.birthday),
        (extra_fields::ANNIVERSARY, &f.anniversary),
        (extra_fields::NICKNAME, &f.nickname),
    ] {
        let Some(v) = value else { continue };
        let now = non_blank(v).map(serde_json::Value::String);
        if p.extra.get(key) != now.as_ref() {
            extra_fields::set_text(&mut p.extra, key, non_blank(v));
            mark(true, key);
        }
    }
    Ok(changed)
}

/// Sets a text field; an empty value clears it. Returns whether it changed.
pub fn set_text<S: From<String> + PartialEq>(field: &mut Option<S>, value: Option<&str>) -> bool {
    match value {
        Some(v) => set(field, non_blank(v).map(S::from)),
        None => false,
    }
}

pub fn set<T: PartialEq>(field: &mut T, value: T) -> bool {
    if *field == value {
        false
    } else {
        *field = value;
        true
    }
}

/// Whether any field option was given.
pub fn requested(f: &PersonFields) -> bool {
    let lists = [
        &f.emails,
        &f.phones,
        &f.interests,
        &f.offers,
        &f.seeks,
        &f.tags,
    ];
    let texts = [
        &f.company,
        &f.role,
        &f.location,
        &f.note,
        &f.met,
        &f.every,
        &f.birthday,
        &f.anniversary,
        &f.nickname,
    ];
    lists.iter().any(|l| !l.is_empty()) || texts.iter().any(|t| t.is_some()) || f.no_intros
}
