use anyhow::{Result, bail};

use crate::cli::AddArgs;
use crate::cmd::{Ctx, fields};
use crate::model::{Person, PersonId, Relationship};
use crate::{resolve, store, text};

pub fn run(ctx: &Ctx, args: AddArgs) -> Result<()> {
    let Some(name) = text::non_blank(&args.name) else {
        bail!("the name is empty: give the person's name, e.g. netweb add \"Ada Lovelace\"");
    };
    let (person, _) = store::update(&ctx.file, |net| {
        if !args.distinct
            && let Some(existing) = net
                .people
                .iter()
                .find(|p| p.name.to_lowercase() == name.to_lowercase())
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
            name: name.clone(),
            added: Some(ctx.today),
            ..Person::default()
        };
        fields::apply(&mut person, &args.fields, ctx.today)?;
        for other in knows {
            net.relationships
                .push(Relationship::new(person.id.clone(), other));
        }
        net.people.push(person.clone());
        Ok((person, true))
    })?;
    if ctx.json {
        return ctx.print_json(&person);
    }
    use std::io::Write;
    writeln!(ctx.stdout(), "{}", person.id)?;
    Ok(())
}
