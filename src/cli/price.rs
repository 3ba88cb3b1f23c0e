//! `serverless-atlas price`: one workload on one priced offer.

use clap::Args;

use super::workload_args::{OutputArgs, WorkloadArgs};
use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::cost;
use crate::export::{self, Format};

#[derive(Debug, Args)]
pub struct PriceArgs {
    /// Id of a priced offer, e.g. aws-lambda, azure-functions-flex.
    #[arg(long)]
    pub platform: String,
    /// Requests per month.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests: f64,
    #[command(flatten)]
    pub workload: WorkloadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(cli: &Cli, args: &PriceArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    let workload = args.workload.workload(args.requests)?;
    let options = args.workload.options();
    let sheets = cost::select_sheets(&catalog, std::slice::from_ref(&args.platform))
        .map_err(Failure::input)?;
    let quotes: Vec<cost::Quote<'_>> = sheets
        .iter()
        .map(|sheet| cost::quote(sheet, &workload, options))
        .collect();
    let text = match args.output.format {
        // A single offer prints as one object, not an array.
        Format::Json => export::quote_json(&quotes[0]),
        format => export::render_quotes(format, &quotes, &workload, options),
    }
    .map_err(|e| Failure::failed(e.to_string()))?;
    print_output(&text, args.output.output.as_deref())
}
