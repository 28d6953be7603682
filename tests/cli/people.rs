use crate::common::{Env, TODAY, strings};

#[test]
fn add_prints_the_id_and_stores_normalised_fields() {
    let env = Env::new();
    let out = env.ok(&[
        "add",
        "Ada Larkwell",
        "--email",
        "ada@example.org",
        "--interest",
        "Poetry, Mathematics",
        "--interest",
        "  analytical   ENGINES ",
        "--offer",
        "rust mentoring",
        "--seek",
        "funding",
        "--tag",
        "work",
        "--company",
        "Analytical Engines",
        "--role",
        "Mathematician",
        "--location",
        "London",
        "--note",
        "Met at the Rowan Society",
        "--met",
        "2024-05-01",
        "--every",
        "30d",
    ]);
    assert_eq!(out, "ada-larkwell\n");
    let p = env.person("ada-larkwell");
    assert_eq!(p["name"], "Ada Larkwell");
    assert_eq!(strings(&p["emails"]), ["ada@example.org"]);
    assert_eq!(
        strings(&p["interests"]),
        ["poetry", "mathematics", "analytical engines"]
    );
    assert_eq!(strings(&p["offers"]), ["rust mentoring"]);
    assert_eq!(strings(&p["seeks"]), ["funding"]);
    assert_eq!(strings(&p["tags"]), ["work"]);
    assert_eq!(p["company"], "Analytical Engines");
    assert_eq!(p["role"], "Mathematician");
    assert_eq!(p["location"], "London");
    assert_eq!(p["notes"], "Met at the Rowan Society");
    assert_eq!(p["met"], "2024-05-01");
    assert_eq!(p["every"], "30d");
    assert_eq!(p["added"], TODAY);
    // Empty fields are left out of the file.
    assert!(p.get("phones").is_none() && p.get("no_intros").is_none());
}

#[test]
fn add_json_prints_the_person() {
    let env = Env::new();
    let p = env.json(&["add", "Grace Hollis", "--interest", "compilers"]);
    assert_eq!(p["id"], "grace-hollis");
    assert_eq!(strings(&p["interests"]), ["compilers"]);
}

#[test]
fn add_knows_creates_relationships() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    env.ok(&["add", "Charles Bramble"]);
    env.ok(&[
        "add",
        "Mary Silverdale",
        "--knows",
        "ada",
        "--knows",
        "charles",
    ]);
    let rels = env.data()["relationships"].as_array().unwrap().clone();
    assert_eq!(rels.len(), 2);
    assert_eq!(
        (rels[0]["a"].as_str(), rels[0]["b"].as_str()),
        (Some("mary-silverdale"), Some("ada-larkwell"))
    );
    assert_eq!(rels[1]["b"], "charles-bramble");
}

#[test]
fn add_refuses_an_existing_name_unless_distinct() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let err = env.fails(1, &["add", "ada larkwell"]);
    assert!(
        err.contains("already in your network as ada-larkwell"),
        "{err}"
    );
    assert!(err.contains("--distinct"), "{err}");
    assert_eq!(
        env.ok(&["add", "Ada Larkwell", "--distinct"]),
        "ada-larkwell-2\n"
    );
    assert_eq!(env.data()["people"].as_array().unwrap().len(), 2);
}

#[test]
fn add_with_an_unknown_knows_adds_nothing() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let before = env.text();
    let err = env.fails(1, &["add", "Grace Hollis", "--knows", "nobody"]);
    assert!(err.contains("no one called \"nobody\""), "{err}");
    assert_eq!(env.text(), before);
}

#[test]
fn add_rejects_bad_values_with_the_accepted_forms() {
    let env = Env::new();
    let err = env.fails(2, &["add", "Ada", "--met", "May 2024"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let err = env.fails(2, &["add", "Ada", "--met", "2027-01-01"]);
    assert!(err.contains("in the future"), "{err}");
    let err = env.fails(2, &["add", "Ada", "--every", "often"]);
    assert!(err.contains("14d, 2w, 3m or 1y"), "{err}");
    let err = env.fails(2, &["add", "  "]);
    assert!(err.contains("the name is empty"), "{err}");
    assert!(!env.file.exists(), "a failed add created the file");
}

#[test]
fn ids_are_ascii_slugs_that_survive_renames() {
    let env = Env::new();
    assert_eq!(env.ok(&["add", "Zoë Müller"]), "zoe-muller\n");
    env.ok(&["edit", "zoe", "--name", "Zoë Schmidt"]);
    let p = env.person("zoe-muller");
    assert_eq!(p["name"], "Zoë Schmidt");
    // The new name resolves.
    assert_eq!(env.json(&["show", "Zoë Schmidt"])["id"], "zoe-muller");
}

#[test]
fn rm_removes_the_person_and_everything_pointing_at_them() {
    let env = Env::sample();
    let data = env.data();
    let touching = |key: &str, field: &str| {
        data[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                if field == "people" {
                    strings(&r["people"]).contains(&"priya-raman")
                } else {
                    r["a"] == "priya-raman" || r["b"] == "priya-raman"
                }
            })
            .count()
    };
    let rels = touching("relationships", "ab");
    assert!(rels > 0);
    let out = env.json(&["rm", "priya-raman"]);
    assert_eq!(out["person"]["id"], "priya-raman");
    assert_eq!(out["relationships"], rels);
    assert_eq!(
        out["interactions_deleted"].as_u64().unwrap()
            + out["interactions_updated"].as_u64().unwrap(),
        touching("interactions", "people") as u64
    );
    let after = env.text();
    assert!(
        !after.contains("priya-raman"),
        "a reference to priya-raman is left"
    );
    // The file is still valid: every command loads it.
    env.ok(&["list"]);
}

#[test]
fn rm_human_output_says_what_went() {
    let env = Env::new();
    env.ok(&["add", "Ada"]);
    env.ok(&["add", "Bob", "--knows", "ada"]);
    assert_eq!(
        env.ok(&["rm", "bob"]),
        "removed Bob (bob) and 1 relationship\n"
    );
    env.ok(&["add", "Cy"]);
    env.ok(&["add", "Dee"]);
    env.ok(&["log", "cy"]);
    env.ok(&["log", "cy", "dee"]);
    env.ok(&["intro", "ada", "cy", "dee"]);
    assert_eq!(
        env.ok(&["rm", "cy"]),
        "removed Cy (cy) and 2 relationships; 1 interaction deleted, \
         1 group interaction updated, 1 introduction updated\n"
    );
    assert_eq!(
        env.ok(&["rm", "ada"]),
        "removed Ada (ada) and 1 relationship; 1 introduction deleted\n"
    );
    assert_eq!(
        env.ok(&["rm", "dee"]),
        "removed Dee (dee); 1 interaction deleted\n"
    );
}

#[test]
fn show_json_has_relationships_by_name_and_history() {
    let env = Env::sample();
    let p = env.json(&["show", "Priya Raman"]);
    assert_eq!(p["id"], "priya-raman");
    let rels = p["relationships"].as_array().unwrap();
    assert!(
        rels.iter()
            .any(|r| r["id"] == "daniel-hale" && r["name"] == "Daniel Hale" && r["strength"] == 5)
    );
    // Closest first.
    let strengths: Vec<u64> = rels
        .iter()
        .map(|r| r["strength"].as_u64().unwrap_or(0))
        .collect();
    assert!(strengths.windows(2).all(|w| w[0] >= w[1]), "{strengths:?}");
    let dates: Vec<&str> = p["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["date"].as_str().unwrap())
        .collect();
    assert!(
        !dates.is_empty() && dates.windows(2).all(|w| w[0] >= w[1]),
        "{dates:?}"
    );
    assert_eq!(p["introductions"].as_array().unwrap().len(), 1);
}

#[test]
fn show_human_names_everyone_they_know() {
    let env = Env::sample();
    let out = env.ok(&["show", "priya"]);
    assert!(out.starts_with("Priya Raman  priya-raman\n"), "{out}");
    for name in ["Daniel Hale", "Ruth Hale", "Siobhán Kelly"] {
        assert!(out.contains(name), "{name} missing:\n{out}");
    }
}

#[test]
fn list_filters_sorts_and_prints_json_people() {
    let env = Env::sample();
    let all = env.json(&["list"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 36);
    let names: Vec<&str> = all.iter().map(|p| p["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);

    let climbers = env.json(&["list", "--interest", "Climbing"]);
    assert!(
        climbers
            .as_array()
            .unwrap()
            .iter()
            .all(|p| strings(&p["interests"]).contains(&"climbing"))
    );
    assert_eq!(climbers.as_array().unwrap().len(), 9);

    let fernbank = env.json(&["list", "--company", "fernbank"]);
    assert!(
        fernbank
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["company"] == "Fernbank Labs")
    );

    let found = env.json(&["list", "--search", "BOOKBINDING"]);
    assert_eq!(found.as_array().unwrap().len(), 4);

    let family = env.json(&["list", "--tag", "family", "--sort", "id", "--reverse"]);
    let ids: Vec<&str> = family
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");

    let by_degree = env.json(&["list", "--sort", "degree"]);
    assert_eq!(
        by_degree[0]["id"], "kenji-watanabe",
        "the most connected contact (7 ties) comes first"
    );
}

#[test]
fn list_human_is_a_table() {
    let env = Env::sample();
    let out = env.ok(&["list", "--interest", "bookbinding"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("NAME"), "{out}");
    assert!(
        lines.iter().skip(1).all(|l| l.contains("bookbinding")),
        "{out}"
    );
}

#[test]
fn list_on_a_missing_file_is_empty_and_creates_nothing() {
    let env = Env::new();
    let out = env.run(&["list"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("the network is empty"),
        "{}",
        out.stderr
    );
    assert_eq!(env.json(&["list"]), serde_json::json!([]));
    assert!(!env.file.exists());
    assert!(!env.file.parent().unwrap().exists());
}
