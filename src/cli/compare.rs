//! `serverless-atlas compare`: one workload on several offers, cheapest first.

use clap::Args;

use super::workload_args::{OutputArgs, WorkloadArgs, id_list};
use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::cost;
use crate::export;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Comma-separated offer ids (default: every active priced platform).
    #[arg(long, value_name = "IDS")]
    pub platforms: Option<String>,
    /// Requests per month.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests: f64,
    #[command(flatten)]
    pub workload: WorkloadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(cli: &Cli, args: &CompareArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    let workload = args.workload.workload(args.requests)?;
    let options = args.workload.options();
    let ids = args.platforms.as_deref().map(id_list).unwrap_or_default();
    let sheets = cost::select_sheets(&catalog, &ids).map_err(Failure::input)?;
    let quotes = cost::compare(&sheets, &workload, options);
    let text = export::render_quotes(args.output.format, &quotes, &workload, options)
        .map_err(|e| Failure::failed(e.to_string()))?;
    print_output(&text, args.output.output.as_deref())
}
