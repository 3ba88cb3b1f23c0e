//! `serverless-atlas catalog ...` run as a user would: the built binary,
//! its stdout, stderr and exit code.

mod common;
use common::{atlas, builtin, copy_catalog, edit, ok, stderr, stdout};

use serde_json::Value;

/// The whitespace-separated cells of the first table row whose first cell is `id`.
fn row<'a>(table: &'a str, id: &str) -> Vec<&'a str> {
    table
        .lines()
        .find(|line| line.split_whitespace().next() == Some(id))
        .unwrap_or_else(|| panic!("no row for {id} in:\n{table}"))
        .split_whitespace()
        .collect()
}

#[test]
fn platforms_table_has_a_header_and_known_rows() {
    let table = ok(&["catalog", "platforms"]);
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID", "NAME", "VENDOR", "KIND", "STATUS", "FIRST", "SEEN", "TRIGGERS"
        ]
    );
    let lambda = row(&table, "aws-lambda");
    assert!(
        lambda.windows(2).any(|w| w == ["AWS", "Lambda"]),
        "{lambda:?}"
    );
    assert!(lambda.contains(&"hosted") && lambda.contains(&"active"));
    // The last column counts the platform's triggers.
    let catalog = builtin();
    let triggers = catalog.platform("aws-lambda").unwrap().triggers.len();
    assert_eq!(lambda.last(), Some(&triggers.to_string().as_str()));
    let ibm = row(&table, "ibm-cloud-functions");
    assert!(ibm.contains(&"retired"), "{ibm:?}");
    // One row per platform, plus the header.
    assert_eq!(table.lines().count(), catalog.platforms.len() + 1);
}

#[test]
fn triggers_services_and_frameworks_tables() {
    let catalog = builtin();
    let triggers = ok(&["catalog", "triggers"]);
    assert!(triggers.starts_with("ID"), "{triggers}");
    let http = row(&triggers, "http-request");
    assert!(
        http.contains(&"Request") && http.contains(&"sync"),
        "{http:?}"
    );
    assert_eq!(triggers.lines().count(), catalog.triggers.len() + 1);

    let services = ok(&["catalog", "services"]);
    assert!(services.starts_with("ID"), "{services}");
    let s3 = row(&services, "aws-s3");
    assert!(
        s3.contains(&"aws") && s3.contains(&"storage-object"),
        "{s3:?}"
    );
    assert_eq!(services.lines().count(), catalog.services.len() + 1);

    let frameworks = ok(&["catalog", "frameworks"]);
    assert!(frameworks.starts_with("ID"), "{frameworks}");
    let sls = row(&frameworks, "serverless-framework");
    assert!(
        sls.contains(&"Serverless") && sls.contains(&"aws,"),
        "{sls:?}"
    );
    assert_eq!(frameworks.lines().count(), catalog.frameworks.len() + 1);
}

/// `catalog <list> --format json`: an array of objects with at least id and name.
fn json_list(kind: &str) -> Vec<Value> {
    let text = ok(&["catalog", kind, "--format", "json"]);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    let items = value.as_array().expect("an array").clone();
    for item in &items {
        let object = item.as_object().expect("objects");
        assert!(
            object["id"].as_str().is_some_and(|s| !s.is_empty()),
            "{item}"
        );
        assert!(
            object["name"].as_str().is_some_and(|s| !s.is_empty()),
            "{item}"
        );
    }
    items
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn lists_as_json_match_the_catalog() {
    let catalog = builtin();
    let platforms = json_list("platforms");
    assert_eq!(
        ids(&platforms),
        catalog
            .platforms
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    );
    // Entries carry their fields, not just id and name.
    let lambda = platforms.iter().find(|p| p["id"] == "aws-lambda").unwrap();
    assert_eq!(lambda["limits"]["max_timeout_s"], 900.0);
    assert_eq!(lambda["status"], "Active");
    assert_eq!(lambda["price_sheets"][0], "aws-lambda");

    assert_eq!(json_list("triggers").len(), catalog.triggers.len());
    assert_eq!(json_list("services").len(), catalog.services.len());
    let frameworks = json_list("frameworks");
    assert_eq!(frameworks.len(), catalog.frameworks.len());
    assert!(ids(&frameworks).contains(&"zappa".to_owned()));
}

#[test]
fn show_a_platform_as_text() {
    let text = ok(&["catalog", "show", "aws-lambda"]);
    assert!(text.starts_with("AWS Lambda (aws-lambda)\n"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Max timeout:") && l.ends_with("900 s")),
        "{text}"
    );
    assert!(text.contains("Triggers:"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("storage-object")
                && l.contains("S3 event notifications")),
        "{text}"
    );
    assert!(text.contains("Sources:"), "{text}");
    assert!(text.contains("Price sheets:     aws-lambda"), "{text}");
}

#[test]
fn show_a_platform_as_json() {
    let text = ok(&["catalog", "show", "aws-lambda", "--format", "json"]);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["entry"], "platform");
    assert_eq!(value["id"], "aws-lambda");
    assert_eq!(value["name"], "AWS Lambda");
    assert_eq!(value["limits"]["max_timeout_s"], 900.0);
    let triggers = value["triggers"].as_array().unwrap();
    assert_eq!(
        triggers.len(),
        builtin().platform("aws-lambda").unwrap().triggers.len()
    );
    assert!(
        triggers
            .iter()
            .any(|t| t["trigger"] == "storage-object" && t["service"] == "S3 event notifications")
    );
}

#[test]
fn show_other_kinds_of_entry() {
    for (id, entry) in [
        ("http-request", "trigger"),
        ("aws-s3", "service"),
        ("zappa", "framework"),
        ("gcp", "provider"),
        ("azure-functions-flex", "price_sheet"),
    ] {
        let text = ok(&["catalog", "show", id, "--format", "json"]);
        let value: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["entry"], entry, "{id}");
        assert_eq!(value["id"], id);
        let table = ok(&["catalog", "show", id]);
        assert!(
            table.lines().next().unwrap().ends_with(&format!("({id})")),
            "{table}"
        );
    }
}

#[test]
fn show_an_unknown_id_exits_2_with_one_line() {
    for format in ["table", "json"] {
        let output = atlas(&["catalog", "show", "nope", "--format", format]);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains("`nope`"), "{err}");
    }
}

#[test]
fn check_the_builtin_catalog() {
    let catalog = builtin();
    let text = ok(&["catalog", "check"]);
    assert!(text.starts_with("catalog ok:"), "{text}");
    assert!(
        text.contains(&format!("{} platforms", catalog.platforms.len())),
        "{text}"
    );
    assert!(
        text.contains(&format!("{} price sheets", catalog.price_sheets.len())),
        "{text}"
    );
}

#[test]
fn check_a_good_directory() {
    let dir = copy_catalog();
    let text = ok(&["catalog", "check", dir.path().to_str().unwrap()]);
    assert!(text.starts_with("catalog ok:"), "{text}");
}

#[test]
fn check_a_broken_directory_exits_2_naming_file_line_column() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "        kind: Hosted,",
        "        kind: @Hosted,",
    );
    let output = atlas(&["catalog", "check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    let file = dir.path().join("platforms.ron").display().to_string();
    // aws-lambda's kind is on line 13; `@` is at column 15.
    assert!(err.starts_with(&format!("error: {file}:13:15: ")), "{err}");
}

#[test]
fn check_a_dangling_reference_names_file_entry_and_missing_id() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "(trigger: \"queue\",",
        "(trigger: \"no-such-trigger\",",
    );
    let output = atlas(&["catalog", "check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("platforms.ron:9"), "{err}");
    assert!(
        err.contains("aws-lambda") && err.contains("no-such-trigger"),
        "{err}"
    );
}

#[test]
fn check_uses_the_global_catalog_flag() {
    let dir = copy_catalog();
    std::fs::remove_file(dir.path().join("triggers.ron")).unwrap();
    let output = atlas(&[
        "--catalog",
        dir.path().to_str().unwrap(),
        "catalog",
        "check",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("triggers.ron"), "{err}");
}

#[test]
fn the_global_catalog_flag_changes_what_other_subcommands_see() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "name: \"AWS Lambda\",",
        "name: \"AWS Lambda From A Copy\",",
    );
    let path = dir.path().to_str().unwrap();
    // Before or after the subcommand: the flag is global.
    let before = ok(&["--catalog", path, "catalog", "show", "aws-lambda"]);
    assert!(
        before.starts_with("AWS Lambda From A Copy (aws-lambda)"),
        "{before}"
    );
    let after = ok(&["catalog", "platforms", "--catalog", path]);
    assert!(after.contains("AWS Lambda From A Copy"), "{after}");
    let builtin = ok(&["catalog", "platforms"]);
    assert!(!builtin.contains("From A Copy"));

    // A price change in the copy reaches the cost commands too.
    edit(
        dir.path(),
        "pricing/aws-lambda.ron",
        "tiers: [(usd: 0.20)],",
        "tiers: [(usd: 0.40)],",
    );
    let json = ok(&[
        "--catalog",
        path,
        "price",
        "--platform",
        "aws-lambda",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "1536",
        "--format",
        "json",
    ]);
    let value: Value = serde_json::from_str(&json).unwrap();
    // 2M billable requests at $0.40 instead of $0.20.
    assert_eq!(value["total_usd"], 3.13);
}

#[test]
fn a_broken_global_catalog_fails_every_subcommand_with_2() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "frameworks.ron",
        "id: \"kappa\"",
        "id: \"aws-lambda\"",
    );
    let output = atlas(&[
        "--catalog",
        dir.path().to_str().unwrap(),
        "catalog",
        "triggers",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(err.contains("duplicate id `aws-lambda`"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["catalog", "bogus"][..],
        &["bogus"],
        &["catalog", "platforms", "--bogus"],
        &["catalog", "platforms", "--format", "xml"],
        &["catalog", "show"],
        &["catalog", "check", "a", "b"],
    ] {
        let output = atlas(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let err = stderr(&output);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let help = ok(&["catalog", "--help"]);
    for sub in [
        "platforms",
        "triggers",
        "services",
        "frameworks",
        "show",
        "check",
    ] {
        assert!(help.contains(sub), "{help}");
    }
    let version = ok(&["--version"]);
    assert!(version.starts_with("serverless-atlas "), "{version}");
}
