//! The architecture document: nodes, edges and their workload inputs, and
//! the edits the canvas makes to them.
//!
//! The document holds only what the user decided. Everything derived from it
//! (load per node, problems, costs, portability) is recomputed by the sibling
//! modules and never stored here. Positions are canvas coordinates in points,
//! plain `(x, y)` pairs, so this module knows nothing about any GUI toolkit.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::Arch;
use crate::cost::{HOURS_PER_MONTH, SECONDS_PER_MONTH};

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// How far duplicated or pasted nodes are moved from their originals, in points.
pub const DUPLICATE_OFFSET: (f32, f32) = (40.0, 40.0);

/// A node's id: unique within its document, never reused while the node lives.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct NodeId(pub u64);

/// A group's id: unique among the document's groups.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct GroupId(pub u64);

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a group stands for. Groups only organise the drawing; they change
/// no load, cost or validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GroupKind {
    /// A cloud account or subscription.
    Account,
    Region,
    /// A private network: a VPC or VNet.
    Network,
    /// Any other boundary: a team, a service, a trust zone.
    Boundary,
}

impl GroupKind {
    pub const ALL: [GroupKind; 4] = [
        GroupKind::Account,
        GroupKind::Region,
        GroupKind::Network,
        GroupKind::Boundary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GroupKind::Account => "Account",
            GroupKind::Region => "Region",
            GroupKind::Network => "Network (VPC)",
            GroupKind::Boundary => "Boundary",
        }
    }
}

/// A labelled rectangle that holds the cards drawn inside it: moving it
/// moves them. Membership is where the cards are, not a stored list, so
/// a card dragged out of a group simply leaves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub kind: GroupKind,
    /// Top-left corner on the canvas, in points.
    pub position: (f32, f32),
    /// Width and height, in points.
    pub size: (f32, f32),
}

impl Group {
    /// Whether a point lies inside the group's rectangle.
    pub fn contains(&self, point: (f32, f32)) -> bool {
        point.0 >= self.position.0
            && point.1 >= self.position.1
            && point.0 <= self.position.0 + self.size.0
            && point.1 <= self.position.1 + self.size.1
    }
}

/// An edge's id: unique among the document's edges.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct EdgeId(pub u64);

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for EdgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// External load entering at an event source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Load {
    /// Events per month, as given.
    RequestsPerMonth(f64),
    /// One event every so many minutes (a cron or rate schedule).
    Schedule { every_minutes: f64 },
    /// A steady rate, e.g. device telemetry.
    MessagesPerSecond(f64),
}

impl Load {
    /// Events per month, with the 730-hour month every monthly figure uses.
    pub fn events_per_month(&self) -> f64 {
        match *self {
            Load::RequestsPerMonth(events) => events,
            Load::Schedule { every_minutes } => HOURS_PER_MONTH * 60.0 / every_minutes,
            Load::MessagesPerSecond(rate) => rate * SECONDS_PER_MONTH,
        }
    }

    /// Why the load cannot be used, if it cannot.
    pub fn problem(&self) -> Option<String> {
        match *self {
            Load::RequestsPerMonth(events) if !(events.is_finite() && events >= 0.0) => Some(
                format!("requests per month must be zero or more (got {events})"),
            ),
            Load::Schedule { every_minutes }
                if !(every_minutes.is_finite() && every_minutes > 0.0) =>
            {
                Some(format!(
                    "a schedule must run every so many minutes, above zero (got {every_minutes})"
                ))
            }
            Load::MessagesPerSecond(rate) if !(rate.is_finite() && rate >= 0.0) => Some(format!(
                "messages per second must be zero or more (got {rate})"
            )),
            _ => None,
        }
    }
}

fn default_payload_kb() -> f64 {
    1.0
}

fn is_default_payload_kb(value: &f64) -> bool {
    *value == default_payload_kb()
}

fn one() -> f64 {
    1.0
}

fn is_one(value: &f64) -> bool {
    *value == 1.0
}

/// What a node is, with its own inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum NodeKind {
    /// A function. Its invocations are derived from its incoming triggers.
    Function {
        /// A platform id, or `None` for the document's target platform.
        /// Edge functions name theirs (`aws-lambda-edge`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        platform: Option<String>,
        memory_mb: f64,
        /// Average wall-clock duration of one invocation.
        duration_ms: f64,
        #[serde(default)]
        arch: Arch,
        /// CPU time per invocation where it is billed; defaults to the duration.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cpu_ms: Option<f64>,
        #[serde(
            default = "default_payload_kb",
            skip_serializing_if = "is_default_payload_kb"
        )]
        payload_kb: f64,
    },
    /// Where external load enters: clients, devices, a schedule.
    EventSource {
        /// Trigger taxonomy id of the events it produces.
        trigger: String,
        load: Load,
    },
    /// A managed service from the catalog.
    Service {
        /// Service id in `services.ron`.
        service: String,
        /// Request payload, for services that meter requests by size.
        #[serde(
            default = "default_payload_kb",
            skip_serializing_if = "is_default_payload_kb"
        )]
        payload_kb: f64,
        /// Usage only the user knows; unset inputs take the price sheet's
        /// defaults, and only what was set is saved.
        #[serde(default, skip_serializing_if = "ServiceInputs::is_empty")]
        inputs: ServiceInputs,
    },
}

/// A service node's own usage inputs, each `None` until the user sets it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceInputs {
    /// Average data stored, GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_gb: Option<f64>,
    /// Share of the operations reaching the service that are reads (0 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_share: Option<f64>,
    /// Duration of one request or execution, ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<f64>,
    /// Memory of one execution, MB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_mb: Option<f64>,
    /// Steps (state transitions) per execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<f64>,
    /// Connection minutes per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_minutes: Option<f64>,
    /// Always-on units (tasks, streams, jobs, throughput units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instances: Option<f64>,
    /// Internet egress per month, GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_gb: Option<f64>,
}

impl ServiceInputs {
    pub fn is_empty(&self) -> bool {
        *self == ServiceInputs::default()
    }

    /// Why an input cannot be priced, if one cannot.
    pub fn problem(&self) -> Option<String> {
        let amounts = [
            ("stored GB", self.storage_gb),
            ("duration", self.duration_ms),
            ("memory", self.memory_mb),
            ("steps per execution", self.steps),
            ("connection minutes", self.connection_minutes),
            ("always-on units", self.instances),
            ("egress", self.egress_gb),
        ];
        for (label, value) in amounts {
            if let Some(v) = value
                && !(v.is_finite() && v >= 0.0)
            {
                return Some(format!("{label} must be zero or more (got {v})"));
            }
        }
        match self.read_share {
            Some(share) if !(0.0..=1.0).contains(&share) => Some(format!(
                "the read share must be between 0 and 1 (got {share})"
            )),
            _ => None,
        }
    }
}

impl NodeKind {
    /// A function with typical inputs, on the document's target platform.
    pub fn function() -> Self {
        NodeKind::Function {
            platform: None,
            memory_mb: 512.0,
            duration_ms: 100.0,
            arch: Arch::X86_64,
            cpu_ms: None,
            payload_kb: default_payload_kb(),
        }
    }

    /// An event source with a million events a month.
    pub fn event_source(trigger: &str) -> Self {
        NodeKind::EventSource {
            trigger: trigger.to_owned(),
            load: Load::RequestsPerMonth(1_000_000.0),
        }
    }

    pub fn service(service: &str) -> Self {
        NodeKind::Service {
            service: service.to_owned(),
            payload_kb: default_payload_kb(),
            inputs: ServiceInputs::default(),
        }
    }

    /// "function", "event source" or "service", for messages.
    pub fn label(&self) -> &'static str {
        match self {
            NodeKind::Function { .. } => "function",
            NodeKind::EventSource { .. } => "event source",
            NodeKind::Service { .. } => "service",
        }
    }

    pub fn is_function(&self) -> bool {
        matches!(self, NodeKind::Function { .. })
    }

    pub fn is_service(&self) -> bool {
        matches!(self, NodeKind::Service { .. })
    }

    pub fn is_event_source(&self) -> bool {
        matches!(self, NodeKind::EventSource { .. })
    }
}

/// One box on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: NodeId,
    pub name: String,
    /// Top-left corner on the canvas, in points.
    pub position: (f32, f32),
    pub kind: NodeKind,
}

impl Node {
    /// `node 3 "Handler"`, the way messages name a node.
    pub fn subject(&self) -> String {
        format!("node {} {:?}", self.id, self.name)
    }

    /// The function's platform id, falling back to the document's target.
    pub fn function_platform<'a>(&'a self, target: &'a str) -> Option<&'a str> {
        match &self.kind {
            NodeKind::Function { platform, .. } => Some(platform.as_deref().unwrap_or(target)),
            _ => None,
        }
    }
}

/// Whether an edge invokes a function or carries data into a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EdgeKind {
    /// Ends at a function and names the taxonomy trigger it delivers.
    Trigger,
    /// Ends at a service: writes, publishes, forwards.
    DataFlow,
}

impl EdgeKind {
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::Trigger => "trigger",
            EdgeKind::DataFlow => "data flow",
        }
    }
}

/// A connection that carries load from `from` to `to`.
///
/// Events per month arriving at `to` = events at `from` x `fraction` x
/// `fan_out` / `batch_size`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub id: EdgeId,
    pub from: NodeId,
    pub to: NodeId,
    pub kind: EdgeKind,
    /// Trigger taxonomy id, for trigger edges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// Events sent on per event received (a function writing 3 items: 3).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub fan_out: f64,
    /// Events delivered together in one invocation (a queue batch of 10: 10).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub batch_size: f64,
    /// Share of events passed on, 0 to 1 (half the requests hit this path: 0.5).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub fraction: f64,
}

impl Edge {
    /// A plain edge: every event passed on once, unbatched.
    pub fn new(
        id: EdgeId,
        from: NodeId,
        to: NodeId,
        kind: EdgeKind,
        trigger: Option<String>,
    ) -> Self {
        Edge {
            id,
            from,
            to,
            kind,
            trigger,
            fan_out: 1.0,
            batch_size: 1.0,
            fraction: 1.0,
        }
    }

    /// Downstream events per upstream event; 0 when the multipliers are unusable
    /// (validation reports those, propagation must not produce NaN or infinity).
    pub fn rate_factor(&self) -> f64 {
        let factor = self.fraction * self.fan_out / self.batch_size;
        if factor.is_finite() && factor >= 0.0 && self.batch_size > 0.0 {
            factor
        } else {
            0.0
        }
    }

    /// Why the multipliers cannot be used, if they cannot.
    pub fn multiplier_problem(&self) -> Option<String> {
        if !(self.fraction.is_finite() && (0.0..=1.0).contains(&self.fraction)) {
            Some(format!(
                "fraction must be between 0 and 1 (got {})",
                self.fraction
            ))
        } else if !(self.fan_out.is_finite() && self.fan_out >= 0.0) {
            Some(format!(
                "fan-out must be zero or more (got {})",
                self.fan_out
            ))
        } else if !(self.batch_size.is_finite() && self.batch_size >= 1.0) {
            Some(format!(
                "batch size must be at least 1 (got {})",
                self.batch_size
            ))
        } else {
            None
        }
    }
}

/// An architecture: the document the canvas edits and the file it saves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Architecture {
    /// File format version; this build reads [`FORMAT_VERSION`].
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The platform id validation and pricing aim at (`aws-lambda`).
    pub target_platform: String,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
    /// Containers drawn behind the cards (accounts, regions, networks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// A piece of a document on the clipboard: some nodes and the edges between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    pub version: u32,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
}

impl Architecture {
    /// An empty document aimed at a platform, for File > New.
    pub fn new_empty(target_platform: &str) -> Self {
        Architecture {
            groups: Vec::new(),
            version: FORMAT_VERSION,
            name: "Untitled architecture".to_owned(),
            description: String::new(),
            target_platform: target_platform.to_owned(),
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn node_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|n| n.id == id)
    }

    pub fn edge(&self, id: EdgeId) -> Option<&Edge> {
        self.edges.iter().find(|e| e.id == id)
    }

    pub fn edge_mut(&mut self, id: EdgeId) -> Option<&mut Edge> {
        self.edges.iter_mut().find(|e| e.id == id)
    }

    /// The id the next new node gets: one above the largest in use.
    pub fn next_node_id(&self) -> NodeId {
        NodeId(
            self.nodes
                .iter()
                .map(|n| n.id.0)
                .max()
                .map_or(1, |max| max + 1),
        )
    }

    /// The id the next new edge gets: one above the largest in use.
    pub fn next_edge_id(&self) -> EdgeId {
        EdgeId(
            self.edges
                .iter()
                .map(|e| e.id.0)
                .max()
                .map_or(1, |max| max + 1),
        )
    }

    /// Add a node; returns its new id.
    pub fn add_node(
        &mut self,
        name: impl Into<String>,
        position: (f32, f32),
        kind: NodeKind,
    ) -> NodeId {
        let id = self.next_node_id();
        self.nodes.push(Node {
            id,
            name: name.into(),
            position,
            kind,
        });
        id
    }

    /// Add an edge as proposed by [`super::connection`]; returns its new id.
    pub fn insert_edge(&mut self, proposal: &super::EdgeProposal) -> EdgeId {
        let id = self.next_edge_id();
        self.edges.push(Edge::new(
            id,
            proposal.from,
            proposal.to,
            proposal.kind,
            proposal.trigger.clone(),
        ));
        id
    }

    /// Remove nodes and every edge touching them. Returns how many nodes went.
    pub fn remove_nodes(&mut self, ids: &[NodeId]) -> usize {
        let doomed: BTreeSet<NodeId> = ids.iter().copied().collect();
        let before = self.nodes.len();
        self.nodes.retain(|n| !doomed.contains(&n.id));
        self.edges
            .retain(|e| !doomed.contains(&e.from) && !doomed.contains(&e.to));
        before - self.nodes.len()
    }

    /// Remove edges. Returns how many went.
    pub fn remove_edges(&mut self, ids: &[EdgeId]) -> usize {
        let doomed: BTreeSet<EdgeId> = ids.iter().copied().collect();
        let before = self.edges.len();
        self.edges.retain(|e| !doomed.contains(&e.id));
        before - self.edges.len()
    }

    /// Move nodes by a delta in canvas points.
    pub fn move_nodes(&mut self, ids: &[NodeId], delta: (f32, f32)) {
        let moving: BTreeSet<NodeId> = ids.iter().copied().collect();
        for node in self.nodes.iter_mut().filter(|n| moving.contains(&n.id)) {
            node.position.0 += delta.0;
            node.position.1 += delta.1;
        }
    }

    /// Place one node.
    pub fn set_position(&mut self, id: NodeId, position: (f32, f32)) -> bool {
        match self.node_mut(id) {
            Some(node) => {
                node.position = position;
                true
            }
            None => false,
        }
    }

    /// Edges ending at a node.
    pub fn incoming(&self, id: NodeId) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.to == id)
    }

    /// Edges leaving a node.
    pub fn outgoing(&self, id: NodeId) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.from == id)
    }

    /// The nodes (in the order of `ids`) and the edges between them.
    pub fn fragment(&self, ids: &[NodeId]) -> Fragment {
        let chosen: BTreeSet<NodeId> = ids.iter().copied().collect();
        let mut nodes: Vec<Node> = self
            .nodes
            .iter()
            .filter(|n| chosen.contains(&n.id))
            .cloned()
            .collect();
        nodes.sort_by_key(|n| n.id);
        let mut edges: Vec<Edge> = self
            .edges
            .iter()
            .filter(|e| chosen.contains(&e.from) && chosen.contains(&e.to))
            .cloned()
            .collect();
        edges.sort_by_key(|e| e.id);
        Fragment {
            version: FORMAT_VERSION,
            nodes,
            edges,
        }
    }

    /// Add a fragment's nodes with fresh ids, moved by `offset`, and its
    /// internal edges re-pointed at the copies. Edges whose ends are not in
    /// the fragment are dropped. Returns the new node ids, in fragment order.
    pub fn paste(&mut self, fragment: &Fragment, offset: (f32, f32)) -> Vec<NodeId> {
        let mut next_node = self.next_node_id().0;
        let mut renamed: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        let mut added = Vec::with_capacity(fragment.nodes.len());
        for node in &fragment.nodes {
            if renamed.contains_key(&node.id) {
                continue; // a duplicate id in hand-edited clipboard text
            }
            let id = NodeId(next_node);
            next_node += 1;
            renamed.insert(node.id, id);
            added.push(id);
            self.nodes.push(Node {
                id,
                position: (node.position.0 + offset.0, node.position.1 + offset.1),
                ..node.clone()
            });
        }
        let mut next_edge = self.next_edge_id().0;
        for edge in &fragment.edges {
            if let (Some(&from), Some(&to)) = (renamed.get(&edge.from), renamed.get(&edge.to)) {
                self.edges.push(Edge {
                    id: EdgeId(next_edge),
                    from,
                    to,
                    ..edge.clone()
                });
                next_edge += 1;
            }
        }
        added
    }

    /// Copy nodes (and the edges between them) beside the originals.
    /// Returns the copies' ids, in id order of the originals.
    pub fn duplicate_nodes(&mut self, ids: &[NodeId], offset: (f32, f32)) -> Vec<NodeId> {
        let fragment = self.fragment(ids);
        self.paste(&fragment, offset)
    }

    /// Sort nodes and edges by id: the order files are saved in.
    pub fn normalize(&mut self) {
        self.nodes.sort_by_key(|n| n.id);
        self.edges.sort_by_key(|e| e.id);
        self.groups.sort_by_key(|g| g.id);
        // A -0.0 coordinate (from rounding a small negative) would be
        // written as "-0.0"; adding 0.0 makes it 0.0 and changes nothing else.
        for node in &mut self.nodes {
            node.position = (node.position.0 + 0.0, node.position.1 + 0.0);
        }
        for group in &mut self.groups {
            group.position = (group.position.0 + 0.0, group.position.1 + 0.0);
        }
    }

    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn group_mut(&mut self, id: GroupId) -> Option<&mut Group> {
        self.groups.iter_mut().find(|g| g.id == id)
    }

    /// The next free group id.
    pub fn next_group_id(&self) -> GroupId {
        GroupId(
            self.groups
                .iter()
                .map(|g| g.id.0)
                .max()
                .map_or(1, |max| max + 1),
        )
    }

    /// Add a group; returns its id.
    pub fn add_group(
        &mut self,
        name: impl Into<String>,
        kind: GroupKind,
        position: (f32, f32),
        size: (f32, f32),
    ) -> GroupId {
        let id = self.next_group_id();
        self.groups.push(Group {
            id,
            name: name.into(),
            kind,
            position,
            size,
        });
        id
    }

    /// Remove groups (the cards inside them stay).
    pub fn remove_groups(&mut self, ids: &[GroupId]) -> usize {
        let before = self.groups.len();
        self.groups.retain(|g| !ids.contains(&g.id));
        before - self.groups.len()
    }

    /// What moves with a group: the nodes whose `anchor` (a point of the
    /// card, given its position) lies inside it, and the groups wholly inside it.
    pub fn group_contents(
        &self,
        id: GroupId,
        anchor: impl Fn((f32, f32)) -> (f32, f32),
    ) -> (Vec<NodeId>, Vec<GroupId>) {
        let Some(group) = self.group(id) else {
            return (Vec::new(), Vec::new());
        };
        let nodes = self
            .nodes
            .iter()
            .filter(|n| group.contains(anchor(n.position)))
            .map(|n| n.id)
            .collect();
        let groups = self
            .groups
            .iter()
            .filter(|g| {
                g.id != id
                    && group.contains(g.position)
                    && group.contains((g.position.0 + g.size.0, g.position.1 + g.size.1))
            })
            .map(|g| g.id)
            .collect();
        (nodes, groups)
    }

    /// Move groups by a delta.
    pub fn move_groups(&mut self, ids: &[GroupId], delta: (f32, f32)) {
        for group in self.groups.iter_mut().filter(|g| ids.contains(&g.id)) {
            group.position.0 += delta.0;
            group.position.1 += delta.1;
        }
    }

    /// The smallest rectangle holding every node's position: `(min, max)`.
    pub fn bounds(&self) -> Option<((f32, f32), (f32, f32))> {
        let mut nodes = self.nodes.iter();
        let first = nodes.next()?.position;
        Some(nodes.fold((first, first), |(min, max), n| {
            (
                (min.0.min(n.position.0), min.1.min(n.position.1)),
                (max.0.max(n.position.0), max.1.max(n.position.1)),
            )
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three_nodes() -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        let a = doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::event_source("http-request"),
        );
        let b = doc.add_node("Handler", (220.0, 0.0), NodeKind::function());
        let c = doc.add_node("Table", (440.0, 0.0), NodeKind::service("aws-dynamodb"));
        doc.edges.push(Edge::new(
            EdgeId(1),
            a,
            b,
            EdgeKind::Trigger,
            Some("http-request".into()),
        ));
        doc.edges
            .push(Edge::new(EdgeId(2), b, c, EdgeKind::DataFlow, None));
        doc
    }

    #[test]
    fn loads_convert_to_events_per_month() {
        assert_eq!(Load::RequestsPerMonth(5.0).events_per_month(), 5.0);
        // Every 5 minutes in a 730-hour month: 730 * 12 = 8760.
        assert_eq!(
            Load::Schedule { every_minutes: 5.0 }.events_per_month(),
            8760.0
        );
        assert_eq!(Load::MessagesPerSecond(2.0).events_per_month(), 5_256_000.0);
        assert!(Load::Schedule { every_minutes: 0.0 }.problem().is_some());
        assert!(Load::RequestsPerMonth(f64::NAN).problem().is_some());
        assert!(Load::MessagesPerSecond(1.0).problem().is_none());
    }

    #[test]
    fn ids_are_one_above_the_largest() {
        let mut doc = three_nodes();
        assert_eq!(doc.next_node_id(), NodeId(4));
        assert_eq!(doc.next_edge_id(), EdgeId(3));
        doc.remove_nodes(&[NodeId(2)]);
        assert_eq!(doc.next_node_id(), NodeId(4));
        assert_eq!(Architecture::new_empty("x").next_node_id(), NodeId(1));
    }

    #[test]
    fn removing_a_node_removes_its_edges() {
        let mut doc = three_nodes();
        assert_eq!(doc.remove_nodes(&[NodeId(2), NodeId(99)]), 1);
        assert_eq!(doc.nodes.len(), 2);
        assert!(doc.edges.is_empty());
    }

    #[test]
    fn duplicating_copies_internal_edges_only() {
        let mut doc = three_nodes();
        let copies = doc.duplicate_nodes(&[NodeId(2), NodeId(3)], DUPLICATE_OFFSET);
        assert_eq!(copies, vec![NodeId(4), NodeId(5)]);
        let copy = doc.node(NodeId(4)).unwrap();
        assert_eq!(copy.name, "Handler");
        assert_eq!(copy.position, (260.0, 40.0));
        // Edge 2 (Handler -> Table) is internal and copied; edge 1 comes from outside.
        assert_eq!(doc.edges.len(), 3);
        let copied = doc.edge(EdgeId(3)).unwrap();
        assert_eq!((copied.from, copied.to), (NodeId(4), NodeId(5)));
        assert_eq!(copied.kind, EdgeKind::DataFlow);
    }

    #[test]
    fn moving_shifts_only_the_chosen_nodes() {
        let mut doc = three_nodes();
        doc.move_nodes(&[NodeId(1)], (10.0, -5.0));
        assert_eq!(doc.node(NodeId(1)).unwrap().position, (10.0, -5.0));
        assert_eq!(doc.node(NodeId(2)).unwrap().position, (220.0, 0.0));
        assert!(doc.set_position(NodeId(3), (1.0, 2.0)));
        assert!(!doc.set_position(NodeId(42), (1.0, 2.0)));
        assert_eq!(doc.bounds(), Some(((1.0, -5.0), (220.0, 2.0))));
    }

    #[test]
    fn edge_factor_is_zero_for_unusable_multipliers() {
        let mut edge = Edge::new(EdgeId(1), NodeId(1), NodeId(2), EdgeKind::DataFlow, None);
        edge.fraction = 0.5;
        edge.fan_out = 3.0;
        edge.batch_size = 10.0;
        assert!((edge.rate_factor() - 0.15).abs() < 1e-12);
        edge.batch_size = 0.0;
        assert_eq!(edge.rate_factor(), 0.0);
        assert!(edge.multiplier_problem().unwrap().contains("batch size"));
        edge.batch_size = 1.0;
        edge.fraction = 1.5;
        assert!(edge.multiplier_problem().unwrap().contains("fraction"));
    }
}

#[cfg(test)]
mod group_tests {
    use super::*;

    #[test]
    fn a_group_holds_the_cards_and_groups_inside_it() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let inside = doc.add_node("in", (20.0, 20.0), NodeKind::function());
        let outside = doc.add_node("out", (500.0, 20.0), NodeKind::function());
        let region = doc.add_group("Region", GroupKind::Region, (0.0, 0.0), (300.0, 200.0));
        let network = doc.add_group("VPC", GroupKind::Network, (10.0, 10.0), (100.0, 100.0));
        let overlapping = doc.add_group("Other", GroupKind::Boundary, (250.0, 0.0), (100.0, 100.0));
        let (nodes, groups) = doc.group_contents(region, |p| p);
        assert_eq!(nodes, vec![inside]);
        assert_eq!(groups, vec![network]);
        assert!(!nodes.contains(&outside) && !groups.contains(&overlapping));
        doc.move_groups(&[region], (5.0, 5.0));
        assert_eq!(doc.group(region).unwrap().position, (5.0, 5.0));
        assert_eq!(doc.remove_groups(&[region]), 1);
        assert_eq!(doc.nodes.len(), 2, "removing a group keeps its cards");
        assert_eq!(doc.next_group_id(), GroupId(4));
    }

    #[test]
    fn groups_round_trip_and_are_left_out_when_there_are_none() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let plain = crate::architecture::to_ron_string(&doc).unwrap();
        assert!(!plain.contains("groups"), "{plain}");
        doc.add_group(
            "Prod account",
            GroupKind::Account,
            (0.0, 0.0),
            (400.0, 300.0),
        );
        let text = crate::architecture::to_ron_string(&doc).unwrap();
        let back = crate::architecture::parse_str("test.ron", &text).unwrap();
        assert_eq!(back, doc);
    }
}
