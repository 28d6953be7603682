//! Another netweb data file: its people are merged by the same rules as any contact
//! (see `plan`), their ids remapped to this network's, and their relationships,
//! interactions, introductions and reminders brought along without doubling what is already here.

use std::path::Path;

use anyhow::{Context, Result};

use super::{Format, Incoming, Parsed, not_a};
use crate::model::FORMAT_VERSION;
use crate::store;

pub fn parse(path: &Path, text: &str) -> Result<Parsed> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| not_a(path, "a netweb data file", &format!("it is not JSON ({e})")))?;
    let looks_right = value.as_object().is_some_and(|o| {
        o.get("people").is_some_and(|p| p.is_array()) || o.contains_key("version")
    });
    if !looks_right {
        return Err(not_a(
            path,
            "a netweb data file",
            "it has no \"people\" list",
        ));
    }
    let net = store::parse(path, text.as_bytes())
        .with_context(|| format!("{} cannot be imported", path.display()))?;
    if net.version > FORMAT_VERSION {
        anyhow::bail!(
            "{} is format version {}, but this netweb only knows up to version {FORMAT_VERSION}: \
             upgrade netweb to import it",
            path.display(),
            net.version
        );
    }
    Ok(Parsed {
        format: Format::Netweb,
        people: net
            .people
            .into_iter()
            .map(|person| Incoming {
                line: None,
                person,
                left_out: Vec::new(),
            })
            .collect(),
        relationships: net.relationships,
        interactions: net.interactions,
        introductions: net.introductions,
        reminders: net.reminders,
        problems: Vec::new(),
        links: Vec::new(),
        encoding: "UTF-8",
    })
}
