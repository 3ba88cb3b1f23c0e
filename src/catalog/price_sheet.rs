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

    // Managed services. Their usage comes from `crate::cost::ServiceUsage`;
    // how it becomes quantities (unit sizes, minimums, chunks) is set by
    // the sheet's `BillingRules`, so no service needs code of its own.
    /// Write operations (class A), each counted in `write_unit_kb` units of
    /// the item or object size when the sheet sets it.
    Writes(f64),
    /// Read operations (class B), in `read_unit_kb` units when set.
    Reads(f64),
    /// Average data stored over the month, in GB-months.
    StorageGbMonths(f64),
    /// Data carried by the requests, in GB: each request's payload rounded
    /// up to `data_rounding_kb` and at least `data_min_kb`.
    DataGb(f64),
    /// The same data once per delivery (subscribers or consumers), in GB.
    DeliveredDataGb(f64),
    /// Deliveries: requests x deliveries per request, each counted in
    /// payload increments like requests.
    Deliveries(f64),
    /// Steps per request (state transitions of a workflow execution).
    Steps(f64),
    /// Connection time of long-lived clients (WebSocket, MQTT), in minutes.
    ConnectionMinutes(f64),
    /// Always-on units billed per month (jobs, base units): the instance count.
    Instances(f64),
    /// Always-on units billed by the hour: instances x 730 hours.
    InstanceHours(f64),
    /// Always-on memory: instances x billed memory (GB) x 730 hours.
    InstanceGbHours(f64),
    /// Always-on CPU: instances x derived CPU (per `CpuRule`) x 730 hours.
    InstanceCpuHours(f64),
}

impl Term {
    /// The term's weight, whatever it measures.
    pub fn weight(self) -> f64 {
        match self {
            Term::Requests(w)
            | Term::GbSeconds(w)
            | Term::CpuSeconds(w)
            | Term::CpuMs(w)
            | Term::EgressGb(w)
            | Term::EphemeralGbSeconds(w)
            | Term::ProvisionedGbSeconds(w)
            | Term::ProvisionedDurationGbSeconds(w)
            | Term::InstanceGbSeconds(w)
            | Term::Months(w)
            | Term::Writes(w)
            | Term::Reads(w)
            | Term::StorageGbMonths(w)
            | Term::DataGb(w)
            | Term::DeliveredDataGb(w)
            | Term::Deliveries(w)
            | Term::Steps(w)
            | Term::ConnectionMinutes(w)
            | Term::Instances(w)
            | Term::InstanceHours(w)
            | Term::InstanceGbHours(w)
            | Term::InstanceCpuHours(w) => w,
        }
    }

    /// Whether the term measures a managed service's usage rather than a
    /// function's (a sheet uses one family or the other, never both).
    pub fn is_service_term(self) -> bool {
        matches!(
            self,
            Term::Writes(_)
                | Term::Reads(_)
                | Term::StorageGbMonths(_)
                | Term::DataGb(_)
                | Term::DeliveredDataGb(_)
                | Term::Deliveries(_)
                | Term::Steps(_)
                | Term::ConnectionMinutes(_)
                | Term::Instances(_)
                | Term::InstanceHours(_)
                | Term::InstanceGbHours(_)
                | Term::InstanceCpuHours(_)
        )
    }
}

/// The most meters a price sheet may have (checked when the catalog loads;
/// the cost engine stores one quantity per meter inline).
pub const MAX_METERS: usize = 16;

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
    /// Bill whole display units: what is left after the allowance is rounded
    /// up to the next unit (Cloudflare R2: 1,000,001 operations bill as 2M).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole_units: bool,
}

fn one() -> f64 {
    1.0
}

/// Whether a pool is a free tier (switchable off) or part of a paid plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PoolKind {
    FreeTier,
    /// A free tier for an account's first 12 months (switchable off, and
    /// off by default: see `PricingOptions::first_year_free_tier`).
    FirstYear,
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
    /// Each write is counted once per started unit of the item size
    /// (DynamoDB: 1 KB write request units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_unit_kb: Option<f64>,
    /// Each read is counted once per started unit of the item size
    /// (DynamoDB: 4 KB read request units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_unit_kb: Option<f64>,
    /// Each request's data is rounded up to a multiple of this (Kinesis: 1 KB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_rounding_kb: Option<f64>,
    /// Each request's data counts as at least this much (Pub/Sub: 1,000 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_min_kb: Option<f64>,
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
            write_unit_kb: None,
            read_unit_kb: None,
            data_rounding_kb: None,
            data_min_kb: None,
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
    /// Usage a design cannot know, assumed until the user says otherwise
    /// (service sheets only); the inspector shows them.
    #[serde(default, skip_serializing_if = "UsageDefaults::is_empty")]
    pub usage_defaults: UsageDefaults,
}

/// Defaults for the service inputs only a user knows. Unset fields fall
/// back to [`UsageDefaults::FALLBACK`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageDefaults {
    /// Average data stored, GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_gb: Option<f64>,
    /// Share of the operations reaching the service that are reads (0 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_share: Option<f64>,
    /// Item, object or message size in KB, when the node does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_kb: Option<f64>,
    /// Duration of one request or execution, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<f64>,
    /// Memory of one execution, MB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_mb: Option<f64>,
    /// Steps (state transitions) per execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<f64>,
    /// Connection minutes per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_minutes: Option<f64>,
    /// Always-on units (tasks, streams, jobs, throughput units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instances: Option<f64>,
    /// Internet egress per month, GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_gb: Option<f64>,
}

impl UsageDefaults {
    pub fn is_empty(&self) -> bool {
        *self == UsageDefaults::default()
    }
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
