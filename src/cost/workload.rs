//! What a user knows about a function's monthly load.

use serde::{Deserialize, Serialize};

use crate::catalog::Arch;

/// Hours in the month every monthly figure uses (as AWS and Azure do).
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Seconds in that month.
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;

/// A window of provisioned (pre-warmed) capacity within the month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provisioned {
    /// Execution environments kept warm.
    pub concurrency: f64,
    /// How long the capacity is enabled each month.
    pub hours_per_month: f64,
    /// Requests (of the workload's total) served while it is enabled.
    pub requests: f64,
    /// Average duration of those requests.
    pub duration_ms: f64,
}

/// One function's monthly workload.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Workload {
    pub requests_per_month: f64,
    /// Average wall-clock duration of one invocation.
    pub duration_ms: f64,
    /// Configured (or, on Azure Consumption, observed) memory.
    pub memory_mb: f64,
    pub arch: Arch,
    /// CPU time per invocation where a platform bills CPU time; defaults to the duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_ms: Option<f64>,
    /// Internet egress for the whole month.
    pub egress_gb: f64,
    /// Configured ephemeral (/tmp) storage.
    pub ephemeral_mb: f64,
    /// Request payload size, for services that meter requests by size.
    pub payload_kb: f64,
    /// Invocations one instance serves at once, for per-instance billing.
    pub instance_concurrency: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned: Option<Provisioned>,
}

impl Default for Workload {
    fn default() -> Self {
        Workload {
            requests_per_month: 1_000_000.0,
            duration_ms: 100.0,
            memory_mb: 128.0,
            arch: Arch::X86_64,
            cpu_ms: None,
            egress_gb: 0.0,
            ephemeral_mb: 512.0,
            payload_kb: 1.0,
            instance_concurrency: 1.0,
            provisioned: None,
        }
    }
}

/// The bounds live beside the catalog and architecture checks that share them.
pub use crate::bounds;
use bounds::*;

/// A workload input that cannot be priced.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field} must be {expected} (got {})", crate::format::input(*.value))]
pub struct WorkloadError {
    pub field: &'static str,
    pub expected: &'static str,
    pub value: f64,
}

/// The lowest value a field accepts.
#[derive(Clone, Copy)]
enum Floor {
    Zero,
    AboveZero,
}

/// Check one field: not a number or below its floor says what the floor
/// is; infinite or above `max` says `too_large` (e.g. "at most 1e15").
fn check(
    field: &'static str,
    value: f64,
    floor: Floor,
    max: f64,
    too_large: &'static str,
) -> Result<(), WorkloadError> {
    let (above_floor, expected) = match floor {
        Floor::Zero => (value >= 0.0, "a number, zero or more"),
        Floor::AboveZero => (value > 0.0, "a number above zero"),
    };
    if !above_floor {
        // NaN lands here too: every comparison with it is false.
        return Err(WorkloadError {
            field,
            expected,
            value,
        });
    }
    if value > max {
        // Infinity lands here.
        return Err(WorkloadError {
            field,
            expected: too_large,
            value,
        });
    }
    Ok(())
}

impl Workload {
    /// CPU time per invocation, defaulting to the duration.
    pub fn cpu_ms(&self) -> f64 {
        self.cpu_ms.unwrap_or(self.duration_ms)
    }

    /// Reject inputs no provider could bill: negative, not a number, zero memory.
    pub fn validate(&self) -> Result<(), WorkloadError> {
        use Floor::{AboveZero, Zero};
        check(
            "requests",
            self.requests_per_month,
            Zero,
            MAX_REQUESTS_PER_MONTH,
            "at most 1e15",
        )?;
        check(
            "duration",
            self.duration_ms,
            Zero,
            MAX_DURATION_MS,
            "at most 2628000000 ms (one month)",
        )?;
        check(
            "memory",
            self.memory_mb,
            AboveZero,
            MAX_MEMORY_MB,
            "at most 1048576 MB",
        )?;
        if let Some(cpu_ms) = self.cpu_ms {
            check(
                "cpu time",
                cpu_ms,
                Zero,
                MAX_DURATION_MS,
                "at most 2628000000 ms (one month)",
            )?;
        }
        check(
            "egress",
            self.egress_gb,
            Zero,
            MAX_EGRESS_GB,
            "at most 1e9 GB",
        )?;
        check(
            "ephemeral storage",
            self.ephemeral_mb,
            Zero,
            MAX_EPHEMERAL_MB,
            "at most 1048576 MB",
        )?;
        check(
            "payload size",
            self.payload_kb,
            Zero,
            MAX_PAYLOAD_KB,
            "at most 1048576 KB",
        )?;
        check(
            "instance concurrency",
            self.instance_concurrency,
            AboveZero,
            MAX_INSTANCE_CONCURRENCY,
            "at most 100000",
        )?;
        if let Some(p) = self.provisioned {
            check(
                "provisioned concurrency",
                p.concurrency,
                Zero,
                MAX_PROVISIONED_CONCURRENCY,
                "at most 1000000",
            )?;
            check(
                "provisioned hours",
                p.hours_per_month,
                Zero,
                HOURS_PER_MONTH,
                "at most 730 (one month)",
            )?;
            check(
                "provisioned requests",
                p.requests,
                Zero,
                MAX_REQUESTS_PER_MONTH,
                "at most 1e15",
            )?;
            check(
                "provisioned duration",
                p.duration_ms,
                Zero,
                MAX_DURATION_MS,
                "at most 2628000000 ms (one month)",
            )?;
            if p.hours_per_month > HOURS_PER_MONTH {
                return Err(WorkloadError {
                    field: "provisioned hours",
                    expected: "at most 730 (one month)",
                    value: p.hours_per_month,
                });
            }
            if p.requests > self.requests_per_month {
                return Err(WorkloadError {
                    field: "provisioned requests",
                    expected: "at most the month's requests",
                    value: p.requests,
                });
            }
        }
        Ok(())
    }

    /// The same workload at another monthly volume (for sweeps and break-even).
    pub fn with_requests(&self, requests_per_month: f64) -> Workload {
        Workload {
            requests_per_month,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_numbers_with_the_field_named() {
        let bad = Workload {
            memory_mb: 0.0,
            ..Workload::default()
        };
        assert_eq!(
            bad.validate().unwrap_err().to_string(),
            "memory must be a number above zero (got 0)"
        );
        let nan = Workload {
            duration_ms: f64::NAN,
            ..Workload::default()
        };
        assert!(
            nan.validate()
                .unwrap_err()
                .to_string()
                .starts_with("duration")
        );
        let negative = Workload {
            requests_per_month: -1.0,
            ..Workload::default()
        };
        assert!(negative.validate().is_err());
        assert!(Workload::default().validate().is_ok());
    }

    #[test]
    fn provisioned_requests_cannot_exceed_the_total() {
        let w = Workload {
            requests_per_month: 10.0,
            provisioned: Some(Provisioned {
                concurrency: 1.0,
                hours_per_month: 1.0,
                requests: 11.0,
                duration_ms: 1.0,
            }),
            ..Workload::default()
        };
        assert!(w.validate().is_err());
    }

    #[test]
    fn values_no_provider_bills_are_refused_in_readable_numbers() {
        let huge = Workload {
            requests_per_month: 1e308,
            ..Workload::default()
        };
        assert_eq!(
            huge.validate().unwrap_err().to_string(),
            "requests must be at most 1e15 (got 1e308)"
        );
        let infinite = Workload {
            memory_mb: f64::INFINITY,
            ..Workload::default()
        };
        assert_eq!(
            infinite.validate().unwrap_err().to_string(),
            "memory must be at most 1048576 MB (got inf)"
        );
        let at_the_bounds = Workload {
            requests_per_month: bounds::MAX_REQUESTS_PER_MONTH,
            duration_ms: bounds::MAX_DURATION_MS,
            memory_mb: bounds::MAX_MEMORY_MB,
            egress_gb: bounds::MAX_EGRESS_GB,
            ..Workload::default()
        };
        assert!(at_the_bounds.validate().is_ok());
        let long = Workload {
            duration_ms: bounds::MAX_DURATION_MS * 2.0,
            ..Workload::default()
        };
        assert!(long.validate().is_err());
    }
}
