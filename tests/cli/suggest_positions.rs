//! `suggest` on a LinkedIn-like network: company and position on each person, nothing
//! else, and the ties `infer --apply` records for people at one company. The introductions
//! come from the positions (the same field, complementary roles) and from closing
//! triangles of inferred ties.

use serde_json::{Value, json};

use crate::common::{Env, strings};

/// (id, name, company, position)
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("ada", "Ada Lund", "Ocado", "Data Engineer"),
    ("ben", "Ben Ortiz", "Ocado", "Product Manager"),
    ("cai", "Cai Moss", "Ocado", "Marketing Manager"),
    ("dan", "Dan Reyes", "Wise", "Senior Data Engineer"),
    ("eve", "Eve Shah", "Wise", "Engineering Manager, hiring"),
    ("fay", "Fay Dunn", "Monzo", "Developer Advocate"),
    ("gus", "Gus Hale", "Monzo", "Operations Manager"),
    ("hal", "Hal Berg", "Stripe", "Lead Developer Advocate"),
    ("ivy", "Ivy Cole", "Seedcamp", "Angel Investor"),
    ("jon", "Jon Pike", "Stealth", "Co-founder & CEO"),
    ("kim", "Kim Yoon", "Hays", "Technical Recruiter"),
    ("lea", "Lea Voss", "Wise", "Finance Manager"),
];

fn linkedin_like() -> Env {
    let people: Vec<Value> = PEOPLE
        .iter()
        .map(|(id, name, company, role)| {
            json!({"id": id, "name": name, "company": company, "role": role})
        })
        .collect();
    let inferred = |a: &str, b: &str, company: &str| json!({"a": a, "b": b, "inferred": format!("same company: {company}")});
    let rels = vec![
        inferred("ada", "ben", "Ocado"),
        inferred("ada", "cai", "Ocado"),
        inferred("ben", "cai", "Ocado"),
        inferred("dan", "eve", "Wise"),
        inferred("dan", "lea", "Wise"),
        inferred("fay", "gus", "Monzo"),
        json!({"a": "ben", "b": "fay", "kind": "met"}),
    ];
    Env::with_file(&json!({"version": 1, "people": people, "relationships": rels}).to_string())
}

#[test]
fn positions_and_inferred_ties_give_introductions_with_reasons() {
    let env = linkedin_like();
    let out = env.json(&["suggest", "--limit", "8"]);
    let got: Vec<(Vec<String>, String)> = (out.as_array().unwrap().iter())
        .map(|s| {
            let people = strings(&s["people"])
                .iter()
                .map(|p| p.to_string())
                .collect();
            (people, s["why"].as_str().unwrap().to_string())
        })
        .collect();
    let above = "; ranked above pairs with more mutual contacts";
    let want: Vec<(Vec<String>, String)> = [
        (["eve", "kim"], format!("Kim recruits (Technical Recruiter) and Eve is hiring (Engineering Manager, hiring){above} for the help one can give the other")),
        (["ivy", "jon"], format!("Ivy invests (Angel Investor) and Jon is a founder (Co-founder & CEO){above} for the help one can give the other")),
        (["ben", "gus"], "1 mutual contact: Fay Dunn; both work as managers, at Ocado and at Monzo".to_string()),
        (["eve", "lea"], "1 mutual contact: Dan Reyes; both work as managers, both at Wise".to_string()),
        (["ada", "dan"], format!("both work as data engineers, at Ocado and at Wise{above} for the field they share")),
        (["fay", "hal"], format!("both work as developer advocates, at Monzo and at Stripe{above} for the field they share")),
        (["ada", "fay"], "1 mutual contact: Ben Ortiz".to_string()),
        (["cai", "fay"], "1 mutual contact: Ben Ortiz".to_string()),
    ]
    .into_iter()
    .map(|(p, why)| (p.map(String::from).to_vec(), why))
    .collect();
    assert_eq!(got, want);

    // The new signals in data: the shared field words (rarest first), and needs read
    // from positions, marked as such and named without the internal mark.
    let by = |a: &str, b: &str| {
        (out.as_array().unwrap().iter())
            .find(|s| strings(&s["people"]) == [a, b])
            .unwrap()
            .clone()
    };
    let advocates = by("fay", "hal");
    assert_eq!(strings(&advocates["same_field"]), ["advocate", "developer"]);
    assert_eq!(advocates["contributions"][0]["reason"], "same_field");
    assert!(strings(&advocates["shared_interests"]).is_empty());
    let recruiting = by("eve", "kim");
    assert_eq!(
        recruiting["offers"],
        json!([{"from": "kim", "to": "eve", "offer": "recruiting", "seek": "recruiting", "by_role": true}])
    );
    // Two developer advocates matter more than two managers.
    let score = |a: &str, b: &str| by(a, b)["score"].as_f64().unwrap();
    assert!(score("fay", "hal") > 2.0 * env_manager_pair_score(&env));
}

/// The score of two managers at different companies with nothing else in common.
fn env_manager_pair_score(env: &Env) -> f64 {
    let out = env.json(&["suggest", "--for", "cai", "--limit", "20"]);
    (out.as_array().unwrap().iter())
        .find(|s| strings(&s["people"]).contains(&"gus"))
        .map(|s| {
            assert_eq!(s["why"], "both work as managers, at Ocado and at Monzo");
            s["score"].as_f64().unwrap()
        })
        .unwrap()
}

#[test]
fn a_network_without_positions_suggests_as_before() {
    // The same people without positions: only the inferred ties' triangles remain.
    let env = linkedin_like();
    let mut net: Value =
        serde_json::from_str(&std::fs::read_to_string(&env.file).unwrap()).unwrap();
    for p in net["people"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("role");
    }
    std::fs::write(&env.file, net.to_string()).unwrap();
    let out = env.json(&["suggest"]);
    let pairs: Vec<Vec<&str>> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|s| strings(&s["people"]))
        .collect();
    assert_eq!(
        pairs,
        [
            ["ben", "gus"],
            ["eve", "lea"],
            ["ada", "fay"],
            ["cai", "fay"]
        ]
    );
    assert!(
        out.as_array()
            .unwrap()
            .iter()
            .all(|s| strings(&s["same_field"]).is_empty())
    );
}
