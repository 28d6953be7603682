use super::*;
use crate::graph::tests::net;

const HOSTILE: &str = "</script><script>alert(1)</script>";

fn hostile() -> Network {
    let mut n = net(4, &[(0, 1), (1, 2)]);
    n.people[0].name = HOSTILE.into();
    n.people[1].company = Some("<!-- & -->".into());
    n.people[2].interests = vec!["</script>".into(), "a\u{2028}b".into()];
    n.people[3].notes = Some("</script><img src=x onerror=alert(1)>".into());
    n
}

fn html(n: &Network) -> String {
    String::from_utf8(write(n).unwrap()).unwrap()
}

#[test]
fn script_json_escapes_what_could_end_the_block() {
    assert_eq!(
        script_json("{\"a\":\"</script>&\u{2028}\u{2029}\"}"),
        "{\"a\":\"\\u003c/script\\u003e\\u0026\\u2028\\u2029\"}"
    );
    let back: serde_json::Value =
        serde_json::from_str(&script_json("[\"<b>&amp;\u{2028}\"]")).unwrap();
    assert_eq!(back[0], "<b>&amp;\u{2028}");
}

#[test]
fn hostile_text_appears_only_escaped() {
    let page = html(&hostile());
    assert!(!page.contains("alert(1)</script>"), "{page}");
    assert!(!page.contains("<!--"), "{page}");
    assert!(!page.contains('\u{2028}'));
    assert!(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
    // Two script elements: the data and the code, each closed once.
    assert_eq!(page.matches("<script").count(), 2, "{page}");
    assert_eq!(page.matches("</script>").count(), 2, "{page}");
    // Notes are not on the map.
    assert!(!page.contains("onerror=alert"), "{page}");
    // The data block parses back to the same names.
    let start = page.find("id=\"data\">").unwrap() + "id=\"data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(data["nodes"][0]["name"], HOSTILE);
    assert_eq!(data["nodes"][1]["company"], "<!-- & -->");
}

#[test]
fn nothing_is_loaded_from_elsewhere() {
    let page = html(&crate::synthetic::generate(
        &crate::synthetic::Spec::scaled(50),
    ));
    let lower = page.to_lowercase();
    for banned in [
        "http:",
        "https:",
        "//",
        "src=",
        "href=",
        "url(",
        "@import",
        "fetch(",
        "xmlhttprequest",
        "innerhtml",
        "outerhtml",
        "insertadjacenthtml",
        "document.write",
        "eval(",
    ] {
        // `//` would also catch comments: the script uses /* */ only.
        assert!(!lower.contains(banned), "the page contains {banned:?}");
    }
}

#[test]
fn every_person_relationship_and_suggestion_is_in_the_data() {
    let mut n = net(6, &[(0, 1), (1, 2), (0, 2), (3, 4)]);
    n.people[0].interests = vec!["chess".into(), "rust".into()];
    n.people[3].interests = vec!["chess".into()];
    n.relationships[0].strength = Some(5);
    let page = html(&n);
    let start = page.find("id=\"data\">").unwrap() + "id=\"data\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(data["people"], 6);
    assert_eq!(data["nodes"].as_array().unwrap().len(), 6);
    assert_eq!(data["edges"].as_array().unwrap().len(), 4);
    assert_eq!(data["edges"][0], serde_json::json!([0, 1, 5]));
    assert_eq!(data["edges"][1], serde_json::json!([0, 2, 3]));
    assert_eq!(data["terms"], serde_json::json!(["chess", "rust"]));
    assert_eq!(data["nodes"][3]["interests"], serde_json::json!([0]));
    // The triangle is cluster 1, the pair cluster 2; the isolate has none.
    assert_eq!(data["clusters"][0]["size"], 3);
    assert_eq!(data["nodes"][5].get("cluster"), None);
    assert_eq!(data["unclustered"], 1);
    assert!(!data["suggestions"].as_array().unwrap().is_empty());
    assert!(page.contains("<title>netweb map: 6 people</title>"));
}

#[test]
fn empty_network_is_a_page_too() {
    let page = html(&Network::default());
    assert!(page.contains("\"people\":0"));
    assert!(page.ends_with("</html>\n"));
}
