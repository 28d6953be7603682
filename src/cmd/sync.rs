//! `netweb sync VDIR`: read the vdir's cards, let the pure core decide, then write the
//! cards (each atomically) and save the data file once, all under the data file's lock,
//! so two syncs at once run one after the other.
//!
//! The cards are written before the data file is saved, on purpose: if writing stops
//! half way (a full disk), the data file and its sync state are as before, and the next
//! sync finds the cards already written as netweb's own content (nothing lost, nothing
//! doubled: they pair by UID or by the duplicate rules). The other order could leave a
//! state that remembers cards that never reached the folder, which would read as cards
//! the phone deleted.

use std::fs;
use std::io;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::SyncArgs;
use crate::cmd::Ctx;
use crate::ops::sync::{self, Action, Outcome, ReadCard};
use crate::{render, store};

pub fn run(ctx: &Ctx, args: SyncArgs) -> Result<()> {
    let dir = &args.vdir;
    check_dir(dir)?;
    let vdir = fs::canonicalize(dir)
        .with_context(|| format!("could not find the full path of {}", dir.display()))?
        .display()
        .to_string();
    let mut new_uid = || uuid::Uuid::new_v4().to_string();
    let mut report = if args.dry_run {
        let (cards, unreadable) = read_vdir(dir)?;
        let net = store::load(&ctx.file)?;
        sync::sync(&net, &vdir, &cards, &unreadable, ctx.today, &mut new_uid).report
    } else {
        store::update(&ctx.file, |net| {
            // Read under the lock: a sync that waited for another must see the cards that
            // one wrote, or it would take them for cards the phone deleted.
            let (cards, unreadable) = read_vdir(dir)?;
            let outcome = sync::sync(net, &vdir, &cards, &unreadable, ctx.today, &mut new_uid);
            carry_out(dir, &outcome)?;
            let changed = outcome.net != *net;
            *net = outcome.net;
            Ok((outcome.report, changed))
        })?
        .0
    };
    report.dry_run = args.dry_run;
    for e in &report.entries {
        if e.action == Action::Skipped {
            let file = e.file.as_deref().unwrap_or("?");
            let why = e.reason.as_deref().unwrap_or("skipped");
            ctx.note(format!(
                "{}: skipped: {why}",
                Path::new(dir).join(file).display()
            ));
        }
    }
    if ctx.json {
        return ctx.print_json(&report);
    }
    render::sync::write(&mut ctx.stdout(), &report)?;
    Ok(())
}

/// The vdir must be an existing directory: a typo must not sync against nothing (which
/// would read as every card deleted).
fn check_dir(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(crate::usage::bad(format!(
            "{} is not a directory\nhint: give the vdir, the folder of one .vcf per contact \
             (vdirsyncer's `path`), not a single card or a .vcf of many (`netweb import` reads those)",
            dir.display()
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(crate::usage::bad(format!(
            "{} does not exist\nhint: give the folder vdirsyncer keeps the address book in \
             (the `path` of its filesystem storage), or create it (mkdir -p) for netweb to fill",
            dir.display()
        ))),
        Err(e) => Err(anyhow::Error::new(e).context(format!("could not read {}", dir.display()))),
    }
}

/// Every `.vcf` file of the folder, read; the ones that cannot be read, with why.
type Read = (Vec<ReadCard>, Vec<(String, String)>);

fn read_vdir(dir: &Path) -> Result<Read> {
    let entries = fs::read_dir(dir)
        .with_context(|| format!("could not list the folder {}", dir.display()))?;
    let mut names: Vec<String> = Vec::new();
    let mut unreadable = Vec::new();
    for entry in entries {
        let entry =
            entry.with_context(|| format!("could not list the folder {}", dir.display()))?;
        let Ok(name) = entry.file_name().into_string() else {
            let shown = entry.file_name().to_string_lossy().into_owned();
            unreadable.push((shown, "its name is not UTF-8; rename it".to_string()));
            continue;
        };
        if name.starts_with('.') || !name.to_ascii_lowercase().ends_with(".vcf") {
            continue;
        }
        names.push(name);
    }
    names.sort();
    let mut cards = Vec::with_capacity(names.len());
    let mut uids = std::collections::HashSet::new();
    for name in names {
        let path = dir.join(&name);
        let text = match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    unreadable.push((name, "not UTF-8 text, as a vdir card must be".into()));
                    continue;
                }
            },
            Err(e) => {
                unreadable.push((name, format!("could not read it: {e}")));
                continue;
            }
        };
        match sync::read(&name, &text) {
            Ok(card) if !uids.insert(card.uid.clone()) => {
                let why = format!("another card of the folder has its UID {}", card.uid);
                unreadable.push((name, why));
            }
            Ok(card) => cards.push(card),
            Err(why) => unreadable.push((name, why)),
        }
    }
    Ok((cards, unreadable))
}

/// Writes and removes the cards, then flushes the folder. A failure stops it before
/// the data file is saved (see the module's note).
fn carry_out(dir: &Path, outcome: &Outcome) -> Result<()> {
    let cards: Vec<(&str, &[u8])> = outcome
        .writes
        .iter()
        .map(|w| (w.file.as_str(), w.text.as_bytes()))
        .collect();
    store::write_cards(dir, &cards).map_err(|e| {
        anyhow::anyhow!(
            "{e:#}\nhint: nothing was lost: the data file was not changed, and a card is only \
             replaced once every card is written; run the sync again when this is fixed"
        )
    })?;
    for file in &outcome.removes {
        match fs::remove_file(dir.join(file)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!(
                    "could not remove {}; the data file was not changed, and the next sync \
                     removes it again",
                    dir.join(file).display()
                )));
            }
        }
    }
    store::flush_dir(dir);
    Ok(())
}
