use std::io::Write;

use anyhow::{Result, bail};

use crate::cli::SuggestArgs;
use crate::cmd::{Ctx, kept_until_exit};
use crate::graph::Graph;
use crate::query::suggest::signals::Indexes;
use crate::query::suggest::{self, Options, Prepared, fit, groups};
use crate::text::normalize_term;
use crate::{render, resolve, store};

pub fn run(ctx: &Ctx, args: SuggestArgs) -> Result<()> {
    let trace = Trace::from_env();
    let (net, resolved) = store::load_resolved(&ctx.file)?;
    let net = kept_until_exit(net);
    trace.mark("load");
    let for_person = args
        .for_person
        .as_deref()
        .map(|p| resolve::person(net, p))
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
    let graph = kept_until_exit(Graph::build_resolved(net, resolved));
    trace.mark("graph");
    if args.groups {
        // Groups need the indexes, not the fitted weights of pairs.
        let indexes = kept_until_exit(Indexes::new(graph));
        trace.mark("indexes");
        let scope = suggest::scope(indexes, &opts);
        let found = groups::groups(
            indexes,
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
    let prepared = kept_until_exit(Prepared::new(graph));
    trace.mark("indexes and fit");
    trace.say(&format!("weights: {}", fit::describe(&prepared.model)));
    let found = suggest::suggest(prepared, &opts);
    trace.mark("ranked");
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

/// `NETWEB_DEBUG_MODEL=1` prints the fitted weights and where the time went (cumulative),
/// on stderr: for tuning and benchmarks, not part of the output contract.
struct Trace(Option<std::time::Instant>);

impl Trace {
    fn from_env() -> Trace {
        Trace(std::env::var_os("NETWEB_DEBUG_MODEL").map(|_| std::time::Instant::now()))
    }

    fn mark(&self, phase: &str) {
        if let Some(start) = self.0 {
            self.say(&format!("{phase}: {:?}", start.elapsed()));
        }
    }

    fn say(&self, text: &str) {
        if self.0.is_some() {
            let _ = writeln!(std::io::stderr(), "{text}");
        }
    }
}
