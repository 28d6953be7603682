//! `netweb export --format dot`: the web as an undirected Graphviz graph, for `dot`,
//! `neato`, `sfdp` and the many tools that read DOT.
//!
//! One node per person (the id as node id, the name as `label`, then `company`, `role`,
//! `location`, `tags`, `interests`, `cluster` and `degree`) and one edge per
//! relationship (`kind`, `strength`, `since`, `note`); fields a person or relationship
//! does not have are left out. Every id and value is a double-quoted string with `"`,
//! `\` and line breaks escaped (`\"`, `\\`, `\n`) and other control characters dropped,
//! so no text can end a string early or inject attributes, edges or HTML labels.

use std::fmt::Write as _;

use crate::formats::csv_out::LIST_SEPARATOR;
use crate::graph::Graph;
use crate::model::{Network, Person};
use crate::query::stats::communities::louvain;

/// A person as the graph formats show them, with what the web says about them.
pub struct Node<'a> {
    pub person: &'a Person,
    /// Their Louvain cluster, as `netweb stats` finds it (numbered by first member).
    pub cluster: usize,
    /// How many people they know.
    pub degree: usize,
}

/// Every person of the network, in file order, with their cluster and degree.
pub fn nodes(net: &Network) -> Vec<Node<'_>> {
    let g = Graph::build(net);
    let (clusters, _) = louvain(&g);
    net.people
        .iter()
        .enumerate()
        .map(|(i, person)| Node {
            person,
            cluster: clusters[i],
            degree: g.degree(i as crate::graph::Node),
        })
        .collect()
}

/// A date as netweb writes it everywhere: `YYYY-MM-DD`.
pub fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A DOT double-quoted string, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[name="value", ...]` for the attributes that are present; empty when none are.
fn attr_list(attrs: &[(&str, String)]) -> String {
    if attrs.is_empty() {
        return String::new();
    }
    let inner: Vec<String> = attrs
        .iter()
        .map(|(k, v)| format!("{k}={}", quote(v)))
        .collect();
    format!(" [{}]", inner.join(", "))
}

/// The DOT text for the network: its people and the relationships among them.
pub fn write(net: &Network) -> Vec<u8> {
    let mut out = String::from("graph netweb {\n");
    for node in nodes(net) {
        let mut attrs = vec![("label", node.person.name.to_string())];
        let opt = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
        for (k, v) in [
            ("company", opt(node.person.company.as_deref())),
            ("role", opt(node.person.role.as_deref())),
            ("location", opt(node.person.location.as_deref())),
        ] {
            if let Some(v) = v {
                attrs.push((k, v));
            }
        }
        if !node.person.tags.is_empty() {
            attrs.push(("tags", node.person.tags.join(LIST_SEPARATOR)));
        }
        if !node.person.interests.is_empty() {
            attrs.push(("interests", node.person.interests.join(LIST_SEPARATOR)));
        }
        attrs.push(("cluster", node.cluster.to_string()));
        attrs.push(("degree", node.degree.to_string()));
        let _ = writeln!(
            out,
            "  {}{};",
            quote(node.person.id.as_str()),
            attr_list(&attrs)
        );
    }
    for r in &net.relationships {
        let mut attrs = Vec::new();
        if let Some(k) = r
            .kind
            .as_deref()
            .filter(|k| !k.is_empty())
            .map(String::from)
        {
            attrs.push(("kind", k));
        }
        if let Some(s) = r.strength {
            attrs.push(("strength", s.to_string()));
        }
        if let Some(d) = r.since {
            attrs.push(("since", date(d)));
        }
        if let Some(n) = r.note.clone().filter(|n| !n.is_empty()) {
            attrs.push(("note", n));
        }
        let _ = writeln!(
            out,
            "  {} -- {}{};",
            quote(r.a.as_str()),
            quote(r.b.as_str()),
            attr_list(&attrs)
        );
    }
    out.push_str("}\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_and_escaped() {
        assert_eq!(quote("Ada"), "\"Ada\"");
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(quote("a\\"), "\"a\\\\\"");
        assert_eq!(quote("a\nb\r\nc\rd"), "\"a\\nb\\nc\\nd\"");
        assert_eq!(quote("a\u{7}b\tc"), "\"ab c\"");
        assert_eq!(quote("<b>x</b>"), "\"<b>x</b>\"");
    }
}
