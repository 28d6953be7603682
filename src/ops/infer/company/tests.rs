use super::key;

#[test]
fn spellings_of_one_company_are_one() {
    let acme = Some("acme".to_string());
    for spelling in [
        "Acme",
        "ACME Inc",
        "Acme, Inc.",
        "acme llc",
        "Acme Ltd.",
        "Acme GmbH",
        "Acme AG",
        "Acme S.A.",
        "Acme SA",
        "Acme B.V.",
        "Acme plc",
        "Acme Corp.",
        "Acme Co",
        "Acme & Co.",
        "  acme  ",
        "Acmé",
    ] {
        assert_eq!(key(spelling), acme, "{spelling:?}");
    }
    assert_eq!(key("Marks & Spencer plc"), key("Marks and Spencer"));
    assert_eq!(
        key("Procter & Gamble Co."),
        Some("procter and gamble".into())
    );
}

#[test]
fn distinct_companies_stay_distinct() {
    assert_ne!(key("Acme Robotics"), key("Acme"));
    assert_eq!(key("Co-op"), Some("co op".into()));
    // A company that is only a legal form keeps it.
    assert_eq!(key("AG"), Some("ag".into()));
    assert_eq!(key("A B Testing"), Some("a b testing".into()));
}

#[test]
fn no_employer_is_no_company() {
    for none in [
        "Self-employed",
        "Freelance",
        "Retired",
        "N/A",
        "",
        "  ",
        "-",
        "Stealth Startup",
    ] {
        assert_eq!(key(none), None, "{none:?}");
    }
}
