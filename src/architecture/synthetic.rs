//! Large generated architectures for benchmarks and stress tests (the
//! 1,000-node target of the canvas and the pricing path).
//!
//! Each group is one realistic, valid AWS pipeline of 10 nodes and 15
//! edges (an API, a queue, a stream, a bucket, a table and four functions),
//! laid out left to right in 220-point columns; groups stack downwards.

use super::document::{Architecture, Edge, EdgeId, EdgeKind, Load, Node, NodeId, NodeKind};
use crate::catalog::Arch;

/// Nodes per generated group.
pub const NODES_PER_GROUP: usize = 10;
/// Edges per generated group.
pub const EDGES_PER_GROUP: usize = 15;

/// (from, to, trigger, fraction, fan-out, batch size); ends 1-based within a group.
type EdgeSpec = (u64, u64, Option<&'static str>, f64, f64, f64);

fn function(memory_mb: f64, duration_ms: f64, arch: Arch) -> NodeKind {
    NodeKind::Function {
        platform: None,
        memory_mb,
        duration_ms,
        arch,
        cpu_ms: None,
        payload_kb: 1.0,
    }
}

/// `groups` x 10 nodes and `groups` x 15 edges on `aws-lambda`
/// (100 groups: 1,000 nodes, 1,500 edges), every one of them valid.
pub fn synthetic(groups: usize) -> Architecture {
    let mut doc = Architecture::new_empty("aws-lambda");
    doc.name = format!("Generated: {} nodes", groups * NODES_PER_GROUP);
    doc.nodes.reserve(groups * NODES_PER_GROUP);
    doc.edges.reserve(groups * EDGES_PER_GROUP);
    for group in 0..groups {
        let base = (group * NODES_PER_GROUP) as u64;
        let y = group as f32 * 360.0;
        // (name, column, row, kind)
        let nodes: [(&str, f32, f32, NodeKind); NODES_PER_GROUP] = [
            (
                "Clients",
                0.0,
                120.0,
                NodeKind::EventSource {
                    trigger: "http-request".into(),
                    load: Load::RequestsPerMonth(1_000_000.0 * (1 + group % 7) as f64),
                },
            ),
            ("API", 1.0, 120.0, NodeKind::service("aws-api-gateway-http")),
            ("Accept", 2.0, 40.0, function(512.0, 80.0, Arch::Arm64)),
            ("Jobs", 3.0, 0.0, NodeKind::service("aws-sqs")),
            ("Work", 4.0, 0.0, function(1024.0, 400.0, Arch::X86_64)),
            ("Table", 6.0, 120.0, NodeKind::service("aws-dynamodb")),
            (
                "Events",
                3.0,
                160.0,
                NodeKind::service("aws-kinesis-data-streams"),
            ),
            ("Aggregate", 4.0, 160.0, function(256.0, 150.0, Arch::Arm64)),
            ("Archive", 5.0, 240.0, NodeKind::service("aws-s3")),
            (
                "Report",
                6.0,
                280.0,
                function(2048.0, 2_000.0, Arch::X86_64),
            ),
        ];
        for (offset, (name, column, row, kind)) in nodes.into_iter().enumerate() {
            doc.nodes.push(Node {
                id: NodeId(base + offset as u64 + 1),
                name: format!("{name} {}", group + 1),
                position: (column * 220.0, y + row),
                kind,
            });
        }
        let edges: [EdgeSpec; EDGES_PER_GROUP] = [
            (1, 2, None, 1.0, 1.0, 1.0),
            (2, 3, Some("http-request"), 0.9, 1.0, 1.0),
            (3, 4, None, 1.0, 1.0, 1.0),
            (4, 5, Some("queue"), 1.0, 1.0, 10.0),
            (5, 6, None, 1.0, 10.0, 1.0),
            (5, 7, None, 1.0, 10.0, 1.0),
            (7, 8, Some("stream"), 1.0, 1.0, 100.0),
            (8, 9, None, 1.0, 1.0, 1.0),
            (9, 10, Some("storage-object"), 1.0, 1.0, 1.0),
            (10, 6, None, 1.0, 5.0, 1.0),
            (2, 10, Some("http-request"), 0.1, 1.0, 1.0),
            (3, 7, None, 1.0, 1.0, 1.0),
            (3, 6, None, 0.5, 1.0, 1.0),
            (8, 6, None, 1.0, 1.0, 1.0),
            (3, 8, Some("direct"), 0.05, 1.0, 1.0),
        ];
        let edge_base = (group * EDGES_PER_GROUP) as u64;
        for (offset, (from, to, trigger, fraction, fan_out, batch_size)) in
            edges.into_iter().enumerate()
        {
            let kind = if trigger.is_some() {
                EdgeKind::Trigger
            } else {
                EdgeKind::DataFlow
            };
            doc.edges.push(Edge {
                fraction,
                fan_out,
                batch_size,
                ..Edge::new(
                    EdgeId(edge_base + offset as u64 + 1),
                    NodeId(base + from),
                    NodeId(base + to),
                    kind,
                    trigger.map(str::to_owned),
                )
            });
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::propagate;

    #[test]
    fn generated_architectures_have_the_asked_size_and_no_cycles() {
        let doc = synthetic(3);
        assert_eq!(doc.nodes.len(), 30);
        assert_eq!(doc.edges.len(), 45);
        let flow = propagate(&doc);
        assert!(flow.cycles.is_empty());
        // Group 1: 1M requests, 90% to Accept, its jobs in batches of 10.
        assert_eq!(flow.events_per_month(NodeId(3)), 900_000.0);
        assert_eq!(flow.events_per_month(NodeId(5)), 90_000.0);
    }
}
