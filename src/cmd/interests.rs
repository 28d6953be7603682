use anyhow::{Result, bail};

use crate::cli::{InterestsAction, InterestsArgs};
use crate::cmd::Ctx;
use crate::query::interests;
use crate::text::normalize_term;
use crate::{render, store};

pub fn run(ctx: &Ctx, args: InterestsArgs) -> Result<()> {
    match args.action {
        None => list(ctx, args.all),
        Some(InterestsAction::Rename { old, new }) => rename(ctx, &old, &new),
    }
}

fn list(ctx: &Ctx, all: bool) -> Result<()> {
    let net = store::load(&ctx.file)?;
    let found = interests::vocabulary(&net);
    if ctx.json {
        return ctx.print_json(&found);
    }
    if found.interests.is_empty() && found.offers.is_empty() && found.seeks.is_empty() {
        ctx.note("netweb: nobody has interests, offers or seeks yet; `netweb edit NAME --interest TERM` adds one");
        return Ok(());
    }
    render::interests::write(&mut ctx.stdout(), &found, all)?;
    Ok(())
}

fn rename(ctx: &Ctx, old: &str, new: &str) -> Result<()> {
    let (old, new) = (normalize_term(old), normalize_term(new));
    if old.is_empty() || new.is_empty() {
        return Err(crate::usage::bad(
            "both terms must have some text: `netweb interests rename OLD NEW`",
        ));
    }
    if old == new {
        bail!("{old:?} and {new:?} are the same term once lower-cased: nothing to rename");
    }
    let (done, _) = store::update(&ctx.file, |net| {
        let held = net.people.iter().any(|p| {
            interests::fields(p)
                .iter()
                .any(|(_, l)| l.iter().any(|t| *t == old))
        });
        if !held {
            let v = interests::vocabulary(net);
            let all = v.interests.iter().chain(&v.offers).chain(&v.seeks);
            let close = all
                .map(|t| (strsim::levenshtein(&t.term, &old), &t.term))
                .filter(|(d, _)| *d <= 2)
                .min()
                .map(|(_, t)| format!("\nhint: did you mean {t:?}?"))
                .unwrap_or_default();
            bail!("nobody has {old:?} as an interest, offer or seek{close}");
        }
        let done = crate::ops::rename::rename(net, &old, &new);
        let changed = done.people > 0 && old != new;
        Ok((done, changed))
    })?;
    if ctx.json {
        return ctx.print_json(&done);
    }
    let mut fields = Vec::new();
    for (n, what) in [
        (done.interests, "interests"),
        (done.offers, "offers"),
        (done.seeks, "seeks"),
    ] {
        if n > 0 {
            fields.push(format!("{n} in {what}"));
        }
    }
    ctx.say(format!(
        "renamed {:?} to {:?} for {} ({})",
        done.old,
        done.new,
        render::count(done.people, "person", "people"),
        fields.join(", ")
    ))?;
    Ok(())
}
