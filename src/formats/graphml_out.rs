//! `netweb export --format graphml`: the web as GraphML, for Gephi, yEd, Cytoscape and
//! networkx (`networkx.read_graphml`).
//!
//! An undirected `<graph>` with one `<node>` per person (the id as node id) and one
//! `<edge>` per relationship, their fields as `<data>` under `<key>` declarations: for
//! nodes `label` (the name), `company`, `role`, `location`, `tags`, `interests` (strings)
//! and `cluster`, `degree` (ints); for edges `kind`, `since`, `note` (strings) and
//! `strength` (int). A field a person or relationship does not have is left out.
//! All text is XML-escaped (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`), and the
//! characters XML 1.0 forbids (control characters other than tab and line feed, and
//! U+FFFE, U+FFFF) are dropped, so any name or note gives a well-formed document.

use std::fmt::Write as _;

use crate::formats::csv_out::LIST_SEPARATOR;
use crate::formats::dot_out::{date, nodes};
use crate::model::Network;

/// The `<key>` declarations: (id, for, type). Ids double as `attr.name`.
const KEYS: [(&str, &str, &str); 12] = [
    ("label", "node", "string"),
    ("company", "node", "string"),
    ("role", "node", "string"),
    ("location", "node", "string"),
    ("tags", "node", "string"),
    ("interests", "node", "string"),
    ("cluster", "node", "int"),
    ("degree", "node", "int"),
    ("kind", "edge", "string"),
    ("strength", "edge", "int"),
    ("since", "edge", "string"),
    ("note", "edge", "string"),
];

/// Text escaped for XML element content or a double-quoted attribute. In attributes
/// (`attr`), tab and line feed are written as references, so parsers keep them.
pub fn escape(text: &str, attr: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' if attr => out.push_str("&#10;"),
            '\r' | '\n' => out.push('\n'),
            '\t' if attr => out.push_str("&#9;"),
            '\t' => out.push('\t'),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "      <data key=\"{key}\">{}</data>",
        escape(value, false)
    );
}

/// The GraphML document for the network: its people and the relationships among them.
pub fn write(net: &Network) -> Vec<u8> {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    for (id, target, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"netweb\" edgedefault=\"undirected\">\n");
    for node in nodes(net) {
        let p = node.person;
        let _ = writeln!(out, "    <node id=\"{}\">", escape(p.id.as_str(), true));
        data(&mut out, "label", &p.name);
        for (key, value) in [
            ("company", &p.company),
            ("role", &p.role),
            ("location", &p.location),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                data(&mut out, key, v);
            }
        }
        if !p.tags.is_empty() {
            data(&mut out, "tags", &p.tags.join(LIST_SEPARATOR));
        }
        if !p.interests.is_empty() {
            data(&mut out, "interests", &p.interests.join(LIST_SEPARATOR));
        }
        data(&mut out, "cluster", &node.cluster.to_string());
        data(&mut out, "degree", &node.degree.to_string());
        out.push_str("    </node>\n");
    }
    for (i, r) in net.relationships.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            escape(r.a.as_str(), true),
            escape(r.b.as_str(), true)
        );
        if let Some(k) = r.kind.as_deref().filter(|k| !k.is_empty()) {
            data(&mut out, "kind", k);
        }
        if let Some(s) = r.strength {
            data(&mut out, "strength", &s.to_string());
        }
        if let Some(d) = r.since {
            data(&mut out, "since", &date(d));
        }
        if let Some(n) = r.note.as_deref().filter(|n| !n.is_empty()) {
            data(&mut out, "note", n);
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("<a href='x'>\"&\"</a>", false),
            "&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}\u{fffe}d", false), "abcd");
        assert_eq!(escape("a\tb\r\nc\rd", false), "a\tb\nc\nd");
        assert_eq!(escape("a\tb\nc", true), "a&#9;b&#10;c");
        assert_eq!(escape("Zoë 😀", false), "Zoë 😀");
    }
}
