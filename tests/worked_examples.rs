//! The providers' published worked examples (pricing.md §2), reproduced to
//! the cent from the shipped price sheets.
//!
//! Not reproduced, because a workload of requests, duration and memory cannot
//! express them: WE-07 (response streaming with two payload populations),
//! WE-09 (tenant isolation), WE-10 (durable functions), WE-11 (event source
//! mapping provisioned mode), WE-12 (managed instances), WE-21 (a metric
//! unit conversion, not a price).

use serverless_atlas::catalog::{Arch, Catalog, PriceSheet};
use serverless_atlas::cost::{self, PricingOptions, Provisioned, Quote, Workload};

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

fn sheet<'a>(catalog: &'a Catalog, id: &str) -> &'a PriceSheet {
    catalog
        .price_sheet(id)
        .unwrap_or_else(|| panic!("price sheet {id} exists"))
}

const FREE_TIER: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: false,
};
const NO_FREE_TIER: PricingOptions = PricingOptions {
    free_tier: false,
    first_year_free_tier: false,
};

fn workload(requests: f64, duration_ms: f64, memory_mb: f64) -> Workload {
    Workload {
        requests_per_month: requests,
        duration_ms,
        memory_mb,
        ..Workload::default()
    }
}

/// The usd of the line items whose label starts with `prefix` (free lines are $0).
fn usd_of(quote: &Quote<'_>, prefix: &str) -> f64 {
    let matching: Vec<f64> = quote
        .line_items
        .iter()
        .filter(|item| item.label().starts_with(prefix))
        .map(|item| item.usd)
        .collect();
    assert!(
        !matching.is_empty(),
        "no line item starts with {prefix:?}; have {:?}",
        quote
            .line_items
            .iter()
            .map(|i| i.label())
            .collect::<Vec<_>>()
    );
    cost::round_cents(matching.iter().sum())
}

fn total(quote: &Quote<'_>) -> f64 {
    quote.total_usd.expect("feasible")
}

#[test]
fn we01_lambda_mobile_backend_x86() {
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "aws-lambda"),
        &workload(3e6, 120.0, 1536.0),
        FREE_TIER,
    );
    assert_eq!(usd_of(&q, "Duration (x86)"), 2.33);
    assert_eq!(usd_of(&q, "Requests"), 0.40);
    assert_eq!(total(&q), 2.73);
}

#[test]
fn we03_lambda_with_ephemeral_storage() {
    let catalog = catalog();
    let w = Workload {
        ephemeral_mb: 2048.0,
        ..workload(6e6, 280.0, 4096.0)
    };
    let q = cost::quote(sheet(&catalog, "aws-lambda"), &w, FREE_TIER);
    assert_eq!(usd_of(&q, "Duration (x86)"), 105.33);
    assert_eq!(usd_of(&q, "Requests"), 1.00);
    assert_eq!(usd_of(&q, "Ephemeral storage"), 0.08);
    assert_eq!(total(&q), 106.41);
}

#[test]
fn we04_lambda_provisioned_concurrency_launch_day() {
    let catalog = catalog();
    let w = Workload {
        provisioned: Some(Provisioned {
            concurrency: 100.0,
            hours_per_month: 8.0,
            requests: 500_000.0,
            duration_ms: 100.0,
        }),
        ..workload(3e6, 120.0, 1536.0)
    };
    let q = cost::quote(sheet(&catalog, "aws-lambda"), &w, FREE_TIER);
    assert_eq!(usd_of(&q, "Provisioned concurrency (x86)"), 18.00);
    assert_eq!(usd_of(&q, "Requests"), 0.40);
    assert_eq!(
        usd_of(&q, "Duration with provisioned concurrency (x86)"),
        0.73
    );
    assert_eq!(usd_of(&q, "Duration (x86)"), 0.83);
    assert_eq!(total(&q), 19.96);
}

#[test]
fn we05_lambda_provisioned_concurrency_cyber_monday() {
    let catalog = catalog();
    let w = Workload {
        provisioned: Some(Provisioned {
            concurrency: 7.0,
            hours_per_month: 24.0,
            requests: 2e6,
            duration_ms: 280.0,
        }),
        ..workload(2e6, 280.0, 4096.0)
    };
    let q = cost::quote(sheet(&catalog, "aws-lambda"), &w, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Provisioned concurrency (x86)"), 10.08);
    assert_eq!(
        usd_of(&q, "Duration with provisioned concurrency (x86)"),
        21.78
    );
    assert_eq!(usd_of(&q, "Requests"), 0.40);
    assert_eq!(total(&q), 32.26);
}

#[test]
fn we13_lambda_legacy_example_at_the_2017_rate() {
    // The legacy example used $0.00001667 per GB-s; the rules are unchanged.
    let catalog = catalog();
    let mut legacy = sheet(&catalog, "aws-lambda").clone();
    let duration = legacy
        .meters
        .iter_mut()
        .find(|m| m.id == "duration-x86")
        .expect("x86 duration meter");
    duration.tiers[0].usd = 0.00001667;
    let q = cost::quote(&legacy, &workload(3e6, 1000.0, 512.0), FREE_TIER);
    assert_eq!(usd_of(&q, "Duration (x86)"), 18.34);
    assert_eq!(usd_of(&q, "Requests"), 0.40);
    assert_eq!(total(&q), 18.74);
}

#[test]
fn we15_cloudflare_workers_standard() {
    let catalog = catalog();
    let w = Workload {
        cpu_ms: Some(7.0),
        ..workload(15e6, 7.0, 128.0)
    };
    let q = cost::quote(sheet(&catalog, "cloudflare-workers"), &w, FREE_TIER);
    assert_eq!(total(&q), 8.00);
    // Included allowances are part of the plan, so switching the free tier off changes nothing.
    let paid = cost::quote(sheet(&catalog, "cloudflare-workers"), &w, NO_FREE_TIER);
    assert_eq!(total(&paid), 8.00);
    let items: Vec<f64> = q
        .line_items
        .iter()
        .map(|i| i.usd)
        .filter(|u| *u > 0.0)
        .collect();
    assert_eq!(items, vec![5.00, 1.50, 1.50]);
}

#[test]
fn we16_cloudflare_static_assets_are_free() {
    // 12M of the 15M requests are static assets, which are not billed.
    let catalog = catalog();
    let w = Workload {
        cpu_ms: Some(7.0),
        ..workload(3e6, 7.0, 128.0)
    };
    let q = cost::quote(sheet(&catalog, "cloudflare-workers"), &w, FREE_TIER);
    assert_eq!(total(&q), 5.00);
}

/// WE-19/20 are hourly; a month of the same constant load is 730 of those hours.
fn flex_month(instance_concurrency: f64) -> Workload {
    Workload {
        instance_concurrency,
        // 40 requests a second, 10 in flight: each takes 250 ms.
        ..workload(144_000.0 * 730.0, 250.0, 2048.0)
    }
}

#[test]
fn we19_azure_flex_cpu_bound() {
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "azure-functions-flex"),
        &flex_month(1.0),
        NO_FREE_TIER,
    );
    // $1.872 an hour of execution time and $0.0576 of executions, for 730 hours.
    assert_eq!(
        usd_of(&q, "On-demand execution time"),
        cost::round_cents(1.872 * 730.0)
    );
    assert_eq!(
        usd_of(&q, "On-demand executions"),
        cost::round_cents(0.0576 * 730.0)
    );
}

#[test]
fn we20_azure_flex_io_bound() {
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "azure-functions-flex"),
        &flex_month(10.0),
        NO_FREE_TIER,
    );
    assert_eq!(
        usd_of(&q, "On-demand execution time"),
        cost::round_cents(0.1872 * 730.0)
    );
    assert_eq!(
        usd_of(&q, "On-demand executions"),
        cost::round_cents(0.0576 * 730.0)
    );
}

#[test]
fn infracost_lambda_without_free_tier() {
    let catalog = catalog();
    let lambda = sheet(&catalog, "aws-lambda");
    let small = workload(100_000.0, 350.0, 128.0);
    let q = cost::quote(lambda, &small, NO_FREE_TIER);
    assert_eq!(
        (usd_of(&q, "Requests"), usd_of(&q, "Duration (x86)")),
        (0.02, 0.07)
    );
    let arm = Workload {
        arch: Arch::Arm64,
        ..small
    };
    let q = cost::quote(lambda, &arm, NO_FREE_TIER);
    assert_eq!(
        (usd_of(&q, "Requests"), usd_of(&q, "Duration (Arm)")),
        (0.02, 0.06)
    );
    let q = cost::quote(lambda, &workload(100_000.0, 350.0, 512.0), NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Duration (x86)"), 0.29);
    let q = cost::quote(
        lambda,
        &Workload {
            arch: Arch::Arm64,
            ..workload(100_000.0, 350.0, 512.0)
        },
        NO_FREE_TIER,
    );
    assert_eq!(usd_of(&q, "Duration (Arm)"), 0.23);
}

#[test]
fn infracost_lambda_provisioned_concurrency_arm() {
    // 9,000,000 PC GB-s over 100 hours at 512 MB implies 50 concurrent environments.
    let catalog = catalog();
    let w = Workload {
        arch: Arch::Arm64,
        provisioned: Some(Provisioned {
            concurrency: 50.0,
            hours_per_month: 100.0,
            requests: 10e6,
            duration_ms: 350.0,
        }),
        ..workload(10e6, 350.0, 512.0)
    };
    let q = cost::quote(sheet(&catalog, "aws-lambda"), &w, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Requests"), 2.00);
    assert_eq!(usd_of(&q, "Provisioned concurrency (Arm)"), 30.00);
    assert_eq!(
        usd_of(&q, "Duration with provisioned concurrency (Arm)"),
        13.61
    );
    assert_eq!(total(&q), 45.61);
}

#[test]
fn infracost_api_gateway_rest_21_billion_requests() {
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "aws-api-gateway-rest"),
        &workload(21e9, 0.0, 128.0),
        NO_FREE_TIER,
    );
    let tiers: Vec<f64> = q.line_items.iter().map(|i| i.usd).collect();
    assert_eq!(tiers, vec![1165.50, 1867.60, 45220.00, 1510.00]);
    assert_eq!(total(&q), 49763.10);
}

#[test]
fn infracost_api_gateway_http_one_billion_512kb_requests() {
    let catalog = catalog();
    let w = Workload {
        payload_kb: 512.0,
        ..workload(1e9, 0.0, 128.0)
    };
    let q = cost::quote(sheet(&catalog, "aws-api-gateway-http"), &w, NO_FREE_TIER);
    assert_eq!(total(&q), 930.00);
    // One more KB makes every request count twice.
    let bigger = Workload {
        payload_kb: 513.0,
        ..w
    };
    let q = cost::quote(
        sheet(&catalog, "aws-api-gateway-http"),
        &bigger,
        NO_FREE_TIER,
    );
    assert_eq!(total(&q), 300.00 + 1700.0 * 0.90);
}

#[test]
fn infracost_azure_consumption_rounds_memory_and_duration_up() {
    // 50 ms is billed as the 100 ms minimum; 10 MB as the 128 MB minimum.
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "azure-functions"),
        &workload(3e6, 50.0, 10.0),
        NO_FREE_TIER,
    );
    assert_eq!(usd_of(&q, "Execution time"), 0.60);
    assert_eq!(usd_of(&q, "Executions"), 0.60);
    let execution_time = q
        .line_items
        .iter()
        .find(|i| i.label().starts_with("Execution time"))
        .expect("execution time line");
    assert_eq!(execution_time.quantity, 37_500.0);
}

#[test]
fn gcf_first_gen_per_100ms_table_price() {
    // The 1st gen table: 128 MB / 200 MHz costs $0.000000231 per 100 ms (tier 1).
    let catalog = catalog();
    let q = cost::quote(
        sheet(&catalog, "google-cloud-functions"),
        &workload(1e6, 60.0, 128.0),
        NO_FREE_TIER,
    );
    let compute: f64 = q
        .line_items
        .iter()
        .filter(|i| i.unit() != "1M invocations" && i.unit() != "1M requests")
        .map(|i| i.quantity * i.unit_price_usd)
        .sum();
    assert!((compute - 0.231).abs() < 0.0005, "compute {compute}");
}
