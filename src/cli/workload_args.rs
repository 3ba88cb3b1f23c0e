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

/// Everything about a workload except its volume.
#[derive(Debug, Clone, Args)]
pub struct WorkloadArgs {
    /// Average duration of one invocation, in milliseconds.
    #[arg(long, value_name = "MS", allow_negative_numbers = true)]
    pub duration_ms: f64,
    /// Configured memory, in MB.
    #[arg(long, value_name = "MB", allow_negative_numbers = true)]
    pub memory_mb: f64,
    #[arg(long, value_enum, default_value_t = ArchArg::X86_64)]
    pub arch: ArchArg,
    /// CPU time per invocation where it is billed (Cloudflare); defaults to the duration.
    #[arg(long, value_name = "MS", allow_negative_numbers = true)]
    pub cpu_ms: Option<f64>,
    /// Internet egress for the month, in GB.
    #[arg(
        long,
        value_name = "GB",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    pub egress_gb: f64,
    /// Configured ephemeral storage, in MB.
    #[arg(
        long,
        value_name = "MB",
        default_value_t = 512.0,
        allow_negative_numbers = true
    )]
    pub ephemeral_mb: f64,
    /// Request payload, in KB (API gateways meter large requests in increments).
    #[arg(
        long,
        value_name = "KB",
        default_value_t = 1.0,
        allow_negative_numbers = true
    )]
    pub payload_kb: f64,
    /// Requests one instance serves at once (per-instance billing: Azure Flex).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1.0,
        allow_negative_numbers = true
    )]
    pub instance_concurrency: f64,
    /// Price without free tiers (plan allowances such as Cloudflare's still apply).
    #[arg(long)]
    pub no_free_tier: bool,
}

impl WorkloadArgs {
    /// The workload at a volume, validated.
    pub fn workload(&self, requests_per_month: f64) -> Result<Workload, Failure> {
        let workload = Workload {
            requests_per_month,
            duration_ms: self.duration_ms,
            memory_mb: self.memory_mb,
            arch: match self.arch {
                ArchArg::X86_64 => Arch::X86_64,
                ArchArg::Arm64 => Arch::Arm64,
            },
            cpu_ms: self.cpu_ms,
            egress_gb: self.egress_gb,
            ephemeral_mb: self.ephemeral_mb,
            payload_kb: self.payload_kb,
            instance_concurrency: self.instance_concurrency,
            provisioned: None,
        };
        workload
            .validate()
            .map_err(|e| Failure::input(e.to_string()))?;
        Ok(workload)
    }

    pub fn options(&self) -> PricingOptions {
        PricingOptions {
            free_tier: !self.no_free_tier,
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
