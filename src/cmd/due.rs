use anyhow::{Context, Result};

use crate::cadence::Cadence;
use crate::cli::DueArgs;
use crate::cmd::Ctx;
use crate::query::due;
use crate::render::count;
use crate::{render, store};

pub fn run(ctx: &Ctx, args: DueArgs) -> Result<()> {
    let horizon = match args.within.as_deref() {
        None => ctx.today,
        Some(w) => Cadence::parse(w)
            .with_context(|| format!("--within {w:?}"))?
            .after(ctx.today)
            .context("--within reaches past the end of the calendar")?,
    };
    // Birthdays and anniversaries are worth a look ahead even without --within.
    let ahead = match args.within {
        Some(_) => horizon,
        None => ctx
            .today
            .checked_add_days(chrono::Days::new(due::occasions::DEFAULT_DAYS))
            .unwrap_or(horizon),
    };
    let net = store::load(&ctx.file)?;
    let report = due::due(&net, ctx.today, horizon, ahead, args.tag.as_deref());
    if ctx.json {
        return ctx.print_json(&report.into_items());
    }
    if !report.snoozed.is_empty() {
        ctx.note(format!(
            "netweb: {} snoozed (`netweb snooze` lists them)",
            count(report.snoozed.len(), "person is", "people are")
        ));
    }
    if report.reminders.is_empty()
        && report.due.is_empty()
        && report.follow_ups.is_empty()
        && report.occasions.is_empty()
    {
        let anyone = net.people.iter().any(|p| p.every.is_some()) || !net.tag_cadences.is_empty();
        ctx.note(if anyone {
            "netweb: no one is due; `--within 2w` looks further ahead"
        } else {
            "netweb: no one has a cadence yet; set one with `netweb edit NAME --every 30d` \
             or for a tag with `netweb cadence TAG 30d`"
        });
        return Ok(());
    }
    render::due::write(&mut ctx.stdout(), &report, ctx.today)?;
    Ok(())
}
