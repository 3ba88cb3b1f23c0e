//! Pricing an architecture: every function and priced service becomes a
//! workload at its derived monthly rate; usage is added up per price sheet
//! before tiers and free allowances apply (they are per account and month,
//! not per function); each sheet is priced once; and each bill line is
//! shared among the components by their share of that meter's quantity.
//!
//! Attribution by meter share (rather than by each component's stand-alone
//! cost) gives every component its own line items, and the shares of each
//! line add up to that line exactly; component totals are then rounded to
//! the cent so that they add up to the bill (largest remainder first). For a
//! one-meter sheet such as an API gateway both rules give the same split.
//!
//! Flat monthly fees (Cloudflare's subscription) are billed once per
//! account: their quantity is the largest any component asks for, not the
//! sum, and they are shared equally.
//!
//! Services are priced from what the design knows (their monthly events,
//! payload size and outgoing edges) plus the inputs only a user knows
//! (stored GB, read share, ...), which default to the sheet's
//! `usage_defaults` until the node sets them.
//!
//! A total is complete only when every component is priced and can run.
//! Otherwise it is the priced part, a lower bound (`None` when nothing is
//! priced: unknown is never 0), and [`ArchitecturePrice::unpriced`] names
//! each missing component with its reason.

use std::collections::HashMap;

use serde::Serialize;

use super::document::{Architecture, Node, NodeId, NodeKind, ServiceInputs};
use super::propagate::{Propagation, propagate};
use crate::catalog::price_sheet::Term;
use crate::catalog::{Catalog, PriceSheet};
use crate::cost::engine::{self, PricingOptions, Usage};
use crate::cost::service::{self, ServiceUsage};
use crate::cost::{Quote, Workload};

/// The largest monthly bill that `f64` still holds to the cent (2^53 cents).
/// Above it a bill cannot be computed honestly; it is reported as too large.
pub const MAX_PRICEABLE_USD: f64 = 9.0e13;

/// What a priced node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Function,
    Service,
}

/// Whether and how a component was priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostStatus {
    Priced,
    /// The catalog has no price sheet for it.
    NotPriced,
    /// It cannot run on the offer (see `reasons`).
    Infeasible,
    /// Its inputs cannot be priced (zero memory, an unknown id...).
    Invalid,
    /// Portability found no equivalent on the provider.
    Unmapped,
}

impl CostStatus {
    pub fn label(self) -> &'static str {
        match self {
            CostStatus::Priced => "priced",
            CostStatus::NotPriced => "not priced",
            CostStatus::Infeasible => "not feasible",
            CostStatus::Invalid => "invalid",
            CostStatus::Unmapped => "no equivalent",
        }
    }
}

/// One line of a bill, owned so results can be kept and exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BillLine {
    pub meter: String,
    /// In `unit`s.
    pub quantity: f64,
    pub unit: String,
    pub unit_price_usd: f64,
    pub usd: f64,
}

/// One component's monthly cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentCost {
    pub node: NodeId,
    pub name: String,
    pub kind: ComponentKind,
    /// The platform (functions) or service id it is priced as.
    pub mapped_to: String,
    pub mapped_name: String,
    /// The price sheet it was priced on.
    pub sheet: Option<String>,
    /// Invocations (functions) or requests (services).
    pub events_per_month: f64,
    /// Its share of the bill, to the cent; `None` unless priced.
    pub usd: Option<f64>,
    pub status: CostStatus,
    /// Why it was not priced.
    pub reasons: Vec<String>,
    /// Its share of each line of its sheet's bill (not rounded).
    pub line_items: Vec<BillLine>,
}

/// One price sheet's bill for the whole architecture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetBill {
    pub sheet: String,
    pub name: String,
    pub as_of: String,
    pub line_items: Vec<BillLine>,
    pub total_usd: f64,
    /// Billing notes (memory or duration rounding, payload increments).
    pub notes: Vec<String>,
}

/// An architecture's monthly cost on one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArchitecturePrice {
    /// The function platform it was priced for.
    pub platform: String,
    pub free_tier: bool,
    /// Whether 12-month free tiers were applied too.
    pub first_year_free_tier: bool,
    /// Sum of the priced components (and of the bills): the whole cost when
    /// `complete`, otherwise a lower bound; `None` when nothing is priced.
    pub total_usd: Option<f64>,
    /// Every component is priced and can run: the total is the whole cost.
    pub complete: bool,
    /// Every component maps and can run; unpriced services do not count
    /// against it (they are listed), infeasible and unmapped ones do.
    pub feasible: bool,
    pub components: Vec<ComponentCost>,
    pub bills: Vec<SheetBill>,
}

/// A component left out of a total, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unpriced {
    pub node: NodeId,
    pub name: String,
    pub status: CostStatus,
    pub reason: String,
}

impl ArchitecturePrice {
    /// The cost badge of a node, when it was priced.
    pub fn component(&self, node: NodeId) -> Option<&ComponentCost> {
        self.components.iter().find(|c| c.node == node)
    }

    /// The components the total leaves out, with their reasons.
    pub fn unpriced(&self) -> Vec<Unpriced> {
        self.components
            .iter()
            .filter(|c| c.status != CostStatus::Priced)
            .map(|c| Unpriced {
                node: c.node,
                name: c.name.clone(),
                status: c.status,
                reason: if c.reasons.is_empty() {
                    c.status.label().to_owned()
                } else {
                    c.reasons.join("; ")
                },
            })
            .collect()
    }

    /// How many components the total leaves out.
    pub fn unpriced_count(&self) -> usize {
        self.components
            .iter()
            .filter(|c| c.status != CostStatus::Priced)
            .count()
    }
}

/// What a node becomes on the platform being priced.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mapped {
    /// A function on this platform id.
    Function(String),
    /// This service id.
    Service(String),
    /// Event sources cost nothing themselves.
    Source,
    /// No equivalent; the reason.
    Gap(String),
}

/// The document's own nodes, unchanged.
pub(crate) fn identity(doc: &Architecture) -> Vec<Mapped> {
    doc.nodes
        .iter()
        .map(|node| match &node.kind {
            NodeKind::Function { .. } => Mapped::Function(
                node.function_platform(&doc.target_platform)
                    .unwrap_or_default()
                    .to_owned(),
            ),
            NodeKind::Service { service, .. } => Mapped::Service(service.clone()),
            NodeKind::EventSource { .. } => Mapped::Source,
        })
        .collect()
}

/// Price the document on its own target platform.
pub fn price(catalog: &Catalog, doc: &Architecture, options: PricingOptions) -> ArchitecturePrice {
    price_with(catalog, doc, &propagate(doc), options)
}

/// Price with load already propagated (the canvas keeps it between frames).
pub fn price_with(
    catalog: &Catalog,
    doc: &Architecture,
    flow: &Propagation,
    options: PricingOptions,
) -> ArchitecturePrice {
    price_mapped(
        catalog,
        doc,
        flow,
        &identity(doc),
        &doc.target_platform,
        options,
    )
}

/// What a component asks of its sheet.
#[derive(Debug, Clone, Copy)]
enum Demand {
    Function(Workload),
    Service(ServiceUsage),
}

/// A component on its way to a sheet.
struct Pending<'c> {
    cost: ComponentCost,
    sheet: Option<&'c PriceSheet>,
    demand: Demand,
}

fn display_name(catalog: &Catalog, mapped: &Mapped) -> String {
    match mapped {
        Mapped::Function(id) => catalog.platform(id).map_or(id.clone(), |p| p.name.clone()),
        Mapped::Service(id) => catalog.service(id).map_or(id.clone(), |s| s.name.clone()),
        _ => String::new(),
    }
}

/// Why a component has no sheet: its status and the reason.
type Refusal = (CostStatus, String);

/// The price sheet a mapped node is priced on.
fn resolve_sheet<'c>(catalog: &'c Catalog, mapped: &Mapped) -> Result<&'c PriceSheet, Refusal> {
    let (owner, sheet_id) = match mapped {
        Mapped::Gap(reason) => return Err((CostStatus::Unmapped, reason.clone())),
        Mapped::Source => return Err((CostStatus::Invalid, "an event source".to_owned())),
        Mapped::Function(platform_id) => {
            let platform = catalog.platform(platform_id).ok_or_else(|| {
                (
                    CostStatus::Invalid,
                    format!("unknown platform `{platform_id}`"),
                )
            })?;
            let sheet = platform.price_sheets.first().ok_or_else(|| {
                (
                    CostStatus::NotPriced,
                    format!("{} has no price sheet in the catalog", platform.name),
                )
            })?;
            (platform.name.as_str(), sheet)
        }
        Mapped::Service(service_id) => {
            let service = catalog.service(service_id).ok_or_else(|| {
                (
                    CostStatus::Invalid,
                    format!("unknown service `{service_id}`"),
                )
            })?;
            let sheet = service.price_sheet.as_ref().ok_or_else(|| {
                (
                    CostStatus::NotPriced,
                    format!("{} is not priced in the catalog", service.name),
                )
            })?;
            (service.name.as_str(), sheet)
        }
    };
    catalog.price_sheet(sheet_id).ok_or_else(|| {
        (
            CostStatus::NotPriced,
            format!("price sheet `{sheet_id}` for {owner} is missing"),
        )
    })
}

/// A function node's workload at its derived monthly invocations.
fn function_workload(kind: &NodeKind, invocations: f64) -> Option<Workload> {
    match *kind {
        NodeKind::Function {
            memory_mb,
            duration_ms,
            arch,
            cpu_ms,
            payload_kb,
            ..
        } => Some(Workload {
            requests_per_month: invocations,
            memory_mb,
            duration_ms,
            arch,
            cpu_ms,
            payload_kb,
            ..Workload::default()
        }),
        _ => None,
    }
}

/// A service node's month: its events and payload from the design, the
/// rest from its own inputs or, where unset, the sheet's defaults.
pub fn service_usage(
    sheet: &PriceSheet,
    inputs: &ServiceInputs,
    payload_kb: f64,
    events: f64,
    deliveries: usize,
) -> ServiceUsage {
    let defaults = &sheet.usage_defaults;
    let read_share = inputs
        .read_share
        .or(defaults.read_share)
        .unwrap_or(service::FALLBACK_READ_SHARE);
    let base = ServiceUsage::with_defaults(defaults, events);
    ServiceUsage {
        payload_kb,
        storage_gb: inputs.storage_gb.unwrap_or(base.storage_gb),
        reads: events * read_share,
        writes: events * (1.0 - read_share),
        egress_gb: inputs.egress_gb.unwrap_or(base.egress_gb),
        duration_ms: inputs.duration_ms.unwrap_or(base.duration_ms),
        memory_mb: inputs.memory_mb.unwrap_or(base.memory_mb),
        deliveries: deliveries as f64,
        steps: inputs.steps.unwrap_or(base.steps),
        connection_minutes: inputs.connection_minutes.unwrap_or(base.connection_minutes),
        instances: inputs.instances.unwrap_or(base.instances),
        ..base
    }
}

/// Decide each node's sheet and demand, or why it has none.
fn pending<'c>(
    catalog: &'c Catalog,
    doc: &Architecture,
    flow: &Propagation,
    mapping: &[Mapped],
) -> Vec<Pending<'c>> {
    // Deliveries of a service: the edges that leave it (subscribers, consumers).
    let mut outgoing: HashMap<NodeId, usize> = HashMap::new();
    for edge in &doc.edges {
        *outgoing.entry(edge.from).or_default() += 1;
    }
    let mut out = Vec::new();
    for (node, mapped) in doc.nodes.iter().zip(mapping) {
        let kind = match &node.kind {
            NodeKind::Function { .. } => ComponentKind::Function,
            NodeKind::Service { .. } => ComponentKind::Service,
            NodeKind::EventSource { .. } => continue,
        };
        let events = flow.events_per_month(node.id);
        let mut cost = ComponentCost {
            node: node.id,
            name: node.name.clone(),
            kind,
            mapped_to: match mapped {
                Mapped::Function(id) | Mapped::Service(id) => id.clone(),
                _ => String::new(),
            },
            mapped_name: display_name(catalog, mapped),
            sheet: None,
            events_per_month: events,
            usd: None,
            status: CostStatus::Priced,
            reasons: Vec::new(),
            line_items: Vec::new(),
        };
        let fallback = Demand::Function(Workload::default());
        let resolved = resolve_sheet(catalog, mapped).and_then(|sheet| {
            let demand = demand_of(node, sheet, events, *outgoing.get(&node.id).unwrap_or(&0))?;
            Ok((sheet, demand))
        });
        let (sheet, demand) = match resolved {
            Ok((sheet, demand)) => (Some(sheet), demand),
            Err((status, reason)) => {
                cost.status = status;
                cost.reasons.push(reason);
                (None, fallback)
            }
        };
        cost.sheet = sheet.map(|s| s.id.clone());
        out.push(Pending {
            cost,
            sheet,
            demand,
        });
    }
    out
}

/// What a node asks of the sheet it was resolved to, checked.
fn demand_of(
    node: &Node,
    sheet: &PriceSheet,
    events: f64,
    deliveries: usize,
) -> Result<Demand, Refusal> {
    let invalid = |e: &dyn std::fmt::Display| (CostStatus::Invalid, e.to_string());
    match (&node.kind, &sheet.subject) {
        (NodeKind::Function { .. }, crate::catalog::price_sheet::Subject::Platform(_)) => {
            let workload =
                function_workload(&node.kind, events).ok_or_else(|| invalid(&"not a function"))?;
            workload.validate().map_err(|e| invalid(&e))?;
            Ok(Demand::Function(workload))
        }
        (
            NodeKind::Service {
                payload_kb, inputs, ..
            },
            crate::catalog::price_sheet::Subject::Service(_),
        ) => {
            let usage = service_usage(sheet, inputs, *payload_kb, events, deliveries);
            service::validate(&usage).map_err(|e| invalid(&e))?;
            Ok(Demand::Service(usage))
        }
        _ => Err(invalid(&"mapped to a different kind")),
    }
}

/// Whether a meter bills a flat monthly fee, once per account.
fn is_flat(meter: &crate::catalog::price_sheet::Meter) -> bool {
    !meter.quantity.is_empty() && meter.quantity.iter().all(|t| matches!(t, Term::Months(_)))
}

fn owned_line(item: &engine::LineItem<'_>) -> BillLine {
    BillLine {
        meter: item.label(),
        quantity: item.quantity,
        unit: item.unit().to_owned(),
        unit_price_usd: item.unit_price_usd,
        usd: item.usd,
    }
}

/// Round shares to cents so they add up to `total_usd` exactly: each
/// share is floored to the cent, and the cents left over go one each to
/// the largest remainders. Linear in the shares whatever the amounts (the
/// caller keeps totals below [`MAX_PRICEABLE_USD`]).
fn round_shares(shares: &[f64], total_usd: f64) -> Vec<f64> {
    let target_cents = (total_usd * 100.0).round() as i64;
    let mut cents: Vec<i64> = shares
        .iter()
        .map(|s| (s * 100.0 + 1e-6).floor().max(0.0) as i64)
        .collect();
    let mut by_remainder: Vec<usize> = (0..shares.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let ra = shares[a] * 100.0 - cents[a] as f64;
        let rb = shares[b] * 100.0 - cents[b] as f64;
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let left = target_cents - cents.iter().sum::<i64>();
    if left > 0 {
        // Float noise can leave more cents than shares: spread them evenly.
        let n = by_remainder.len().max(1) as i64;
        for (rank, &i) in by_remainder.iter().enumerate() {
            cents[i] += left / n + i64::from((rank as i64) < left % n);
        }
    } else if left < 0 {
        // Take back from the smallest remainders first, never below zero.
        let mut owed = -left;
        for &i in by_remainder
            .iter()
            .rev()
            .cycle()
            .take(by_remainder.len() * 2)
        {
            if owed == 0 {
                break;
            }
            let take = owed
                .min(cents[i])
                .min(1.max(owed / by_remainder.len() as i64));
            cents[i] -= take;
            owed -= take;
        }
    }
    cents.into_iter().map(|c| c as f64 / 100.0).collect()
}

/// Price nodes as mapped onto a platform.
pub(crate) fn price_mapped(
    catalog: &Catalog,
    doc: &Architecture,
    flow: &Propagation,
    mapping: &[Mapped],
    platform: &str,
    options: PricingOptions,
) -> ArchitecturePrice {
    let mut items = pending(catalog, doc, flow, mapping);
    // Metered usage per component, grouped by sheet in order of first use.
    let mut groups: Vec<(&PriceSheet, Vec<(usize, Usage)>)> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for (index, item) in items.iter_mut().enumerate() {
        let Some(sheet) = item.sheet else { continue };
        let measured = match &item.demand {
            Demand::Function(workload) => engine::measure(sheet, workload),
            Demand::Service(usage) => Ok(service::measure_service(sheet, usage)),
        };
        match measured {
            Ok(usage) => {
                let group = *group_of.entry(sheet.id.as_str()).or_insert_with(|| {
                    groups.push((sheet, Vec::new()));
                    groups.len() - 1
                });
                groups[group].1.push((index, usage));
            }
            Err(reasons) => {
                item.cost.status = CostStatus::Infeasible;
                item.cost.reasons = reasons
                    .iter()
                    .map(|r| format!("{} {r}", item.cost.mapped_name))
                    .collect();
            }
        }
    }

    let mut bills = Vec::with_capacity(groups.len());
    for (sheet, members) in &groups {
        let meters = sheet.meters.len();
        let mut total = Usage::zero(sheet);
        // Per meter: the sum of the components' quantities, the base of their shares.
        let mut summed = vec![0.0f64; meters];
        for (_, usage) in members {
            for (m, meter) in sheet.meters.iter().enumerate() {
                let q = usage.quantities.get(m).copied().unwrap_or(0.0);
                summed[m] += q;
                total.quantities[m] = if is_flat(meter) {
                    total.quantities[m].max(q)
                } else {
                    total.quantities[m] + q
                };
            }
            for note in &usage.notes {
                if !total.notes.contains(note) {
                    total.notes.push(note.clone());
                }
            }
        }
        let quote = Quote::from_usage(sheet, &total, options);
        let bill_usd = quote.total_usd.unwrap_or(0.0);
        if !(bill_usd.is_finite() && bill_usd <= MAX_PRICEABLE_USD) {
            // Beyond cents that f64 can hold, shares and totals would be
            // noise (and rounding them to cents never finishes): say so.
            for (index, _) in members {
                let cost = &mut items[*index].cost;
                cost.status = CostStatus::Invalid;
                cost.reasons = vec![format!(
                    "too large to price: its {} bill would exceed ${} a month",
                    sheet.name,
                    engine::compact(MAX_PRICEABLE_USD)
                )];
            }
            continue;
        }
        // Labels are formatted once per bill line, not once per component.
        let lines: Vec<BillLine> = quote.line_items.iter().map(owned_line).collect();
        let mut shares = vec![0.0f64; members.len()];
        for (item, line) in quote.line_items.iter().zip(&lines) {
            let Some(m) = sheet
                .meters
                .iter()
                .position(|x| std::ptr::eq(x, item.meter))
            else {
                continue;
            };
            for (k, (index, usage)) in members.iter().enumerate() {
                let q = usage.quantities.get(m).copied().unwrap_or(0.0);
                let share = if summed[m] > 0.0 { q / summed[m] } else { 0.0 };
                if share <= 0.0 {
                    continue;
                }
                shares[k] += item.usd * share;
                items[*index].cost.line_items.push(BillLine {
                    meter: line.meter.clone(),
                    quantity: item.quantity * share,
                    unit: line.unit.clone(),
                    unit_price_usd: item.unit_price_usd,
                    usd: item.usd * share,
                });
            }
        }
        let total_usd = quote.total_usd.unwrap_or(0.0);
        for ((index, _), usd) in members.iter().zip(round_shares(&shares, total_usd)) {
            items[*index].cost.usd = Some(usd);
        }
        bills.push(SheetBill {
            sheet: sheet.id.clone(),
            name: sheet.name.clone(),
            as_of: sheet.as_of.to_string(),
            line_items: lines,
            total_usd,
            notes: quote.notes.iter().map(ToString::to_string).collect(),
        });
    }

    let components: Vec<ComponentCost> = items.into_iter().map(|p| p.cost).collect();
    let priced = components
        .iter()
        .filter(|c| c.status == CostStatus::Priced)
        .count();
    let complete = priced == components.len();
    // Nothing priced is unknown, not free; an empty drawing costs nothing.
    let total_usd = (priced > 0 || complete)
        .then(|| engine::round_cents(bills.iter().map(|b| b.total_usd).sum()));
    let feasible = components
        .iter()
        .all(|c| matches!(c.status, CostStatus::Priced | CostStatus::NotPriced));
    ArchitecturePrice {
        platform: platform.to_owned(),
        free_tier: options.free_tier,
        first_year_free_tier: options.first_year_free_tier,
        total_usd,
        complete,
        feasible,
        components,
        bills,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::document::{Edge, EdgeId, EdgeKind, Load};
    use crate::architecture::test_catalog;

    fn api(requests: f64) -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "http-request".into(),
                load: Load::RequestsPerMonth(requests),
            },
        );
        doc.add_node(
            "Gateway",
            (220.0, 0.0),
            NodeKind::service("aws-api-gateway-http"),
        );
        doc.add_node("Read", (440.0, 0.0), NodeKind::function());
        doc.add_node("Write", (440.0, 120.0), NodeKind::function());
        doc.add_node("Table", (660.0, 0.0), NodeKind::service("aws-dynamodb"));
        let mut edges = vec![
            Edge::new(EdgeId(1), NodeId(1), NodeId(2), EdgeKind::DataFlow, None),
            Edge::new(
                EdgeId(2),
                NodeId(2),
                NodeId(3),
                EdgeKind::Trigger,
                Some("http-request".into()),
            ),
            Edge::new(
                EdgeId(3),
                NodeId(2),
                NodeId(4),
                EdgeKind::Trigger,
                Some("http-request".into()),
            ),
            Edge::new(EdgeId(4), NodeId(3), NodeId(5), EdgeKind::DataFlow, None),
        ];
        edges[1].fraction = 0.75;
        edges[2].fraction = 0.25;
        doc.edges = edges;
        doc
    }

    #[test]
    fn usage_is_added_before_the_free_tier_applies() {
        let catalog = test_catalog();
        let doc = api(10_000_000.0);
        let no_free = price(
            &catalog,
            &doc,
            PricingOptions {
                free_tier: false,
                ..PricingOptions::default()
            },
        );
        // Gateway: 10M requests at $1.00 per 1M.
        let gateway = no_free.component(NodeId(2)).unwrap();
        assert_eq!(gateway.usd, Some(10.0));
        // Lambda, 512 MB x 100 ms: 10M x 0.05 GB-s = 500,000 GB-s at
        // $0.0000166667 = $8.33; 10M requests at $0.20 per 1M = $2.00.
        let lambda: f64 = no_free
            .bills
            .iter()
            .find(|b| b.sheet == "aws-lambda")
            .unwrap()
            .total_usd;
        assert_eq!(lambda, 10.33);
        assert_eq!(no_free.total_usd, Some(20.33));
        assert!(
            !no_free.complete,
            "the table is not priced in the test catalog"
        );
        // Shares follow the meters: 75% / 25% of each line.
        let read = no_free.component(NodeId(3)).unwrap().usd.unwrap();
        let write = no_free.component(NodeId(4)).unwrap().usd.unwrap();
        assert_eq!(read + write, 10.33);
        assert!((read - 7.75).abs() <= 0.01, "{read}");

        // With the free tier the 1M free requests and 400,000 GB-s are drawn
        // once for both functions: (500,000 - 400,000) GB-s = $1.67, 9M requests = $1.80.
        // The gateway's free tier lasts 12 months for accounts opened before
        // 2025-07-15 only, so it applies only when asked for.
        let free = price(&catalog, &doc, PricingOptions::default());
        let lambda = free.bills.iter().find(|b| b.sheet == "aws-lambda").unwrap();
        assert_eq!(lambda.total_usd, 3.47);
        assert_eq!(free.component(NodeId(2)).unwrap().usd, Some(10.0));
        assert_eq!(free.total_usd, Some(13.47));
        let parts: f64 = free.components.iter().filter_map(|c| c.usd).sum();
        assert!((parts - free.total_usd.unwrap()).abs() < 1e-9);
        let first_year = PricingOptions {
            free_tier: true,
            first_year_free_tier: true,
        };
        let first_year = price(&catalog, &doc, first_year);
        assert_eq!(first_year.component(NodeId(2)).unwrap().usd, Some(9.0));
        assert_eq!(first_year.total_usd, Some(12.47));
    }

    #[test]
    fn unpriced_and_infeasible_components_are_listed_not_hidden() {
        let catalog = test_catalog();
        let mut doc = api(1_000_000.0);
        if let NodeKind::Function { memory_mb, .. } = &mut doc.node_mut(NodeId(4)).unwrap().kind {
            *memory_mb = 20_000.0;
        }
        let quote = price(&catalog, &doc, PricingOptions::default());
        let table = quote.component(NodeId(5)).unwrap();
        assert_eq!(table.status, CostStatus::NotPriced);
        assert_eq!(
            table.reasons,
            vec!["Amazon DynamoDB is not priced in the catalog"]
        );
        let write = quote.component(NodeId(4)).unwrap();
        assert_eq!(write.status, CostStatus::Infeasible);
        assert!(write.reasons[0].contains("10240 MB"), "{:?}", write.reasons);
        assert_eq!(write.usd, None);
        assert!(!quote.feasible);
        assert!(quote.component(NodeId(1)).is_none(), "sources cost nothing");
    }

    #[test]
    fn a_flat_fee_is_billed_once_and_shared() {
        let catalog = test_catalog();
        let mut doc = api(1_000_000.0);
        doc.target_platform = "cloudflare-workers".into();
        doc.remove_nodes(&[NodeId(2), NodeId(5)]);
        doc.edges.push(Edge::new(
            EdgeId(5),
            NodeId(1),
            NodeId(3),
            EdgeKind::Trigger,
            Some("http-request".into()),
        ));
        doc.edges.push(Edge::new(
            EdgeId(6),
            NodeId(1),
            NodeId(4),
            EdgeKind::Trigger,
            Some("http-request".into()),
        ));
        for id in [NodeId(3), NodeId(4)] {
            if let NodeKind::Function {
                memory_mb, cpu_ms, ..
            } = &mut doc.node_mut(id).unwrap().kind
            {
                *memory_mb = 128.0;
                *cpu_ms = Some(5.0);
            }
        }
        let quote = price(&catalog, &doc, PricingOptions::default());
        // 2M requests and 2M x 5 ms of CPU fit in the included allowances:
        // only the $5 subscription, once.
        assert_eq!(quote.total_usd, Some(5.0));
        assert!(quote.complete);
        assert_eq!(quote.component(NodeId(3)).unwrap().usd, Some(2.5));
        assert_eq!(quote.component(NodeId(4)).unwrap().usd, Some(2.5));
    }

    #[test]
    fn nothing_priced_is_unknown_not_zero() {
        let catalog = test_catalog();
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node("Table", (0.0, 0.0), NodeKind::service("aws-dynamodb"));
        let quote = price(&catalog, &doc, PricingOptions::default());
        assert_eq!(quote.total_usd, None);
        assert!(!quote.complete);
        let unpriced = quote.unpriced();
        assert_eq!(unpriced.len(), 1);
        assert_eq!(unpriced[0].name, "Table");
        assert_eq!(
            unpriced[0].reason,
            "Amazon DynamoDB is not priced in the catalog"
        );
        // An empty drawing costs nothing, and says so completely.
        let empty = price(
            &catalog,
            &Architecture::new_empty("aws-lambda"),
            PricingOptions::default(),
        );
        assert_eq!(empty.total_usd, Some(0.0));
        assert!(empty.complete);
    }

    #[test]
    fn a_huge_load_finishes_and_is_called_too_large() {
        let catalog = test_catalog();
        // 1e23 requests a month: far beyond any bill f64 holds to the cent.
        let doc = api(1e23);
        let quote = price(&catalog, &doc, PricingOptions::default());
        let gateway = quote.component(NodeId(2)).unwrap();
        assert_eq!(gateway.status, CostStatus::Invalid);
        assert!(
            gateway.reasons[0].starts_with("too large to price"),
            "{:?}",
            gateway.reasons
        );
        assert!(quote.total_usd.is_none_or(f64::is_finite));
        assert!(!quote.complete);
    }

    #[test]
    fn shares_round_to_the_total() {
        assert_eq!(
            round_shares(&[1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0], 1.0),
            vec![0.34, 0.33, 0.33]
        );
        assert_eq!(
            round_shares(&[0.004, 0.004, 0.002], 0.01),
            vec![0.01, 0.0, 0.0]
        );
        assert_eq!(round_shares(&[], 0.0), Vec::<f64>::new());
        // Large amounts stay exact and finish at once.
        let big = round_shares(&[3e12, 1e12], 4e12);
        assert_eq!(big, vec![3e12, 1e12]);
    }
}
