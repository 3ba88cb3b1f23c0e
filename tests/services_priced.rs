//! Managed services priced end to end: `price --service` from the command
//! line, and every example architecture priced on the four providers with
//! managed services, where a component is either priced or names its gap.

mod common;

use common::{atlas, builtin, ok, stderr};
use serde_json::Value;
use serverless_atlas::architecture::{CostStatus, examples, portability};
use serverless_atlas::cost::PricingOptions;

#[test]
fn cloudflares_own_examples_price_to_the_cent() {
    // R2 Standard: 1,000 GB stored, 1,000 writes, 1M reads = $14.85.
    let r2: Value = serde_json::from_str(&ok(&[
        "price",
        "--service",
        "cloudflare-r2",
        "--storage-gb",
        "1000",
        "--writes",
        "1000",
        "--reads",
        "1000000",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(r2["total_usd"], 14.85);
    // Queues: a million messages a day for 30 days, each under 64 KB = $35.60.
    let table = ok(&[
        "price",
        "--service",
        "cloudflare-queues",
        "--requests",
        "30000000",
        "--payload-kb",
        "60",
    ]);
    assert!(table.contains("$35.60"), "{table}");
}

#[test]
fn a_flag_the_sheet_does_not_read_names_the_ones_it_does() {
    let output = atlas(&[
        "price",
        "--service",
        "cloudflare-queues",
        "--requests",
        "1000",
        "--storage-gb",
        "3",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: cloudflare-queues does not use --storage-gb; it reads --requests, --payload-kb"
    );
    // A function-only flag is refused the same way.
    let output = atlas(&["price", "--service", "aws-sqs", "--arch", "arm64"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("does not use --arch"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_service_sheet_lists_the_valid_ids() {
    let output = atlas(&["price", "--service", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(
        error.starts_with("error: unknown service sheet `nope`; valid ids: "),
        "{error}"
    );
    assert!(
        error.contains("aws-dynamodb") && error.contains("gcp-pubsub"),
        "{error}"
    );
    // A function platform's sheet points to --platform.
    let output = atlas(&["price", "--service", "aws-lambda"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("use --platform"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn service_quotes_share_the_function_quotes_json_shape() {
    let quote: Value = serde_json::from_str(&ok(&[
        "price",
        "--service",
        "aws-sqs",
        "--requests",
        "3000000",
        "--payload-kb",
        "100",
        "--no-free-tier",
        "--format",
        "json",
    ]))
    .unwrap();
    for key in [
        "platform",
        "name",
        "as_of",
        "feasible",
        "total_usd",
        "line_items",
    ] {
        assert!(quote.get(key).is_some(), "{key} missing in {quote}");
    }
    assert_eq!(
        quote["platform"], "aws-sqs",
        "the sheet id, as for functions"
    );
    // 100 KB is two 64 KB chunks: 6M requests at $0.40 per 1M.
    assert_eq!(quote["total_usd"], 2.4);
}

#[test]
fn the_twelve_month_free_tier_applies_only_when_asked() {
    let base = [
        "price",
        "--service",
        "aws-api-gateway-websocket",
        "--requests",
        "1000000",
        "--format",
        "json",
    ];
    let default: Value = serde_json::from_str(&ok(&base)).unwrap();
    assert_eq!(default["total_usd"], 1.0);
    let mut first_year = base.to_vec();
    first_year.push("--first-year-free-tier");
    let first_year: Value = serde_json::from_str(&ok(&first_year)).unwrap();
    assert_eq!(first_year["total_usd"], 0.0);
}

/// Components with no price sheet because no current rate could be
/// sourced, by provider and catalog id (see the issue note).
const KNOWN_UNPRICED: [(&str, &str); 3] = [
    ("aws", "aws-timestream"),
    ("azure", "azure-data-explorer"),
    ("cloudflare", "cloudflare-workers-analytics"),
];

#[test]
fn every_example_component_is_priced_or_names_its_gap() {
    let catalog = builtin();
    for example in examples() {
        let example = example.unwrap();
        let ports = portability(&catalog, &example.doc, PricingOptions::default());
        for provider in ["aws", "azure", "gcp", "cloudflare"] {
            let port = ports.iter().find(|p| p.provider == provider).unwrap();
            for component in &port.price.components {
                let place = format!("{} on {provider}: {}", example.file_name, component.name);
                match component.status {
                    CostStatus::Priced => {
                        let usd = component.usd.unwrap();
                        assert!(usd.is_finite() && usd >= 0.0, "{place}: {usd}");
                    }
                    // No equivalent service, or a function that cannot run
                    // there: the reason says which and why.
                    CostStatus::Unmapped | CostStatus::Infeasible => {
                        let reason = component.reasons.join("; ");
                        assert!(
                            reason.starts_with("no ") || reason.contains("the most it offers"),
                            "{place}: {reason}"
                        );
                    }
                    CostStatus::NotPriced => assert!(
                        KNOWN_UNPRICED.contains(&(provider, component.mapped_to.as_str())),
                        "{place}: {} is not priced ({:?})",
                        component.mapped_to,
                        component.reasons
                    ),
                    CostStatus::Invalid => panic!("{place}: {:?}", component.reasons),
                }
            }
            // A partial total is never shown as a plain number.
            assert_eq!(
                port.price.complete,
                port.price.unpriced_count() == 0 && port.gaps.is_empty(),
                "{} on {provider}",
                example.file_name
            );
        }
    }
}

#[test]
fn service_inputs_price_and_are_saved_only_when_set() {
    let catalog = builtin();
    let text = r#"(
        version: 1,
        name: "Table",
        target_platform: "aws-lambda",
        nodes: [
            (id: 1, name: "Items", position: (0.0, 0.0),
             kind: Service(service: "aws-dynamodb", inputs: (storage_gb: 125.0))),
        ],
        edges: [],
    )"#;
    let doc = serverless_atlas::architecture::load_str(&catalog, "table.ron", text).unwrap();
    let quote = serverless_atlas::architecture::price(&catalog, &doc, PricingOptions::default());
    // 125 GB stored, the first 25 GB free: 100 GB-month x $0.25.
    assert_eq!(quote.total_usd, Some(25.0));
    assert!(quote.complete);
    let saved = serverless_atlas::architecture::to_ron_string(&doc).unwrap();
    assert!(saved.contains("inputs: (storage_gb: 125.0)"), "{saved}");
    // A node without inputs saves none: version 1 files stay as they were.
    let plain = text.replace(", inputs: (storage_gb: 125.0)", "");
    let doc = serverless_atlas::architecture::load_str(&catalog, "table.ron", &plain).unwrap();
    let saved = serverless_atlas::architecture::to_ron_string(&doc).unwrap();
    assert!(!saved.contains("inputs"), "{saved}");
}
