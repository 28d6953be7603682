use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::RmArgs;
use crate::cmd::Ctx;
use crate::model::{Network, Person, PersonId};
use crate::render::count;
use crate::{resolve, store};

/// What a removal took with it.
#[derive(Debug, Serialize)]
pub struct Removed {
    pub person: Person,
    /// Relationships with the person, all deleted.
    pub relationships: usize,
    /// Interactions that were only with this person, deleted.
    pub interactions_deleted: usize,
    /// Group interactions the person was taken out of.
    pub interactions_updated: usize,
    /// Introductions left with fewer than two people, deleted.
    pub introductions_deleted: usize,
    /// Introductions of three or more the person was taken out of.
    pub introductions_updated: usize,
}

pub fn run(ctx: &Ctx, args: RmArgs) -> Result<()> {
    let (removed, _) = store::update(&ctx.file, |net| {
        let id = exactly(net, &args.person, args.yes, "rm")?;
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

/// Resolves a person for a command that destroys (`rm`, `merge`): an exact id or full
/// name (case aside), or with `--yes` the start of one that matches one person only.
/// `rm y` used to remove whoever's name began with a y.
pub fn exactly(net: &Network, query: &str, yes: bool, command: &str) -> Result<PersonId> {
    let id = resolve::person(net, query)?;
    let q = query.trim().to_lowercase();
    let name = net.name_of(&id);
    if yes || id.as_str() == q || name.to_lowercase() == q {
        return Ok(id);
    }
    bail!(
        "{query:?} is not a full name or id: did you mean {name} ({id})?\nhint: `netweb \
         {command}` changes the network for good, so give the full name or id (e.g. {id}), \
         or add --yes to accept the match"
    )
}

/// Removes a person and every reference to them, so no id dangles.
pub fn remove(net: &mut Network, id: &PersonId) -> Removed {
    let at = net
        .people
        .iter()
        .position(|p| &p.id == id)
        .expect("resolved ids exist");
    let person = net.people.remove(at);
    let before = net.relationships.len();
    net.relationships.retain(|r| !r.touches(id));
    let relationships = before - net.relationships.len();

    let (mut interactions_deleted, mut interactions_updated) = (0, 0);
    net.interactions.retain_mut(|x| {
        if !x.people.contains(id) {
            return true;
        }
        x.people.retain(|p| p != id);
        let keep = !x.people.is_empty();
        if keep {
            interactions_updated += 1
        } else {
            interactions_deleted += 1
        }
        keep
    });
    let (mut introductions_deleted, mut introductions_updated) = (0, 0);
    net.introductions.retain_mut(|x| {
        if !x.people.contains(id) {
            return true;
        }
        x.people.retain(|p| p != id);
        let keep = x.people.len() >= 2;
        if keep {
            introductions_updated += 1
        } else {
            introductions_deleted += 1
        }
        keep
    });
    Removed {
        person,
        relationships,
        interactions_deleted,
        interactions_updated,
        introductions_deleted,
        introductions_updated,
    }
}
