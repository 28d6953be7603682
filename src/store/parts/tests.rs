use super::*;

#[test]
fn parts_decode_what_one_pass_decodes_and_decline_what_it_refuses() {
    let net = crate::synthetic::generate(&crate::synthetic::Spec::scaled(300));
    let text = crate::store::to_bytes(&net).unwrap();
    let text = std::str::from_utf8(&text).unwrap();
    let one: Network = serde_json::from_str(text).unwrap();
    assert_eq!(decode_in_parts(text).unwrap(), one);
    // Sections in another order, unknown keys and escapes survive.
    let odd = r#"{"relationships": [{"a": "p", "b": "q", "x\"y": 1}], "zz": [1.5e-300],
            "people": [{"id": "p", "name": "P\u00e9"}, {"id": "q", "name": "Q"}], "version": 1}"#;
    assert_eq!(
        decode_in_parts(odd).unwrap(),
        serde_json::from_str::<Network>(odd).unwrap()
    );
    for refused in [
        r#"{"people": [], "people": []}"#,
        r#"{"relationships": [], "people": [], "relationships": []}"#,
        r#"{"version": 1, "version": 1}"#,
        r#"{"people": [{"id": "a"}]}"#,
        r#"{"relationships": [{"a": "x", "b": "y", "strength": 256}]}"#,
        r#"{"people": [],}"#,
        r#"{"people": []} x"#,
    ] {
        assert!(
            serde_json::from_str::<Network>(refused).is_err(),
            "{refused}"
        );
        assert!(decode_in_parts(refused).is_none(), "{refused}");
    }
}
