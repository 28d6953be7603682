//! `export --format dot|graphml`: one node per person and one edge per relationship,
//! filters keep only the relationships among the people kept, and no text (quotes,
//! backslashes, line breaks, markup, control characters) breaks out of its string.

use std::collections::HashMap;

use serde_json::json;

use crate::common::Env;

/// Every name and note that could break a DOT string or an XML document.
const HOSTILE: &str = "<script>alert(1)</script> \"q\" back\\slash\\ new\nline & amp\u{1}bell";
/// The same once written: only the control character is dropped.
const HOSTILE_KEPT: &str = "<script>alert(1)</script> \"q\" back\\slash\\ new\nline & ampbell";

fn hostile() -> Env {
    let data = json!({
        "version": 1,
        "people": [
            {
                "id": "eve",
                "name": HOSTILE,
                "company": "A & B <Ltd>",
                "role": "it's \"quoted\"",
                "location": "C:\\dir\\",
                "tags": ["x\"y", "<t>"],
                "interests": ["a&b"],
                "added": "2026-01-02"
            },
            {"id": "bob", "name": "Bob ]; \"x\" -- \"y\" [", "added": "2026-01-02"},
            {"id": "lone", "name": "Lone", "added": "2026-01-02"}
        ],
        "relationships": [
            {"a": "eve", "b": "bob", "kind": "k\"ind", "strength": 4, "since": "2020-02-03", "note": HOSTILE}
        ]
    });
    Env::with_file(&serde_json::to_string_pretty(&data).unwrap())
}

/// A DOT document split into its quoted strings (unescaped) and the text between them,
/// failing on an unterminated string or an escape netweb does not write.
fn dot_tokens(dot: &str) -> (Vec<String>, String) {
    let mut strings = Vec::new();
    let mut outside = String::new();
    let mut chars = dot.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            outside.push(c);
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next().expect("unterminated string") {
                '"' => break,
                '\\' => match chars.next().expect("dangling backslash") {
                    '"' => s.push('"'),
                    '\\' => s.push('\\'),
                    'n' => s.push('\n'),
                    other => panic!("unexpected escape \\{other}"),
                },
                '\n' | '\r' => panic!("raw line break inside a string"),
                c => {
                    assert!(!c.is_control(), "control character {c:?} in a string");
                    s.push(c);
                }
            }
        }
        strings.push(s);
        outside.push('S');
    }
    (strings, outside)
}

/// Node and edge statements of a DOT document netweb wrote (one per line).
fn dot_counts(dot: &str) -> (usize, usize) {
    let (_, outside) = dot_tokens(dot);
    let mut lines = outside.lines();
    assert_eq!(lines.next(), Some("graph netweb {"));
    assert_eq!(outside.lines().last(), Some("}"));
    let body: Vec<&str> = outside.lines().filter(|l| l.starts_with("  ")).collect();
    let edges = body.iter().filter(|l| l.contains(" -- ")).count();
    for line in &body {
        // Outside strings there are only ids (S), attribute names and punctuation.
        assert!(
            line.chars()
                .all(|c| c == 'S' || c.is_ascii_lowercase() || " []=,;-".contains(c)),
            "{line}"
        );
        assert!(line.ends_with(';'), "{line}");
    }
    (body.len() - edges, edges)
}

/// Runs `dot -Tsvg` on the text when Graphviz is installed.
fn check_with_graphviz(env: &Env, dot: &str) {
    let path = env.dir.path().join("web.dot");
    std::fs::write(&path, dot).unwrap();
    match std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "dot -Tsvg failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("skipped: `dot -Tsvg`: Graphviz is not installed ({e})"),
    }
}

/// `<data>` of one GraphML element, by key.
fn graphml_data<'a>(node: roxmltree::Node<'a, 'a>) -> HashMap<&'a str, &'a str> {
    node.children()
        .filter(|c| c.has_tag_name("data"))
        .map(|d| (d.attribute("key").unwrap(), d.text().unwrap_or_default()))
        .collect()
}

fn sample_counts(env: &Env, filter: &[&str]) -> (usize, usize) {
    let mut args = vec!["export", "--format", "json"];
    args.extend_from_slice(filter);
    let data: serde_json::Value = serde_json::from_str(&env.ok(&args)).unwrap();
    (
        data["people"].as_array().unwrap().len(),
        data["relationships"].as_array().map_or(0, Vec::len),
    )
}

#[test]
fn dot_has_every_person_and_relationship() {
    let env = Env::sample();
    for filter in [&[][..], &["--tag", "family"][..]] {
        let mut args = vec!["export", "--format", "dot"];
        args.extend_from_slice(filter);
        let dot = env.ok(&args);
        let (people, relationships) = sample_counts(&env, filter);
        assert!(people > 0 && relationships > 0);
        assert_eq!(dot_counts(&dot), (people, relationships), "{filter:?}");
        check_with_graphviz(&env, &dot);
    }
    let all = sample_counts(&env, &[]);
    let family = sample_counts(&env, &["--tag", "family"]);
    assert!(family.0 < all.0 && family.1 < all.1);
}

#[test]
fn graphml_has_every_person_and_relationship() {
    let env = Env::sample();
    for filter in [&[][..], &["--tag", "family"][..]] {
        let mut args = vec!["export", "--format", "graphml"];
        args.extend_from_slice(filter);
        let xml = env.ok(&args);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let graph = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
        assert_eq!(graph.attribute("edgedefault"), Some("undirected"));
        let nodes: Vec<_> = graph
            .children()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        let edges: Vec<_> = graph
            .children()
            .filter(|n| n.has_tag_name("edge"))
            .collect();
        assert_eq!((nodes.len(), edges.len()), sample_counts(&env, filter));
        // Every data key is declared, and edges point at exported nodes.
        let keys: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("key"))
            .map(|k| k.attribute("id").unwrap())
            .collect();
        let ids: Vec<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
        for n in nodes.iter().chain(&edges) {
            for key in graphml_data(*n).keys() {
                assert!(keys.contains(key), "{key}");
            }
        }
        for e in &edges {
            assert!(ids.contains(&e.attribute("source").unwrap()));
            assert!(ids.contains(&e.attribute("target").unwrap()));
        }
        let ruth = graphml_data(nodes[0]);
        assert_eq!(ruth["label"], "Ruth Hale");
        assert!(ruth["degree"].parse::<usize>().unwrap() > 0);
        assert!(ruth["cluster"].parse::<usize>().is_ok());
    }
}

#[test]
fn dot_escapes_hostile_text() {
    let env = hostile();
    let dot = env.ok(&["export", "--format", "dot"]);
    assert_eq!(dot_counts(&dot), (3, 1));
    let (strings, _) = dot_tokens(&dot);
    assert!(strings.iter().any(|s| s == HOSTILE_KEPT), "{dot}");
    assert!(
        strings.iter().any(|s| s == "Bob ]; \"x\" -- \"y\" ["),
        "{dot}"
    );
    assert!(strings.iter().any(|s| s == "C:\\dir\\"), "{dot}");
    assert!(strings.iter().any(|s| s == "x\"y; <t>"), "{dot}");
    assert!(strings.iter().any(|s| s == "k\"ind"), "{dot}");
    check_with_graphviz(&env, &dot);
}

#[test]
fn graphml_escapes_hostile_text() {
    let env = hostile();
    let xml = env.ok(&["export", "--format", "graphml"]);
    assert!(!xml.contains("<script>"), "{xml}");
    assert!(!xml.contains('\u{1}'), "{xml}");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    assert_eq!(nodes.len(), 3);
    let eve = graphml_data(nodes[0]);
    assert_eq!(eve["label"], HOSTILE_KEPT);
    assert_eq!(eve["company"], "A & B <Ltd>");
    assert_eq!(eve["role"], "it's \"quoted\"");
    assert_eq!(eve["location"], "C:\\dir\\");
    assert_eq!(eve["tags"], "x\"y; <t>");
    assert_eq!(eve["interests"], "a&b");
    assert_eq!(eve["degree"], "1");
    let edge = doc.descendants().find(|n| n.has_tag_name("edge")).unwrap();
    let data = graphml_data(edge);
    assert_eq!(data["note"], HOSTILE_KEPT);
    assert_eq!(data["kind"], "k\"ind");
    assert_eq!(data["strength"], "4");
    assert_eq!(data["since"], "2020-02-03");
}

#[test]
fn graph_exports_into_a_file() {
    let env = Env::sample();
    let out = env.dir.path().join("web.graphml");
    let done = env.json(&["export", "--format", "graphml", "-o", out.to_str().unwrap()]);
    assert_eq!(done["format"], "graphml");
    let xml = std::fs::read_to_string(&out).unwrap();
    roxmltree::Document::parse(&xml).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
