//! Workload flags shared by `price`, `compare` and `breakeven`.

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use crate::catalog::Arch;
use crate::cost::{PricingOptions, Workload};
use crate::export::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ArchArg {
    #[value(name = "x86_64")]
    X86_64,
    #[value(name = "arm64")]
    Arm64,
}

/// Everything about a workload except its volume. Flags are optional at
/// parse time so `price --service` can share them; a function workload
/// still needs `--duration-ms` and `--memory-mb` (see [`WorkloadArgs::workload`]).
#[derive(Debug, Clone, Args)]
pub struct WorkloadArgs {
    /// Average duration of one invocation, in milliseconds.
    #[arg(long, value_name = "MS", allow_negative_numbers = true)]
    pub duration_ms: Option<f64>,
    /// Configured memory, in MB.
    #[arg(long, value_name = "MB", allow_negative_numbers = true)]
    pub memory_mb: Option<f64>,
    /// CPU architecture [default: x86_64].
    #[arg(long, value_enum)]
    pub arch: Option<ArchArg>,
    /// CPU time per invocation where it is billed (Cloudflare); defaults to the duration.
    #[arg(long, value_name = "MS", allow_negative_numbers = true)]
    pub cpu_ms: Option<f64>,
    /// Internet egress for the month, in GB [default: 0].
    #[arg(long, value_name = "GB", allow_negative_numbers = true)]
    pub egress_gb: Option<f64>,
    /// Configured ephemeral storage, in MB [default: 512].
    #[arg(long, value_name = "MB", allow_negative_numbers = true)]
    pub ephemeral_mb: Option<f64>,
    /// Request payload, in KB (API gateways meter large requests in increments) [default: 1].
    #[arg(long, value_name = "KB", allow_negative_numbers = true)]
    pub payload_kb: Option<f64>,
    /// Requests one instance serves at once (per-instance billing: Azure Flex) [default: 1].
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub instance_concurrency: Option<f64>,
    /// Price without free tiers (plan allowances such as Cloudflare's still apply).
    #[arg(long)]
    pub no_free_tier: bool,
    /// Also apply 12-month free tiers (AWS: only accounts opened before
    /// 2025-07-15 had them, so none is still in its first year).
    #[arg(long, conflicts_with = "no_free_tier")]
    pub first_year_free_tier: bool,
}

impl WorkloadArgs {
    /// The workload at a volume, validated.
    pub fn workload(&self, requests_per_month: f64) -> Result<Workload, Failure> {
        let required = |value: Option<f64>, flag: &str| {
            value.ok_or_else(|| {
                Failure::input(format!("{flag} is required for a function workload"))
            })
        };
        let defaults = Workload::default();
        let workload = Workload {
            requests_per_month,
            duration_ms: required(self.duration_ms, "--duration-ms")?,
            memory_mb: required(self.memory_mb, "--memory-mb")?,
            arch: match self.arch {
                None | Some(ArchArg::X86_64) => Arch::X86_64,
                Some(ArchArg::Arm64) => Arch::Arm64,
            },
            cpu_ms: self.cpu_ms,
            egress_gb: self.egress_gb.unwrap_or(0.0),
            ephemeral_mb: self.ephemeral_mb.unwrap_or(defaults.ephemeral_mb),
            payload_kb: self.payload_kb.unwrap_or(defaults.payload_kb),
            instance_concurrency: self
                .instance_concurrency
                .unwrap_or(defaults.instance_concurrency),
            provisioned: None,
        };
        workload
            .validate()
            .map_err(|e| Failure::input(e.to_string()))?;
        Ok(workload)
    }

    /// The function-only flags that were given (a service has no use for them).
    pub fn function_only_flags(&self) -> Vec<&'static str> {
        [
            ("--arch", self.arch.is_some()),
            ("--cpu-ms", self.cpu_ms.is_some()),
            ("--ephemeral-mb", self.ephemeral_mb.is_some()),
            (
                "--instance-concurrency",
                self.instance_concurrency.is_some(),
            ),
        ]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect()
    }

    pub fn options(&self) -> PricingOptions {
        PricingOptions {
            free_tier: !self.no_free_tier,
            first_year_free_tier: self.first_year_free_tier,
        }
    }
}

/// `--format` and `--output`.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file instead of standard output (replaced atomically).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Parse a comma-separated id list, dropping empty items.
pub fn id_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}
