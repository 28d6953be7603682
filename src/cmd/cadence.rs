use anyhow::Result;
use serde::Serialize;

use crate::cadence::Cadence;
use crate::cli::CadenceArgs;
use crate::cmd::Ctx;
use crate::query::due;
use crate::render::count;
use crate::text::normalize_term;
use crate::{render, store};

#[derive(Serialize)]
struct Set<'a> {
    tag: &'a str,
    /// The new cadence; null when it was cleared.
    every: Option<String>,
    /// The cadence it replaced, if any.
    previous: Option<String>,
    people: usize,
    own_cadence: usize,
}

pub fn run(ctx: &Ctx, args: CadenceArgs) -> Result<()> {
    let Some(raw_tag) = args.tag.as_deref() else {
        let net = store::load(&ctx.file)?;
        let list = due::tag_cadences(&net);
        if ctx.json {
            return ctx.print_json(&list);
        }
        if list.is_empty() {
            ctx.note(
                "netweb: no tag has a cadence yet; set one with e.g. `netweb cadence family 14d`",
            );
            return Ok(());
        }
        render::due::write_cadences(&mut ctx.stdout(), &list)?;
        return Ok(());
    };
    let tag = normalize_term(raw_tag);
    if tag.is_empty() {
        return Err(crate::usage::bad(
            "the tag is empty: give one, e.g. netweb cadence family 14d",
        ));
    }
    let Some(every) = args.every.as_deref() else {
        let net = store::load(&ctx.file)?;
        let one = due::tag_cadence(&net, &tag);
        if ctx.json {
            return ctx.print_json(&one);
        }
        render::due::write_cadences(&mut ctx.stdout(), &[one])?;
        return Ok(());
    };
    let every = match every.trim() {
        e if e.eq_ignore_ascii_case("none") => None,
        e => Some(Cadence::parse(e)?.to_string()),
    };
    let ((previous, people, own_cadence), _) = store::update(&ctx.file, |net| {
        let before = net.tag_cadences.clone();
        // A hand-written key in another case or spacing is the same tag: replace it.
        let keys: Vec<String> = net
            .tag_cadences
            .keys()
            .filter(|k| normalize_term(k) == tag)
            .cloned()
            .collect();
        let mut previous = None;
        for k in keys {
            previous = net.tag_cadences.remove(&k).or(previous);
        }
        if let Some(e) = &every {
            net.tag_cadences.insert(tag.clone(), e.clone());
        }
        let info = due::tag_cadence(net, &tag);
        let changed = net.tag_cadences != before;
        Ok(((previous, info.people, info.own_cadence), changed))
    })?;
    if people == 0 && every.is_some() {
        ctx.note(format!(
            "netweb: warning: no one has the tag {tag:?} yet; add it with `netweb edit NAME --tag {tag}`"
        ));
    }
    let set = Set {
        tag: &tag,
        every,
        previous,
        people,
        own_cadence,
    };
    if ctx.json {
        return ctx.print_json(&set);
    }
    let who = count(set.people, "person", "people");
    let own = match set.own_cadence {
        0 => String::new(),
        n => format!(
            "; {n} of them {} their own",
            if n == 1 { "keeps" } else { "keep" }
        ),
    };
    match (&set.every, &set.previous) {
        (Some(e), Some(p)) if e == p => {
            ctx.say(format!("{tag}: already every {e} ({who}{own})"))?
        }
        (Some(e), Some(p)) => ctx.say(format!("{tag}: every {e}, was {p} ({who}{own})"))?,
        (Some(e), None) => ctx.say(format!("{tag}: every {e} ({who}{own})"))?,
        (None, Some(p)) => ctx.say(format!("{tag}: cadence cleared, was {p}"))?,
        (None, None) => ctx.say(format!("{tag}: had no cadence"))?,
    }
    Ok(())
}
