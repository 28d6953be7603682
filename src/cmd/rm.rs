use anyhow::Result;

use crate::cli::RmArgs;
use crate::cmd::Ctx;
use crate::ops::remove::remove;
use crate::render::count;
use crate::{resolve, store};

pub fn run(ctx: &Ctx, args: RmArgs) -> Result<()> {
    let (removed, _) = store::update(&ctx.file, |net| {
        let id = resolve::exact_person(net, &args.person, args.yes, "rm")?;
        Ok((remove(net, &id), true))
    })?;
    if ctx.json {
        return ctx.print_json(&removed);
    }
    let history = [
        (
            removed.interactions_deleted,
            "interaction deleted",
            "interactions deleted",
        ),
        (
            removed.interactions_updated,
            "group interaction updated",
            "group interactions updated",
        ),
        (
            removed.introductions_deleted,
            "introduction deleted",
            "introductions deleted",
        ),
        (
            removed.introductions_updated,
            "introduction updated",
            "introductions updated",
        ),
        (
            removed.reminders_deleted,
            "reminder deleted",
            "reminders deleted",
        ),
    ];
    let history: Vec<String> = history
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| count(*n, one, many))
        .collect();
    // "removed Bob (bob) and 2 relationships; 3 interactions deleted, 1 introduction
    // updated": what went with the person, then what changed in the history.
    let mut line = format!("removed {} ({})", removed.person.name, removed.person.id);
    if removed.relationships > 0 {
        line += &format!(
            " and {}",
            count(removed.relationships, "relationship", "relationships")
        );
    }
    if !history.is_empty() {
        line += &format!("; {}", history.join(", "));
    }
    ctx.say(line)?;
    Ok(())
}
