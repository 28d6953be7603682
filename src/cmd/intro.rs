use std::collections::HashSet;

use anyhow::Result;
use serde::Serialize;

use crate::cli::IntroArgs;
use crate::cmd::Ctx;
use crate::model::{Extra, Introduction, PersonId, Relationship};
use crate::render::{count, join_names};
use crate::{dates, resolve, store, text};

/// The relationship kind an introduction creates.
pub const INTRODUCED: &str = "introduced";

/// The most people one introduction may name: it links every pair among them (50 people
/// are 1,225 relationships), and an introduction of hundreds is a mistake in a script,
/// not a meeting. 400 people used to take 72 s under the lock.
pub const MAX_INTRO: usize = 50;

#[derive(Serialize)]
struct Recorded {
    introduction: Introduction,
    /// Relationships created among the people (pairs that did not know each other yet).
    new_relationships: usize,
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
        let same_people = |x: &Introduction| {
            x.people.len() == people.len() && people.iter().all(|p| x.people.contains(p))
        };
        if let Some(x) = net
            .introductions
            .iter()
            .find(|x| x.date == date && same_people(x))
        {
            let names = x
                .people
                .iter()
                .map(|id| net.name_of(id).to_string())
                .collect();
            return Ok((
                (
                    Recorded {
                        introduction: x.clone(),
                        new_relationships: 0,
                        already_recorded: true,
                    },
                    names,
                ),
                false,
            ));
        }
        let mut new_relationships = 0;
        // The pairs that know each other already, found in one pass over the
        // relationships rather than one pass per pair.
        let named: HashSet<&PersonId> = people.iter().collect();
        let known: HashSet<(&PersonId, &PersonId)> = net
            .relationships
            .iter()
            .filter(|r| named.contains(&r.a) && named.contains(&r.b))
            .flat_map(|r| [(&r.a, &r.b), (&r.b, &r.a)])
            .collect();
        let mut new = Vec::new();
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                if !known.contains(&(a, b)) {
                    let mut r = Relationship::new(a.clone(), b.clone());
                    r.kind = Some(INTRODUCED.into());
                    r.since = Some(date);
                    new.push(r);
                    new_relationships += 1;
                }
            }
        }
        net.relationships.extend(new);
        let introduction = Introduction {
            date,
            people,
            note: args.note.as_deref().and_then(text::non_blank),
            extra: Extra::new(),
        };
        net.introductions.push(introduction.clone());
        let names: Vec<String> = introduction
            .people
            .iter()
            .map(|id| net.name_of(id).to_string())
            .collect();
        Ok((
            (
                Recorded {
                    introduction,
                    new_relationships,
                    already_recorded: false,
                },
                names,
            ),
            true,
        ))
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
    ctx.say(format!(
        "introduced {} on {} ({})",
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
