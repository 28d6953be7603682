//! Property-based fuzzing of everything that reads untrusted text: the data file loader
//! (`store::parse`), the importers (`formats::read` for vCard, LinkedIn, Google and plain
//! CSV, and netweb JSON) and the date parser (`dates::parse`).
//!
//! Every property is the same: the call returns, `Ok` or `Err`, without panicking and
//! within [`LIMIT`]. Case counts keep the whole suite to a few seconds in a debug build;
//! raise them locally with `PROPTEST_CASES=10000 cargo test --test fuzz`. Failures
//! proptest finds are saved under `proptest-regressions/` (commit them), and a crash
//! that was found and fixed becomes a plain `#[test]` at the bottom of this file.

use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use chrono::NaiveDate;
use netweb::formats::{self, Format};
use netweb::model::Network;
use netweb::{dates, store};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};

/// How long one call may take before it counts as a hang (debug build, busy machine).
const LIMIT: Duration = Duration::from_secs(2);

/// Runs `f` on its own thread and returns its result; a panic in `f` is passed on, and
/// a call that does not finish within [`LIMIT`] fails as a hang.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(value) => {
            let _ = handle.join();
            value
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("{what}: thread ended without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer within {LIMIT:?}"),
    }
}

/// What the one decoder (serde_json through `model::de`) accepts survives a save: written
/// out by `store::to_bytes` and read back, it is the same network. Returns whether the
/// text decoded at all.
fn decoded_round_trips(bytes: &[u8]) -> bool {
    let Ok(net) = serde_json::from_slice::<Network>(bytes) else {
        return false;
    };
    let saved = store::to_bytes(&net).expect("a decoded network serialises");
    let again: Network = serde_json::from_slice(&saved).unwrap_or_else(|e| {
        panic!(
            "netweb cannot read back ({e}) what it wrote:\n{}",
            String::from_utf8_lossy(&saved)
        )
    });
    assert!(again == net, "saved {again:?}\nread {net:?}");
    true
}

fn load(bytes: Vec<u8>) {
    let _ = bounded("store::parse", move || {
        store::parse(Path::new("network.json"), &bytes).map(|_| ())
    });
}

/// Imports `bytes` as every format, and as whatever `detect` makes of it under `name`.
fn import(name: &'static str, bytes: Vec<u8>, formats: &[Option<Format>]) {
    for &format in formats {
        let bytes = bytes.clone();
        let _ = bounded("formats::read", move || {
            formats::read(Path::new(name), &bytes, format).map(|_| ())
        });
    }
}

const CSV_FORMATS: [Option<Format>; 5] = [
    None,
    Some(Format::Linkedin),
    Some(Format::GoogleCsv),
    Some(Format::Outlook),
    Some(Format::Csv),
];

fn date(today: NaiveDate, text: String) {
    let _ = bounded("dates::parse", move || {
        dates::parse(&text, today).map(|_| ())
    });
}

/// `cases` per property, unless `PROPTEST_CASES` asks for more (or fewer).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------
// Inputs

const NETWORK: &[u8] = include_bytes!("../examples/network.json");

/// One change to a byte string; indexes are taken modulo its length when applied.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, Index),
    Duplicate(Index, Index),
    Truncate(Index),
}

fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 1..4),
        prop::sample::select(vec![
            &b"\""[..],
            b"\\",
            b"{",
            b"}",
            b"[",
            b"]",
            b",",
            b":",
            b"null",
            b"-1",
            b"1e999",
            b"99999999999999999999",
            b"\\u0000",
            b"\\ud800",
            b"\xEF\xBB\xBF",
            b"\xFF",
            b"\n",
            b"\r\n",
            b";",
            b"\\,",
            b"\\;",
            b"=",
            b"=0D=0A=",
            b"BEGIN:VCARD\n",
            b"END:VCARD\n",
            b"\n ",
            b"item1.",
            b"\"\"",
        ])
        .prop_map(<[u8]>::to_vec),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        3 => (any::<Index>(), interesting_bytes()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len) };
        // Deletions and copies stay short so one mutation does not erase the input.
        let span = |i: &Index| i.index(64) + 1;
        match m {
            Mutation::Flip(i, bit) if len > 0 => bytes[at(i)] ^= 1 << bit,
            Mutation::Set(i, b) if len > 0 => bytes[at(i)] = *b,
            Mutation::Insert(i, b) => {
                let p = if len == 0 { 0 } else { i.index(len + 1) };
                bytes.splice(p..p, b.iter().copied());
            }
            Mutation::Delete(i, n) if len > 0 => {
                let p = at(i);
                let end = (p + span(n)).min(len);
                bytes.drain(p..end);
            }
            Mutation::Duplicate(i, n) if len > 0 => {
                let p = at(i);
                let end = (p + span(n)).min(len);
                let copy = bytes[p..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Truncate(i) if len > 0 => bytes.truncate(at(i)),
            _ => {}
        }
    }
    bytes
}

fn mutations(max: usize) -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..max)
}

/// Strings that tend to break things: empty, blank, control and format characters,
/// surrogate-adjacent and combining characters, lookalikes of real values, long runs.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[\\PC]{0,24}",
        2 => prop::sample::select(vec![
            "", " ", "\t", "\n", "\0", "\u{feff}", "\u{200b}", "\u{202e}abc", "e\u{301}",
            "\u{10ffff}", "ǅ", "İ", "ß", "ﬁ", "🏳️‍🌈", "a\r\nb", "\\", "\"", "'=1+1",
            "a", "b", "c", "ruth-hale", "Ruth Hale", "ruth.hale@example.org",
            "2024-01-03", "2024-02-30", "0000-01-01", "9999-12-31", "+262143-01-01",
            "--12-09", "7d", "0d", "-1w", "2w", "3m", "1y", "99999999999999999999d",
            "18446744073709551616y", "4294967296m", "1.5d", "d", "NaN",
        ])
        .prop_map(str::to_string),
        1 => (prop::sample::select(vec!["a", "x", "é", "\u{301}", " ", ","]), 0usize..5000)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn odd_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            0i64,
            1,
            2,
            3,
            5,
            255,
            256,
            -1,
            i64::from(u32::MAX) + 1
        ])
        .prop_map(Value::from),
    ]
}

/// Any JSON value, nested a few levels, with odd strings and numbers.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        odd_number(),
        odd_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A person's own fields, and `urls`, which imports keep among the preserved ones.
fn person_keys() -> Vec<&'static str> {
    let mut keys = netweb::model::Person::FIELDS.to_vec();
    keys.push("urls");
    keys
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(person_keys()).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "a", "b", "kind", "strength", "since", "note", "date", "people", "birthday",
            "version", "extra",
        ])
        .prop_map(str::to_string),
        1 => odd_string(),
    ]
}

/// A value that is usually the right shape for a field, sometimes anything at all.
fn field(plausible: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![4 => plausible, 1 => any_json()].boxed()
}

fn text() -> BoxedStrategy<Value> {
    odd_string().prop_map(Value::String).boxed()
}

fn texts() -> BoxedStrategy<Value> {
    prop::collection::vec(odd_string().prop_map(Value::String), 0..4)
        .prop_map(Value::Array)
        .boxed()
}

/// Ids drawn from a small pool, so that links refer to people that exist (or nearly).
fn id() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(Value::from),
        1 => odd_string().prop_map(Value::String),
    ]
    .boxed()
}

fn ids() -> BoxedStrategy<Value> {
    prop::collection::vec(id(), 0..4)
        .prop_map(Value::Array)
        .boxed()
}

/// An object with some of the given fields (each plausible or not) and maybe odd keys.
fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let (names, values): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    let present = prop::collection::vec(prop::bool::weighted(0.8), names.len());
    (
        values,
        present,
        prop::collection::vec((odd_string(), any_json()), 0..2),
    )
        .prop_map(move |(values, present, odd)| {
            let mut m = Map::new();
            for ((name, v), keep) in names.iter().zip(values).zip(present) {
                if keep {
                    m.insert((*name).to_string(), v);
                }
            }
            m.extend(odd);
            Value::Object(m)
        })
        .boxed()
}

fn person() -> BoxedStrategy<Value> {
    object(vec![
        ("id", field(id())),
        ("name", field(text())),
        ("emails", field(texts())),
        ("phones", field(texts())),
        ("company", field(text())),
        ("role", field(text())),
        ("location", field(text())),
        ("interests", field(texts())),
        ("offers", field(texts())),
        ("seeks", field(texts())),
        ("tags", field(texts())),
        ("notes", field(text())),
        ("met", field(text())),
        ("every", field(text())),
        (
            "no_intros",
            field(any::<bool>().prop_map(Value::Bool).boxed()),
        ),
        ("added", field(text())),
    ])
}

fn network_json() -> impl Strategy<Value = Vec<u8>> {
    let relationship = object(vec![
        ("a", field(id())),
        ("b", field(id())),
        ("kind", field(text())),
        ("strength", field(odd_number().boxed())),
        ("since", field(text())),
        ("note", field(text())),
    ]);
    let event = || {
        object(vec![
            ("date", field(text())),
            ("people", field(ids())),
            ("kind", field(text())),
            ("note", field(text())),
        ])
    };
    let list = |s: BoxedStrategy<Value>| {
        field(
            prop::collection::vec(s, 0..5)
                .prop_map(Value::Array)
                .boxed(),
        )
    };
    let cadences = prop::collection::vec((odd_string(), text()), 0..3)
        .prop_map(|kv| Value::Object(kv.into_iter().collect()))
        .boxed();
    (
        object(vec![
            ("version", field(odd_number().boxed())),
            ("people", list(person())),
            ("tag_cadences", field(cadences)),
            ("relationships", list(relationship)),
            ("interactions", list(event())),
            ("introductions", list(event())),
        ]),
        any::<bool>(),
    )
        .prop_map(|(v, pretty)| {
            if pretty {
                serde_json::to_vec_pretty(&v).unwrap()
            } else {
                serde_json::to_vec(&v).unwrap()
            }
        })
}

/// A network that is nearly always valid but full of odd text (escapes, control
/// characters, every plane of Unicode), odd unknown fields and both layouts: what the
/// decoder must read and a save must keep.
fn valid_network_json() -> impl Strategy<Value = Vec<u8>> {
    let date = || {
        prop::sample::select(vec!["2024-01-03", "0001-01-01", "9999-12-31", "2024-02-29"])
            .prop_map(Value::from)
            .boxed()
    };
    let person = object(vec![
        ("id", id()),
        ("name", text()),
        ("emails", texts()),
        ("phones", texts()),
        ("company", text()),
        ("role", text()),
        ("location", text()),
        ("interests", texts()),
        ("offers", texts()),
        ("seeks", texts()),
        ("tags", texts()),
        ("notes", text()),
        ("met", date()),
        ("every", text()),
        ("no_intros", any::<bool>().prop_map(Value::Bool).boxed()),
        ("added", date()),
    ]);
    let relationship = object(vec![
        ("a", id()),
        ("b", id()),
        ("kind", text()),
        ("strength", any::<u8>().prop_map(Value::from).boxed()),
        ("since", date()),
        ("note", text()),
    ]);
    let event = object(vec![
        ("date", date()),
        ("people", ids()),
        ("kind", text()),
        ("note", text()),
    ]);
    // Required fields (as JSON text) are filled in where `object` left them out: other
    // properties cover records without them.
    let list = |s: BoxedStrategy<Value>, required: [(&'static str, &'static str); 2]| {
        prop::collection::vec(s, 0..4).prop_map(move |mut items| {
            for item in &mut items {
                for (key, value) in required {
                    if let Value::Object(m) = item {
                        m.entry(key)
                            .or_insert_with(|| serde_json::from_str(value).unwrap());
                    }
                }
            }
            Value::Array(items)
        })
    };
    let event_fields = [("date", r#""2024-01-01""#), ("people", r#"["a"]"#)];
    let cadences = prop::collection::vec((odd_string(), text()), 0..3)
        .prop_map(|kv| Value::Object(kv.into_iter().collect()));
    (
        (
            0u32..3,
            list(person, [("id", r#""a""#), ("name", r#""A""#)]),
            cadences,
            list(relationship, [("a", r#""a""#), ("b", r#""b""#)]),
        ),
        (
            list(event.clone(), event_fields),
            list(event, event_fields),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((version, people, cadences, relationships), (interactions, intros, pretty))| {
                let v = serde_json::json!({
                    "version": version,
                    "people": people,
                    "tag_cadences": cadences,
                    "relationships": relationships,
                    "interactions": interactions,
                    "introductions": intros,
                });
                if pretty {
                    serde_json::to_vec_pretty(&v).unwrap()
                } else {
                    serde_json::to_vec(&v).unwrap()
                }
            },
        )
}

/// Real-shaped vCard lines: the kinds Google, Apple and Android write.
fn vcard_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:2.1",
        "VERSION:3.0",
        "VERSION:4.0",
        "FN:Ada Larkwell",
        "N:Larkwell;Ada;;;",
        "N:;;;;",
        "N:a;b;c;d;e;f;g;h",
        "EMAIL;TYPE=INTERNET;TYPE=HOME:ada@example.org",
        "TEL;TYPE=CELL:+44 20 7946 0000",
        "TEL;VALUE=uri:tel:+1-202-555-0100",
        "ADR;TYPE=HOME:;;7 Weaver\\'s Row;London;;EC9 9QL;United Kingdom",
        "ADR:;;;;;;;;;;",
        "ORG:Analytical Engines\\, Ltd;Dept",
        "TITLE:Mathematician",
        "BDAY:1852-11-07",
        "BDAY:--1209",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-09",
        "BDAY:99999-99-99",
        "BDAY;VALUE=text:circa 1800",
        "item1.URL:https\\://ada.example.org/notes",
        "item1.X-ABLabel:blog",
        "item2.EMAIL:x@y",
        "NOTE:Met at the Rowan Society\\, 2019\\nLoves poetry\\; and engines.",
        " folded continuation",
        "\tfolded with a tab",
        "CATEGORIES:myContacts,Work,Poets",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB M=C3=BCller",
        "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kurs=0D=0A=",
        "NOTE;ENCODING=QUOTED-PRINTABLE:=FF=FE=",
        "FN;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:=E9",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==",
        "X-NETWEB-ID:ada",
        "X-NETWEB-INTEREST:poetry",
        "X-NETWEB-MET:2024-01-03",
        "X-NETWEB-MET:2024-02-30",
        "X-NETWEB-ADDED:0000-00-00",
        "X-NETWEB-EVERY:2w",
        "X-NETWEB-EVERY:99999999999999999999d",
        "X-NETWEB-NO-INTROS:true",
        "X-NETWEB-EXTRA:{\"a\":1}",
        "X-NETWEB-EXTRA:{\"name\":[",
        "UID:urn:uuid:8e1f7a52-3c4d-4e5f-a6b7-c8d9e0f1a2b3",
        "UID:urn:netweb:ada",
        "UID:",
        "NICKNAME:Countess,Ada",
        "ANNIVERSARY:--0610",
        "ANNIVERSARY:20150620",
        "ANNIVERSARY;VALUE=text:some day",
        "X-ANNIVERSARY:2015-06-20",
        "item4.X-ABDATE;type=pref:1931-04-18",
        "item4.X-ABLabel:_$!<Anniversary>!$_",
        "item5.X-ABRELATEDNAMES:Vincent Hollis",
        "item5.X-ABLabel:_$!<Spouse>!$_",
        "IMPP:xmpp:ada@jabber.example",
        "RELATED;TYPE=spouse:urn:uuid:8e1f7a52-3c4d-4e5f-a6b7-c8d9e0f1a2b3",
        "RELATED;VALUE=text;TYPE=child:Mia",
        "RELATED:Ada Larkwell",
        "KIND:group",
        "KIND:individual",
        "MEMBER:urn:uuid:8e1f7a52-3c4d-4e5f-a6b7-c8d9e0f1a2b3",
        "MEMBER:mailto:ada@example.org",
        "X-ADDRESSBOOKSERVER-KIND:group",
        "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:",
        "TEL;TYPE=work,fax:+1",
        "item2.X-ABLabel:_$!<",
        "BEGIN:VCALENDAR",
        "END:VCALENDAR",
        ":",
        ";;;",
        "",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        6 => fixed,
        1 => (
            prop::sample::select(vec!["FN", "NOTE", "ORG", "X-NETWEB-EXTRA", "item9.TEL", "N"]),
            "[\\PC;,:\\\\=]{0,20}",
        )
            .prop_map(|(name, value)| format!("{name}:{value}")),
        1 => odd_string(),
    ]
}

fn vcard_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(vcard_line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(|(lines, eol, bom)| {
            let mut text = if bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            // Most files start with a card, so detection and card-splitting are reached.
            text.push_str("BEGIN:VCARD");
            text.push_str(eol);
            text.push_str(&lines.join(eol));
            text.into_bytes()
        })
}

const VCARD_SAMPLE: &str = concat!(
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Larkwell\r\nN:Larkwell;Ada;;;\r\n",
    "EMAIL;TYPE=INTERNET;TYPE=HOME:ada@example.org\r\n",
    "ADR;TYPE=HOME:;;7 Weaver\\'s Row;London;;EC9 9QL;United Kingdom\r\n",
    "ORG:Analytical Engines\\, Ltd\r\nBDAY:1852-11-07\r\n",
    "item1.URL:https\\://ada.example.org/notes\r\nitem1.X-ABLabel:blog\r\n",
    "NOTE:Met at the Rowan Society\\, 2019\\nLoves poetry\\; and engines. A long\r\n",
    "  line folded\r\nCATEGORIES:myContacts,Work\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\n",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;\r\n",
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Keramik-Kurs, Montag=0D=0A=\r\n",
    "Kaffee danach\r\nX-NETWEB-EVERY:2w\r\nX-NETWEB-EXTRA:{\"k\":[1]}\r\nEND:VCARD\r\n",
);

#[derive(Debug, Clone, Copy)]
enum Bom {
    None,
    Utf8,
    Utf16,
}

/// Real-shaped CSV: one of the three headers, maybe a preamble and a BOM, then rows
/// of quoted, unquoted, multi-line and ragged cells.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::sample::select(vec![
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Birthday,Notes,Group Membership",
        "First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Value,Address 1 - City,Birthday",
        "id,name,emails,phones,company,role,location,interests,offers,seeks,tags,notes,met,every,no_intros,added,extra",
        "name,email,company,met",
        "name,name,NAME, name ",
        "\"First Name\",\"Last Name\"",
        "\"Title\",\"First Name\",\"Last Name\",\"Company\",\"Department\",\"Job Title\",\"Business City\",\"Business Phone\",\"Mobile Phone\",\"Anniversary\",\"Birthday\",\"Categories\",\"Children\",\"E-mail Address\",\"E-mail 2 Address\",\"Notes\",\"Spouse\",\"Web Page\"",
        "First Name,Last Name,Nickname,Organization Name,Birthday,Labels,E-mail 1 - Label,E-mail 1 - Value,Relation 1 - Label,Relation 1 - Value,Event 1 - Label,Event 1 - Value,Address 1 - Street,Website 1 - Value",
        // No header at all: LinkedIn's rows by position.
        "Ada,Larkwell,ada@example.org,Engines,Analyst,\"1/8/18, 6:14 PM\"",
    ]);
    let preamble = prop::collection::vec(
        prop::sample::select(vec![
            "Notes:",
            "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"",
            "",
            "a,b",
            "name",
        ]),
        0..4,
    );
    let cell = prop_oneof![
        4 => prop::sample::select(vec![
            "", "Ada", "Larkwell", "ada@example.org", "\"Ada, Countess\"", "\"multi\nline\"",
            "\"unterminated", "\"a \"\"quoted\"\" word\"", "12 Jan 2024", "2024-01-03",
            "31 Feb 2024", "99999-01-01", "2w", "99999999999999999999d", "true", "yes",
            "{\"a\":1}", "{\"name\":", "'=1+1", "=HYPERLINK(\"x\")", "--12-09", "0000-00-00",
            "a;b,c", " ::: ", "* myContacts ::: Work", "\r", "\u{feff}",
            "\"1/8/18, 6:14 PM\"", "0/0/00", "3/14/1985", "13/45/99", "urn:li:member:1",
            "--0314", "--aé1", "22 Dec 2025", "Anniversary", "* Home", "/o=Exchange",
        ])
        .prop_map(str::to_string),
        1 => odd_string(),
    ];
    let row = prop::collection::vec(cell, 0..12).prop_map(|cells| cells.join(","));
    (
        prop::sample::select(vec![Bom::None, Bom::Utf8, Bom::Utf16]),
        preamble,
        header,
        prop::collection::vec(row, 0..12),
        prop::sample::select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(bom, preamble, header, rows, eol)| {
            let mut lines: Vec<String> = preamble.into_iter().map(str::to_string).collect();
            lines.push(header.to_string());
            lines.extend(rows);
            let text = lines.join(eol);
            // Some files come as UTF-16 with its mark (Excel's "Unicode text").
            match bom {
                Bom::None => text.into_bytes(),
                Bom::Utf8 => format!("\u{feff}{text}").into_bytes(),
                Bom::Utf16 => [0xff, 0xfe]
                    .into_iter()
                    .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                    .collect(),
            }
        })
}

fn today() -> impl Strategy<Value = NaiveDate> {
    // Years a clock could plausibly report, plus the edges of the calendar's
    // everyday range (leap days, year ends).
    prop_oneof![
        (1900i32..2200, 1u32..=366)
            .prop_filter_map("a real day", |(y, d)| { NaiveDate::from_yo_opt(y, d) }),
        prop::sample::select(vec![
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        ]),
    ]
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        "[0-9]{10,40}",
        prop::sample::select(vec![
            "0",
            "-1",
            "1.5",
            "1e9",
            "2147483648",
            "4294967296",
            "9223372036854775808",
            "99999999999",
            "a",
            "an",
            "one",
            "twelve",
            "",
        ])
        .prop_map(str::to_string),
    ]
}

fn date_phrase() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec![
        "day",
        "days",
        "d",
        "week",
        "weeks",
        "w",
        "fortnight",
        "month",
        "months",
        "m",
        "year",
        "years",
        "y",
        "hour",
        "hours",
        "minute",
        "min",
        "second",
        "secs",
        "sec",
    ]);
    let weekday = prop::sample::select(vec![
        "monday",
        "mon",
        "tuesday",
        "tue",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
        "weekday",
        "",
    ]);
    let month = prop::sample::select(vec![
        "jan", "january", "feb", "february", "mar", "nov", "november", "dec", "sept", "may",
    ]);
    prop_oneof![
        (number_text(), unit.clone()).prop_map(|(n, u)| format!("{n} {u} ago")),
        (number_text(), unit.clone()).prop_map(|(n, u)| format!("in {n} {u}")),
        (number_text(), unit.clone()).prop_map(|(n, u)| format!("{n}{u} ago")),
        (number_text(), unit).prop_map(|(n, u)| format!("{n} {u}")),
        (
            prop::sample::select(vec!["last", "next", "this", "LAST", "last  "]),
            weekday
        )
            .prop_map(|(w, d)| format!("{w} {d}")),
        (number_text(), month.clone()).prop_map(|(n, m)| format!("{n} {m}")),
        (month, number_text()).prop_map(|(m, n)| format!("{m} {n}")),
        (number_text(), number_text(), number_text()).prop_map(|(y, m, d)| format!("{y}-{m}-{d}")),
        (number_text(), number_text(), number_text()).prop_map(|(a, b, c)| format!("{a}/{b}/{c}")),
        prop::sample::select(vec![
            "today",
            "yesterday",
            "tomorrow",
            "now",
            "noon",
            "midnight",
            "ago",
            "last",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "-0001-01-01",
            "+99999-01-01",
            "2024-01-01T25:61:61",
            "12:00",
            "99:99",
            "1 day ago ago",
            "3 days ago 3 days ago",
        ])
        .prop_map(str::to_string),
    ]
}

// ---------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn store_parse_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load(bytes);
    }

    #[test]
    fn store_parse_arbitrary_text(text in any::<String>()) {
        load(text.into_bytes());
    }

    #[test]
    fn store_parse_structured_json(bytes in network_json()) {
        load(bytes);
    }

    #[test]
    fn decoded_structured_json_round_trips(bytes in network_json()) {
        decoded_round_trips(&bytes);
    }

    #[test]
    fn odd_valid_json_decodes_and_round_trips(bytes in valid_network_json()) {
        decoded_round_trips(&bytes);
    }

    #[test]
    fn decoded_arbitrary_text_round_trips(text in any::<String>()) {
        decoded_round_trips(text.as_bytes());
    }

    #[test]
    fn vcard_arbitrary_text(text in any::<String>()) {
        import("c.vcf", text.clone().into_bytes(), &[None, Some(Format::Vcard)]);
        import("c.vcf", format!("BEGIN:VCARD\n{text}").into_bytes(), &[Some(Format::Vcard)]);
    }

    #[test]
    fn vcard_real_shaped(bytes in vcard_file()) {
        import("c.vcf", bytes, &[None, Some(Format::Vcard)]);
    }

    #[test]
    fn vcard_mutated(m in mutations(8)) {
        import("c.vcf", mutate(VCARD_SAMPLE.as_bytes().to_vec(), &m), &[None, Some(Format::Vcard)]);
    }

    #[test]
    fn csv_arbitrary_text(text in any::<String>()) {
        import("c.csv", text.into_bytes(), &CSV_FORMATS);
    }

    #[test]
    fn csv_real_shaped(bytes in csv_file()) {
        import("c.csv", bytes, &CSV_FORMATS);
    }

    #[test]
    fn csv_mutated(bytes in csv_file(), m in mutations(6)) {
        import("c.csv", mutate(bytes, &m), &CSV_FORMATS);
    }

    #[test]
    fn netweb_import_structured_json(bytes in network_json()) {
        import("n.json", bytes, &[None, Some(Format::Netweb)]);
    }

    #[test]
    fn dates_arbitrary_text(today in today(), text in any::<String>()) {
        date(today, text);
    }

    #[test]
    fn dates_phrases(today in today(), text in date_phrase()) {
        date(today, text);
    }
}

proptest! {
    // The example network is 38 KB: each case parses and validates all of it.
    #![proptest_config(config(150))]

    #[test]
    fn store_parse_mutated_network(m in mutations(6)) {
        load(mutate(NETWORK.to_vec(), &m));
    }

    #[test]
    fn decoded_mutated_network_round_trips(m in mutations(6)) {
        decoded_round_trips(&mutate(NETWORK.to_vec(), &m));
    }

    #[test]
    fn netweb_import_mutated_network(m in mutations(6)) {
        import("n.json", mutate(NETWORK.to_vec(), &m), &[None, Some(Format::Netweb)]);
    }
}

// ---------------------------------------------------------------------------------
// Regressions: inputs that once crashed or hung, kept as plain tests.

/// The shipped sample has the usual fields and a few unusual ones.
#[test]
fn the_example_network_round_trips() {
    assert!(decoded_round_trips(NETWORK));
}

/// Unusual but valid text decodes and round-trips; invalid text is refused.
#[test]
fn unusual_values_decode_or_are_refused() {
    let person =
        |fields: &str| format!(r#"{{"people": [{{"id": "ada", "name": "Ada"{fields}}}]}}"#);
    let taken = [
        person(""),
        person(r#", "name2": {"deep": [1, 2.5, -3e2, true, null, "x\"y"]}"#),
        person(r#", "notes": "line\nbreak \u00e9 \ud83d\ude00""#),
        person(r#", "interests": [" Rust ", "rust", "Bookbinding"], "no_intros": true"#),
        person(r#", "met": "2024-02-29", "every": "2w""#),
        r#"{"version": 1, "tag_cadences": {"family": "14d", "family": "7d"}, "x": 1}"#.to_string(),
        r#"{"relationships": [{"a": "x", "b": "y", "strength": 0, "since": "2020-01-01"}]}"#
            .to_string(),
        r#"{"interactions": [{"date": "2024-01-01", "people": ["a"], "kind": "call"}],
            "introductions": [{"date": "2024-01-01", "people": ["a", "b"], "other": []}]}"#
            .to_string(),
        " \t\r\n{ } \n".to_string(),
        // An explicit null is an absent field.
        person(r#", "company": null"#),
        format!(
            r#"{{"people": [{{"id": "a", "name": "A", "x": {}1{}}}]}}"#,
            "[".repeat(70),
            "]".repeat(70)
        ),
    ];
    for text in &taken {
        assert!(decoded_round_trips(text.as_bytes()), "refused {text}");
    }
    let refused = [
        person(r#", "name": "Ada""#),
        r#"{"people": [{"name": "no id"}]}"#.to_string(),
        r#"{"relationships": [{"a": "x", "b": "y", "strength": 256}]}"#.to_string(),
        r#"{"relationships": [{"a": "x", "b": "y", "strength": 04}]}"#.to_string(),
        r#"{"relationships": [{"a": "x", "b": "y", "strength": 4.0}]}"#.to_string(),
        r#"{"relationships": [{"a": "x", "b": "y", "strength": -1}]}"#.to_string(),
        r#"{"version": 1,}"#.to_string(),
        r#"{"version": 1} x"#.to_string(),
        person(r#", "met": "2023-02-29""#),
        person(", \"notes\": \"tab\there\""),
        person(r#", "notes": "\ud800""#),
        format!(
            r#"{{"people": [{{"id": "a", "name": "A", "x": {}1{}}}]}}"#,
            "[".repeat(200),
            "]".repeat(200)
        ),
    ];
    for text in &refused {
        assert!(!decoded_round_trips(text.as_bytes()), "accepted {text}");
    }
}

#[test]
fn example_network_still_loads() {
    store::parse(Path::new("network.json"), NETWORK).unwrap();
}

/// `formats::detect` compared the first 11 bytes with `BEGIN:VCARD` by slicing the text,
/// which panicked when byte 11 fell inside a multi-byte character (found by
/// `vcard_arbitrary_text`, `csv_arbitrary_text` and `netweb_import_structured_json`).
#[test]
fn detect_does_not_slice_inside_a_character() {
    for (name, text) in [
        ("c.vcf", "ૠ   ฿\u{2000}"),
        ("c.csv", "ૠ   ฿\u{2000}"),
        ("n.json", "{\"a\\\\ড়𑌲\":null}"),
        ("c.vcf", "\u{113c7}𑤘𞤀"),
        ("c.vcf", "BEGIN:VCAR\u{e9}"),
    ] {
        let _ = formats::read(Path::new(name), text.as_bytes(), None);
        let _ = formats::detect(Path::new(name), text);
    }
    let card = "  begin:vcard\nFN:Ada\nEND:VCARD\n";
    let parsed = formats::read(Path::new("c.txt"), card.as_bytes(), None).unwrap();
    assert_eq!(parsed.format, Format::Vcard);
}
