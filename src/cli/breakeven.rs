//! `serverless-atlas breakeven`: where each offer meets an always-on server.

use clap::Args;

use super::workload_args::{OutputArgs, WorkloadArgs, id_list};
use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::cost::{self, AlwaysOn};
use crate::export;

#[derive(Debug, Args)]
pub struct BreakevenArgs {
    /// Comma-separated offer ids (default: every active priced platform).
    #[arg(long, value_name = "IDS")]
    pub platforms: Option<String>,
    #[command(flatten)]
    pub workload: WorkloadArgs,
    /// Price of one always-on instance per hour, in USD.
    #[arg(long, value_name = "USD", allow_negative_numbers = true)]
    pub vm_usd_per_hour: f64,
    /// Requests per second one always-on instance serves.
    #[arg(long, value_name = "R", allow_negative_numbers = true)]
    pub vm_rps: f64,
    /// Instances always running, whatever the volume.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub vm_min_instances: u32,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(cli: &Cli, args: &BreakevenArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    // The volume is what is being solved for; any valid value checks the rest.
    let workload = args.workload.workload(0.0)?;
    let options = args.workload.options();
    let always_on = AlwaysOn {
        usd_per_hour: args.vm_usd_per_hour,
        requests_per_second: args.vm_rps,
        min_instances: args.vm_min_instances,
    };
    always_on
        .validate()
        .map_err(|e| Failure::input(e.to_string()))?;
    let ids = args.platforms.as_deref().map(id_list).unwrap_or_default();
    let sheets = cost::select_sheets(&catalog, &ids).map_err(Failure::input)?;
    let results: Vec<cost::BreakEven> = sheets
        .iter()
        .map(|sheet| cost::break_even(sheet, &workload, &always_on, options))
        .collect();
    let text = export::breakeven::render(args.output.format, &results, &always_on)
        .map_err(|e| Failure::failed(e.to_string()))?;
    print_output(&text, args.output.output.as_deref())
}
