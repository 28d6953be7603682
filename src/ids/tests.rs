use super::*;
use crate::model::PersonId;

#[test]
fn ends_resolve_the_same_on_one_thread_and_several() {
    let ids: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
    let index = IdIndex::new(ids.iter().map(String::as_str));
    let rels: Vec<Relationship> = (0..250_000u32)
        .map(|k| {
            let b = if k % 7 == 0 {
                "ghost".to_string()
            } else {
                format!("p{}", k % 997)
            };
            Relationship::new(PersonId::from(format!("p{}", k % 1000)), PersonId::from(b))
        })
        .collect();
    let all = resolve_ends(&rels, &index);
    let one = resolve_ends(&rels[..50_000], &index);
    assert_eq!(all[..50_000], one[..]);
    for (k, [a, b]) in all.iter().enumerate() {
        assert_eq!(*a, k as u32 % 1000);
        let want = if k % 7 == 0 { UNKNOWN } else { k as u32 % 997 };
        assert_eq!(*b, want, "{k}");
    }
}

#[test]
fn the_later_of_two_equal_ids_wins_and_get_or_insert_keeps_the_first() {
    let ids = ["a", "b", "a", "zoë", ""];
    let mut index = IdIndex::new(ids.into_iter());
    assert_eq!(index.get("a"), 2);
    assert_eq!(index.get("zoë"), 3);
    assert_eq!(index.get(""), 4);
    assert_eq!(index.get("A"), UNKNOWN);
    assert_eq!(index.get_or_insert("b", 9), 1);
    assert_eq!(index.get_or_insert("c", 9), 9);
}
