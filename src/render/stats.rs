use std::io::{self, Write};

use anstyle::Style;

use crate::query::interests::TermCount;
use crate::query::stats::{Mesh, Stats};
use crate::render::escape::escape;
use crate::render::{DIM, HEADER, NAME, Table, count, join_names};

const BAR: usize = 10;
/// How many names a line shows before "and N more".
const NAMES: usize = 4;
/// How many clusters the text lists, largest first (`--json` has every one): the rest of
/// the page is about 40 lines, so the whole stays under 120 at any size.
pub const CLUSTERS: usize = 40;

/// A short bar for a share from 0 to 1.
pub fn bar(share: f64) -> String {
    let full = (share.clamp(0.0, 1.0) * BAR as f64).round() as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(BAR - full))
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn some_names(names: &[&str]) -> String {
    if names.len() <= NAMES {
        return join_names(names);
    }
    format!(
        "{} and {} more",
        names[..NAMES].join(", "),
        names.len() - NAMES
    )
}

fn terms(list: &[TermCount], max: usize) -> String {
    let shown: Vec<String> = list
        .iter()
        .take(max)
        .map(|t| format!("{} {}", t.term, t.people))
        .collect();
    if shown.is_empty() {
        "none yet".to_string()
    } else {
        shown.join(", ")
    }
}

fn cell(text: impl Into<String>) -> (String, Style) {
    (text.into(), Style::new())
}

fn dim(text: impl Into<String>) -> (String, Style) {
    (text.into(), DIM)
}

pub fn write(out: &mut impl Write, s: &Stats) -> io::Result<()> {
    let m = &s.mesh;
    writeln!(
        out,
        "{NAME}{}{NAME:#}, {}, {}, {} {DIM}(you are left out: you know everyone){DIM:#}",
        count(s.people, "contact", "contacts"),
        count(s.relationships, "relationship", "relationships"),
        count(s.interactions, "interaction", "interactions"),
        count(s.introductions, "introduction", "introductions"),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{NAME}Mesh score {:.0}/100{NAME:#}  {}  {DIM}mean of: know another contact {}, in the largest group {}, clustering {:.2}{DIM:#}",
        m.mesh_score,
        bar(m.mesh_score / 100.0),
        pct(m.connected_share),
        pct(m.largest_component_share),
        m.average_clustering
    )?;
    writeln!(out)?;
    writeln!(out, "{HEADER}Shape{HEADER:#}")?;
    let mut t = Table::bare(4, 2);
    t.row(vec![
        cell("density"),
        cell(format!("{:.3}", m.density)),
        cell(bar(m.density)),
        dim(format!(
            "{} of the pairs of contacts know each other",
            pct(m.density)
        )),
    ]);
    t.row(vec![
        cell("largest group"),
        cell(format!("{}", m.largest_component)),
        cell(bar(m.largest_component_share)),
        dim(format!(
            "{} of contacts are linked into one web; {}",
            pct(m.largest_component_share),
            count(m.components, "group in all", "groups in all")
        )),
    ]);
    t.row(vec![
        cell("isolates"),
        cell(format!("{}", m.isolates)),
        cell(bar(1.0 - m.connected_share)),
        dim("know nobody else here: the spokes, and the best candidates for introductions"),
    ]);
    t.row(vec![
        cell("clustering"),
        cell(format!("{:.2}", m.average_clustering)),
        cell(bar(m.average_clustering)),
        dim("how often two contacts of a contact know each other"),
    ]);
    t.row(vec![
        cell("effective size"),
        cell(format!("{:.1}", m.effective_size)),
        cell(bar(if m.people == 0 {
            0.0
        } else {
            m.effective_size / m.people as f64
        })),
        dim(format!(
            "of your {} contacts, this many are non-redundant (they do not know your others)",
            m.people
        )),
    ]);
    t.row(vec![
        cell("constraint"),
        cell(format!("{:.3}", m.constraint)),
        cell(bar(m.constraint)),
        dim("low: you are the only bridge between your contacts (a hub); high: a closed web"),
    ]);
    t.write(out)?;
    if !s.isolates.is_empty() {
        let names: Vec<&str> = s.isolates.iter().map(|p| p.name.as_str()).collect();
        writeln!(
            out,
            "  {DIM}isolates:{DIM:#} {}",
            escape(&some_names(&names))
        )?;
    }
    writeln!(out)?;

    writeln!(out, "{HEADER}Brokers{HEADER:#}")?;
    let cuts: Vec<&str> = s
        .brokers
        .articulation_points
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    if cuts.is_empty() {
        writeln!(out, "  no single contact holds the web together")?;
    } else {
        writeln!(
            out,
            "  without {} the web would split",
            escape(&some_names(&cuts).replace(" and ", " or "))
        )?;
    }
    if !s.brokers.betweenness.is_empty() {
        let b = &s.brokers;
        let estimate = if b.betweenness_exact {
            String::new()
        } else {
            format!(
                " (estimated from {} sampled paths: within ±{:.3} of the exact value, {:.0}% confidence)",
                b.betweenness_samples,
                b.betweenness_error,
                b.betweenness_confidence * 100.0
            )
        };
        writeln!(
            out,
            "  on the most shortest paths between others{estimate}:"
        )?;
        let mut t = Table::bare(3, 4);
        for c in s.brokers.betweenness.iter().take(5) {
            t.row(vec![
                (c.name.clone(), NAME),
                cell(format!("{:.3}", c.betweenness)),
                cell(bar(c.betweenness)),
            ]);
        }
        t.write(out)?;
    }
    writeln!(out)?;

    let cl = &s.clusters;
    writeln!(
        out,
        "{HEADER}Clusters{HEADER:#} {DIM}(Louvain, modularity {:.2}){DIM:#}",
        cl.modularity
    )?;
    if cl.clusters.is_empty() {
        writeln!(out, "  none: no two contacts know each other")?;
    } else {
        let mut t = Table::bare(3, 2);
        for c in cl.clusters.iter().take(CLUSTERS) {
            let names: Vec<&str> = c.names.iter().map(String::as_str).collect();
            let about: Vec<&str> = c.interests.iter().map(|t| t.term.as_str()).collect();
            t.row(vec![
                cell(format!("{}", c.size)),
                (
                    if about.is_empty() {
                        "-".to_string()
                    } else {
                        about.join(", ")
                    },
                    NAME,
                ),
                dim(some_names(&names)),
            ]);
        }
        t.write(out)?;
        if cl.clusters.len() > CLUSTERS {
            let rest = &cl.clusters[CLUSTERS..];
            writeln!(
                out,
                "  {DIM}and {} more ({}; `netweb --json stats` lists them all){DIM:#}",
                rest.len(),
                count(rest.iter().map(|c| c.size).sum(), "contact", "contacts")
            )?;
        }
    }
    writeln!(out)?;

    let v = &s.vocabulary;
    writeln!(out, "{HEADER}Vocabulary{HEADER:#}")?;
    let mut t = Table::bare(2, 2);
    t.row(vec![cell("interests"), cell(terms(&v.interests, 6))]);
    t.row(vec![cell("offers"), cell(terms(&v.offers, 6))]);
    t.row(vec![cell("seeks"), cell(terms(&v.seeks, 6))]);
    if !v.unmatched_offers.is_empty() {
        t.row(vec![
            cell("nobody seeks"),
            cell({
                let names: Vec<&str> = v.unmatched_offers.iter().map(String::as_str).collect();
                some_names(&names)
            }),
        ]);
    }
    t.write(out)?;
    writeln!(out)?;

    let g = &s.growth;
    writeln!(
        out,
        "{HEADER}Growth{HEADER:#} {DIM}(a year ago is {}){DIM:#}",
        g.year_ago
    )?;
    growth(out, &g.then, &g.now)?;
    writeln!(
        out,
        "  {} came from your introductions",
        count(
            g.relationships_from_introductions,
            "relationship",
            "relationships"
        )
    )?;
    Ok(())
}

fn growth(out: &mut impl Write, then: &Mesh, now: &Mesh) -> io::Result<()> {
    let mut t = Table::bare(3, 2);
    t.row(vec![dim(""), dim("a year ago"), dim("now")]);
    let rows: [(&str, String, String); 7] = [
        ("contacts", then.people.to_string(), now.people.to_string()),
        (
            "relationships",
            then.relationships.to_string(),
            now.relationships.to_string(),
        ),
        (
            "largest group",
            pct(then.largest_component_share),
            pct(now.largest_component_share),
        ),
        (
            "isolates",
            then.isolates.to_string(),
            now.isolates.to_string(),
        ),
        (
            "clustering",
            format!("{:.2}", then.average_clustering),
            format!("{:.2}", now.average_clustering),
        ),
        (
            "constraint",
            format!("{:.3}", then.constraint),
            format!("{:.3}", now.constraint),
        ),
        (
            "mesh score",
            format!("{:.0}", then.mesh_score),
            format!("{:.0}", now.mesh_score),
        ),
    ];
    for (label, a, b) in rows {
        t.row(vec![cell(label), cell(a), cell(b)]);
    }
    t.write(out)
}
