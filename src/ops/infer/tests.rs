use serde_json::json;

use super::*;
use crate::graph::tests::net;

fn pairs(p: &Proposal) -> Vec<(String, String, String)> {
    p.ties
        .iter()
        .map(|t| {
            (
                t.a.to_string(),
                t.b.to_string(),
                t.inferred.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn tie(a: &str, b: &str, why: &str) -> (String, String, String) {
    (a.into(), b.into(), why.into())
}

#[test]
fn one_company_however_spelled_and_one_organisations_domain() {
    let mut n = net(6, &[]);
    for (i, c) in ["Ocado Ltd", "OCADO", "Ocado", "Wise"].iter().enumerate() {
        n.people[i].company = Some((*c).into());
    }
    n.people[3].emails = vec!["w@wise.com".into()];
    n.people[4].emails = vec!["x@eng.wise.com".into()];
    n.people[5].emails = vec!["y@gmail.com".into()];
    n.people[0].emails = vec!["z@gmail.com".into()];
    let p = propose(&n);
    assert_eq!(
        pairs(&p),
        [
            tie("p0", "p1", "same company: Ocado"),
            tie("p0", "p2", "same company: Ocado"),
            tie("p1", "p2", "same company: Ocado"),
            tie("p3", "p4", "same email domain: wise.com"),
        ]
    );
    assert_eq!(p.ties[0].kind.as_deref(), Some("colleague"));
    let company = &p.reasons[1];
    assert_eq!((company.label, company.ties), ("same company", 3));
    assert_eq!(
        company.groups[0].people,
        ["p0", "p1", "p2"].map(PersonId::from)
    );
}

#[test]
fn a_relation_names_a_contact_by_name_email_or_uid() {
    let mut n = net(4, &[]);
    n.people[0].extra.insert(
        "related".into(),
        json!([{"kind": "spouse", "name": "p1"}, {"name": "Nobody Here"}]),
    );
    n.people[2].extra.insert(
        "related".into(),
        json!([{"kind": "friend", "name": "mailto:d@x.org"}]),
    );
    n.people[3].emails = vec!["D@x.org".into()];
    let p = propose(&n);
    assert_eq!(
        pairs(&p),
        [
            tie("p0", "p1", "related: spouse"),
            tie("p2", "p3", "related: friend")
        ]
    );
}

#[test]
fn labels_are_groups_only_when_small_and_not_about_the_owner() {
    let mut n = net(20, &[]);
    for i in 0..3 {
        n.people[i].tags = vec!["climbing club".into(), "friends".into()];
    }
    for p in &mut n.people {
        p.tags.push("book club".into());
    }
    let p = propose(&n);
    assert_eq!(p.ties.len(), 3);
    assert!(
        p.ties
            .iter()
            .all(|t| t.inferred.as_deref() == Some("shared label: climbing club"))
    );
    let skipped: Vec<&Group> = p.reasons[3]
        .groups
        .iter()
        .filter(|g| g.skipped.is_some())
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].name, "book club");
}

#[test]
fn a_big_employer_is_tied_through_its_anchors() {
    let mut n = net(40, &[(7, 8), (7, 9)]);
    for p in &mut n.people {
        p.company = Some("Wise".into());
    }
    n.interactions.push(crate::model::Interaction {
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        people: vec!["p30".into()],
        kind: None,
        note: None,
        source: None,
        extra: Default::default(),
    });
    let p = propose(&n);
    let g = &p.reasons[1].groups[0];
    // Seen most, then the most linked, then of equals the first in the file.
    assert_eq!(g.anchors, ["p30", "p7", "p8"].map(PersonId::from));
    // 3 among the anchors and 3 for each of the other 37, less the 2 already linked.
    assert_eq!((g.ties, g.already_linked), (3 + 37 * 3 - 2, 2));
}

#[test]
fn addresses_at_a_big_employer_do_not_tie_past_its_anchors() {
    let mut n = net(20, &[]);
    for p in &mut n.people {
        p.company = Some("Wise".into());
    }
    // Two members who are not anchors show their work address; a third works elsewhere.
    n.people[10].emails = vec!["a@wise.com".into()];
    n.people[11].emails = vec!["b@wise.com".into()];
    let p = propose(&n);
    assert_eq!(p.reasons[2].ties, 0);
    assert!(!p.ties.iter().any(|t| t.joins(&"p10".into(), &"p11".into())));
    n.people[12].company = Some("Ocado".into());
    n.people[12].emails = vec!["c@wise.com".into()];
    assert_eq!(propose(&n).reasons[2].ties, 3);
}

#[test]
fn pairs_already_related_and_repeated_reasons_are_proposed_once() {
    let mut n = net(3, &[(0, 1)]);
    for p in &mut n.people {
        p.company = Some("Ocado".into());
        p.emails = vec![format!("{}@ocado.com", p.id).into()];
    }
    let p = propose(&n);
    assert_eq!(
        pairs(&p),
        [
            tie("p0", "p2", "same company: Ocado"),
            tie("p1", "p2", "same company: Ocado")
        ]
    );
    assert_eq!(p.reasons[2].ties, 0);
    assert!(p.reasons[2].groups.is_empty());
}

#[test]
fn apply_then_undo_gives_the_network_back_but_keeps_what_was_confirmed() {
    let mut n = net(4, &[(0, 1)]);
    n.relationships[0].inferred = Some("calendar: standup 2026-01-05".into());
    for p in &mut n.people {
        p.company = Some("Ocado".into());
    }
    let before = n.clone();
    let proposal = propose(&n);
    assert_eq!(apply(&mut n, &proposal), 5);
    // A rerun finds nothing new, and picks nothing different.
    assert!(propose(&n).ties.is_empty());
    assert_eq!(apply(&mut n, &proposal), 0);
    let gone = undo(&mut n);
    assert_eq!(gone.len(), 5);
    assert_eq!(n, before);

    apply(&mut n, &proposal);
    let at = n.relationship_index(&"p2".into(), &"p3".into()).unwrap();
    n.relationships[at].inferred = None;
    assert_eq!(undo(&mut n).len(), 4);
    assert_eq!(n.relationships.len(), 2);
    assert!(
        n.relationships[0]
            .inferred
            .as_deref()
            .unwrap()
            .starts_with("calendar")
    );
}

#[test]
fn only_infers_own_reasons_count_as_made_by_infer() {
    let r = |why: &str| Relationship {
        inferred: Some(why.into()),
        ..Relationship::new("a".into(), "b".into())
    };
    assert!(made_by_infer(&r("same company: Ocado")));
    assert!(made_by_infer(&r("related")));
    assert!(made_by_infer(&r("related: spouse")));
    assert!(!made_by_infer(&r("calendar: Standup 2026-03-02")));
    assert!(!made_by_infer(&r("relatedness")));
    assert!(!made_by_infer(&Relationship::new("a".into(), "b".into())));
}
