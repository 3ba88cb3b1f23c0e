//! Architectures: the document the canvas edits, its file format, and what
//! is derived from it.
//!
//! - [`document`]: nodes, edges, workload inputs and the canvas's edits;
//! - [`io`]: versioned RON files, errors with `file:line:column`;
//! - [`propagate`]: monthly events per node, from the sources through the edges;
//! - [`validate`]: problems against the target platform, and the connect-time check;
//! - [`pricing`]: the monthly bill on the target, per component and per sheet;
//! - [`portability`]: the same architecture on every other provider, priced, with gaps;
//! - [`examples`]: the example files compiled into the binary;
//! - [`synthetic`]: large generated architectures for benchmarks.
//!
//! Data flows one way: document -> load -> workloads -> price sheets. No
//! derived result is stored in the document; the canvas recomputes them
//! (all of it takes a few milliseconds for a thousand nodes).

pub mod document;
pub mod examples;
pub mod io;
pub mod portability;
pub mod pricing;
pub mod propagate;
pub mod synthetic;
pub mod validate;

pub use document::{
    Architecture, DUPLICATE_OFFSET, Edge, EdgeId, EdgeKind, FORMAT_VERSION, Fragment, Group,
    GroupId, GroupKind, Load, Node, NodeId, NodeKind, ServiceInputs,
};
pub use examples::{DEFAULT_EXAMPLE, Example, default_example, examples};
pub use io::{
    DocumentError, Renamed, fragment_to_ron, load_file, load_file_reporting, load_str,
    load_str_reporting, migrate_ids, parse_fragment, parse_str, save_file, to_ron_string,
};
pub use portability::{
    EdgeMapping, Gap, NodeMapping, ProviderPort, portability, portability_with, rank,
};
pub use pricing::{
    ArchitecturePrice, BillLine, ComponentCost, ComponentKind, CostStatus, MAX_PRICEABLE_USD,
    SheetBill, Unpriced, price, price_with, service_usage,
};
pub use propagate::{Propagation, propagate};
pub use validate::{EdgeProposal, Problem, Severity, accepts_trigger, connection, validate};

impl Architecture {
    /// Connect two nodes as [`connection`] proposes, or refuse with the
    /// reason (and change nothing).
    pub fn add_edge(
        &mut self,
        catalog: &crate::catalog::Catalog,
        from: NodeId,
        to: NodeId,
    ) -> Result<EdgeId, String> {
        let proposal = connection(catalog, self, from, to)?;
        Ok(self.insert_edge(&proposal))
    }
}

/// A small catalog for unit tests, independent of the shipped data: real
/// price sheets, a handful of platforms and services.
#[cfg(test)]
pub(crate) fn test_catalog() -> crate::catalog::Catalog {
    use crate::catalog::load::parse_ron;
    use crate::catalog::{Catalog, CatalogFiles, PriceSheet};

    let providers = parse_ron(
        "providers",
        r#"[
        (id: "aws", name: "Amazon Web Services", function_platform: "aws-lambda", edge_platform: "aws-lambda-edge"),
        (id: "azure", name: "Microsoft Azure", function_platform: "azure-functions"),
        (id: "ibm", name: "IBM Cloud", function_platform: "ibm-code-engine"),
        (id: "cloudflare", name: "Cloudflare", function_platform: "cloudflare-workers", edge_platform: "cloudflare-workers"),
    ]"#,
    )
    .unwrap();
    let trigger = |id: &str| {
        format!(r#"(id: "{id}", name: "{id}", group: Request, delivery: [Sync], description: "")"#)
    };
    let triggers = parse_ron(
        "triggers",
        &format!(
            "[{}]",
            [
                "http-request",
                "queue",
                "stream",
                "iot",
                "direct",
                "storage-object",
                "edge-request",
                "schedule",
                "db-change",
            ]
            .map(trigger)
            .join(",")
        ),
    )
    .unwrap();
    let platforms = parse_ron(
        "platforms",
        r#"[
        (id: "aws-lambda", name: "AWS Lambda", vendor: "Amazon", provider: "aws", kind: Hosted, status: Active,
         description: "", sources: [],
         limits: (max_timeout_s: 900, min_memory_mb: 128, max_memory_mb: 10240),
         triggers: [
            (trigger: "http-request", service: "API Gateway", delivery: Sync, service_id: "aws-api-gateway-http"),
            (trigger: "queue", service: "SQS", delivery: Poll, service_id: "aws-sqs"),
            (trigger: "stream", service: "Kinesis", delivery: Poll, service_id: "aws-kinesis-data-streams"),
            (trigger: "direct", service: "Invoke API", delivery: Sync),
         ],
         price_sheets: ["aws-lambda"]),
        (id: "aws-lambda-edge", name: "Lambda@Edge", vendor: "Amazon", provider: "aws", kind: Hosted, status: Active,
         variant_of: "aws-lambda", description: "", sources: [],
         triggers: [(trigger: "edge-request", service: "CloudFront", delivery: Sync)],
         price_sheets: ["aws-lambda-edge"]),
        (id: "azure-functions", name: "Azure Functions", vendor: "Microsoft", provider: "azure", kind: Hosted, status: Active,
         description: "", sources: [],
         triggers: [
            (trigger: "http-request", service: "HTTP", delivery: Sync),
            (trigger: "queue", service: "Queue Storage", delivery: Poll, service_id: "azure-queue-storage"),
            (trigger: "stream", service: "Event Hubs", delivery: Poll, service_id: "azure-event-hubs"),
         ],
         price_sheets: ["azure-functions"]),
        (id: "cloudflare-workers", name: "Cloudflare Workers", vendor: "Cloudflare", provider: "cloudflare", kind: Hosted,
         status: Active, description: "", sources: [],
         triggers: [
            (trigger: "http-request", service: "fetch", delivery: Sync),
            (trigger: "queue", service: "Queues", delivery: Poll, service_id: "cloudflare-queues"),
            (trigger: "edge-request", service: "fetch", delivery: Sync),
         ],
         price_sheets: ["cloudflare-workers"]),
        (id: "ibm-cloud-functions", name: "IBM Cloud Functions", vendor: "IBM", provider: "ibm", kind: Hosted,
         status: Retired, dates: (shutdown: "2024-10"), successor: "ibm-code-engine", description: "", sources: []),
    ]"#,
    )
    .unwrap();
    let services = parse_ron(
        "services",
        r#"[
        (id: "aws-sqs", name: "Amazon SQS", provider: "aws", role: Queue, emits: ["queue"], description: "", sources: []),
        (id: "aws-kinesis-data-streams", name: "Amazon Kinesis Data Streams", provider: "aws", role: Stream,
         emits: ["stream"], description: "", sources: []),
        (id: "aws-api-gateway-http", name: "Amazon API Gateway (HTTP APIs)", provider: "aws", role: ApiGateway,
         emits: ["http-request"], price_sheet: "aws-api-gateway-http", description: "", sources: []),
        (id: "aws-dynamodb", name: "Amazon DynamoDB", provider: "aws", role: NoSql, emits: ["db-change"],
         description: "", sources: []),
        (id: "azure-queue-storage", name: "Azure Queue Storage", provider: "azure", role: Queue, emits: ["queue"],
         description: "", sources: []),
        (id: "azure-event-hubs", name: "Azure Event Hubs", provider: "azure", role: Stream, emits: ["stream"],
         description: "", sources: []),
        (id: "cloudflare-queues", name: "Cloudflare Queues", provider: "cloudflare", role: Queue, emits: ["queue"],
         description: "", sources: []),
    ]"#,
    )
    .unwrap();
    let wanted = [
        "aws-lambda",
        "aws-lambda-edge",
        "azure-functions",
        "cloudflare-workers",
        "aws-api-gateway-http",
    ];
    let sheets: Vec<PriceSheet> = CatalogFiles::embedded()
        .pricing
        .iter()
        .filter(|f| {
            wanted
                .iter()
                .any(|w| f.name == format!("catalogs/pricing/{w}.ron"))
        })
        .map(|f| parse_ron(&f.name, &f.text).unwrap())
        .collect();
    assert_eq!(sheets.len(), wanted.len());
    Catalog::new(providers, triggers, platforms, services, Vec::new(), sheets)
}
