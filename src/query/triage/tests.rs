use super::*;
use crate::graph::tests::net;
use crate::model::Interaction;

fn day(d: &str) -> NaiveDate {
    d.parse().unwrap()
}

fn saw(who: &str, date: &str) -> Interaction {
    Interaction {
        date: day(date),
        people: vec![who.into()],
        kind: None,
        note: None,
        source: None,
        extra: Default::default(),
    }
}

#[test]
fn recent_contact_and_many_ties_first_and_the_described_left_out() {
    // p0 knows three, p1 one; p2 was seen this week; p3 a year ago; p4 nothing.
    let mut n = net(6, &[(0, 1), (0, 3), (0, 5)]);
    n.relationships[1].inferred = Some("same company: Ocado".into());
    n.interactions = vec![saw("p2", "2026-11-20"), saw("p3", "2025-11-25")];
    // p5 already says what they care about; p4 does not want introductions.
    n.people[5].interests = vec!["rust".into()];
    n.people[4].no_intros = true;
    let today = day("2026-11-25");
    let got = order(&n, today);
    let ids: Vec<&str> = got.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["p0", "p2", "p3", "p1"]);
    assert_eq!((got[0].ties, got[0].inferred), (3, 1));
    assert_eq!(got[1].last_contact, Some(day("2026-11-20")));
    // Seen 5 days ago: 3 x 0.5^(5/90).
    assert!((got[1].score - 3.0 * 0.5f64.powf(5.0 / 90.0)).abs() < 1e-9);
    // Contact a year ago (365 days) still counts a little beside a tie.
    assert!(got[2].score > got[3].score);
}

#[test]
fn equal_scores_go_by_name() {
    let mut n = net(3, &[]);
    n.people[0].name = "Zed".into();
    n.people[1].name = "Amy".into();
    n.people[2].name = "Bo".into();
    let ids: Vec<String> = order(&n, day("2026-01-01"))
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(ids, ["Amy", "Bo", "Zed"]);
}
