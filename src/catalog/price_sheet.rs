//! Price sheets: one priced offer each (`catalogs/pricing/*.ron`).
//!
//! A sheet is pure data. The few kinds of billing rule that differ between
//! providers (rounding, memory steps, CPU derived from memory, per-instance
//! billing, provisioned capacity) are enums here and are evaluated in
//! `crate::cost`; every number lives in the RON.

use serde::{Deserialize, Serialize};

use super::date::CatalogDate;
use super::types::Source;

/// Whether an offer can still be bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SheetStatus {
    Active,
    /// Kept for history; excluded from default comparisons.
    Retired,
}

/// What a sheet prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    /// A FaaS platform (platform id in `platforms.ron`).
    Platform(String),
    /// A managed service (service id in `services.ron`).
    Service(String),
}

/// CPU machine architecture of a function.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Arch {
    #[default]
    #[serde(rename = "x86_64")]
    X86_64,
    #[serde(rename = "arm64")]
    Arm64,
}

impl Arch {
    pub fn label(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }
}

/// A base quantity the engine derives from a workload. A meter bills a
/// weighted sum of these (most meters use one, with weight 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Term {
    /// Requests or invocations; counted in payload increments when the sheet
    /// sets `request_size_increment_kb`.
    Requests(f64),
    /// Billed memory (GB) x billed duration (s), for on-demand invocations.
    GbSeconds(f64),
    /// Derived CPU (GHz or vCPU, per `CpuRule`) x billed duration (s), on demand.
    CpuSeconds(f64),
    /// CPU time in milliseconds, as Cloudflare counts it.
    CpuMs(f64),
    /// Internet egress in GB per month.
    EgressGb(f64),
    /// Configured ephemeral storage above the free size (GB) x billed duration (s).
    EphemeralGbSeconds(f64),
    /// Provisioned concurrency: concurrency x memory (GB) x enabled time (s).
    ProvisionedGbSeconds(f64),
    /// Memory x duration of the invocations served while provisioned capacity is on.
    ProvisionedDurationGbSeconds(f64),
    /// Per-instance billing: instance memory (GB) x instance active time (s).
    InstanceGbSeconds(f64),
    /// A flat monthly fee: quantity 1 each month.
    Months(f64),
}

/// A price step: applies to usage up to `up_to` (in the meter's base
/// quantity, counted from zero for the whole month), or above the last bound.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<f64>,
    /// Price per display unit (see `Meter::unit_size`).
    pub usd: f64,
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meter {
    pub id: String,
    pub name: String,
    pub quantity: Vec<Term>,
    /// Display unit, e.g. "1M requests" or "GB-s".
    pub unit: String,
    /// Base quantities per display unit (1,000,000 for "1M requests").
    #[serde(default = "one")]
    pub unit_size: f64,
    /// Only bill this meter for functions of this architecture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<Arch>,
    pub tiers: Vec<Tier>,
    /// Id of the free pool this meter draws from first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_pool: Option<String>,
}

fn one() -> f64 {
    1.0
}

/// Whether a pool is a free tier (switchable off) or part of a paid plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PoolKind {
    FreeTier,
    /// Included in a subscription; always applied.
    Included,
}

/// A monthly allowance shared by the meters that name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreePool {
    pub id: String,
    pub name: String,
    /// In the base quantity of the meters that draw from it.
    pub quantity: f64,
    pub kind: PoolKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How configured memory becomes billed memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MemoryRule {
    /// Round up to a multiple of `step_mb`, at least `min_mb`, billed at most `cap_mb`.
    Step {
        step_mb: f64,
        min_mb: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_mb: Option<f64>,
    },
    /// Only these sizes exist; round up to the next one.
    Sizes(Vec<f64>),
}

impl Default for MemoryRule {
    fn default() -> Self {
        MemoryRule::Step {
            step_mb: 1.0,
            min_mb: 0.0,
            cap_mb: None,
        }
    }
}

/// Unit of derived CPU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CpuUnit {
    Ghz,
    Vcpu,
}

/// One row of a memory -> CPU table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpuPoint {
    pub memory_mb: f64,
    pub cpu: f64,
}

/// How CPU is derived from memory, for sheets that bill CPU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CpuRule {
    /// The CPU of the smallest row whose memory is at least the billed memory.
    Table {
        unit: CpuUnit,
        points: Vec<CpuPoint>,
    },
    /// CPU proportional to memory (`cpu_per_gb` x billed GB).
    PerGb { unit: CpuUnit, cpu_per_gb: f64 },
}

impl CpuRule {
    pub fn unit(&self) -> CpuUnit {
        match self {
            CpuRule::Table { unit, .. } | CpuRule::PerGb { unit, .. } => *unit,
        }
    }
}

/// Per-instance billing (Azure Flex Consumption): instances, not executions,
/// are billed while they are active.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerInstance {
    /// The shortest active period billed.
    pub min_active_period_ms: f64,
}

/// The billing rules that differ between providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingRules {
    /// Billed duration is rounded up to a multiple of this.
    #[serde(default = "one")]
    pub duration_rounding_ms: f64,
    #[serde(default)]
    pub min_duration_ms: f64,
    #[serde(default)]
    pub memory: MemoryRule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<CpuRule>,
    /// Requests are counted once per started increment of payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_size_increment_kb: Option<f64>,
    /// Ephemeral storage up to this size is free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_free_mb: Option<f64>,
    /// Provisioned capacity time is rounded up to this many minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioned_rounding_minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_instance: Option<PerInstance>,
}

impl Default for BillingRules {
    fn default() -> Self {
        Self {
            duration_rounding_ms: 1.0,
            min_duration_ms: 0.0,
            memory: MemoryRule::default(),
            cpu: None,
            request_size_increment_kb: None,
            ephemeral_free_mb: None,
            provisioned_rounding_minutes: None,
            per_instance: None,
        }
    }
}

/// What a workload must fit to run on the offer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_memory_mb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_memory_mb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration_ms: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_cpu_ms: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ephemeral_mb: Option<f64>,
    /// Architectures offered; empty means the sheet does not distinguish.
    #[serde(default)]
    pub archs: Vec<Arch>,
}

/// One priced offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceSheet {
    pub id: String,
    pub name: String,
    pub subject: Subject,
    pub status: SheetStatus,
    pub region: String,
    pub currency: String,
    /// When the prices were read from `sources`.
    pub as_of: CatalogDate,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub limits: SheetLimits,
    #[serde(default)]
    pub billing: BillingRules,
    #[serde(default)]
    pub free_pools: Vec<FreePool>,
    pub meters: Vec<Meter>,
}

impl PriceSheet {
    pub fn platform_id(&self) -> Option<&str> {
        match &self.subject {
            Subject::Platform(id) => Some(id),
            Subject::Service(_) => None,
        }
    }

    pub fn service_id(&self) -> Option<&str> {
        match &self.subject {
            Subject::Service(id) => Some(id),
            Subject::Platform(_) => None,
        }
    }

    pub fn pool(&self, id: &str) -> Option<&FreePool> {
        self.free_pools.iter().find(|p| p.id == id)
    }

    /// Whether the sheet bills provisioned capacity separately.
    pub fn supports_provisioned(&self) -> bool {
        self.meters.iter().any(|m| {
            m.quantity
                .iter()
                .any(|t| matches!(t, Term::ProvisionedGbSeconds(_)))
        })
    }
}
