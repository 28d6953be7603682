//! `netweb merge A B`: B is a duplicate of A; unite them into A and remove B.

use anyhow::{Result, bail};

use crate::cli::MergeArgs;
use crate::cmd::Ctx;
use crate::ops::merge;
use crate::render::count;
use crate::{resolve, store};

pub fn run(ctx: &Ctx, args: MergeArgs) -> Result<()> {
    let (merged, _) = store::update(&ctx.file, |net| {
        let keep = resolve::exact_person(net, &args.a, args.yes, "merge")?;
        let gone = resolve::exact_person(net, &args.b, args.yes, "merge")?;
        if keep == gone {
            bail!(
                "{:?} and {:?} are both {} ({}): a person cannot be merged with themself\nhint: name two different records, e.g. `netweb merge ada-larkwell ada-larkwell-2`",
                args.a,
                args.b,
                net.name_of(&keep),
                keep
            );
        }
        Ok((merge::merge(net, &keep, &gone), true))
    })?;
    if ctx.json {
        return ctx.print_json(&merged);
    }
    ctx.say(format!(
        "merged {} ({}) into {} ({})",
        merged.merged.name, merged.merged.id, merged.person.name, merged.person.id
    ))?;
    if !merged.changed.is_empty() {
        ctx.say(format!("  + {}", merged.changed.join(", ")))?;
    }
    for also in &merged.also {
        ctx.say(format!(
            "  kept {} {:?}; {:?} went into the notes",
            also.field,
            kept_value(&merged.person, &also.field),
            also.value
        ))?;
    }
    let parts: Vec<String> = [
        (
            merged.relationships_repointed,
            "relationship repointed",
            "relationships repointed",
        ),
        (
            merged.relationships_merged,
            "relationship merged with one already there",
            "relationships merged with ones already there",
        ),
        (
            merged.relationships_dropped,
            "relationship between the two dropped",
            "relationships between the two dropped",
        ),
        (
            merged.interactions_updated,
            "interaction updated",
            "interactions updated",
        ),
        (
            merged.introductions_updated,
            "introduction updated",
            "introductions updated",
        ),
        (
            merged.introductions_deleted,
            "introduction between the two deleted",
            "introductions between the two deleted",
        ),
        (
            merged.reminders_updated,
            "reminder moved",
            "reminders moved",
        ),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count(*n, one, many))
    .collect();
    if !parts.is_empty() {
        ctx.say(format!("  {}", parts.join(", ")))?;
    }
    Ok(())
}

/// The kept person's own value of a field named in an `also` line.
fn kept_value(p: &crate::model::Person, field: &str) -> String {
    let text = match field {
        "name" => Some(p.name.to_string()),
        "company" => p.company.as_deref().map(String::from),
        "role" => p.role.as_deref().map(String::from),
        "location" => p.location.as_deref().map(String::from),
        "every" => p.every.as_deref().map(String::from),
        key => p.extra.get(key).map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }),
    };
    text.unwrap_or_default()
}
