//! Validation against the target platform, and the connect-time check the
//! canvas runs before it creates an edge.
//!
//! Problems are derived data: recomputed from the document and the catalog
//! whenever they are needed, never stored in the document.
//!
//! The trigger rule ([`accepts_trigger`]): a function on platform P can be
//! triggered by trigger T coming from service S when P lists T, and that
//! entry either names no particular service, names S, or S belongs to P's
//! own provider (a platform integrates its provider's services; the catalog
//! names one example service per entry). So Amazon SQS triggers AWS Lambda,
//! while Cloudflare Workers' queue trigger, which names Cloudflare Queues,
//! refuses Amazon SQS.

use std::collections::HashSet;
use std::fmt;

use super::document::{Architecture, Edge, EdgeId, EdgeKind, Node, NodeId, NodeKind};
use super::propagate::{Graph, propagate_on};
use crate::bounds::{MAX_DURATION_MS, MAX_MEMORY_MB, MAX_PAYLOAD_KB, MAX_REQUESTS_PER_MONTH};
use crate::catalog::source::shown_id;
use crate::catalog::{Catalog, Platform, Service, Status};

/// The trigger id a function-to-function invoke uses.
pub const DIRECT_TRIGGER: &str = "direct";

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The architecture cannot run as drawn on the target.
    Error,
    /// Probably a mistake, or worth knowing.
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing wrong with a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// The node to select when the problem is clicked.
    pub node: Option<NodeId>,
    pub edge: Option<EdgeId>,
    /// `node 3 "Handler"`, `edge 5 "Queue" -> "Worker"`, or empty for the document.
    pub subject: String,
    pub message: String,
}

impl Problem {
    fn document(severity: Severity, message: String) -> Self {
        Problem {
            severity,
            node: None,
            edge: None,
            subject: String::new(),
            message,
        }
    }

    fn node(severity: Severity, node: &Node, message: String) -> Self {
        Problem {
            severity,
            node: Some(node.id),
            edge: None,
            subject: node.subject(),
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `error: node 3 "Handler": memory 20480 MB is above ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.subject.is_empty() {
            write!(f, "{}: {}", self.severity.label(), self.message)
        } else {
            write!(
                f,
                "{}: {}: {}",
                self.severity.label(),
                self.subject,
                self.message
            )
        }
    }
}

/// Whether functions on `platform` can be triggered by `trigger` events from
/// `source` (a service, or `None` for an event source or a function).
pub fn accepts_trigger(platform: &Platform, trigger: &str, source: Option<&Service>) -> bool {
    platform.triggers.iter().any(|entry| {
        entry.trigger == trigger
            && match source {
                None => true,
                Some(service) => {
                    entry
                        .service_id
                        .as_deref()
                        .is_none_or(|id| id == service.id)
                        || service.provider == platform.provider
                }
            }
    })
}

/// What the canvas should create for a connection it was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeProposal {
    pub from: NodeId,
    pub to: NodeId,
    pub kind: EdgeKind,
    /// The trigger a trigger edge delivers.
    pub trigger: Option<String>,
}

/// The short form of a trigger list: "queue" or "stream / pubsub-topic".
fn trigger_list(triggers: &[String]) -> String {
    triggers.join(" / ")
}

/// Decide whether `from` may connect to `to`, and as what. A refusal is the
/// reason to show the user; nothing is created either way.
///
/// A connection into a service is a data flow. A connection into a function
/// is a trigger: an event source delivers its own trigger, a service the
/// first trigger it emits that the function's platform accepts, a function
/// a direct invoke.
pub fn connection(
    catalog: &Catalog,
    doc: &Architecture,
    from: NodeId,
    to: NodeId,
) -> Result<EdgeProposal, String> {
    let source = doc
        .node(from)
        .ok_or_else(|| format!("node {from} does not exist"))?;
    let target = doc
        .node(to)
        .ok_or_else(|| format!("node {to} does not exist"))?;
    if from == to {
        return Err(format!("{:?} cannot connect to itself", source.name));
    }
    if doc.edges.iter().any(|e| e.from == from && e.to == to) {
        return Err(format!(
            "{:?} is already connected to {:?}",
            source.name, target.name
        ));
    }
    let proposal = |kind, trigger: Option<&str>| EdgeProposal {
        from,
        to,
        kind,
        trigger: trigger.map(str::to_owned),
    };
    match &target.kind {
        NodeKind::EventSource { .. } => Err(format!(
            "{:?} is an event source: load enters there, nothing connects into it",
            target.name
        )),
        NodeKind::Service { .. } => Ok(proposal(EdgeKind::DataFlow, None)),
        NodeKind::Function { .. } => {
            let platform_id = target
                .function_platform(&doc.target_platform)
                .unwrap_or_default();
            let platform = catalog.platform(platform_id).ok_or_else(|| {
                format!(
                    "{:?} runs on unknown platform `{}`",
                    target.name,
                    shown_id(platform_id)
                )
            })?;
            match &source.kind {
                NodeKind::EventSource { trigger, .. } => {
                    if accepts_trigger(platform, trigger, None) {
                        Ok(proposal(EdgeKind::Trigger, Some(trigger)))
                    } else {
                        Err(format!(
                            "{:?} cannot trigger functions on {}: it has no {trigger} trigger",
                            source.name, platform.name
                        ))
                    }
                }
                NodeKind::Service { service, .. } => {
                    let service = catalog.service(service).ok_or_else(|| {
                        format!(
                            "{:?} is an unknown service `{}`",
                            source.name,
                            shown_id(service)
                        )
                    })?;
                    if service.emits.is_empty() {
                        return Err(format!(
                            "{} emits no events that can trigger a function",
                            service.name
                        ));
                    }
                    match service
                        .emits
                        .iter()
                        .find(|t| accepts_trigger(platform, t, Some(service)))
                    {
                        Some(trigger) => Ok(proposal(EdgeKind::Trigger, Some(trigger))),
                        None => Err(format!(
                            "{} cannot trigger functions on {}: {} has no {} trigger for it",
                            service.name,
                            platform.name,
                            platform.name,
                            trigger_list(&service.emits)
                        )),
                    }
                }
                NodeKind::Function { .. } => {
                    if accepts_trigger(platform, DIRECT_TRIGGER, None) {
                        Ok(proposal(EdgeKind::Trigger, Some(DIRECT_TRIGGER)))
                    } else {
                        Err(format!(
                            "functions on {} cannot be invoked directly by another function",
                            platform.name
                        ))
                    }
                }
            }
        }
    }
}

/// "retired; shut down Oct 2024; successor ibm-code-engine"
pub fn lifecycle_summary(platform: &Platform) -> String {
    let mut parts = vec![platform.status.label().to_owned()];
    if let Some(date) = platform.dates.shutdown {
        parts.push(format!("shut down {}", date.label()));
    } else if let Some(date) = platform.dates.deprecated {
        parts.push(format!("deprecated {}", date.label()));
    }
    if let Some(successor) = &platform.successor {
        parts.push(format!("successor {successor}"));
    }
    parts.join("; ")
}

/// A platform that cannot be deployed to any more, or is on its way out.
fn lifecycle_problem(platform: &Platform) -> Option<(Severity, String)> {
    match platform.status {
        Status::Active => None,
        Status::Deprecated => Some((Severity::Warning, lifecycle_summary(platform))),
        Status::Retired | Status::Archived => Some((Severity::Error, lifecycle_summary(platform))),
    }
}

fn edge_subject(doc: &Architecture, graph: &Graph, position: usize, edge: &Edge) -> String {
    match graph.ends[position] {
        Some((from, to)) => format!(
            "edge {} {:?} -> {:?}",
            edge.id, doc.nodes[from].name, doc.nodes[to].name
        ),
        None => format!("edge {}", edge.id),
    }
}

/// Everything the target platform (and the catalog) says is wrong with a
/// document: document problems first, then nodes and edges in document
/// order, then cycles.
pub fn validate(catalog: &Catalog, doc: &Architecture) -> Vec<Problem> {
    let graph = Graph::new(doc);
    let mut problems = Vec::new();
    let target = catalog.platform(&doc.target_platform);
    match target {
        None => problems.push(Problem::document(
            Severity::Error,
            format!(
                "unknown target platform `{}`",
                shown_id(&doc.target_platform)
            ),
        )),
        Some(platform) => {
            if let Some((severity, summary)) = lifecycle_problem(platform) {
                problems.push(Problem::document(
                    severity,
                    format!("target platform {} is {summary}", platform.name),
                ));
            }
        }
    }

    let mut seen_nodes = HashSet::with_capacity(doc.nodes.len());
    for node in &doc.nodes {
        if !seen_nodes.insert(node.id) {
            problems.push(Problem::node(
                Severity::Error,
                node,
                format!("another node already has id {}", node.id),
            ));
        }
        validate_node(catalog, doc, &graph, target, node, &mut problems);
    }

    let mut seen_edges = HashSet::with_capacity(doc.edges.len());
    for (position, edge) in doc.edges.iter().enumerate() {
        let subject = edge_subject(doc, &graph, position, edge);
        let mut report = |severity, message| {
            problems.push(Problem {
                severity,
                node: graph.ends[position].map(|(_, to)| doc.nodes[to].id),
                edge: Some(edge.id),
                subject: subject.clone(),
                message,
            })
        };
        if !seen_edges.insert(edge.id) {
            report(
                Severity::Error,
                format!("another edge already has id {}", edge.id),
            );
        }
        validate_edge(catalog, doc, &graph, position, edge, &mut report);
    }

    let flow = propagate_on(doc, &graph);
    too_large_loads(doc, &graph, &flow, &mut problems);
    for cycle in &flow.cycles {
        let names: Vec<String> = cycle
            .iter()
            .filter_map(|id| doc.node(*id))
            .map(|n| format!("{:?}", n.name))
            .collect();
        let Some(first) = cycle.first().and_then(|id| doc.node(*id)) else {
            continue;
        };
        problems.push(Problem::node(
            Severity::Error,
            first,
            format!(
                "cycle through {}: the edge closing it carries no load, so costs along it are understated",
                names.join(", ")
            ),
        ));
    }
    problems
}

fn validate_node(
    catalog: &Catalog,
    doc: &Architecture,
    graph: &Graph,
    target: Option<&Platform>,
    node: &Node,
    problems: &mut Vec<Problem>,
) {
    let mut report = |severity, message| problems.push(Problem::node(severity, node, message));
    let position = graph.index.get(&node.id).copied();
    let edges_in = |kind: EdgeKind| {
        position.is_some_and(|p| graph.incoming[p].iter().any(|&e| doc.edges[e].kind == kind))
    };
    match &node.kind {
        NodeKind::Function {
            platform,
            memory_mb,
            duration_ms,
            cpu_ms,
            payload_kb,
            ..
        } => {
            let platform_id = platform.as_deref().unwrap_or(&doc.target_platform);
            let resolved = catalog.platform(platform_id);
            match (platform, resolved) {
                (Some(id), None) => report(
                    Severity::Error,
                    format!("unknown platform `{}`", shown_id(id)),
                ),
                (Some(_), Some(p)) => {
                    if let Some((severity, summary)) = lifecycle_problem(p) {
                        report(severity, format!("its platform {} is {summary}", p.name));
                    }
                }
                // The target's own problems are reported once, for the document.
                (None, _) => {}
            }
            for (field, value, floor, max, unit) in [
                (
                    "memory",
                    Some(*memory_mb),
                    Floor::AboveZero,
                    MAX_MEMORY_MB,
                    "MB",
                ),
                (
                    "duration",
                    Some(*duration_ms),
                    Floor::Zero,
                    MAX_DURATION_MS,
                    "ms",
                ),
                ("CPU time", *cpu_ms, Floor::Zero, MAX_DURATION_MS, "ms"),
                (
                    "payload",
                    Some(*payload_kb),
                    Floor::Zero,
                    MAX_PAYLOAD_KB,
                    "KB",
                ),
            ] {
                if let Some(message) = value.and_then(|v| out_of_bounds(field, v, floor, max, unit))
                {
                    report(Severity::Error, message);
                }
            }
            if let Some(p) = resolved {
                let limits = &p.limits;
                if let Some(max) = limits.max_memory_mb
                    && *memory_mb > max
                {
                    report(
                        Severity::Error,
                        format!(
                            "memory {} MB is above {}'s maximum of {} MB",
                            number(*memory_mb),
                            p.name,
                            number(max)
                        ),
                    );
                }
                if let Some(min) = limits.min_memory_mb
                    && *memory_mb < min
                {
                    report(
                        Severity::Error,
                        format!(
                            "memory {} MB is below {}'s minimum of {} MB",
                            number(*memory_mb),
                            p.name,
                            number(min)
                        ),
                    );
                }
                if let Some(max_s) = limits.max_timeout_s
                    && *duration_ms > max_s * 1000.0
                {
                    report(
                        Severity::Error,
                        format!(
                            "duration {} s is above {}'s maximum timeout of {} s",
                            number(duration_ms / 1000.0),
                            p.name,
                            number(max_s)
                        ),
                    );
                }
            }
            if !edges_in(EdgeKind::Trigger) {
                report(
                    Severity::Warning,
                    "never invoked: no trigger edge reaches it".to_owned(),
                );
            }
        }
        NodeKind::EventSource { trigger, load } => {
            if catalog.trigger(trigger).is_none() {
                report(
                    Severity::Error,
                    format!("unknown trigger `{}`", shown_id(trigger)),
                );
            }
            if let Some(problem) = load.problem() {
                report(Severity::Error, problem);
            }
            let leaves = position.is_some_and(|p| !graph.outgoing[p].is_empty());
            if !leaves {
                report(
                    Severity::Warning,
                    "its events go nowhere: no edge leaves it".to_owned(),
                );
            }
        }
        NodeKind::Service {
            service,
            payload_kb,
            inputs,
        } => {
            match catalog.service(service) {
                None => report(
                    Severity::Error,
                    format!("unknown service `{}`", shown_id(service)),
                ),
                Some(s) => {
                    if let Some(target) = target
                        && s.provider != target.provider
                    {
                        let name = |id: &str| {
                            catalog
                                .provider(id)
                                .map_or(id.to_owned(), |p| p.name.clone())
                        };
                        report(
                            Severity::Warning,
                            format!(
                                "{} is from {}, not {} (the target platform's provider)",
                                s.name,
                                name(&s.provider),
                                name(&target.provider)
                            ),
                        );
                    }
                }
            }
            if let Some(message) =
                out_of_bounds("payload", *payload_kb, Floor::Zero, MAX_PAYLOAD_KB, "KB")
            {
                report(Severity::Error, message);
            }
            if let Some(problem) = inputs.problem() {
                report(Severity::Error, problem);
            }
        }
    }
}

/// The lowest value a number in a document accepts.
#[derive(Clone, Copy)]
enum Floor {
    Zero,
    AboveZero,
}

/// Why a number is not one a provider could bill, if it is not: negative,
/// not a number, or beyond the workload bounds (so prices stay finite).
fn out_of_bounds(field: &str, value: f64, floor: Floor, max: f64, unit: &str) -> Option<String> {
    let above_floor = match floor {
        Floor::Zero => value >= 0.0,
        Floor::AboveZero => value > 0.0,
    };
    if value.is_finite() && above_floor && value <= max {
        return None;
    }
    let got = crate::format::input(value);
    Some(if !(value.is_finite() && above_floor) {
        match floor {
            Floor::Zero => format!("{field} must be zero or more (got {got} {unit})"),
            Floor::AboveZero => format!("{field} must be above zero (got {got} {unit})"),
        }
    } else {
        format!(
            "{field} {got} {unit} is above {} {unit}, more than any provider bills",
            number(max)
        )
    })
}

/// Functions and services whose monthly load, after fan-out, is beyond what
/// any account could be billed for: pricing them would give no finite,
/// meaningful figure, so `check` refuses them. Only where the load first
/// grows too large is reported, not every node downstream of it.
fn too_large_loads(
    doc: &Architecture,
    graph: &Graph,
    flow: &super::propagate::Propagation,
    problems: &mut Vec<Problem>,
) {
    let too_large = |events: f64| !events.is_finite() || events > MAX_REQUESTS_PER_MONTH;
    for (position, node) in doc.nodes.iter().enumerate() {
        let events = flow.events_per_month(node.id);
        if !too_large(events) {
            continue;
        }
        let fed_by_too_large = graph.incoming[position].iter().any(|&edge| {
            graph.ends[edge]
                .is_some_and(|(from, _)| too_large(flow.events_per_month(doc.nodes[from].id)))
        });
        if !fed_by_too_large {
            problems.push(Problem::node(
                Severity::Error,
                node,
                format!(
                    "receives {} events a month, above the {} any provider could bill: too large to price",
                    if events.is_finite() {
                        crate::format::input(events)
                    } else {
                        // A computed load, not a typed one: no `inf`.
                        "more".to_owned()
                    },
                    crate::format::input(MAX_REQUESTS_PER_MONTH)
                ),
            ));
        }
    }
}

fn validate_edge(
    catalog: &Catalog,
    doc: &Architecture,
    graph: &Graph,
    position: usize,
    edge: &Edge,
    report: &mut impl FnMut(Severity, String),
) {
    let Some((from, to)) = graph.ends[position] else {
        let missing: Vec<String> = [("from", edge.from), ("to", edge.to)]
            .into_iter()
            .filter(|(_, id)| !graph.index.contains_key(id))
            .map(|(end, id)| format!("its `{end}` node {id} does not exist"))
            .collect();
        report(Severity::Error, format!("dangling: {}", missing.join(", ")));
        return;
    };
    if let Some(problem) = edge.multiplier_problem() {
        report(Severity::Error, problem);
    }
    let source = &doc.nodes[from];
    let target = &doc.nodes[to];
    match (&target.kind, edge.kind) {
        (NodeKind::EventSource { .. }, _) => {
            report(
                Severity::Error,
                format!(
                    "{:?} is an event source; nothing connects into it",
                    target.name
                ),
            );
            return;
        }
        (NodeKind::Service { .. }, EdgeKind::Trigger) => {
            report(
                Severity::Error,
                "a trigger must end at a function; into a service it is a data flow".to_owned(),
            );
            return;
        }
        (NodeKind::Function { .. }, EdgeKind::DataFlow) => {
            report(
                Severity::Error,
                "a data flow cannot end at a function; connect it as a trigger".to_owned(),
            );
            return;
        }
        (NodeKind::Service { .. }, EdgeKind::DataFlow) => return,
        (NodeKind::Function { .. }, EdgeKind::Trigger) => {}
    }
    let Some(trigger) = edge.trigger.as_deref() else {
        report(
            Severity::Error,
            "a trigger edge must name its trigger".to_owned(),
        );
        return;
    };
    if catalog.trigger(trigger).is_none() {
        report(
            Severity::Error,
            format!("unknown trigger `{}`", shown_id(trigger)),
        );
        return;
    }
    let mut service = None;
    match &source.kind {
        NodeKind::EventSource {
            trigger: emitted, ..
        } => {
            if emitted != trigger {
                report(
                    Severity::Error,
                    format!(
                        "delivers `{}`, but {:?} produces `{}` events",
                        shown_id(trigger),
                        source.name,
                        shown_id(emitted)
                    ),
                );
            }
        }
        NodeKind::Service { service: id, .. } => {
            if let Some(s) = catalog.service(id) {
                if !s.emits.iter().any(|t| t == trigger) {
                    report(
                        Severity::Error,
                        format!("{} does not emit `{}` events", s.name, shown_id(trigger)),
                    );
                }
                service = Some(s);
            }
        }
        NodeKind::Function { .. } => {
            if trigger != DIRECT_TRIGGER {
                report(
                    Severity::Error,
                    format!(
                        "a function invokes another with `{DIRECT_TRIGGER}`, not `{}`",
                        shown_id(trigger)
                    ),
                );
            }
        }
    }
    let platform_id = target
        .function_platform(&doc.target_platform)
        .unwrap_or_default();
    if let Some(platform) = catalog.platform(platform_id)
        && !accepts_trigger(platform, trigger, service)
    {
        let message = match service {
            Some(s) if platform.supports_trigger(trigger) => format!(
                "{}'s {trigger} trigger does not accept {}",
                platform.name, s.name
            ),
            _ => format!("{} has no {trigger} trigger", platform.name),
        };
        report(Severity::Error, message);
    }
}

fn number(value: f64) -> String {
    crate::format::number(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::document::Load;
    use crate::architecture::test_catalog;

    fn doc() -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "http-request".into(),
                load: Load::RequestsPerMonth(1e6),
            },
        );
        doc.add_node("Queue", (220.0, 0.0), NodeKind::service("aws-sqs"));
        doc.add_node("Worker", (440.0, 0.0), NodeKind::function());
        doc.add_node("Edge", (440.0, 200.0), NodeKind::function());
        doc.add_node(
            "Cf queue",
            (0.0, 200.0),
            NodeKind::service("cloudflare-queues"),
        );
        doc
    }

    #[test]
    fn connecting_picks_the_kind_and_trigger() {
        let catalog = test_catalog();
        let doc = doc();
        let p = connection(&catalog, &doc, NodeId(2), NodeId(3)).unwrap();
        assert_eq!(p.kind, EdgeKind::Trigger);
        assert_eq!(p.trigger.as_deref(), Some("queue"));
        let p = connection(&catalog, &doc, NodeId(1), NodeId(2)).unwrap();
        assert_eq!((p.kind, p.trigger), (EdgeKind::DataFlow, None));
        let p = connection(&catalog, &doc, NodeId(3), NodeId(4)).unwrap();
        assert_eq!(p.trigger.as_deref(), Some("direct"));
        let p = connection(&catalog, &doc, NodeId(1), NodeId(3)).unwrap();
        assert_eq!(p.trigger.as_deref(), Some("http-request"));
    }

    #[test]
    fn connecting_refuses_with_the_reason() {
        let catalog = test_catalog();
        let mut doc = doc();
        // Into an event source.
        let e = connection(&catalog, &doc, NodeId(3), NodeId(1)).unwrap_err();
        assert!(e.contains("event source"), "{e}");
        // Onto itself.
        assert!(connection(&catalog, &doc, NodeId(3), NodeId(3)).is_err());
        // SQS cannot trigger Workers, whose queue trigger names Cloudflare Queues.
        doc.target_platform = "cloudflare-workers".into();
        let e = connection(&catalog, &doc, NodeId(2), NodeId(3)).unwrap_err();
        assert_eq!(
            e,
            "Amazon SQS cannot trigger functions on Cloudflare Workers: Cloudflare Workers has no queue trigger for it"
        );
        assert!(connection(&catalog, &doc, NodeId(5), NodeId(3)).is_ok());
        // Twice the same pair.
        let p = connection(&catalog, &doc, NodeId(5), NodeId(3)).unwrap();
        doc.insert_edge(&p);
        let e = connection(&catalog, &doc, NodeId(5), NodeId(3)).unwrap_err();
        assert!(e.contains("already connected"), "{e}");
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_valid_document_has_only_the_expected_warnings() {
        let catalog = test_catalog();
        let mut doc = doc();
        doc.remove_nodes(&[NodeId(4), NodeId(5)]);
        for (from, to) in [(1, 2), (2, 3)] {
            let p = connection(&catalog, &doc, NodeId(from), NodeId(to)).unwrap();
            doc.insert_edge(&p);
        }
        assert_eq!(messages(&validate(&catalog, &doc)), Vec::<String>::new());
    }

    #[test]
    fn limits_triggers_and_kinds_are_checked() {
        let catalog = test_catalog();
        let mut doc = doc();
        doc.remove_nodes(&[NodeId(4), NodeId(5)]);
        if let NodeKind::Function {
            memory_mb,
            duration_ms,
            ..
        } = &mut doc.node_mut(NodeId(3)).unwrap().kind
        {
            *memory_mb = 20480.0;
            *duration_ms = 1_000_000.0;
        }
        doc.edges.push(Edge::new(
            EdgeId(1),
            NodeId(2),
            NodeId(3),
            EdgeKind::Trigger,
            Some("stream".into()),
        ));
        doc.edges.push(Edge::new(
            EdgeId(2),
            NodeId(3),
            NodeId(1),
            EdgeKind::DataFlow,
            None,
        ));
        doc.edges.push(Edge::new(
            EdgeId(3),
            NodeId(1),
            NodeId(9),
            EdgeKind::DataFlow,
            None,
        ));
        let found = messages(&validate(&catalog, &doc));
        assert_eq!(
            found,
            vec![
                "warning: node 1 \"Clients\": its events go nowhere: no edge leaves it",
                "error: node 3 \"Worker\": memory 20480 MB is above AWS Lambda's maximum of 10240 MB",
                "error: node 3 \"Worker\": duration 1000 s is above AWS Lambda's maximum timeout of 900 s",
                "error: edge 1 \"Queue\" -> \"Worker\": Amazon SQS does not emit `stream` events",
                "error: edge 2 \"Worker\" -> \"Clients\": \"Clients\" is an event source; nothing connects into it",
                "error: edge 3: dangling: its `to` node 9 does not exist",
            ]
        );
    }

    #[test]
    fn the_target_platform_is_checked() {
        let catalog = test_catalog();
        let mut doc = Architecture::new_empty("ibm-cloud-functions");
        assert_eq!(
            messages(&validate(&catalog, &doc)),
            vec![
                "error: target platform IBM Cloud Functions is retired; shut down Oct 2024; successor ibm-code-engine"
            ]
        );
        doc.target_platform = "nope".into();
        assert_eq!(
            messages(&validate(&catalog, &doc)),
            vec!["error: unknown target platform `nope`"]
        );
    }

    #[test]
    fn foreign_services_unused_sources_and_cycles_are_reported() {
        let catalog = test_catalog();
        let mut doc = doc();
        doc.remove_nodes(&[NodeId(2)]);
        doc.edges.push(Edge::new(
            EdgeId(1),
            NodeId(3),
            NodeId(4),
            EdgeKind::Trigger,
            Some("direct".into()),
        ));
        doc.edges.push(Edge::new(
            EdgeId(2),
            NodeId(4),
            NodeId(3),
            EdgeKind::Trigger,
            Some("direct".into()),
        ));
        let found = messages(&validate(&catalog, &doc));
        assert_eq!(
            found,
            vec![
                "warning: node 1 \"Clients\": its events go nowhere: no edge leaves it",
                "warning: node 5 \"Cf queue\": Cloudflare Queues is from Cloudflare, not Amazon Web Services (the target platform's provider)",
                "error: node 3 \"Worker\": cycle through \"Worker\", \"Edge\": the edge closing it carries no load, so costs along it are understated",
            ]
        );
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;
    use crate::architecture::document::{Edge, EdgeId, Load};
    use crate::architecture::test_catalog;

    fn error_lines(doc: &Architecture) -> Vec<String> {
        validate(&test_catalog(), doc)
            .into_iter()
            .filter(Problem::is_error)
            .map(|p| p.to_string())
            .collect()
    }

    fn source_into_function(load: f64, memory_mb: f64) -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        let source = doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "http-request".into(),
                load: Load::RequestsPerMonth(load),
            },
        );
        let mut function = NodeKind::function();
        if let NodeKind::Function { memory_mb: m, .. } = &mut function {
            *m = memory_mb;
        }
        let handler = doc.add_node("Handler", (200.0, 0.0), function);
        doc.edges.push(Edge::new(
            EdgeId(1),
            source,
            handler,
            EdgeKind::Trigger,
            Some("http-request".into()),
        ));
        doc
    }

    #[test]
    fn memory_no_provider_bills_is_an_error_even_without_a_platform_limit() {
        let errors = error_lines(&source_into_function(1e6, 1e308));
        assert_eq!(
            errors[..1],
            [
                "error: node 2 \"Handler\": memory 1e308 MB is above 1048576 MB, more than any provider bills"
            ]
        );
        let infinite = error_lines(&source_into_function(1e6, f64::INFINITY));
        assert!(infinite[0].contains("(got inf MB)"), "{infinite:?}");
    }

    #[test]
    fn a_load_too_large_to_price_is_reported_where_it_starts() {
        let errors = error_lines(&source_into_function(1e23, 128.0));
        assert_eq!(
            errors,
            [
                "error: node 1 \"Clients\": receives 1e23 events a month, above the 1e15 any provider could bill: too large to price"
            ]
        );
        assert!(error_lines(&source_into_function(1e15, 128.0)).is_empty());
    }

    #[test]
    fn a_long_fan_out_chain_is_too_large_to_price() {
        let mut doc = source_into_function(1e6, 128.0);
        let mut previous = NodeId(2);
        for i in 0..60u64 {
            let next = doc.add_node(format!("F{i}"), (0.0, 0.0), NodeKind::function());
            let mut edge = Edge::new(
                EdgeId(2 + i),
                previous,
                next,
                EdgeKind::Trigger,
                Some(DIRECT_TRIGGER.into()),
            );
            edge.fan_out = 2.0;
            doc.edges.push(edge);
            previous = next;
        }
        let errors = error_lines(&doc);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("too large to price"), "{errors:?}");
    }
}
