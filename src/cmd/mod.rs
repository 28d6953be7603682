//! The shell around the core: one file per subcommand. Each resolves its arguments,
//! loads (or updates) the network, calls pure code, and renders or prints JSON.

mod add;
mod cadence;
mod completions;
mod due;
mod edit;
mod export;
mod fields;
mod forget;
mod history;
mod import;
mod import_calendar;
mod infer;
mod interests;
mod intro;
mod intros;
mod link;
mod list;
mod log;
mod man;
mod merge;
mod path;
mod remind;
mod rm;
mod show;
mod snooze;
mod stats;
mod suggest;
mod sync;
mod triage;
mod undo;
mod unlink;

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::cli::{Cli, ColorWhen, Command};
use crate::render::escape::{escape, escape_lines};
use crate::store;

/// Settled before any work runs: where the file is, how to print, what day it is.
pub struct Ctx {
    pub file: PathBuf,
    pub json: bool,
    /// The only place the clock is read; tests pin it with `NETWEB_TODAY=YYYY-MM-DD`.
    pub today: NaiveDate,
    /// The time now, for what stamps its output (a calendar's DTSTAMP); with
    /// `NETWEB_TODAY` pinned, the start of that day (UTC), so the output is reproducible.
    pub now: DateTime<Utc>,
}

impl Ctx {
    fn from_cli(cli: &Cli) -> Result<Ctx> {
        let file = match &cli.file {
            Some(path) => path.clone(),
            None => store::default_path()?,
        };
        let (today, now) = match std::env::var("NETWEB_TODAY") {
            Ok(text) => {
                let today: NaiveDate = text.parse().with_context(|| {
                    format!("NETWEB_TODAY={text:?} is not a date: use YYYY-MM-DD")
                })?;
                (today, today.and_time(NaiveTime::MIN).and_utc())
            }
            Err(_) => (chrono::Local::now().date_naive(), Utc::now()),
        };
        Ok(Ctx {
            file,
            json: cli.json,
            today,
            now,
        })
    }

    /// Standard output, coloured only if the user's `--color` and terminal allow it.
    pub fn stdout(&self) -> anstream::AutoStream<io::StdoutLock<'static>> {
        anstream::AutoStream::auto(io::stdout().lock())
    }

    /// Prints a value as the command's one JSON document.
    pub fn print_json(&self, value: &impl Serialize) -> Result<()> {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value)?;
        writeln!(out)?;
        out.flush()?;
        Ok(())
    }

    /// A message for the person at the terminal, never part of the output. It may quote
    /// names or the file's text, so control characters are shown, not obeyed.
    pub fn note(&self, message: impl std::fmt::Display) {
        let text = message.to_string();
        let _ = writeln!(io::stderr(), "{}", escape_lines(&text));
    }

    /// One line of human output on stdout that names people or other user text, with
    /// control characters shown, not obeyed (`render::escape`). Uncoloured.
    pub fn say(&self, line: impl std::fmt::Display) -> Result<()> {
        let text = line.to_string();
        writeln!(self.stdout(), "{}", escape(&text))?;
        Ok(())
    }
}

impl From<crate::cli::FilterArgs> for crate::query::list::Filter {
    fn from(a: crate::cli::FilterArgs) -> Self {
        crate::query::list::Filter {
            interest: a.interest,
            tag: a.tag,
            company: a.company,
            search: a.search,
        }
    }
}

/// Keeps what a read-only command built from the file until the process exits, instead
/// of freeing it piece by piece as it goes out of scope. A 100,000-person network, its
/// graph and the fitted model are millions of small allocations; freeing them took about
/// 70 ms of `suggest`'s second (docs/benchmarks.md, "Session 9"), and the operating
/// system takes the whole heap back at once anyway. Only for values that hold no lock and
/// no open file, in commands that are done with them when they return.
pub(crate) fn kept_until_exit<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

pub fn run(cli: Cli) -> Result<()> {
    let choice = match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    crate::render::set_width(crate::render::detect_width());
    let ctx = Ctx::from_cli(&cli)?;
    match cli.command {
        Command::Add(args) => add::run(&ctx, args),
        Command::Edit(args) => edit::run(&ctx, args),
        Command::Rm(args) => rm::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Link(args) => link::run(&ctx, args),
        Command::Unlink(args) => unlink::run(&ctx, args),
        Command::Infer(args) => infer::run(&ctx, args),
        Command::Triage(args) => triage::run(&ctx, args),
        Command::Intro(args) => intro::run(&ctx, args),
        Command::Intros => intros::run(&ctx),
        Command::Log(args) => log::run(&ctx, args),
        Command::Due(args) => due::run(&ctx, args),
        Command::Cadence(args) => cadence::run(&ctx, args),
        Command::Suggest(args) => suggest::run(&ctx, args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => man::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Merge(args) => merge::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Stats => stats::run(&ctx),
        Command::Path(args) => path::run(&ctx, args),
        Command::Interests(args) => interests::run(&ctx, args),
        Command::Undo(args) => undo::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Forget(args) => forget::run(&ctx, args),
        Command::Snooze(args) => snooze::run(&ctx, args),
        Command::Remind(args) => remind::run(&ctx, args),
    }
}
