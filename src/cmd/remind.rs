//! `netweb remind`: add a one-off reminder about a contact (`due` shows it from its day
//! on), list the reminders, or remove one by its short id once it is done.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::RemindArgs;
use crate::cmd::Ctx;
use crate::model::{Extra, PersonId, Reminder};
use crate::query::due::reminders::reminders;
use crate::refs::{self, Found};
use crate::text::non_blank;
use crate::{dates, render, resolve, store, usage};

/// A reminder as `remind` prints it after adding or removing one: the fields `remind
/// --list` and `due` print for each.
#[derive(Debug, Serialize)]
struct Shown {
    #[serde(rename = "ref")]
    reference: String,
    date: NaiveDate,
    days_late: i64,
    /// The person it is about.
    id: PersonId,
    name: String,
    text: String,
}

impl Shown {
    fn new(r: Reminder, name: &str, today: NaiveDate) -> Shown {
        Shown {
            reference: refs::reminder(&r),
            date: r.date,
            days_late: (today - r.date).num_days(),
            id: r.person,
            name: name.to_string(),
            text: r.text,
        }
    }
}

pub fn run(ctx: &Ctx, args: RemindArgs) -> Result<()> {
    if let Some(id) = &args.done {
        return done(ctx, id);
    }
    let (Some(person), Some(date)) = (&args.person, &args.date) else {
        return list(ctx);
    };
    let date = dates::parse_upcoming(date, ctx.today, "the date")?;
    let Some(text) = non_blank(&args.text.join(" ")) else {
        return Err(usage::bad(
            "the reminder's text is empty: say what to remember, e.g. \
             `netweb remind ada friday \"ask how the interview went\"`",
        ));
    };
    let (shown, _) = store::update(&ctx.file, |net| {
        let id = resolve::person(net, person)?;
        let reminder = Reminder {
            date,
            person: id.clone(),
            text,
            extra: Extra::new(),
        };
        net.reminders.push(reminder.clone());
        let shown = Shown::new(reminder, net.name_of(&id), ctx.today);
        Ok((shown, true))
    })?;
    if ctx.json {
        return ctx.print_json(&shown);
    }
    ctx.say(format!(
        "reminder {} about {} on {} ({}): {}",
        shown.reference,
        shown.name,
        shown.date,
        dates::relative(shown.date, ctx.today),
        shown.text
    ))
}

fn list(ctx: &Ctx) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let list = reminders(&net, ctx.today, NaiveDate::MAX, |_| true);
    if ctx.json {
        return ctx.print_json(&list);
    }
    if list.is_empty() {
        ctx.note(
            "netweb: no reminders; `netweb remind NAME DATE TEXT` adds one, which `due` shows \
             from that day on",
        );
        return Ok(());
    }
    render::reminders::write_reminders(&mut ctx.stdout(), &list, ctx.today, true)?;
    Ok(())
}

fn done(ctx: &Ctx, id: &str) -> Result<()> {
    let (shown, _) = store::update(&ctx.file, |net| {
        let found = refs::find(net, id);
        // Reminders with one id are identical: removing either is the same.
        let Some(&Found::Reminder(at)) = found.first() else {
            bail!(
                "no reminder has the id {id:?}\nhint: `netweb remind --list` and `netweb due` \
                 print the ids (r...)"
            );
        };
        let reminder = net.reminders.remove(at);
        let name = net.name_of(&reminder.person).to_string();
        Ok((Shown::new(reminder, &name, ctx.today), true))
    })?;
    if ctx.json {
        return ctx.print_json(&shown);
    }
    ctx.say(format!(
        "done: the reminder about {} on {} ({}); `netweb undo` brings it back",
        shown.name, shown.date, shown.text
    ))
}
