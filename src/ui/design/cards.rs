//! What each card shows besides its name: derived with the costs when the
//! document changes, never per frame.

use std::collections::HashMap;

use egui::Color32;

use crate::architecture::{
    Architecture, ArchitecturePrice, ComponentCost, CostStatus, NodeId, NodeKind, Problem,
    Propagation, Severity,
};
use crate::catalog::Catalog;
use crate::cost::engine::compact;
use crate::export::usd;

/// A card's texts, its worst problem and its colours.
pub struct CardInfo {
    pub subtitle: String,
    pub footer: String,
    /// The monthly cost, or why there is none; empty when it was not priced at all.
    pub cost: String,
    /// Whether `cost` is an amount (drawn in green) rather than a status.
    pub priced: bool,
    pub worst: Option<Severity>,
    pub accent: Color32,
    pub kind_label: &'static str,
}

/// The colour strip on the left of a card, by what the node is.
fn accent(kind: &NodeKind) -> Color32 {
    match kind {
        NodeKind::Function { .. } => Color32::from_rgb(240, 150, 30),
        NodeKind::EventSource { .. } => Color32::from_rgb(70, 140, 230),
        NodeKind::Service { .. } => Color32::from_rgb(30, 170, 150),
    }
}

/// Card texts for every node, from the derived load, costs and problems.
pub fn card_infos(
    catalog: &Catalog,
    doc: &Architecture,
    flow: &Propagation,
    price: &ArchitecturePrice,
    problems: &[Problem],
) -> HashMap<NodeId, CardInfo> {
    let mut worst: HashMap<NodeId, Severity> = HashMap::new();
    for problem in problems {
        if let Some(node) = problem.node {
            let entry = worst.entry(node).or_insert(problem.severity);
            *entry = (*entry).min(problem.severity);
        }
    }
    let costs: HashMap<NodeId, &ComponentCost> =
        price.components.iter().map(|c| (c.node, c)).collect();
    let mut infos = HashMap::with_capacity(doc.nodes.len());
    for node in &doc.nodes {
        let (subtitle, kind_label) = subtitle(catalog, &doc.target_platform, node);
        let (cost, priced) = match costs.get(&node.id) {
            Some(c) => match (c.status, c.usd) {
                (CostStatus::Priced, Some(amount)) => (format!("{}/mo", usd(amount)), true),
                (status, _) => (status.label().to_owned(), false),
            },
            None => (String::new(), false),
        };
        let unit = match node.kind {
            NodeKind::Function { .. } => "invocations",
            NodeKind::EventSource { .. } => "events",
            NodeKind::Service { .. } => "requests",
        };
        let events = flow.events_per_month(node.id);
        infos.insert(
            node.id,
            CardInfo {
                // Whole: the card cuts it to its width, the tooltip shows it all.
                subtitle,
                footer: format!("{} {unit}/mo", compact(events.round())),
                cost,
                priced,
                worst: worst.get(&node.id).copied(),
                accent: accent(&node.kind),
                kind_label,
            },
        );
    }
    infos
}

/// The line under a card's name, and what kind of card it is.
fn subtitle(
    catalog: &Catalog,
    target: &str,
    node: &crate::architecture::Node,
) -> (String, &'static str) {
    match &node.kind {
        NodeKind::Function {
            memory_mb,
            duration_ms,
            ..
        } => {
            let platform = node.function_platform(target).unwrap_or_default();
            let name = catalog
                .platform(platform)
                .map_or(platform, |p| p.name.as_str());
            (
                format!("{name} · {memory_mb} MB · {duration_ms} ms"),
                "Function",
            )
        }
        NodeKind::EventSource { trigger, .. } => (
            catalog
                .trigger(trigger)
                .map_or(trigger.clone(), |t| t.name.clone()),
            "Event source",
        ),
        NodeKind::Service { service, .. } => (
            catalog.service(service).map_or(service.clone(), |s| {
                format!("{} · {}", s.name, s.role.label())
            }),
            "Service",
        ),
    }
}

/// `text` cut to `max_chars` characters, with an ellipsis when cut.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
