//! Evaluating a price sheet: workload -> metered usage -> line items.
//!
//! Two steps, so an architecture can add up the usage of many functions on
//! one sheet before tiers and free pools apply (tiers and free tiers are per
//! account and month, not per function):
//!
//! 1. [`measure`] turns one workload into a quantity per meter (`Usage`), or
//!    says why the workload cannot run on the offer.
//! 2. [`price`] applies free pools and tiers to a `Usage` and rounds each
//!    line item to the cent, as providers print bills.

use std::fmt;

use super::workload::{SECONDS_PER_MONTH, Workload};
use crate::catalog::price_sheet::{CpuRule, MemoryRule, Meter, PoolKind, PriceSheet, Term};

/// Slack for float noise before rounding up (300.00000000000006 ms is 300 ms).
const EPSILON: f64 = 1e-9;

// Number formatting lives in `crate::format`; re-exported for old paths.
pub use crate::format::{compact, grouped, number, round_cents};

/// Round `value` up to a multiple of `step`.
fn ceil_to(value: f64, step: f64) -> f64 {
    if step <= 0.0 {
        return value;
    }
    ((value / step) - EPSILON).ceil().max(0.0) * step
}

/// Switches the user controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricingOptions {
    /// Apply free-tier allowances (included plan allowances always apply).
    pub free_tier: bool,
    /// Also apply 12-month free tiers. AWS offers them only to accounts
    /// opened before 2025-07-15, so none is still within its first year
    /// after 2026-07-15: off unless the user says otherwise.
    pub first_year_free_tier: bool,
}

impl Default for PricingOptions {
    fn default() -> Self {
        PricingOptions {
            free_tier: true,
            first_year_free_tier: false,
        }
    }
}

/// Why a workload cannot run on an offer.
#[derive(Debug, Clone, PartialEq)]
pub enum Infeasible {
    MemoryAboveMax { memory_mb: f64, max_mb: f64 },
    DurationAboveMax { duration_ms: f64, max_ms: f64 },
    CpuAboveMax { cpu_ms: f64, max_ms: f64 },
    EphemeralAboveMax { ephemeral_mb: f64, max_mb: f64 },
    ArchNotOffered { arch: &'static str },
}

impl fmt::Display for Infeasible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Infeasible::MemoryAboveMax { memory_mb, max_mb } => write!(
                f,
                "needs {} MB of memory; the most it offers is {} MB",
                number(*memory_mb),
                number(*max_mb)
            ),
            Infeasible::DurationAboveMax {
                duration_ms,
                max_ms,
            } => write!(
                f,
                "runs {} s; its timeout is at most {} s",
                number(duration_ms / 1000.0),
                number(max_ms / 1000.0)
            ),
            Infeasible::CpuAboveMax { cpu_ms, max_ms } => write!(
                f,
                "uses {} s of CPU per request; the most it allows is {} s",
                number(cpu_ms / 1000.0),
                number(max_ms / 1000.0)
            ),
            Infeasible::EphemeralAboveMax {
                ephemeral_mb,
                max_mb,
            } => write!(
                f,
                "needs {} MB of ephemeral storage; the most it offers is {} MB",
                number(*ephemeral_mb),
                number(*max_mb)
            ),
            Infeasible::ArchNotOffered { arch } => write!(f, "does not offer {arch} functions"),
        }
    }
}

/// A rounding rule that changed what is billed, worth telling the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    MemoryBilledAs {
        memory_mb: f64,
        billed_mb: f64,
    },
    DurationBilledAs {
        duration_ms: f64,
        billed_ms: f64,
    },
    ProvisionedNotModelled,
    PayloadIncrements {
        payload_kb: f64,
        increment_kb: f64,
        counted: f64,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::MemoryBilledAs {
                memory_mb,
                billed_mb,
            } => write!(
                f,
                "{} MB of memory is billed as {} MB",
                number(*memory_mb),
                number(*billed_mb)
            ),
            Note::DurationBilledAs {
                duration_ms,
                billed_ms,
            } => write!(
                f,
                "{} ms per invocation is billed as {} ms",
                number(*duration_ms),
                number(*billed_ms)
            ),
            Note::ProvisionedNotModelled => write!(
                f,
                "provisioned capacity is not priced separately here; its requests are priced on demand"
            ),
            Note::PayloadIncrements {
                payload_kb,
                increment_kb,
                counted,
            } => write!(
                f,
                "a {} KB request is metered in {} KB increments and counts as {}",
                number(*payload_kb),
                number(*increment_kb),
                number(*counted)
            ),
        }
    }
}

pub use crate::catalog::price_sheet::MAX_METERS;

/// One quantity per meter, stored inline: a quote meters every sheet on
/// every change of the form, and a heap allocation per sheet was a large
/// share of that time. Behaves as a slice.
#[derive(Clone, Copy, PartialEq)]
pub struct Quantities {
    values: [f64; MAX_METERS],
    len: usize,
}

impl Default for Quantities {
    fn default() -> Self {
        Quantities {
            values: [0.0; MAX_METERS],
            len: 0,
        }
    }
}

impl std::fmt::Debug for Quantities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl std::ops::Deref for Quantities {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        &self.values[..self.len]
    }
}

impl std::ops::DerefMut for Quantities {
    fn deref_mut(&mut self) -> &mut [f64] {
        &mut self.values[..self.len]
    }
}

impl Quantities {
    /// `len` zeros (at most [`MAX_METERS`]).
    pub fn zeros(len: usize) -> Self {
        Quantities {
            values: [0.0; MAX_METERS],
            len: len.min(MAX_METERS),
        }
    }

    /// Append a quantity; beyond [`MAX_METERS`] it is dropped (the catalog
    /// loader rejects such sheets, so this does not happen).
    pub fn push(&mut self, value: f64) {
        if let Some(slot) = self.values.get_mut(self.len) {
            *slot = value;
            self.len += 1;
        }
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Grow with zeros up to `len` (never shrinks).
    pub fn grow_to(&mut self, len: usize) {
        let len = len.min(MAX_METERS);
        if len > self.len {
            self.values[self.len..len].fill(0.0);
            self.len = len;
        }
    }
}

impl FromIterator<f64> for Quantities {
    fn from_iter<I: IntoIterator<Item = f64>>(iter: I) -> Self {
        let mut quantities = Quantities::default();
        for value in iter {
            quantities.push(value);
        }
        quantities
    }
}

/// Metered quantities of one sheet's meters, in the meters' base units.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Usage {
    pub quantities: Quantities,
    pub notes: Vec<Note>,
}

impl Usage {
    /// An empty usage for a sheet (every meter at zero).
    pub fn zero(sheet: &PriceSheet) -> Usage {
        Usage {
            quantities: Quantities::zeros(sheet.meters.len()),
            notes: Vec::new(),
        }
    }

    /// Add another workload's usage of the same sheet.
    pub fn add(&mut self, other: &Usage) {
        self.quantities.grow_to(other.quantities.len());
        for (mine, theirs) in self.quantities.iter_mut().zip(other.quantities.iter()) {
            *mine += theirs;
        }
        for note in &other.notes {
            if !self.notes.contains(note) {
                self.notes.push(note.clone());
            }
        }
    }

    /// Scale every quantity (for a share of an aggregate).
    pub fn scaled(&self, factor: f64) -> Usage {
        Usage {
            quantities: self.quantities.iter().map(|q| q * factor).collect(),
            notes: self.notes.clone(),
        }
    }
}

/// Billed memory in MB, or `None` when it is above every size on offer.
pub fn billed_memory_mb(rule: &MemoryRule, memory_mb: f64) -> Option<f64> {
    match rule {
        MemoryRule::Step {
            step_mb,
            min_mb,
            cap_mb,
        } => {
            let billed = ceil_to(memory_mb, *step_mb).max(*min_mb);
            Some(cap_mb.map_or(billed, |cap| billed.min(cap)))
        }
        MemoryRule::Sizes(sizes) => sizes
            .iter()
            .copied()
            .find(|size| *size >= memory_mb - EPSILON),
    }
}

/// CPU (GHz or vCPU) derived from billed memory.
pub fn derived_cpu(rule: &CpuRule, billed_mb: f64) -> f64 {
    match rule {
        CpuRule::Table { points, .. } => points
            .iter()
            .find(|p| p.memory_mb >= billed_mb - EPSILON)
            .or(points.last())
            .map_or(0.0, |p| p.cpu),
        CpuRule::PerGb { cpu_per_gb, .. } => cpu_per_gb * billed_mb / 1024.0,
    }
}

/// Check a workload against an offer's limits; every reason, not just the first.
pub fn feasibility(sheet: &PriceSheet, workload: &Workload) -> Vec<Infeasible> {
    let limits = &sheet.limits;
    let mut reasons = Vec::new();
    let largest_size = match &sheet.billing.memory {
        MemoryRule::Sizes(sizes) => sizes.last().copied(),
        MemoryRule::Step { .. } => None,
    };
    let max_memory = match (limits.max_memory_mb, largest_size) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(max_mb) = max_memory
        && workload.memory_mb > max_mb + EPSILON
    {
        reasons.push(Infeasible::MemoryAboveMax {
            memory_mb: workload.memory_mb,
            max_mb,
        });
    }
    if let Some(max_ms) = limits.max_duration_ms {
        let longest = workload.provisioned.map_or(workload.duration_ms, |p| {
            p.duration_ms.max(workload.duration_ms)
        });
        if longest > max_ms + EPSILON {
            reasons.push(Infeasible::DurationAboveMax {
                duration_ms: longest,
                max_ms,
            });
        }
    }
    if let Some(max_ms) = limits.max_cpu_ms
        && workload.cpu_ms() > max_ms + EPSILON
    {
        reasons.push(Infeasible::CpuAboveMax {
            cpu_ms: workload.cpu_ms(),
            max_ms,
        });
    }
    if let Some(max_mb) = limits.max_ephemeral_mb
        && workload.ephemeral_mb > max_mb + EPSILON
    {
        reasons.push(Infeasible::EphemeralAboveMax {
            ephemeral_mb: workload.ephemeral_mb,
            max_mb,
        });
    }
    if !limits.archs.is_empty() && !limits.archs.contains(&workload.arch) {
        reasons.push(Infeasible::ArchNotOffered {
            arch: workload.arch.label(),
        });
    }
    reasons
}

/// Quantities derived once per workload and shared by every meter.
struct Derived {
    /// (requests, billed seconds) billed on demand.
    on_demand: [(f64, f64); 2],
    all_requests: f64,
    request_units: f64,
    gb: f64,
    cpu: f64,
    provisioned_gb_seconds: f64,
    provisioned_duration_gb_seconds: f64,
    ephemeral_gb: f64,
    instance_seconds: f64,
}

/// Meter one workload on one sheet, writing into `usage` (reused by sweeps).
/// The workload must already be feasible (see [`feasibility`]).
pub fn measure_into(sheet: &PriceSheet, workload: &Workload, usage: &mut Usage) {
    let billing = &sheet.billing;
    usage.quantities.clear();
    usage.notes.clear();

    let billed_ms = |duration_ms: f64| {
        ceil_to(duration_ms, billing.duration_rounding_ms).max(billing.min_duration_ms)
    };
    let billed_mb =
        billed_memory_mb(&billing.memory, workload.memory_mb).unwrap_or(workload.memory_mb);
    if (billed_mb - workload.memory_mb).abs() > EPSILON {
        usage.notes.push(Note::MemoryBilledAs {
            memory_mb: workload.memory_mb,
            billed_mb,
        });
    }
    let gb = billed_mb / 1024.0;
    let seconds = billed_ms(workload.duration_ms) / 1000.0;
    // Per-instance billing rounds and applies its minimum to an instance's
    // active periods, not to each call, so calls are not rounded here.
    let per_instance = billing.per_instance.is_some();
    let shown_ms = billed_ms(workload.duration_ms);
    if !per_instance
        && (shown_ms - workload.duration_ms).abs() > EPSILON
        && workload.requests_per_month > 0.0
    {
        usage.notes.push(Note::DurationBilledAs {
            duration_ms: workload.duration_ms,
            billed_ms: shown_ms,
        });
    }

    // Only a workload with provisioned capacity needs to know.
    let supports_provisioned = workload.provisioned.is_some() && sheet.supports_provisioned();
    let requests = workload.requests_per_month;
    let (on_demand, provisioned_gb_seconds, provisioned_duration_gb_seconds) =
        match workload.provisioned {
            Some(p) if supports_provisioned => {
                let minutes = billing
                    .provisioned_rounding_minutes
                    .map_or(p.hours_per_month * 60.0, |step| {
                        ceil_to(p.hours_per_month * 60.0, step)
                    });
                (
                    [(requests - p.requests, seconds), (0.0, 0.0)],
                    p.concurrency * gb * minutes * 60.0,
                    p.requests * gb * billed_ms(p.duration_ms) / 1000.0,
                )
            }
            Some(p) => {
                usage.notes.push(Note::ProvisionedNotModelled);
                (
                    [
                        (requests - p.requests, seconds),
                        (p.requests, billed_ms(p.duration_ms) / 1000.0),
                    ],
                    0.0,
                    0.0,
                )
            }
            None => ([(requests, seconds), (0.0, 0.0)], 0.0, 0.0),
        };

    let request_units = match billing.request_size_increment_kb {
        Some(increment_kb) if increment_kb > 0.0 => {
            let counted = (workload.payload_kb / increment_kb - EPSILON)
                .ceil()
                .max(1.0);
            if counted > 1.0 {
                usage.notes.push(Note::PayloadIncrements {
                    payload_kb: workload.payload_kb,
                    increment_kb,
                    counted,
                });
            }
            counted
        }
        _ => 1.0,
    };

    let instance_seconds = match billing.per_instance {
        Some(rule) => {
            // Steady load keeps instances busy: active time is the calls'
            // summed duration shared by the calls an instance runs at once.
            let busy =
                requests * workload.duration_ms / 1000.0 / workload.instance_concurrency.max(1.0);
            let min_period_s = rule.min_active_period_ms / 1000.0;
            // Sparse traffic pays the minimum period per request, but one
            // instance can start at most a month's worth of periods.
            let floor = if min_period_s > 0.0 {
                requests.min(SECONDS_PER_MONTH / min_period_s) * min_period_s
            } else {
                0.0
            };
            busy.max(floor)
        }
        None => 0.0,
    };

    let derived = Derived {
        on_demand,
        all_requests: requests,
        request_units,
        gb,
        cpu: billing
            .cpu
            .as_ref()
            .map_or(0.0, |rule| derived_cpu(rule, billed_mb)),
        provisioned_gb_seconds,
        provisioned_duration_gb_seconds,
        ephemeral_gb: billing.ephemeral_free_mb.map_or(0.0, |free_mb| {
            (workload.ephemeral_mb - free_mb).max(0.0) / 1024.0
        }),
        instance_seconds,
    };
    let all_request_seconds = derived.on_demand[0].0 * derived.on_demand[0].1
        + derived.on_demand[1].0 * derived.on_demand[1].1
        + workload.provisioned.map_or(0.0, |p| {
            if supports_provisioned {
                p.requests * billed_ms(p.duration_ms) / 1000.0
            } else {
                0.0
            }
        });

    for meter in &sheet.meters {
        if meter.arch.is_some_and(|arch| arch != workload.arch) {
            usage.quantities.push(0.0);
            continue;
        }
        let on_demand_seconds = derived.on_demand[0].0 * derived.on_demand[0].1
            + derived.on_demand[1].0 * derived.on_demand[1].1;
        let quantity: f64 = meter
            .quantity
            .iter()
            .map(|term| match *term {
                Term::Requests(w) => w * derived.all_requests * derived.request_units,
                Term::GbSeconds(w) => w * on_demand_seconds * derived.gb,
                Term::CpuSeconds(w) => w * on_demand_seconds * derived.cpu,
                Term::CpuMs(w) => w * derived.all_requests * workload.cpu_ms(),
                Term::EgressGb(w) => w * workload.egress_gb,
                Term::EphemeralGbSeconds(w) => w * all_request_seconds * derived.ephemeral_gb,
                Term::ProvisionedGbSeconds(w) => w * derived.provisioned_gb_seconds,
                Term::ProvisionedDurationGbSeconds(w) => {
                    w * derived.provisioned_duration_gb_seconds
                }
                Term::InstanceGbSeconds(w) => w * derived.instance_seconds * derived.gb,
                Term::Months(w) => w,
                // Service terms: a function sheet has none (checked at load).
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
                | Term::InstanceCpuHours(_) => 0.0,
            })
            .sum();
        usage.quantities.push(quantity);
    }
}

/// Meter one workload on one sheet.
pub fn measure(sheet: &PriceSheet, workload: &Workload) -> Result<Usage, Vec<Infeasible>> {
    let reasons = feasibility(sheet, workload);
    if !reasons.is_empty() {
        return Err(reasons);
    }
    let mut usage = Usage::default();
    measure_into(sheet, workload, &mut usage);
    Ok(usage)
}

/// Which part of a meter a line item bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portion {
    /// Drawn from a free or included allowance.
    Allowance,
    /// The meter has a single price.
    Whole,
    /// One tier of a tiered meter.
    Tier(usize),
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq)]
pub struct LineItem<'a> {
    pub meter: &'a Meter,
    pub portion: Portion,
    /// In the meter's display unit.
    pub quantity: f64,
    pub unit_price_usd: f64,
    /// Rounded to the cent.
    pub usd: f64,
}

impl LineItem<'_> {
    /// The label printed on the bill, e.g. "Duration (x86), first 6B GB-s".
    pub fn label(&self) -> String {
        match self.portion {
            Portion::Whole => self.meter.name.clone(),
            Portion::Allowance => format!("{}, free allowance", self.meter.name),
            Portion::Tier(index) => {
                format!("{}, {}", self.meter.name, tier_label(self.meter, index))
            }
        }
    }

    pub fn unit(&self) -> &str {
        &self.meter.unit
    }
}

/// "first 6B GB-s", "next 9B GB-s", "over 15B GB-s" (bounds in display units).
pub fn tier_label(meter: &Meter, index: usize) -> String {
    let bound =
        |i: usize| meter.tiers.get(i).and_then(|t| t.up_to).unwrap_or(0.0) / meter.unit_size;
    let unit = meter
        .unit
        .trim_start_matches("1M ")
        .trim_start_matches("1K ");
    let scale = |v: f64| compact(v * meter.unit_size);
    if index == 0 {
        format!("first {} {unit}", scale(bound(0)))
    } else if meter.tiers[index].up_to.is_some() {
        format!("next {} {unit}", scale(bound(index) - bound(index - 1)))
    } else {
        format!("over {} {unit}", scale(bound(index - 1)))
    }
}

/// Free-pool balances while pricing one usage.
struct Pools<'a> {
    sheet: &'a PriceSheet,
    remaining: [f64; 8],
}

impl<'a> Pools<'a> {
    fn new(sheet: &'a PriceSheet, options: PricingOptions) -> Self {
        let mut remaining = [0.0; 8];
        for (slot, pool) in remaining.iter_mut().zip(&sheet.free_pools) {
            *slot = match pool.kind {
                PoolKind::Included => pool.quantity,
                PoolKind::FreeTier if options.free_tier => pool.quantity,
                PoolKind::FirstYear if options.free_tier && options.first_year_free_tier => {
                    pool.quantity
                }
                PoolKind::FreeTier | PoolKind::FirstYear => 0.0,
            };
        }
        Pools { sheet, remaining }
    }

    /// Take up to `wanted` from the meter's pool; returns what was taken.
    fn draw(&mut self, meter: &Meter, wanted: f64) -> f64 {
        let Some(pool_id) = &meter.free_pool else {
            return 0.0;
        };
        let Some(index) = self.sheet.free_pools.iter().position(|p| &p.id == pool_id) else {
            return 0.0;
        };
        let Some(slot) = self.remaining.get_mut(index) else {
            return 0.0;
        };
        let taken = slot.min(wanted).max(0.0);
        *slot -= taken;
        taken
    }
}

/// Split the billable range `[start, end)` of a meter's monthly quantity
/// over its tiers, calling `emit(tier index, base quantity)` for each part.
/// A meter billed in whole units first rounds the billable part up to the
/// next display unit.
fn split_tiers(meter: &Meter, start: f64, end: f64, mut emit: impl FnMut(usize, f64)) {
    let end = if meter.whole_units && end > start {
        start + ceil_to(end - start, meter.unit_size)
    } else {
        end
    };
    let mut lower = 0.0;
    for (index, tier) in meter.tiers.iter().enumerate() {
        let upper = tier.up_to.unwrap_or(f64::INFINITY);
        let part = end.min(upper) - start.max(lower);
        if part > 0.0 {
            emit(index, part);
        }
        if end <= upper {
            break;
        }
        lower = upper;
    }
}

/// Price a usage: free pools first, then tiers; each line rounded to the cent.
pub fn price<'a>(
    sheet: &'a PriceSheet,
    usage: &Usage,
    options: PricingOptions,
) -> Vec<LineItem<'a>> {
    let mut pools = Pools::new(sheet, options);
    // Room for one line per meter plus a free line and a tier split or two.
    let mut items = Vec::with_capacity(sheet.meters.len() + 3);
    for (meter, &quantity) in sheet.meters.iter().zip(usage.quantities.iter()) {
        if quantity <= 0.0 {
            continue;
        }
        let free = pools.draw(meter, quantity);
        if free > 0.0 {
            items.push(LineItem {
                meter,
                portion: Portion::Allowance,
                quantity: free / meter.unit_size,
                unit_price_usd: 0.0,
                usd: 0.0,
            });
        }
        let tiered = meter.tiers.len() > 1;
        split_tiers(meter, free, quantity, |index, part| {
            let display = part / meter.unit_size;
            let unit_price = meter.tiers[index].usd;
            items.push(LineItem {
                meter,
                portion: if tiered {
                    Portion::Tier(index)
                } else {
                    Portion::Whole
                },
                quantity: display,
                unit_price_usd: unit_price,
                usd: round_cents(display * unit_price),
            });
        });
    }
    items
}

/// The month's total without building line items (for sweeps).
pub fn total_usd(sheet: &PriceSheet, usage: &Usage, options: PricingOptions) -> f64 {
    let mut pools = Pools::new(sheet, options);
    let mut total = 0.0;
    for (meter, &quantity) in sheet.meters.iter().zip(usage.quantities.iter()) {
        if quantity <= 0.0 {
            continue;
        }
        let free = pools.draw(meter, quantity);
        split_tiers(meter, free, quantity, |index, part| {
            total += round_cents(part / meter.unit_size * meter.tiers[index].usd);
        });
    }
    round_cents(total)
}

/// Sum of line items, rounded to the cent.
pub fn sum_usd(items: &[LineItem<'_>]) -> f64 {
    round_cents(items.iter().map(|i| i.usd).sum())
}

#[cfg(test)]
mod quantities_tests {
    use super::*;

    #[test]
    fn quantities_behave_as_a_bounded_slice() {
        let mut q = Quantities::default();
        assert!(q.is_empty());
        q.push(1.0);
        q.push(2.0);
        assert_eq!(&*q, &[1.0, 2.0]);
        q[1] = 5.0;
        q.grow_to(4);
        assert_eq!(&*q, &[1.0, 5.0, 0.0, 0.0]);
        q.grow_to(2);
        assert_eq!(q.len(), 4, "grow_to never shrinks");
        q.clear();
        for i in 0..(MAX_METERS + 3) {
            q.push(i as f64);
        }
        assert_eq!(q.len(), MAX_METERS);
        assert_eq!(Quantities::zeros(MAX_METERS + 5).len(), MAX_METERS);
        let collected: Quantities = [1.0, 2.0, 3.0].into_iter().collect();
        assert_eq!(collected.iter().sum::<f64>(), 6.0);
    }
}
