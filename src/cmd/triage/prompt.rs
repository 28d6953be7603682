//! The line editor's helper for triage's questions: Tab completes the item being typed
//! (the text after the last comma) from the network's own vocabulary, or from the
//! contacts' names for "whom they know", so answers reuse the words already there.

use std::borrow::Cow;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use crate::resolve::fold;

/// What Tab completes to for the question being asked.
#[derive(Default)]
pub struct Words {
    /// Candidates, most used first.
    pub words: Vec<String>,
}

impl Helper for Words {}
impl Hinter for Words {
    type Hint = String;
}
impl Highlighter for Words {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        Cow::Borrowed(line)
    }
}
impl Validator for Words {}

impl Completer for Words {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, found) = complete_item(&line[..pos], &self.words);
        let pairs = found
            .into_iter()
            .map(|w| Pair {
                display: w.to_string(),
                replacement: w.to_string(),
            })
            .collect();
        Ok((start, pairs))
    }
}

/// The completions of the last comma-separated item of `typed`: where it starts (a byte
/// offset) and the words that begin with it, or that have a word beginning with it
/// ("lar" finds "Ada Larkwell"), compared folded (case and accents aside). Words the
/// line already holds are left out; an empty item completes to nothing.
pub fn complete_item<'w>(typed: &str, words: &'w [String]) -> (usize, Vec<&'w str>) {
    let item_at = typed.rfind(',').map_or(0, |i| i + 1);
    let lead = typed[item_at..].len() - typed[item_at..].trim_start().len();
    let start = item_at + lead;
    let item = fold(&typed[start..]);
    if item.is_empty() {
        return (start, Vec::new());
    }
    let already: Vec<String> = typed[..item_at]
        .split(',')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let found = words
        .iter()
        .filter(|w| {
            let f = fold(w);
            !already.contains(&f)
                && (f.starts_with(&item) || f.split(' ').any(|part| part.starts_with(&item)))
        })
        .map(String::as_str)
        .collect();
    (start, found)
}

#[cfg(test)]
mod tests {
    use super::complete_item;

    #[test]
    fn the_item_after_the_last_comma_completes() {
        let words: Vec<String> = ["climbing", "cooking", "rust", "climate policy"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            complete_item("cli", &words),
            (0, vec!["climbing", "climate policy"])
        );
        assert_eq!(complete_item("rust, co", &words), (6, vec!["cooking"]));
        assert_eq!(
            complete_item("climbing,  cl", &words),
            (11, vec!["climate policy"])
        );
        assert_eq!(complete_item("pol", &words), (0, vec!["climate policy"]));
        assert_eq!(complete_item("rust, ", &words).1, Vec::<&str>::new());
        let names: Vec<String> = ["Zoë Müller", "Ada Larkwell"].map(String::from).to_vec();
        assert_eq!(complete_item("zoe", &names).1, ["Zoë Müller"]);
        assert_eq!(
            complete_item("ada larkwell, mu", &names),
            (14, vec!["Zoë Müller"])
        );
    }
}
