use anyhow::Result;

use crate::cli::UndoArgs;
use crate::cmd::Ctx;
use crate::store::history;

pub fn run(ctx: &Ctx, args: UndoArgs) -> Result<()> {
    if args.list {
        let changes = history::list(&ctx.file)?;
        if ctx.json {
            return ctx.print_json(&changes);
        }
        if changes.is_empty() {
            ctx.note("netweb: no changes recorded yet; every change netweb makes from now on can be undone");
        }
        for c in &changes {
            let state = if c.undone { "  (undone)" } else { "" };
            ctx.say(format!("{}  {}{state}", c.at, c.command))?;
        }
        return Ok(());
    }
    let done = history::undo(&ctx.file, args.steps.map(usize::from))?;
    if ctx.json {
        return ctx.print_json(&done);
    }
    let verb = if done.action == "redo" {
        "redid"
    } else {
        "undid"
    };
    for c in &done.changes {
        ctx.say(format!("{verb}: {} ({})", c.command, c.at))?;
    }
    if done.action == "undo" {
        ctx.note("netweb: `netweb undo` again redoes it");
    }
    Ok(())
}
