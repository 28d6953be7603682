//! `netweb import FILE.ics`: a calendar's past meetings as contact history. Reads and
//! expands the file (pure, `formats::ics`), plans the interactions and ties against the
//! network, and saves once, under the lock (or, with --dry-run, only shows the plan).

use anyhow::{Result, bail};

use crate::cli::ImportArgs;
use crate::cmd::Ctx;
use crate::formats::decode;
use crate::formats::ics::{self, plan};
use crate::model::Network;
use crate::{render, store, usage};

pub fn run(ctx: &Ctx, args: &ImportArgs, bytes: &[u8]) -> Result<()> {
    let shown = args.path.display().to_string();
    for email in &args.me {
        let e = email.trim();
        if e.is_empty() || !e.contains('@') || e.contains(char::is_whitespace) {
            return Err(usage::bad(format!(
                "--me {email:?} is not an email address: give one of your own, e.g. --me you@example.org"
            )));
        }
    }
    let Some(decoded) = decode::decode(bytes) else {
        bail!("{shown} is not a text file (it holds NUL bytes), so it is not a calendar");
    };
    let calendar = ics::read(&args.path, &decoded.text, ctx.today)?;
    let options = plan::Options {
        me: args.me.iter().map(|m| m.trim().to_string()).collect(),
        add_unknown: args.add_unknown.map(|n| n as usize),
        tags: args.tags.clone(),
    };
    let decide = |net: &Network| -> Result<(plan::Report, Network)> {
        if options.add_unknown.is_some() && net.me.is_empty() && options.me.is_empty() {
            let hint = calendar
                .name
                .as_deref()
                .filter(|n| n.contains('@'))
                .map(|n| format!(" (this calendar is named {n})"))
                .unwrap_or_default();
            return Err(usage::bad(format!(
                "--add-unknown needs to know your own addresses first, or you would be added \
                 as your own contact: say them with --me EMAIL{hint}"
            )));
        }
        Ok(plan::plan(
            net,
            &calendar.expanded,
            calendar.events,
            &options,
            ctx.today,
        ))
    };
    let (mut report, after) = if args.dry_run {
        let (report, after) = decide(&store::load(&ctx.file)?)?;
        (report, Some(after))
    } else {
        let (report, _) = store::update(&ctx.file, |net| {
            let (report, after) = decide(net)?;
            let changed = after != *net;
            *net = after;
            Ok((report, changed))
        })?;
        (report, None)
    };
    report.file = shown;
    report.dry_run = args.dry_run;

    if !args.dry_run {
        for s in &report.skipped {
            ctx.note(render::calendar::skipped_line(&report.file, s));
        }
    }
    if report.me.is_empty() && !ctx.json {
        let named = calendar.name.as_deref().filter(|n| n.contains('@'));
        ctx.note(format!(
            "hint: netweb does not know your own addresses, so you count as an unknown \
             attendee; say them once with --me {}",
            named.unwrap_or("EMAIL")
        ));
    }
    if ctx.json {
        return ctx.print_json(&report);
    }
    render::calendar::write(&mut ctx.stdout(), &report, after.as_ref())?;
    Ok(())
}
