//! Portability: the same architecture mapped onto every provider that has
//! a function platform and managed services, with the gaps named and the
//! mapped architecture priced there.
//!
//! Mapping rules:
//! - A function keeps its platform on its own provider. Elsewhere it moves
//!   to the provider's `function_platform`, or, for an edge function (one on
//!   a platform that is a `variant_of` another, or that is a provider's
//!   dedicated `edge_platform`), to the provider's `edge_platform`; a
//!   provider without one is a gap.
//! - A service keeps itself on its own provider. Elsewhere it becomes the
//!   provider's service with the same role, preferring one whose triggers
//!   the mapped functions accept (the original trigger first); no service
//!   with that role is a gap ("no Stream service on Cloudflare").
//! - Each trigger edge is checked against the mapped platform and the
//!   mapped service: the original trigger if it still works, else the first
//!   trigger the mapped service emits that the platform accepts, else a gap.
//! - On the document's own provider the target platform is kept, so that
//!   row prices exactly what [`super::price`] does.
//!
//! Load is propagated once on the original document: the graph's shape, and
//! so every node's rate, is the same on every provider.

use std::collections::HashMap;

use serde::Serialize;

use super::document::{Architecture, EdgeId, EdgeKind, NodeId, NodeKind};
use super::pricing::{ArchitecturePrice, Mapped, price_mapped};
use super::propagate::{Graph, Propagation, propagate};
use super::validate::{DIRECT_TRIGGER, accepts_trigger};
use crate::catalog::{Catalog, Platform, Provider, Service, Status};
use crate::cost::PricingOptions;

/// What one node became on a provider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeMapping {
    pub node: NodeId,
    pub name: String,
    /// The catalog id it had: platform, service or (for sources) trigger.
    pub from: String,
    /// The id it maps to; `None` for a gap.
    pub to: Option<String>,
    pub to_name: Option<String>,
}

/// What one trigger edge delivers on a provider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeMapping {
    pub edge: EdgeId,
    pub from_trigger: Option<String>,
    /// `None` for a gap.
    pub to_trigger: Option<String>,
}

/// Something that does not carry over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub node: Option<NodeId>,
    pub edge: Option<EdgeId>,
    pub message: String,
}

/// The architecture on one provider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderPort {
    pub provider: String,
    pub provider_name: String,
    /// The function platform functions move to.
    pub platform: String,
    pub platform_name: String,
    /// Whether this is the document's own provider.
    pub home: bool,
    pub nodes: Vec<NodeMapping>,
    pub edges: Vec<EdgeMapping>,
    pub gaps: Vec<Gap>,
    pub price: ArchitecturePrice,
}

/// A service and the (platform, trigger) pairs its trigger edges lead to:
/// nodes with the same key map the same way.
type ServiceKey<'a> = (&'a str, Vec<(&'a str, &'a str)>);

/// Whether functions on this platform are edge functions.
pub fn is_edge_platform(catalog: &Catalog, platform: &Platform) -> bool {
    platform.variant_of.is_some()
        || catalog.providers.iter().any(|p| {
            p.edge_platform.as_deref() == Some(platform.id.as_str())
                && p.function_platform.as_deref() != Some(platform.id.as_str())
        })
}

/// The document on every provider with a function platform and services,
/// in catalog order.
pub fn portability(
    catalog: &Catalog,
    doc: &Architecture,
    options: PricingOptions,
) -> Vec<ProviderPort> {
    let flow = propagate(doc);
    portability_with(catalog, doc, &flow, options)
}

/// As [`portability`], with load already propagated.
pub fn portability_with(
    catalog: &Catalog,
    doc: &Architecture,
    flow: &Propagation,
    options: PricingOptions,
) -> Vec<ProviderPort> {
    let graph = Graph::new(doc);
    catalog
        .service_providers()
        .into_iter()
        .filter_map(|provider| port_on(catalog, doc, &graph, flow, provider, options))
        .collect()
}

/// Complete providers first, cheapest first; then the incomplete ones by
/// what they leave out (fewest first) and their priced part. A partial
/// total is a lower bound, so it never ranks above a complete one.
pub fn rank(ports: &mut [ProviderPort]) {
    ports.sort_by(|a, b| {
        let key = |p: &ProviderPort| (!p.price.complete, p.price.unpriced_count());
        key(a).cmp(&key(b)).then_with(|| {
            let total = |p: &ProviderPort| p.price.total_usd.unwrap_or(f64::INFINITY);
            total(a).total_cmp(&total(b))
        })
    });
}

/// The document on one provider; `None` when it has no function platform.
pub fn port(
    catalog: &Catalog,
    doc: &Architecture,
    flow: &Propagation,
    provider: &Provider,
    options: PricingOptions,
) -> Option<ProviderPort> {
    port_on(catalog, doc, &Graph::new(doc), flow, provider, options)
}

fn port_on(
    catalog: &Catalog,
    doc: &Architecture,
    graph: &Graph,
    flow: &Propagation,
    provider: &Provider,
    options: PricingOptions,
) -> Option<ProviderPort> {
    let function_platform = provider.function_platform.as_deref()?;
    let target = catalog.platform(&doc.target_platform);
    let home = target.is_some_and(|t| t.provider == provider.id);
    let platform_id = if home {
        doc.target_platform.as_str()
    } else {
        function_platform
    };
    let mut gaps = Vec::new();
    let mut mapped: Vec<Mapped> = Vec::with_capacity(doc.nodes.len());

    // Functions first: services choose by what the mapped functions accept.
    let function_target = |node_platform: &str| -> Result<String, String> {
        let current = catalog.platform(node_platform);
        if current.is_some_and(|p| p.provider == provider.id) {
            return Ok(node_platform.to_owned());
        }
        if current.is_some_and(|p| is_edge_platform(catalog, p)) {
            return provider
                .edge_platform
                .clone()
                .ok_or_else(|| format!("no edge function platform on {}", provider.name));
        }
        Ok(platform_id.to_owned())
    };
    // Large drawings repeat a few platforms and services: decide each once.
    let mut function_targets: HashMap<&str, Result<String, String>> = HashMap::new();
    for node in &doc.nodes {
        mapped.push(match &node.kind {
            NodeKind::Function { .. } => {
                let current = node
                    .function_platform(&doc.target_platform)
                    .unwrap_or_default();
                match function_targets
                    .entry(current)
                    .or_insert_with(|| function_target(current))
                {
                    Ok(id) => Mapped::Function(id.clone()),
                    Err(reason) => Mapped::Gap(reason.clone()),
                }
            }
            NodeKind::EventSource { .. } => Mapped::Source,
            NodeKind::Service { .. } => Mapped::Source, // decided below
        });
    }
    let index = &graph.index;
    // Where each function went, borrowed from the decisions above, so the
    // service choices below can key on it while `mapped` is being filled.
    let function_platform_of: Vec<Option<&str>> = doc
        .nodes
        .iter()
        .map(|node| {
            let current = node.function_platform(&doc.target_platform)?;
            function_targets
                .get(current)?
                .as_ref()
                .ok()
                .map(String::as_str)
        })
        .collect();
    let mut service_targets: HashMap<ServiceKey<'_>, Mapped> = HashMap::new();
    for (position, node) in doc.nodes.iter().enumerate() {
        let NodeKind::Service { service, .. } = &node.kind else {
            continue;
        };
        let Some(original) = catalog.service(service) else {
            mapped[position] = Mapped::Gap(format!("unknown service `{service}`"));
            continue;
        };
        if original.provider == provider.id {
            mapped[position] = Mapped::Service(original.id.clone());
            continue;
        }
        // The platforms and triggers its trigger edges lead to.
        let wanted: Vec<(&str, &str)> = graph.outgoing[position]
            .iter()
            .map(|&e| &doc.edges[e])
            .filter(|e| e.kind == EdgeKind::Trigger)
            .filter_map(|e| {
                let platform = function_platform_of[*index.get(&e.to)?]?;
                Some((platform, e.trigger.as_deref().unwrap_or_default()))
            })
            .collect();
        let key = (original.id.as_str(), wanted);
        if let Some(known) = service_targets.get(&key) {
            mapped[position] = known.clone();
            continue;
        }
        let wanted: Vec<(&Platform, &str)> = key
            .1
            .iter()
            .filter_map(|(platform, trigger)| Some((catalog.platform(platform)?, *trigger)))
            .collect();
        let score = |candidate: &Service| -> usize {
            wanted
                .iter()
                .map(|(platform, trigger)| {
                    if candidate.emits.iter().any(|t| t == trigger)
                        && accepts_trigger(platform, trigger, Some(candidate))
                    {
                        2
                    } else if candidate
                        .emits
                        .iter()
                        .any(|t| accepts_trigger(platform, t, Some(candidate)))
                    {
                        1
                    } else {
                        0
                    }
                })
                .sum()
        };
        let candidates = catalog.services_with_role(&provider.id, original.role);
        // Highest score wins; ties go to the first in the catalog.
        let best = candidates
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (score(c), std::cmp::Reverse(*i)))
            .map(|(_, c)| *c);
        let decided = match best {
            Some(service) => Mapped::Service(service.id.clone()),
            None => Mapped::Gap(format!(
                "no {} service on {} for {}",
                original.role.label(),
                provider.name,
                original.name
            )),
        };
        service_targets.insert(key, decided.clone());
        mapped[position] = decided;
    }

    let mut nodes = Vec::with_capacity(doc.nodes.len());
    for (node, mapped) in doc.nodes.iter().zip(&mapped) {
        let from = match &node.kind {
            NodeKind::Function { .. } => node
                .function_platform(&doc.target_platform)
                .unwrap_or_default()
                .to_owned(),
            NodeKind::Service { service, .. } => service.clone(),
            NodeKind::EventSource { trigger, .. } => trigger.clone(),
        };
        let (to, to_name) = match mapped {
            Mapped::Function(id) => (
                Some(id.clone()),
                Some(catalog.platform(id).map_or(id.clone(), |p| p.name.clone())),
            ),
            Mapped::Service(id) => (
                Some(id.clone()),
                Some(catalog.service(id).map_or(id.clone(), |s| s.name.clone())),
            ),
            Mapped::Source => (
                Some(from.clone()),
                catalog.trigger(&from).map(|t| t.name.clone()),
            ),
            Mapped::Gap(reason) => {
                gaps.push(Gap {
                    node: Some(node.id),
                    edge: None,
                    message: format!("{}: {reason}", node.subject()),
                });
                (None, None)
            }
        };
        if let Mapped::Function(id) = mapped
            && let Some(platform) = catalog.platform(id)
            && matches!(platform.status, Status::Retired | Status::Archived)
        {
            gaps.push(Gap {
                node: Some(node.id),
                edge: None,
                message: format!(
                    "{}: {} is {}",
                    node.subject(),
                    platform.name,
                    super::validate::lifecycle_summary(platform)
                ),
            });
        }
        nodes.push(NodeMapping {
            node: node.id,
            name: node.name.clone(),
            from,
            to,
            to_name,
        });
    }

    let mut edges = Vec::new();
    for edge in doc.edges.iter().filter(|e| e.kind == EdgeKind::Trigger) {
        let (Some(&from), Some(&to)) = (index.get(&edge.from), index.get(&edge.to)) else {
            continue;
        };
        let Mapped::Function(platform_id) = &mapped[to] else {
            continue; // a gap already reported, or a trigger into a non-function
        };
        let Some(platform) = catalog.platform(platform_id) else {
            continue;
        };
        let original = edge.trigger.clone();
        let trigger = original.as_deref().unwrap_or_default();
        let result: Result<String, String> = match (&doc.nodes[from].kind, &mapped[from]) {
            (_, Mapped::Gap(_)) => continue,
            (NodeKind::Service { .. }, Mapped::Service(service_id)) => {
                match catalog.service(service_id) {
                    None => continue,
                    Some(service) => {
                        if service.emits.iter().any(|t| t == trigger)
                            && accepts_trigger(platform, trigger, Some(service))
                        {
                            Ok(trigger.to_owned())
                        } else if let Some(other) = service
                            .emits
                            .iter()
                            .find(|t| accepts_trigger(platform, t, Some(service)))
                        {
                            Ok(other.clone())
                        } else {
                            Err(format!(
                                "{} cannot trigger functions on {}",
                                service.name, platform.name
                            ))
                        }
                    }
                }
            }
            (NodeKind::Function { .. }, _) => {
                if accepts_trigger(platform, DIRECT_TRIGGER, None) {
                    Ok(DIRECT_TRIGGER.to_owned())
                } else {
                    Err(format!(
                        "{} functions cannot be invoked directly",
                        platform.name
                    ))
                }
            }
            _ => {
                if accepts_trigger(platform, trigger, None) {
                    Ok(trigger.to_owned())
                } else {
                    Err(format!("{} has no {trigger} trigger", platform.name))
                }
            }
        };
        let to_trigger = match result {
            Ok(t) => Some(t),
            Err(reason) => {
                gaps.push(Gap {
                    node: Some(doc.nodes[to].id),
                    edge: Some(edge.id),
                    message: format!(
                        "edge {} {:?} -> {:?}: {reason}",
                        edge.id, doc.nodes[from].name, doc.nodes[to].name
                    ),
                });
                None
            }
        };
        edges.push(EdgeMapping {
            edge: edge.id,
            from_trigger: original,
            to_trigger,
        });
    }

    let mut price = price_mapped(catalog, doc, flow, &mapped, platform_id, options);
    // An edge that cannot be wired makes the drawing infeasible there too.
    if edges.iter().any(|e| e.to_trigger.is_none()) {
        price.feasible = false;
        price.complete = false;
    }
    Some(ProviderPort {
        provider: provider.id.clone(),
        provider_name: provider.name.clone(),
        platform: platform_id.to_owned(),
        platform_name: catalog
            .platform(platform_id)
            .map_or(platform_id.to_owned(), |p| p.name.clone()),
        home,
        nodes,
        edges,
        gaps,
        price,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::document::{Edge, Load};
    use crate::architecture::test_catalog;

    fn telemetry() -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node(
            "Devices",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "iot".into(),
                load: Load::MessagesPerSecond(10.0),
            },
        );
        doc.add_node(
            "Stream",
            (220.0, 0.0),
            NodeKind::service("aws-kinesis-data-streams"),
        );
        doc.add_node("Ingest", (440.0, 0.0), NodeKind::function());
        doc.add_node(
            "Edge",
            (440.0, 200.0),
            NodeKind::Function {
                platform: Some("aws-lambda-edge".into()),
                memory_mb: 128.0,
                duration_ms: 5.0,
                arch: crate::catalog::Arch::X86_64,
                cpu_ms: None,
                payload_kb: 1.0,
            },
        );
        doc.edges = vec![
            Edge::new(EdgeId(1), NodeId(1), NodeId(2), EdgeKind::DataFlow, None),
            Edge::new(
                EdgeId(2),
                NodeId(2),
                NodeId(3),
                EdgeKind::Trigger,
                Some("stream".into()),
            ),
        ];
        doc
    }

    #[test]
    fn streams_map_by_role_and_gaps_are_named() {
        let catalog = test_catalog();
        let ports = portability(&catalog, &telemetry(), PricingOptions::default());
        let ids: Vec<&str> = ports.iter().map(|p| p.provider.as_str()).collect();
        assert_eq!(ids, vec!["aws", "azure", "cloudflare"]);

        let aws = &ports[0];
        assert!(aws.home);
        assert!(aws.gaps.is_empty(), "{:?}", aws.gaps);
        assert_eq!(aws.nodes[3].to.as_deref(), Some("aws-lambda-edge"));

        let azure = &ports[1];
        assert_eq!(azure.platform, "azure-functions");
        assert_eq!(azure.nodes[1].to.as_deref(), Some("azure-event-hubs"));
        assert_eq!(azure.nodes[2].to.as_deref(), Some("azure-functions"));
        assert_eq!(azure.edges[0].to_trigger.as_deref(), Some("stream"));
        // Azure has no edge platform in the test catalog.
        assert_eq!(azure.nodes[3].to, None);
        assert_eq!(
            azure.gaps[0].message,
            "node 4 \"Edge\": no edge function platform on Microsoft Azure"
        );

        let cloudflare = &ports[2];
        assert_eq!(cloudflare.nodes[1].to, None);
        assert_eq!(
            cloudflare.gaps[0].message,
            "node 2 \"Stream\": no Stream service on Cloudflare for Amazon Kinesis Data Streams"
        );
        // The edge function moves to Workers, Cloudflare's edge platform.
        assert_eq!(
            cloudflare.nodes[3].to.as_deref(),
            Some("cloudflare-workers")
        );
        assert!(!cloudflare.price.feasible);
    }

    #[test]
    fn rank_puts_complete_providers_first_by_total() {
        let catalog = test_catalog();
        let mut ports = portability(&catalog, &telemetry(), PricingOptions::default());
        rank(&mut ports);
        let complete: Vec<bool> = ports.iter().map(|p| p.price.complete).collect();
        let first_partial = complete.iter().position(|c| !c).unwrap_or(complete.len());
        assert!(complete[first_partial..].iter().all(|c| !c), "{complete:?}");
        // The Cloudflare port has a gap: it can never rank above a complete one.
        let cloudflare = ports
            .iter()
            .position(|p| p.provider == "cloudflare")
            .unwrap();
        assert!(cloudflare >= first_partial);
        for pair in ports[..first_partial].windows(2) {
            assert!(pair[0].price.total_usd <= pair[1].price.total_usd);
        }
    }
}
