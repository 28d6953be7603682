//! `import`: real-shaped exports from Google, Apple, Android, LinkedIn, and netweb itself.

use crate::common::{Env, TODAY, strings};

const GOOGLE_VCF: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Larkwell\r\nN:Larkwell;Ada;;;\r\n\
EMAIL;TYPE=INTERNET;TYPE=HOME:ada@example.org\r\nTEL;TYPE=CELL:+44 20 7946 0000\r\n\
ADR;TYPE=HOME:;;7 Weavers Row;London;;EC9 9QL;United Kingdom\r\n\
ORG:Analytical Engines\r\nTITLE:Mathematician\r\nBDAY:1852-11-07\r\n\
item1.URL:https\\://ada.example.org\r\nitem1.X-ABLabel:blog\r\n\
NOTE:Met at the Rowan Society\\, 2019\\nLoves poetry and a long note that Google\r\n  folds\r\n\
CATEGORIES:myContacts,Work\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles Bramble\r\nN:Bramble;Charles;;;\r\n\
item1.EMAIL;TYPE=INTERNET:charles@example.org\r\nitem1.X-ABLabel:work\r\nEND:VCARD\r\n";

const APPLE_VCF: &str = "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//macOS 14.0//EN\n\
N:Hollis;Grace;Bramwell;;\nFN:Grace Bramwell Hollis\nORG:US Navy;Computing;\nTITLE:Rear Admiral\n\
item1.EMAIL;type=INTERNET;type=pref:grace@navy.example\nTEL;type=CELL;type=VOICE;type=pref:+1 202 555 0100\n\
item2.ADR;type=HOME;type=pref:;;1 Navy Way;Arlington;VA;22201;USA\nitem2.X-ABADR:us\n\
BDAY;X-APPLE-OMIT-YEAR=1604:1604-10-03\nEND:VCARD\n";

const ANDROID_VCF: &str = "BEGIN:VCARD\r\nVERSION:2.1\r\n\
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;\r\n\
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB M=C3=BCller\r\n\
TEL;CELL:+49 30 1234567\r\nEMAIL;HOME:zoe@example.de\r\n\
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Keramik-Kurs am Montag, danach =\r\nKaffee\r\n\
END:VCARD\r\n";

const LINKEDIN: &str = "\u{feff}Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address.\"\n\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Ada,Larkwell,https://www.linkedin.com/in/ada-larkwell,,Analytical Engines,Mathematician,12 Mar 2024\n\
Kwame,Mensah,https://www.linkedin.com/in/kwame,,\"Mensah, Osei & Partners\",Founder,03 Jan 2023\n\
Broken,Row,https://www.linkedin.com/in/broken,,Acme,CEO,sometime\n\
Priya,Raman,https://www.linkedin.com/in/priya,priya@example.com,Fernbank Labs,Engineer,28 Feb 2022\n";

const LINKEDIN_OLD: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
First Name,Last Name,Email Address,Company,Position,Connected On\n\
Priya,Raman,,Fernbank Labs,Engineer,28 Feb 2022\n\
Lin,Wei,lin@example.com,Boulder Co,Setter,01 Dec 2019\n";

const GOOGLE_CSV: &str = "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Organization Name,Organization Title,Notes,Website 1 - Label,Website 1 - Value\n\
Lin,,Wei,,,,* myContacts ::: Climbing,* Home,lin@example.com ::: lin@work.example,Mobile,+1 555 0101,Boulder Co,Route setter,Met at the wall,Profile,https://lin.example\n\
Oskar,,Nilsson,,,,* myContacts,,,,,,,,,\n";

impl Env {
    fn import_file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    }
}

fn person<'a>(data: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    data["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {data:#}"))
}

#[test]
fn a_google_vcard_with_item_groups_and_folding() {
    let env = Env::new();
    let file = env.import_file("contacts.vcf", GOOGLE_VCF);
    let r = env.json(&["import", &file]);
    assert_eq!(
        (r["format"].as_str(), r["new"].as_u64()),
        (Some("vcard"), Some(2))
    );
    let ada = env.person("ada-larkwell");
    assert_eq!(strings(&ada["emails"]), ["ada@example.org"]);
    assert_eq!(strings(&ada["phones"]), ["+44 20 7946 0000"]);
    assert_eq!(ada["company"], "Analytical Engines");
    assert_eq!(ada["role"], "Mathematician");
    assert_eq!(ada["location"], "London, United Kingdom");
    assert_eq!(
        ada["notes"],
        "Met at the Rowan Society, 2019\nLoves poetry and a long note that Google folds"
    );
    assert_eq!(strings(&ada["tags"]), ["work"]);
    assert_eq!(strings(&ada["urls"]), ["https://ada.example.org"]);
    assert_eq!(ada["birthday"], "1852-11-07");
    assert_eq!(ada["added"], TODAY);
    assert_eq!(
        strings(&env.person("charles-bramble")["emails"]),
        ["charles@example.org"]
    );
}

#[test]
fn apple_and_android_cards() {
    let env = Env::new();
    let apple = env.import_file("grace.vcf", APPLE_VCF);
    let android = env.import_file("android.vcf", ANDROID_VCF);
    env.ok(&["import", &apple]);
    env.ok(&["import", &android]);
    let grace = env.person("grace-bramwell-hollis");
    assert_eq!(grace["company"], "US Navy");
    assert_eq!(grace["location"], "Arlington, USA");
    assert_eq!(grace["birthday"], "--10-03");
    assert_eq!(strings(&grace["phones"]), ["+1 202 555 0100"]);
    let zoe = env.person("zoe-muller");
    assert_eq!(zoe["name"], "Zoë Müller");
    assert_eq!(zoe["notes"], "Keramik-Kurs am Montag, danach Kaffee");
    assert_eq!(strings(&zoe["emails"]), ["zoe@example.de"]);
}

#[test]
fn linkedin_with_preamble_bom_and_a_broken_row() {
    let env = Env::new();
    let file = env.import_file("Connections.csv", LINKEDIN);
    let out = env.run(&["--json", "import", &file, "--tag", "linkedin"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The bad date is reported with its line in the file; the person still comes in.
    assert_eq!(
        out.stderr.trim(),
        format!(
            "{file}:7: kept Broken Row without the met date \"sometime\": it is not a date like 12 Mar 2024, 1/8/18 or 2024-03-12"
        )
    );
    let r: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (r["new"].as_u64(), r["skipped"].as_u64()),
        (Some(4), Some(0))
    );
    assert_eq!(r["encoding"], "UTF-8");
    let broken = r["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["line"] == 7)
        .unwrap();
    assert_eq!(broken["action"], "new");
    assert_eq!(broken["warnings"].as_array().unwrap().len(), 1);
    let data = env.data();
    assert!(person(&data, "broken-row").get("met").is_none());
    assert_eq!(person(&data, "broken-row")["company"], "Acme");
    let ada = person(&data, "ada-larkwell");
    assert_eq!(ada["met"], "2024-03-12");
    assert_eq!(strings(&ada["tags"]), ["linkedin"]);
    assert_eq!(
        strings(&ada["urls"]),
        ["https://www.linkedin.com/in/ada-larkwell"]
    );
    assert!(ada.get("emails").is_none());
    assert_eq!(
        person(&data, "kwame-mensah")["company"],
        "Mensah, Osei & Partners"
    );
    assert_eq!(
        strings(&person(&data, "priya-raman")["emails"]),
        ["priya@example.com"]
    );
}

#[test]
fn an_older_linkedin_export_without_url_merges_by_name_and_company() {
    let env = Env::new();
    let new = env.import_file("Connections.csv", LINKEDIN);
    let old = env.import_file("old.csv", LINKEDIN_OLD);
    env.ok(&["import", &new]);
    let r = env.json(&["import", &old]);
    assert_eq!(
        (r["new"].as_u64(), r["unchanged"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(r["format"], "linkedin");
    let lin = env.person("lin-wei");
    assert_eq!(lin["met"], "2019-12-01");
    assert_eq!(lin["role"], "Setter");
    assert_eq!(env.data()["people"].as_array().unwrap().len(), 5);
}

#[test]
fn google_csv_labels_become_tags_and_duplicates_merge() {
    let env = Env::new();
    env.ok(&[
        "add",
        "Lin Wei",
        "--email",
        "LIN@example.com",
        "--interest",
        "climbing",
    ]);
    let file = env.import_file("contacts.csv", GOOGLE_CSV);
    let r = env.json(&["import", &file]);
    assert_eq!(r["format"], "google-csv");
    assert_eq!(
        (r["new"].as_u64(), r["merged"].as_u64()),
        (Some(1), Some(1))
    );
    let merged = r["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "merged")
        .unwrap();
    assert_eq!(merged["id"], "lin-wei");
    assert_eq!(merged["line"], 2);
    let lin = env.person("lin-wei");
    assert_eq!(
        strings(&lin["emails"]),
        ["LIN@example.com", "lin@work.example"]
    );
    assert_eq!(strings(&lin["tags"]), ["climbing"]);
    assert_eq!(strings(&lin["interests"]), ["climbing"]);
    assert_eq!(lin["company"], "Boulder Co");
    assert_eq!(lin["role"], "Route setter");
    assert_eq!(strings(&lin["phones"]), ["+1 555 0101"]);
    assert_eq!(env.data()["people"].as_array().unwrap().len(), 2);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let env = Env::new();
    let file = env.import_file("contacts.vcf", &format!("{GOOGLE_VCF}{APPLE_VCF}"));
    env.ok(&["import", &file, "--tag", "phone"]);
    let before = env.text();
    let r = env.json(&["import", &file, "--tag", "phone"]);
    assert_eq!(
        (
            r["new"].as_u64(),
            r["merged"].as_u64(),
            r["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(3))
    );
    assert_eq!(env.text(), before);
    // Nothing was saved: a save would have kept the first version as network.json.bak.
    assert!(!env.file.with_file_name("network.json.bak").exists());
}

#[test]
fn dry_run_shows_the_plan_and_writes_nothing() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell", "--email", "ada@example.org"]);
    let before = env.text();
    let file = env.import_file("contacts.vcf", GOOGLE_VCF);
    let out = env.ok(&["import", &file, "--dry-run"]);
    assert!(out.contains("nothing was changed"), "{out}");
    assert!(
        out.contains("merge") && out.contains("ada-larkwell"),
        "{out}"
    );
    assert!(
        out.contains("new") && out.contains("charles-bramble"),
        "{out}"
    );
    assert!(out.contains("would import"), "{out}");
    let r = env.json(&["import", &file, "--dry-run"]);
    assert_eq!(r["dry_run"], true);
    assert_eq!(
        (r["new"].as_u64(), r["merged"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(env.text(), before);
}

#[test]
fn a_file_that_is_not_contacts_is_refused_and_nothing_changes() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell"]);
    let before = env.text();
    let prose = env.import_file("notes.txt", "Dear diary,\nnothing happened today.\n");
    let err = env.fails(1, &["import", &prose]);
    assert!(
        err.contains("does not look like a list of contacts"),
        "{err}"
    );
    let fake = env.import_file("fake.vcf", "just some text\n");
    let err = env.fails(1, &["import", &fake, "--format", "vcard"]);
    assert!(err.contains("is not a vCard file"), "{err}");
    let csv = env.import_file("numbers.csv", "a,b,c\n1,2,3\n");
    let err = env.fails(1, &["import", &csv, "--format", "linkedin"]);
    assert!(
        err.contains("is not a LinkedIn connections export"),
        "{err}"
    );
    let binary = env.import_file("photo.jpg", "\u{0}\u{1}");
    std::fs::write(
        &binary,
        [
            0xff_u8, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0,
        ],
    )
    .unwrap();
    let err = env.fails(1, &["import", &binary]);
    assert!(err.contains("is not a text file"), "{err}");
    assert_eq!(env.text(), before);
}

#[test]
fn another_netweb_file_merges_with_its_relationships_and_history() {
    let env = Env::new();
    env.ok(&["add", "Ada Larkwell", "--email", "ada@example.org"]);
    let other = r#"{
  "version": 1,
  "people": [
    {"id": "ada", "name": "Ada L.", "emails": ["ADA@example.org"], "interests": ["poetry"]},
    {"id": "charles-bramble", "name": "Charles Bramble", "company": "Engines"},
    {"id": "mary", "name": "Mary Silverdale"}
  ],
  "relationships": [
    {"a": "ada", "b": "charles-bramble", "kind": "colleague", "strength": 4},
    {"a": "mary", "b": "ada"}
  ],
  "interactions": [{"date": "2026-11-20", "people": ["ada", "mary"], "kind": "coffee"}],
  "introductions": [{"date": "2026-11-21", "people": ["mary", "charles-bramble"], "note": "maths"}],
  "reminders": [{"date": "2027-01-05", "person": "ada", "text": "ask about the engine notes"}]
}"#;
    let file = env.import_file("theirs.json", other);
    let r = env.json(&["import", &file]);
    assert_eq!(r["format"], "netweb");
    assert_eq!(
        (r["new"].as_u64(), r["merged"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        (
            r["relationships"].as_u64(),
            r["interactions"].as_u64(),
            r["introductions"].as_u64(),
            r["reminders"].as_u64()
        ),
        (Some(2), Some(1), Some(1), Some(1))
    );
    let data = env.data();
    assert_eq!(
        strings(&person(&data, "ada-larkwell")["interests"]),
        ["poetry"]
    );
    let rels = data["relationships"].as_array().unwrap();
    assert_eq!(
        (rels[0]["a"].as_str(), rels[0]["b"].as_str()),
        (Some("ada-larkwell"), Some("charles-bramble"))
    );
    assert_eq!(rels[0]["strength"], 4);
    assert_eq!(
        strings(&data["interactions"][0]["people"]),
        ["ada-larkwell", "mary"]
    );
    assert_eq!(
        strings(&data["introductions"][0]["people"]),
        ["mary", "charles-bramble"]
    );
    // The reminder about Ada now names her id here.
    assert_eq!(
        data["reminders"][0],
        serde_json::json!({"date": "2027-01-05", "person": "ada-larkwell", "text": "ask about the engine notes"})
    );
    // Again: nothing new, nothing doubled.
    let before = env.text();
    let again = env.json(&["import", &file]);
    assert_eq!(
        (
            again["new"].as_u64(),
            again["relationships"].as_u64(),
            again["reminders"].as_u64()
        ),
        (Some(0), Some(0), Some(0))
    );
    assert_eq!(env.text(), before);
}
