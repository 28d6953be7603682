//! `netweb export --format html`: a map of the web as one self-contained page that works
//! offline and asks the network for nothing (no fonts, scripts, images or styles from
//! elsewhere: a contact list should not tell a CDN it was opened).
//!
//! netweb does the work: clusters (Louvain, as `stats`), the layout (`layout`),
//! the top suggested introductions (`suggest` with its default options). The page gets
//! the result as JSON in a `<script type="application/json">` block and a small inline
//! script draws it as SVG (map.js), with pan, zoom, details on hover and
//! neighbours on click.
//!
//! Contact text never becomes markup: in the JSON `<`, `>`, `&`, U+2028 and U+2029 are
//! written as `\u003c`-style escapes, so no name can close the script block, and the
//! script only ever puts text into the page as text nodes (`textContent`).

use std::collections::HashMap;

use anyhow::{Context, Result};
use compact_str::CompactString;
use serde::Serialize;

use crate::graph::{DEFAULT_STRENGTH, Graph, Node};
use crate::model::Network;
mod clusters;
mod layout;

use clusters::clusters;

use crate::query::stats::communities::louvain;
use crate::query::suggest::{self, Prepared};
use layout::Layout;

/// The ideal length of a relationship on the map, in CSS pixels at the initial zoom of a
/// small network. Short enough that the sample's 36 people fit a laptop window at full
/// size; names get their room from the layout's footprints, not from this.
const SPACING: f64 = 45.0;
/// How many suggested introductions the map draws.
const SUGGESTIONS: usize = 10;
/// Up to this many people the layout leaves room for every name, so all of them show
/// from about the initial zoom. Above, it keeps only the dots apart, and names show
/// when zoomed in far enough: thousands of names are a blot, not a map.
const ROOM_FOR_NAMES: usize = 300;
/// The font size of names in CSS pixels at zoom 1, where the layout leaves them room
/// (map.js has the same number).
const LABEL_PX: f64 = 12.0;
/// How many of the best-connected people keep their name at every zoom.
const ALWAYS_NAMED: usize = 40;
const CSS: &str = include_str!("map.css");
const SCRIPT: &str = include_str!("map.js");

/// What the page's script reads. Lists of terms are indices into `terms`, which keeps a
/// map of thousands of people small.
#[derive(Serialize)]
struct Data<'a> {
    people: usize,
    relationships: usize,
    width: f64,
    height: f64,
    /// The zoom from which every name shows (the others show from the start).
    names_from: f64,
    terms: Vec<&'a str>,
    nodes: Vec<NodeOut<'a>>,
    /// `[a, b, strength]` per relationship (node indices; strength 1-5, 3 when unknown).
    edges: Vec<[u32; 3]>,
    clusters: Vec<ClusterOut>,
    /// People in no cluster of two or more.
    unclustered: usize,
    suggestions: Vec<SuggestionOut>,
}

#[derive(Serialize)]
struct NodeOut<'a> {
    name: &'a str,
    x: f64,
    y: f64,
    r: f64,
    /// Index into `clusters`; absent for someone who knows nobody else here.
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<usize>,
    degree: usize,
    /// Whether the name shows at every zoom.
    label: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    interests: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    offers: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    seeks: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<u32>,
}

#[derive(Serialize)]
struct ClusterOut {
    /// Numbered from 1, largest first, as the legend shows them.
    number: usize,
    size: usize,
    color: String,
    interests: Vec<String>,
}

#[derive(Serialize)]
struct SuggestionOut {
    a: u32,
    b: u32,
    score: f64,
    why: String,
}

/// The page for the network: everyone in it, the relationships among them, and the
/// introductions `suggest` ranks highest among them.
pub fn write(net: &Network) -> Result<Vec<u8>> {
    let g = Graph::build(net);
    let (louvain_of, _) = louvain(&g);
    let (cluster_of, clusters) = clusters(&g, &louvain_of);
    let labelled = labelled(&g);
    // On a big map names show only when zoomed in: the layout keeps the dots apart.
    let roomy = g.len() <= ROOM_FOR_NAMES;
    let footprints = (0..g.len())
        .map(|i| footprint(&g, i as Node, roomy))
        .collect();
    let spot = layout::layout(
        &g,
        &louvain_of,
        &layout::Options {
            spacing: SPACING,
            footprints,
            ..layout::Options::default()
        },
    );
    // Roomy: names were given room at zoom 1. Otherwise wait until a relationship is
    // about as long on screen as a name is wide.
    let names_from = if roomy { 0.9 } else { 110.0 / SPACING };
    let data = data(&g, &cluster_of, clusters, &spot, &labelled, names_from);
    let json = serde_json::to_string(&data).context("could not write the map's data")?;
    Ok(page(net, &json).into_bytes())
}

fn data<'a>(
    g: &Graph<'a>,
    cluster_of: &[Option<usize>],
    clusters: Vec<ClusterOut>,
    spot: &Layout,
    labelled: &[bool],
    names_from: f64,
) -> Data<'a> {
    let net = g.net;
    let mut terms = Terms::default();
    let nodes = net
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let degree = g.degree(i as Node);
            NodeOut {
                name: &p.name,
                x: round(spot.x[i]),
                y: round(spot.y[i]),
                r: round(radius(degree)),
                cluster: cluster_of[i],
                degree,
                label: labelled[i],
                company: text(&p.company),
                role: text(&p.role),
                location: text(&p.location),
                interests: terms.all(&p.interests),
                offers: terms.all(&p.offers),
                seeks: terms.all(&p.seeks),
                tags: terms.all(&p.tags),
            }
        })
        .collect();
    let edges = g
        .edges()
        .map(|(a, b)| {
            let strength = relationship_strength(g, a, b);
            [a, b, strength]
        })
        .collect();
    let unclustered = cluster_of.iter().filter(|c| c.is_none()).count();
    Data {
        people: net.people.len(),
        relationships: g.edges().count(),
        width: round(spot.width),
        height: round(spot.height),
        names_from,
        terms: terms.list,
        nodes,
        edges,
        clusters,
        unclustered,
        suggestions: suggestions(g),
    }
}

/// The relationship's strength, 1 to 5 (the default when the file does not say).
fn relationship_strength(g: &Graph, a: Node, b: Node) -> u32 {
    let at = g.neighbors(a).binary_search(&b).ok();
    let strength = at.and_then(|i| g.strengths(a).get(i)).copied();
    strength.map_or(u32::from(DEFAULT_STRENGTH), |s| s.round() as u32)
}

/// A dot's radius in CSS pixels: bigger for people who know more people here.
fn radius(degree: usize) -> f64 {
    (4.8 + 1.6 * (degree as f64).sqrt()).min(16.0)
}

/// What the page draws at a person, for the layout to keep clear: the dot, and with
/// `name` the name under it (its width guessed from the characters: about 0.62 of the
/// font size each in the usual sans-serifs, double for wide East Asian ones).
fn footprint(g: &Graph, v: Node, name: bool) -> layout::Footprint {
    let r = radius(g.degree(v));
    if !name {
        return layout::Footprint {
            half_width: r,
            above: r,
            below: r,
        };
    }
    let chars = unicode_width::UnicodeWidthStr::width(g.name(v)) as f64;
    layout::Footprint {
        half_width: r.max((chars * 0.62 * LABEL_PX + 4.0) / 2.0),
        above: r,
        below: r + LABEL_PX * 1.25,
    }
}

/// A text field worth showing.
fn text(field: &Option<CompactString>) -> Option<&str> {
    field.as_deref().filter(|s| !s.trim().is_empty())
}

/// Two decimals are finer than a pixel, and keep the page small.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Terms numbered in order of first use.
#[derive(Default)]
struct Terms<'a> {
    list: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
}

impl<'a> Terms<'a> {
    fn all(&mut self, terms: &'a [CompactString]) -> Vec<u32> {
        terms
            .iter()
            .map(|t| {
                *self.index.entry(t.as_str()).or_insert_with(|| {
                    self.list.push(t.as_str());
                    (self.list.len() - 1) as u32
                })
            })
            .collect()
    }
}

/// Whose names show at every zoom: the best-connected.
fn labelled(g: &Graph) -> Vec<bool> {
    let n = g.len();
    if n <= ALWAYS_NAMED {
        return vec![true; n];
    }
    let mut order: Vec<Node> = (0..n as Node).collect();
    // Stable: equal degrees keep file order.
    order.sort_by_key(|&v| std::cmp::Reverse(g.degree(v)));
    let mut out = vec![false; n];
    for &v in order.iter().take(ALWAYS_NAMED) {
        out[v as usize] = true;
    }
    out
}

/// The introductions `suggest` ranks highest, as node pairs with their reason.
fn suggestions(g: &Graph) -> Vec<SuggestionOut> {
    if g.len() < 2 {
        return Vec::new();
    }
    let prepared = Prepared::new(g);
    let opts = suggest::Options {
        limit: SUGGESTIONS,
        ..suggest::Options::default()
    };
    suggest::suggest(&prepared, &opts)
        .into_iter()
        .filter_map(|s| {
            Some(SuggestionOut {
                a: g.node(&s.people[0])?,
                b: g.node(&s.people[1])?,
                score: s.score,
                why: s.why,
            })
        })
        .collect()
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` (so neither `</script>`
/// nor `<!--` can appear) and the two line separators older JavaScript treats as line
/// ends become `\uXXXX` escapes. These characters occur only inside JSON strings, where
/// the escape means the same character.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The whole document. Only numbers from netweb go into the markup itself; every name
/// and term travels in the escaped JSON.
fn page(net: &Network, json: &str) -> String {
    let people = net.people.len();
    let title = format!(
        "netweb map: {} {}",
        people,
        if people == 1 { "person" } else { "people" }
    );
    format!(
        concat!(
            "<!DOCTYPE html>\n",
            "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"generator\" content=\"netweb {version}\">\n",
            // Belt and braces: even a bug in the script could not load anything.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
            "<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n",
            "<header><h1>netweb map</h1><p id=\"counts\"></p></header>\n",
            "<main>\n<svg id=\"map\" role=\"img\" aria-label=\"the network\"></svg>\n",
            "<aside id=\"side\"><section id=\"details\" hidden></section>",
            "<section id=\"legend\"></section></aside>\n</main>\n",
            "<noscript><p>The map is drawn by JavaScript: allow scripts for this file.</p></noscript>\n",
            "<script type=\"application/json\" id=\"data\">{data}</script>\n",
            "<script>\n{script}</script>\n</body>\n</html>\n",
        ),
        version = env!("CARGO_PKG_VERSION"),
        title = title,
        css = CSS,
        data = script_json(json),
        script = SCRIPT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::net;

    const HOSTILE: &str = "</script><script>alert(1)</script>";

    fn hostile() -> Network {
        let mut n = net(4, &[(0, 1), (1, 2)]);
        n.people[0].name = HOSTILE.into();
        n.people[1].company = Some("<!-- & -->".into());
        n.people[2].interests = vec!["</script>".into(), "a\u{2028}b".into()];
        n.people[3].notes = Some("</script><img src=x onerror=alert(1)>".into());
        n
    }

    fn html(n: &Network) -> String {
        String::from_utf8(write(n).unwrap()).unwrap()
    }

    #[test]
    fn script_json_escapes_what_could_end_the_block() {
        assert_eq!(
            script_json("{\"a\":\"</script>&\u{2028}\u{2029}\"}"),
            "{\"a\":\"\\u003c/script\\u003e\\u0026\\u2028\\u2029\"}"
        );
        let back: serde_json::Value =
            serde_json::from_str(&script_json("[\"<b>&amp;\u{2028}\"]")).unwrap();
        assert_eq!(back[0], "<b>&amp;\u{2028}");
    }

    #[test]
    fn hostile_text_appears_only_escaped() {
        let page = html(&hostile());
        assert!(!page.contains("alert(1)</script>"), "{page}");
        assert!(!page.contains("<!--"), "{page}");
        assert!(!page.contains('\u{2028}'));
        assert!(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
        // Two script elements: the data and the code, each closed once.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</script>").count(), 2, "{page}");
        // Notes are not on the map.
        assert!(!page.contains("onerror=alert"), "{page}");
        // The data block parses back to the same names.
        let start = page.find("id=\"data\">").unwrap() + "id=\"data\">".len();
        let end = start + page[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(data["nodes"][0]["name"], HOSTILE);
        assert_eq!(data["nodes"][1]["company"], "<!-- & -->");
    }

    #[test]
    fn nothing_is_loaded_from_elsewhere() {
        let page = html(&crate::synthetic::generate(
            &crate::synthetic::Spec::scaled(50),
        ));
        let lower = page.to_lowercase();
        for banned in [
            "http:",
            "https:",
            "//",
            "src=",
            "href=",
            "url(",
            "@import",
            "fetch(",
            "xmlhttprequest",
            "innerhtml",
            "outerhtml",
            "insertadjacenthtml",
            "document.write",
            "eval(",
        ] {
            // `//` would also catch comments: the script uses /* */ only.
            assert!(!lower.contains(banned), "the page contains {banned:?}");
        }
    }

    #[test]
    fn every_person_relationship_and_suggestion_is_in_the_data() {
        let mut n = net(6, &[(0, 1), (1, 2), (0, 2), (3, 4)]);
        n.people[0].interests = vec!["chess".into(), "rust".into()];
        n.people[3].interests = vec!["chess".into()];
        n.relationships[0].strength = Some(5);
        let page = html(&n);
        let start = page.find("id=\"data\">").unwrap() + "id=\"data\">".len();
        let end = start + page[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(data["people"], 6);
        assert_eq!(data["nodes"].as_array().unwrap().len(), 6);
        assert_eq!(data["edges"].as_array().unwrap().len(), 4);
        assert_eq!(data["edges"][0], serde_json::json!([0, 1, 5]));
        assert_eq!(data["edges"][1], serde_json::json!([0, 2, 3]));
        assert_eq!(data["terms"], serde_json::json!(["chess", "rust"]));
        assert_eq!(data["nodes"][3]["interests"], serde_json::json!([0]));
        // The triangle is cluster 1, the pair cluster 2; the isolate has none.
        assert_eq!(data["clusters"][0]["size"], 3);
        assert_eq!(data["nodes"][5].get("cluster"), None);
        assert_eq!(data["unclustered"], 1);
        assert!(!data["suggestions"].as_array().unwrap().is_empty());
        assert!(page.contains("<title>netweb map: 6 people</title>"));
    }

    #[test]
    fn empty_network_is_a_page_too() {
        let page = html(&Network::default());
        assert!(page.contains("\"people\":0"));
        assert!(page.ends_with("</html>\n"));
    }
}
