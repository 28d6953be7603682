//! The real chain of issue 20: a Radicale CardDAV server on localhost, vdirsyncer keeping
//! a vdir in step with it, and `netweb sync` on the vdir. A card edited on the server
//! (a PUT over HTTP, as a phone's sync would) reaches netweb, and netweb's own fields
//! survive the trip through the server.
//!
//! Needs the `radicale` and `vdirsyncer` executables (PyPI): in `$NETWEB_SYNC_VENV/bin`
//! (`.ci/run` makes that venv) or on PATH. Without them it prints why it did not run.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use netweb_test_support::process::wait_at_most;

use crate::common::strings;

/// An executable in the venv NETWEB_SYNC_VENV names, else on PATH.
fn find(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(venv) = std::env::var_os("NETWEB_SYNC_VENV") {
        dirs.push(Path::new(&venv).join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// Radicale, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP request to the server on localhost; the status and the body.
fn http(port: u16, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // test:x, as Basic credentials (Radicale here takes any).
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Basic dGVzdDp4\r\n\
         Content-Type: text/vcard; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn run(cmd: &mut Command, what: &str) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} did not start: {e}"));
    let status = wait_at_most(&mut child, Duration::from_secs(60))
        .unwrap_or_else(|| panic!("{what} took more than 60 s"));
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{what} failed: {err}");
}

#[test]
fn a_card_edited_on_a_carddav_server_reaches_netweb_through_vdirsyncer() {
    let (Some(radicale), Some(vdirsyncer)) = (find("radicale"), find("vdirsyncer")) else {
        println!(
            "skipped: the Radicale and vdirsyncer chain needs `radicale` and `vdirsyncer` \
             (pip install radicale vdirsyncer) in $NETWEB_SYNC_VENV/bin or on PATH; .ci/run installs them"
        );
        return;
    };
    let env = crate::sync::env_with_ada();
    let root = env.dir.path();
    let vdir = root.join("vdir");
    std::fs::create_dir_all(&vdir).unwrap();
    std::fs::create_dir_all(root.join("status")).unwrap();

    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Server(
        Command::new(&radicale)
            .args(["--server-hosts", &format!("127.0.0.1:{port}")])
            .args(["--auth-type", "none", "--rights-type", "owner_write"])
            .arg("--storage-filesystem-folder")
            .arg(root.join("collections"))
            .env("HOME", root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("radicale starts"),
    );
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "radicale did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let book = "/test/contacts/";
    let mkcol = r#"<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>"#;
    let (status, body) = http(port, "MKCOL", book, mkcol);
    assert_eq!(status, 201, "MKCOL: {body}");

    let config = root.join("vdirsyncer.conf");
    std::fs::write(
        &config,
        format!(
            "[general]\nstatus_path = \"{status}/\"\n\n\
             [pair phone]\na = \"local\"\nb = \"server\"\ncollections = null\n\n\
             [storage local]\ntype = \"filesystem\"\npath = \"{vdir}/\"\nfileext = \".vcf\"\n\n\
             [storage server]\ntype = \"carddav\"\nurl = \"http://127.0.0.1:{port}{book}\"\n\
             username = \"test\"\npassword = \"x\"\n",
            status = root.join("status").display(),
            vdir = vdir.display(),
        ),
    )
    .unwrap();
    let vds = |args: &[&str]| {
        let mut c = Command::new(&vdirsyncer);
        c.arg("-c").arg(&config).args(args).env("HOME", root);
        run(&mut c, &format!("vdirsyncer {args:?}"));
    };
    let vdir_arg = vdir.to_str().unwrap();

    // netweb -> vdir -> server.
    env.ok(&["sync", vdir_arg]);
    vds(&["discover"]);
    vds(&["sync"]);
    let uid = env.person("ada-larkwell")["uid"]
        .as_str()
        .unwrap()
        .to_string();
    let href = format!("{book}{uid}.vcf");
    let (status, card) = http(port, "GET", &href, "");
    assert_eq!(status, 200, "the server has Ada's card: {card}");
    assert!(card.contains("X-NETWEB-INTEREST:mathematics"), "{card}");

    // On the server: Ada's card edited, and a new card, as a phone would upload them.
    let edited = card.replace("END:VCARD", "TITLE:Countess of Larkwell\r\nEND:VCARD");
    let (status, _) = http(port, "PUT", &href, &edited);
    assert!(matches!(status, 201 | 204), "PUT Ada: {status}");
    let grace = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:grace-phone\r\nFN:Grace Hollis\r\n\
                 TEL:+1 202 555 0100\r\nEND:VCARD\r\n";
    let (status, _) = http(port, "PUT", &format!("{book}grace-phone.vcf"), grace);
    assert!(matches!(status, 201 | 204), "PUT Grace: {status}");

    // server -> vdir -> netweb.
    vds(&["sync"]);
    let r = env.json(&["sync", vdir_arg]);
    assert_eq!(
        (r["updated_people"].as_u64(), r["new_people"].as_u64()),
        (Some(1), Some(1)),
        "{r:#}"
    );
    let ada = env.person("ada-larkwell");
    assert_eq!(ada["role"], "Countess of Larkwell");
    assert_eq!(strings(&ada["interests"]), ["mathematics"]);
    assert_eq!(ada["uid"], uid.as_str());
    assert_eq!(
        strings(&env.person("grace-hollis")["phones"]),
        ["+1 202 555 0100"]
    );

    // And back: a change here reaches the server.
    env.ok(&[
        "edit",
        "grace",
        "--company",
        "Navy",
        "--interest",
        "compilers",
    ]);
    env.ok(&["sync", vdir_arg]);
    vds(&["sync"]);
    let (_, card) = http(port, "GET", &format!("{book}grace-phone.vcf"), "");
    assert!(
        card.contains("ORG:Navy") && card.contains("X-NETWEB-INTEREST:compilers"),
        "{card}"
    );
    println!(
        "the chain ran: radicale {} and vdirsyncer {}",
        radicale.display(),
        vdirsyncer.display()
    );
}
