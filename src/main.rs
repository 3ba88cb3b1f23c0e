//! `serverless-atlas`: with no subcommand, the window; otherwise the CLI.

use std::process::ExitCode;

use clap::Parser;
use serverless_atlas::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        None => open_window(&cli, None),
        Some(cli::Command::Open { file }) => open_window(&cli, Some(file.clone())),
        Some(command) => cli::run(&cli, command),
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
