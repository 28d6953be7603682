//! Outlook's "Export to a file > Comma Separated Values" layout (desktop Outlook, the
//! same columns since Outlook 2003, in the language of the install; English here):
//! `"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",
//! "Job Title","Business Street",...,"Business Phone",...,"Mobile Phone",...,
//! "Anniversary",...,"Birthday",...,"Categories",...,"E-mail Address",...,"E-mail 2
//! Address",...,"Notes",...,"Spouse",...,"Web Page"`.
//!
//! Dates are US (`3/14/1985`) and `0/0/00` means none; categories are joined by `;`.
//! Outlook and Excel write it in Windows-1252 or, as "Unicode", UTF-16 (see `decode`).

use super::Contact;
use super::csv::{Row, full_name};
use crate::extra_fields::{Address, Related};

/// The phone columns and the label each gives its number.
const PHONES: [(&str, &str); 19] = [
    ("mobile phone", "cell"),
    ("business phone", "work"),
    ("business phone 2", "work"),
    ("home phone", "home"),
    ("home phone 2", "home"),
    ("primary phone", "main"),
    ("company main phone", "company"),
    ("other phone", "other"),
    ("assistant's phone", "assistant"),
    ("car phone", "car"),
    ("callback", "callback"),
    ("pager", "pager"),
    ("radio phone", "radio"),
    ("isdn", "isdn"),
    ("tty/tdd phone", "textphone"),
    ("telex", "telex"),
    ("business fax", "work fax"),
    ("home fax", "home fax"),
    ("other fax", "fax"),
];

fn address(row: &Row, kind: &str) -> Option<Address> {
    let part = |p: &str| row.get(&[&format!("{kind} {p}")]);
    let street: Vec<String> = [
        row.get(&[&format!("{kind} address po box")]),
        part("street"),
        part("street 2"),
        part("street 3"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let a = Address {
        label: Some(if kind == "business" { "work" } else { kind }.to_string()),
        street: (!street.is_empty()).then(|| street.join("\n")),
        locality: part("city"),
        region: part("state"),
        code: part("postal code"),
        country: part("country/region").or_else(|| part("country")),
    };
    (!a.is_empty()).then_some(a)
}

pub(super) fn contact(row: &Row) -> Contact {
    let list = |cell: Option<String>| -> Vec<String> {
        cell.map(|v| {
            v.split([';', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
    };
    let mut c = Contact {
        name: full_name(&[
            row.get(&["title"]),
            row.get(&["first name"]),
            row.get(&["middle name"]),
            row.get(&["last name"]),
            row.get(&["suffix"]),
        ]),
        nickname: row.get(&["nickname"]),
        // Exchange users come out as `/o=ExchangeLabs/...`: no address to write to.
        emails: ["e-mail address", "e-mail 2 address", "e-mail 3 address"]
            .iter()
            .filter_map(|col| row.get(&[col]))
            .filter(|e| e.contains('@'))
            .collect(),
        company: row.get(&["company"]),
        role: row.get(&["job title"]),
        department: row.get(&["department"]),
        location: row.get(&["home city", "business city", "other city"]),
        notes: row.get(&["notes"]),
        tags: list(row.get(&["categories"])),
        urls: row.get(&["web page"]).into_iter().collect(),
        addresses: ["home", "business", "other"]
            .iter()
            .filter_map(|k| address(row, k))
            .collect(),
        ..Contact::default()
    };
    for (column, label) in PHONES {
        if let Some(number) = row.get(&[column]) {
            c.labels.push((number.clone(), label.to_string()));
            c.phones.push(number);
        }
    }
    for (column, kind) in [("spouse", "spouse"), ("children", "child")] {
        c.related
            .extend(list(row.get(&[column])).into_iter().map(|name| Related {
                kind: Some(kind.to_string()),
                name,
            }));
    }
    c.birthday = c.annual("birthday", row.get(&["birthday"]));
    c.anniversary = c.annual("anniversary", row.get(&["anniversary"]));
    c
}

#[cfg(test)]
mod tests;
