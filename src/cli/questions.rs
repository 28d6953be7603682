//! Arguments of the commands that ask questions of the network.

use clap::{Args, Subcommand, ValueEnum};

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
    /// List every term and near-duplicate; without it each list stops after 90 rows
    /// (`--json` always has them all)
    #[arg(long)]
    pub all: bool,
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
