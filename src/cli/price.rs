//! `serverless-atlas price`: one workload on one priced offer, a function
//! platform (`--platform`) or a managed service (`--service`).

use clap::Args;

use super::workload_args::{OutputArgs, WorkloadArgs};
use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::catalog::{Catalog, PriceSheet};
use crate::cost;
use crate::cost::service::{self, ServiceInput, ServiceUsage};
use crate::export::{self, Format};

#[derive(Debug, Args)]
pub struct PriceArgs {
    /// Id of a function platform's priced offer, e.g. aws-lambda, azure-functions-flex.
    #[arg(long, required_unless_present = "service", conflicts_with = "service")]
    pub platform: Option<String>,
    /// Id of a managed service's price sheet, e.g. aws-sqs, cloudflare-r2.
    #[arg(long, value_name = "SHEET_ID")]
    pub service: Option<String>,
    /// Requests per month (events, messages, API calls or executions for a service).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests: Option<f64>,
    #[command(flatten)]
    pub workload: WorkloadArgs,
    #[command(flatten)]
    pub service_flags: ServiceFlags,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Monthly usage flags only managed services read.
#[derive(Debug, Clone, Args)]
pub struct ServiceFlags {
    /// Average data stored over the month, in GB (services).
    #[arg(long, value_name = "GB", allow_negative_numbers = true)]
    pub storage_gb: Option<f64>,
    /// Write operations (or class A operations) per month (services).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub writes: Option<f64>,
    /// Read operations (or class B operations) per month (services).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub reads: Option<f64>,
    /// Deliveries per request: subscribers or consumers (services) [default: 1].
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub deliveries: Option<f64>,
    /// Steps (state transitions) per execution (services).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub steps: Option<f64>,
    /// Connection minutes per month of long-lived clients (services).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub connection_minutes: Option<f64>,
    /// Always-on units: tasks, streams, jobs, throughput units (services).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub instances: Option<f64>,
}

pub fn run(cli: &Cli, args: &PriceArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    match (&args.platform, &args.service) {
        (_, Some(sheet_id)) => run_service(&catalog, args, sheet_id),
        (Some(platform), None) => run_platform(&catalog, args, platform),
        (None, None) => Err(Failure::input("give --platform ID or --service ID")),
    }
}

fn run_platform(catalog: &Catalog, args: &PriceArgs, platform: &str) -> CliResult {
    if let Some(flag) = args.service_flags.given().first() {
        return Err(Failure::input(format!(
            "{} is a service flag; `price --platform` reads --requests, --duration-ms, --memory-mb and the other function flags",
            flag.flag()
        )));
    }
    let requests = args
        .requests
        .ok_or_else(|| Failure::input("--requests is required"))?;
    let workload = args.workload.workload(requests)?;
    let options = args.workload.options();
    let sheets = cost::select_sheets(catalog, &[platform.to_owned()]).map_err(Failure::input)?;
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

/// The service sheet named by id, or an error listing the valid ids.
fn service_sheet<'c>(catalog: &'c Catalog, id: &str) -> Result<&'c PriceSheet, Failure> {
    let id = id.trim();
    match catalog.price_sheet(id) {
        Some(sheet) if sheet.service_id().is_some() => Ok(sheet),
        found => {
            let valid: Vec<&str> = catalog
                .price_sheets
                .iter()
                .filter(|s| s.service_id().is_some())
                .map(|s| s.id.as_str())
                .collect();
            let what = if found.is_some() {
                format!("`{id}` prices a function platform (use --platform)")
            } else {
                format!("unknown service sheet `{id}`")
            };
            Err(Failure::input(format!(
                "{what}; valid ids: {}",
                valid.join(", ")
            )))
        }
    }
}

impl ServiceFlags {
    /// The service inputs given on the command line, with their values.
    fn values(&self) -> [(ServiceInput, Option<f64>); 7] {
        [
            (ServiceInput::StorageGb, self.storage_gb),
            (ServiceInput::Writes, self.writes),
            (ServiceInput::Reads, self.reads),
            (ServiceInput::Deliveries, self.deliveries),
            (ServiceInput::Steps, self.steps),
            (ServiceInput::ConnectionMinutes, self.connection_minutes),
            (ServiceInput::Instances, self.instances),
        ]
    }

    fn given(&self) -> Vec<ServiceInput> {
        self.values()
            .into_iter()
            .filter_map(|(input, value)| value.map(|_| input))
            .collect()
    }
}

/// Build the month's usage from the flags a sheet reads; a flag it does not
/// read is an error naming the ones it does.
fn service_usage(args: &PriceArgs, sheet: &PriceSheet) -> Result<ServiceUsage, Failure> {
    let used = service::inputs_used(sheet);
    let flags = |inputs: &[ServiceInput]| -> String {
        inputs
            .iter()
            .map(|i| i.flag())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let workload = &args.workload;
    let shared = [
        (ServiceInput::Requests, args.requests),
        (ServiceInput::PayloadKb, workload.payload_kb),
        (ServiceInput::EgressGb, workload.egress_gb),
        (ServiceInput::DurationMs, workload.duration_ms),
        (ServiceInput::MemoryMb, workload.memory_mb),
    ];
    let given: Vec<(ServiceInput, f64)> = shared
        .into_iter()
        .chain(args.service_flags.values())
        .filter_map(|(input, value)| value.map(|v| (input, v)))
        .collect();
    let unused: Vec<&str> = given
        .iter()
        .filter(|(input, _)| !used.contains(input))
        .map(|(input, _)| input.flag())
        .chain(workload.function_only_flags())
        .collect();
    if let Some(flag) = unused.first() {
        return Err(Failure::input(format!(
            "{} does not use {flag}; it reads {}",
            sheet.id,
            flags(&used)
        )));
    }
    // Unset inputs: zero for volumes the user did not state (so a quote is
    // exactly what was asked), the sheet's defaults for sizes and shapes.
    let defaults = ServiceUsage::with_defaults(&sheet.usage_defaults, 0.0);
    let mut usage = ServiceUsage {
        storage_gb: 0.0,
        egress_gb: 0.0,
        connection_minutes: 0.0,
        ..defaults
    };
    for (input, value) in given {
        match input {
            ServiceInput::Requests => usage.requests = value,
            ServiceInput::PayloadKb => usage.payload_kb = value,
            ServiceInput::StorageGb => usage.storage_gb = value,
            ServiceInput::Writes => usage.writes = value,
            ServiceInput::Reads => usage.reads = value,
            ServiceInput::EgressGb => usage.egress_gb = value,
            ServiceInput::DurationMs => usage.duration_ms = value,
            ServiceInput::MemoryMb => usage.memory_mb = value,
            ServiceInput::Deliveries => usage.deliveries = value,
            ServiceInput::Steps => usage.steps = value,
            ServiceInput::ConnectionMinutes => usage.connection_minutes = value,
            ServiceInput::Instances => usage.instances = value,
        }
    }
    service::validate(&usage).map_err(|e| Failure::input(e.to_string()))?;
    Ok(usage)
}

fn run_service(catalog: &Catalog, args: &PriceArgs, sheet_id: &str) -> CliResult {
    let sheet = service_sheet(catalog, sheet_id)?;
    let usage = service_usage(args, sheet)?;
    let options = args.workload.options();
    let quote = service::quote_service(sheet, &usage, options);
    let text = match args.output.format {
        Format::Json => export::quote_json(&quote),
        format => export::service::render_service_quote(format, &quote, &usage, options),
    }
    .map_err(|e| Failure::failed(e.to_string()))?;
    print_output(&text, args.output.output.as_deref())
}
