//! `serverless-atlas`: with no subcommand, the window; otherwise the CLI.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use serverless_atlas::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match &cli.command {
        None => open_window(&cli, None),
        Some(cli::Command::Open { file }) => open_window(&cli, Some(file.clone())),
        Some(command) => cli::run(&cli, command),
    }
}

/// Help and version print as clap writes them; a usage error prints as
/// one line on stderr, as every other error does, and exits 2.
fn usage_error(error: &clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help to stdout; a failed write is not worth a second message.
            error.print().ok();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("error: {}", cli::missing_subcommand(&error.to_string()));
            ExitCode::from(2)
        }
        _ => {
            eprintln!("error: {}", cli::one_line_usage_error(&error.to_string()));
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli, file: Option<std::path::PathBuf>) -> ExitCode {
    let catalog = match cli::load_catalog(cli.catalog.as_deref()) {
        Ok(catalog) => catalog,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            return ExitCode::from(failure.code);
        }
    };
    if let Some(path) = &file
        && !path.is_file()
    {
        eprintln!("error: {}: no such file", path.display());
        return ExitCode::from(2);
    }
    match serverless_atlas::ui::run(std::sync::Arc::new(catalog), file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli, _file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "error: this build has no window (built without the `gui` feature); give a subcommand, see --help"
    );
    ExitCode::from(2)
}
