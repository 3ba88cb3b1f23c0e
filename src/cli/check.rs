//! `serverless-atlas check FILE...`: validate architecture files against
//! their target platforms.
//!
//! Problems go to stdout as `FILE: error: node 3 "Handler": ...`. Exit 0
//! when every file is valid (warnings are printed but allowed), 1 when a
//! file has errors, 2 when a file cannot be read or parsed.

use std::path::PathBuf;

use clap::Args;

use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::architecture::{self, Severity};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Architecture files (.ron) to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(cli: &Cli, args: &CheckArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    let mut report = String::new();
    let mut unreadable: Vec<String> = Vec::new();
    let mut with_errors = 0usize;
    for path in &args.files {
        let name = path.display();
        let doc = match architecture::load_file(&catalog, path) {
            Ok(doc) => doc,
            Err(error) => {
                unreadable.push(error.to_string());
                continue;
            }
        };
        let problems = architecture::validate(&catalog, &doc);
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        if errors > 0 {
            with_errors += 1;
        }
        for problem in &problems {
            report.push_str(&format!("{name}: {problem}\n"));
        }
        if errors == 0 {
            let warnings = problems.len();
            report.push_str(&format!(
                "{name}: ok ({} nodes, {} edges{})\n",
                doc.nodes.len(),
                doc.edges.len(),
                match warnings {
                    0 => String::new(),
                    1 => ", 1 warning".to_owned(),
                    n => format!(", {n} warnings"),
                }
            ));
        }
    }
    print_output(&report, None)?;
    // Every unreadable file gets its own line; the last one is the failure's.
    if let Some((last, others)) = unreadable.split_last() {
        for line in others {
            eprintln!("error: {line}");
        }
        return Err(Failure::input(last.clone()));
    }
    match with_errors {
        0 => Ok(()),
        1 if args.files.len() == 1 => Err(Failure::failed("the architecture has errors")),
        n => Err(Failure::failed(format!(
            "{n} of {} files {} errors",
            args.files.len(),
            if n == 1 { "has" } else { "have" }
        ))),
    }
}
