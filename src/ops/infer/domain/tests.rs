use super::organisation;

#[test]
fn an_employers_domain_is_its_organisation() {
    let o = |e: &str| organisation(e);
    assert_eq!(o("ada@ocado.com").as_deref(), Some("ocado.com"));
    assert_eq!(o("Ada@Eng.Ocado.COM").as_deref(), Some("ocado.com"));
    assert_eq!(o("bob@cs.ox.ac.uk").as_deref(), Some("ox.ac.uk"));
    assert_eq!(o("bob@wise.co.uk").as_deref(), Some("wise.co.uk"));
    assert_eq!(
        o("c@fernbank.example.com").as_deref(),
        Some("fernbank.example.com")
    );
    assert_eq!(
        o("c@a.fernbank.example.org").as_deref(),
        Some("fernbank.example.org")
    );
    assert_eq!(o("mailto:d@mozilla.org").as_deref(), Some("mozilla.org"));
}

#[test]
fn mailboxes_anyone_can_have_are_no_organisation() {
    for e in [
        "a@gmail.com",
        "a@googlemail.com",
        "a@outlook.com",
        "a@hotmail.co.uk",
        "a@hotmail.fr",
        "a@live.com",
        "a@yahoo.co.jp",
        "a@icloud.com",
        "a@me.com",
        "a@mac.com",
        "a@aol.com",
        "a@proton.me",
        "a@protonmail.com",
        "a@gmx.de",
        "a@gmx.net",
        "a@web.de",
        "a@yandex.ru",
        "a@mail.ru",
        "a@qq.com",
        "a@163.com",
        "a@fastmail.com",
        "a@btinternet.com",
        "a@comcast.net",
        "a@t-online.de",
        "a@example.com",
        "a@example.org",
        "a@host.example",
        "a@b.test",
        "not an address",
        "a@localhost",
        "a@",
    ] {
        assert_eq!(organisation(e), None, "{e}");
    }
}
