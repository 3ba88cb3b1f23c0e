use std::process::ExitCode;

use clap::Parser;
use serverless_atlas::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            eprintln!(
                "error: this build has no window (built without the `gui` feature); give a subcommand, see --help"
            );
            ExitCode::from(2)
        }
    }
}
