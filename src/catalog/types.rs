//! The catalog's entry types, exactly as they appear in `catalogs/*.ron`.
//!
//! Every entry has a stable kebab-case `id`; entries refer to each other by
//! id, and [`super::validate`] checks every such reference at load time.
//! Optional fields may be left out of the RON files.

use chrono::NaiveDate;
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
    /// How current the source is: its publication or snapshot date, or the
    /// day it was read when it carries no date of its own. `None` when the
    /// catalog does not know, which the freshness views show as unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<CatalogDate>,
}

impl Source {
    /// Whole days from `as_of` to `today`; `None` when the date is unknown.
    /// A date stated only to the month or year counts from the period's
    /// first day: the age may read a little high, the safe side for a
    /// freshness warning.
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.as_of.map(|date| (today - date.date).num_days())
    }
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

/// What a concurrency or instance limit is counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LimitScope {
    /// One account (or subscription, or team) across its Regions.
    Account,
    /// One account in one Region.
    AccountRegion,
    /// One function app or project.
    App,
    /// One function.
    Function,
    /// One revision of a service or function.
    Revision,
    /// One namespace of an installable platform.
    Namespace,
}

impl LimitScope {
    pub fn label(self) -> &'static str {
        match self {
            LimitScope::Account => "per account",
            LimitScope::AccountRegion => "per account and Region",
            LimitScope::App => "per app",
            LimitScope::Function => "per function",
            LimitScope::Revision => "per revision",
            LimitScope::Namespace => "per namespace",
        }
    }
}

/// The limit fields a source can back. Pricing and the throttling check
/// read these, so each one set on a platform must name its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LimitField {
    MaxTimeout,
    DefaultTimeout,
    MinMemory,
    MaxMemory,
    DefaultConcurrency,
    MaxConcurrency,
    SharesConcurrency,
    DefaultInstances,
    MaxInstances,
    DefaultInstanceConcurrency,
    MaxInstanceConcurrency,
    FreePlanRequests,
}

impl LimitField {
    pub const ALL: [LimitField; 12] = [
        LimitField::MaxTimeout,
        LimitField::DefaultTimeout,
        LimitField::MinMemory,
        LimitField::MaxMemory,
        LimitField::DefaultConcurrency,
        LimitField::MaxConcurrency,
        LimitField::SharesConcurrency,
        LimitField::DefaultInstances,
        LimitField::MaxInstances,
        LimitField::DefaultInstanceConcurrency,
        LimitField::MaxInstanceConcurrency,
        LimitField::FreePlanRequests,
    ];

    /// The field's name in `platforms.ron`.
    pub fn key(self) -> &'static str {
        match self {
            LimitField::MaxTimeout => "max_timeout_s",
            LimitField::DefaultTimeout => "default_timeout_s",
            LimitField::MinMemory => "min_memory_mb",
            LimitField::MaxMemory => "max_memory_mb",
            LimitField::DefaultConcurrency => "default_concurrency",
            LimitField::MaxConcurrency => "max_concurrency",
            LimitField::SharesConcurrency => "shares_concurrency_with",
            LimitField::DefaultInstances => "default_instances",
            LimitField::MaxInstances => "max_instances",
            LimitField::DefaultInstanceConcurrency => "default_instance_concurrency",
            LimitField::MaxInstanceConcurrency => "max_instance_concurrency",
            LimitField::FreePlanRequests => "free_plan_requests",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LimitField::MaxTimeout => "Max timeout",
            LimitField::DefaultTimeout => "Default timeout",
            LimitField::MinMemory => "Min memory",
            LimitField::MaxMemory => "Max memory",
            LimitField::DefaultConcurrency => "Default concurrency",
            LimitField::MaxConcurrency => "Max concurrency",
            LimitField::SharesConcurrency => "Shares concurrency with",
            LimitField::DefaultInstances => "Default instances",
            LimitField::MaxInstances => "Max instances",
            LimitField::DefaultInstanceConcurrency => "Default per-instance concurrency",
            LimitField::MaxInstanceConcurrency => "Max per-instance concurrency",
            LimitField::FreePlanRequests => "Free plan requests",
        }
    }
}

/// The maximum run time of one kind of invocation, where kinds differ
/// (HTTP against event-driven, viewer against origin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvocationTimeout {
    /// The kind of invocation, in the vendor's words ("HTTP", "event-driven").
    pub invocation: String,
    pub max_s: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_s: Option<f64>,
    pub source: Source,
}

/// How often a free-plan request cap resets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CapPeriod {
    Day,
    Month,
}

impl CapPeriod {
    pub fn label(self) -> &'static str {
        match self {
            CapPeriod::Day => "day",
            CapPeriod::Month => "month",
        }
    }
}

/// A hard cap on requests in a free plan: past it requests fail, they are
/// not billed (unlike a free tier, which the price sheets carry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestCap {
    /// The plan's name ("Workers Free").
    pub plan: String,
    pub requests: u64,
    pub per: CapPeriod,
}

/// Which source backs which limit fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSource {
    pub fields: Vec<LimitField>,
    pub source: Source,
}

/// A value another vendor page gives for a limit. The field on [`Limits`]
/// holds the value the app uses; this keeps the other one, its source and
/// why it is not used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitDisagreement {
    pub field: LimitField,
    /// For timeouts that differ by kind: which [`InvocationTimeout`] it
    /// contradicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invocation: Option<String>,
    pub value: f64,
    pub source: Source,
    /// Why the app uses the other value.
    pub not_used_because: String,
}

/// Documented limits. Unknown limits are `None`, never guessed and never 0.
///
/// The plain fields are the values the app uses; `sources` says where each
/// comes from, `disagreements` keeps what other pages say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The run-time limit the app holds a function's duration against: for
    /// most platforms the synchronous one. `timeouts` gives the figure per
    /// kind of invocation where kinds differ, each with its own source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_timeout_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_timeout_s: Option<f64>,
    /// Timeouts per kind of invocation, where they differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeouts: Vec<InvocationTimeout>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_memory_mb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_memory_mb: Option<f64>,
    /// Concurrent executions allowed by default, counted over `concurrency_scope`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_concurrency: Option<u32>,
    /// The most concurrent executions the vendor will grant; `None` when
    /// the vendor states no ceiling or the sources do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_concurrency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency_scope: Option<LimitScope>,
    /// The platform whose concurrency pool this one draws from
    /// (Lambda@Edge uses the Region's Lambda concurrency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares_concurrency_with: Option<String>,
    /// The instance cap that applies until the user or a quota request
    /// raises it, counted over `instances_scope`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_instances: Option<u32>,
    /// The highest instance cap the vendor allows, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_instances: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instances_scope: Option<LimitScope>,
    /// Requests one instance serves at once by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_instance_concurrency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_instance_concurrency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_plan_requests: Option<RequestCap>,
    /// Where each field above comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<LimitSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<LimitDisagreement>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Limits {
    /// Whether `field` holds a value.
    pub fn is_set(&self, field: LimitField) -> bool {
        match field {
            LimitField::SharesConcurrency => self.shares_concurrency_with.is_some(),
            LimitField::FreePlanRequests => self.free_plan_requests.is_some(),
            _ => self.number(field).is_some(),
        }
    }

    /// A numeric field's value; `None` when unknown or not a number.
    pub fn number(&self, field: LimitField) -> Option<f64> {
        let count = |value: Option<u32>| value.map(f64::from);
        match field {
            LimitField::MaxTimeout => self.max_timeout_s,
            LimitField::DefaultTimeout => self.default_timeout_s,
            LimitField::MinMemory => self.min_memory_mb,
            LimitField::MaxMemory => self.max_memory_mb,
            LimitField::DefaultConcurrency => count(self.default_concurrency),
            LimitField::MaxConcurrency => count(self.max_concurrency),
            LimitField::DefaultInstances => count(self.default_instances),
            LimitField::MaxInstances => count(self.max_instances),
            LimitField::DefaultInstanceConcurrency => count(self.default_instance_concurrency),
            LimitField::MaxInstanceConcurrency => count(self.max_instance_concurrency),
            LimitField::SharesConcurrency => None,
            // Requests per period: numeric, but not a throttling figure.
            LimitField::FreePlanRequests => {
                self.free_plan_requests.as_ref().map(|c| c.requests as f64)
            }
        }
    }

    /// The source the app relies on for `field`, if the catalog names one.
    pub fn source_of(&self, field: LimitField) -> Option<&Source> {
        self.sources
            .iter()
            .find(|s| s.fields.contains(&field))
            .map(|s| &s.source)
    }

    /// Fields that hold a value but name no source.
    pub fn unsourced(&self) -> Vec<LimitField> {
        LimitField::ALL
            .into_iter()
            .filter(|&field| self.is_set(field) && self.source_of(field).is_none())
            .collect()
    }

    /// Every source behind these limits, including the per-invocation and
    /// disagreeing ones.
    pub fn all_sources(&self) -> impl Iterator<Item = &Source> {
        self.relied_on_sources()
            .chain(self.disagreements.iter().map(|d| &d.source))
    }

    /// The sources of the values the app uses: not the disagreeing pages.
    pub fn relied_on_sources(&self) -> impl Iterator<Item = &Source> {
        self.sources
            .iter()
            .map(|s| &s.source)
            .chain(self.timeouts.iter().map(|t| &t.source))
    }
}

/// Where a runtime stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuntimeState {
    Supported,
    /// Past its deprecation date: still runs, no longer patched.
    Deprecated,
    /// Past its end of support: new functions can no longer use it, or it
    /// no longer runs.
    EndOfSupport,
}

impl RuntimeState {
    pub fn label(self) -> &'static str {
        match self {
            RuntimeState::Supported => "supported",
            RuntimeState::Deprecated => "deprecated",
            RuntimeState::EndOfSupport => "end of support",
        }
    }
}

/// One runtime (or family of runtimes sharing dates) a platform offers.
///
/// In RON a runtime is either a plain string, when the sources give no
/// dates, or `(name: "...", deprecated: "...", end_of_support: "...",
/// source: (...))`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "RuntimeEntry")]
pub struct Runtime {
    pub name: String,
    /// The day the vendor deprecates it (stops patching it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<CatalogDate>,
    /// The day support ends: it can no longer be chosen, or stops running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_support: Option<CatalogDate>,
    /// Where the dates come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The two spellings of a runtime in RON.
#[derive(Deserialize)]
#[serde(untagged)]
enum RuntimeEntry {
    Name(String),
    Dated(DatedRuntime),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedRuntime {
    name: String,
    #[serde(default)]
    deprecated: Option<CatalogDate>,
    #[serde(default)]
    end_of_support: Option<CatalogDate>,
    #[serde(default)]
    source: Option<Source>,
}

impl From<RuntimeEntry> for Runtime {
    fn from(entry: RuntimeEntry) -> Self {
        match entry {
            RuntimeEntry::Name(name) => Runtime::named(name),
            RuntimeEntry::Dated(d) => Runtime {
                name: d.name,
                deprecated: d.deprecated,
                end_of_support: d.end_of_support,
                source: d.source,
            },
        }
    }
}

impl Runtime {
    /// A runtime with no dates in the sources.
    pub fn named(name: impl Into<String>) -> Self {
        Runtime {
            name: name.into(),
            deprecated: None,
            end_of_support: None,
            source: None,
        }
    }

    /// Where the runtime stands on `today`, from its dates alone, so it
    /// turns deprecated on the day without an edit to the catalog. A date
    /// known only to the month or year takes effect on the period's first day.
    pub fn state_on(&self, today: NaiveDate) -> RuntimeState {
        let reached = |date: Option<CatalogDate>| date.is_some_and(|d| d.date <= today);
        if reached(self.end_of_support) {
            RuntimeState::EndOfSupport
        } else if reached(self.deprecated) {
            RuntimeState::Deprecated
        } else {
            RuntimeState::Supported
        }
    }
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
    pub runtimes: Vec<Runtime>,
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

    /// The runtime names joined for one line of text.
    pub fn runtime_names(&self) -> String {
        self.runtimes
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Every source the platform cites: its own, its limits' and its runtimes'.
    pub fn all_sources(&self) -> impl Iterator<Item = &Source> {
        self.sources
            .iter()
            .chain(self.limits.all_sources())
            .chain(self.runtimes.iter().filter_map(|r| r.source.as_ref()))
    }

    /// The sources of the facts the app relies on: [`Platform::all_sources`]
    /// without the pages whose values it does not use.
    pub fn relied_on_sources(&self) -> impl Iterator<Item = &Source> {
        self.sources
            .iter()
            .chain(self.limits.relied_on_sources())
            .chain(self.runtimes.iter().filter_map(|r| r.source.as_ref()))
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
