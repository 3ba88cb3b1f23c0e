//! Bad input from files and the command line: every case found by mutating
//! files and command lines gets one clear line and never a non-finite figure.

mod common;

use std::path::{Path, PathBuf};

use common::{atlas, copy_catalog, edit, ok, stderr, stdout};

/// Run, expect `code`, and return stderr, which must be one line.
fn fails(code: i32, args: &[&str]) -> String {
    let output = atlas(args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

fn no_non_finite(text: &str) {
    let lower = text.to_lowercase();
    for word in ["inf", "nan"] {
        assert!(
            !lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word || w == "infinity"),
            "{word} in: {text}"
        );
    }
}

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const WORKLOAD: [&str; 4] = ["--duration-ms", "100", "--memory-mb", "128"];

#[test]
fn numbers_no_provider_bills_are_refused_in_one_line() {
    let err = fails(
        2,
        &[
            "compare",
            "--requests",
            "1e308",
            "--duration-ms",
            "900000",
            "--memory-mb",
            "10240",
        ],
    );
    assert_eq!(
        err.trim(),
        "error: requests must be at most 1e15 (got 1e308)"
    );
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "1",
            "--duration-ms",
            "1",
            "--memory-mb",
            "inf",
        ],
    );
    assert!(err.contains("memory must be at most"), "{err}");
}

#[test]
fn the_largest_billable_workload_prints_finite_figures_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        let out = ok(&[
            "compare",
            "--requests",
            "1e15",
            "--duration-ms",
            "2628000000",
            "--memory-mb",
            "1048576",
            "--egress-gb",
            "1e9",
            "--format",
            format,
        ]);
        no_non_finite(&out);
        assert!(out.contains("aws-lambda"), "{out}");
        if format == "json" {
            // Unknown is never shown as zero, and a feasible total is a number.
            let quotes: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
            for quote in quotes {
                let feasible = quote["feasible"].as_bool().unwrap();
                assert_eq!(quote["total_usd"].is_f64(), feasible, "{quote}");
            }
        }
    }
}

#[test]
fn line_items_and_assumptions_read_as_sentences() {
    let out = ok(&[
        "price",
        "--platform",
        "aws-lambda",
        "--requests",
        "1000000",
        "--no-free-tier",
        "--duration-ms",
        "100",
        "--memory-mb",
        "128",
    ]);
    assert!(out.contains(" 1M requests "), "{out}");
    assert!(!out.contains("1 1M requests"), "{out}");
    let md = ok(&[
        "price",
        "--platform",
        "aws-lambda",
        "--requests",
        "1000000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "128",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("1 concurrent request per instance"), "{md}");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let cost = ok(&["cost", examples.join("http-api.ron").to_str().unwrap()]);
    assert!(
        cost.contains("Requests: 4M requests at $0.2 per 1M requests = $0.80"),
        "{cost}"
    );
    assert!(!cost.contains(" 1M requests x"), "{cost}");
}

#[test]
fn a_failed_write_to_standard_output_exits_1() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_serverless-atlas"))
        .args(["price", "--platform", "aws-lambda", "--requests", "1"])
        .args(WORKLOAD)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("could not write to standard output"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn usage_errors_are_one_line() {
    let err = fails(2, &["price", "--requests", "1"]);
    assert!(err.contains("--platform <PLATFORM>"), "{err}");
    // Function flags are optional at parse time (services share them), so
    // the workload names what it still needs, also in one line.
    let err = fails(2, &["price", "--platform", "aws-lambda", "--requests", "1"]);
    assert!(err.contains("--duration-ms is required"), "{err}");
    fails(2, &["compare", "--bogus"]);
    let err = fails(2, &["catalog"]);
    assert!(err.contains("platforms"), "{err}");
    // Help still prints in full, to stdout, with exit 0.
    let help = ok(&["price", "--help"]);
    assert!(help.contains("Usage:"), "{help}");
}

#[test]
fn platform_ids_follow_one_rule_everywhere() {
    // Surrounding spaces and a former id (alias) work for price as for compare.
    let price = ok(&[
        "price",
        "--platform",
        " google-cloud-functions-2nd-gen ",
        "--requests",
        "1000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "256",
    ]);
    assert!(price.contains("google-cloud-run-functions"), "{price}");
    let compare = ok(&[
        "compare",
        "--platforms",
        "aws-lambda, google-cloud-functions-2nd-gen",
        "--requests",
        "1000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "256",
    ]);
    assert!(compare.contains("google-cloud-run-functions"), "{compare}");
}

#[test]
fn ids_with_control_characters_are_escaped() {
    let output = atlas(&[
        "price",
        "--platform",
        "evil\nid\u{1b}[31m",
        "--requests",
        "1",
        "--duration-ms",
        "1",
        "--memory-mb",
        "128",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!output.stderr.contains(&0x1b));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("`evil\\nid\\u{1b}[31m`"), "{err}");
}

#[test]
fn catalog_ids_with_control_characters_are_escaped() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "id: \"aws-lambda-edge\"",
        "id: \"edge\\nsplit\\u{1b}\"",
    );
    let output = atlas(&["catalog", "check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!output.stderr.contains(&0x1b));
    let err = stderr(&output);
    assert!(err.contains("edge\\nsplit\\u{1b}"), "{err}");
    // Every line is a whole error: none starts with the split-off tail.
    assert!(err.lines().all(|l| !l.starts_with("split")), "{err}");
}

#[test]
fn an_alias_repeating_an_id_names_its_line_and_owner() {
    let dir = copy_catalog();
    edit(
        dir.path(),
        "platforms.ron",
        "aliases: [\"zeit-now\"]",
        "aliases: [\"zeit-now\", \"aws-lambda\"]",
    );
    let err = fails(2, &["catalog", "check", dir.path().to_str().unwrap()]);
    let text = std::fs::read_to_string(dir.path().join("platforms.ron")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"zeit-now\", \"aws-lambda\""))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "platforms.ron:{line}: vercel-functions: duplicate id `aws-lambda`"
        )),
        "{err}"
    );
    assert!(err.contains("in this file"), "{err}");
    assert_eq!(err.matches("platforms.ron").count(), 1, "{err}");
}

/// Each bad number in a catalog copy is one error naming the file, the
/// line the number is on and the field.
#[test]
fn catalog_numbers_that_break_prices_are_errors_at_their_line() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "pricing/alibaba-function-compute.ron",
            "cpu_per_gb: 0.5",
            "cpu_per_gb: -0.5",
            "billing.cpu.cpu_per_gb",
        ),
        (
            "pricing/alibaba-function-compute.ron",
            "GbSeconds(0.15)",
            "GbSeconds(NaN)",
            "quantity weight GbSeconds",
        ),
        (
            "pricing/alibaba-function-compute.ron",
            "CpuSeconds(1)",
            "CpuSeconds(5e-324)",
            "quantity weight CpuSeconds",
        ),
        (
            "pricing/google-cloud-functions.ron",
            "(memory_mb: 512, cpu: 0.8)",
            "(memory_mb: 512, cpu: inf)",
            "billing.cpu.points.cpu",
        ),
        (
            "pricing/google-cloud-functions.ron",
            "max_memory_mb: 8192",
            "max_memory_mb: 1e308",
            "limits.max_memory_mb",
        ),
        (
            "pricing/azure-functions.ron",
            "cap_mb: 1536",
            "cap_mb: 0",
            "billing.memory.cap_mb",
        ),
        (
            "platforms.ron",
            "max_memory_mb: 10240",
            "max_memory_mb: -inf",
            "limits.max_memory_mb",
        ),
    ];
    for (file, from, to, field) in cases {
        let dir = copy_catalog();
        edit(dir.path(), file, from, to);
        let output = atlas(&["catalog", "check", dir.path().to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{to}");
        let err = stderr(&output);
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let line = text.lines().position(|l| l.contains(to)).unwrap() + 1;
        let name = file.rsplit('/').next().unwrap();
        let wanted = format!("{name}:{line}: ");
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.contains(&wanted) && first.contains(field),
            "{to}: wanted {wanted} and {field} in: {err}"
        );
    }
}

#[test]
fn architecture_files_with_unbillable_numbers_fail_check() {
    let dir = tempfile::tempdir().unwrap();
    let huge_memory = example("edge-site.ron").replace("memory_mb: 128.0", "memory_mb: 1e308");
    let path = write(dir.path(), "memory.ron", &huge_memory);
    let out = atlas(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert!(
        report.contains("memory 1e308 MB is above 1048576 MB"),
        "{report}"
    );

    let huge_load =
        example("edge-site.ron").replace("RequestsPerMonth(30000000.0)", "RequestsPerMonth(1e23)");
    let path = write(dir.path(), "load.ron", &huge_load);
    let out = atlas(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert_eq!(report.matches("too large to price").count(), 1, "{report}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bom.ron",
        &format!("\u{feff}{}", example("http-api.ron")),
    );
    let out = ok(&["check", path.to_str().unwrap()]);
    assert!(out.contains(": ok ("), "{out}");
}

#[test]
fn a_cut_file_says_it_ends_early() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("http-api.ron");
    let cut = &text[..text.find("position").unwrap() + 4];
    let path = write(dir.path(), "cut.ron", cut);
    let err = fails(2, &["check", path.to_str().unwrap()]);
    assert!(err.contains("is it cut short?"), "{err}");
    let line = cut.lines().count();
    assert!(err.contains(&format!("cut.ron:{line}:")), "{err}");
}

#[test]
fn a_newer_file_with_deep_nesting_reports_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let nested = format!("{}{}", "(".repeat(300), ")".repeat(300));
    let text = example("http-api.ron").replacen(
        "version: 1,",
        &format!("version: 2,\n    layers: {nested},"),
        1,
    );
    let path = write(dir.path(), "v2.ron", &text);
    let err = fails(2, &["check", path.to_str().unwrap()]);
    assert!(
        err.contains("v2.ron:2:14: unsupported version 2 (this build reads version 1)"),
        "{err}"
    );
}
