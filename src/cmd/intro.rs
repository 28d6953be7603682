use anyhow::Result;
use serde::Serialize;

use crate::cli::IntroArgs;
use crate::cmd::Ctx;
use crate::model::Introduction;
use crate::ops::introduce;
use crate::render::{count, join_names};
use crate::{dates, resolve, store, text};

/// The most people one introduction may name: it links every pair among them (50 people
/// are 1,225 relationships), and an introduction of hundreds is a mistake in a script,
/// not a meeting. 400 people used to take 72 s under the lock.
pub const MAX_INTRO: usize = 50;

#[derive(Serialize)]
struct Recorded {
    introduction: Introduction,
    /// Relationships created among the people (pairs that did not know each other yet).
    new_relationships: usize,
    /// Relationships netweb had inferred among them, now confirmed by the introduction.
    confirmed_relationships: usize,
    /// The same people were already recorded as introduced that day: nothing changed.
    already_recorded: bool,
}

pub fn run(ctx: &Ctx, args: IntroArgs) -> Result<()> {
    if args.people.len() > MAX_INTRO {
        use clap::CommandFactory;
        crate::cli::Cli::command()
            .error(
                clap::error::ErrorKind::TooManyValues,
                format!(
                    "an introduction names at most {MAX_INTRO} people, and this one names {}; \
                     record it as several smaller introductions",
                    args.people.len()
                ),
            )
            .exit();
    }
    let date = match &args.date {
        Some(d) => dates::parse_past(d, ctx.today, "--date")?,
        None => ctx.today,
    };
    let ((recorded, names), _) = store::update(&ctx.file, |net| {
        let people = resolve::people(net, &args.people)?;
        let note = args.note.as_deref().and_then(text::non_blank);
        let done = introduce::introduce(net, people, date, note);
        let names: Vec<String> = done
            .introduction
            .people
            .iter()
            .map(|id| net.name_of(id).to_string())
            .collect();
        let changed = !done.already_recorded;
        let recorded = Recorded {
            introduction: done.introduction,
            new_relationships: done.new_relationships,
            confirmed_relationships: done.confirmed,
            already_recorded: done.already_recorded,
        };
        Ok(((recorded, names), changed))
    })?;
    if ctx.json {
        return ctx.print_json(&recorded);
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    if recorded.already_recorded {
        return ctx.say(format!(
            "already recorded: {} were introduced on {} ({}); nothing changed",
            join_names(&names),
            recorded.introduction.date,
            crate::refs::introduction(&recorded.introduction)
        ));
    }
    let confirmed = match recorded.confirmed_relationships {
        0 => String::new(),
        n => format!(", {} confirmed", count(n, "inferred one", "inferred ones")),
    };
    ctx.say(format!(
        "introduced {} on {} ({}{confirmed})",
        join_names(&names),
        recorded.introduction.date,
        count(
            recorded.new_relationships,
            "new relationship",
            "new relationships"
        )
    ))?;
    Ok(())
}
