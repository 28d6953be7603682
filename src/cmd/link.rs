use anyhow::{Result, bail};
use serde::Serialize;

use crate::cli::LinkArgs;
use crate::cmd::{Ctx, fields};
use crate::model::Relationship;
use crate::ops::ties;
use crate::{dates, resolve, store};

#[derive(Serialize)]
struct Linked {
    relationship: Relationship,
    /// Whether the pair is new (false: an existing relationship was updated or unchanged).
    created: bool,
    /// The reason the tie had been inferred for, when this link confirmed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    confirmed: Option<String>,
}

pub fn run(ctx: &Ctx, args: LinkArgs) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(|d| dates::parse_past(d, ctx.today, "--since"))
        .transpose()?;
    let ((linked, names), written) = store::update(&ctx.file, |net| {
        let a = resolve::person(net, &args.a)?;
        let b = resolve::person(net, &args.b)?;
        if a == b {
            bail!(
                "{} and {} are the same person: a relationship needs two people",
                args.a,
                args.b
            );
        }
        let names = (net.name_of(&a).to_string(), net.name_of(&b).to_string());
        // A link of an inferred pair confirms it: `infer --undo` keeps it.
        let ties::Known {
            at,
            created,
            confirmed,
        } = ties::know(net, &a, &b);
        let r = &mut net.relationships[at];
        let before = r.clone();
        fields::set_text(&mut r.kind, args.kind.as_deref());
        fields::set_text(&mut r.note, args.note.as_deref());
        if args.strength.is_some() {
            r.strength = args.strength;
        }
        if since.is_some() {
            r.since = since;
        }
        let changed = created || confirmed.is_some() || *r != before;
        Ok((
            (
                Linked {
                    relationship: r.clone(),
                    created,
                    confirmed,
                },
                names,
            ),
            changed,
        ))
    })?;
    if ctx.json {
        return ctx.print_json(&linked);
    }
    let verb = match (linked.created, written) {
        (true, _) => "linked",
        (false, _) if linked.confirmed.is_some() => "confirmed the inferred link between",
        (false, true) => "updated the link between",
        (false, false) => "already linked, nothing changed:",
    };
    let r = &linked.relationship;
    let mut details = Vec::new();
    details.extend(r.kind.as_deref().map(String::from));
    details.extend(r.strength.map(|s| format!("strength {s}")));
    details.extend(r.since.map(|d| format!("since {d}")));
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join(", "))
    };
    ctx.say(format!("{verb} {} and {}{details}", names.0, names.1))?;
    if let Some(why) = &linked.confirmed {
        ctx.note(format!(
            "netweb: it had been inferred ({why}); `netweb infer --undo` now keeps it"
        ));
    }
    Ok(())
}
