//! `import` of real-shaped exports of every vintage (fixtures in tests/fixtures/import,
//! made up here in the layouts the tools write): values are asserted, not just counts.

use serde_json::Value;

use crate::common::{Env, strings};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

impl Env {
    fn put(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }

    fn people(&self) -> Vec<Value> {
        self.data()["people"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

fn entry(report: &Value, line: u64) -> &Value {
    report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["line"] == line)
        .unwrap_or_else(|| panic!("no entry at line {line}: {report:#}"))
}

#[test]
fn linkedin_2018_dates_with_times_member_ids_and_a_bad_date() {
    let env = Env::new();
    let file = fixture("linkedin-2018.csv");
    let out = env.run(&["--json", "import", &file]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr.trim(),
        format!(
            "{file}:5: kept Oskar Nilsson without the met date \"sometime in spring\": it is not a date like 12 Mar 2024, 1/8/18 or 2024-03-12"
        )
    );
    let r: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (r["new"].as_u64(), r["skipped"].as_u64()),
        (Some(4), Some(0))
    );
    assert_eq!(r["format"], "linkedin");
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["met"], "2018-01-08");
    assert_eq!(strings(&ada["emails"]), ["ada@example.org"]);
    let kwame = env.person("kwame-mensah");
    assert_eq!(kwame["met"], "2017-12-31");
    assert!(kwame.get("emails").is_none(), "a member id is no email");
    assert_eq!(kwame["company"], "Mensah, Osei & Partners");
    let oskar = env.person("oskar-nilsson");
    assert!(oskar.get("met").is_none());
    assert_eq!(oskar["role"], "Designer");
}

#[test]
fn a_headerless_linkedin_file_is_read_by_position_when_asked() {
    let env = Env::new();
    let file = fixture("linkedin-headerless.csv");
    let err = env.fails(1, &["import", &file]);
    assert!(err.contains("--format"), "{err}");
    let r = env.json(&["import", &file, "--format", "linkedin"]);
    assert_eq!(r["new"], 2);
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["met"], "2024-03-12");
    assert_eq!(ada["company"], "Analytical Engines");
    assert_eq!(strings(&ada["emails"]), ["ada@example.org"]);
    let lin = env.person("lin-wei");
    assert_eq!(
        (lin["met"].as_str(), lin["role"].as_str()),
        (Some("2025-12-22"), Some("Route setter"))
    );
    assert_eq!(entry(&r, 2)["id"], "lin-wei");
}

#[test]
fn a_linkedin_profile_url_tells_two_people_of_one_name_apart() {
    let env = Env::new();
    let file = fixture("linkedin-2025.csv");
    let r = env.json(&["import", &file]);
    assert_eq!(r["new"], 2);
    let sams: Vec<Value> = env.people();
    assert_eq!(sams.len(), 2);
    assert_eq!(
        strings(&env.person("sam-taylor")["urls"]),
        ["https://www.linkedin.com/in/sam-taylor-7a1b2c"]
    );
    assert_eq!(
        strings(&env.person("sam-taylor-2")["urls"]),
        ["https://www.linkedin.com/in/samtaylor"]
    );
    assert_eq!(env.person("sam-taylor")["met"], "2025-12-22");
    // Again: each row finds its own person by the URL.
    let before = env.text();
    let again = env.json(&["import", &file]);
    assert_eq!(
        (again["new"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(env.text(), before);
}

/// The Outlook fixture's people, whatever the encoding it was read in.
fn assert_outlook(env: &Env) {
    let zoe = env.person("dr-zoe-muller");
    assert_eq!(zoe["name"], "Dr. Zoë Müller");
    assert_eq!(
        strings(&zoe["emails"]),
        ["zoe@cafe.example", "zoe.mueller@home.example"]
    );
    assert_eq!(
        strings(&zoe["phones"]),
        ["+49 170 555 0199", "+49 221 555 0100", "+49 221 555 0102"]
    );
    assert_eq!(zoe["labels"]["+49 170 555 0199"], "cell");
    assert_eq!(zoe["labels"]["+49 221 555 0102"], "home fax");
    assert_eq!(zoe["company"], "Café Nordlicht GmbH");
    assert_eq!(zoe["role"], "Chefköchin");
    assert_eq!(zoe["department"], "Küche");
    assert_eq!(zoe["birthday"], "1985-03-14");
    assert_eq!(zoe["anniversary"], "2015-06-20");
    assert_eq!(strings(&zoe["tags"]), ["kunden", "köln"]);
    assert_eq!(zoe["notes"], "Mag Espresso.\nSpricht Französisch.");
    assert_eq!(zoe["location"], "Köln");
    assert_eq!(zoe["addresses"][0]["street"], "Hauptstraße 5");
    assert_eq!(zoe["addresses"][0]["label"], "work");
    assert_eq!(zoe["related"][0]["name"], "Max Müller");
    assert_eq!(zoe["related"][0]["kind"], "spouse");
    assert_eq!(strings(&zoe["urls"]), ["https://cafe.example"]);
    // 0/0/00 is no date; an Exchange address is no email.
    let raj = env.person("raj-patel");
    assert!(raj.get("birthday").is_none() && raj.get("anniversary").is_none());
    assert!(raj.get("emails").is_none());
    assert_eq!(strings(&raj["phones"]), ["+1 312 555 0142"]);
    let bad = env.person("bad-birthday");
    assert!(bad.get("birthday").is_none());
    assert_eq!(strings(&bad["emails"]), ["bad@example.com"]);
}

#[test]
fn outlook_csv_in_utf8_utf16_and_windows_1252() {
    let text = fixture_text("outlook.csv");
    let utf16 = |le: bool| -> Vec<u8> {
        let bom: [u8; 2] = if le { [0xff, 0xfe] } else { [0xfe, 0xff] };
        bom.into_iter()
            .chain(text.encode_utf16().flat_map(
                |u| {
                    if le { u.to_le_bytes() } else { u.to_be_bytes() }
                },
            ))
            .collect()
    };
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    let bom8: Vec<u8> = b"\xef\xbb\xbf"
        .iter()
        .copied()
        .chain(text.bytes())
        .collect();
    for (bytes, encoding) in [
        (text.as_bytes().to_vec(), "UTF-8"),
        (bom8, "UTF-8"),
        (utf16(true), "UTF-16LE"),
        (utf16(false), "UTF-16BE"),
        (cp1252.into_owned(), "windows-1252"),
    ] {
        let env = Env::new();
        let file = env.put("contacts.csv", &bytes);
        let out = env.run(&["--json", "import", &file]);
        assert_eq!(out.code, 0, "{encoding}: {}", out.stderr);
        let r: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(
            (r["format"].as_str(), r["encoding"].as_str()),
            (Some("outlook-csv"), Some(encoding))
        );
        assert_eq!(r["new"], 3, "{encoding}");
        assert!(
            out.stderr
                .contains(":5: kept Bad Birthday without the birthday \"31/31/99\""),
            "{}",
            out.stderr
        );
        assert_outlook(&env);
        let human = env.ok(&["import", &file, "--dry-run"]);
        assert!(human.contains(&format!("read as {encoding}")), "{human}");
    }
}

#[test]
fn google_current_layout_with_company_only_and_email_only_rows() {
    let env = Env::new();
    let r = env.json(&["import", &fixture("google-current.csv")]);
    assert_eq!(
        (r["format"].as_str(), r["new"].as_u64()),
        (Some("google-csv"), Some(3))
    );
    let lin = env.person("lin-wei");
    assert_eq!(lin["nickname"], "Linny");
    assert_eq!(strings(&lin["tags"]), ["climbing"]);
    assert_eq!(
        strings(&lin["emails"]),
        ["lin@example.com", "lin@boulder.example"]
    );
    assert_eq!(lin["labels"]["lin@example.com"], "home");
    assert_eq!(lin["labels"]["lin@boulder.example"], "work");
    assert_eq!(lin["labels"]["+1 555 0101"], "mobile");
    assert_eq!(lin["birthday"], "--07-04");
    assert_eq!(lin["anniversary"], "2019-09-14");
    assert_eq!(lin["events"][0]["label"], "graduation");
    assert_eq!(lin["events"][0]["date"], "2012-06-01");
    assert_eq!(lin["related"][0]["name"], "Alex Wei");
    assert_eq!(lin["related"][0]["kind"], "spouse");
    assert_eq!(strings(&lin["urls"]), ["https://lin.example"]);
    assert_eq!(lin["department"], "Setting");
    assert_eq!(lin["addresses"][0]["locality"], "Boulder");
    assert_eq!(lin["addresses"][0]["code"], "80302");
    let clinic = env.person("riverside-dental-clinic");
    assert_eq!(clinic["name"], "Riverside Dental Clinic");
    assert_eq!(clinic["company"], "Riverside Dental Clinic");
    assert_eq!(strings(&clinic["tags"]), ["health", "business"]);
    assert_eq!(strings(&clinic["phones"]), ["+1 555 0177"]);
    let someone = env.person("someone-example-net");
    assert_eq!(someone["name"], "someone@example.net");
    // The company-only contact is found by its tag.
    let listed = env.json(&["list", "--tag", "business"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[test]
fn a_davx5_card_with_every_field_and_a_related_card() {
    let env = Env::new();
    let r = env.json(&["import", &fixture("davx5-3.0.vcf")]);
    assert_eq!(
        (r["new"].as_u64(), r["relationships"].as_u64()),
        (Some(2), Some(1))
    );
    let zoe = env.person("zoe-muller");
    assert_eq!(zoe["uid"], "6f1e2d3c-4b5a-4968-8776-a1b2c3d4e5f6");
    assert_eq!(zoe["nickname"], "Zozo");
    assert_eq!(zoe["company"], "Café Nordlicht GmbH");
    assert_eq!(zoe["department"], "Küche");
    assert_eq!(zoe["role"], "Chefköchin");
    assert_eq!(zoe["labels"]["zoe@cafe.example"], "work");
    assert_eq!(zoe["labels"]["zoe.mueller@home.example"], "home");
    assert_eq!(zoe["labels"]["+49 170 555 0199"], "cell");
    assert_eq!(zoe["labels"]["+49 221 555 0102"], "work,fax");
    assert_eq!(zoe["addresses"][0]["street"], "Hauptstraße 5");
    assert_eq!(zoe["addresses"][0]["region"], "NRW");
    assert_eq!(zoe["location"], "Köln, Deutschland");
    assert_eq!(zoe["birthday"], "1985-03-14");
    assert_eq!(zoe["anniversary"], "2015-06-20");
    assert_eq!(strings(&zoe["impp"]), ["xmpp:zoe@jabber.example"]);
    assert_eq!(
        zoe["related"],
        serde_json::json!([{"kind": "child", "name": "Mia Müller"}])
    );
    assert_eq!(strings(&zoe["urls"]), ["https://cafe.example"]);
    assert_eq!(strings(&zoe["tags"]), ["kunden", "köln"]);
    let rel = &env.data()["relationships"][0];
    assert_eq!(
        (rel["a"].as_str(), rel["b"].as_str()),
        (Some("zoe-muller"), Some("max-muller"))
    );
    assert_eq!(rel["kind"], "spouse");
    assert_eq!(rel["inferred"], "vcard RELATED");
    // `show` prints the labels and the dates, with the age.
    let shown = env.ok(&["show", "zoe-muller"]);
    assert!(shown.contains("+49 170 555 0199 (cell)"), "{shown}");
    assert!(shown.contains("zoe@cafe.example (work)"), "{shown}");
    assert!(shown.contains("1985-03-14 (age 41"), "{shown}");
    assert!(
        shown.contains("Hauptstraße 5, Köln, NRW, 50667, Deutschland (work)"),
        "{shown}"
    );
}

#[test]
fn an_edited_card_updates_its_person_by_uid() {
    let env = Env::new();
    env.ok(&["import", &fixture("davx5-3.0.vcf")]);
    let edited = fixture_text("davx5-3.0.vcf")
        .replacen("FN:Zoë Müller", "FN:Zoë Schmidt", 1)
        .replacen("N:Müller;Zoë;;Dr.;", "N:Schmidt;Zoë;;Dr.;", 1)
        .replacen(
            "EMAIL;TYPE=work:zoe@cafe.example",
            "EMAIL;TYPE=work:zoe@new.example",
            1,
        );
    let file = env.put("edited.vcf", edited.as_bytes());
    let r = env.json(&["import", &file]);
    assert_eq!(
        (r["new"].as_u64(), r["merged"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(entry(&r, 1)["id"], "zoe-muller");
    assert_eq!(env.people().len(), 2);
    assert!(strings(&env.person("zoe-muller")["emails"]).contains(&"zoe@new.example"));
}

#[test]
fn an_apple_card_with_item_groups_and_its_group() {
    let env = Env::new();
    let r = env.json(&["import", &fixture("apple.vcf")]);
    assert_eq!(r["new"], 1);
    assert!(
        entry(&r, 27)["reason"]
            .as_str()
            .unwrap()
            .starts_with("group card \"Navy friends\""),
        "{r:#}"
    );
    let grace = env.person("grace-bramwell-hollis");
    assert_eq!(grace["nickname"], "Steady Grace");
    assert_eq!(grace["labels"]["grace@navy.example"], "other");
    assert_eq!(grace["labels"]["grace@home.example"], "home");
    assert_eq!(grace["labels"]["+1 202 555 0100"], "school");
    assert_eq!(grace["labels"]["+1 202 555 0111"], "cell");
    assert_eq!(
        grace["related"],
        serde_json::json!([{"kind": "spouse", "name": "Vincent Hollis"}])
    );
    assert_eq!(grace["anniversary"], "1931-04-18");
    assert_eq!(grace["birthday"], "--10-03");
    assert_eq!(grace["department"], "Computing");
    assert_eq!(grace["addresses"][0]["locality"], "Arlington");
    assert_eq!(grace["addresses"][0]["label"], "home");
    assert_eq!(strings(&grace["tags"]), ["navy friends"]);
    assert_eq!(
        strings(&grace["urls"]),
        [
            "https://grace.example",
            "https://www.linkedin.com/in/gracehollis"
        ]
    );
    // Found by her nickname too.
    let found = env.json(&["list", "--search", "steady"]);
    assert_eq!(found[0]["id"], "grace-bramwell-hollis");
}

#[test]
fn a_4_0_group_card_tags_its_members_and_is_no_person() {
    let env = Env::new();
    let r = env.json(&["import", &fixture("group-4.0.vcf")]);
    assert_eq!(
        (r["new"].as_u64(), r["relationships"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(env.people().len(), 2);
    for id in ["ada-larkwell", "kwame-mensah"] {
        assert_eq!(strings(&env.person(id)["tags"]), ["book club"], "{id}");
    }
    assert_eq!(env.person("ada-larkwell")["anniversary"], "--06-10");
    let rel = &env.data()["relationships"][0];
    assert_eq!(rel["kind"], "friend");
}

#[test]
fn every_fixture_dry_runs_as_it_imports_and_imports_once() {
    for (name, format) in [
        ("linkedin-2018.csv", None),
        ("linkedin-headerless.csv", Some("linkedin")),
        ("linkedin-2025.csv", None),
        ("outlook.csv", None),
        ("google-current.csv", None),
        ("davx5-3.0.vcf", None),
        ("apple.vcf", None),
        ("group-4.0.vcf", None),
    ] {
        let env = Env::new();
        env.ok(&["add", "Ada Larkwell", "--email", "ada@example.org"]);
        let mut args = vec!["import".to_string(), fixture(name)];
        if let Some(f) = format {
            args.extend(["--format".into(), f.into()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = env.text();
        let mut dry = args.clone();
        dry.push("--dry-run");
        let mut planned = env.json(&dry);
        assert_eq!(env.text(), before, "{name}: a dry run wrote");
        let mut done = env.json(&args);
        planned["dry_run"] = Value::Null;
        done["dry_run"] = Value::Null;
        assert_eq!(planned, done, "{name}: the dry run differs from the import");
        let after = env.text();
        let again = env.json(&args);
        assert_eq!(
            (again["new"].as_u64(), again["merged"].as_u64()),
            (Some(0), Some(0)),
            "{name}: {again:#}"
        );
        assert_eq!(
            env.text(),
            after,
            "{name}: a second import changed the file"
        );
    }
}

#[test]
fn vcard_3_0_export_keeps_uid_nickname_labels_and_related() {
    let env = Env::new();
    env.ok(&["import", &fixture("davx5-3.0.vcf")]);
    let vcf = env.ok(&["export", "--format", "vcard", "--vcard-version", "3.0"]);
    for line in [
        "VERSION:3.0",
        "UID:6f1e2d3c-4b5a-4968-8776-a1b2c3d4e5f6",
        "NICKNAME:Zozo",
        "EMAIL;TYPE=work:zoe@cafe.example",
        "TEL;TYPE=cell:+49 170 555 0199",
        "ORG:Café Nordlicht GmbH;Küche",
        "BDAY:1985-03-14",
        "X-ANNIVERSARY:2015-06-20",
        "IMPP:xmpp:zoe@jabber.example",
    ] {
        assert!(
            vcf.contains(&format!("{line}\r\n")),
            "{line} missing in\n{vcf}"
        );
    }
    assert!(vcf.contains(".X-ABRELATEDNAMES:Max Müller\r\n"), "{vcf}");
    assert!(vcf.contains(".X-ABLabel:spouse\r\n"), "{vcf}");
    let v4 = env.ok(&["export", "--format", "vcard"]);
    assert!(
        v4.contains("VERSION:4.0\r\n") && v4.contains("ANNIVERSARY:20150620\r\n"),
        "{v4}"
    );
    assert!(
        v4.contains("RELATED;TYPE=spouse:0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\r\n"),
        "{v4}"
    );
    assert!(
        v4.contains("RELATED;VALUE=text;TYPE=child:Mia Müller\r\n"),
        "{v4}"
    );
    // Both read back into a new file as they were, the relationship included.
    for (version, text) in [("3.0", &vcf), ("4.0", &v4)] {
        let other = Env::new();
        let file = other.put("back.vcf", text.as_bytes());
        let r = other.json(&["import", &file]);
        assert_eq!(
            (r["new"].as_u64(), r["relationships"].as_u64()),
            (Some(2), Some(1)),
            "{version}"
        );
        let mut a = env.person("zoe-muller");
        let mut b = other.person("zoe-muller");
        a.as_object_mut().unwrap().remove("added");
        b.as_object_mut().unwrap().remove("added");
        assert_eq!(a, b, "{version}");
    }
    let err = env.fails(
        2,
        &["export", "--format", "vcard", "--vcard-version", "2.1"],
    );
    assert!(err.contains("3.0") && err.contains("4.0"), "{err}");
}

#[test]
fn merging_two_imported_people_unites_their_address_book_fields() {
    let env = Env::new();
    env.ok(&["import", &fixture("davx5-3.0.vcf")]);
    // The Outlook row under other addresses, so it comes in as someone else.
    let outlook = fixture_text("outlook.csv")
        .replace("zoe@cafe.example", "zm@other.example")
        .replace("zoe.mueller@home.example", "zm2@other.example");
    let file = env.put("outlook.csv", outlook.as_bytes());
    env.ok(&["import", &file]);
    let r = env.json(&["merge", "zoe-muller", "dr-zoe-muller"]);
    let zoe = &r["person"];
    // The labels of both, the addresses of both (the same one once more: its region
    // differs), and the values only one had.
    assert_eq!(zoe["labels"]["+49 221 555 0100"], "work");
    assert_eq!(zoe["labels"]["+49 170 555 0199"], "cell");
    assert_eq!(zoe["addresses"].as_array().unwrap().len(), 2);
    assert_eq!(zoe["related"].as_array().unwrap().len(), 2);
    assert_eq!(zoe["uid"], "6f1e2d3c-4b5a-4968-8776-a1b2c3d4e5f6");
    let notes = zoe["notes"].as_str().unwrap();
    assert!(!notes.contains("also: labels"), "{notes}");
}
