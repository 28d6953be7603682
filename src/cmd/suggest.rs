use anyhow::{Result, bail};

use crate::cli::SuggestArgs;
use crate::cmd::Ctx;
use crate::graph::Graph;
use crate::query::suggest::{self, Options, Prepared, groups};
use crate::text::normalize_term;
use crate::{render, resolve, store};

pub fn run(ctx: &Ctx, args: SuggestArgs) -> Result<()> {
    let t0 = std::time::Instant::now();
    let debug = std::env::var_os("NETWEB_DEBUG_MODEL").is_some();
    let net = store::load(&ctx.file)?;
    if debug {
        eprintln!("load: {:?}", t0.elapsed());
    }
    let for_person = args
        .for_person
        .as_deref()
        .map(|p| resolve::person(&net, p))
        .transpose()?;
    if let Some(id) = &for_person
        && net.person(id).is_some_and(|p| p.no_intros)
    {
        bail!(
            "{} does not want to be introduced (no_intros)\nhint: `netweb edit {id} --open-to-intros` changes that",
            net.name_of(id)
        );
    }
    let opts = Options {
        for_person,
        interest: args.interest.as_deref().map(normalize_term),
        tag: args.tag.as_deref().map(normalize_term),
        limit: args.limit,
        min_score: args.min_score,
    };
    let graph = Graph::build(&net);
    if debug {
        eprintln!("graph: {:?}", t0.elapsed());
    }
    let prepared = Prepared::new(&graph);
    if debug {
        eprintln!("prepared: {:?}", t0.elapsed());
    }
    if args.groups {
        let scope = suggest::scope(&prepared.ctx, &opts);
        let found = groups::groups(
            &prepared.ctx,
            &scope,
            opts.interest.as_deref(),
            opts.limit,
            opts.min_score.unwrap_or(0.0),
        );
        if ctx.json {
            return ctx.print_json(&found);
        }
        if found.is_empty() {
            ctx.note("netweb: no groups to suggest: no 3 people share an interest or a need and mostly do not know each other");
            return Ok(());
        }
        render::suggest::groups(&mut ctx.stdout(), &found)?;
        return Ok(());
    }
    let found = suggest::suggest(&prepared, &opts);
    if debug {
        eprintln!("ranked: {:?}", t0.elapsed());
    }
    if ctx.json {
        return ctx.print_json(&found);
    }
    if found.is_empty() {
        let why = if net.people.len() < 2 {
            "add a few people first (netweb add NAME --interest ...)"
        } else {
            "no pair of unconnected people shares a contact, an interest or a need (with these filters)"
        };
        ctx.note(format!("netweb: no suggestions: {why}"));
        return Ok(());
    }
    render::suggest::pairs(&mut ctx.stdout(), &found)?;
    Ok(())
}
