//! `netweb export --format html`: a map of the web as one self-contained page that works
//! offline and asks the network for nothing (no fonts, scripts, images or styles from
//! elsewhere: a contact list should not tell a CDN it was opened).
//!
//! netweb does the work: clusters (Louvain, as `stats`), the layout (`layout`),
//! the top suggested introductions (`suggest` with its default options). A big network is
//! drawn as regions, its best-connected people inside, with everyone in a search roster
//! (`drawn`, `layout::regions`); the page says what it draws. The page gets
//! the result as JSON in a `<script type="application/json">` block and a small inline
//! script draws it as SVG (map.js), with pan, zoom, details on hover and
//! neighbours on click.
//!
//! Contact text never becomes markup: in the JSON `<`, `>`, `&`, U+2028 and U+2029 are
//! written as `\u003c`-style escapes, so no name can close the script block, and the
//! script only ever puts text into the page as text nodes (`textContent`).

use anyhow::{Context, Result};

use crate::graph::{Graph, Node};
use crate::model::Network;
mod clusters;
mod data;
mod drawn;
mod layout;

use clusters::clusters;
use data::{Data, RegionOut, SuggestionOut, Terms};
use drawn::{DRAWN, WHOLE};

use crate::query::stats::communities::louvain;
use crate::query::suggest::{self, Prepared};

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
/// The most relationships a big map draws (the strongest among the drawn people): more
/// lines than this are a grey blot and slow the page.
const EDGES: usize = 8_000;
const CSS: &str = include_str!("map.css");
const SCRIPT: &str = include_str!("map.js");

/// Who is drawn where: everyone on a small map, on a big one the regions and the
/// people drawn in them.
struct Map {
    /// The drawn people, in file order; node `i` of the page is `people[i]`.
    people: Vec<Node>,
    at: Vec<[f64; 2]>,
    width: f64,
    height: f64,
    names_from: f64,
    edges: Vec<[u32; 3]>,
    regions: Vec<RegionOut>,
    /// Each person's region, on a big map.
    region_of: Option<Vec<usize>>,
}

/// The page for the network: the people drawn (everyone, or on a big map the clusters as
/// regions with their best-connected people), the relationships among them, the
/// introductions `suggest` ranks highest, and everyone's name for the search box.
pub fn write(net: &Network) -> Result<Vec<u8>> {
    let g = Graph::build(net);
    // Independent, and each a good part of the time: on two cores at once.
    let ((louvain_of, _), suggested) = rayon::join(|| louvain(&g), || suggestions(&g));
    let (cluster_of, clusters) = clusters(&g, &louvain_of);
    let map = if g.len() <= WHOLE {
        whole(&g, &louvain_of)
    } else {
        let ends: Vec<Node> = suggested.iter().flat_map(|s| [s.a, s.b]).collect();
        regional(&g, &cluster_of, &ends)
    };
    let mut node_of: Vec<Option<u32>> = vec![None; g.len()];
    for (i, &v) in map.people.iter().enumerate() {
        node_of[v as usize] = Some(i as u32);
    }
    let mut terms = Terms::default();
    let nodes = data::nodes(&g, &map.people, &map.at, &cluster_of, &mut terms);
    let suggestions = suggested
        .into_iter()
        .filter_map(|s| {
            Some(SuggestionOut {
                a: node_of[s.a as usize]?,
                b: node_of[s.b as usize]?,
                ..s
            })
        })
        .collect();
    let drawn = what_is_drawn(&g, &map, clusters.len());
    let data = Data {
        people: g.len(),
        relationships: g.edges().count(),
        width: data::round(map.width),
        height: data::round(map.height),
        names_from: map.names_from,
        terms: terms.list,
        nodes,
        edges: map.edges,
        unclustered: cluster_of.iter().filter(|c| c.is_none()).count(),
        clusters,
        regions: map.regions,
        suggestions,
        roster: data::roster(&g, &cluster_of, &node_of, map.region_of.as_deref()),
    };
    let json = serde_json::to_string(&data).context("could not write the map's data")?;
    Ok(page(net, &json, &drawn).into_bytes())
}

/// Everyone, with the per-person layout: room for the names on a small map.
fn whole(g: &Graph, louvain_of: &[usize]) -> Map {
    // On a big map names show only when zoomed in: the layout keeps the dots apart.
    let roomy = g.len() <= ROOM_FOR_NAMES;
    let footprints = (0..g.len())
        .map(|i| footprint(g, i as Node, roomy))
        .collect();
    let spot = layout::layout(
        g,
        louvain_of,
        &layout::Options {
            spacing: SPACING,
            footprints,
            ..layout::Options::default()
        },
    );
    let edges = g
        .edges()
        .map(|(a, b)| {
            let at = g.neighbors(a).binary_search(&b).ok();
            let s = at.and_then(|i| g.strengths(a).get(i)).copied();
            [a, b, data::strength(s)]
        })
        .collect();
    Map {
        people: (0..g.len() as Node).collect(),
        at: spot.x.iter().zip(&spot.y).map(|(&x, &y)| [x, y]).collect(),
        width: spot.width,
        height: spot.height,
        // Roomy: names were given room at zoom 1. Otherwise wait until a relationship
        // is about as long on screen as a name is wide.
        names_from: if roomy { 0.9 } else { 110.0 / SPACING },
        edges,
        regions: Vec::new(),
        region_of: None,
    }
}

/// A big map: the clusters as regions, their best-connected people in them.
fn regional(g: &Graph, cluster_of: &[Option<usize>], ends: &[Node]) -> Map {
    let chosen = drawn::choose(g, cluster_of, ends);
    let mut index: Vec<Option<u32>> = vec![None; g.len()];
    for (i, &v) in chosen.people.iter().enumerate() {
        index[v as usize] = Some(i as u32);
    }
    let edges = drawn::edges(g, &index, EDGES);
    let pulls: Vec<(u32, u32, f64)> = edges
        .iter()
        .map(|&(a, b, s)| {
            (
                a,
                b,
                f64::from(s) / f64::from(crate::graph::DEFAULT_STRENGTH),
            )
        })
        .collect();
    let links = drawn::links(g, &chosen.region_of);
    let input = layout::Regions {
        sizes: &chosen.sizes,
        region_of: &chosen.region_of_drawn,
        edges: &pulls,
        links: &links,
    };
    let (at, discs, width, height) =
        layout::regions(&input, SPACING, layout::Options::default().seed);
    let mut drawn_in = vec![0usize; discs.len()];
    for &r in &chosen.region_of_drawn {
        drawn_in[r] += 1;
    }
    let regions = discs
        .iter()
        .enumerate()
        .map(|(r, d)| RegionOut {
            x: data::round(d.x),
            y: data::round(d.y),
            r: data::round(d.r),
            cluster: chosen.cluster[r],
            size: chosen.sizes[r],
            drawn: drawn_in[r],
        })
        .collect();
    Map {
        people: chosen.people,
        at,
        width,
        height,
        names_from: 110.0 / SPACING,
        edges: edges
            .into_iter()
            .map(|(a, b, s)| [a, b, data::strength(Some(s))])
            .collect(),
        regions,
        region_of: Some(chosen.region_of),
    }
}

/// The sentence on the page that says what the map draws (numbers only: no contact
/// text goes into the markup).
fn what_is_drawn(g: &Graph, map: &Map, clusters: usize) -> String {
    let people = plural(g.len(), "person", "people");
    let relationships = plural(g.edges().count(), "relationship", "relationships");
    if map.region_of.is_none() {
        return format!("Drawn: everyone ({people}) and all {relationships}.");
    }
    let own = map.regions.iter().filter(|r| r.cluster.is_some()).count();
    let rest = if own < clusters {
        format!(
            "; the {} smaller clusters and the people in none share one grey region",
            clusters - own
        )
    } else if own < map.regions.len() {
        "; the people in no cluster share one grey region".to_string()
    } else {
        String::new()
    };
    let who = if map.people.len() == g.len() {
        "everyone".to_string()
    } else {
        format!(
            "their best-connected people ({DRAWN} shared among the clusters by size) and \
             everyone in the suggested introductions"
        )
    };
    format!(
        "Drawn: {own} clusters as regions (area by size{rest}); in them {who}, {} people in \
         all; and {} of the {relationships}, the strongest among the people drawn. The \
         search box finds any of the {people}, drawn or not.",
        map.people.len(),
        map.edges.len(),
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the page draws at a person, for the layout to keep clear: the dot, and with
/// `name` the name under it (its width guessed from the characters: about 0.62 of the
/// font size each in the usual sans-serifs, double for wide East Asian ones).
fn footprint(g: &Graph, v: Node, name: bool) -> layout::Footprint {
    let r = data::radius(g.degree(v));
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

/// The introductions `suggest` ranks highest, as pairs of people with their reason.
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
fn page(net: &Network, json: &str, drawn: &str) -> String {
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
            "<aside id=\"side\"><p id=\"drawn\" class=\"muted\">{drawn}</p>",
            "<section id=\"search\"><input id=\"find\" type=\"search\" ",
            "placeholder=\"Find anyone by name\" aria-label=\"Find anyone by name\" autocomplete=\"off\">",
            "<ul id=\"found\"></ul></section>",
            "<section id=\"details\" hidden></section>",
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
        drawn = drawn,
    )
}

#[cfg(test)]
mod tests;
