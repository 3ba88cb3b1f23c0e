//! The `check`, `cost` and `open` subcommands, run as the built binary.

mod common;
use common::{atlas as run, stderr, stdout};

use std::path::{Path, PathBuf};

fn examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

/// A copy of an example with one replacement, in a temporary directory.
fn variant(dir: &Path, example: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example),
    )
    .unwrap();
    assert!(text.contains(from), "{example} has no {from}");
    let path = dir.join(format!("variant-{example}"));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn check_passes_every_example() {
    let files = examples();
    assert!(files.len() >= 6);
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(String::as_str))
        .collect();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for file in &files {
        assert!(text.contains(&format!("{file}: ok (")), "{text}");
    }
}

#[test]
fn check_exits_1_and_lists_the_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = variant(
        dir.path(),
        "http-api.ron",
        "memory_mb: 512.0",
        "memory_mb: 20480.0",
    );
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: error: node 3 \"Read items\": memory 20480 MB is above AWS Lambda's maximum of 10240 MB\n",
            path.display()
        )
    );
}

#[test]
fn check_prints_warnings_but_passes() {
    let dir = tempfile::tempdir().unwrap();
    // A table from another provider is worth a warning, not an error.
    let path = variant(
        dir.path(),
        "http-api.ron",
        "\"aws-dynamodb\"",
        "\"azure-cosmos-db\"",
    );
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{0}: warning: node 5 \"Items table\": Azure Cosmos DB (change feed) is from Microsoft Azure, not Amazon Web Services (the target platform's provider)\n\
             {0}: ok (5 nodes, 5 edges, 1 warning)\n",
            path.display()
        )
    );

    // On Google Cloud the AWS services are foreign (warnings), and Cloud
    // Run functions has no stream trigger for Kinesis (an error).
    let path = variant(
        dir.path(),
        "iot-telemetry.ron",
        "\"aws-lambda\"",
        "\"google-cloud-run-functions\"",
    );
    let output = run(&["check", path.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(text.contains(": warning: node 2 \"IoT Core\": AWS IoT Core is from Amazon Web Services, not Google Cloud"), "{text}");
    assert!(
        text.contains(": error: edge 3 \"Telemetry stream\" -> \"Decode and enrich\": "),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn check_exits_2_with_the_position_of_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&examples()[1]).unwrap();
    let cut = dir.path().join("cut.ron");
    std::fs::write(&cut, &text[..text.len() / 3]).unwrap();
    let output = run(&["check", &examples()[0], cut.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    let prefix = format!("error: {}:", cut.display());
    assert!(error.starts_with(&prefix), "{error}");
    // file:line:column: message
    let position: Vec<&str> = error[prefix.len()..].splitn(3, ':').collect();
    assert!(
        position[0].parse::<usize>().is_ok() && position[1].parse::<usize>().is_ok(),
        "{error}"
    );
    assert_eq!(error.lines().count(), 1, "{error}");

    let missing = run(&["check", "no/such/file.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).starts_with("error: no/such/file.ron: "),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn check_exits_2_for_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = variant(dir.path(), "hybrid.ron", "version: 1,", "version: 3,");
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}:2:14: unsupported version 3 (this build reads version 1)\n",
            path.display()
        )
    );
}

fn cost_json(file: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["cost", file, "--format", "json"];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("cost prints a JSON array")
}

#[test]
fn cost_json_has_one_object_per_provider() {
    let ports = cost_json("examples/http-api.ron", &[]);
    let mut providers: Vec<&str> = ports
        .iter()
        .map(|p| p["provider"].as_str().unwrap())
        .collect();
    providers.sort_unstable();
    assert_eq!(
        providers,
        vec!["aws", "azure", "cloudflare", "gcp", "ibm", "self-hosted"]
    );
    for port in &ports {
        for key in ["provider", "platform", "components", "gaps", "unpriced"] {
            assert!(!port[key].is_null(), "{key} missing in {port}");
        }
        // A total is a number or, when nothing is priced, null: never absent.
        assert!(
            port.get("total_usd").is_some(),
            "total_usd missing in {port}"
        );
        assert!(port["complete"].is_boolean(), "{port}");
    }
    // Complete providers rank first, by total; then the partial ones.
    let first_partial = ports
        .iter()
        .position(|p| p["complete"] == false)
        .unwrap_or(ports.len());
    assert!(
        ports[first_partial..]
            .iter()
            .all(|p| p["complete"] == false)
    );
    let by_id = |id: &str| ports.iter().find(|p| p["provider"] == id).unwrap();
    let ibm = by_id("ibm");
    assert!(
        ibm["total_usd"].is_null(),
        "nothing is priced on IBM: {ibm}"
    );
    assert_eq!(ibm["unpriced"].as_array().unwrap().len(), 4);
    let aws = by_id("aws");
    assert_eq!(aws["platform"], "aws-lambda");
    assert_eq!(aws["total_usd"], 7.15);
    assert_eq!(aws["complete"], true);
    assert!(aws["unpriced"].as_array().unwrap().is_empty());
    assert_eq!(aws["components"].as_array().unwrap().len(), 4);
    // 5M gateway requests at $1.00 per 1M: the 12-month free tier is off.
    assert_eq!(aws["components"][0]["usd"], 5.0);
    // The home provider is complete and cheapest, so it ranks first.
    assert_eq!(ports[0]["provider"], "aws");
    assert_eq!(aws["components"][0]["events_per_month"], 5_000_000.0);
    let cloudflare = by_id("cloudflare");
    assert_eq!(
        cloudflare["gaps"][0]["message"],
        "node 2 \"HTTP API\": no API gateway service on Cloudflare for Amazon API Gateway (HTTP API)"
    );
}

#[test]
fn cost_csv_parses_and_carries_each_providers_total() {
    for file in examples() {
        let ports = cost_json(&file, &[]);
        let output = run(&["cost", &file, "--format", "csv"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            headers,
            [
                "provider",
                "component",
                "meter",
                "quantity",
                "unit",
                "unit_price_usd",
                "usd"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for port in &ports {
            let provider = port["provider"].as_str().unwrap();
            let total = rows
                .iter()
                .find(|r| &r[0] == provider && r[2].starts_with("total"))
                .unwrap_or_else(|| panic!("{file}: no total row for {provider}"));
            // A partial total says so in its label; an unknown one is empty.
            if port["complete"] == true {
                assert_eq!(&total[2], "total", "{file} {provider}");
            } else {
                assert!(
                    total[2].starts_with("total, lower bound: "),
                    "{file} {provider}: {:?}",
                    total
                );
            }
            let Some(expected) = port["total_usd"].as_f64() else {
                assert_eq!(&total[6], "", "{file} {provider}: unknown is not 0");
                continue;
            };
            assert_eq!(
                total[6].parse::<f64>().unwrap(),
                expected,
                "{file} {provider}"
            );
            // Component totals add up to the provider's total.
            let parts: f64 = rows
                .iter()
                .filter(|r| &r[0] == provider && &r[2] == "component total")
                .map(|r| r[6].parse::<f64>().unwrap())
                .sum();
            assert!(
                (parts - expected).abs() < 0.005,
                "{file} {provider}: {parts} vs {expected}"
            );
        }
    }
}

#[test]
fn cost_filters_by_platform_or_provider_and_switches_the_free_tier() {
    let both = cost_json(
        "examples/upload-pipeline.ron",
        &["--platforms", "aws,azure-functions"],
    );
    let mut providers: Vec<&str> = both
        .iter()
        .map(|p| p["provider"].as_str().unwrap())
        .collect();
    providers.sort_unstable();
    assert_eq!(providers, vec!["aws", "azure"]);
    let aws = both.iter().find(|p| p["provider"] == "aws").unwrap();
    let free = aws["total_usd"].as_f64().unwrap();
    let paid = cost_json(
        "examples/upload-pipeline.ron",
        &["--platforms", "aws", "--no-free-tier"],
    );
    assert_eq!(paid.len(), 1);
    assert!(paid[0]["total_usd"].as_f64().unwrap() > free);
    assert_eq!(paid[0]["free_tier"], false);
}

#[test]
fn cost_table_and_markdown_show_totals_and_gaps() {
    let table = run(&["cost", "examples/edge-site.ron"]);
    assert_eq!(table.status.code(), Some(0));
    let text = stdout(&table);
    assert!(text.starts_with("PROVIDER"), "{text}");
    assert!(text.contains("$45.20"), "{text}");
    assert!(
        text.contains(
            "gap: node 3 \"Rewrite and auth\": no edge function platform on Microsoft Azure"
        ),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cost.md");
    let markdown = run(&[
        "cost",
        "examples/edge-site.ron",
        "--format",
        "markdown",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(markdown.status.code(), Some(0), "{}", stderr(&markdown));
    assert!(stdout(&markdown).is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("# Edge site: monthly cost by provider"),
        "{text}"
    );
    assert!(
        text.contains("| Amazon Web Services | `aws-lambda` | $45.20 | 0 |"),
        "{text}"
    );
    assert!(text.contains("Gaps:"), "{text}");
}

#[test]
fn cost_refuses_unknown_platforms_and_bad_files() {
    let output = run(&["cost", "examples/http-api.ron", "--platforms", "aws,nope"]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(
        error.starts_with("error: unknown platform `nope`; valid ids: aws, aws-lambda, azure"),
        "{error}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = variant(
        dir.path(),
        "http-api.ron",
        "kind: Function(",
        "kind: Lambda(",
    );
    let output = run(&["cost", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(
        error.starts_with(&format!("error: {}:23:", path.display())),
        "{error}"
    );
    assert!(error.contains("Lambda"), "{error}");
}

#[cfg(not(feature = "gui"))]
#[test]
fn open_needs_the_window() {
    let output = run(&["open", "examples/http-api.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: this build has no window"),
        "{}",
        stderr(&output)
    );
}

#[cfg(feature = "gui")]
#[test]
fn open_refuses_a_missing_file_before_any_window_opens() {
    let output = run(&["open", "no/such/architecture.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: no/such/architecture.ron: no such file"
    );
}
