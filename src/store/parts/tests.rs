use super::*;

/// Sections in another order, unknown keys and escapes: both decoders keep them all
/// (also store.rs's parse test).
pub(in crate::store) const ODD: &str = r#"{"relationships": [{"a": "p", "b": "q", "x\"y": 1}], "zz": [1.5e-300],
            "people": [{"id": "p", "name": "P\u00e9"}, {"id": "q", "name": "Q"}], "version": 1}"#;

/// Files the one-pass decode refuses with a location, so the parts decode must decline
/// them (here) and `store::parse` must word them (store.rs's test).
pub(in crate::store) const REFUSED: &[&str] = &[
    r#"{"people": [], "people": []}"#,
    r#"{"relationships": [], "people": [], "relationships": []}"#,
    r#"{"version": 1, "version": 1}"#,
    r#"{"people": [{"id": "a"}]}"#,
    r#"{"relationships": [{"a": "x", "b": "y", "strength": 256}]}"#,
    r#"{"people": [],}"#,
    r#"{"people": []} x"#,
];

#[test]
fn parts_decode_what_one_pass_decodes_and_decline_what_it_refuses() {
    let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
    let text = crate::store::to_bytes(&net).unwrap();
    let text = std::str::from_utf8(&text).unwrap();
    let one: Network = serde_json::from_str(text).unwrap();
    assert_eq!(decode_in_parts(text).unwrap(), one);
    // Sections in another order, unknown keys and escapes survive.
    assert_eq!(
        decode_in_parts(ODD).unwrap(),
        serde_json::from_str::<Network>(ODD).unwrap()
    );
    for refused in REFUSED {
        assert!(
            serde_json::from_str::<Network>(refused).is_err(),
            "{refused}"
        );
        assert!(decode_in_parts(refused).is_none(), "{refused}");
    }
}

#[test]
fn the_vectors_are_sized_once_from_the_text() {
    let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
    let text = crate::store::to_bytes(&net).unwrap();
    let parts = decode_in_parts(std::str::from_utf8(&text).unwrap()).unwrap();
    // Room for all from the start (so never regrown), and not many times more.
    let (people, ties) = (&parts.people, &parts.relationships);
    assert!(people.capacity() >= people.len() && people.capacity() < 2 * people.len());
    assert!(ties.capacity() >= ties.len() && ties.capacity() < 3 * ties.len());
    // An estimate too small only means the vector grows: every element is kept.
    let short = format!("[{}]", vec![r#"{"a":"p","b":"q"}"#; 500].join(","));
    let mut de = serde_json::Deserializer::from_str(&short);
    let decoded = Reserved::<Relationship>::new(1)
        .deserialize(&mut de)
        .unwrap();
    assert_eq!(decoded.len(), 500);
    assert!(
        decoded
            .iter()
            .all(|r| r.a.as_str() == "p" && r.b.as_str() == "q")
    );
}
