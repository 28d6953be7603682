//! `netweb infer`: the ties records imply, listed, applied, taken back, confirmed.

use serde_json::{Value, json};

use crate::common::{Env, strings};

/// A data file of these people (objects with at least "id"; the name is made from it).
fn network(people: &[Value]) -> String {
    let people: Vec<Value> = people
        .iter()
        .map(|p| {
            let mut p = p.clone();
            let id = p["id"].as_str().unwrap().to_string();
            p.as_object_mut()
                .unwrap()
                .entry("name")
                .or_insert(json!(id.replace('-', " ")));
            p
        })
        .collect();
    serde_json::to_string_pretty(&json!({"version": 1, "people": people})).unwrap()
}

/// The proposed ties as (a, b, inferred), in order.
fn ties(out: &Value) -> Vec<(String, String, String)> {
    out["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["a"].as_str().unwrap().to_string(),
                t["b"].as_str().unwrap().to_string(),
                t["inferred"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn tie(a: &str, b: &str, why: &str) -> (String, String, String) {
    (a.into(), b.into(), why.into())
}

fn reason<'a>(out: &'a Value, name: &str) -> &'a Value {
    out["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reason"] == name)
        .unwrap()
}

#[test]
fn one_company_however_spelled_and_an_organisations_domain_but_not_webmail() {
    let env = Env::with_file(&network(&[
        json!({"id": "ada", "company": "Ocado Ltd.", "emails": ["ada@gmail.com"]}),
        json!({"id": "bob", "company": "OCADO", "emails": ["bob@gmail.com"]}),
        json!({"id": "cy", "company": "Ocado, Inc."}),
        json!({"id": "dee", "company": "Wise", "emails": ["dee@wise.com"]}),
        json!({"id": "eve", "emails": ["eve@payments.wise.com"]}),
        json!({"id": "fay", "company": "Self-employed", "emails": ["fay@outlook.com"]}),
        json!({"id": "gus", "company": "Freelance", "emails": ["gus@hotmail.co.uk"]}),
    ]));
    let before = env.text();
    let out = env.json(&["infer"]);
    assert_eq!(out["applied"], false);
    assert_eq!(
        ties(&out),
        [
            tie("ada", "bob", "same company: Ocado Ltd."),
            tie("ada", "cy", "same company: Ocado Ltd."),
            tie("bob", "cy", "same company: Ocado Ltd."),
            tie("dee", "eve", "same email domain: wise.com"),
        ]
    );
    let company = reason(&out, "company");
    assert_eq!(company["ties"], 3);
    assert_eq!(company["groups"][0]["name"], "Ocado Ltd.");
    assert_eq!(
        strings(&company["groups"][0]["people"]),
        ["ada", "bob", "cy"]
    );
    assert_eq!(reason(&out, "domain")["groups"][0]["name"], "wise.com");
    // The listing changes nothing, not a byte, and makes no backup.
    let text = env.ok(&["infer"]);
    assert!(
        text.starts_with("4 ties your records imply; nothing was changed:"),
        "{text}"
    );
    assert!(text.contains("same company: 3 ties from 1 group"), "{text}");
    assert!(
        text.contains("Ocado Ltd.  3 people, 3 ties  ada, bob and cy"),
        "{text}"
    );
    assert_eq!(env.text(), before);
    assert!(!env.file.with_extension("json.bak").exists());
}

#[test]
fn a_relation_on_a_card_names_a_contact() {
    let env = Env::with_file(&network(&[
        json!({"id": "ada-larkwell", "name": "Ada Larkwell",
               "related": [{"kind": "spouse", "name": "William Kell"}, {"name": "Someone Else"}]}),
        json!({"id": "william-kell", "name": "William Kell"}),
        json!({"id": "mary", "related": [{"kind": "friend", "name": "mailto:Ada@Example.org"}]}),
        json!({"id": "ada2", "name": "Ada L", "emails": ["ada@example.org"]}),
    ]));
    let out = env.json(&["infer"]);
    assert_eq!(
        ties(&out),
        [
            tie("ada-larkwell", "william-kell", "related: spouse"),
            tie("mary", "ada2", "related: friend"),
        ]
    );
    let text = env.ok(&["infer"]);
    assert!(
        text.contains("spouse  Ada Larkwell and William Kell"),
        "{text}"
    );
}

#[test]
fn a_label_is_a_group_from_two_to_twelve_people() {
    let mut people: Vec<Value> = (0..14)
        .map(|i| json!({"id": format!("p{i:02}"), "tags": ["book club"]}))
        .collect();
    for (i, p) in people.iter_mut().enumerate().take(12) {
        p["tags"] = json!(["book club", "climbing", "friends"]);
        if i == 0 {
            p["tags"] = json!(["book club", "climbing", "friends", "choir"]);
        }
    }
    people[13]["tags"] = json!(["book club", "choir"]);
    let env = Env::with_file(&network(&people));
    let out = env.json(&["infer"]);
    let labels = reason(&out, "label");
    // climbing: 12 people, all 66 pairs; choir: 2 people, 1 pair; book club (14) and
    // friends (a label about the owner) give none.
    assert_eq!(labels["ties"], 67);
    let groups = labels["groups"].as_array().unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["book club", "choir", "climbing"]);
    assert_eq!(groups[0]["ties"], 0);
    assert!(
        groups[0]["skipped"]
            .as_str()
            .unwrap()
            .contains("held by 14 people")
    );
    let text = env.ok(&["infer"]);
    assert!(text.contains("no ties: held by 14 people"), "{text}");
}

#[test]
fn a_big_employer_is_tied_through_the_people_you_see() {
    let mut people: Vec<Value> = (0..40)
        .map(|i| json!({"id": format!("w{i:02}"), "company": "Wise"}))
        .collect();
    people[0]["company"] = json!("Wise plc");
    let mut file: Value = serde_json::from_str(&network(&people)).unwrap();
    file["interactions"] = json!([
        {"date": "2026-11-01", "people": ["w30"], "kind": "coffee"},
        {"date": "2026-10-01", "people": ["w30", "w20"], "kind": "lunch"},
    ]);
    let env = Env::with_file(&file.to_string());
    let out = env.json(&["infer"]);
    let group = &reason(&out, "company")["groups"][0];
    assert_eq!(group["name"], "Wise");
    assert_eq!(strings(&group["anchors"]), ["w30", "w20", "w00"]);
    // 3 among the anchors and 3 for each of the other 37, not the 780 of everyone.
    assert_eq!(group["ties"], 3 + 37 * 3);
    let text = env.ok(&["infer"]);
    assert!(
        text.contains("too many to all know each other: each tied to w30, w20 and w00"),
        "{text}"
    );
}

#[test]
fn apply_then_undo_gives_the_file_back_and_a_link_confirms_a_tie() {
    let env = Env::with_file(&network(&[
        json!({"id": "ada", "company": "Ocado"}),
        json!({"id": "bob", "company": "Ocado"}),
        json!({"id": "cy", "company": "Ocado"}),
        json!({"id": "dee", "company": "Ocado"}),
    ]));
    let before = env.data();
    let out = env.json(&["infer", "--apply"]);
    assert_eq!(
        (out["applied"].clone(), out["added"].clone()),
        (json!(true), json!(6))
    );
    let rels = env.data()["relationships"].as_array().unwrap().clone();
    assert_eq!(rels.len(), 6);
    assert!(
        rels.iter()
            .all(|r| r["inferred"] == "same company: Ocado" && r["kind"] == "colleague")
    );
    // Again: nothing new, nothing written.
    let text = env.text();
    assert_eq!(
        env.ok(&["infer", "--apply"]),
        "no new ties to record: nothing changed\n"
    );
    assert_eq!(env.text(), text);
    assert!(
        env.ok(&["infer"])
            .starts_with("your records imply no new ties")
    );

    // Undo takes back all six: the network is as it was.
    let out = env.json(&["infer", "--undo"]);
    assert_eq!(out["removed"], 6);
    assert_eq!(env.data(), before);
    assert_eq!(
        env.ok(&["infer", "--undo"]),
        "no inferred ties to take back: nothing changed\n"
    );

    // A link of an inferred pair confirms it, and undo keeps it.
    env.ok(&["infer", "--apply"]);
    let out = env.run(&["link", "bob", "ada"]);
    assert_eq!(
        out.stdout,
        "confirmed the inferred link between bob and ada (colleague)\n"
    );
    assert!(out.stderr.contains("same company: Ocado"), "{}", out.stderr);
    assert_eq!(
        env.ok(&["infer", "--undo"]),
        "removed 5 inferred ties (those confirmed with `netweb link` were kept)\n"
    );
    let rels = env.data()["relationships"].as_array().unwrap().clone();
    assert_eq!(rels.len(), 1);
    assert_eq!(
        strings(&json!([rels[0]["a"], rels[0]["b"]])),
        ["ada", "bob"]
    );
    assert_eq!(rels[0].get("inferred"), None);
}

#[test]
fn show_marks_an_inferred_tie_and_an_introduction_confirms_it() {
    let env = Env::with_file(&network(&[
        json!({"id": "ada", "company": "Ocado"}),
        json!({"id": "bob", "company": "Ocado"}),
        json!({"id": "cy"}),
    ]));
    env.ok(&["infer", "--apply"]);
    let shown = env.json(&["show", "ada"]);
    assert_eq!(shown["relationships"][0]["inferred"], "same company: Ocado");
    let text = env.ok(&["show", "ada"]);
    assert!(
        text.contains("colleague, inferred (same company: Ocado)"),
        "{text}"
    );

    // Introducing the three makes two new ties and confirms the inferred one.
    let out = env.json(&["intro", "ada", "bob", "cy"]);
    assert_eq!(
        (
            out["new_relationships"].clone(),
            out["confirmed_relationships"].clone()
        ),
        (json!(2), json!(1))
    );
    assert_eq!(
        env.json(&["show", "ada"])["relationships"][0].get("inferred"),
        None
    );
    env.ok(&["undo"]);
    assert!(
        env.ok(&["intro", "ada", "bob", "cy"])
            .contains("(2 new relationships, 1 inferred one confirmed)")
    );
    // Nothing is left for infer --undo to take back.
    assert!(
        env.ok(&["infer", "--undo"])
            .starts_with("no inferred ties to take back")
    );
}

#[test]
fn one_apply_is_one_step_of_netweb_undo() {
    let env = Env::with_file(&network(&[
        json!({"id": "ada", "company": "Ocado"}),
        json!({"id": "bob", "company": "Ocado"}),
        json!({"id": "cy", "tags": ["choir"]}),
        json!({"id": "dee", "tags": ["choir"]}),
    ]));
    env.ok(&["add", "Eve"]);
    let before = env.text();
    env.ok(&["infer", "--apply"]);
    assert_eq!(env.data()["relationships"].as_array().unwrap().len(), 2);
    let out = env.ok(&["undo"]);
    assert!(out.contains("netweb infer --apply"), "{out}");
    assert_eq!(env.text(), before);
}

#[test]
fn calendar_ties_are_left_to_their_import() {
    let mut file: Value = serde_json::from_str(&network(&[
        json!({"id": "ada", "company": "Ocado"}),
        json!({"id": "bob", "company": "Ocado"}),
        json!({"id": "cy"}),
    ]))
    .unwrap();
    file["relationships"] = json!([
        {"a": "ada", "b": "cy", "kind": "met", "inferred": "calendar: Standup 2026-03-02"}
    ]);
    let env = Env::with_file(&file.to_string());
    env.ok(&["infer", "--apply"]);
    assert_eq!(env.data()["relationships"].as_array().unwrap().len(), 2);
    env.ok(&["infer", "--undo"]);
    let rels = env.data()["relationships"].as_array().unwrap().clone();
    assert_eq!(rels.len(), 1);
    assert_eq!(rels[0]["inferred"], "calendar: Standup 2026-03-02");
}

#[test]
fn apply_and_undo_conflict() {
    let env = Env::new();
    let err = env.fails(2, &["infer", "--apply", "--undo"]);
    assert!(err.contains("cannot be used with"), "{err}");
}

/// A LinkedIn-only network, as the issue found it: `suggest` had nothing. After
/// `infer --apply` it has pairs, and their reasons are the inferred ties' triadic
/// closure: mutual contacts each of them is tied to by the records.
#[test]
fn a_linkedin_export_gives_suggestions_once_ties_are_inferred() {
    let env = Env::new();
    let csv = env.dir.path().join("Connections.csv");
    std::fs::write(
        &csv,
        netweb_test_support::linkedin::connections_csv(250, 11),
    )
    .unwrap();
    let import = env.json(&["import", csv.to_str().unwrap()]);
    assert_eq!(import["format"], "linkedin");
    assert_eq!(import["new"], 250, "{import}");
    assert!(env.data().get("relationships").is_none());

    let out = env.json(&["infer", "--apply"]);
    let added = out["added"].as_u64().unwrap();
    assert!(added > 100, "{added} ties");
    let company = reason(&out, "company");
    // The owner's biggest workplaces are tied through anchors, not whole.
    let big: Vec<&Value> = company["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["people"].as_array().unwrap().len() > 12)
        .collect();
    assert!(!big.is_empty());
    assert!(
        big.iter()
            .all(|g| g["anchors"].as_array().unwrap().len() == 3)
    );

    let data = env.data();
    let rels = data["relationships"].as_array().unwrap();
    let inferred_tie = |x: &str, y: &str| {
        rels.iter().any(|r| {
            ((r["a"] == x && r["b"] == y) || (r["a"] == y && r["b"] == x))
                && r["inferred"].as_str().is_some()
        })
    };
    // The top of the list is what the positions say (an investor and a founder, two
    // recruiters at different firms); the colleagues' colleagues come further down.
    let suggestions = env.json(&["suggest", "-n", "200"]);
    let list = suggestions.as_array().unwrap();
    assert!(!list.is_empty(), "no suggestions after infer --apply");
    assert!(
        list[..20].iter().all(|s| {
            !s["same_field"].as_array().unwrap().is_empty()
                || s["offers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|o| o["by_role"] == true)
                || !s["mutual_contacts"].as_array().unwrap().is_empty()
        }),
        "a top suggestion with no reason from the records: {suggestions}"
    );
    let closed: Vec<&Value> = list
        .iter()
        .filter(|s| !s["mutual_contacts"].as_array().unwrap().is_empty())
        .collect();
    assert!(
        !closed.is_empty(),
        "no suggestion through mutual contacts: {suggestions}"
    );
    for s in closed {
        let pair = strings(&s["people"]);
        for m in strings(&s["mutual_contacts"]) {
            assert!(
                inferred_tie(pair[0], m) && inferred_tie(pair[1], m),
                "{m} is a mutual contact of {pair:?} by an inferred tie"
            );
        }
        assert!(s["why"].as_str().unwrap().contains("mutual contact"), "{s}");
    }
}

/// Through real imports: a card's RELATED names someone who arrives later from LinkedIn,
/// and a vCard category two cards share is a group.
#[test]
fn relations_and_categories_from_an_address_book_tie_across_imports() {
    let env = Env::new();
    let vcf = env.dir.path().join("contacts.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Larkwell\r\nCATEGORIES:Choir,Friends\r\n\
         RELATED;VALUE=text;TYPE=spouse:William Kell\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mary Silverdale\r\nCATEGORIES:Choir,Friends\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:John Hartwell\r\nCATEGORIES:Friends\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let csv = env.dir.path().join("Connections.csv");
    std::fs::write(
        &csv,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         William,Kell,https://www.linkedin.com/in/wkell,,Oxbury Park,Landowner,05 May 2024\n",
    )
    .unwrap();
    env.ok(&["import", vcf.to_str().unwrap()]);
    assert_eq!(
        env.person("ada-larkwell")["related"][0]["name"],
        "William Kell"
    );
    env.ok(&["import", csv.to_str().unwrap()]);
    let out = env.json(&["infer"]);
    assert_eq!(
        ties(&out),
        [
            tie("ada-larkwell", "william-kell", "related: spouse"),
            tie("ada-larkwell", "mary-silverdale", "shared label: choir"),
        ]
    );
}
