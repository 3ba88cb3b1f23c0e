//! `serverless-atlas price | compare | breakeven` run as a user would: flags,
//! formats, errors and exit codes. Figures are checked against the library.

mod common;
use common::{atlas, ok, stderr, stdout};

use serde_json::Value;
use serverless_atlas::catalog::{Arch, Catalog};
use serverless_atlas::cost::{self, AlwaysOn, PricingOptions, Workload};

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("valid JSON")
}

/// Runs, expects `code` and exactly one line on stderr; returns that line.
fn fails(code: i32, args: &[&str]) -> String {
    let output = atlas(args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {err}");
    assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

fn builtin() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

/// WE-01: 3M requests, 120 ms, 1536 MB on AWS Lambda is $2.73.
const WE01: [&str; 8] = [
    "--requests",
    "3000000",
    "--duration-ms",
    "120",
    "--memory-mb",
    "1536",
    "--platform",
    "aws-lambda",
];

fn price(extra: &[&str]) -> Vec<String> {
    let mut args = vec!["price".to_owned()];
    args.extend(WE01.iter().map(|s| s.to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn refs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn total(value: &Value) -> f64 {
    value["total_usd"].as_f64().expect("a total")
}

// ------------------------------------------------------------------ price

#[test]
fn price_table_shows_the_total_and_line_items() {
    let text = ok(&refs(&price(&[])));
    let first: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        first,
        ["PLATFORM", "TOTAL/MONTH", "VS", "CHEAPEST", "NOTES"]
    );
    let row: Vec<&str> = text.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(row[..2], ["aws-lambda", "$2.73"]);
    assert!(text.contains("METER"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Duration (x86), first 6B GB-s") && l.ends_with("$2.33")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("Requests ") && l.ends_with("$0.40")),
        "{text}"
    );
}

#[test]
fn price_json_has_the_documented_shape() {
    let value = json(&refs(&price(&[])));
    assert_eq!(value["platform"], "aws-lambda");
    assert_eq!(total(&value), 2.73);
    assert_eq!(value["feasible"], true);
    assert!(value["notes"].is_array());
    let items = value["line_items"].as_array().expect("line items");
    assert_eq!(items.len(), 4, "{value:#}");
    for item in items {
        let object = item.as_object().unwrap();
        assert!(object["meter"].is_string(), "{item}");
        assert!(object["quantity"].is_number(), "{item}");
        assert!(object["unit"].is_string(), "{item}");
        assert!(object["unit_price_usd"].is_number(), "{item}");
        assert!(object["usd"].is_number(), "{item}");
    }
    let paid = items
        .iter()
        .find(|i| i["meter"] == "Duration (x86), first 6B GB-s")
        .expect("the tier-1 duration line");
    assert_eq!(paid["quantity"], 140_000.0);
    assert_eq!(paid["unit"], "GB-s");
    assert_eq!(paid["unit_price_usd"], 0.0000166667);
    assert_eq!(paid["usd"], 2.33);
    let usd_sum: f64 = items.iter().map(|i| i["usd"].as_f64().unwrap()).sum();
    assert_eq!(cost::round_cents(usd_sum), 2.73);
}

#[test]
fn price_csv_parses_with_a_total_row() {
    let text = ok(&refs(&price(&["--format", "csv"])));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "platform",
            "meter",
            "quantity",
            "unit",
            "unit_price_usd",
            "usd"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let value = json(&refs(&price(&[])));
    let items = value["line_items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len() + 1);
    for (row, item) in rows.iter().zip(items) {
        assert_eq!(&row[0], "aws-lambda");
        assert_eq!(&row[1], item["meter"].as_str().unwrap());
        assert_eq!(
            row[2].parse::<f64>().unwrap(),
            item["quantity"].as_f64().unwrap()
        );
        assert_eq!(&row[3], item["unit"].as_str().unwrap());
        assert_eq!(
            row[4].parse::<f64>().unwrap(),
            item["unit_price_usd"].as_f64().unwrap()
        );
        assert_eq!(
            row[5].parse::<f64>().unwrap(),
            item["usd"].as_f64().unwrap()
        );
    }
    let last = rows.last().unwrap();
    assert_eq!(
        last.iter().collect::<Vec<_>>(),
        ["aws-lambda", "total", "", "", "", "2.73"]
    );
}

#[test]
fn price_markdown_has_a_table_and_the_as_of_date() {
    let text = ok(&refs(&price(&["--format", "markdown"])));
    assert!(text.starts_with("# "), "{text}");
    assert!(
        text.contains("| Meter | Quantity | Unit | Unit price | Amount |"),
        "{text}"
    );
    assert!(text.contains("|---"), "{text}");
    assert!(text.contains("**$2.73**"), "{text}");
    let as_of = builtin()
        .price_sheet("aws-lambda")
        .unwrap()
        .as_of
        .to_string();
    assert!(text.contains(&format!("as of {as_of}")), "{text}");
    assert!(
        text.contains("https://aws.amazon.com/lambda/pricing/"),
        "{text}"
    );
}

#[test]
fn no_free_tier_raises_the_total() {
    let value = json(&refs(&price(&["--no-free-tier"])));
    // 540,000 GB-s at $0.0000166667 = $9.00, and 3M requests = $0.60.
    assert_eq!(total(&value), 9.60);
    assert!(
        value["line_items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| !i["meter"].as_str().unwrap().contains("free allowance"))
    );
}

#[test]
fn arm64_uses_the_arm_duration_rate() {
    let value = json(&refs(&price(&["--arch", "arm64"])));
    // 140,000 GB-s at $0.0000133334 = $1.87, and $0.40 of requests.
    assert_eq!(total(&value), 2.27);
    let meters: Vec<&str> = value["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["meter"].as_str().unwrap())
        .collect();
    assert!(
        meters.iter().any(|m| m.starts_with("Duration (Arm)")),
        "{meters:?}"
    );
    assert!(!meters.iter().any(|m| m.contains("x86")), "{meters:?}");
    // And the library agrees.
    let catalog = builtin();
    let w = Workload {
        requests_per_month: 3e6,
        duration_ms: 120.0,
        memory_mb: 1536.0,
        arch: Arch::Arm64,
        ..Workload::default()
    };
    let q = cost::quote(
        catalog.price_sheet("aws-lambda").unwrap(),
        &w,
        PricingOptions::default(),
    );
    assert_eq!(q.total_usd, Some(2.27));
}

#[test]
fn cpu_ms_is_what_cloudflare_bills() {
    let base = [
        "price",
        "--platform",
        "cloudflare-workers",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "128",
    ];
    // CPU defaults to the duration: 360M CPU-ms, 330M above the included 30M.
    assert_eq!(total(&json(&base)), 11.60);
    // 5 ms of CPU: 15M CPU-ms and 3M requests, all included: the $5 fee only.
    let mut with_cpu = base.to_vec();
    with_cpu.extend(["--cpu-ms", "5"]);
    assert_eq!(total(&json(&with_cpu)), 5.00);
    // CPU time does not change what Lambda bills.
    let lambda = json(&refs(&price(&["--cpu-ms", "5"])));
    assert_eq!(total(&lambda), 2.73);
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quote.json");
    let path_text = path.to_str().unwrap();
    let out = ok(&refs(&price(&["--format", "json", "--output", path_text])));
    assert!(out.is_empty(), "{out}");
    let value: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).expect("valid JSON");
    assert_eq!(total(&value), 2.73);
    // Writing again replaces the file, leaving no temporary files behind.
    let csv_path = dir.path().join("quote.csv");
    ok(&refs(&price(&[
        "--format",
        "csv",
        "--output",
        csv_path.to_str().unwrap(),
    ])));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        std::fs::read_to_string(&csv_path)
            .unwrap()
            .ends_with("aws-lambda,total,,,,2.73\n")
    );
}

#[test]
fn an_infeasible_price_is_reported_not_priced() {
    let value = json(&[
        "price",
        "--platform",
        "aws-lambda",
        "--requests",
        "1000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "20000",
    ]);
    assert_eq!(value["feasible"], false);
    assert!(value["total_usd"].is_null());
    assert!(value["line_items"].as_array().unwrap().is_empty());
    let notes = value["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("10240 MB")),
        "{notes:?}"
    );
}

// --------------------------------------------------------------- compare

fn compare(extra: &[&str]) -> Vec<Value> {
    let mut args = vec![
        "compare",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "1536",
    ];
    args.extend(extra);
    json(&args).as_array().expect("an array").clone()
}

/// Totals ascending, infeasible (null) after all the priced ones.
fn assert_sorted(quotes: &[Value]) {
    let totals: Vec<Option<f64>> = quotes.iter().map(|q| q["total_usd"].as_f64()).collect();
    let first_none = totals
        .iter()
        .position(Option::is_none)
        .unwrap_or(totals.len());
    assert!(
        totals[first_none..].iter().all(Option::is_none),
        "{totals:?}"
    );
    let priced: Vec<f64> = totals[..first_none].iter().map(|t| t.unwrap()).collect();
    assert!(priced.windows(2).all(|w| w[0] <= w[1]), "{priced:?}");
}

#[test]
fn compare_covers_every_active_platform_sheet_sorted() {
    let catalog = builtin();
    let quotes = compare(&[]);
    let mut got: Vec<&str> = quotes
        .iter()
        .map(|q| q["platform"].as_str().unwrap())
        .collect();
    let mut want: Vec<&str> = catalog
        .active_platform_sheets()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    assert!(
        !got.contains(&"ibm-cloud-functions"),
        "retired sheets are left out"
    );
    assert_sorted(&quotes);
    // 1536 MB does not fit Cloudflare's 128 MB isolates.
    let cloudflare = quotes
        .iter()
        .find(|q| q["platform"] == "cloudflare-workers")
        .unwrap();
    assert_eq!(cloudflare["feasible"], false);
    assert!(cloudflare["total_usd"].is_null());
    assert_eq!(quotes.last().unwrap()["feasible"], false);
    let lambda = quotes
        .iter()
        .find(|q| q["platform"] == "aws-lambda")
        .unwrap();
    assert_eq!(total(lambda), 2.73);
}

#[test]
fn compare_with_an_infeasible_memory_puts_those_last() {
    let quotes: Vec<Value> = json(&[
        "compare",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "2048",
    ])
    .as_array()
    .unwrap()
    .clone();
    assert_sorted(&quotes);
    let infeasible: Vec<&str> = quotes
        .iter()
        .filter(|q| q["feasible"] == false)
        .map(|q| q["platform"].as_str().unwrap())
        .collect();
    assert!(infeasible.contains(&"azure-functions"), "{infeasible:?}");
    assert!(infeasible.contains(&"cloudflare-workers"), "{infeasible:?}");
    let n = quotes.len();
    assert_eq!(
        quotes[n - infeasible.len()..]
            .iter()
            .filter(|q| q["feasible"] == false)
            .count(),
        infeasible.len()
    );
}

#[test]
fn compare_platforms_limits_the_list() {
    let quotes = compare(&[
        "--platforms",
        "cloudflare-workers,aws-lambda,oracle-functions",
    ]);
    let got: Vec<&str> = quotes
        .iter()
        .map(|q| q["platform"].as_str().unwrap())
        .collect();
    // Sorted by total: Oracle (140,000 GB-s at $0.00001417 and 1M requests
    // past its 2M free: $2.18), then Lambda ($2.73); Cloudflare cannot run 1536 MB.
    assert_eq!(
        got,
        ["oracle-functions", "aws-lambda", "cloudflare-workers"]
    );
    assert_eq!(total(&quotes[0]), 2.18);
    assert_eq!(total(&quotes[1]), 2.73);
    assert_sorted(&quotes);
    // A retired sheet can be asked for by name.
    let ibm = compare(&["--platforms", "ibm-cloud-functions"]);
    assert_eq!(ibm.len(), 1);
    assert_eq!(ibm[0]["platform"], "ibm-cloud-functions");
}

#[test]
fn compare_csv_has_a_total_row_per_platform() {
    let args = [
        "compare",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "1536",
        "--format",
        "csv",
    ];
    let text = ok(&args);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "platform",
            "meter",
            "quantity",
            "unit",
            "unit_price_usd",
            "usd"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let quotes = compare(&[]);
    let totals: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "total").collect();
    assert_eq!(totals.len(), quotes.len());
    for (row, quote) in totals.iter().zip(&quotes) {
        assert_eq!(&row[0], quote["platform"].as_str().unwrap());
        match quote["total_usd"].as_f64() {
            Some(t) => assert_eq!(row[5].parse::<f64>().unwrap(), t),
            None => assert_eq!(&row[5], ""),
        }
    }
    // Each platform's rows come together, its total row last.
    let mut seen = Vec::new();
    for row in &rows {
        if seen.last() != Some(&row[0].to_owned()) {
            assert!(!seen.contains(&row[0].to_owned()), "{} split", &row[0]);
            seen.push(row[0].to_owned());
        }
    }
    let item_rows = rows.len() - totals.len();
    let items: usize = quotes
        .iter()
        .map(|q| q["line_items"].as_array().unwrap().len() + q["reasons"].as_array().unwrap().len())
        .sum();
    assert_eq!(item_rows, items);
}

#[test]
fn compare_markdown_and_table() {
    let base = [
        "compare",
        "--requests",
        "3000000",
        "--duration-ms",
        "120",
        "--memory-mb",
        "1536",
    ];
    let mut md = base.to_vec();
    md.extend(["--format", "markdown"]);
    let text = ok(&md);
    assert!(text.contains("| # | Platform | Monthly total |"), "{text}");
    assert!(text.contains("## Assumptions"), "{text}");
    let catalog = builtin();
    for sheet in catalog.active_platform_sheets() {
        assert!(text.contains(&format!("(`{}`)", sheet.id)), "{}", sheet.id);
        assert!(
            text.contains(&format!("as of {}", sheet.as_of)),
            "{}",
            sheet.id
        );
    }
    let table = ok(&base);
    assert_eq!(
        table.lines().count(),
        catalog.active_platform_sheets().len() + 1
    );
}

// -------------------------------------------------------------- breakeven

const BREAKEVEN: [&str; 9] = [
    "breakeven",
    "--duration-ms",
    "100",
    "--memory-mb",
    "512",
    "--vm-usd-per-hour",
    "0.05",
    "--vm-rps",
    "50",
];

#[test]
fn breakeven_json_matches_the_library() {
    let results = json(&BREAKEVEN);
    let results = results.as_array().expect("an array");
    let catalog = builtin();
    assert_eq!(results.len(), catalog.active_platform_sheets().len());
    for r in results {
        assert!(r["platform"].is_string(), "{r}");
        assert!(r.get("breakeven_requests_per_month").is_some(), "{r}");
    }
    let lambda = results
        .iter()
        .find(|r| r["platform"] == "aws-lambda")
        .unwrap();
    let volume = lambda["breakeven_requests_per_month"]
        .as_f64()
        .expect("Lambda breaks even");

    let sheet = catalog.price_sheet("aws-lambda").unwrap();
    let workload = Workload {
        requests_per_month: 0.0,
        duration_ms: 100.0,
        memory_mb: 512.0,
        ..Workload::default()
    };
    let vm = AlwaysOn {
        usd_per_hour: 0.05,
        requests_per_second: 50.0,
        min_instances: 1,
    };
    let options = PricingOptions::default();
    let library = cost::break_even(sheet, &workload, &vm, options);
    assert_eq!(library.breakeven_requests_per_month, Some(volume));

    // At that volume Lambda costs at least the VM; one request less, it is below.
    let at = cost::quote(sheet, &workload.with_requests(volume), options)
        .total_usd
        .unwrap();
    let before = cost::quote(sheet, &workload.with_requests(volume - 1.0), options)
        .total_usd
        .unwrap();
    assert!(at >= vm.monthly_usd(volume), "{at} at {volume}");
    assert!(
        before < vm.monthly_usd(volume - 1.0),
        "{before} at {volume} - 1"
    );
    assert_eq!(vm.monthly_usd(volume), 36.50);
    assert_eq!(lambda["always_on_usd_per_month"], 36.5);
    assert_eq!(lambda["platform_usd_per_month"].as_f64(), Some(at));

    // Cloudflare cannot run 512 MB.
    let cloudflare = results
        .iter()
        .find(|r| r["platform"] == "cloudflare-workers")
        .unwrap();
    assert_eq!(cloudflare["feasible"], false);
    assert!(cloudflare["breakeven_requests_per_month"].is_null());
}

#[test]
fn breakeven_platforms_min_instances_and_csv() {
    let mut args = BREAKEVEN.to_vec();
    args.extend(["--platforms", "aws-lambda", "--vm-min-instances", "2"]);
    let one = json(&args);
    let one = one.as_array().unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["always_on_usd_per_month"], 73.0);
    assert_eq!(one[0]["always_on_instances"], 2.0);
    let volume = one[0]["breakeven_requests_per_month"].as_f64().unwrap();
    let single = json(&BREAKEVEN);
    let single = single
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["platform"] == "aws-lambda")
        .unwrap()["breakeven_requests_per_month"]
        .as_f64()
        .unwrap();
    assert!(
        volume > single,
        "two VMs break even later: {volume} vs {single}"
    );

    args.extend(["--format", "csv"]);
    let text = ok(&args);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "platform");
    assert_eq!(
        &reader.headers().unwrap()[1],
        "breakeven_requests_per_month"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1].parse::<f64>().unwrap(), volume);
}

#[test]
fn a_zero_total_prints_as_zero_not_minus_zero() {
    let args = [
        "price",
        "--platform",
        "oracle-functions",
        "--requests",
        "0",
        "--duration-ms",
        "100",
        "--memory-mb",
        "128",
    ];
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let text = ok(&json_args);
    assert!(text.contains("\"total_usd\": 0.0"), "{text}");
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let text = ok(&csv_args);
    assert!(text.ends_with("oracle-functions,total,,,,0.00\n"), "{text}");
}

// ----------------------------------------------------------------- errors

#[test]
fn zero_memory_is_bad_input() {
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "1000",
            "--duration-ms",
            "100",
            "--memory-mb",
            "0",
        ],
    );
    assert!(err.contains("memory"), "{err}");
}

#[test]
fn negative_requests_are_bad_input() {
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "-5",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("requests") && err.contains("-5"), "{err}");
    let err = fails(
        2,
        &[
            "compare",
            "--requests",
            "-1",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("requests"), "{err}");
}

#[test]
fn nan_duration_is_bad_input() {
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "1000",
            "--duration-ms",
            "NaN",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("duration") && err.contains("NaN"), "{err}");
    let mut args = BREAKEVEN.to_vec();
    args[2] = "NaN";
    let err = fails(2, &args);
    assert!(err.contains("duration"), "{err}");
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "inf",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("requests"), "{err}");
}

#[test]
fn an_unknown_platform_lists_the_valid_ids() {
    let err = fails(
        2,
        &[
            "price",
            "--platform",
            "nope",
            "--requests",
            "1000",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("`nope`"), "{err}");
    for id in builtin().platform_sheet_ids() {
        assert!(err.contains(id), "{id} missing from {err}");
    }
    // A service sheet is not a platform.
    let err = fails(
        2,
        &[
            "compare",
            "--platforms",
            "aws-lambda,aws-api-gateway-rest",
            "--requests",
            "1000",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
        ],
    );
    assert!(err.contains("aws-api-gateway-rest"), "{err}");
    let mut args = BREAKEVEN.to_vec();
    args.extend(["--platforms", "nope"]);
    let err = fails(2, &args);
    assert!(err.contains("aws-lambda"), "{err}");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let output = atlas(&refs(&price(&["--format", "xml"])));
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with("error: ") && first.contains("xml"),
        "{err}"
    );
    let mut args = BREAKEVEN.to_vec();
    args.extend(["--format", "yaml"]);
    assert_eq!(atlas(&args).status.code(), Some(2));
}

#[test]
fn bad_always_on_inputs_are_bad_input() {
    let mut zero_rps = BREAKEVEN.to_vec();
    zero_rps[8] = "0";
    let err = fails(2, &zero_rps);
    assert!(err.contains("requests per second"), "{err}");
    let mut negative_price = BREAKEVEN.to_vec();
    negative_price[6] = "-1";
    let err = fails(2, &negative_price);
    assert!(err.contains("price per hour"), "{err}");
    let mut no_instances = BREAKEVEN.to_vec();
    no_instances.extend(["--vm-min-instances", "0"]);
    let err = fails(2, &no_instances);
    assert!(err.contains("minimum instances"), "{err}");
}

#[test]
fn missing_required_flags_are_usage_errors() {
    for args in [
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--duration-ms",
            "1",
            "--memory-mb",
            "128",
        ][..],
        &[
            "price",
            "--requests",
            "1",
            "--duration-ms",
            "1",
            "--memory-mb",
            "128",
        ],
        &[
            "breakeven",
            "--duration-ms",
            "1",
            "--memory-mb",
            "128",
            "--vm-rps",
            "1",
        ],
        &[
            "compare",
            "--requests",
            "ten",
            "--duration-ms",
            "1",
            "--memory-mb",
            "128",
        ],
        &[
            "price",
            "--platform",
            "aws-lambda",
            "--requests",
            "1",
            "--duration-ms",
            "1",
            "--memory-mb",
            "128",
            "--arch",
            "sparc",
        ],
    ] {
        let output = atlas(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
}

#[test]
fn output_into_a_missing_directory_fails_with_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let path = missing.join("quote.json");
    let err = fails(
        1,
        &refs(&price(&[
            "--format",
            "json",
            "--output",
            path.to_str().unwrap(),
        ])),
    );
    assert!(err.contains(path.to_str().unwrap()), "{err}");
    assert!(!missing.exists());
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written beside it"
    );
    // The same for compare.
    let err = fails(
        1,
        &[
            "compare",
            "--requests",
            "1000",
            "--duration-ms",
            "100",
            "--memory-mb",
            "128",
            "--output",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("could not write"), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_failed_output_keeps_the_earlier_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quote.json");
    std::fs::write(&path, "earlier").unwrap();
    // Bad input fails before anything is written.
    let output = atlas(&[
        "price",
        "--platform",
        "aws-lambda",
        "--requests",
        "-1",
        "--duration-ms",
        "100",
        "--memory-mb",
        "128",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier");
}
