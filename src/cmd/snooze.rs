//! `netweb snooze`: leave a contact out of `due` until a day, end a snooze, or list who
//! is snoozed. The day is kept among the person's preserved fields (`snoozed_until`), so
//! the data file and its CSV header stay as they were.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;

use crate::cadence::Cadence;
use crate::cli::SnoozeArgs;
use crate::cmd::Ctx;
use crate::extra_fields::{self as fields, SNOOZED_UNTIL};
use crate::model::PersonId;
use crate::query::due::TagCadences;
use crate::query::due::reminders::snoozed;
use crate::{dates, render, resolve, store, usage};

/// What `snooze PERSON ...` did; `--json` prints it.
#[derive(Debug, Serialize)]
struct Snooze {
    id: PersonId,
    name: String,
    /// The day they are back in `due`; null after `--off`.
    until: Option<NaiveDate>,
    /// The snooze they had before (null: none).
    previous: Option<NaiveDate>,
    /// Whether they have a cadence at all (without one, `due` never lists them).
    has_cadence: bool,
}

pub fn run(ctx: &Ctx, args: SnoozeArgs) -> Result<()> {
    let Some(person) = &args.person else {
        return list(ctx);
    };
    let until = match (&args.duration, &args.until) {
        (Some(d), _) => Some(
            Cadence::parse(d)
                .map_err(|e| usage::bad(e.to_string()))?
                .after(ctx.today)
                .with_context(|| format!("{d:?} reaches past the end of the calendar"))?,
        ),
        (None, Some(text)) => {
            let day = dates::parse_upcoming(text, ctx.today, "--until")?;
            if day == ctx.today {
                return Err(usage::bad(format!(
                    "--until {text:?} is today, which ends a snooze at once; give a later day \
                     (tomorrow, friday, in 2 weeks), or `--off` to end one"
                )));
            }
            Some(day)
        }
        // `--off` (clap asks for one of the three).
        (None, None) => None,
    };
    let (done, written) = store::update(&ctx.file, |net| {
        let id = resolve::person(net, person)?;
        let has_cadence = TagCadences::new(net)
            .of(net.person(&id).expect("resolved ids exist"))
            .is_some();
        let p = net.person_mut(&id).expect("resolved ids exist");
        let before = p.extra.get(SNOOZED_UNTIL).cloned();
        let previous = fields::date(p, SNOOZED_UNTIL);
        fields::set_text(&mut p.extra, SNOOZED_UNTIL, until.map(|d| d.to_string()));
        let changed = p.extra.get(SNOOZED_UNTIL) != before.as_ref();
        let done = Snooze {
            name: p.name.to_string(),
            id,
            until,
            previous,
            has_cadence,
        };
        Ok((done, changed))
    })?;
    if ctx.json {
        return ctx.print_json(&done);
    }
    match done.until {
        Some(until) => {
            ctx.say(format!(
                "snoozed {} until {until} ({}); `netweb snooze {} --off` ends it sooner",
                done.name,
                dates::relative(until, ctx.today),
                done.id
            ))?;
            if !done.has_cadence {
                ctx.note(format!(
                    "netweb: {} has no cadence, so `due` does not list them anyway; \
                     set one with `netweb edit {} --every 30d`",
                    done.name, done.id
                ));
            }
        }
        None if written => ctx.say(format!(
            "{} is no longer snoozed{}",
            done.name,
            done.previous
                .map(|d| format!(" (was until {d})"))
                .unwrap_or_default()
        ))?,
        None => ctx.say(format!("{} is not snoozed; nothing changed", done.name))?,
    }
    Ok(())
}

fn list(ctx: &Ctx) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let list = snoozed(&net, ctx.today);
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        ctx.note(
            "netweb: no one is snoozed; `netweb snooze NAME 2w` leaves someone out of `due` \
             for two weeks",
        );
        return Ok(());
    }
    render::reminders::write_snoozed(&mut ctx.stdout(), &list, ctx.today)?;
    Ok(())
}
