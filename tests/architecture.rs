//! Architecture files end to end with the shipped catalog: the examples
//! round-trip, validate and price; load propagates by hand-checked
//! arithmetic; bad files fail with the right error at the right place;
//! portability maps and names gaps; the connect check refuses with reasons.

use serverless_atlas::architecture::{
    self, Architecture, DocumentError, Edge, EdgeId, EdgeKind, Load, NodeId, NodeKind, Severity,
    connection, examples, load_file, load_str, parse_str, portability, price, propagate, save_file,
    synthetic, to_ron_string, validate,
};
use serverless_atlas::catalog::Catalog;
use serverless_atlas::cost::PricingOptions;

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

fn example(name: &str) -> Architecture {
    examples()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name == name)
        .unwrap_or_else(|| panic!("example {name} exists and parses"))
        .doc
}

#[test]
fn there_are_at_least_six_examples_and_the_default_is_one() {
    let names: Vec<&str> = architecture::examples::example_texts()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    for wanted in [
        "edge-site.ron",
        "http-api.ron",
        "hybrid.ron",
        "iot-telemetry.ron",
        "operations-glue.ron",
        "upload-pipeline.ron",
    ] {
        assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
    }
    assert_eq!(
        architecture::default_example().unwrap().file_name,
        architecture::DEFAULT_EXAMPLE
    );
}

#[test]
fn examples_are_stored_in_canonical_form_and_round_trip() {
    let catalog = catalog();
    for (name, text) in architecture::examples::example_texts() {
        let doc = load_str(&catalog, name, text).unwrap_or_else(|e| panic!("{e}"));
        let saved = to_ron_string(&doc).unwrap();
        // The file is exactly what saving it writes, so opening and saving
        // an example changes nothing.
        assert_eq!(&saved, text, "{name} is not in canonical form");
        assert_eq!(
            to_ron_string(&doc).unwrap(),
            saved,
            "{name}: saving twice differs"
        );
        let again = load_str(&catalog, name, &saved).unwrap();
        assert_eq!(again, doc, "{name}: load -> save -> load differs");
    }
}

#[test]
fn saving_through_a_file_gives_identical_bytes() {
    let catalog = catalog();
    let dir = tempfile::tempdir().unwrap();
    for example in examples().into_iter().map(Result::unwrap) {
        let first = dir.path().join(format!("a-{}", example.file_name));
        let second = dir.path().join(format!("b-{}", example.file_name));
        save_file(&first, &example.doc).unwrap();
        let reloaded = load_file(&catalog, &first).unwrap();
        assert_eq!(reloaded, example.doc);
        save_file(&second, &reloaded).unwrap();
        assert_eq!(
            std::fs::read(&first).unwrap(),
            std::fs::read(&second).unwrap()
        );
    }
    // Only the saved files are left: no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 12);
}

#[test]
fn a_failed_save_keeps_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.ron");
    let doc = example("http-api.ron");
    save_file(&path, &doc).unwrap();
    let before = std::fs::read(&path).unwrap();
    let bad = dir.path().join("missing-dir").join("keep.ron");
    let error = save_file(&bad, &doc).unwrap_err();
    assert!(matches!(error, DocumentError::Save { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn every_example_validates_without_errors_and_prices_on_its_target() {
    let catalog = catalog();
    for example in examples().into_iter().map(Result::unwrap) {
        let problems = validate(&catalog, &example.doc);
        let errors: Vec<String> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", example.file_name);
        assert_eq!(example.doc.target_platform, "aws-lambda");
        let quote = price(&catalog, &example.doc, PricingOptions::default());
        assert!(
            quote.feasible,
            "{}: {:?}",
            example.file_name, quote.components
        );
        let total = quote.total_usd.unwrap_or(0.0);
        assert!(total > 0.0, "{} costs nothing", example.file_name);
        let parts: f64 = quote.components.iter().filter_map(|c| c.usd).sum();
        assert!(
            (parts - total).abs() < 0.005,
            "{}: {parts} vs {total}",
            example.file_name,
        );
    }
}

#[test]
fn example_totals_on_aws_lambda() {
    // The reference figures quoted in the README, with free tiers applied
    // (12-month ones excluded). Every component is priced except the
    // IoT example's Timestream store, whose total is a lower bound.
    // http-api by hand: gateway 5M x $1.00 = $5.00; Lambda 4M paid requests
    // = $0.80 (duration within the free tier); DynamoDB 6M operations at the
    // sheet's 80% reads: 1.2M WRU x $0.625 + 4.8M RRU x $0.125 = $1.35.
    let catalog = catalog();
    let totals: Vec<(&str, Option<f64>, bool)> = examples()
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let quote = price(&catalog, &e.doc, PricingOptions::default());
            (e.file_name, quote.total_usd, quote.complete)
        })
        .collect();
    assert_eq!(
        totals,
        vec![
            ("edge-site.ron", Some(45.2), true),
            ("http-api.ron", Some(7.15), true),
            ("hybrid.ron", Some(116.78), true),
            ("iot-telemetry.ron", Some(619.23), false),
            ("operations-glue.ron", Some(474.54), true),
            ("upload-pipeline.ron", Some(19.28), true),
        ]
    );
}

#[test]
fn the_edge_site_prices_its_edge_function_on_lambda_at_edge() {
    let catalog = catalog();
    let quote = price(
        &catalog,
        &example("edge-site.ron"),
        PricingOptions::default(),
    );
    let edge = quote.component(NodeId(3)).unwrap();
    assert_eq!(edge.sheet.as_deref(), Some("aws-lambda-edge"));
    // 30M requests at $0.60 per 1M; 30M x 0.125 GB x 5 ms = 18,750 GB-s at $0.00005001.
    assert_eq!(edge.usd, Some(18.94));
    assert_eq!(edge.events_per_month, 30_000_000.0);
}

/// 1M requests -> gateway -> function (fraction 0.5) -> queue (fan-out 3)
/// -> function (batch 10).
#[test]
fn load_propagates_as_computed_by_hand() {
    let catalog = catalog();
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
    for (from, to) in [(1, 2), (2, 3), (3, 4), (4, 5)] {
        doc.add_edge(&catalog, NodeId(from), NodeId(to)).unwrap();
    }
    doc.edge_mut(EdgeId(2)).unwrap().fraction = 0.5;
    doc.edge_mut(EdgeId(3)).unwrap().fan_out = 3.0;
    doc.edge_mut(EdgeId(4)).unwrap().batch_size = 10.0;
    assert_eq!(
        doc.edge(EdgeId(4)).unwrap().trigger.as_deref(),
        Some("queue")
    );

    let flow = propagate(&doc);
    let rates: Vec<f64> = (1..=5)
        .map(|id| flow.events_per_month(NodeId(id)))
        .collect();
    assert_eq!(
        rates,
        vec![1_000_000.0, 1_000_000.0, 500_000.0, 1_500_000.0, 150_000.0]
    );
    assert!(
        validate(&catalog, &doc).is_empty(),
        "{:?}",
        validate(&catalog, &doc)
    );

    // Priced without free tiers: the gateway's 1M requests are $1.00; the
    // two functions share one Lambda bill for 650,000 requests ($0.13) and
    // 650,000 x 0.5 GB x 0.1 s = 32,500 GB-s ($0.54); the queue's 1.5M
    // messages are 1.5M SQS requests at $0.40 per 1M ($0.60).
    let quote = price(
        &catalog,
        &doc,
        PricingOptions {
            free_tier: false,
            ..PricingOptions::default()
        },
    );
    assert_eq!(quote.component(NodeId(2)).unwrap().usd, Some(1.0));
    let lambda = quote
        .bills
        .iter()
        .find(|b| b.sheet == "aws-lambda")
        .unwrap();
    assert_eq!(lambda.total_usd, 0.67);
    assert_eq!(quote.component(NodeId(4)).unwrap().usd, Some(0.6));
    assert_eq!(quote.total_usd, Some(2.27));
    assert!(quote.complete);
}

#[test]
fn a_cycle_is_reported_and_propagation_terminates() {
    let catalog = catalog();
    let mut doc = example("upload-pipeline.ron");
    // Index images writes back into the jobs queue it drains.
    let back = doc.next_edge_id();
    doc.edges.push(Edge::new(
        back,
        NodeId(5),
        NodeId(4),
        EdgeKind::DataFlow,
        None,
    ));
    let flow = propagate(&doc);
    assert_eq!(flow.cycles, vec![vec![NodeId(4), NodeId(5)]]);
    assert_eq!(flow.cut_edges, vec![back]);
    // Nothing is multiplied around the loop: 1M uploads x 3 jobs, in batches of 10.
    assert_eq!(flow.events_per_month(NodeId(4)), 3_000_000.0);
    assert_eq!(flow.events_per_month(NodeId(5)), 300_000.0);
    let cycles: Vec<String> = validate(&catalog, &doc)
        .iter()
        .filter(|p| p.message.starts_with("cycle"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        cycles,
        vec![
            "error: node 4 \"Jobs queue\": cycle through \"Jobs queue\", \"Index images\": the edge closing it carries no load, so costs along it are understated"
        ]
    );
}

/// The line (1-based) of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn corrupt_files_fail_with_the_position() {
    let text = architecture::examples::example_texts()[1].1; // http-api.ron
    let corrupt = text.replacen("kind: DataFlow,", "kind: DataFlow,,", 1);
    let error = parse_str("corrupt.ron", &corrupt).unwrap_err();
    let line = line_of(&corrupt, "DataFlow,,");
    match &error {
        DocumentError::Syntax {
            file,
            line: at,
            column,
            ..
        } => {
            assert_eq!((file.as_str(), *at), ("corrupt.ron", line));
            assert!(*column > 1);
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    assert!(
        error
            .to_string()
            .starts_with(&format!("corrupt.ron:{line}:")),
        "{error}"
    );
}

#[test]
fn truncated_files_fail_at_the_end() {
    let text = architecture::examples::example_texts()[1].1;
    let cut = &text[..text.len() / 2];
    let error = parse_str("cut.ron", cut).unwrap_err();
    let DocumentError::Syntax { line, .. } = error else {
        panic!("expected a syntax error, got {error}");
    };
    assert!(line >= cut.lines().count() - 1, "line {line}");
    // An empty file too.
    assert!(matches!(
        parse_str("empty.ron", ""),
        Err(DocumentError::Syntax { line: 1, .. })
    ));
}

#[test]
fn a_newer_version_is_refused_with_its_position() {
    let text =
        architecture::examples::example_texts()[1]
            .1
            .replacen("version: 1,", "version: 2,", 1);
    let error = parse_str("future.ron", &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "future.ron:2:14: unsupported version 2 (this build reads version 1)"
    );
    assert!(matches!(
        error,
        DocumentError::UnsupportedVersion {
            found: 2,
            line: 2,
            column: 14,
            ..
        }
    ));
}

#[test]
fn an_unknown_node_kind_is_a_syntax_error_naming_it() {
    let text = architecture::examples::example_texts()[1].1.replacen(
        "kind: Function(",
        "kind: Lambda(",
        1,
    );
    let error = parse_str("kind.ron", &text).unwrap_err();
    let line = line_of(&text, "kind: Lambda(");
    let message = error.to_string();
    assert!(
        matches!(error, DocumentError::Syntax { line: l, .. } if l == line),
        "{message}"
    );
    assert!(message.contains("Lambda"), "{message}");
}

#[test]
fn an_unknown_service_names_the_node_and_its_line() {
    let catalog = catalog();
    let text = architecture::examples::example_texts()[1]
        .1
        .replacen("aws-dynamodb", "aws-s4", 1);
    let error = load_str(&catalog, "svc.ron", &text).unwrap_err();
    // Node 5 ("Items table") starts at its `id: 5` line.
    let nodes_start = line_of(&text, "nodes:");
    let id_line = text
        .lines()
        .enumerate()
        .skip(nodes_start)
        .find(|(_, l)| l.trim() == "id: 5,")
        .unwrap()
        .0
        + 1;
    assert_eq!(
        error.to_string(),
        format!("svc.ron:{id_line}: node 5 \"Items table\": unknown service `aws-s4`")
    );
    assert!(matches!(error, DocumentError::Invalid { .. }));
}

#[test]
fn unknown_platforms_and_triggers_are_refused_too() {
    let catalog = catalog();
    let text = architecture::examples::example_texts()[0].1.replacen(
        "aws-lambda-edge",
        "aws-lambda-edgy",
        1,
    );
    let error = load_str(&catalog, "e.ron", &text).unwrap_err().to_string();
    assert!(
        error.ends_with("node 3 \"Rewrite and auth\": unknown platform `aws-lambda-edgy`"),
        "{error}"
    );
    let text = architecture::examples::example_texts()[0].1.replacen(
        "trigger: \"edge-request\"",
        "trigger: \"edge-requests\"",
        1,
    );
    let error = load_str(&catalog, "e.ron", &text).unwrap_err().to_string();
    assert!(
        error.ends_with("edge 2: unknown trigger `edge-requests`"),
        "{error}"
    );
}

#[test]
fn an_unreadable_file_says_so() {
    let catalog = catalog();
    let error = load_file(&catalog, std::path::Path::new("/nonexistent/arch.ron")).unwrap_err();
    assert!(matches!(error, DocumentError::Unreadable { .. }), "{error}");
    assert!(
        error.to_string().starts_with("/nonexistent/arch.ron: "),
        "{error}"
    );
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, b"(version: 1, name: \"\xff\")").unwrap();
    let error = load_file(&catalog, &binary).unwrap_err();
    assert!(
        error.to_string().ends_with(":1:21: not UTF-8 text"),
        "{error}"
    );
}

#[test]
fn no_prefix_or_corruption_of_an_example_panics() {
    for (name, text) in architecture::examples::example_texts() {
        let mut valid_prefixes = 0;
        for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if parse_str(name, &text[..end]).is_ok() {
                valid_prefixes += 1;
            }
        }
        // Only the whole file (and the file without its final newline) is a document.
        assert_eq!(valid_prefixes, 2, "{name}");
        // Replace every 7th character with each of a few troublesome ones.
        for bad in ['(', ')', '"', ':', '9', '-', '\u{e9}'] {
            let corrupted: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| if i % 7 == 3 { bad } else { c })
                .collect();
            assert!(parse_str(name, &corrupted).is_err());
        }
    }
}

#[test]
fn portability_maps_a_kinesis_stream_to_event_hubs_and_names_missing_roles() {
    let catalog = catalog();
    let doc = example("iot-telemetry.ron");
    let ports = portability(&catalog, &doc, PricingOptions::default());
    let azure = ports.iter().find(|p| p.provider == "azure").unwrap();
    assert_eq!(azure.platform, "azure-functions");
    let stream = azure.nodes.iter().find(|n| n.node == NodeId(3)).unwrap();
    assert_eq!(stream.from, "aws-kinesis-data-streams");
    assert_eq!(stream.to.as_deref(), Some("azure-event-hubs"));
    let trigger = azure.edges.iter().find(|e| e.edge == EdgeId(3)).unwrap();
    assert_eq!(trigger.to_trigger.as_deref(), Some("stream"));
    assert!(azure.price.total_usd.is_some_and(|t| t > 0.0));

    let aws = ports.iter().find(|p| p.provider == "aws").unwrap();
    assert!(aws.home && aws.gaps.is_empty());
    assert_eq!(aws.price, price(&catalog, &doc, PricingOptions::default()));

    let cloudflare = ports.iter().find(|p| p.provider == "cloudflare").unwrap();
    let messages: Vec<&str> = cloudflare.gaps.iter().map(|g| g.message.as_str()).collect();
    assert!(
        messages.contains(&"node 3 \"Telemetry stream\": no Stream service on Cloudflare for Amazon Kinesis Data Streams"),
        "{messages:?}"
    );
    assert!(!cloudflare.price.feasible);
}

#[test]
fn edge_functions_port_to_edge_platforms_only() {
    let catalog = catalog();
    let ports = portability(
        &catalog,
        &example("edge-site.ron"),
        PricingOptions::default(),
    );
    let cloudflare = ports.iter().find(|p| p.provider == "cloudflare").unwrap();
    let edge = cloudflare
        .nodes
        .iter()
        .find(|n| n.node == NodeId(3))
        .unwrap();
    assert_eq!(edge.to.as_deref(), Some("cloudflare-workers"));
    let gcp = ports.iter().find(|p| p.provider == "gcp").unwrap();
    assert_eq!(
        gcp.gaps[0].message,
        "node 3 \"Rewrite and auth\": no edge function platform on Google Cloud"
    );
}

#[test]
fn connecting_refuses_an_invalid_pair_with_the_reason() {
    let catalog = catalog();
    let mut doc = Architecture::new_empty("cloudflare-workers");
    let queue = doc.add_node("Orders", (0.0, 0.0), NodeKind::service("aws-sqs"));
    let worker = doc.add_node("Worker", (220.0, 0.0), NodeKind::function());
    let cf_queue = doc.add_node(
        "CF queue",
        (0.0, 120.0),
        NodeKind::service("cloudflare-queues"),
    );
    let error = connection(&catalog, &doc, queue, worker).unwrap_err();
    assert_eq!(
        error,
        "Amazon SQS cannot trigger functions on Cloudflare Workers: Cloudflare Workers has no queue trigger for it"
    );
    assert!(doc.add_edge(&catalog, queue, worker).is_err());
    assert!(doc.edges.is_empty(), "a refused connection creates nothing");
    let edge = doc.add_edge(&catalog, cf_queue, worker).unwrap();
    assert_eq!(doc.edge(edge).unwrap().trigger.as_deref(), Some("queue"));
    // The same pair on AWS Lambda is fine.
    doc.target_platform = "aws-lambda".into();
    assert!(connection(&catalog, &doc, queue, worker).is_ok());
}

#[test]
fn a_retired_target_is_an_error_naming_its_successor() {
    let catalog = catalog();
    let mut doc = example("http-api.ron");
    doc.target_platform = "ibm-cloud-functions".into();
    let problems = validate(&catalog, &doc);
    let first = problems[0].to_string();
    assert!(first.starts_with("error: target platform "), "{first}");
    assert!(first.contains("retired; shut down "), "{first}");
    assert!(first.ends_with("successor ibm-code-engine"), "{first}");
}

#[test]
fn a_thousand_generated_nodes_are_valid_and_priced_everywhere() {
    let catalog = catalog();
    let doc = synthetic::synthetic(100);
    assert_eq!((doc.nodes.len(), doc.edges.len()), (1000, 1500));
    let text = to_ron_string(&doc).unwrap();
    let loaded = load_str(&catalog, "generated.ron", &text).unwrap();
    assert_eq!(loaded, doc);
    assert_eq!(validate(&catalog, &loaded), Vec::new());
    let ports = portability(&catalog, &loaded, PricingOptions::default());
    assert!(ports.len() >= 5);
    let aws = ports.iter().find(|p| p.home).unwrap();
    assert!(aws.price.feasible && aws.price.total_usd.is_some_and(|t| t > 0.0));
}

#[test]
fn a_former_catalog_id_still_loads_under_its_new_name() {
    let catalog = serverless_atlas::catalog::Catalog::builtin().unwrap();
    let text = r#"(
    version: 1,
    name: "Old names",
    target_platform: "google-cloud-functions-2nd-gen",
    nodes: [
        (id: 1, name: "Edge", position: (0.0, 0.0),
         kind: Function(platform: "zeit-now", memory_mb: 128.0, duration_ms: 10.0)),
    ],
)"#;
    let (doc, renamed) =
        serverless_atlas::architecture::load_str_reporting(&catalog, "old.ron", text).unwrap();
    assert_eq!(doc.target_platform, "google-cloud-run-functions");
    assert_eq!(
        renamed
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                "google-cloud-functions-2nd-gen",
                "google-cloud-run-functions"
            ),
            ("zeit-now", "vercel-functions"),
        ]
    );
    assert_eq!(
        renamed[1].to_string(),
        "node 1 \"Edge\": `zeit-now` is now `vercel-functions`"
    );
    // Saving writes the current ids.
    let saved = serverless_atlas::architecture::to_ron_string(&doc).unwrap();
    assert!(saved.contains("vercel-functions") && !saved.contains("zeit-now"));
}
