//! `netweb export`: the network, or the people a filter picks, as JSON, CSV, vCard, DOT,
//! GraphML, an HTML map or an iCalendar feed, on standard output or atomically into a
//! file.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::{ExportArgs, ExportFormat, VcardVersion};
use crate::cmd::Ctx;
use crate::formats::{csv_out, dot_out, graphml_out, html, ics_out, vcard_out};
use crate::ops::subset::subset;
use crate::query::list::Filter;
use crate::render::count;
use crate::store;

/// What `--json` prints after an export into a file (`-o`).
#[derive(Debug, Serialize)]
pub struct Exported {
    pub file: String,
    pub format: &'static str,
    pub people: usize,
    pub relationships: usize,
    pub interactions: usize,
    pub introductions: usize,
    pub reminders: usize,
    /// With `--format ics`: how many events the calendar holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<usize>,
}

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    if let Some(out) = &args.output {
        store::check_export_target(out, &ctx.file)?;
    }
    let net = store::load(&ctx.file)?;
    let filter = Filter::from(args.filter);
    let filtered = filter.interest.is_some()
        || filter.tag.is_some()
        || filter.company.is_some()
        || filter.search.is_some();
    let net = if filtered { subset(&net, &filter) } else { net };
    let mut events = None;
    let (bytes, format) = match args.format {
        ExportFormat::Json => (store::to_bytes(&net)?, "json"),
        ExportFormat::Csv => (csv_out::write(&net.people)?, "csv"),
        ExportFormat::Vcard => {
            let version = match args.vcard_version {
                VcardVersion::V3 => vcard_out::Version::V3,
                VcardVersion::V4 => vcard_out::Version::V4,
            };
            (vcard_out::write(&net, version), "vcard")
        }
        ExportFormat::Dot => (dot_out::write(&net), "dot"),
        ExportFormat::Graphml => (graphml_out::write(&net), "graphml"),
        ExportFormat::Html => (html::write(&net)?, "html"),
        ExportFormat::Ics => {
            let (bytes, n) = ics_out::write(&net, ctx.today, ctx.now);
            events = Some(n);
            (bytes, "ics")
        }
    };
    let Some(path) = args.output else {
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()?;
        return Ok(());
    };
    store::write_export(&path, &bytes)?;
    let done = Exported {
        file: path.display().to_string(),
        format,
        people: net.people.len(),
        relationships: net.relationships.len(),
        interactions: net.interactions.len(),
        introductions: net.introductions.len(),
        reminders: net.reminders.len(),
        events,
    };
    if ctx.json {
        return ctx.print_json(&done);
    }
    let what = match done.events {
        Some(n) => count(n, "event", "events"),
        None => count(done.people, "person", "people"),
    };
    ctx.say(format!("exported {what} to {} ({format})", done.file))?;
    Ok(())
}
