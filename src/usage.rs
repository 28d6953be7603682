//! A bad value the user gave: the one run-time error that exits 2, like clap's own
//! usage errors, so a script can tell "you asked wrongly" (2) from "it failed" (1).

use std::fmt;

#[derive(Debug)]
pub struct BadValue(String);

impl BadValue {
    pub fn new(message: impl Into<String>) -> BadValue {
        BadValue(message.into())
    }
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadValue {}

/// Whether an error (anywhere in its chain) is a bad value.
pub fn is_bad_value(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.is::<BadValue>())
}

/// A bad-value error, for `return Err(usage::bad(...))`.
pub fn bad(message: impl Into<String>) -> anyhow::Error {
    BadValue::new(message).into()
}
