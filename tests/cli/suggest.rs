//! `suggest`, `intro` and `intros` on small hand-made networks whose right answers are known.

use serde_json::{Value, json};

use crate::common::{Env, strings};

/// A person as `(id, interests, offers, seeks)`.
type Who<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

/// A network file from people and relationships.
fn network(people: &[Who], links: &[(&str, &str)]) -> Env {
    let people: Vec<Value> = people
        .iter()
        .map(|(id, interests, offers, seeks)| {
            json!({"id": id, "name": id.to_uppercase(), "interests": interests, "offers": offers, "seeks": seeks})
        })
        .collect();
    let rels: Vec<Value> = links.iter().map(|(a, b)| json!({"a": a, "b": b})).collect();
    Env::with_file(&json!({"version": 1, "people": people, "relationships": rels}).to_string())
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let p = strings(&s["people"]);
            let (a, b) = (p[0].to_string(), p[1].to_string());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.min(b).to_string(), a.max(b).to_string())
}

#[test]
fn a_rare_shared_interest_beats_a_common_one() {
    let env = network(
        &[
            ("a", &["music"], &[], &[]),
            ("b", &["music"], &[], &[]),
            ("c", &["music"], &[], &[]),
            ("d", &["music"], &[], &[]),
            ("e", &["music", "bookbinding"], &[], &[]),
            ("f", &["music", "bookbinding"], &[], &[]),
            ("g", &[], &[], &[]),
        ],
        &[],
    );
    let out = env.json(&["suggest"]);
    assert_eq!(pairs(&out)[0], pair("e", "f"));
    assert_eq!(
        strings(&out[0]["shared_interests"]),
        ["bookbinding", "music"],
        "rarest first"
    );
    assert!(
        out[0]["why"]
            .as_str()
            .unwrap()
            .contains("both into bookbinding and music")
    );
    let scores: Vec<f64> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(
        !pairs(&out).iter().any(|(a, b)| a == "g" || b == "g"),
        "g has no reason to meet anyone"
    );
}

#[test]
fn needs_met_both_ways_beat_one_way() {
    let env = network(
        &[
            ("ada", &[], &["rust mentoring"], &["design feedback"]),
            ("bob", &[], &["design feedback"], &["mentoring"]),
            ("cy", &[], &[], &["mentoring"]),
        ],
        &[],
    );
    let out = env.json(&["suggest"]);
    assert_eq!(pairs(&out), [pair("ada", "bob"), pair("ada", "cy")]);
    let offers = out[0]["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 2);
    assert!(offers.contains(
        &json!({"from": "ada", "to": "bob", "offer": "rust mentoring", "seek": "mentoring"})
    ));
    assert!(offers.contains(
        &json!({"from": "bob", "to": "ada", "offer": "design feedback", "seek": "design feedback"})
    ));
    let why = out[0]["why"].as_str().unwrap();
    assert!(
        why.contains("ADA offers rust mentoring, which BOB seeks (mentoring)"),
        "{why}"
    );
    assert!(why.contains("each can help the other"), "{why}");
    assert_eq!(out[1]["offers"].as_array().unwrap().len(), 1);
}

#[test]
fn mutual_contacts_are_named_and_related_pairs_never_appear() {
    // A star around hub plus one more tie: every leaf pair shares the hub.
    let env = network(
        &[
            ("hub", &[], &[], &[]),
            ("l1", &[], &[], &[]),
            ("l2", &[], &[], &[]),
            ("l3", &[], &[], &[]),
        ],
        &[("hub", "l1"), ("hub", "l2"), ("hub", "l3"), ("l1", "l2")],
    );
    let out = env.json(&["suggest"]);
    let found = pairs(&out);
    assert_eq!(found.len(), 2);
    assert!(found.contains(&pair("l1", "l3")) && found.contains(&pair("l2", "l3")));
    assert!(!found.contains(&pair("l1", "l2")), "already related");
    assert_eq!(strings(&out[0]["mutual_contacts"])[0], "hub");
    // l1-l3 and l2-l3 share only the hub... and l3's other tie: both have two mutual contacts?
    for s in out.as_array().unwrap() {
        assert!(s["why"].as_str().unwrap().contains("mutual contact"), "{s}");
    }
}

#[test]
fn equal_scores_come_in_a_stable_order() {
    let people: Vec<Who> = ["d", "b", "a", "c"]
        .iter()
        .map(|id| (*id, &["chess"][..], &[][..], &[][..]))
        .collect();
    let env = network(&people, &[]);
    let first = env.ok(&["--json", "suggest"]);
    for _ in 0..3 {
        assert_eq!(env.ok(&["--json", "suggest"]), first);
    }
    let out: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(out.as_array().unwrap().len(), 6);
    // All tie; the order follows the file order of the pair's people.
    assert_eq!(pairs(&out)[0], pair("d", "b"));
}

#[test]
fn json_fields_are_present_and_typed() {
    let env = Env::sample();
    let out = env.json(&["suggest", "--limit", "5"]);
    let list = out.as_array().unwrap();
    assert_eq!(list.len(), 5);
    for s in list {
        assert_eq!(s["people"].as_array().unwrap().len(), 2);
        assert_eq!(s["names"].as_array().unwrap().len(), 2);
        assert!(s["score"].as_f64().unwrap() > 0.0);
        assert!(s["shared_interests"].is_array() && s["offers"].is_array());
        assert!(s["mutual_contacts"].is_array() && s["mutual_names"].is_array());
        assert!(!s["why"].as_str().unwrap().is_empty());
    }
}

#[test]
fn people_who_do_not_want_intros_are_left_out() {
    let env = Env::sample();
    let out = env.json(&["suggest", "--limit", "200"]);
    for s in out.as_array().unwrap() {
        for id in strings(&s["people"]) {
            assert!(
                id != "walter-hale" && id != "ingrid-solberg",
                "{id} asked not to be introduced"
            );
        }
    }
    let err = env.fails(1, &["suggest", "--for", "walter"]);
    assert!(err.contains("does not want to be introduced"), "{err}");
}

#[test]
fn for_interest_and_tag_filter() {
    let env = Env::sample();
    let mine = env.json(&["suggest", "--for", "tomas", "--limit", "50"]);
    assert!(!mine.as_array().unwrap().is_empty());
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|s| strings(&s["people"]).contains(&"tomas-ferreira"))
    );

    let books = env.json(&["suggest", "--interest", "Bookbinding"]);
    assert_eq!(
        books.as_array().unwrap().len(),
        6,
        "4 bookbinders who do not know each other: 6 pairs"
    );
    assert!(
        books
            .as_array()
            .unwrap()
            .iter()
            .all(|s| strings(&s["shared_interests"]).contains(&"bookbinding"))
    );

    let family = env.json(&["suggest", "--tag", "family", "--limit", "50"]);
    let family_ids: Vec<String> = env
        .json(&["list", "--tag", "family"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    for s in family.as_array().unwrap() {
        for id in strings(&s["people"]) {
            assert!(family_ids.iter().any(|f| f == id), "{id} is not family");
        }
    }
}

#[test]
fn min_score_and_limit() {
    let env = Env::sample();
    let all = env.json(&["suggest", "--limit", "100"]);
    let scores: Vec<f64> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    let cut = scores[4];
    let above = env.json(&["suggest", "--limit", "100", "--min-score", &cut.to_string()]);
    assert!(
        above
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["score"].as_f64().unwrap() >= cut - 0.001)
    );
    // Scores print rounded to three decimals; everything clearly above the cut stays.
    let kept = above.as_array().unwrap().len();
    assert!((4..=6).contains(&kept), "{kept} kept above {cut}");
    assert_eq!(
        env.json(&["suggest", "-n", "3"]).as_array().unwrap().len(),
        3
    );
}

#[test]
fn intro_records_links_and_stops_the_suggestion() {
    let env = network(
        &[
            ("ada", &["bookbinding"], &[], &[]),
            ("bob", &["bookbinding"], &[], &[]),
            ("cy", &["bookbinding"], &[], &[]),
        ],
        &[],
    );
    assert!(pairs(&env.json(&["suggest"])).contains(&pair("ada", "bob")));
    let out = env.json(&[
        "intro",
        "ada",
        "bob",
        "--note",
        "bookbinding club",
        "--date",
        "2026-11-20",
    ]);
    assert_eq!(out["new_relationships"], 1);
    assert_eq!(strings(&out["introduction"]["people"]), ["ada", "bob"]);
    let data = env.data();
    assert_eq!(
        data["relationships"][0],
        json!({"a": "ada", "b": "bob", "kind": "introduced", "since": "2026-11-20"})
    );
    assert_eq!(data["introductions"][0]["note"], "bookbinding club");
    assert!(!pairs(&env.json(&["suggest"])).contains(&pair("ada", "bob")));

    // An introduction is remembered even if the relationship is later removed.
    env.ok(&["unlink", "ada", "bob"]);
    assert!(!pairs(&env.json(&["suggest"])).contains(&pair("ada", "bob")));

    // show mentions it; intros lists it.
    let shown = env.json(&["show", "ada"]);
    assert_eq!(shown["introductions"][0]["date"], "2026-11-20");
    assert!(env.ok(&["show", "ada"]).contains("Introductions"));
}

#[test]
fn intro_of_three_links_every_pair_and_intros_lists_newest_first() {
    let env = network(
        &[
            ("a", &[], &[], &[]),
            ("b", &[], &[], &[]),
            ("c", &[], &[], &[]),
        ],
        &[("a", "b")],
    );
    assert_eq!(
        env.ok(&["intro", "a", "b", "c", "--date", "2026-01-05"]),
        "introduced A, B and C on 2026-01-05 (2 new relationships)\n"
    );
    env.ok(&["intro", "a", "c", "--date", "2026-03-01", "--note", "again"]);
    let list = env.json(&["intros"]);
    assert_eq!(list[0]["date"], "2026-03-01");
    assert_eq!(strings(&list[0]["names"]), ["A", "C"]);
    assert_eq!(list[1]["date"], "2026-01-05");
    assert_eq!(env.data()["relationships"].as_array().unwrap().len(), 3);
    let text = env.ok(&["intros"]);
    let (r0, r1) = (
        list[0]["ref"].as_str().unwrap(),
        list[1]["ref"].as_str().unwrap(),
    );
    assert_eq!(
        text,
        format!(
            "DATE        ID        PEOPLE      NOTE\n\
             2026-03-01  {r0}  A and C     again\n\
             2026-01-05  {r1}  A, B and C\n"
        )
    );
}

#[test]
fn intro_refuses_bad_input() {
    let env = network(&[("a", &[], &[], &[]), ("b", &[], &[], &[])], &[]);
    env.fails(2, &["intro", "a"]);
    let err = env.fails(1, &["intro", "a", "a"]);
    assert!(err.contains("named twice"), "{err}");
    let err = env.fails(2, &["intro", "a", "b", "--date", "2030-01-01"]);
    assert!(err.contains("in the future"), "{err}");
}

#[test]
fn groups_gather_people_around_a_rare_interest() {
    let env = Env::sample();
    let out = env.json(&["suggest", "--groups", "--interest", "bookbinding"]);
    let g = &out[0];
    let mut people = strings(&g["people"]);
    people.sort();
    assert_eq!(
        people,
        [
            "fatima-zahra-benali",
            "mei-lin-chen",
            "ruth-hale",
            "yusuf-demir"
        ]
    );
    assert_eq!(g["new_connections"], 6);
    assert_eq!(g["known_pairs"], 0);
    assert_eq!(g["kind"], "interest");
    assert!(
        g["why"]
            .as_str()
            .unwrap()
            .contains("4 people into bookbinding")
    );

    let all = env.json(&["suggest", "--groups", "--limit", "50"]);
    for g in all.as_array().unwrap() {
        let n = g["people"].as_array().unwrap().len();
        assert!((3..=6).contains(&n));
        let pairs = n * (n - 1) / 2;
        assert_eq!(
            g["new_connections"].as_u64().unwrap() + g["known_pairs"].as_u64().unwrap(),
            pairs as u64
        );
        assert!(
            g["new_connections"].as_u64().unwrap() * 2 >= pairs as u64,
            "mostly new: {g}"
        );
    }
}

#[test]
fn suggest_on_an_empty_network_says_why() {
    let env = Env::new();
    let out = env.run(&["suggest"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("add a few people first"),
        "{}",
        out.stderr
    );
    assert_eq!(env.json(&["suggest"]), json!([]));
}

#[test]
fn need_groups_hold_seekers_and_only_those_who_meet_the_need() {
    let env = network(
        &[
            ("s1", &[], &[], &["design feedback"]),
            ("s2", &[], &[], &["design feedback", "funding"]),
            ("s3", &[], &[], &["design feedback"]),
            ("helper", &[], &["design feedback"], &[]),
            ("funder", &[], &["seed funding"], &[]),
        ],
        &[],
    );
    let out = env.json(&["suggest", "--groups"]);
    let g = &out[0];
    assert_eq!(g["kind"], "need");
    let mut people = strings(&g["people"]);
    people.sort();
    assert_eq!(
        people,
        ["helper", "s1", "s2", "s3"],
        "the funder meets another need"
    );
    assert!(
        g["why"]
            .as_str()
            .unwrap()
            .starts_with("3 people looking for design feedback, with HELPER who can help")
    );
}

/// A hub who knows 19 people, two of whom share a rare interest; and two strangers who
/// share another. 19 relationships: the prior weights rank them (mutual contacts 4,
/// interests 1), so the contributions are known.
fn hub_and_rare_interests() -> Env {
    let mut people: Vec<Who> = vec![("hub", &[], &[], &[])];
    let leaves: Vec<String> = (1..=19).map(|i| format!("l{i:02}")).collect();
    for (i, id) in leaves.iter().enumerate() {
        let interests: &[&str] = if i < 2 { &["bookbinding"] } else { &[] };
        people.push((id.as_str(), interests, &[], &[]));
    }
    people.push(("xa", &["origami"], &[], &[]));
    people.push(("xb", &["origami"], &[], &[]));
    let links: Vec<(&str, &str)> = leaves.iter().map(|l| ("hub", l.as_str())).collect();
    network(&people, &links)
}

#[test]
fn the_sentence_leads_with_what_moved_the_score_and_leaves_out_traces() {
    let env = hub_and_rare_interests();
    let out = env.json(&["suggest", "--limit", "40"]);
    let found = pairs(&out);
    let at = found.iter().position(|p| *p == pair("l01", "l02")).unwrap();
    let s = &out[at];
    // The rare interest (weight 1 x ln(1 + 22/2) = 2.48) against one mutual contact
    // who knows 19 people (4 x ln(1 + 1/19) = 0.21, under a tenth of the two).
    let why = s["why"].as_str().unwrap();
    assert_eq!(why, "both into bookbinding", "{s}");
    assert_eq!(strings(&s["mutual_contacts"]), ["hub"], "kept in the data");
    let contributions = s["contributions"].as_array().unwrap();
    assert_eq!(contributions[0]["reason"], "shared_interests");
    let mutual = contributions
        .iter()
        .find(|c| c["reason"] == "mutual_contacts")
        .unwrap();
    let value = mutual["value"].as_f64().unwrap();
    assert!(
        (value - 4.0 * (1.0f64 / 19.0).ln_1p()).abs() < 1e-3,
        "{mutual}"
    );
    // A leaf pair has only the hub: the sentence says so.
    let leaf = found.iter().position(|p| *p == pair("l03", "l04")).unwrap();
    assert_eq!(out[leaf]["why"], "1 mutual contact: HUB");
}

#[test]
fn a_pair_above_pairs_with_more_mutual_contacts_says_why() {
    let env = hub_and_rare_interests();
    let out = env.json(&["suggest", "--limit", "40"]);
    let found = pairs(&out);
    // Strangers who share a rare interest outrank the hub's leaves, who share the hub
    // (all but the two who also share bookbinding, and have no one below with more).
    assert_eq!(found[..2], [pair("l01", "l02"), pair("xa", "xb")]);
    assert_eq!(out[0]["why"], "both into bookbinding");
    assert_eq!(
        out[1]["why"],
        "both into origami; ranked above pairs with more mutual contacts for the interests they share"
    );
    // The last pair has nothing below it to explain.
    let last = out.as_array().unwrap().last().unwrap();
    assert!(
        !last["why"].as_str().unwrap().contains("ranked above"),
        "{last}"
    );
}
