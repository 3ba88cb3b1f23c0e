//! `serverless-atlas`: with no subcommand, the window; otherwise the CLI.

use std::process::ExitCode;

use clap::Parser;
use serverless_atlas::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_window(&cli),
    }
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli) -> ExitCode {
    let catalog = match cli::load_catalog(cli.catalog.as_deref()) {
        Ok(catalog) => catalog,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            return ExitCode::from(failure.code);
        }
    };
    match serverless_atlas::ui::run(std::sync::Arc::new(catalog)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_cli: &Cli) -> ExitCode {
    eprintln!(
        "error: this build has no window (built without the `gui` feature); give a subcommand, see --help"
    );
    ExitCode::from(2)
}
