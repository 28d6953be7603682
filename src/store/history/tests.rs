use super::*;

fn round_trip(before: &str, after: &str) {
    let e = diff(before.as_bytes(), after.as_bytes(), "t".into()).unwrap();
    assert_eq!(e.apply(after.as_bytes(), false).unwrap(), before.as_bytes());
    assert_eq!(e.apply(before.as_bytes(), true).unwrap(), after.as_bytes());
}

#[test]
fn a_diff_applies_both_ways_exactly() {
    round_trip("a\nb\nc\n", "a\nB\nc\n");
    round_trip("a\nb\nc\n", "a\nc\n");
    round_trip("", "a\nb\n");
    round_trip("a\nb\n", "");
    round_trip("x\na\nb\nc\ny\n", "x\nb\nq\nc\nr\ny\n");
    round_trip("a\nb", "a\nb\nc");
    round_trip("x\nab\n", "x\nzab\n");
    round_trip("x\nzab\n", "x\nab\n");
    round_trip("ab\n", "b\n");
    round_trip("{\n  \"a\": 1\n}\n", "{\n  \"a\": 1,\n  \"b\": 2\n}\n");
}

/// `before` with `edits` made, and the history entry `edited` records for them: it
/// must take the result back to `before` exactly, and forwards again.
fn edits_round_trip(before: &[u8], edits: &[Edit]) {
    let mut after = Vec::new();
    let mut from = 0;
    for e in edits {
        after.extend_from_slice(&before[from..e.range.start]);
        after.extend_from_slice(e.text);
        from = e.range.end;
    }
    after.extend_from_slice(&before[from..]);
    let e = Entry::new("t".into(), diff::edited(before, edits).unwrap());
    assert_eq!(e.apply(&after, false).unwrap(), before);
    assert_eq!(e.apply(before, true).unwrap(), after);
    // Only the edits' own lines are kept: at most the windows before and after.
    let texts: usize = edits.iter().map(|e| e.text.len()).sum();
    assert!(e.size() <= 2 * before.len() + texts, "{e:?}");
}

proptest::proptest! {
    #[test]
    fn any_two_texts_round_trip(a in "[ab,\n]{0,40}", b in "[ab,\n]{0,40}") {
        round_trip(&a, &b);
    }

    #[test]
    fn any_edits_round_trip(
        before in "[ab,\n]{0,40}",
        edits in proptest::collection::vec((0usize..41, 0usize..4, "[ab,\n]{0,6}"), 0..4),
    ) {
        let mut starts: Vec<(usize, usize, String)> = edits
            .into_iter()
            .map(|(at, cut, text)| (at.min(before.len()), cut, text))
            .collect();
        starts.sort_by_key(|(at, _, _)| *at);
        let ends: Vec<usize> = (0..starts.len())
            .map(|i| {
                let next = starts.get(i + 1).map_or(before.len(), |s| s.0);
                (starts[i].0 + starts[i].1).min(next)
            })
            .collect();
        let edits: Vec<Edit> = starts
            .iter()
            .zip(ends)
            .map(|((at, _, text), end)| Edit { range: *at..end, text: text.as_bytes() })
            .collect();
        edits_round_trip(before.as_bytes(), &edits);
    }
}

#[test]
fn a_splice_is_recorded_from_its_edits_alone() {
    let lines: Vec<String> = (0..10_000).map(|i| format!("    line {i}\n")).collect();
    let mut before = format!("\u{feff}{{\n{}  ]\n}}\n", lines.concat()).into_bytes();
    // As `add` splices: after the last element, before the `]`; the mark goes.
    let at = before.len() - "\n  ]\n}\n".len();
    let edits = [
        Edit {
            range: 0..3,
            text: b"",
        },
        Edit {
            range: at..at,
            text: b",\n    zed",
        },
    ];
    edits_round_trip(&before, &edits);
    let e = Entry::new("t".into(), diff::edited(&before, &edits).unwrap());
    assert_eq!(e.hunks.len(), 2);
    // "\u{feff}{\n" became "{\n"; "    line 9999\n" became it with a comma and "    zed\n".
    assert_eq!(e.size(), (5 + 2) + (14 + 15 + 8));
    // Edits on one line are one window.
    before.truncate(3);
    before.extend_from_slice(b"{\"people\": [{\"id\": \"a\"}]}");
    edits_round_trip(
        &before,
        &[
            Edit {
                range: 0..3,
                text: b"",
            },
            Edit {
                range: 26..26,
                text: b", {\"id\": \"z\"}",
            },
            Edit {
                range: 27..27,
                text: b", \"me\": []",
            },
        ],
    );
}

#[test]
fn a_file_changed_since_is_refused() {
    let e = diff(b"a\nb\n", b"a\nc\n", "t".into()).unwrap();
    let err = e.apply(b"a\nd\n", false).unwrap_err().to_string();
    assert!(err.contains("changed since"), "{err}");
    assert!(e.apply(b"a\nc\nz\n", false).is_err());
}

#[test]
fn a_change_spread_over_the_file_stays_small() {
    // As `rm` does: one line gone here and there across a long file.
    let lines: Vec<String> = (0..50_000).map(|i| format!("line {i}\n")).collect();
    let before = lines.concat();
    let after: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 1_700 != 3)
        .map(|(_, l)| l.as_str())
        .collect();
    let e = diff(before.as_bytes(), after.as_bytes(), "t".into()).unwrap();
    assert_eq!(e.hunks.len(), 30);
    assert!(e.size() < 400, "{} bytes", e.size());
    assert_eq!(e.apply(after.as_bytes(), false).unwrap(), before.as_bytes());
}

#[test]
fn only_the_changed_lines_are_kept() {
    let mut before = String::new();
    for i in 0..10_000 {
        before.push_str(&format!("line {i}\n"));
    }
    let after = before.replace("line 5000\n", "line 5000 changed\n");
    let e = diff(before.as_bytes(), after.as_bytes(), "t".into()).unwrap();
    assert_eq!(e.size(), "line 5000\n".len() + "line 5000 changed\n".len());
}
