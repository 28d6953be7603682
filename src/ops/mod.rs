//! Pure changes to a network: each takes the network and what to do, changes it and
//! says what it did. Commands load, call one of these and save; nothing here reads a
//! file or prints.

pub mod infer;
pub mod introduce;
pub mod merge;
pub mod remove;
pub mod rename;
pub mod subset;
pub mod sync;
pub mod ties;
pub mod unite;
