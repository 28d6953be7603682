//! `netweb infer`: list the ties the records imply; `--apply` records them in one save
//! under the lock (so `netweb undo` takes the whole run back), `--undo` removes the
//! inferred ties no `link` has confirmed.

use anyhow::Result;
use serde::Serialize;

use crate::cli::InferArgs;
use crate::cmd::Ctx;
use crate::model::Relationship;
use crate::ops::infer::{self, Proposal};
use crate::{render, store};

/// What `--json` prints without `--undo`.
#[derive(Serialize)]
struct Inferred {
    applied: bool,
    /// Ties recorded (0 without `--apply`).
    added: usize,
    #[serde(flatten)]
    proposal: Proposal,
}

/// What `--json` prints with `--undo`.
#[derive(Serialize)]
struct Undone {
    removed: usize,
    ties: Vec<Relationship>,
}

pub fn run(ctx: &Ctx, args: InferArgs) -> Result<()> {
    if args.undo {
        let (ties, _) = store::update(&ctx.file, |net| {
            let gone = infer::undo(net);
            let changed = !gone.is_empty();
            Ok((gone, changed))
        })?;
        if ctx.json {
            return ctx.print_json(&Undone {
                removed: ties.len(),
                ties,
            });
        }
        return Ok(render::infer::undone(&mut ctx.stdout(), ties.len())?);
    }
    if args.apply {
        let ((proposal, added), _) = store::update(&ctx.file, |net| {
            let proposal = infer::propose(net);
            let added = infer::apply(net, &proposal);
            Ok(((proposal, added), added > 0))
        })?;
        if ctx.json {
            return ctx.print_json(&Inferred {
                applied: true,
                added,
                proposal,
            });
        }
        return Ok(render::infer::applied(&mut ctx.stdout(), &proposal, added)?);
    }
    let net = store::load(&ctx.file)?;
    let proposal = infer::propose(&net);
    if ctx.json {
        return ctx.print_json(&Inferred {
            applied: false,
            added: 0,
            proposal,
        });
    }
    Ok(render::infer::proposal(&mut ctx.stdout(), &net, &proposal)?)
}
