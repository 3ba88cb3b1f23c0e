//! The command line: one file per subcommand. Every subcommand prints to
//! stdout (or `--output FILE`) and reports errors as one line on stderr.
//!
//! Exit codes: 0 ok, 1 failure, 2 bad input or usage.

pub mod breakeven;
pub mod catalog;
pub mod check;
pub mod compare;
pub mod cost;
pub mod open;
pub mod price;
pub mod workload_args;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::catalog::Catalog;

/// Explore the serverless ecosystem, design architectures and price them.
#[derive(Debug, Parser)]
#[command(name = "serverless-atlas", version, about)]
pub struct Cli {
    /// Load the catalog from this directory instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show and check catalog entries.
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// Price one workload on one offer.
    Price(price::PriceArgs),
    /// Price one workload on several offers, cheapest first.
    Compare(compare::CompareArgs),
    /// Find the monthly volume where each offer costs as much as an always-on server.
    Breakeven(breakeven::BreakevenArgs),
    /// Validate architecture files against their target platforms.
    Check(check::CheckArgs),
    /// Price an architecture on every provider it maps to, with its gaps.
    Cost(cost::CostArgs),
    /// Open the window on an architecture file.
    Open {
        /// The architecture file (.ron) to open.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// A failure and the exit code it maps to.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad input or usage: exit 2.
    pub fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// Anything else that went wrong: exit 1.
    pub fn failed(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

pub type CliResult = Result<(), Failure>;

/// Load the catalog named by `--catalog`, or the built-in one.
pub fn load_catalog(dir: Option<&std::path::Path>) -> Result<Catalog, Failure> {
    let result = match dir {
        Some(dir) => Catalog::from_dir(dir),
        None => Catalog::builtin(),
    };
    result.map_err(|errors| Failure::input(errors.to_string()))
}

/// Print to stdout, or write the file atomically when `--output` is given.
pub fn print_output(text: &str, output: Option<&std::path::Path>) -> CliResult {
    match output {
        Some(path) => crate::fs::write_atomic(path, text.as_bytes())
            .map_err(|e| Failure::failed(e.to_string())),
        None => write_stdout(text),
    }
}

/// Write to standard output. A closed pipe (`| head`) is the reader's
/// choice, not a failure; any other failure (`> /dev/full`, a full disk)
/// is, or a script would take a missing result for a written one.
fn write_stdout(text: &str) -> CliResult {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::failed(format!(
            "could not write to standard output: {error}"
        ))),
    }
}

/// Clap's usage error (a message, an indented list, a usage block and a
/// hint, over several lines) as the one line the README promises:
/// `the following required arguments were not provided: --platform
/// <PLATFORM>, --memory-mb <MB> (see --help)`.
pub fn one_line_usage_error(rendered: &str) -> String {
    let first_paragraph = rendered.split("\n\n").next().unwrap_or(rendered);
    let mut lines = first_paragraph
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let head = lines
        .next()
        .unwrap_or("invalid command line")
        .trim_start_matches("error:")
        .trim();
    let rest: Vec<&str> = lines.collect();
    let message = if rest.is_empty() {
        head.to_owned()
    } else {
        format!("{head} {}", rest.join(", "))
    };
    format!("{message} (see --help)")
}

/// A command group given without its subcommand (clap prints the whole
/// help) as one line naming the subcommands.
pub fn missing_subcommand(help: &str) -> String {
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    if commands.is_empty() {
        "a subcommand is missing (see --help)".to_owned()
    } else {
        format!(
            "a subcommand is missing: one of {} (see --help)",
            commands.join(", ")
        )
    }
}

/// Run a parsed command line that has a subcommand.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let result = match command {
        Command::Catalog(sub) => catalog::run(cli, sub),
        Command::Price(args) => price::run(cli, args),
        Command::Compare(args) => compare::run(cli, args),
        Command::Breakeven(args) => breakeven::run(cli, args),
        Command::Check(args) => check::run(cli, args),
        Command::Cost(args) => cost::run(cli, args),
        Command::Open { file } => open::run(file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
