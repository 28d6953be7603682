//! The HTML map tests' helpers: the page's data block, an export into a file, and the
//! DOM a real headless Chromium builds from a page (shared with the soak tests).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Env;

const CHROMIUM: &str = "/usr/bin/chromium";

/// The JSON in the page's data block.
pub fn page_data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"data\">";
    let start = html.find(open).expect("a data block") + open.len();
    let end = start + html[start..].find("</script>").expect("the block ends");
    serde_json::from_str(&html[start..end]).expect("the data block is JSON")
}

pub fn export_to(env: &Env, args: &[&str]) -> (PathBuf, String) {
    let path = env.dir.path().join("map.html");
    let mut all = vec!["export", "--format", "html", "-o", path.to_str().unwrap()];
    all.extend_from_slice(args);
    env.ok(&all);
    let html = std::fs::read_to_string(&path).unwrap();
    (path, html)
}

/// The DOM Chromium builds from the page once its script has run, or `None` (with a
/// note) when Chromium is not installed.
pub fn dump_dom(env: &Env, page: &Path) -> Option<String> {
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "skipped: the browser check: {CHROMIUM} is not installed (apt-get install chromium)"
        );
        return None;
    }
    let profile = env.dir.path().join("chromium-profile");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .env("HOME", env.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut dom = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut dom).map(|_| dom)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(reader.join().unwrap().expect("chromium's output is UTF-8"))
}

/// What every drawn page shows: one dot per person, the count the script reports, no
/// error banner, and no script element beyond the page's own two.
pub fn assert_drawn(dom: &str, people: usize) {
    assert!(
        !dom.contains("id=\"error\""),
        "the page reported an error:\n{dom}"
    );
    assert!(
        dom.contains(&format!("data-rendered=\"{people}\"")),
        "the script did not finish:\n{dom}"
    );
    assert_eq!(dom.matches("<g class=\"node\"").count(), people, "{dom}");
    assert_eq!(dom.matches("<script").count(), 2, "{dom}");
}

/// An environment holding the synthetic network of `people` the benchmarks use.
pub fn generated(people: usize) -> Env {
    use netweb_test_support::synthetic::{Spec, generate};
    let bytes = netweb::store::to_bytes(&generate(&Spec::scaled(people))).unwrap();
    Env::with_file(std::str::from_utf8(&bytes).unwrap())
}

/// What a map too big to draw everyone must hold: the sentence saying what is drawn,
/// everyone in the search roster under their own name, each drawn person inside their
/// region's disc, and the regions accounting for everyone. Returns the page's data.
pub fn assert_big_map(env: &Env, html: &str) -> Value {
    let data = page_data(html);
    let names: Vec<String> = env.data()["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    let n = names.len();
    let roster = &data["roster"];
    let listed: Vec<&str> = roster["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        listed, names,
        "everyone is in the search index, in file order"
    );
    let nodes = data["nodes"].as_array().unwrap();
    let edges = data["edges"].as_array().unwrap();
    let regions = data["regions"].as_array().unwrap();
    assert!(
        !regions.is_empty() && nodes.len() < n,
        "{} drawn of {n}",
        nodes.len()
    );
    let sum = |key: &str| {
        regions
            .iter()
            .map(|r| r[key].as_u64().unwrap())
            .sum::<u64>()
    };
    assert_eq!(sum("size"), n as u64);
    assert_eq!(sum("drawn"), nodes.len() as u64);
    let mut drawn = 0;
    for i in 0..n {
        let region = &regions[roster["region"][i].as_u64().unwrap() as usize];
        let Some(node) = roster["node"][i].as_u64() else {
            assert_eq!(roster["node"][i], -1);
            continue;
        };
        drawn += 1;
        let p = &nodes[node as usize];
        assert_eq!(p["name"], names[i]);
        let at = |v: &Value, k: &str| v[k].as_f64().unwrap();
        let off = (at(p, "x") - at(region, "x")).hypot(at(p, "y") - at(region, "y"));
        assert!(off <= at(region, "r") + 0.01, "{p} outside {region}");
    }
    assert_eq!(drawn, nodes.len());
    assert!(edges.len() <= 8_000);
    assert!(
        edges
            .iter()
            .all(|e| (e[0].as_u64().unwrap() as usize) < nodes.len())
    );
    assert_eq!(data["people"], n);
    // The page says what it draws, in numbers that match the data.
    let total = data["relationships"].as_u64().unwrap();
    let said = format!(
        "{} people in all; and {} of the {total} relationships",
        nodes.len(),
        edges.len()
    );
    assert!(
        html.contains("<p id=\"drawn\" class=\"muted\">Drawn: "),
        "no sentence"
    );
    assert!(html.contains(&said), "the page does not say {said:?}");
    assert!(html.contains(&format!("finds any of the {n} people")));
    data
}

/// A script for the end of the page that searches for someone the map does not draw and
/// notes what the page then shows; and that person's index in the roster.
pub fn search_probe(data: &Value) -> (String, usize) {
    let roster = &data["roster"];
    let names: Vec<String> = roster["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_lowercase())
        .collect();
    let undrawn = |i: usize| roster["node"][i] == -1;
    // The first undrawn person whose name does not also match someone drawn before them
    // (the search box lists matches in file order and Enter takes the first).
    let (who, first) = (0..names.len())
        .filter(|&i| undrawn(i))
        .find_map(|i| {
            let first = names.iter().position(|m| m.contains(&names[i])).unwrap();
            undrawn(first).then_some((i, first))
        })
        .expect("someone is not drawn");
    let name = serde_json::to_string(&roster["names"][who]).unwrap();
    let probe = format!(
        r#"<script>
(function () {{
  var input = document.getElementById('find');
  input.value = {name};
  input.dispatchEvent(new Event('input'));
  document.body.dataset.hits = document.querySelectorAll('#found li.hit').length;
  input.dispatchEvent(new KeyboardEvent('keydown', {{ key: 'Enter' }}));
  document.body.dataset.regionsOn = document.querySelectorAll('circle.region.on').length;
  document.body.dataset.details = document.getElementById('details').textContent;
}})();
</script>
</body>"#
    );
    (probe, first)
}

/// Checks what `search_probe` noted: the person found, their region picked out, and the
/// details saying they are not drawn.
pub fn assert_found(dom: &str, first: usize) {
    assert!(!dom.contains("id=\"error\""), "{dom}");
    assert!(dom.contains(&format!("data-found=\"{first}\"")), "{dom}");
    assert!(dom.contains("data-regions-on=\"1\""), "{dom}");
    assert!(!dom.contains("data-hits=\"0\""), "{dom}");
    assert!(dom.contains("Not drawn: the map draws only"), "{dom}");
}
