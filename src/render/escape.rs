//! Text from the data file or the command line, made safe to print on a terminal.
//!
//! Names, companies, notes and terms come from imports and hand edits, so they can hold
//! anything: `ESC ] 52 ; c ; ... BEL` writes the clipboard in terminals that allow OSC
//! 52, `ESC [ 2 J` clears the screen, a carriage return overwrites the line, U+202E turns
//! the rest of the line around. Human output shows such characters as visible escapes
//! instead (`\e`, `\r`, `\u{202e}`); `--json` prints the exact strings, as JSON escapes them.

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every control character and bidirectional override shown as a visible
/// escape; text without any (nearly all) is returned as it is, without a copy.
pub fn escape(text: &str) -> Cow<'_, str> {
    escaped(text, false)
}

/// `escape`, keeping line breaks as they are: for text that is several lines on
/// purpose (notes, error messages with a hint). A lone CR is still shown as `\r`.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escaped(text, true)
}

fn escaped(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| needs_escape(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !unsafe_char(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

/// C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates, the
/// directional marks, and the line and paragraph separators some terminals break on.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched_and_not_copied() {
        for s in ["Ada Larkwell", "Zoë Ünïcode", "李小龍", "O'Brien; <b>"] {
            assert!(matches!(escape(s), Cow::Borrowed(t) if t == s));
        }
    }

    #[test]
    fn controls_and_overrides_become_visible() {
        assert_eq!(
            escape("\u{1b}]52;c;aGk=\u{7}Clip"),
            "\\e]52;c;aGk=\\x07Clip"
        );
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\e[2Jb");
        assert_eq!(escape("line\rover\nnext\t"), "line\\rover\\nnext\\t");
        assert_eq!(escape("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escape("\u{9b}31m\u{7f}\0"), "\\x9b31m\\x7f\\x00");
        assert_eq!(escape_lines("two\nlines\r"), "two\nlines\\r");
    }
}
