use anyhow::Result;

use crate::cli::LogArgs;
use crate::cmd::Ctx;
use crate::model::{Extra, Interaction};
use crate::render::join_names;
use crate::text::{non_blank, normalize_term};
use crate::{dates, resolve, store};

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<()> {
    let date = match &args.date {
        Some(d) => dates::parse_past(d, ctx.today, "--date")?,
        None => ctx.today,
    };
    let kind = args
        .kind
        .as_deref()
        .map(normalize_term)
        .filter(|k| !k.is_empty());
    // `append`: on a large file only who is there is read, and the entry spliced in.
    let (interaction, names) = store::append(&ctx.file, |net| {
        let people = resolve::people(net, &args.people)?;
        let interaction = Interaction {
            date,
            people,
            kind,
            note: args.note.as_deref().and_then(non_blank),
            source: None,
            extra: Extra::new(),
        };
        let names: Vec<String> = interaction
            .people
            .iter()
            .map(|id| net.name_of(id).to_string())
            .collect();
        let added = store::Appended {
            interactions: vec![interaction.clone()],
            ..store::Appended::default()
        };
        Ok(((interaction, names), added))
    })?;
    if ctx.json {
        return ctx.print_json(&interaction);
    }
    ctx.say(format!(
        "logged {} with {} on {}",
        interaction.kind.as_deref().unwrap_or("contact"),
        join_names(&names),
        interaction.date
    ))?;
    Ok(())
}
