//! A managed service's monthly usage, and how a service price sheet meters it.
//!
//! The same two steps as functions (`engine::measure` then `engine::price`):
//! [`measure_service`] turns a [`ServiceUsage`] into one quantity per meter
//! using only the sheet's data (its terms, unit sizes, minimums and chunk
//! sizes); pricing, free pools, tiers and cent rounding are shared.

use std::fmt;

use serde::Serialize;

use super::engine::{Note, Usage, billed_memory_mb, derived_cpu};
use super::workload::HOURS_PER_MONTH;
use crate::catalog::price_sheet::{PriceSheet, Term, UsageDefaults};

/// Slack for float noise before rounding up (64.0000000001 KB is one chunk).
const EPSILON: f64 = 1e-9;

/// What a managed service does in a month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ServiceUsage {
    /// Events, messages, API calls or executions.
    pub requests: f64,
    /// Size of one request, message, item or object, KB.
    pub payload_kb: f64,
    /// Average data stored, GB.
    pub storage_gb: f64,
    /// Write operations (class A).
    pub writes: f64,
    /// Read operations (class B).
    pub reads: f64,
    /// Internet egress, GB.
    pub egress_gb: f64,
    /// Duration of one request or execution, ms.
    pub duration_ms: f64,
    /// Memory of one execution, MB.
    pub memory_mb: f64,
    /// Deliveries per request (subscribers, consumers).
    pub deliveries: f64,
    /// Steps (state transitions) per request.
    pub steps: f64,
    /// Connection minutes of long-lived clients.
    pub connection_minutes: f64,
    /// Always-on units (tasks, streams, jobs, throughput units).
    pub instances: f64,
}

impl ServiceUsage {
    /// `requests` with every other input at the sheet's default.
    pub fn with_defaults(defaults: &UsageDefaults, requests: f64) -> ServiceUsage {
        let read_share = defaults.read_share.unwrap_or(FALLBACK_READ_SHARE);
        ServiceUsage {
            requests,
            payload_kb: defaults.payload_kb.unwrap_or(1.0),
            storage_gb: defaults.storage_gb.unwrap_or(1.0),
            writes: requests * (1.0 - read_share),
            reads: requests * read_share,
            egress_gb: defaults.egress_gb.unwrap_or(0.0),
            duration_ms: defaults.duration_ms.unwrap_or(100.0),
            memory_mb: defaults.memory_mb.unwrap_or(64.0),
            deliveries: 1.0,
            steps: defaults.steps.unwrap_or(1.0),
            connection_minutes: defaults.connection_minutes.unwrap_or(0.0),
            instances: defaults.instances.unwrap_or(1.0),
        }
    }
}

/// Share of a data store's operations that are reads, when neither the
/// node nor the sheet says.
pub const FALLBACK_READ_SHARE: f64 = 0.5;

/// One input of a service's usage: its command-line flag and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceInput {
    Requests,
    PayloadKb,
    StorageGb,
    Writes,
    Reads,
    EgressGb,
    DurationMs,
    MemoryMb,
    Deliveries,
    Steps,
    ConnectionMinutes,
    Instances,
}

impl ServiceInput {
    pub const ALL: [ServiceInput; 12] = [
        ServiceInput::Requests,
        ServiceInput::PayloadKb,
        ServiceInput::StorageGb,
        ServiceInput::Writes,
        ServiceInput::Reads,
        ServiceInput::EgressGb,
        ServiceInput::DurationMs,
        ServiceInput::MemoryMb,
        ServiceInput::Deliveries,
        ServiceInput::Steps,
        ServiceInput::ConnectionMinutes,
        ServiceInput::Instances,
    ];

    /// The `price --service` flag that sets it.
    pub fn flag(self) -> &'static str {
        match self {
            ServiceInput::Requests => "--requests",
            ServiceInput::PayloadKb => "--payload-kb",
            ServiceInput::StorageGb => "--storage-gb",
            ServiceInput::Writes => "--writes",
            ServiceInput::Reads => "--reads",
            ServiceInput::EgressGb => "--egress-gb",
            ServiceInput::DurationMs => "--duration-ms",
            ServiceInput::MemoryMb => "--memory-mb",
            ServiceInput::Deliveries => "--deliveries",
            ServiceInput::Steps => "--steps",
            ServiceInput::ConnectionMinutes => "--connection-minutes",
            ServiceInput::Instances => "--instances",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ServiceInput::Requests => "Requests per month",
            ServiceInput::PayloadKb => "Size of one request or item (KB)",
            ServiceInput::StorageGb => "Average stored (GB)",
            ServiceInput::Writes => "Writes per month",
            ServiceInput::Reads => "Reads per month",
            ServiceInput::EgressGb => "Internet egress (GB per month)",
            ServiceInput::DurationMs => "Duration per request (ms)",
            ServiceInput::MemoryMb => "Memory per execution (MB)",
            ServiceInput::Deliveries => "Deliveries per request",
            ServiceInput::Steps => "Steps per execution",
            ServiceInput::ConnectionMinutes => "Connection minutes per month",
            ServiceInput::Instances => "Always-on units",
        }
    }

    fn value(self, usage: &ServiceUsage) -> f64 {
        match self {
            ServiceInput::Requests => usage.requests,
            ServiceInput::PayloadKb => usage.payload_kb,
            ServiceInput::StorageGb => usage.storage_gb,
            ServiceInput::Writes => usage.writes,
            ServiceInput::Reads => usage.reads,
            ServiceInput::EgressGb => usage.egress_gb,
            ServiceInput::DurationMs => usage.duration_ms,
            ServiceInput::MemoryMb => usage.memory_mb,
            ServiceInput::Deliveries => usage.deliveries,
            ServiceInput::Steps => usage.steps,
            ServiceInput::ConnectionMinutes => usage.connection_minutes,
            ServiceInput::Instances => usage.instances,
        }
    }
}

/// The inputs a service sheet reads, in [`ServiceInput::ALL`] order.
pub fn inputs_used(sheet: &PriceSheet) -> Vec<ServiceInput> {
    let billing = &sheet.billing;
    let mut used = Vec::new();
    let mut add = |input: ServiceInput| {
        if !used.contains(&input) {
            used.push(input);
        }
    };
    for term in sheet.meters.iter().flat_map(|m| m.quantity.iter()) {
        match term {
            Term::Requests(_) => {
                add(ServiceInput::Requests);
                if billing.request_size_increment_kb.is_some() {
                    add(ServiceInput::PayloadKb);
                }
            }
            Term::GbSeconds(_) => {
                add(ServiceInput::Requests);
                add(ServiceInput::DurationMs);
                add(ServiceInput::MemoryMb);
            }
            Term::EgressGb(_) => add(ServiceInput::EgressGb),
            Term::Writes(_) => {
                add(ServiceInput::Writes);
                if billing.write_unit_kb.is_some() {
                    add(ServiceInput::PayloadKb);
                }
            }
            Term::Reads(_) => {
                add(ServiceInput::Reads);
                if billing.read_unit_kb.is_some() {
                    add(ServiceInput::PayloadKb);
                }
            }
            Term::StorageGbMonths(_) => add(ServiceInput::StorageGb),
            Term::DataGb(_) => {
                add(ServiceInput::Requests);
                add(ServiceInput::PayloadKb);
            }
            Term::DeliveredDataGb(_) => {
                add(ServiceInput::Requests);
                add(ServiceInput::PayloadKb);
                add(ServiceInput::Deliveries);
            }
            Term::Deliveries(_) => {
                add(ServiceInput::Requests);
                add(ServiceInput::Deliveries);
                if billing.request_size_increment_kb.is_some() {
                    add(ServiceInput::PayloadKb);
                }
            }
            Term::Steps(_) => {
                add(ServiceInput::Requests);
                add(ServiceInput::Steps);
            }
            Term::ConnectionMinutes(_) => add(ServiceInput::ConnectionMinutes),
            Term::Instances(_) | Term::InstanceHours(_) => add(ServiceInput::Instances),
            Term::InstanceGbHours(_) | Term::InstanceCpuHours(_) => {
                add(ServiceInput::Instances);
                add(ServiceInput::MemoryMb);
            }
            // Function terms and flat fees read no service input.
            Term::CpuSeconds(_)
            | Term::CpuMs(_)
            | Term::EphemeralGbSeconds(_)
            | Term::ProvisionedGbSeconds(_)
            | Term::ProvisionedDurationGbSeconds(_)
            | Term::InstanceGbSeconds(_)
            | Term::Months(_) => {}
        }
    }
    used.sort();
    used
}

/// A service input no provider could bill.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{label} must be a finite number, zero or more (got {value})")]
pub struct ServiceUsageError {
    pub label: &'static str,
    pub value: f64,
}

/// Reject negative, infinite and not-a-number inputs.
pub fn validate(usage: &ServiceUsage) -> Result<(), ServiceUsageError> {
    for input in ServiceInput::ALL {
        let value = input.value(usage);
        if !(value.is_finite() && value >= 0.0) {
            return Err(ServiceUsageError {
                label: input.label(),
                value,
            });
        }
    }
    Ok(())
}

/// Started units of `size` in `unit`, at least one (a 64.01 KB message is
/// two 64 KB chunks; an empty one is still one).
fn chunks(size: f64, unit: Option<f64>) -> f64 {
    match unit {
        Some(unit) if unit > 0.0 => (size / unit - EPSILON).ceil().max(1.0),
        _ => 1.0,
    }
}

/// Why chunking changed a count, for the bill's notes.
fn chunk_note(usage: &mut Usage, payload_kb: f64, unit: Option<f64>) -> f64 {
    let counted = chunks(payload_kb, unit);
    if let Some(increment_kb) = unit
        && counted > 1.0
    {
        let note = Note::PayloadIncrements {
            payload_kb,
            increment_kb,
            counted,
        };
        if !usage.notes.contains(&note) {
            usage.notes.push(note);
        }
    }
    counted
}

/// Meter a service's usage on its sheet, one quantity per meter.
pub fn measure_service(sheet: &PriceSheet, service: &ServiceUsage) -> Usage {
    let billing = &sheet.billing;
    let mut usage = Usage::default();
    let request_units = chunk_note(
        &mut usage,
        service.payload_kb,
        billing.request_size_increment_kb,
    );
    let write_units = chunks(service.payload_kb, billing.write_unit_kb);
    let read_units = chunks(service.payload_kb, billing.read_unit_kb);
    let data_kb = {
        let rounded = match billing.data_rounding_kb {
            Some(step) if step > 0.0 => ((service.payload_kb / step) - EPSILON).ceil() * step,
            _ => service.payload_kb,
        };
        rounded.max(billing.data_min_kb.unwrap_or(0.0)).max(0.0)
    };
    // KB to GB in binary units, as every provider here counts data volume.
    let data_gb = service.requests * data_kb / (1024.0 * 1024.0);
    let billed_ms = ((service.duration_ms / billing.duration_rounding_ms) - EPSILON)
        .ceil()
        .max(0.0)
        * billing.duration_rounding_ms;
    let billed_ms = billed_ms.max(billing.min_duration_ms);
    let billed_mb =
        billed_memory_mb(&billing.memory, service.memory_mb).unwrap_or(service.memory_mb);
    if sheet
        .meters
        .iter()
        .any(|m| m.quantity.iter().any(|t| matches!(t, Term::GbSeconds(_))))
    {
        if (billed_mb - service.memory_mb).abs() > EPSILON {
            usage.notes.push(Note::MemoryBilledAs {
                memory_mb: service.memory_mb,
                billed_mb,
            });
        }
        if (billed_ms - service.duration_ms).abs() > EPSILON && service.requests > 0.0 {
            usage.notes.push(Note::DurationBilledAs {
                duration_ms: service.duration_ms,
                billed_ms,
            });
        }
    }
    let gb = billed_mb / 1024.0;
    let cpu = billing
        .cpu
        .as_ref()
        .map_or(0.0, |rule| derived_cpu(rule, billed_mb));
    let instance_hours = service.instances * HOURS_PER_MONTH;

    for meter in &sheet.meters {
        let quantity: f64 = meter
            .quantity
            .iter()
            .map(|term| match *term {
                Term::Requests(w) => w * service.requests * request_units,
                Term::GbSeconds(w) => w * service.requests * billed_ms / 1000.0 * gb,
                Term::EgressGb(w) => w * service.egress_gb,
                Term::Months(w) => w,
                Term::Writes(w) => w * service.writes * write_units,
                Term::Reads(w) => w * service.reads * read_units,
                Term::StorageGbMonths(w) => w * service.storage_gb,
                Term::DataGb(w) => w * data_gb,
                Term::DeliveredDataGb(w) => w * data_gb * service.deliveries,
                Term::Deliveries(w) => w * service.requests * service.deliveries * request_units,
                Term::Steps(w) => w * service.requests * service.steps,
                Term::ConnectionMinutes(w) => w * service.connection_minutes,
                Term::Instances(w) => w * service.instances,
                Term::InstanceHours(w) => w * instance_hours,
                Term::InstanceGbHours(w) => w * instance_hours * gb,
                Term::InstanceCpuHours(w) => w * instance_hours * cpu,
                // Function terms: a service sheet has none (checked at load).
                Term::CpuSeconds(_)
                | Term::CpuMs(_)
                | Term::EphemeralGbSeconds(_)
                | Term::ProvisionedGbSeconds(_)
                | Term::ProvisionedDurationGbSeconds(_)
                | Term::InstanceGbSeconds(_) => 0.0,
            })
            .sum();
        usage.quantities.push(quantity);
    }
    usage
}

impl fmt::Display for ServiceInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Price one service's month on its sheet: free pools, tiers and cents as
/// for functions. Inputs must be valid (see [`validate`]).
pub fn quote_service<'a>(
    sheet: &'a PriceSheet,
    service: &ServiceUsage,
    options: super::PricingOptions,
) -> super::Quote<'a> {
    let mut usage = measure_service(sheet, service);
    let notes = std::mem::take(&mut usage.notes);
    super::Quote {
        notes,
        ..super::Quote::from_usage(sheet, &usage, options)
    }
}
