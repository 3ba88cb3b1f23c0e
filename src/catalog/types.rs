//! The catalog's entry types, exactly as they appear in `catalogs/*.ron`.
//!
//! Every entry has a stable kebab-case `id`; entries refer to each other by
//! id, and [`super::validate`] checks every such reference at load time.
//! Optional fields may be left out of the RON files.

use serde::{Deserialize, Serialize};

use super::date::CatalogDate;

/// Where a fact came from. `note` says how far it was checked
/// (for example "unverified: general knowledge").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A company or community that hosts services: the unit of portability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// The FaaS platform an architecture is ported to on this provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function_platform: Option<String>,
    /// The platform that runs functions at the CDN edge, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_platform: Option<String>,
    #[serde(default)]
    pub description: String,
}

/// How an event reaches a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Delivery {
    /// Pushed; the caller waits for the result.
    Sync,
    /// Pushed and queued by the platform.
    Async,
    /// The platform polls a queue or stream, in batches.
    Poll,
}

impl Delivery {
    pub fn label(self) -> &'static str {
        match self {
            Delivery::Sync => "sync",
            Delivery::Async => "async",
            Delivery::Poll => "poll",
        }
    }
}

/// Coarse families of triggers, used to order and group the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TriggerGroup {
    Request,
    Messaging,
    Data,
    Time,
    Platform,
}

impl TriggerGroup {
    pub fn label(self) -> &'static str {
        match self {
            TriggerGroup::Request => "Request",
            TriggerGroup::Messaging => "Messaging",
            TriggerGroup::Data => "Data",
            TriggerGroup::Time => "Time",
            TriggerGroup::Platform => "Platform",
        }
    }
}

/// One kind of event in the vendor-neutral trigger taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerKind {
    pub id: String,
    /// Former ids that still resolve to this entry, so architecture files
    /// written before a rename keep loading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub name: String,
    pub group: TriggerGroup,
    pub delivery: Vec<Delivery>,
    pub description: String,
    /// An example CloudEvents `type` for this kind of event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloudevents_type: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// Whether a platform is a service you use or software you run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlatformKind {
    Hosted,
    Installable,
}

impl PlatformKind {
    pub fn label(self) -> &'static str {
        match self {
            PlatformKind::Hosted => "hosted",
            PlatformKind::Installable => "installable",
        }
    }
}

/// Where a platform is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Available and maintained.
    Active,
    /// Still running or downloadable, but its owner tells users to move away.
    Deprecated,
    /// The hosted service is shut down.
    Retired,
    /// The project is abandoned or its repository archived.
    Archived,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Deprecated => "deprecated",
            Status::Retired => "retired",
            Status::Archived => "archived",
        }
    }
}

/// Lifecycle dates; any may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<CatalogDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<CatalogDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ga: Option<CatalogDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<CatalogDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shutdown: Option<CatalogDate>,
}

impl Dates {
    /// The earliest known date: when the platform entered the timeline.
    pub fn first(&self) -> Option<CatalogDate> {
        [self.announced, self.preview, self.ga]
            .into_iter()
            .flatten()
            .min()
    }
}

/// Documented limits. Unknown limits are `None`, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_timeout_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_timeout_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_memory_mb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_memory_mb: Option<f64>,
    /// Concurrent executions allowed by default (per account, region or namespace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_concurrency: Option<u32>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One way a platform can be triggered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformTrigger {
    /// Taxonomy id from `triggers.ron`.
    pub trigger: String,
    /// The platform's own name for it ("S3 event notifications").
    pub service: String,
    pub delivery: Delivery,
    /// The managed service in `services.ron` that emits it, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
}

/// How a platform is operated. `None` means the sources say nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debugger: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam: Option<String>,
}

/// The operational capabilities compared across platforms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Capability {
    Metrics,
    Logs,
    Tracing,
    Debugger,
    Iam,
}

impl Capability {
    pub const ALL: [Capability; 5] = [
        Capability::Metrics,
        Capability::Logs,
        Capability::Tracing,
        Capability::Debugger,
        Capability::Iam,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Capability::Metrics => "Metrics",
            Capability::Logs => "Logs",
            Capability::Tracing => "Tracing",
            Capability::Debugger => "Local dev / debugger",
            Capability::Iam => "IAM / security",
        }
    }
}

impl Operations {
    pub fn get(&self, capability: Capability) -> Option<&str> {
        match capability {
            Capability::Metrics => self.metrics.as_deref(),
            Capability::Logs => self.logs.as_deref(),
            Capability::Tracing => self.tracing.as_deref(),
            Capability::Debugger => self.debugger.as_deref(),
            Capability::Iam => self.iam.as_deref(),
        }
    }
}

/// A functions-as-a-service platform, hosted or installable, live or gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    /// Former ids that still resolve to this entry, so architecture files
    /// written before a rename keep loading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub name: String,
    /// Who makes it, as a display name.
    pub vendor: String,
    /// The provider id whose services surround it (`self-hosted` for installable platforms).
    pub provider: String,
    pub kind: PlatformKind,
    pub status: Status,
    #[serde(default)]
    pub dates: Dates,
    /// For retired or deprecated platforms: the platform that replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// For edge or device variants (Lambda@Edge): the platform they extend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<String>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Where the CNCF landscape lists it, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cncf_landscape: Option<String>,
    #[serde(default)]
    pub runtimes: Vec<String>,
    #[serde(default)]
    pub limits: Limits,
    #[serde(default)]
    pub triggers: Vec<PlatformTrigger>,
    #[serde(default)]
    pub cold_start: Vec<String>,
    #[serde(default)]
    pub operations: Operations,
    /// Ids of the price sheets in `pricing/` that price this platform.
    #[serde(default)]
    pub price_sheets: Vec<String>,
    pub sources: Vec<Source>,
}

impl Platform {
    pub fn supports_trigger(&self, trigger_id: &str) -> bool {
        self.triggers.iter().any(|t| t.trigger == trigger_id)
    }

    /// Date of the last lifecycle change, for "as of" status labels.
    pub fn is_live(&self) -> bool {
        matches!(self.status, Status::Active | Status::Deprecated)
    }
}

/// What a managed service does, independent of who sells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ServiceRole {
    ObjectStorage,
    Queue,
    PubSub,
    Stream,
    EventBus,
    NoSql,
    TimeSeries,
    ApiGateway,
    Workflow,
    Scheduler,
    Cdn,
    Iot,
    Email,
    Identity,
    Realtime,
    Containers,
    Monitoring,
    Logging,
    Tracing,
    Iam,
    Secrets,
}

impl ServiceRole {
    pub const ALL: [ServiceRole; 21] = [
        ServiceRole::ObjectStorage,
        ServiceRole::Queue,
        ServiceRole::PubSub,
        ServiceRole::Stream,
        ServiceRole::EventBus,
        ServiceRole::NoSql,
        ServiceRole::TimeSeries,
        ServiceRole::ApiGateway,
        ServiceRole::Workflow,
        ServiceRole::Scheduler,
        ServiceRole::Cdn,
        ServiceRole::Iot,
        ServiceRole::Email,
        ServiceRole::Identity,
        ServiceRole::Realtime,
        ServiceRole::Containers,
        ServiceRole::Monitoring,
        ServiceRole::Logging,
        ServiceRole::Tracing,
        ServiceRole::Iam,
        ServiceRole::Secrets,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ServiceRole::ObjectStorage => "Object storage",
            ServiceRole::Queue => "Queue",
            ServiceRole::PubSub => "Pub/sub topic",
            ServiceRole::Stream => "Stream",
            ServiceRole::EventBus => "Event bus",
            ServiceRole::NoSql => "NoSQL with change feed",
            ServiceRole::TimeSeries => "Time-series store",
            ServiceRole::ApiGateway => "API gateway",
            ServiceRole::Workflow => "Workflow",
            ServiceRole::Scheduler => "Scheduler",
            ServiceRole::Cdn => "CDN / edge",
            ServiceRole::Iot => "IoT hub",
            ServiceRole::Email => "Email / SMS",
            ServiceRole::Identity => "Identity",
            ServiceRole::Realtime => "Realtime / WebSocket",
            ServiceRole::Containers => "Containers (always-on or serverless)",
            ServiceRole::Monitoring => "Monitoring",
            ServiceRole::Logging => "Logging",
            ServiceRole::Tracing => "Tracing",
            ServiceRole::Iam => "IAM",
            ServiceRole::Secrets => "Secrets",
        }
    }
}

/// A managed service around the functions, by provider and generic role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    /// Former ids that still resolve to this entry, so architecture files
    /// written before a rename keep loading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub name: String,
    pub provider: String,
    pub role: ServiceRole,
    /// Trigger taxonomy ids this service can emit towards a function.
    #[serde(default)]
    pub emits: Vec<String>,
    pub description: String,
    /// How far it really matches the role, when only partly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
    /// Price sheet id in `pricing/`, when the service is priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_sheet: Option<String>,
    pub sources: Vec<Source>,
}

/// What a tool is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ToolKind {
    /// Application framework: you write functions against it.
    Framework,
    /// Infrastructure as code, general purpose.
    InfrastructureAsCode,
    /// Packages and deploys functions.
    DeploymentTool,
}

impl ToolKind {
    pub fn label(self) -> &'static str {
        match self {
            ToolKind::Framework => "framework",
            ToolKind::InfrastructureAsCode => "infrastructure as code",
            ToolKind::DeploymentTool => "deployment tool",
        }
    }
}

/// How alive a tool is, from the evidence in its repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ToolStatus {
    Active,
    Maintenance,
    Dormant,
    Unmaintained,
    EndOfLife,
    Deprecated,
}

impl ToolStatus {
    pub fn label(self) -> &'static str {
        match self {
            ToolStatus::Active => "active",
            ToolStatus::Maintenance => "maintenance",
            ToolStatus::Dormant => "dormant",
            ToolStatus::Unmaintained => "unmaintained",
            ToolStatus::EndOfLife => "end of life",
            ToolStatus::Deprecated => "deprecated",
        }
    }
}

/// A provider a tool deploys to, with what the evidence says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderSupport {
    pub provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A framework or deployment tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub maintainer: String,
    pub kind: ToolKind,
    pub status: ToolStatus,
    pub providers: Vec<ProviderSupport>,
    /// Platform ids it deploys functions to.
    #[serde(default)]
    pub platforms: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_release: Option<CatalogDate>,
    /// The last commit or release the sources saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_activity: Option<CatalogDate>,
    #[serde(default)]
    pub license: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    pub sources: Vec<Source>,
}
