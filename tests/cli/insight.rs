//! `stats`, `path` and `interests` on small networks whose answers are known by hand.

use serde_json::{Value, json};

use crate::common::{Env, strings};

/// A network file of people p0..p{n-1} (named P0...) and these relationships.
fn network(n: usize, links: &[(usize, usize)]) -> Value {
    let people: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("P{i}")}))
        .collect();
    let relationships: Vec<Value> = links
        .iter()
        .map(|&(a, b)| json!({"a": format!("p{a}"), "b": format!("p{b}")}))
        .collect();
    json!({"version": 1, "people": people, "relationships": relationships})
}

fn env(net: &Value) -> Env {
    Env::with_file(&serde_json::to_string_pretty(net).unwrap())
}

fn two_cliques_and_a_bridge() -> Value {
    let mut links = Vec::new();
    for base in [0, 4] {
        for i in 0..4 {
            for j in i + 1..4 {
                links.push((base + i, base + j));
            }
        }
    }
    links.push((3, 4));
    network(8, &links)
}

#[test]
fn stats_of_a_star() {
    let s = env(&network(5, &[(0, 1), (0, 2), (0, 3), (0, 4)])).json(&["stats"]);
    let m = &s["mesh"];
    assert_eq!(s["people"], 5);
    assert_eq!(s["relationships"], 4);
    assert_eq!(m["density"], 0.4);
    assert_eq!(m["components"], 1);
    assert_eq!(m["isolates"], 0);
    assert_eq!(m["average_clustering"], 0.0);
    assert_eq!(m["effective_size"], 3.4);
    assert_eq!(m["mesh_score"], 66.7);
    assert_eq!(s["brokers"]["articulation_points"][0]["id"], "p0");
    assert_eq!(s["brokers"]["betweenness"][0]["betweenness"], 1.0);
    assert_eq!(s["brokers"]["betweenness_exact"], true);
}

#[test]
fn stats_of_a_path() {
    let s = env(&network(5, &[(0, 1), (1, 2), (2, 3), (3, 4)])).json(&["stats"]);
    let cuts: Vec<&str> = s["brokers"]["articulation_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(cuts, ["p1", "p2", "p3"]);
    assert_eq!(s["brokers"]["betweenness"][0]["id"], "p2");
    assert_eq!(s["brokers"]["betweenness"][0]["betweenness"], 0.6667);
    assert_eq!(s["mesh"]["average_clustering"], 0.0);
    assert_eq!(s["mesh"]["density"], 0.4);
}

#[test]
fn stats_of_two_cliques_joined_by_a_bridge() {
    let s = env(&two_cliques_and_a_bridge()).json(&["stats"]);
    let clusters = s["clusters"]["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 2);
    assert_eq!(strings(&clusters[0]["people"]), ["p0", "p1", "p2", "p3"]);
    assert_eq!(strings(&clusters[1]["people"]), ["p4", "p5", "p6", "p7"]);
    // 2 * (6/13 - (13/26)^2)
    assert_eq!(s["clusters"]["modularity"], 0.4231);
    let cuts: Vec<&str> = s["brokers"]["articulation_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(cuts, ["p3", "p4"]);
    // Six nodes with clustering 1, the two bridge ends 3/6 each.
    assert_eq!(s["mesh"]["average_clustering"], 0.875);
}

#[test]
fn stats_of_a_disconnected_network_and_its_text() {
    let e = env(&network(6, &[(0, 1), (1, 2), (0, 2), (3, 4)]));
    let s = e.json(&["stats"]);
    assert_eq!(s["component_sizes"], json!([3, 2, 1]));
    assert_eq!(s["mesh"]["largest_component_share"], 0.5);
    assert_eq!(s["mesh"]["isolates"], 1);
    assert_eq!(s["isolates"][0]["name"], "P5");
    assert_eq!(s["mesh"]["connected_share"], 0.8333);
    for key in [
        "people",
        "relationships",
        "interactions",
        "introductions",
        "mesh",
        "component_sizes",
        "isolates",
        "brokers",
        "clusters",
        "vocabulary",
        "growth",
    ] {
        assert!(s.get(key).is_some(), "no {key}");
    }
    for key in [
        "year_ago",
        "then",
        "now",
        "relationships_from_introductions",
    ] {
        assert!(s["growth"].get(key).is_some(), "no growth.{key}");
    }
    let text = e.ok(&["stats"]);
    assert!(text.contains("Mesh score 61/100"), "{text}");
    assert!(text.contains("isolates: P5"), "{text}");
}

#[test]
fn stats_growth_uses_the_recorded_dates() {
    let mut net = network(3, &[(0, 1), (1, 2)]);
    net["relationships"][1]["since"] = json!("2026-06-01");
    net["introductions"] = json!([{"date": "2026-05-01", "people": ["p1", "p2"]}]);
    let s = env(&net).json(&["stats"]);
    let g = &s["growth"];
    assert_eq!(g["year_ago"], "2025-11-25");
    assert_eq!(g["then"]["relationships"], 1);
    assert_eq!(g["now"]["relationships"], 2);
    assert_eq!(g["then"]["isolates"], 1);
    assert_eq!(g["relationships_from_introductions"], 1);
}

#[test]
fn path_prefers_strong_relationships() {
    let mut net = network(4, &[(0, 1), (1, 2), (2, 3), (0, 3)]);
    for i in 0..3 {
        net["relationships"][i]["strength"] = json!(5);
    }
    net["relationships"][3]["strength"] = json!(1);
    let e = env(&net);
    let p = e.json(&["path", "P0", "P3"]);
    assert_eq!(p["found"], true);
    assert_eq!(p["hops"], 3);
    assert_eq!(p["cost"], 3);
    let ids: Vec<&str> = p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["p0", "p1", "p2", "p3"]);
    let text = e.ok(&["path", "p0", "p3"]);
    assert!(text.contains("P1 could introduce P0 to P2"), "{text}");
}

#[test]
fn path_without_a_route_suggests_the_introduction_that_joins_the_groups() {
    let mut net = network(5, &[(0, 1), (1, 2), (3, 4)]);
    net["people"][2]["interests"] = json!(["chess"]);
    net["people"][3]["interests"] = json!(["chess"]);
    let e = env(&net);
    let p = e.json(&["path", "p0", "p4"]);
    assert_eq!(p["found"], false);
    assert_eq!(p["steps"], json!([]));
    assert_eq!(p["from_group"]["size"], 3);
    assert_eq!(p["to_group"]["size"], 2);
    assert_eq!(p["suggestion"]["people"], json!(["p2", "p3"]));
    assert_eq!(p["fallback"], Value::Null);
    let text = e.ok(&["path", "p0", "p4"]);
    assert!(
        text.contains("no chain of people connects P0 and P4"),
        "{text}"
    );
    assert!(
        text.contains("best first introduction: P2 and P3"),
        "{text}"
    );

    // Without any shared reason, the best-connected in each group.
    let plain = env(&network(5, &[(0, 1), (1, 2), (3, 4)]));
    let p = plain.json(&["path", "p0", "p4"]);
    assert_eq!(p["suggestion"], Value::Null);
    assert_eq!(p["fallback"][0]["id"], "p1");
    assert_eq!(p["fallback"][1]["id"], "p3");
}

#[test]
fn path_to_oneself_is_refused() {
    let e = env(&network(2, &[(0, 1)]));
    let err = e.fails(1, &["path", "p0", "P0"]);
    assert!(err.contains("same person"), "{err}");
}

fn vocabulary_network() -> Value {
    let mut net = network(3, &[(0, 1)]);
    net["people"][0]["interests"] = json!(["ml", "rust"]);
    net["people"][0]["tags"] = json!(["ml"]);
    net["people"][1]["interests"] = json!(["machine learning", "ml"]);
    net["people"][1]["seeks"] = json!(["ml"]);
    net["people"][2]["interests"] = json!(["rust"]);
    net["people"][2]["offers"] = json!(["rust mentoring"]);
    net
}

#[test]
fn interests_count_and_point_out_near_duplicates() {
    let e = env(&vocabulary_network());
    let v = e.json(&["interests"]);
    assert_eq!(
        v["interests"],
        json!([
            {"term": "ml", "people": 2},
            {"term": "rust", "people": 2},
            {"term": "machine learning", "people": 1}
        ])
    );
    assert_eq!(
        v["offers"],
        json!([{"term": "rust mentoring", "people": 1}])
    );
    assert_eq!(v["seeks"], json!([{"term": "ml", "people": 1}]));
    let dup = &v["near_duplicates"][0];
    assert_eq!(dup["field"], "interests");
    assert_eq!(dup["a"]["term"], "ml");
    assert_eq!(dup["b"]["term"], "machine learning");
    assert_eq!(dup["why"], "acronym");
    let text = e.ok(&["interests"]);
    assert!(text.contains("Near-duplicates"), "{text}");
}

#[test]
fn interests_rename_changes_every_person_and_nothing_else() {
    let e = env(&vocabulary_network());
    let before = e.data();
    let r = e.json(&["interests", "rename", "ML", "Machine  Learning"]);
    assert_eq!(r["people"], 2);
    assert_eq!(r["interests"], 2);
    assert_eq!(r["seeks"], 1);
    let after = e.data();
    assert_eq!(
        after["people"][0]["interests"],
        json!(["machine learning", "rust"])
    );
    // Already had both: merged into one, in the first place either held.
    assert_eq!(after["people"][1]["interests"], json!(["machine learning"]));
    assert_eq!(after["people"][1]["seeks"], json!(["machine learning"]));
    // Tags have their own meaning and stay.
    assert_eq!(after["people"][0]["tags"], json!(["ml"]));
    // Everything else is as it was.
    let mut expected = before.clone();
    expected["people"][0]["interests"] = after["people"][0]["interests"].clone();
    expected["people"][1]["interests"] = after["people"][1]["interests"].clone();
    expected["people"][1]["seeks"] = after["people"][1]["seeks"].clone();
    assert_eq!(after, expected);

    let text = e.fails(1, &["interests", "rename", "rusty", "rust"]);
    assert!(text.contains("nobody has \"rusty\""), "{text}");
    assert!(text.contains("did you mean \"rust\""), "{text}");
}

#[test]
fn stats_text_lists_the_largest_clusters_then_how_many_more() {
    // 50 separate pairs: 50 clusters of two, more than the text lists.
    let links: Vec<(usize, usize)> = (0..50).map(|i| (2 * i, 2 * i + 1)).collect();
    let e = env(&network(100, &links));
    let s = e.json(&["stats"]);
    assert_eq!(s["clusters"]["clusters"].as_array().unwrap().len(), 50);
    assert_eq!(s["brokers"]["betweenness_exact"], true);
    assert_eq!(s["brokers"]["betweenness_error"], 0.0);
    let text = e.ok(&["stats"]);
    assert!(
        text.lines().count() <= 120,
        "{} lines",
        text.lines().count()
    );
    assert!(
        text.contains("and 10 more (20 contacts; `netweb --json stats` lists them all)"),
        "{text}"
    );
}

/// 100 people, each with their own numbered interest and one shared one.
fn numbered_interests() -> Value {
    let mut net = network(100, &[]);
    for i in 0..100 {
        net["people"][i]["interests"] = json!([format!("interest {}", 2900 + i), "chess"]);
    }
    net
}

#[test]
fn interests_text_stops_after_ninety_rows_unless_all() {
    let e = env(&numbered_interests());
    let v = e.json(&["interests"]);
    assert_eq!(v["interests"].as_array().unwrap().len(), 101);
    let text = e.ok(&["interests"]);
    assert!(
        text.lines().count() <= 400,
        "{} lines",
        text.lines().count()
    );
    assert!(
        text.contains("and 11 more (`netweb interests --all`"),
        "{text}"
    );
    assert!(!text.contains("interest 2999"), "{text}");
    let all = e.ok(&["interests", "--all"]);
    assert!(all.contains("interest 2999"), "{all}");
    assert!(!all.contains("more (`netweb interests --all`"), "{all}");
}

#[test]
fn numbers_that_differ_are_never_a_misspelling_but_spellings_are_found() {
    let mut net = numbered_interests();
    net["people"][0]["interests"] = json!(["interest 297", "machine learning", "photography"]);
    net["people"][1]["interests"] = json!(["interest 2962", "machine-learning", "photografy"]);
    let e = env(&net);
    let v = e.json(&["interests"]);
    let pairs: Vec<(String, String, String)> = v["near_duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut ab = [
                d["a"]["term"].as_str().unwrap(),
                d["b"]["term"].as_str().unwrap(),
            ];
            ab.sort();
            (
                ab[0].to_string(),
                ab[1].to_string(),
                d["why"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |a: &str, b: &str, why: &str| pairs.contains(&(a.into(), b.into(), why.into()));
    assert!(
        has("machine learning", "machine-learning", "same words"),
        "{pairs:?}"
    );
    assert!(has("photografy", "photography", "spelling"), "{pairs:?}");
    // No two numbered interests are near-duplicates (they differ only in their numbers).
    assert!(
        pairs
            .iter()
            .all(|(a, b, _)| !(a.starts_with("interest") && b.starts_with("interest"))),
        "{pairs:?}"
    );
}
