//! Arguments of the commands that read and write other formats: imports, exports, sync,
//! completions and man pages.

use std::path::PathBuf;

use super::questions::FilterArgs;
use clap::{Args, ValueEnum};

/// Formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// vCard 2.1, 3.0 or 4.0 (.vcf), as Google, Apple and Android export it
    Vcard,
    /// LinkedIn's Connections.csv, any vintage; a file without its header row is read by
    /// position (First Name, Last Name, [URL,] Email Address, Company, Position, Connected On)
    Linkedin,
    /// Google Contacts' CSV export (the current layout or the older one)
    GoogleCsv,
    /// Outlook's "Export to CSV" (desktop) layout
    OutlookCsv,
    /// A CSV whose header names netweb fields (name, email, company, tags, ...)
    Csv,
    /// Another netweb data file, relationships and history included
    Netweb,
    /// An iCalendar file (.ics) from Google Calendar, Apple Calendar, Outlook or
    /// Thunderbird: past meetings with contacts are logged, and one of 2 to 8 people besides
    /// you ties the contacts on it (see --me and --add-unknown)
    Ics,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import
    pub path: PathBuf,
    /// What the file is [default: detected from its content and extension]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,
    /// Print what would be imported, merged and skipped, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Tag everyone imported, e.g. --tag linkedin
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// For a calendar: an email address of your own, never a contact (repeat it for
    /// each); remembered in the data file, so later imports need not say it again
    #[arg(long = "me", value_name = "EMAIL")]
    pub me: Vec<String>,
    /// For a calendar: add the people who are not contacts yet and were on at least N past
    /// events (named by their CN, with their address), and log their meetings too
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub add_unknown: Option<u32>,
}

/// Formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The netweb data file (with a filter: just those people and what is among them)
    Json,
    /// One row per person, every field, under a header `netweb import` reads back
    Csv,
    /// vCard (4.0, or 3.0 with --vcard-version) for phones and address books; netweb's
    /// own fields as X-NETWEB-*
    Vcard,
    /// Graphviz DOT: an undirected graph of people and relationships
    Dot,
    /// GraphML for Gephi, yEd and networkx: people and relationships with their fields
    Graphml,
    /// A map in one self-contained web page (works offline, loads nothing): people
    /// coloured by cluster, relationships, the top suggested introductions dashed
    Html,
    /// An iCalendar (.ics) feed of what `due` knows: contacts falling due, birthdays and
    /// anniversaries (yearly), introductions to follow up and reminders, with stable UIDs
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write: json, csv, vcard, dot, graphml, html (a map to open in a browser) or
    /// ics (a calendar feed)
    #[arg(long, value_enum, default_value_t = ExportFormat::Json, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Write to this file (atomically, owner-only) instead of standard output; with
    /// --json, a summary of what was written is printed
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --format vcard: the vCard version, 4.0 or 3.0 (for importers that refuse 4.0)
    #[arg(long, value_enum, default_value_t = VcardVersion::V4, value_name = "VERSION")]
    pub vcard_version: VcardVersion,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The vCard versions `export --format vcard` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VcardVersion {
    #[value(name = "3.0")]
    V3,
    #[value(name = "4.0")]
    V4,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The vdir: a folder of one .vcf per contact, as vdirsyncer and khard keep it (the
    /// `path` of a vdirsyncer `filesystem` storage)
    #[arg(value_name = "VDIR")]
    pub vdir: PathBuf,
    /// Print what would change on each side, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write netweb.1 and a page for every subcommand (netweb-add.1, ...) into DIR
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}
