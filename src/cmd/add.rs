use anyhow::{Result, bail};

use crate::cli::AddArgs;
use crate::cmd::{Ctx, fields};
use crate::model::{Person, PersonId, Relationship};
use crate::{resolve, store, text};

pub fn run(ctx: &Ctx, args: AddArgs) -> Result<()> {
    let Some(name) = text::non_blank(&args.name) else {
        return Err(crate::usage::bad(
            "the name is empty: give the person's name, e.g. netweb add \"Ada Larkwell\"",
        ));
    };
    // `append` (not `update`): on a large file it reads only who is there and splices
    // the new entries in, instead of decoding and rewriting every record.
    let person = store::append(&ctx.file, |net| {
        if !args.distinct
            && let Some(existing) = net
                .people
                .iter()
                .find(|p| p.name.as_str().to_lowercase() == name.to_lowercase())
        {
            bail!(
                "{} is already in your network as {}\nhint: `netweb edit {}` changes them; \
                 if this is a different person, add again with --distinct",
                existing.name,
                existing.id,
                existing.id
            );
        }
        let knows = resolve::people(net, &args.knows)?;
        let mut person = Person {
            id: PersonId::from(text::unique_slug(&name, |id| {
                net.people.iter().any(|p| p.id.as_str() == id)
            })),
            name: name.as_str().into(),
            added: Some(ctx.today),
            ..Person::default()
        };
        fields::apply(&mut person, &args.fields, ctx.today)?;
        let relationships = knows
            .into_iter()
            .map(|other| Relationship::new(person.id.clone(), other))
            .collect();
        let added = store::Appended {
            people: vec![person.clone()],
            relationships,
            ..store::Appended::default()
        };
        Ok((person, added))
    })?;
    if ctx.json {
        return ctx.print_json(&person);
    }
    ctx.say(format!("{}", person.id))?;
    Ok(())
}
