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
//! The total is the sum of what could be priced. Components the catalog has
//! no price for, or that cannot run on the offer (memory above its maximum,
//! an architecture it does not sell), are listed with the reason and left
//! out of the total; `feasible` says whether the whole drawing runs there.

use std::collections::HashMap;

use serde::Serialize;

use super::document::{Architecture, NodeId, NodeKind};
use super::propagate::{Propagation, propagate};
use crate::catalog::price_sheet::Term;
use crate::catalog::{Catalog, PriceSheet};
use crate::cost::engine::{self, PricingOptions, Usage};
use crate::cost::{Quote, Workload};

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
    /// Sum of the priced components (and of the bills).
    pub total_usd: f64,
    /// Every component maps and can run; unpriced services do not count
    /// against it (they are listed), infeasible and unmapped ones do.
    pub feasible: bool,
    pub components: Vec<ComponentCost>,
    pub bills: Vec<SheetBill>,
}

impl ArchitecturePrice {
    /// The cost badge of a node, when it was priced.
    pub fn component(&self, node: NodeId) -> Option<&ComponentCost> {
        self.components.iter().find(|c| c.node == node)
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

/// A component on its way to a sheet.
struct Pending<'c> {
    cost: ComponentCost,
    sheet: Option<&'c PriceSheet>,
    workload: Workload,
}

fn display_name(catalog: &Catalog, mapped: &Mapped) -> String {
    match mapped {
        Mapped::Function(id) => catalog.platform(id).map_or(id.clone(), |p| p.name.clone()),
        Mapped::Service(id) => catalog.service(id).map_or(id.clone(), |s| s.name.clone()),
        _ => String::new(),
    }
}

/// Decide each node's sheet and workload, or why it has none.
fn pending<'c>(
    catalog: &'c Catalog,
    doc: &Architecture,
    flow: &Propagation,
    mapping: &[Mapped],
) -> Vec<Pending<'c>> {
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
        let mut workload = Workload {
            requests_per_month: events,
            ..Workload::default()
        };
        let mut sheet = None;
        let refuse = |cost: &mut ComponentCost, status, reason: String| {
            cost.status = status;
            cost.reasons.push(reason);
        };
        match (mapped, &node.kind) {
            (Mapped::Gap(reason), _) => refuse(&mut cost, CostStatus::Unmapped, reason.clone()),
            (
                Mapped::Function(platform_id),
                NodeKind::Function {
                    memory_mb,
                    duration_ms,
                    arch,
                    cpu_ms,
                    payload_kb,
                    ..
                },
            ) => {
                workload.memory_mb = *memory_mb;
                workload.duration_ms = *duration_ms;
                workload.arch = *arch;
                workload.cpu_ms = *cpu_ms;
                workload.payload_kb = *payload_kb;
                match catalog.platform(platform_id) {
                    None => refuse(
                        &mut cost,
                        CostStatus::Invalid,
                        format!("unknown platform `{platform_id}`"),
                    ),
                    Some(platform) => match platform.price_sheets.first() {
                        None => refuse(
                            &mut cost,
                            CostStatus::NotPriced,
                            format!("{} has no price sheet in the catalog", platform.name),
                        ),
                        Some(id) => match catalog.price_sheet(id) {
                            Some(found) => sheet = Some(found),
                            None => refuse(
                                &mut cost,
                                CostStatus::NotPriced,
                                format!("price sheet `{id}` is missing"),
                            ),
                        },
                    },
                }
            }
            (Mapped::Service(service_id), NodeKind::Service { payload_kb, .. }) => {
                workload.payload_kb = *payload_kb;
                match catalog.service(service_id) {
                    None => refuse(
                        &mut cost,
                        CostStatus::Invalid,
                        format!("unknown service `{service_id}`"),
                    ),
                    Some(service) => match &service.price_sheet {
                        None => refuse(
                            &mut cost,
                            CostStatus::NotPriced,
                            format!("{} is not priced in the catalog", service.name),
                        ),
                        Some(id) => match catalog.price_sheet(id) {
                            Some(found) => sheet = Some(found),
                            None => refuse(
                                &mut cost,
                                CostStatus::NotPriced,
                                format!("price sheet `{id}` is missing"),
                            ),
                        },
                    },
                }
            }
            _ => refuse(
                &mut cost,
                CostStatus::Invalid,
                "mapped to a different kind".to_owned(),
            ),
        }
        if sheet.is_some()
            && let Err(error) = workload.validate()
        {
            refuse(&mut cost, CostStatus::Invalid, error.to_string());
            sheet = None;
        }
        cost.sheet = sheet.map(|s| s.id.clone());
        out.push(Pending {
            cost,
            sheet,
            workload,
        });
    }
    out
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

/// Round shares to cents so they add up to `total_usd` exactly.
fn round_shares(shares: &[f64], total_usd: f64) -> Vec<f64> {
    let target_cents = (total_usd * 100.0).round() as i64;
    let mut cents: Vec<i64> = shares
        .iter()
        .map(|s| (s * 100.0 + 1e-6).floor() as i64)
        .collect();
    let mut left = target_cents - cents.iter().sum::<i64>();
    let mut by_remainder: Vec<usize> = (0..shares.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let ra = shares[a] * 100.0 - cents[a] as f64;
        let rb = shares[b] * 100.0 - cents[b] as f64;
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut turn = 0;
    while left != 0 && !by_remainder.is_empty() {
        let i = by_remainder[turn % by_remainder.len()];
        let step = left.signum();
        if cents[i] + step >= 0 {
            cents[i] += step;
            left -= step;
        }
        turn += 1;
        if turn > 4 * by_remainder.len() + left.unsigned_abs() as usize * 2 {
            break; // cannot happen with non-negative shares; never loop forever
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
        match engine::measure(sheet, &item.workload) {
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

    let total_usd = engine::round_cents(bills.iter().map(|b| b.total_usd).sum());
    let components: Vec<ComponentCost> = items.into_iter().map(|p| p.cost).collect();
    let feasible = components
        .iter()
        .all(|c| matches!(c.status, CostStatus::Priced | CostStatus::NotPriced));
    ArchitecturePrice {
        platform: platform.to_owned(),
        free_tier: options.free_tier,
        total_usd,
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
        let no_free = price(&catalog, &doc, PricingOptions { free_tier: false });
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
        assert_eq!(no_free.total_usd, 20.33);
        // Shares follow the meters: 75% / 25% of each line.
        let read = no_free.component(NodeId(3)).unwrap().usd.unwrap();
        let write = no_free.component(NodeId(4)).unwrap().usd.unwrap();
        assert_eq!(read + write, 10.33);
        assert!((read - 7.75).abs() <= 0.01, "{read}");

        // With the free tier the 1M free requests and 400,000 GB-s are drawn
        // once for both functions: (500,000 - 400,000) GB-s = $1.67, 9M requests = $1.80.
        let free = price(&catalog, &doc, PricingOptions::default());
        let lambda = free.bills.iter().find(|b| b.sheet == "aws-lambda").unwrap();
        assert_eq!(lambda.total_usd, 3.47);
        assert_eq!(free.component(NodeId(2)).unwrap().usd, Some(9.0));
        assert_eq!(free.total_usd, 12.47);
        let parts: f64 = free.components.iter().filter_map(|c| c.usd).sum();
        assert!((parts - free.total_usd).abs() < 1e-9);
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
        assert_eq!(quote.total_usd, 5.0);
        assert_eq!(quote.component(NodeId(3)).unwrap().usd, Some(2.5));
        assert_eq!(quote.component(NodeId(4)).unwrap().usd, Some(2.5));
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
    }
}
