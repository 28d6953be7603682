use super::*;

fn person(id: &str, name: &str, email: &[&str]) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        emails: email.iter().map(|&e| e.into()).collect(),
        ..Person::default()
    }
}

fn at(email: Option<&str>, name: Option<&str>) -> Attendee {
    Attendee {
        email: email.map(Into::into),
        name: name.map(Into::into),
    }
}

#[test]
fn email_then_one_exact_name_then_unknown() {
    let net = Network {
        people: vec![
            person("zoe", "Zoë Müller", &["Zoe@Example.org"]),
            person("sam", "Sam Lee", &[]),
            person("sam-2", "Sam Lee", &[]),
            person("ada", "Ada Larkwell", &[]),
        ],
        ..Network::default()
    };
    let m = Matcher::new(&net, &["Me@Example.org".into()]);
    assert_eq!(m.who(&at(Some("me@example.ORG"), None)), Who::Me);
    assert_eq!(
        m.who(&at(Some("zoe@example.org"), Some("Z"))),
        Who::Contact(0)
    );
    // No email match: the name, folded, when exactly one person has it.
    assert_eq!(
        m.who(&at(Some("zm@else.org"), Some("zoe  muller"))),
        Who::Contact(0)
    );
    assert_eq!(m.who(&at(None, Some("ADA LARKWELL"))), Who::Contact(3));
    assert_eq!(
        m.who(&at(None, Some("Sam Lee"))),
        Who::Unknown("name:sam lee".into())
    );
    assert_eq!(
        m.who(&at(Some("Bo@X.org"), Some("Bo"))),
        Who::Unknown("bo@x.org".into())
    );
    // Not a prefix: only the whole name matches.
    assert_eq!(
        m.who(&at(None, Some("Ada"))),
        Who::Unknown("name:ada".into())
    );
}
