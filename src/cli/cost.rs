//! `serverless-atlas cost FILE`: an architecture priced on every provider it
//! maps to, with per-component line items, totals and gaps.

use std::path::PathBuf;

use clap::Args;

use super::workload_args::{OutputArgs, id_list};
use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::architecture::{self, ProviderPort};
use crate::cost::PricingOptions;
use crate::export::architecture::render_ports;

#[derive(Debug, Args)]
pub struct CostArgs {
    /// The architecture file (.ron).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Comma-separated function platform or provider ids (default: every
    /// provider the architecture maps to).
    #[arg(long, value_name = "IDS")]
    pub platforms: Option<String>,
    /// Price without free tiers (plan allowances such as Cloudflare's still apply).
    #[arg(long)]
    pub no_free_tier: bool,
    /// Also apply 12-month free tiers (AWS: only accounts opened before
    /// 2025-07-15 had them, so none is still in its first year).
    #[arg(long, conflicts_with = "no_free_tier")]
    pub first_year_free_tier: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Keep the providers named by provider id or function platform id.
fn select(ports: Vec<ProviderPort>, ids: &[String]) -> Result<Vec<ProviderPort>, Failure> {
    if ids.is_empty() {
        return Ok(ports);
    }
    if let Some(unknown) = ids.iter().find(|id| {
        !ports
            .iter()
            .any(|p| p.provider == **id || p.platform == **id)
    }) {
        let mut valid: Vec<&str> = ports
            .iter()
            .flat_map(|p| [p.platform.as_str(), p.provider.as_str()])
            .collect();
        valid.sort_unstable();
        valid.dedup();
        return Err(Failure::input(format!(
            "unknown platform `{unknown}`; valid ids: {}",
            valid.join(", ")
        )));
    }
    Ok(ports
        .into_iter()
        .filter(|p| ids.iter().any(|id| *id == p.provider || *id == p.platform))
        .collect())
}

pub fn run(cli: &Cli, args: &CostArgs) -> CliResult {
    let catalog = load_catalog(cli.catalog.as_deref())?;
    let doc =
        architecture::load_file(&catalog, &args.file).map_err(|e| Failure::input(e.to_string()))?;
    let errors = architecture::validate(&catalog, &doc)
        .iter()
        .filter(|p| p.is_error())
        .count();
    if errors > 0 {
        eprintln!(
            "warning: {} has {errors} error(s) (see `serverless-atlas check`); its costs may be understated",
            args.file.display()
        );
    }
    let options = PricingOptions {
        free_tier: !args.no_free_tier,
        first_year_free_tier: args.first_year_free_tier,
    };
    let ids = args.platforms.as_deref().map(id_list).unwrap_or_default();
    let mut ports = select(architecture::portability(&catalog, &doc, options), &ids)?;
    // Complete providers by total first; partial totals are lower bounds.
    architecture::rank(&mut ports);
    let text = render_ports(args.output.format, &doc, &ports)
        .map_err(|e| Failure::failed(e.to_string()))?;
    print_output(&text, args.output.output.as_deref())
}
