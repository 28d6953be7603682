use anyhow::{Result, bail};

use crate::cli::PathArgs;
use crate::cmd::Ctx;
use crate::graph::Graph;
use crate::query::path;
use crate::{render, resolve, store};

pub fn run(ctx: &Ctx, args: PathArgs) -> Result<()> {
    let (net, resolved) = store::load_resolved(&ctx.file)?;
    let a = resolve::person(&net, &args.a)?;
    let b = resolve::person(&net, &args.b)?;
    if a == b {
        bail!(
            "{} and {} are the same person: a path needs two people",
            args.a,
            args.b
        );
    }
    let graph = Graph::build_resolved(&net, resolved);
    let (Some(na), Some(nb)) = (graph.node(&a), graph.node(&b)) else {
        bail!("internal error: a resolved person is not in the graph");
    };
    let found = path::path(&graph, na, nb);
    if ctx.json {
        return ctx.print_json(&found);
    }
    render::path::write(&mut ctx.stdout(), &found, net.name_of(&a), net.name_of(&b))?;
    Ok(())
}
