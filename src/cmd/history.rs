use anyhow::Result;
use serde::Serialize;

use crate::cli::HistoryArgs;
use crate::cmd::Ctx;
use crate::query::history::{self, Change, Event};
use crate::{render, resolve, store};

#[derive(Serialize)]
struct Timeline<'a> {
    id: &'a str,
    name: &'a str,
    events: Vec<Event>,
}

pub fn run(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let id = resolve::person(&net, &args.person)?;
    // The undo history is extra detail: a damaged one only leaves the changes out.
    let recorded = store::history::list(&ctx.file).unwrap_or_default();
    let changes: Vec<Change> = recorded
        .iter()
        .rev()
        .filter(|e| e.mentions(id.as_str()))
        .map(|e| Change {
            at: &e.at,
            command: &e.command,
            undone: e.undone,
        })
        .collect();
    let events = history::timeline(&net, &id, &changes);
    let person = net.person(&id).expect("resolved");
    if ctx.json {
        return ctx.print_json(&Timeline {
            id: id.as_str(),
            name: &person.name,
            events,
        });
    }
    render::history::write(&mut ctx.stdout(), person, &events)?;
    Ok(())
}
