//! `export --format html`: one self-contained page holding every person, relationship
//! and top suggestion, loading nothing from elsewhere; and, in a real headless Chromium
//! (when installed: `.ci/run` installs it), a page that draws one dot per person and the
//! dashed suggestions without a script error, with hostile names shown as text only.

use serde_json::{Value, json};

use crate::browser::{
    assert_big_map, assert_drawn, assert_found, dump_dom, export_to, generated, page_data,
    search_probe,
};
use crate::common::Env;

const HOSTILE: &str = "<script>alert(1)</script>";

/// A network with markup in every text field the map shows, and in the notes.
fn hostile() -> Env {
    let data = json!({
        "version": 1,
        "people": [
            {
                "id": "eve",
                "name": HOSTILE,
                "company": "</script><script>alert(2)</script>",
                "interests": ["</script>", "chess"],
                "notes": "</script><img src=x onerror=alert(3)>",
                "added": "2026-01-02"
            },
            {
                "id": "bob",
                "name": "Bob <b>&amp;</b> \u{2028}",
                "interests": ["chess", "<!--"],
                "seeks": ["<script>"],
                "added": "2026-01-02"
            },
            {"id": "carol", "name": "Carol", "interests": ["chess"], "offers": ["<script>"], "added": "2026-01-02"}
        ],
        "relationships": [{"a": "eve", "b": "carol", "note": "</script>"}]
    });
    Env::with_file(&serde_json::to_string_pretty(&data).unwrap())
}

#[test]
fn the_page_holds_every_person_relationship_and_suggestion() {
    let env = Env::sample();
    let html = env.ok(&["export", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{}", &html[..100]);
    assert!(html.ends_with("</html>\n"));
    let people = env.data()["people"].as_array().unwrap().len();
    assert!(html.contains(&format!("<title>netweb map: {people} people</title>")));
    let data = page_data(&html);
    let nodes = data["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), people);
    assert_eq!(data["people"], people);
    assert_eq!(
        data["edges"].as_array().unwrap().len(),
        env.data()["relationships"].as_array().unwrap().len()
    );
    for n in nodes {
        let (x, y) = (n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap());
        assert!((0.0..=data["width"].as_f64().unwrap()).contains(&x), "{n}");
        assert!((0.0..=data["height"].as_f64().unwrap()).contains(&y), "{n}");
    }
    // The dashed lines are `suggest`'s top ten, in its order.
    let suggested = env.json(&["suggest", "-n", "10"]);
    let pairs: Vec<[String; 2]> = data["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = |k: &str| nodes[s[k].as_u64().unwrap() as usize]["name"].to_string();
            [name("a"), name("b")]
        })
        .collect();
    let expected: Vec<[String; 2]> = suggested
        .as_array()
        .unwrap()
        .iter()
        .map(|s| [s["names"][0].to_string(), s["names"][1].to_string()])
        .collect();
    assert_eq!(pairs.len(), 10);
    assert_eq!(pairs, expected);
    // Every cluster of two or more is in the legend, with a colour.
    let clusters = data["clusters"].as_array().unwrap();
    let stats = env.json(&["stats"]);
    assert_eq!(
        clusters.len(),
        stats["clusters"]["clusters"].as_array().unwrap().len()
    );
    assert!(clusters.iter().all(|c| c["color"].as_str().is_some()));
    // Nothing is fetched: no address, no source or link attribute, no CSS url().
    let lower = html.to_lowercase();
    for banned in ["http:", "https:", "//", "src=", "href=", "url(", "@import"] {
        assert!(!lower.contains(banned), "the page contains {banned:?}");
    }
}

#[test]
fn filters_draw_only_the_people_they_pick() {
    let env = Env::sample();
    let family: Value =
        serde_json::from_str(&env.ok(&["export", "--format", "json", "--tag", "family"])).unwrap();
    let html = env.ok(&["export", "--format", "html", "--tag", "family"]);
    let data = page_data(&html);
    let names: Vec<&str> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = family["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, expected);
    assert_eq!(
        data["edges"].as_array().unwrap().len(),
        family["relationships"].as_array().map_or(0, Vec::len)
    );
}

#[test]
fn html_export_into_a_file_is_private_and_reported() {
    let env = Env::sample();
    let out = env.dir.path().join("map.html");
    let done = env.json(&["export", "--format", "html", "-o", out.to_str().unwrap()]);
    assert_eq!(done["format"], "html");
    assert_eq!(done["people"], 36);
    let text = env.ok(&["export", "--format", "html", "-o", out.to_str().unwrap()]);
    assert!(text.contains("exported 36 people to"), "{text}");
    assert!(text.ends_with("(html)\n"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // An empty network is a page too.
    let empty = Env::new();
    let html = empty.ok(&["export", "--format", "html"]);
    assert_eq!(page_data(&html)["people"], 0);
}

#[test]
fn hostile_text_stays_inside_the_data_block() {
    let env = hostile();
    let html = env.ok(&["export", "--format", "html"]);
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_eq!(html.matches("</script>").count(), 2, "{html}");
    assert!(!html.contains("alert(1)</"), "{html}");
    assert!(!html.contains("<!--"), "{html}");
    assert!(!html.contains("onerror=alert"), "notes are not on the map");
    let data = page_data(&html);
    assert_eq!(data["nodes"][0]["name"], HOSTILE);
    assert_eq!(
        data["nodes"][0]["company"],
        "</script><script>alert(2)</script>"
    );
    assert_eq!(data["nodes"][1]["name"], "Bob <b>&amp;</b> \u{2028}");
}

#[test]
fn chromium_draws_every_person_and_the_suggestions() {
    let env = Env::sample();
    let (page, html) = export_to(&env, &[]);
    let Some(dom) = dump_dom(&env, &page) else {
        return;
    };
    assert_drawn(&dom, 36);
    let suggestions = page_data(&html)["suggestions"].as_array().unwrap().len();
    assert_eq!(suggestions, 10);
    assert_eq!(
        dom.matches("<line class=\"suggestion\"").count(),
        10,
        "{dom}"
    );
    assert!(dom.contains(">Ruth Hale</text>"), "{dom}");
    // The legend and the header are there.
    assert!(dom.contains("36 people"), "{dom}");
    assert!(dom.contains("Clusters"), "{dom}");
}

#[test]
fn chromium_shows_hostile_names_as_text() {
    let env = hostile();
    let (page, _) = export_to(&env, &[]);
    let Some(dom) = dump_dom(&env, &page) else {
        return;
    };
    assert_drawn(&dom, 3);
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(dom.contains(&format!(">{escaped}</title>")), "{dom}");
    assert!(dom.contains(&format!(">{escaped}</text>")), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    assert!(!dom.contains("<b>"), "{dom}");
}

#[test]
fn chromium_shows_a_script_error_on_the_page() {
    // The error banner the other browser tests look for really appears: break the data.
    let env = Env::sample();
    let (page, html) = export_to(&env, &[]);
    let broken = html.replacen("{\"people\":", "{\"people\":,", 1);
    assert_ne!(broken, html);
    std::fs::write(&page, broken).unwrap();
    let Some(dom) = dump_dom(&env, &page) else {
        return;
    };
    assert!(dom.contains("id=\"error\""), "{dom}");
    assert!(dom.contains("The map could not be drawn"), "{dom}");
    assert!(!dom.contains("data-rendered"), "{dom}");
}

#[test]
fn chromium_pointing_shows_details_and_a_click_picks_out_the_contacts() {
    let env = Env::sample();
    let (page, html) = export_to(&env, &[]);
    let data = page_data(&html);
    let ruth = &data["nodes"][0];
    assert_eq!(ruth["name"], "Ruth Hale");
    let degree = ruth["degree"].as_u64().unwrap();
    // The test's own script points at and clicks the first dot, then notes what it sees.
    let probe = r#"<script>
(function () {
  var dot = document.querySelector('.node[data-i="0"] circle');
  var at = { bubbles: true, button: 0, clientX: 5, clientY: 5 };
  dot.dispatchEvent(new PointerEvent('pointerover', at));
  document.body.dataset.hover = document.getElementById('details').textContent;
  dot.dispatchEvent(new PointerEvent('pointerdown', at));
  dot.dispatchEvent(new PointerEvent('pointerup', at));
  document.body.dataset.picked = document.querySelectorAll('.node.on').length;
  document.body.dataset.lines = document.querySelectorAll('#hi line').length;
})();
</script>
</body>"#;
    std::fs::write(&page, html.replacen("</body>", probe, 1)).unwrap();
    let Some(dom) = dump_dom(&env, &page) else {
        return;
    };
    assert!(!dom.contains("id=\"error\""), "{dom}");
    assert!(
        dom.contains("data-hover=\"Ruth HaleRetired librarian"),
        "{dom}"
    );
    assert!(dom.contains("KnowsDaniel Hale"), "{dom}");
    assert!(
        dom.contains(&format!("data-picked=\"{}\"", degree + 1)),
        "{dom}"
    );
    assert!(dom.contains(&format!("data-lines=\"{degree}\"")), "{dom}");
}

#[test]
fn a_big_map_draws_regions_says_what_it_draws_and_finds_anyone() {
    // Above 1,500 people the clusters become regions and only some people are drawn.
    let env = generated(3_000);
    let (page, html) = export_to(&env, &[]);
    let data = assert_big_map(&env, &html);
    let nodes = data["nodes"].as_array().unwrap();
    // The suggestions are still `suggest`'s top ten, their people drawn.
    let suggested = env.json(&["suggest", "-n", "10"]);
    let pairs: Vec<[&Value; 2]> = data["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = |k: &str| &nodes[s[k].as_u64().unwrap() as usize]["name"];
            [name("a"), name("b")]
        })
        .collect();
    let expected: Vec<[&Value; 2]> = suggested
        .as_array()
        .unwrap()
        .iter()
        .map(|s| [&s["names"][0], &s["names"][1]])
        .collect();
    assert_eq!(pairs.len(), 10);
    assert_eq!(pairs, expected);
    let Some(dom) = dump_dom(&env, &page) else {
        return;
    };
    assert_drawn(&dom, nodes.len());
    let regions = data["regions"].as_array().unwrap().len();
    assert_eq!(dom.matches("<circle class=\"region\"").count(), regions);
    assert!(
        dom.contains("best-connected people"),
        "the legend says so too"
    );
    // Searching for someone not drawn shows them with their region picked out.
    let (probe, first) = search_probe(&data);
    std::fs::write(&page, html.replacen("</body>", &probe, 1)).unwrap();
    assert_found(&dump_dom(&env, &page).unwrap(), first);
}
