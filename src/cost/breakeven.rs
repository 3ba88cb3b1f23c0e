//! Where pay-per-use stops being cheaper than an always-on server.
//!
//! The always-on option runs as many instances as the volume needs (each
//! serves `requests_per_second`), never fewer than `min_instances`, for the
//! whole 730-hour month. Its cost is a step function of volume; a platform's
//! cost rises continuously. Within one step the difference only grows, so
//! each step holds at most one crossing, found by bisection. Steps where the
//! platform cannot catch up are skipped in growing strides: if the platform's
//! cost at the end of a stride is still below the stride's first step, no
//! step in between can cross.

use serde::Serialize;

use super::engine::{self, PricingOptions, Usage, total_usd};
use super::workload::{HOURS_PER_MONTH, SECONDS_PER_MONTH, Workload};
use crate::catalog::PriceSheet;

/// Volumes above this many requests a month are not searched.
pub const MAX_REQUESTS_PER_MONTH: f64 = 1e12;

/// An always-on alternative: a VM or container priced by the hour.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct AlwaysOn {
    pub usd_per_hour: f64,
    /// Requests per second one instance serves.
    pub requests_per_second: f64,
    pub min_instances: u32,
}

/// An always-on input that cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field} must be {expected} (got {value})")]
pub struct AlwaysOnError {
    pub field: &'static str,
    pub expected: &'static str,
    pub value: f64,
}

impl AlwaysOn {
    pub fn validate(&self) -> Result<(), AlwaysOnError> {
        if !(self.usd_per_hour.is_finite() && self.usd_per_hour >= 0.0) {
            return Err(AlwaysOnError {
                field: "always-on price per hour",
                expected: "a number, zero or more",
                value: self.usd_per_hour,
            });
        }
        if !(self.requests_per_second.is_finite() && self.requests_per_second > 0.0) {
            return Err(AlwaysOnError {
                field: "requests per second per instance",
                expected: "a number above zero",
                value: self.requests_per_second,
            });
        }
        if self.min_instances == 0 {
            return Err(AlwaysOnError {
                field: "minimum instances",
                expected: "at least 1",
                value: 0.0,
            });
        }
        Ok(())
    }

    /// Requests one instance serves in a month.
    pub fn requests_per_instance_month(&self) -> f64 {
        self.requests_per_second * SECONDS_PER_MONTH
    }

    /// Instances needed for a monthly volume.
    pub fn instances(&self, requests_per_month: f64) -> f64 {
        let needed = (requests_per_month / self.requests_per_instance_month() - 1e-9).ceil();
        needed.max(f64::from(self.min_instances))
    }

    /// Monthly cost at a volume.
    pub fn monthly_usd(&self, requests_per_month: f64) -> f64 {
        engine::round_cents(
            self.instances(requests_per_month) * self.usd_per_hour * HOURS_PER_MONTH,
        )
    }
}

/// Where one offer meets the always-on option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    pub platform: String,
    pub name: String,
    pub feasible: bool,
    /// The first monthly volume at which the offer costs at least as much as
    /// always-on; `None` when that never happens below the search limit.
    pub breakeven_requests_per_month: Option<f64>,
    pub platform_usd_per_month: Option<f64>,
    pub always_on_usd_per_month: Option<f64>,
    pub always_on_instances: Option<f64>,
    pub notes: Vec<String>,
}

/// Find the first volume at which `sheet` costs at least `always_on`.
pub fn break_even(
    sheet: &PriceSheet,
    workload: &Workload,
    always_on: &AlwaysOn,
    options: PricingOptions,
) -> BreakEven {
    let mut result = BreakEven {
        platform: sheet.id.clone(),
        name: sheet.name.clone(),
        feasible: true,
        breakeven_requests_per_month: None,
        platform_usd_per_month: None,
        always_on_usd_per_month: None,
        always_on_instances: None,
        notes: Vec::new(),
    };
    let reasons = engine::feasibility(sheet, workload);
    if !reasons.is_empty() {
        result.feasible = false;
        result.notes = reasons
            .iter()
            .map(|r| format!("not feasible: {r}"))
            .collect();
        return result;
    }
    let mut usage = Usage::default();
    let mut platform = |requests: f64| {
        engine::measure_into(sheet, &workload.with_requests(requests), &mut usage);
        total_usd(sheet, &usage, options)
    };
    let cap = always_on.requests_per_instance_month();
    let step_usd = always_on.usd_per_hour * HOURS_PER_MONTH;
    let min = f64::from(always_on.min_instances);
    // Step k (k >= min) covers volumes up to k * cap at k * step_usd.
    let step_cost = |k: f64| engine::round_cents(k * step_usd);

    let found = |requests: f64, result: &mut BreakEven, platform_usd: f64| {
        result.breakeven_requests_per_month = Some(requests);
        result.platform_usd_per_month = Some(platform_usd);
        result.always_on_usd_per_month = Some(always_on.monthly_usd(requests));
        result.always_on_instances = Some(always_on.instances(requests));
    };

    let at_zero = platform(0.0);
    if at_zero >= step_cost(min) {
        found(0.0, &mut result, at_zero);
        result
            .notes
            .push("costs at least as much as always-on even with no traffic".into());
        return result;
    }

    let mut k = min;
    let mut stride = 1.0;
    while (k - 1.0).max(0.0) * cap < MAX_REQUESTS_PER_MONTH {
        let end = (k * cap).min(MAX_REQUESTS_PER_MONTH);
        let target = step_cost(k);
        if platform(end) >= target {
            // The crossing lies in this step; bisect on whole requests.
            let mut low = if k > min { (k - 1.0) * cap } else { 0.0 };
            let mut high = end;
            while high - low > 1.0 {
                let mid = ((low + high) / 2.0).floor();
                if mid <= low || mid >= high {
                    break;
                }
                if platform(mid) >= target {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            let requests = high.ceil();
            let usd = platform(requests);
            found(requests, &mut result, usd);
            return result;
        }
        // Try to skip ahead: if even `stride` steps later the platform is
        // below this step's cost, none of those steps can cross.
        let ahead = k + stride;
        if platform((ahead * cap).min(MAX_REQUESTS_PER_MONTH)) < target {
            k = ahead + 1.0;
            stride *= 2.0;
        } else {
            k += 1.0;
            stride = 1.0;
        }
    }
    result.notes.push(format!(
        "cheaper than always-on at every volume up to {} requests a month",
        engine::compact(MAX_REQUESTS_PER_MONTH)
    ));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_step_with_volume_and_respect_the_minimum() {
        let vm = AlwaysOn {
            usd_per_hour: 0.1,
            requests_per_second: 10.0,
            min_instances: 2,
        };
        let per_instance = 10.0 * SECONDS_PER_MONTH;
        assert_eq!(vm.instances(0.0), 2.0);
        assert_eq!(vm.instances(2.0 * per_instance), 2.0);
        assert_eq!(vm.instances(2.0 * per_instance + 1.0), 3.0);
        assert_eq!(vm.monthly_usd(0.0), 146.0);
    }

    #[test]
    fn rejects_unusable_always_on_inputs() {
        let mut vm = AlwaysOn {
            usd_per_hour: 0.1,
            requests_per_second: 0.0,
            min_instances: 1,
        };
        assert!(vm.validate().is_err());
        vm.requests_per_second = 1.0;
        vm.min_instances = 0;
        assert!(vm.validate().is_err());
        vm.min_instances = 1;
        vm.usd_per_hour = f64::NAN;
        assert!(vm.validate().is_err());
    }
}
