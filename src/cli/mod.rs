//! Every clap type, and nothing else: the command-line contract, one file per group of
//! commands under this one.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod exchange;
mod people;
mod questions;
mod records;

pub use exchange::*;
pub use people::*;
pub use questions::*;
pub use records::*;

/// Keep your contact network as a web, not a hub with spokes.
///
/// netweb remembers the people you know, what they care about, offer and seek, and who
/// among them already knows whom, in one plain JSON file. PERSON arguments take an id,
/// a full name, an unambiguous prefix of either, or whole words of a name (any case, with
/// or without accents).
#[derive(Debug, Parser)]
#[command(name = "netweb", version, max_term_width = 100)]
pub struct Cli {
    /// The data file [default: the platform data directory, e.g. ~/.local/share/netweb/network.json]
    #[arg(long, global = true, env = "NETWEB_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour the output (auto: when stdout is a terminal and NO_COLOR is unset)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a new contact; prints their id
    Add(AddArgs),
    /// Change a contact: set, add to or remove from any field, rename (the id stays)
    Edit(EditArgs),
    /// Remove a contact and everything that points at them
    Rm(RmArgs),
    /// Everything about one contact
    Show(ShowArgs),
    /// On a terminal, ask about the contacts whose details would help suggestions most
    Triage(TriageArgs),
    /// List contacts, optionally filtered and sorted
    List(ListArgs),
    /// Record that two contacts know each other (or update how)
    Link(LinkArgs),
    /// Forget that two contacts know each other
    Unlink(UnlinkArgs),
    /// Ties your records imply (same company or email domain, a card's relation, a small
    /// label): list them, record them with --apply, take them back with --undo
    Infer(InferArgs),
    /// Who should meet whom, and why: ranked introductions (or groups with --groups)
    Suggest(SuggestArgs),
    /// Record that you introduced these people to each other
    Intro(IntroArgs),
    /// List the introductions you have made, newest first
    Intros,
    /// Record that you were in touch with one or more people (one entry for all of them)
    Log(LogArgs),
    /// Who is overdue or due soon for contact, most overdue first; introductions to follow up
    Due(DueArgs),
    /// Set or list default cadences by tag, e.g. `netweb cadence family 14d`
    Cadence(CadenceArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout, or write one page per subcommand with --dir
    Man(ManArgs),
    /// Bring in contacts from vCard, LinkedIn, Google or Outlook CSV, a CSV or another netweb
    /// file, or a calendar (.ics): its past meetings as contact history
    Import(ImportArgs),
    /// Merge two records of the same person into the first: fields united, history repointed
    Merge(MergeArgs),
    /// Two-way sync with a vdir (one .vcf per contact), e.g. the folder vdirsyncer keeps in
    /// step with a phone's CardDAV address book
    Sync(SyncArgs),
    /// Write the network (or the people a filter picks) as JSON, CSV, vCard, DOT, GraphML, an HTML map or an iCalendar feed
    Export(ExportArgs),
    /// How much of a mesh your contacts form: components, clustering, brokers, clusters, growth
    Stats,
    /// The chain of people connecting two contacts, strongest relationships first
    Path(PathArgs),
    /// Every interest, offer and seek with how many hold it; `rename` merges spellings
    Interests(InterestsArgs),
    /// Take back the last change to the data file and say what it was (`undo` again redoes it)
    Undo(UndoArgs),
    /// One contact's whole timeline: added, met, contact, introductions, relationships, changes
    History(HistoryArgs),
    /// Remove one logged interaction or introduction by the short id show, intros and history print
    Forget(ForgetArgs),
    /// Leave a contact out of `due` for a while (`snooze NAME 2w`); list or end snoozes
    Snooze(SnoozeArgs),
    /// A one-off reminder about a contact that `due` shows from its day on; list or remove them
    Remind(RemindArgs),
}

#[cfg(test)]
mod tests;
