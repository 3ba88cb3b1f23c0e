//! `serverless-atlas open FILE`: the window on an architecture file.
//!
//! The window lives behind the `gui` feature, so `main` handles this
//! subcommand in GUI builds before the CLI sees it; here is only what a
//! build without the window says.

use std::path::Path;

use super::{CliResult, Failure};

/// What a build without the window answers to `open`.
pub fn run(file: &Path) -> CliResult {
    Err(Failure::input(format!(
        "this build has no window (built without the `gui` feature), so it cannot open {}; try `serverless-atlas check` or `cost` on it",
        file.display()
    )))
}
