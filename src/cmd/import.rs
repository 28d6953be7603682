//! `netweb import FILE`: read contacts from another tool's export, match them against
//! the network, and save once, under the lock (or, with --dry-run, only show the plan).

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::cli::{ImportArgs, ImportFormat};
use crate::cmd::Ctx;
use crate::formats::{self, Format, plan};
use crate::{render, store, usage};

/// Imports shorter than this finish before a progress line would be worth reading.
const PROGRESS_FROM: usize = 500;

pub fn run(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    let shown = args.path.display().to_string();
    let bytes = store::read_import(&args.path)?;
    let calendar = match args.format {
        Some(f) => f == ImportFormat::Ics,
        None => formats::is_calendar(&args.path, &bytes),
    };
    if calendar {
        return super::import_calendar::run(ctx, &args, &bytes);
    }
    if !args.me.is_empty() || args.add_unknown.is_some() {
        return Err(usage::bad(format!(
            "--me and --add-unknown are for calendar files (.ics), and {shown} is a list of \
             contacts\nhint: leave them out, or import the calendar export"
        )));
    }
    let format = args.format.and_then(contact_format);
    let parsed = formats::read(&args.path, &bytes, format)?;

    let show_progress = std::io::stderr().is_terminal() && parsed.people.len() >= PROGRESS_FROM;
    let mut progress = |done: usize, total: usize| {
        if show_progress && (done.is_multiple_of(100) || done == total) {
            let mut err = std::io::stderr();
            let _ = write!(err, "\rimporting {done}/{total}");
            if done == total {
                let _ = writeln!(err);
            }
        }
    };
    let mut report = if args.dry_run {
        let net = store::load(&ctx.file)?;
        plan::plan(&net, &parsed, ctx.today, &args.tags, &mut progress).0
    } else {
        store::update(&ctx.file, |net| {
            let (report, after) = plan::plan(net, &parsed, ctx.today, &args.tags, &mut progress);
            let changed = after != *net;
            *net = after;
            Ok((report, changed))
        })?
        .0
    };
    report.file = shown;
    report.dry_run = args.dry_run;

    if !args.dry_run {
        // Skipped rows and values left out are warnings: on stderr, `FILE:LINE: reason`,
        // so editors jump there.
        for e in &report.entries {
            if e.action == plan::Action::Skipped {
                ctx.note(render::import::skipped_line(&report.file, e));
            }
            for w in render::import::warning_lines(&report.file, e) {
                ctx.note(w);
            }
        }
    }
    if ctx.json {
        return ctx.print_json(&report);
    }
    render::import::write(&mut ctx.stdout(), &report)?;
    Ok(())
}

/// The contact format `--format` names; `None` for a calendar, which is read apart.
fn contact_format(f: ImportFormat) -> Option<Format> {
    Some(match f {
        ImportFormat::Vcard => Format::Vcard,
        ImportFormat::Linkedin => Format::Linkedin,
        ImportFormat::GoogleCsv => Format::GoogleCsv,
        ImportFormat::OutlookCsv => Format::Outlook,
        ImportFormat::Csv => Format::Csv,
        ImportFormat::Netweb => Format::Netweb,
        ImportFormat::Ics => return None,
    })
}
