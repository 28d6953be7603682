use super::*;

fn one(text: &str) -> Contact {
    let parsed = parse(Path::new("t.vcf"), text).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.people.len(), 1);
    let p = &parsed.people[0].person;
    Contact {
        line: parsed.people[0].line.unwrap(),
        name: p.name.to_string(),
        emails: p.emails.iter().map(ToString::to_string).collect(),
        phones: p.phones.iter().map(ToString::to_string).collect(),
        company: p.company.as_deref().map(str::to_string),
        role: p.role.as_deref().map(str::to_string),
        location: p.location.as_deref().map(str::to_string),
        notes: p.notes.clone(),
        tags: p.tags.iter().map(ToString::to_string).collect(),
        birthday: p
            .extra
            .get("birthday")
            .map(|b| b.as_str().unwrap().to_string()),
        urls: p
            .extra
            .get("urls")
            .map(|u| {
                u.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default(),
        ..Contact::default()
    }
}

#[test]
fn google_3_0_with_groups_folding_and_escapes() {
    let c = one(concat!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Larkwell\r\nN:Larkwell;Ada;;;\r\n",
        "EMAIL;TYPE=INTERNET;TYPE=HOME:ada@example.org\r\n",
        "TEL;TYPE=CELL:+44 20 7946 0000\r\n",
        "ADR;TYPE=HOME:;;7 Weaver\\'s Row;London;;EC9 9QL;United Kingdom\r\n",
        "ORG:Analytical Engines\\, Ltd\r\nTITLE:Mathematician\r\nBDAY:1852-11-07\r\n",
        "item1.URL:https\\://ada.example.org/notes\r\nitem1.X-ABLabel:blog\r\n",
        "NOTE:Met at the Rowan Society\\, 2019\\nLoves poetry\\; and engines. A long\r\n",
        "  line folded\r\n",
        "CATEGORIES:myContacts,Work,Poets\r\nEND:VCARD\r\n",
    ));
    assert_eq!(c.name, "Ada Larkwell");
    assert_eq!(c.emails, ["ada@example.org"]);
    assert_eq!(c.phones, ["+44 20 7946 0000"]);
    assert_eq!(c.company.as_deref(), Some("Analytical Engines, Ltd"));
    assert_eq!(c.role.as_deref(), Some("Mathematician"));
    assert_eq!(c.location.as_deref(), Some("London, United Kingdom"));
    assert_eq!(
        c.notes.as_deref(),
        Some("Met at the Rowan Society, 2019\nLoves poetry; and engines. A long line folded")
    );
    assert_eq!(c.tags, ["work", "poets"]);
    assert_eq!(c.urls, ["https://ada.example.org/notes"]);
    assert_eq!(c.birthday.as_deref(), Some("1852-11-07"));
}

#[test]
fn android_2_1_quoted_printable() {
    let c = one(concat!(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;\r\n",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB M=C3=BCller\r\n",
        "TEL;CELL:+49 30 1234567\r\nEMAIL;HOME:zoe@example.de\r\n",
        "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Keramik-Kurs, Montag=0D=0A=\r\n",
        "Kaffee danach\r\nEND:VCARD\r\n",
    ));
    assert_eq!(c.name, "Zoë Müller");
    assert_eq!(c.phones, ["+49 30 1234567"]);
    assert_eq!(c.emails, ["zoe@example.de"]);
    assert_eq!(
        c.notes.as_deref(),
        Some("Keramik-Kurs, Montag\r\nKaffee danach")
    );
}

#[test]
fn a_name_from_n_when_fn_is_missing_and_apple_years() {
    let c = one(concat!(
        "BEGIN:VCARD\nVERSION:3.0\nN:Hollis;Grace;Bramwell;Dr.;\n",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-10-03\nTEL;VALUE=uri:tel:+1-202-555-0100\nEND:VCARD\n"
    ));
    assert_eq!(c.name, "Dr. Grace Bramwell Hollis");
    assert_eq!(c.birthday.as_deref(), Some("--10-03"));
    assert_eq!(c.phones, ["+1-202-555-0100"]);
}

#[test]
fn bad_cards_are_reported_with_their_line() {
    let parsed = parse(
        Path::new("t.vcf"),
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nNOTE:no one\nEND:VCARD\nBEGIN:VCARD\nFN:B\n",
    )
    .unwrap();
    assert_eq!(parsed.people.len(), 1);
    let lines: Vec<usize> = parsed.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [5, 9]);
}

#[test]
fn a_location_and_an_address_of_only_that_locality_come_back_as_they_were() {
    use crate::formats::vcard_out::{Version, card};
    use crate::model::Person;
    use serde_json::json;
    let read_back = |p: &Person| {
        let text = card(p, &[], Version::V4);
        parse(Path::new("t.vcf"), &text)
            .unwrap()
            .people
            .remove(0)
            .person
    };
    let mut p = Person {
        id: "ada".into(),
        name: "Ada".into(),
        location: Some("London".into()),
        ..Person::default()
    };
    // No address: the location's own ADR is written, and read as no address.
    assert_eq!(read_back(&p).extra.get("addresses"), None);
    // One address of only that locality, then beside another (found by the round
    // trip property test): both stay addresses.
    for addresses in [
        json!([{"locality": "London"}]),
        json!([{"locality": "London"}, {"street": "1 Rue", "locality": "Paris"}]),
    ] {
        p.extra.insert("addresses".into(), addresses.clone());
        let back = read_back(&p);
        assert_eq!(back.extra.get("addresses"), Some(&addresses));
        assert_eq!(back.location.as_deref(), Some("London"));
    }
}
