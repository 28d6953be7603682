//! Property: export, then import into an empty network, gives back every person whole:
//! every field, the address-book ones (birthday, anniversary, nickname, uid,
//! department, labels, addresses, impp, related, events, urls) included, through JSON,
//! CSV, vCard 3.0 and vCard 4.0.
//!
//! The people generated are shaped as netweb stores them (trimmed, terms lower-cased,
//! no duplicates) and within what each format is documented to carry: list cells in
//! CSV are split at `;` and `,`, so terms hold neither; names are unique, since an
//! import into an empty file still merges two contacts of one name.

use std::path::Path;

use chrono::NaiveDate;
use netweb::extra_fields::{self as fields, Address, Event, Related};
use netweb::formats::vcard_out::{self, Version};
use netweb::formats::{self, csv_out, plan};
use netweb::model::{Network, Person};
use netweb::store;
use proptest::prelude::*;
use serde_json::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A word of plain and accented letters.
fn word() -> impl Strategy<Value = String> {
    "[a-zé]{1,7}"
}

/// Words joined by spaces.
fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..=max).prop_map(|w| w.join(" "))
}

/// Free text with the characters formats escape: `\`, `,`, `;`, `:`, `"` and newlines.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            word(),
            Just(",".into()),
            Just(";".into()),
            Just("\\".into()),
            Just("\"q\"".into()),
            Just("\n".into()),
            Just("a:b".into())
        ],
        1..8,
    )
    .prop_map(|p| p.join(" ").trim().to_string())
    .prop_filter("not blank", |s| !s.is_empty())
}

fn annual() -> impl Strategy<Value = String> {
    (prop::option::of(1900i32..2020), 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("--{m:02}-{d:02}"),
    })
}

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("home".to_string()),
        Just("work".to_string()),
        Just("cell".to_string()),
        Just("home,fax".to_string()),
        Just("work fax".to_string()),
        word(),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..20000).prop_map(|n| today() - chrono::Days::new(n as u64))
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.6, s)
}

fn address() -> impl Strategy<Value = Address> {
    (
        opt(label()),
        opt(words(3)),
        opt(word()),
        opt(word()),
        opt("[0-9]{5}"),
        opt(word()),
    )
        .prop_map(|(label, street, locality, region, code, country)| Address {
            label,
            street,
            locality,
            region,
            code,
            country,
        })
        .prop_filter("an address has something", |a| !a.is_empty())
}

fn terms() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(words(2), 0..3).prop_map(|s| s.into_iter().collect())
}

prop_compose! {
    fn person(n: usize)(
        name in words(2),
        emails in prop::collection::btree_set("[a-z]{1,6}@[a-z]{1,5}\\.example", 0..3),
        phones in prop::collection::btree_set("\\+[0-9]{2} [0-9]{3} [0-9]{4}", 0..3),
        email_labels in prop::collection::vec(opt(label()), 3),
        phone_labels in prop::collection::vec(opt(label()), 3),
        company in opt(words(3)),
        role in opt(words(2)),
        location in opt(words(2)),
        (interests, offers, seeks, tags) in (terms(), terms(), terms(), terms()),
        notes in opt(prose()),
        met in opt(date()),
        every in opt(prop_oneof![Just("14d"), Just("2w"), Just("3m"), Just("1y")]),
        no_intros in any::<bool>(),
        added in date(),
        urls in prop::collection::btree_set("https://[a-z]{1,6}\\.example/[a-z]{0,4}", 0..3),
        birthday in opt(annual()),
        anniversary in opt(annual()),
        nickname in opt(words(2)),
        uid in opt("[0-9a-f]{8}-[0-9a-f]{4}"),
        department in opt(words(2)),
        addresses in prop::collection::vec(address(), 0..3),
        impp in prop::collection::btree_set("xmpp:[a-z]{1,5}@[a-z]{1,5}\\.example", 0..2),
        related in prop::collection::btree_map(words(2), opt(prop_oneof![Just("spouse".to_string()), Just("child".to_string()), word()]), 0..3),
        events in prop::collection::vec((opt(word()), annual()), 0..2),
    ) -> Person {
        let mut p = Person {
            id: format!("p{n}").into(),
            // Unique names: the number makes them so.
            name: format!("{name} n{n}").into(),
            emails: emails.iter().map(|e| e.as_str().into()).collect(),
            phones: phones.iter().map(|t| t.as_str().into()).collect(),
            company: company.map(Into::into),
            role: role.map(Into::into),
            location: location.map(Into::into),
            interests: interests.iter().map(|t| t.as_str().into()).collect(),
            offers: offers.iter().map(|t| t.as_str().into()).collect(),
            seeks: seeks.iter().map(|t| t.as_str().into()).collect(),
            tags: tags.iter().map(|t| t.as_str().into()).collect(),
            notes,
            met,
            every: every.map(Into::into),
            no_intros,
            added: Some(added),
            ..Person::default()
        };
        let x = &mut p.extra;
        let mut labels = serde_json::Map::new();
        for (v, l) in emails.iter().zip(&email_labels).chain(phones.iter().zip(&phone_labels)) {
            if let Some(l) = l {
                labels.insert(v.clone(), Value::String(l.clone()));
            }
        }
        if !labels.is_empty() {
            x.insert(fields::LABELS.into(), Value::Object(labels));
        }
        for (key, value) in [
            (fields::BIRTHDAY, birthday),
            (fields::ANNIVERSARY, anniversary),
            (fields::NICKNAME, nickname),
            (fields::UID, uid),
            (fields::DEPARTMENT, department),
        ] {
            fields::set_text(x, key, value);
        }
        let urls: Vec<Value> = urls.into_iter().map(Value::String).collect();
        if !urls.is_empty() {
            x.insert(fields::URLS.into(), Value::Array(urls));
        }
        let impp: Vec<Value> = impp.into_iter().map(Value::String).collect();
        if !impp.is_empty() {
            x.insert(fields::IMPP.into(), Value::Array(impp));
        }
        fields::add_records(x, fields::ADDRESSES, &addresses);
        let related: Vec<Related> = related
            .into_iter()
            .map(|(name, kind)| Related { kind, name: format!("rel {name}") })
            .collect();
        fields::add_records(x, fields::RELATED, &related);
        let events: Vec<Event> = events.into_iter().map(|(label, date)| Event { label, date }).collect();
        fields::add_records(x, fields::EVENTS, &events);
        p
    }
}

fn network() -> impl Strategy<Value = Network> {
    (person(1), person(2), person(3)).prop_map(|(a, b, c)| Network {
        people: vec![a, b, c],
        ..Network::default()
    })
}

/// Imports `bytes` as a file called `name` into an empty network.
fn import(name: &str, bytes: &[u8]) -> Network {
    let parsed = formats::read(Path::new(name), bytes, None).expect("the export reads back");
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    for p in &parsed.people {
        assert!(p.left_out.is_empty(), "{:?}", p.left_out);
    }
    plan::plan(&Network::default(), &parsed, today(), &[], &mut |_, _| {}).1
}

fn same_people(format: &str, before: &Network, after: &Network) -> Result<(), TestCaseError> {
    prop_assert_eq!(before.people.len(), after.people.len(), "{}", format);
    for (a, b) in before.people.iter().zip(&after.people) {
        prop_assert_eq!(a, b, "{}", format);
    }
    Ok(())
}

/// Runs the property on a thread with a large stack: the strategy for a person has
/// many parts, and in a debug build its value trees overflow the default 2 MiB.
fn check(format: &'static str, export: fn(&Network) -> Vec<u8>, name: &'static str) {
    let run = move || {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(64);
        let config = ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        let mut runner = proptest::test_runner::TestRunner::new(config);
        let result = runner.run(&network(), |net| {
            same_people(format, &net, &import(name, &export(&net)))
        });
        if let Err(e) = result {
            panic!("{format}: {e}");
        }
    };
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn json_export_imports_whole() {
    check("json", |net| store::to_bytes(net).unwrap(), "export.json");
}

#[test]
fn csv_export_imports_whole() {
    check(
        "csv",
        |net| csv_out::write(&net.people).unwrap(),
        "export.csv",
    );
}

#[test]
fn vcard_4_export_imports_whole() {
    check(
        "vcard 4.0",
        |net| vcard_out::write(net, Version::V4),
        "export.vcf",
    );
}

#[test]
fn vcard_3_export_imports_whole() {
    check(
        "vcard 3.0",
        |net| vcard_out::write(net, Version::V3),
        "export.vcf",
    );
}
