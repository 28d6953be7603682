use super::*;
use crate::synthetic::{Spec, generate};

/// Appends "Zed" (linked to the first person, if any) to a file holding `text`,
/// splicing whatever the size; returns the file's new text.
fn add_zed(text: &[u8]) -> Result<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("network.json");
    std::fs::write(&path, text).unwrap();
    append_from(&path, 0, |net| {
        let mut zed = Person {
            id: PersonId::from("zed"),
            name: "Zed".into(),
            interests: vec!["chess".into()],
            ..Person::default()
        };
        zed.extra.insert("x".into(), serde_json::json!({"y": [1]}));
        let relationships = net
            .people
            .first()
            .map(|p| Relationship::new(zed.id.clone(), p.id.clone()))
            .into_iter()
            .collect();
        let met = Interaction {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            people: vec![zed.id.clone()],
            kind: Some("coffee".into()),
            note: None,
            source: None,
            extra: Default::default(),
        };
        Ok((
            (),
            Appended {
                people: vec![zed],
                relationships,
                interactions: vec![met],
            },
        ))
    })?;
    Ok(std::fs::read_to_string(&path).unwrap())
}

#[test]
fn a_spliced_file_is_byte_for_byte_what_a_full_save_writes() {
    let net = generate(&Spec::scaled(300));
    let before = super::super::to_bytes(&net).unwrap();
    let after = add_zed(&before).unwrap();
    let mut expected = net.clone();
    let zed = super::super::parse(Path::new("x"), after.as_bytes()).unwrap();
    let zed_person = zed.people.last().unwrap().clone();
    assert_eq!(zed_person.id.as_str(), "zed");
    expected.people.push(zed_person);
    expected
        .relationships
        .push(zed.relationships.last().unwrap().clone());
    expected
        .interactions
        .push(zed.interactions.last().unwrap().clone());
    assert_eq!(after.as_bytes(), super::super::to_bytes(&expected).unwrap());
}

#[test]
fn every_shape_of_file_gets_the_new_entries() {
    let files = [
        "{}",
        "{\"version\": 1}\n",
        "{\"people\": []}",
        "{\"people\": [ ], \"relationships\": []}",
        "\u{feff}{\"people\":[{\"id\":\"a\",\"name\":\"A\"}]}",
        "{\"people\":[{\"id\":\"a\",\"name\":\"A\"}],\"relationships\":[],\"zz\":{\"k\":[]}}",
        "{\r\n  \"people\": [\r\n    {\"id\": \"a\", \"name\": \"A\"}\r\n  ]\r\n}\r\n",
        "{\"interactions\": [], \"people\": [{\"id\": \"a\", \"name\": \"A\", \"interests\": [\"Chess\"]}],\n\"x\": 1}",
    ];
    for text in files {
        let after = add_zed(text.as_bytes()).unwrap_or_else(|e| panic!("{text:?}: {e:#}"));
        // Debug builds also compared it with a full write inside `append`.
        let net = super::super::parse(Path::new("x"), after.as_bytes())
            .unwrap_or_else(|e| panic!("{text:?} became {after:?}: {e:#}"));
        let ids: Vec<&str> = net.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.last(), Some(&"zed"), "{after}");
        let linked = text.contains("\"a\"");
        assert_eq!(net.relationships.len(), usize::from(linked), "{after}");
        assert!(net.people.last().unwrap().extra.contains_key("x"));
        assert_eq!(net.interactions.len(), 1, "{after}");
    }
}

#[test]
fn the_rest_of_the_file_is_kept_as_written() {
    let text =
        "{\"people\": [{\"id\": \"a\", \"name\": \"A\", \"interests\": [\"Chess\"]}],\n\"x\": 1}";
    let after = add_zed(text.as_bytes()).unwrap();
    assert!(after.starts_with("{\"people\": [{\"id\": \"a\", \"name\": \"A\", \"interests\": [\"Chess\"]},\n    {\n      \"id\": \"zed\""), "{after}");
    assert!(
        after.ends_with(concat!(
            "\n\"x\": 1,\n  \"relationships\": [\n    { \"a\": \"zed\", \"b\": \"a\" }\n  ],",
            "\n  \"interactions\": [\n    ",
            "{ \"date\": \"2026-11-01\", \"people\": [\"zed\"], \"kind\": \"coffee\" }\n  ]}"
        )),
        "{after}"
    );
}

#[test]
fn problems_with_the_people_are_refused_as_a_full_load_refuses_them() {
    let dup = r#"{"people": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}"#;
    let err = add_zed(dup.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("already used by people[0]"), "{err}");
    let cases = [
        "{\n  \"people\": [\n    {\"id\": \"a\", \"name\": 7}\n  ]\n}",
        "{\"people\": [{\"id\": \"a\"}]}",
        "{\"people\": [{\"id\": \"a\", \"name\": \"A\"},]}",
        "{\"people\": \"nobody\"}",
        "{\"version\": 1,\n\"version\": 1}",
        "{\"people\": null}",
        "{\"version\": null, \"people\": []}",
        "{\"people\": [], \"relationships\": null}",
        "{\"interactions\": null}",
    ];
    for text in cases {
        let fast = add_zed(text.as_bytes()).unwrap_err().to_string();
        let full = super::super::parse(Path::new("x"), text.as_bytes())
            .unwrap_err()
            .to_string();
        // Same place, same reason (the file names differ: temp dir vs "x").
        let tail = |m: &str| m.split_once(':').map(|(_, rest)| rest.to_string()).unwrap();
        assert_eq!(tail(&fast), tail(&full), "{text:?}");
    }
}

#[test]
fn a_newer_format_is_left_alone() {
    let err = add_zed(br#"{"version": 99, "people": []}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("format version 99"), "{err}");
}

#[test]
fn relationships_are_checked_for_syntax_only() {
    // A dangling id is the next full load's to report; the splice only adds.
    let text =
        r#"{"people": [{"id": "a", "name": "A"}], "relationships": [{"a": "a", "b": "ghost"}]}"#;
    let after = add_zed(text.as_bytes()).unwrap();
    assert!(after.contains("\"ghost\""));
    let err = super::super::parse(Path::new("x"), after.as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("\"ghost\", who is not in people"),
        "{err}"
    );
}
