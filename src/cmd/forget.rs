use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::ForgetArgs;
use crate::cmd::Ctx;
use crate::model::{Interaction, Introduction};
use crate::refs::{self, Found};
use crate::render::join_names;
use crate::{store, usage};

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Forgotten {
    Interaction(Interaction),
    Introduction(Introduction),
}

pub fn run(ctx: &Ctx, args: ForgetArgs) -> Result<()> {
    let ((gone, names), _) = store::update(&ctx.file, |net| {
        let found = refs::find(net, &args.id);
        let Some(first) = found.first() else {
            bail!(
                "no interaction or introduction has the id {:?}\nhint: `netweb show PERSON`, \
                 `netweb history PERSON` and `netweb intros` print the ids",
                args.id
            );
        };
        // Records with one id are identical: removing either is the same.
        let gone = match *first {
            Found::Interaction(i) => Forgotten::Interaction(net.interactions.remove(i)),
            Found::Introduction(i) => Forgotten::Introduction(net.introductions.remove(i)),
            Found::Reminder(_) => {
                return Err(usage::bad(format!(
                    "{:?} is a reminder: `netweb remind --done {}` removes it",
                    args.id,
                    args.id.trim()
                )));
            }
        };
        let people = match &gone {
            Forgotten::Interaction(x) => &x.people,
            Forgotten::Introduction(x) => &x.people,
        };
        let names: Vec<String> = people
            .iter()
            .map(|id| net.name_of(id).to_string())
            .collect();
        Ok(((gone, names), true))
    })?;
    if ctx.json {
        return ctx.print_json(&gone);
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let what = match &gone {
        Forgotten::Interaction(x) => format!(
            "{} with {} on {}",
            x.kind.as_deref().unwrap_or("contact"),
            join_names(&names),
            x.date
        ),
        Forgotten::Introduction(x) => {
            format!("the introduction of {} on {}", join_names(&names), x.date)
        }
    };
    ctx.say(format!("forgot {what} (`netweb undo` brings it back)"))
}
