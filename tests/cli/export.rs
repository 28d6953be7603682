//! `export`: JSON, CSV and vCard that `import` reads back without loss, CSV cells a
//! spreadsheet would run neutralised, filtered exports without dangling ids.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::common::{Env, strings};

/// A network with the awkward cases: formula-like cells, commas, semicolons, backslashes,
/// newlines, long non-ASCII text (folded), extra fields, and netweb-only fields.
fn tricky() -> Env {
    let data = json!({
        "version": 1,
        "people": [
            {
                "id": "hyperlink-x",
                "name": "=HYPERLINK(\"x\")",
                "emails": ["eq@example.org"],
                "phones": ["+44 20 7946 0000", "-1"],
                "company": "@corp",
                "role": "Boss, Chief; \\ head",
                "location": "London, UK",
                "interests": ["rust", "music theory"],
                "offers": ["mentoring"],
                "seeks": ["funding"],
                "tags": ["-dash", "work"],
                "notes": "+1\nsecond line; with a comma, and \\ backslash\n=SUM(A1)",
                "met": "2024-05-01",
                "every": "30d",
                "no_intros": true,
                "added": "2026-01-02",
                "birthday": "1852-11-07",
                "urls": ["https://a.example/x?y=1,2"],
                "pronouns": "she/her",
                "scores": {"x": [1, 2]}
            },
            {
                "id": "zoe-muller",
                "name": "Zoë Müller",
                "notes": "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
                "birthday": "--12-09",
                "added": "2026-03-04"
            },
            {
                "id": "plain",
                "name": "Plain Person",
                "added": "2026-03-04"
            }
        ],
        "relationships": [{"a": "hyperlink-x", "b": "zoe-muller", "strength": 3}]
    });
    Env::with_file(&serde_json::to_string_pretty(&data).unwrap())
}

/// Exports in `format`, imports into an empty file, and returns both people arrays.
fn round_trip(env: &Env, format: &str) -> (Value, Value) {
    let out = env.dir.path().join(format!("out.{format}"));
    let out = out.to_str().unwrap();
    env.ok(&["export", "--format", format, "-o", out]);
    let other = Env::new();
    let report = other.json(&["import", out]);
    assert_eq!(report["skipped"], 0, "{report:#}");
    (env.data()["people"].clone(), other.data()["people"].clone())
}

#[test]
fn csv_round_trips_without_loss() {
    let env = tricky();
    let (before, after) = round_trip(&env, "csv");
    assert_eq!(before, after);
}

#[test]
fn vcard_round_trips_without_loss() {
    let env = tricky();
    let (before, after) = round_trip(&env, "vcard");
    assert_eq!(before, after);
}

#[test]
fn json_round_trips_whole_and_is_the_data_file() {
    let env = tricky();
    let (before, after) = round_trip(&env, "json");
    assert_eq!(before, after);
    // After any save the file is in netweb's own form, and the export is it, byte for byte.
    env.ok(&["edit", "plain", "--tag", "x"]);
    assert!(
        env.ok(&["export"]) == env.text(),
        "export differs from the saved file"
    );
}

#[test]
fn the_sample_round_trips_through_every_format() {
    let env = Env::sample();
    for format in ["json", "csv", "vcard"] {
        let (before, after) = round_trip(&env, format);
        assert_eq!(before, after, "{format}");
    }
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let env = tricky();
    let csv = env.ok(&["export", "--format", "csv"]);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..3], ["id", "name", "emails"]);
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would execute: {cell:?}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK(\"\"x\"\")"), "{csv}");
    assert!(csv.contains("'+1\nsecond line"), "{csv}");
    assert!(csv.contains("'+44 20 7946 0000; -1"), "{csv}");
    assert!(csv.contains("'@corp"), "{csv}");
}

#[test]
fn vcard_is_4_0_with_crlf_folded_lines_and_escapes() {
    let env = tricky();
    let vcf = env.ok(&["export", "--format", "vcard"]);
    assert_eq!(vcf.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 3);
    assert!(vcf.ends_with("END:VCARD\r\n"));
    for line in vcf.split("\r\n") {
        assert!(!line.contains('\n'), "a bare newline in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let unfolded = vcf.replace("\r\n ", "");
    assert!(unfolded.contains("\r\nFN:=HYPERLINK(\"x\")\r\n"));
    assert!(unfolded.contains("\r\nTITLE:Boss\\, Chief\\; \\\\ head\r\n"));
    assert!(unfolded.contains(
        "\r\nNOTE:+1\\nsecond line\\; with a comma\\, and \\\\ backslash\\n=SUM(A1)\r\n"
    ));
    assert!(unfolded.contains("\r\nCATEGORIES:-dash,work\r\n"));
    assert!(unfolded.contains("\r\nBDAY:18521107\r\n"));
    assert!(unfolded.contains("\r\nBDAY:--1209\r\n"));
    assert!(unfolded.contains("\r\nX-NETWEB-ID:hyperlink-x\r\n"));
}

#[test]
fn a_filtered_json_export_has_no_dangling_ids() {
    let env = Env::sample();
    let out = env.ok(&["export", "--tag", "family"]);
    let net: Value = serde_json::from_str(&out).unwrap();
    let ids: HashSet<&str> = net["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(!ids.is_empty());
    assert!(ids.len() < env.data()["people"].as_array().unwrap().len());
    for p in net["people"].as_array().unwrap() {
        assert!(strings(&p["tags"]).contains(&"family"));
    }
    for r in net["relationships"].as_array().into_iter().flatten() {
        assert!(ids.contains(r["a"].as_str().unwrap()) && ids.contains(r["b"].as_str().unwrap()));
    }
    for x in ["interactions", "introductions"] {
        for entry in net[x].as_array().into_iter().flatten() {
            let people = strings(&entry["people"]);
            assert!(!people.is_empty());
            assert!(people.iter().all(|p| ids.contains(p)), "{entry}");
        }
    }
    for entry in net["introductions"].as_array().into_iter().flatten() {
        assert!(strings(&entry["people"]).len() >= 2);
    }
    // The subset is itself a valid network: every command reads it.
    let sub = Env::with_file(&out);
    sub.ok(&["list"]);
    sub.ok(&["due"]);
    sub.ok(&["suggest"]);
}

#[test]
fn csv_and_vcard_take_the_same_filters_as_list() {
    let env = Env::sample();
    let listed = env.json(&["list", "--interest", "climbing"]);
    let csv = env.ok(&["export", "--format", "csv", "--interest", "climbing"]);
    assert_eq!(csv.lines().count(), listed.as_array().unwrap().len() + 1);
    let vcf = env.ok(&["export", "--format", "vcard", "--interest", "climbing"]);
    assert_eq!(
        vcf.matches("BEGIN:VCARD").count(),
        listed.as_array().unwrap().len()
    );
}

#[test]
fn output_to_a_file_is_owner_only_and_never_the_data_file() {
    let env = Env::sample();
    let out = env.dir.path().join("contacts.vcf");
    let r = env.json(&["export", "--format", "vcard", "-o", out.to_str().unwrap()]);
    assert_eq!(r["format"], "vcard");
    assert_eq!(r["people"], env.data()["people"].as_array().unwrap().len());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let before = env.text();
    let err = env.fails(
        1,
        &[
            "export",
            "--format",
            "csv",
            "-o",
            env.file.to_str().unwrap(),
        ],
    );
    assert!(err.contains("data file"), "{err}");
    assert_eq!(env.text(), before);
}
