use std::path::Path;

use crate::extra_fields as f;
use crate::formats::{Format, csv};

#[test]
fn the_desktop_layout() {
    let text = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\",\"Job Title\",\"Business Phone\",\"Mobile Phone\",\"Anniversary\",\"Birthday\",\"Categories\",\"E-mail Address\",\"E-mail 2 Address\",\"Notes\"\n\
\"\",\"Ada\",\"\",\"Larkwell\",\"\",\"Engines\",\"Maths\",\"Analyst\",\"+44 20 1\",\"+44 77 2\",\"0/0/00\",\"11/07/1852\",\"Work;Poets\",\"ada@example.org\",\"ada@home.example\",\"Line one\r\nline two\"\n";
    assert_eq!(csv::detect(text), Some(Format::Outlook));
    let parsed = csv::parse(Path::new("o.csv"), text, Format::Outlook).unwrap();
    let p = &parsed.people[0].person;
    assert_eq!(p.emails, ["ada@example.org", "ada@home.example"]);
    assert_eq!(p.phones, ["+44 77 2", "+44 20 1"]);
    assert_eq!(f::label(p, "+44 77 2"), Some("cell"));
    assert_eq!(f::text(p, f::BIRTHDAY), Some("1852-11-07"));
    assert_eq!(f::text(p, f::ANNIVERSARY), None);
    assert_eq!(f::text(p, f::DEPARTMENT), Some("Maths"));
    assert_eq!(p.tags, ["work", "poets"]);
}
