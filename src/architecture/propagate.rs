//! Load propagation: how many events each node handles a month.
//!
//! External load enters at event sources. Every other node's rate is the sum
//! over its incoming edges of (upstream rate x fraction x fan-out / batch
//! size); a function's rate is its invocations, a service's its requests.
//!
//! Nodes are visited in topological order of the graph's strongly connected
//! components (Tarjan's algorithm, iterative so deep graphs cannot overflow
//! the stack). A component with more than one node, or a node feeding itself,
//! is a cycle: it is reported, and the edges that close it carry no load, so
//! the computation always terminates and never multiplies load around a loop.
//! Inside a cycle, nodes are ordered breadth-first from where load enters it
//! (a queue fed from outside comes before the worker that writes back to it);
//! an edge from a later node back to an earlier one closes the loop and is cut.
//! So a worker reading a queue is still priced for what the queue delivers,
//! while its writes back into the queue add nothing.

use std::collections::HashMap;

use super::document::{Architecture, Edge, EdgeId, NodeId, NodeKind};

/// Adjacency of a document, by position in `doc.nodes` and `doc.edges`.
/// Edges whose ends do not exist are left out (validation reports them).
#[derive(Debug, Clone)]
pub(crate) struct Graph {
    pub index: HashMap<NodeId, usize>,
    /// Per node: positions of the edges ending there.
    pub incoming: Vec<Vec<usize>>,
    /// Per node: positions of the edges leaving it.
    pub outgoing: Vec<Vec<usize>>,
    /// Per edge: `(from, to)` node positions, when both exist.
    pub ends: Vec<Option<(usize, usize)>>,
}

impl Graph {
    pub fn new(doc: &Architecture) -> Graph {
        let mut index = HashMap::with_capacity(doc.nodes.len());
        for (position, node) in doc.nodes.iter().enumerate() {
            // The first node with an id wins; validation reports duplicates.
            index.entry(node.id).or_insert(position);
        }
        let mut incoming = vec![Vec::new(); doc.nodes.len()];
        let mut outgoing = vec![Vec::new(); doc.nodes.len()];
        let mut ends = Vec::with_capacity(doc.edges.len());
        for (position, edge) in doc.edges.iter().enumerate() {
            let pair = index.get(&edge.from).zip(index.get(&edge.to));
            if let Some((&from, &to)) = pair {
                outgoing[from].push(position);
                incoming[to].push(position);
                ends.push(Some((from, to)));
            } else {
                ends.push(None);
            }
        }
        Graph {
            index,
            incoming,
            outgoing,
            ends,
        }
    }

    /// Strongly connected components, sources first (topological order of
    /// the condensed graph).
    pub fn components(&self) -> Vec<Vec<usize>> {
        const UNSEEN: usize = usize::MAX;
        let n = self.outgoing.len();
        let successors = |v: usize| -> Vec<usize> {
            self.outgoing[v]
                .iter()
                .filter_map(|&e| self.ends[e].map(|(_, to)| to))
                .collect()
        };
        let mut order = vec![UNSEEN; n];
        let mut low = vec![0usize; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<usize> = Vec::new();
        let mut next = 0usize;
        let mut components = Vec::new();
        for root in 0..n {
            if order[root] != UNSEEN {
                continue;
            }
            // (node, its successors, how many of them are done)
            let mut calls: Vec<(usize, Vec<usize>, usize)> = Vec::new();
            order[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            calls.push((root, successors(root), 0));
            while let Some(top) = calls.len().checked_sub(1) {
                let (v, done) = (calls[top].0, calls[top].2);
                if let Some(&w) = calls[top].1.get(done) {
                    calls[top].2 += 1;
                    if order[w] == UNSEEN {
                        order[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        calls.push((w, successors(w), 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(order[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(parent) = calls.last() {
                    low[parent.0] = low[parent.0].min(low[v]);
                }
                if low[v] == order[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    components.push(component);
                }
            }
        }
        // Tarjan finishes a component after everything it reaches.
        components.reverse();
        components
    }
}

/// Monthly events at every node, and the cycles that were cut.
#[derive(Debug, Clone, PartialEq)]
pub struct Propagation {
    rates: HashMap<NodeId, f64>,
    /// Nodes on each cycle, sorted by id; cycles sorted by their first node.
    pub cycles: Vec<Vec<NodeId>>,
    /// The edges that close a cycle and carry no load, sorted.
    pub cut_edges: Vec<EdgeId>,
}

impl Propagation {
    /// Events per month at a node: a function's invocations, a service's
    /// requests, a source's own load. Zero for an unknown node.
    pub fn events_per_month(&self, node: NodeId) -> f64 {
        self.rates.get(&node).copied().unwrap_or(0.0)
    }

    /// Events per month carried by an edge (zero for an edge that closes a
    /// cycle).
    pub fn edge_events_per_month(&self, edge: &Edge) -> f64 {
        if self.cut_edges.binary_search(&edge.id).is_ok() {
            return 0.0;
        }
        self.events_per_month(edge.from) * edge.rate_factor()
    }

    pub fn on_cycle(&self, node: NodeId) -> bool {
        self.cycles.iter().any(|c| c.contains(&node))
    }
}

/// The load a node brings in itself (only event sources do).
fn own_load(kind: &NodeKind) -> f64 {
    match kind {
        NodeKind::EventSource { load, .. } if load.problem().is_none() => load.events_per_month(),
        _ => 0.0,
    }
}

/// Derive every node's monthly events from the sources through the edges.
pub fn propagate(doc: &Architecture) -> Propagation {
    propagate_on(doc, &Graph::new(doc))
}

pub(crate) fn propagate_on(doc: &Architecture, graph: &Graph) -> Propagation {
    let components = graph.components();
    let mut component_of = vec![0usize; doc.nodes.len()];
    for (c, members) in components.iter().enumerate() {
        for &v in members {
            component_of[v] = c;
        }
    }
    let mut rate = vec![0.0f64; doc.nodes.len()];
    let mut cycles = Vec::new();
    let mut cut_edges = Vec::new();
    // Position within its component's visiting order, for cyclic components.
    let mut rank = vec![0usize; doc.nodes.len()];
    for (c, members) in components.iter().enumerate() {
        let feeds_itself = |v: usize| {
            graph.outgoing[v]
                .iter()
                .any(|&e| graph.ends[e].is_some_and(|(_, to)| to == v))
        };
        let cyclic = members.len() > 1 || members.iter().any(|&v| feeds_itself(v));
        let order = if cyclic {
            let mut ids: Vec<NodeId> = members.iter().map(|&v| doc.nodes[v].id).collect();
            ids.sort();
            cycles.push(ids);
            let order = cycle_order(doc, graph, members, &component_of, c);
            for (position, &v) in order.iter().enumerate() {
                rank[v] = position;
            }
            order
        } else {
            members.clone()
        };
        for &v in &order {
            let mut events = own_load(&doc.nodes[v].kind);
            for &e in &graph.incoming[v] {
                let Some((from, _)) = graph.ends[e] else {
                    continue;
                };
                // Upstream components come earlier, so their rates are final.
                // Inside a cycle only edges from earlier-visited nodes carry
                // load; the others close the loop.
                if component_of[from] != c || rank[from] < rank[v] {
                    events += rate[from] * doc.edges[e].rate_factor();
                } else {
                    cut_edges.push(doc.edges[e].id);
                }
            }
            rate[v] = events;
        }
    }
    cycles.sort();
    cut_edges.sort();
    cut_edges.dedup();
    let mut rates = HashMap::with_capacity(doc.nodes.len());
    for (node, events) in doc.nodes.iter().zip(rate) {
        rates.entry(node.id).or_insert(events);
    }
    Propagation {
        rates,
        cycles,
        cut_edges,
    }
}

/// The order a cycle's nodes are visited in: breadth-first along the
/// cycle's own edges, starting from the members load enters from outside
/// (lowest id first); members nothing reaches follow, by id.
fn cycle_order(
    doc: &Architecture,
    graph: &Graph,
    members: &[usize],
    component_of: &[usize],
    component: usize,
) -> Vec<usize> {
    let mut sorted = members.to_vec();
    sorted.sort_by_key(|&v| doc.nodes[v].id);
    let fed_from_outside = |v: usize| {
        own_load(&doc.nodes[v].kind) > 0.0
            || graph.incoming[v]
                .iter()
                .any(|&e| graph.ends[e].is_some_and(|(from, _)| component_of[from] != component))
    };
    let mut seen = vec![false; doc.nodes.len()];
    let mut order = Vec::with_capacity(members.len());
    let mut queue = std::collections::VecDeque::new();
    let entries: Vec<usize> = sorted
        .iter()
        .copied()
        .filter(|&v| fed_from_outside(v))
        .collect();
    for start in entries.into_iter().chain(sorted.iter().copied()) {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        queue.push_back(start);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &e in &graph.outgoing[v] {
                if let Some((_, to)) = graph.ends[e]
                    && component_of[to] == component
                    && !seen[to]
                {
                    seen[to] = true;
                    queue.push_back(to);
                }
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::document::{EdgeKind, Load};

    fn edge(doc: &mut Architecture, from: u64, to: u64, kind: EdgeKind) -> EdgeId {
        let id = doc.next_edge_id();
        doc.edges
            .push(Edge::new(id, NodeId(from), NodeId(to), kind, None));
        id
    }

    /// 1M requests -> gateway -> function (fraction 0.5) -> queue (fan-out 3)
    /// -> function (batch 10).
    fn pipeline() -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "http-request".into(),
                load: Load::RequestsPerMonth(1_000_000.0),
            },
        );
        doc.add_node(
            "Gateway",
            (220.0, 0.0),
            NodeKind::service("aws-api-gateway-http"),
        );
        doc.add_node("Api", (440.0, 0.0), NodeKind::function());
        doc.add_node("Queue", (660.0, 0.0), NodeKind::service("aws-sqs"));
        doc.add_node("Worker", (880.0, 0.0), NodeKind::function());
        edge(&mut doc, 1, 2, EdgeKind::DataFlow);
        let half = edge(&mut doc, 2, 3, EdgeKind::Trigger);
        doc.edge_mut(half).unwrap().fraction = 0.5;
        let three = edge(&mut doc, 3, 4, EdgeKind::DataFlow);
        doc.edge_mut(three).unwrap().fan_out = 3.0;
        let batch = edge(&mut doc, 4, 5, EdgeKind::Trigger);
        doc.edge_mut(batch).unwrap().batch_size = 10.0;
        doc
    }

    #[test]
    fn rates_multiply_along_the_edges() {
        let doc = pipeline();
        let flow = propagate(&doc);
        assert_eq!(flow.events_per_month(NodeId(1)), 1_000_000.0);
        assert_eq!(flow.events_per_month(NodeId(2)), 1_000_000.0);
        assert_eq!(flow.events_per_month(NodeId(3)), 500_000.0);
        assert_eq!(flow.events_per_month(NodeId(4)), 1_500_000.0);
        assert_eq!(flow.events_per_month(NodeId(5)), 150_000.0);
        assert!(flow.cycles.is_empty());
        assert_eq!(flow.edge_events_per_month(&doc.edges[3]), 150_000.0);
    }

    #[test]
    fn order_of_nodes_in_the_file_does_not_matter() {
        let mut doc = pipeline();
        doc.nodes.reverse();
        doc.edges.reverse();
        let flow = propagate(&doc);
        assert_eq!(flow.events_per_month(NodeId(5)), 150_000.0);
    }

    #[test]
    fn a_cycle_is_reported_and_the_edge_closing_it_carries_no_load() {
        let mut doc = pipeline();
        // Worker writes back to the queue it reads from.
        let back = edge(&mut doc, 5, 4, EdgeKind::DataFlow);
        let flow = propagate(&doc);
        assert_eq!(flow.cycles, vec![vec![NodeId(4), NodeId(5)]]);
        assert_eq!(flow.cut_edges, vec![back]);
        // The queue gets the API's writes and the worker what the queue
        // delivers; the write-back adds nothing.
        assert_eq!(flow.events_per_month(NodeId(4)), 1_500_000.0);
        assert_eq!(flow.events_per_month(NodeId(5)), 150_000.0);
        assert_eq!(flow.edge_events_per_month(doc.edge(back).unwrap()), 0.0);
        assert!(flow.on_cycle(NodeId(5)));
        assert!(!flow.on_cycle(NodeId(3)));
    }

    #[test]
    fn a_cycle_with_no_way_in_gets_no_load() {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node("A", (0.0, 0.0), NodeKind::function());
        doc.add_node("B", (0.0, 0.0), NodeKind::function());
        doc.add_node("C", (0.0, 0.0), NodeKind::function());
        edge(&mut doc, 1, 2, EdgeKind::Trigger);
        edge(&mut doc, 2, 3, EdgeKind::Trigger);
        edge(&mut doc, 3, 1, EdgeKind::Trigger);
        let flow = propagate(&doc);
        assert_eq!(flow.cycles, vec![vec![NodeId(1), NodeId(2), NodeId(3)]]);
        assert_eq!(flow.cut_edges, vec![EdgeId(3)]);
        assert_eq!(flow.events_per_month(NodeId(2)), 0.0);
    }

    #[test]
    fn a_self_loop_is_a_cycle() {
        let mut doc = pipeline();
        edge(&mut doc, 3, 3, EdgeKind::Trigger);
        let flow = propagate(&doc);
        assert_eq!(flow.cycles, vec![vec![NodeId(3)]]);
        assert_eq!(flow.events_per_month(NodeId(3)), 500_000.0);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.add_node("Source", (0.0, 0.0), NodeKind::event_source("http-request"));
        for i in 2..=100_000u64 {
            // Pushed directly: `add_node` looks for the largest id each time.
            doc.nodes.push(crate::architecture::Node {
                id: NodeId(i),
                name: format!("F{i}"),
                position: (0.0, 0.0),
                kind: NodeKind::function(),
            });
            doc.edges.push(Edge::new(
                EdgeId(i),
                NodeId(i - 1),
                NodeId(i),
                EdgeKind::Trigger,
                None,
            ));
        }
        let flow = propagate(&doc);
        assert_eq!(flow.events_per_month(NodeId(100_000)), 1_000_000.0);
    }

    #[test]
    fn dangling_edges_are_ignored() {
        let mut doc = pipeline();
        edge(&mut doc, 1, 77, EdgeKind::DataFlow);
        edge(&mut doc, 77, 5, EdgeKind::Trigger);
        assert_eq!(propagate(&doc).events_per_month(NodeId(5)), 150_000.0);
    }
}
