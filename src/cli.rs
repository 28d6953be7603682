//! Every clap type, and nothing else: the command-line contract in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// List contacts, optionally filtered and sorted
    List(ListArgs),
    /// Record that two contacts know each other (or update how)
    Link(LinkArgs),
    /// Forget that two contacts know each other
    Unlink(UnlinkArgs),
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
    /// Bring in contacts from vCard, LinkedIn, Google CSV, a CSV or another netweb file
    Import(ImportArgs),
    /// Merge two records of the same person into the first: fields united, history repointed
    Merge(MergeArgs),
    /// Write the network (or the people a filter picks) as JSON, CSV, vCard, DOT, GraphML or an HTML map
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
}

/// Fields a person can be given, shared by `add` and `edit`.
/// List options are repeatable and also take comma-separated values.
#[derive(Debug, Default, Args)]
pub struct PersonFields {
    /// Email address
    #[arg(long = "email", value_name = "EMAIL", value_delimiter = ',')]
    pub emails: Vec<String>,
    /// Phone number
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    /// Company or organisation
    #[arg(long, value_name = "TEXT")]
    pub company: Option<String>,
    /// Role or job title
    #[arg(long, value_name = "TEXT")]
    pub role: Option<String>,
    /// Where they live or work
    #[arg(long, value_name = "TEXT")]
    pub location: Option<String>,
    /// Something they care about, e.g. --interest climbing,rust
    #[arg(long = "interest", value_name = "TERM", value_delimiter = ',')]
    pub interests: Vec<String>,
    /// Something they can give others, e.g. --offer "rust mentoring"
    #[arg(long = "offer", value_name = "TERM", value_delimiter = ',')]
    pub offers: Vec<String>,
    /// Something they are looking for, e.g. --seek funding
    #[arg(long = "seek", value_name = "TERM", value_delimiter = ',')]
    pub seeks: Vec<String>,
    /// A tag, e.g. --tag work
    #[arg(long = "tag", value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Free-form notes (replaces the notes on edit)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When you met: YYYY-MM-DD, yesterday, 3 weeks ago, last friday, ...
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub met: Option<String>,
    /// How often to be in touch: 14d, 2w, 3m, 1y (none clears it; overrides tag cadences)
    #[arg(long, value_name = "CADENCE", value_parser = crate::cadence::check_or_none)]
    pub every: Option<String>,
    /// Their birthday: YYYY-MM-DD, or --MM-DD when you do not know the year
    #[arg(long, value_name = "DATE", value_parser = annual_date, allow_hyphen_values = true)]
    pub birthday: Option<String>,
    /// Their (wedding or work) anniversary: YYYY-MM-DD or --MM-DD
    #[arg(long, value_name = "DATE", value_parser = annual_date, allow_hyphen_values = true)]
    pub anniversary: Option<String>,
    /// What they like to be called
    #[arg(long, value_name = "TEXT")]
    pub nickname: Option<String>,
    /// They do not want to be introduced: `suggest` leaves them out
    #[arg(long)]
    pub no_intros: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their full name
    pub name: String,
    #[command(flatten)]
    pub fields: PersonFields,
    /// Someone in your network they already know (creates a relationship)
    #[arg(long = "knows", value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub knows: Vec<String>,
    /// Add even if someone with this name exists: it is a different person
    #[arg(long)]
    pub distinct: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Who to change
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
    /// A new name (the id stays the same)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub fields: PersonFields,
    /// They are open to introductions again
    #[arg(long, conflicts_with = "no_intros")]
    pub open_to_intros: bool,
    /// Remove an email address
    #[arg(long = "rm-email", value_name = "EMAIL", value_delimiter = ',')]
    pub rm_emails: Vec<String>,
    /// Remove a phone number
    #[arg(long = "rm-phone", value_name = "PHONE")]
    pub rm_phones: Vec<String>,
    /// Remove an interest
    #[arg(long = "rm-interest", value_name = "TERM", value_delimiter = ',')]
    pub rm_interests: Vec<String>,
    /// Remove an offer
    #[arg(long = "rm-offer", value_name = "TERM", value_delimiter = ',')]
    pub rm_offers: Vec<String>,
    /// Remove a seek
    #[arg(long = "rm-seek", value_name = "TERM", value_delimiter = ',')]
    pub rm_seeks: Vec<String>,
    /// Remove a tag
    #[arg(long = "rm-tag", value_name = "TAG", value_delimiter = ',')]
    pub rm_tags: Vec<String>,
    /// Empty a field entirely
    #[arg(
        long = "clear",
        value_enum,
        value_name = "FIELD",
        value_delimiter = ','
    )]
    pub clear: Vec<ClearField>,
}

/// Fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClearField {
    Emails,
    Phones,
    Company,
    Role,
    Location,
    Interests,
    Offers,
    Seeks,
    Tags,
    Notes,
    Met,
    Every,
    Birthday,
    Anniversary,
    Nickname,
}

/// Checks a birthday or anniversary and gives it in its stored form.
fn annual_date(text: &str) -> Result<String, String> {
    crate::annual::AnnualDate::parse(text).map(|d| d.to_string())
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Who to remove: their id or full name
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
    /// Accept the start of a name if it matches one person only
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Who to show
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
}

/// Which people a command looks at, shared by `list` and `export`.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only people with this interest
    #[arg(long, value_name = "TERM")]
    pub interest: Option<String>,
    /// Only people with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only people whose company contains this text
    #[arg(long, value_name = "TEXT")]
    pub company: Option<String>,
    /// Only people with this text in any field, or in the notes of their logged contact
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Order of the list
    #[arg(long, value_enum, default_value_t = SortKey::Name)]
    pub sort: SortKey,
    /// Reverse the order
    #[arg(long, short)]
    pub reverse: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Name,
    Id,
    Company,
    /// Most connected first
    Degree,
    /// Most recently added first
    Added,
    /// Most recently met first
    Met,
    /// Most recently in touch first (logged contact or an introduction); never last
    LastContact,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// One of the two
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The other
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
    /// How they know each other: friend, colleague, family, ...
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// How close they are, from 1 (acquaintances) to 5 (very close)
    #[arg(long, value_name = "1-5", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub strength: Option<u8>,
    /// Since when: YYYY-MM-DD, yesterday, 2 weeks ago, last friday, ...
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub since: Option<String>,
    /// A note about the relationship
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// One of the two
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The other
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Only introductions for this person
    #[arg(long = "for", value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub for_person: Option<String>,
    /// Only introductions around this interest (both share it, or it is what is offered/sought)
    #[arg(long, value_name = "TERM")]
    pub interest: Option<String>,
    /// Only introductions where someone has this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// How many suggestions to show (1 to 100,000)
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = suggest_limit)]
    pub limit: usize,
    /// Hide suggestions scoring below this (a finite number)
    #[arg(long, value_name = "SCORE", value_parser = finite_score)]
    pub min_score: Option<f64>,
    /// Suggest small groups (3-6 people) who share a rare interest or a need
    #[arg(long)]
    pub groups: bool,
}

#[derive(Debug, Args)]
pub struct IntroArgs {
    /// The people you introduced (two or more)
    #[arg(required = true, num_args = 2.., value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub people: Vec<String>,
    /// What the introduction was about
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When: YYYY-MM-DD, yesterday, 3 days ago, last friday, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Who you were in touch with (one or more)
    #[arg(required = true, num_args = 1.., value_name = "PERSON", add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub people: Vec<String>,
    /// What it was: coffee, call, message, meeting, dinner, ...
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// What you talked about
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// When: YYYY-MM-DD, yesterday, 3 days ago, last friday, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = crate::dates::check)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Also list who falls due within this time: 7d, 2w, 1m
    #[arg(long, value_name = "CADENCE", value_parser = crate::cadence::check)]
    pub within: Option<String>,
    /// Only people with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

#[derive(Debug, Args)]
pub struct CadenceArgs {
    /// The tag; without it, every tag cadence is listed
    pub tag: Option<String>,
    /// How often to be in touch with people who have the tag: 14d, 2w, 3m, 1y, or none to
    /// clear it; without it, the tag's cadence is shown
    #[arg(value_name = "EVERY", value_parser = crate::cadence::check_or_none)]
    pub every: Option<String>,
}

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
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The record to keep (its id, and its value wherever the two differ)
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// The duplicate to merge into it and remove
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
    /// Accept the start of a name if it matches one person only
    #[arg(long)]
    pub yes: bool,
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
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write: json, csv, vcard, dot, graphml or html (a map to open in a browser)
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

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the chain starts
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub a: String,
    /// Where it ends
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub b: String,
}

#[derive(Debug, Args)]
pub struct InterestsArgs {
    #[command(subcommand)]
    pub action: Option<InterestsAction>,
}

#[derive(Debug, Subcommand)]
pub enum InterestsAction {
    /// Rename a term in every person's interests, offers and seeks (tags are left alone),
    /// merging it into NEW where a person already has NEW
    Rename {
        /// The spelling to replace, e.g. ml
        old: String,
        /// The spelling to keep, e.g. "machine learning"
        new: String,
    },
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Take back this many changes, newest first (the history keeps the last 10)
    #[arg(value_name = "N", value_parser = clap::value_parser!(u8).range(1..=10))]
    pub steps: Option<u8>,
    /// List the changes that can be undone, newest first, and change nothing
    #[arg(long, conflicts_with = "steps")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Whose timeline
    #[arg(add = clap_complete::ArgValueCandidates::new(crate::complete::people))]
    pub person: String,
}

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// The short id of the interaction (l...) or introduction (i...)
    #[arg(value_name = "ID")]
    pub id: String,
}

/// The most `suggest --limit` allows. The ranking keeps a heap of this size, and
/// `--limit 99999999999` aborted trying to allocate it.
pub const MAX_SUGGEST_LIMIT: usize = 100_000;

/// `--limit`: a whole number from 1 to `MAX_SUGGEST_LIMIT` (0 would print nothing and a
/// message that misled).
fn suggest_limit(text: &str) -> Result<usize, String> {
    let n: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a whole number: give how many to show, e.g. 20"))?;
    if n == 0 || n > MAX_SUGGEST_LIMIT as u64 {
        return Err(format!("give a number from 1 to {MAX_SUGGEST_LIMIT}"));
    }
    Ok(n as usize)
}

/// `--min-score`: a finite number (NaN compared false with every score, so it filtered
/// nothing without a word).
fn finite_score(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!(
            "{text:?} is not a finite number: give a score such as 0.5"
        )),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
