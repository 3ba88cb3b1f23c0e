//! Google Cloud and Cloudflare managed-service price sheets, checked against
//! the providers' published examples and infracost's golden files
//! (service-prices.md), to the cent, and against their unit and chunk rules.
//!
//! Not reproduced, because the inputs cannot express them: Cloud Scheduler's
//! partial-month job (billed per day), Pub/Sub cross-region delivery SKUs,
//! Queues retries and dead-letter writes (they are extra requests), and the
//! Durable Objects WebSocket 20:1 ratio (the examples' request counts are
//! entered after the ratio).

mod common;

use serverless_atlas::catalog::{Catalog, PriceSheet, SheetStatus};
use serverless_atlas::cost::{
    self, PricingOptions, Quote, ServiceInput, ServiceUsage, inputs_used, measure_service,
    quote_service,
};

const FREE_TIER: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: false,
};
const NO_FREE_TIER: PricingOptions = PricingOptions {
    free_tier: false,
    first_year_free_tier: false,
};

/// Every sheet this file covers.
const SHEETS: [&str; 19] = [
    "gcp-pubsub",
    "gcp-cloud-storage",
    "gcp-firestore",
    "gcp-cloud-scheduler",
    "gcp-cloud-tasks",
    "gcp-api-gateway",
    "gcp-cloud-cdn",
    "gcp-cloud-monitoring",
    "gcp-cloud-logging",
    "gcp-cloud-run",
    "gcp-managed-kafka",
    "cloudflare-kv",
    "cloudflare-r2",
    "cloudflare-queues",
    "cloudflare-d1",
    "cloudflare-durable-objects",
    "cloudflare-cdn",
    "cloudflare-workers-logs",
    "cloudflare-workers-logs-events",
];

/// KB in one GiB (the engine counts data in binary units).
const KB_PER_GB: f64 = 1024.0 * 1024.0;

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

fn sheet<'a>(catalog: &'a Catalog, id: &str) -> &'a PriceSheet {
    catalog
        .price_sheet(id)
        .unwrap_or_else(|| panic!("price sheet {id} exists"))
}

/// A month with nothing in it; tests set what they need.
fn nothing() -> ServiceUsage {
    common::zero_service_usage()
}

/// The billed usd of one meter's line items (allowance lines are $0).
fn usd_of(quote: &Quote<'_>, meter_id: &str) -> f64 {
    let matching: Vec<f64> = quote
        .line_items
        .iter()
        .filter(|item| item.meter.id == meter_id)
        .map(|item| item.usd)
        .collect();
    assert!(
        !matching.is_empty(),
        "no line item for meter {meter_id:?}; have {:?}",
        quote
            .line_items
            .iter()
            .map(|i| i.label())
            .collect::<Vec<_>>()
    );
    cost::round_cents(matching.iter().sum())
}

fn total(quote: &Quote<'_>) -> f64 {
    quote.total_usd.expect("a service quote is always priced")
}

/// The measured base quantity of one meter.
fn quantity_of(sheet: &PriceSheet, usage: &ServiceUsage, meter_id: &str) -> f64 {
    let index = sheet
        .meters
        .iter()
        .position(|m| m.id == meter_id)
        .unwrap_or_else(|| panic!("{} has a meter {meter_id}", sheet.id));
    measure_service(sheet, usage).quantities[index]
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-6 * expected.abs().max(1.0),
        "{what}: {actual} != {expected}"
    );
}

// ---------------------------------------------------------------- every sheet

#[test]
fn every_sheet_loads_cites_sources_and_prices_its_defaults() {
    let catalog = catalog();
    for id in SHEETS {
        let sheet = sheet(&catalog, id);
        assert!(sheet.service_id().is_some(), "{id} prices a service");
        assert!(!sheet.sources.is_empty(), "{id} cites sources");
        assert!(
            sheet
                .sources
                .iter()
                .all(|s| s.note.as_deref().is_some_and(|n| !n.is_empty())),
            "{id}: every source says what it supports"
        );
        assert!(
            sheet.sources.iter().any(|s| s.url.is_some()),
            "{id}: a source has an address"
        );
        assert!(sheet.as_of.to_string().starts_with("202"), "{id} as_of");
        assert!(!sheet.notes.is_empty(), "{id} explains itself");
        for volume in [0.0, 1.0e6, 1.0e9] {
            let usage = ServiceUsage::with_defaults(&sheet.usage_defaults, volume);
            for options in [FREE_TIER, NO_FREE_TIER] {
                let quote = quote_service(sheet, &usage, options);
                let usd = total(&quote);
                assert!(usd.is_finite() && usd >= 0.0, "{id} at {volume}: {usd}");
            }
        }
    }
}

#[test]
fn each_service_links_to_its_own_default_sheet() {
    let catalog = catalog();
    for id in SHEETS {
        let sheet = sheet(&catalog, id);
        let service_id = sheet.service_id().expect("a service sheet");
        let service = catalog
            .service(service_id)
            .unwrap_or_else(|| panic!("{id}: service {service_id} exists"));
        if sheet.status == SheetStatus::Active {
            assert_eq!(
                service.price_sheet.as_deref(),
                Some(id),
                "{service_id} links to {id}"
            );
        } else {
            assert_ne!(service.price_sheet.as_deref(), Some(id), "{id} is retired");
        }
    }
}

#[test]
fn no_sheet_bills_the_workers_paid_subscription_again() {
    let catalog = catalog();
    for id in SHEETS.iter().filter(|id| id.starts_with("cloudflare-")) {
        let sheet = sheet(&catalog, id);
        let quote = quote_service(sheet, &nothing(), NO_FREE_TIER);
        assert_eq!(total(&quote), 0.0, "{id} charges for an empty month");
    }
}

// ---------------------------------------------------------------- Google Cloud

#[test]
fn pubsub_golden_ten_tib_is_400_dollars_without_the_free_tier() {
    // infracost pubsub_topic_test (us-central1): 10 TiB of ingestion = $400.00.
    let catalog = catalog();
    let pubsub = sheet(&catalog, "gcp-pubsub");
    let usage = ServiceUsage {
        requests: 10.0 * 1024.0 * 1024.0, // 1 MiB messages
        payload_kb: 1024.0,
        deliveries: 0.0,
        ..nothing()
    };
    let quote = quote_service(pubsub, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "publish"), 400.00);
    assert_eq!(total(&quote), 400.00);
    // The first 10 GiB are free: (10,240 - 10) / 1,024 TiB x $40.
    assert_eq!(total(&quote_service(pubsub, &usage, FREE_TIER)), 399.61);
}

#[test]
fn pubsub_bills_at_least_1000_bytes_per_request() {
    let catalog = catalog();
    let pubsub = sheet(&catalog, "gcp-pubsub");
    // Official example: 100 publish requests of one 500-byte message each
    // are billed as 100 x the minimum (now 1,000 bytes), not 50 KB.
    let small = ServiceUsage {
        requests: 100.0,
        payload_kb: 500.0 / 1024.0,
        deliveries: 0.0,
        ..nothing()
    };
    assert_close(
        quantity_of(pubsub, &small, "publish"),
        100.0 * 1000.0 / 1024.0 / KB_PER_GB,
        "100 small publishes",
    );
    // Above the minimum a message counts its own size.
    let large = ServiceUsage {
        payload_kb: 2000.0 / 1024.0,
        ..small
    };
    assert_close(
        quantity_of(pubsub, &large, "publish"),
        100.0 * 2000.0 / 1024.0 / KB_PER_GB,
        "100 large publishes",
    );
}

#[test]
fn pubsub_bills_publish_and_every_delivery() {
    let catalog = catalog();
    let pubsub = sheet(&catalog, "gcp-pubsub");
    // Official example: 1 MiB published and delivered once is 2 MiB of
    // Message Delivery Basic.
    let once = ServiceUsage {
        requests: 1.0,
        payload_kb: 1024.0,
        deliveries: 1.0,
        ..nothing()
    };
    let mib_in_gb = 1.0 / 1024.0;
    assert_close(quantity_of(pubsub, &once, "publish"), mib_in_gb, "publish");
    assert_close(
        quantity_of(pubsub, &once, "delivery"),
        mib_in_gb,
        "delivery",
    );
    let fan_out = ServiceUsage {
        deliveries: 3.0,
        ..once
    };
    assert_close(
        quantity_of(pubsub, &fan_out, "delivery"),
        3.0 * mib_in_gb,
        "three subscriptions",
    );
    // Publish and delivery share the one free 10 GiB.
    let twenty_gib = ServiceUsage {
        requests: 10.0 * 1024.0,
        ..once
    };
    let quote = quote_service(pubsub, &twenty_gib, FREE_TIER);
    assert_eq!(usd_of(&quote, "publish"), 0.0);
    assert_eq!(
        usd_of(&quote, "delivery"),
        0.39,
        "10 GiB billed: 10/1024 x $40"
    );
}

#[test]
fn cloud_storage_official_rates_and_golden_egress_tiers() {
    let catalog = catalog();
    let gcs = sheet(&catalog, "gcp-cloud-storage");
    // Official pricing example rates: 10,000 Class A x $0.005 per 1,000,
    // 50,000 Class B x $0.0004 per 1,000, 1 GB egress x $0.12.
    let example = ServiceUsage {
        writes: 10_000.0,
        reads: 50_000.0,
        egress_gb: 1.0,
        storage_gb: 100.0,
        ..nothing()
    };
    let quote = quote_service(gcs, &example, FREE_TIER);
    assert_eq!(usd_of(&quote, "class-a"), 0.05);
    assert_eq!(usd_of(&quote, "class-b"), 0.02);
    assert_eq!(usd_of(&quote, "egress"), 0.12);
    assert_eq!(usd_of(&quote, "storage"), 2.00, "100 GB x $0.020");
    // infracost storage_bucket_test: 12,500 GB to worldwide excluding Asia
    // and Australia = $122.88 + $1,013.76 + $180.80.
    let egress = ServiceUsage {
        egress_gb: 1024.0 + 9216.0 + 2260.0,
        ..nothing()
    };
    let quote = quote_service(gcs, &egress, NO_FREE_TIER);
    let tiers: Vec<f64> = quote.line_items.iter().map(|i| i.usd).collect();
    assert_eq!(tiers, vec![122.88, 1013.76, 180.80]);
    assert_eq!(total(&quote), 1317.44);
}

#[test]
fn firestore_free_quota_is_thirty_days_of_the_daily_one() {
    let catalog = catalog();
    let firestore = sheet(&catalog, "gcp-firestore");
    let usage = ServiceUsage {
        reads: 2_000_000.0,
        writes: 1_000_000.0,
        ..nothing()
    };
    // 50,000 reads and 20,000 writes a day x 30 are free.
    let quote = quote_service(firestore, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "reads"), 0.15, "500,000 x $0.03 / 100,000");
    assert_eq!(usd_of(&quote, "writes"), 0.36, "400,000 x $0.09 / 100,000");
    let quote = quote_service(firestore, &usage, NO_FREE_TIER);
    assert_eq!(total(&quote), 0.60 + 0.90);
}

#[test]
fn cloud_scheduler_three_free_jobs_per_account() {
    let catalog = catalog();
    let scheduler = sheet(&catalog, "gcp-cloud-scheduler");
    // Official example: 5 projects with 2 jobs each = 3 free and 7 paid jobs.
    let ten_jobs = ServiceUsage {
        instances: 10.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(scheduler, &ten_jobs, FREE_TIER)), 0.70);
    assert_eq!(
        total(&quote_service(scheduler, &ten_jobs, NO_FREE_TIER)),
        1.00
    );
    // Executions are not billed: a million runs of three jobs cost nothing.
    let busy = ServiceUsage {
        instances: 3.0,
        requests: 1.0e6,
        ..nothing()
    };
    assert_eq!(total(&quote_service(scheduler, &busy, FREE_TIER)), 0.0);
}

#[test]
fn cloud_tasks_counts_32_kb_chunks() {
    let catalog = catalog();
    let tasks = sheet(&catalog, "gcp-cloud-tasks");
    let one = |payload_kb: f64| {
        quantity_of(
            tasks,
            &ServiceUsage {
                requests: 1.0,
                payload_kb,
                ..nothing()
            },
            "api-calls",
        )
    };
    assert_eq!(one(0.5), 1.0);
    assert_eq!(one(32.0), 1.0, "32 KB is one chunk");
    assert_eq!(one(32.01), 2.0, "32.01 KB is two");
    // Official example: adding a task of 96 KB is 3 billable operations.
    assert_eq!(one(96.0), 3.0);
}

#[test]
fn cloud_tasks_bills_creation_and_each_delivery_attempt() {
    let catalog = catalog();
    let tasks = sheet(&catalog, "gcp-cloud-tasks");
    // 1M tasks of 1 KB pushed to one handler: 2M operations, 1M free.
    let month = ServiceUsage {
        requests: 1.0e6,
        payload_kb: 1.0,
        deliveries: 1.0,
        ..nothing()
    };
    assert_eq!(quantity_of(tasks, &month, "deliveries"), 1.0e6);
    assert_eq!(total(&quote_service(tasks, &month, FREE_TIER)), 0.40);
    assert_eq!(total(&quote_service(tasks, &month, NO_FREE_TIER)), 0.80);
    // A task that is never delivered is only its creation.
    let parked = ServiceUsage {
        deliveries: 0.0,
        ..month
    };
    assert_eq!(total(&quote_service(tasks, &parked, NO_FREE_TIER)), 0.40);
}

#[test]
fn api_gateway_tiers() {
    let catalog = catalog();
    let gateway = sheet(&catalog, "gcp-api-gateway");
    let calls = |requests: f64| {
        let usage = ServiceUsage {
            requests,
            ..nothing()
        };
        total(&quote_service(gateway, &usage, FREE_TIER))
    };
    assert_eq!(calls(2.0e6), 0.0, "the first 2M calls cost $0.00");
    assert_eq!(calls(3.0e6), 3.00);
    assert_eq!(calls(1.0e9), 2994.00, "998M x $3.00");
    assert_eq!(calls(1.5e9), 2994.00 + 750.00, "then $1.50 per 1M");
    // The $0 tier is a price, not a free-tier program.
    let usage = ServiceUsage {
        requests: 2.0e6,
        ..nothing()
    };
    assert_eq!(total(&quote_service(gateway, &usage, NO_FREE_TIER)), 0.0);
}

#[test]
fn cloud_logging_golden_100_gb_is_50_dollars() {
    // infracost logging_project_sink_test: 100 GB = $50.00 (no free 50 GiB).
    let catalog = catalog();
    let logging = sheet(&catalog, "gcp-cloud-logging");
    let usage = ServiceUsage {
        requests: 100.0 * 1024.0,
        payload_kb: 1024.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(logging, &usage, NO_FREE_TIER)), 50.00);
    assert_eq!(total(&quote_service(logging, &usage, FREE_TIER)), 25.00);
}

#[test]
fn cloud_monitoring_golden_tiers_to_the_cent() {
    // infracost monitoring_metric_descriptor_test: 500,000 MB of monitoring
    // data ($25,800 + $22,650 + $15,250) and 1,000 x 1k API calls ($10).
    let catalog = catalog();
    let monitoring = sheet(&catalog, "gcp-cloud-monitoring");
    let usage = ServiceUsage {
        requests: 500_000.0,
        payload_kb: 1024.0,
        reads: 1_000_000.0,
        ..nothing()
    };
    let quote = quote_service(monitoring, &usage, NO_FREE_TIER);
    let data: Vec<f64> = quote
        .line_items
        .iter()
        .filter(|i| i.meter.id == "data")
        .map(|i| i.usd)
        .collect();
    assert_eq!(data, vec![25_800.00, 22_650.00, 15_250.00]);
    assert_eq!(usd_of(&quote, "api-reads"), 10.00);
    assert_eq!(total(&quote), 63_710.00);
    // With the free tier, 150 MiB and 1M reads are free: 150 x $0.258 less.
    assert_eq!(
        total(&quote_service(monitoring, &usage, FREE_TIER)),
        63_700.00 - 38.70
    );
}

#[test]
fn cloud_cdn_lookups_and_egress_tiers() {
    let catalog = catalog();
    let cdn = sheet(&catalog, "gcp-cloud-cdn");
    // 20 TiB served as 1 MiB responses: 20,971,520 lookups.
    let usage = ServiceUsage {
        requests: 20.0 * 1024.0 * 1024.0,
        payload_kb: 1024.0,
        ..nothing()
    };
    let quote = quote_service(cdn, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "lookups"), 15.73, "2,097.152 x $0.0075");
    assert_eq!(
        usd_of(&quote, "egress"),
        819.20 + 563.20,
        "10 TiB at $0.08, 10 TiB at $0.055"
    );
}

#[test]
fn cloud_run_always_on_instance_matches_the_golden_at_tier_1() {
    // infracost cloud_run_v2_service_test (tier 2): an always-allocated
    // service of 2 vCPU and 1 GiB bills 5,256,000 vCPU-s ($113.53) and
    // 2,628,000 GiB-s ($6.31); tier-2 prices are 1.2 x this sheet's.
    let catalog = catalog();
    let run = sheet(&catalog, "gcp-cloud-run");
    let usage = ServiceUsage {
        instances: 2.0,   // two 1-vCPU units
        memory_mb: 512.0, // 512 MB per vCPU: 1 GiB in all
        ..nothing()
    };
    assert_close(quantity_of(run, &usage, "cpu"), 5_256_000.0, "vCPU-s");
    assert_close(quantity_of(run, &usage, "memory"), 2_628_000.0, "GiB-s");
    let quote = quote_service(run, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "cpu"), 94.61);
    assert_eq!(usd_of(&quote, "memory"), 5.26);
    assert!((94.608 * 1.2 - 113.53_f64).abs() < 0.005);
    assert!((5.256 * 1.2 - 6.31_f64).abs() < 0.005);
}

#[test]
fn managed_kafka_official_example_is_54_cents_an_hour() {
    // Official example: 6 vCPUs with 4 GiB each = 6 DCU x $0.09 = $0.54 an hour.
    let catalog = catalog();
    let kafka = sheet(&catalog, "gcp-managed-kafka");
    let usage = ServiceUsage {
        instances: 6.0,
        memory_mb: 4096.0,
        ..nothing()
    };
    let quote = quote_service(kafka, &usage, FREE_TIER);
    assert_eq!(total(&quote), cost::round_cents(0.54 * 730.0));
}

// ---------------------------------------------------------------- Cloudflare

#[test]
fn r2_standard_storage_example_is_14_85() {
    // Official example: 1,000 GB stored, 1,000 writes, 1,000,000 reads.
    let catalog = catalog();
    let r2 = sheet(&catalog, "cloudflare-r2");
    let usage = ServiceUsage {
        storage_gb: 1000.0,
        writes: 1000.0,
        reads: 1.0e6,
        egress_gb: 1000.0,
        ..nothing()
    };
    let quote = quote_service(r2, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "storage"), 14.85, "990 GB-month x $0.015");
    assert_eq!(usd_of(&quote, "egress"), 0.0, "egress is free");
    assert_eq!(total(&quote), 14.85);
}

#[test]
fn r2_rounds_up_to_whole_billing_units() {
    let catalog = catalog();
    let r2 = sheet(&catalog, "cloudflare-r2");
    // "one million and one operations ... billed for two million".
    let writes = ServiceUsage {
        writes: 1_000_001.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(r2, &writes, NO_FREE_TIER)), 9.00);
    // After the free million, the one left over is a whole million.
    assert_eq!(total(&quote_service(r2, &writes, FREE_TIER)), 4.50);
    // "1.1 GB-month ... billed for 2 GB-month".
    let storage = ServiceUsage {
        storage_gb: 1.1,
        ..nothing()
    };
    assert_eq!(total(&quote_service(r2, &storage, NO_FREE_TIER)), 0.03);
    // Exactly the allowance costs nothing.
    let exact = ServiceUsage {
        writes: 1_000_000.0,
        reads: 10_000_000.0,
        storage_gb: 10.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(r2, &exact, FREE_TIER)), 0.0);
}

#[test]
fn queues_one_million_messages_a_day_is_35_60() {
    // Official example: 1M messages a day for 30 days, each under 64 KB,
    // written, read and deleted = 90M operations, 89M billed at $0.40 per 1M.
    let catalog = catalog();
    let queues = sheet(&catalog, "cloudflare-queues");
    let usage = ServiceUsage {
        requests: 30.0e6,
        payload_kb: 60.0,
        ..nothing()
    };
    assert_eq!(quantity_of(queues, &usage, "operations"), 90.0e6);
    // The included million is part of Workers Paid: it stays with free tiers off.
    assert_eq!(total(&quote_service(queues, &usage, NO_FREE_TIER)), 35.60);
    assert_eq!(total(&quote_service(queues, &usage, FREE_TIER)), 35.60);
}

#[test]
fn queues_count_64_kb_chunks() {
    let catalog = catalog();
    let queues = sheet(&catalog, "cloudflare-queues");
    let operations = |payload_kb: f64| {
        quantity_of(
            queues,
            &ServiceUsage {
                requests: 1.0,
                payload_kb,
                ..nothing()
            },
            "operations",
        )
    };
    assert_eq!(operations(64.0), 3.0, "64 KB is one chunk");
    assert_eq!(operations(64.01), 6.0, "64.01 KB is two");
    // "a 65 KB message and a 127 KB message would both incur two operation charges"
    assert_eq!(operations(65.0), 6.0);
    assert_eq!(operations(127.0), 6.0);
    assert!(inputs_used(queues).contains(&ServiceInput::PayloadKb));
}

#[test]
fn kv_included_amounts_then_list_prices() {
    let catalog = catalog();
    let kv = sheet(&catalog, "cloudflare-kv");
    let usage = ServiceUsage {
        reads: 20.0e6,
        writes: 2.0e6,
        storage_gb: 2.0,
        ..nothing()
    };
    let quote = quote_service(kv, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "reads"), 5.00, "10M over at $0.50");
    assert_eq!(usd_of(&quote, "writes"), 5.00, "1M over at $5.00");
    assert_eq!(usd_of(&quote, "storage"), 0.50, "1 GB over at $0.50");
    assert_eq!(total(&quote), 10.50);
}

#[test]
fn d1_bills_rows_and_storage_over_the_included_amounts() {
    let catalog = catalog();
    let d1 = sheet(&catalog, "cloudflare-d1");
    let usage = ServiceUsage {
        reads: 30.0e9,
        writes: 60.0e6,
        storage_gb: 10.0,
        ..nothing()
    };
    let quote = quote_service(d1, &usage, NO_FREE_TIER);
    assert_eq!(
        usd_of(&quote, "rows-read"),
        5.00,
        "5B rows over at $0.001 per 1M"
    );
    assert_eq!(
        usd_of(&quote, "rows-written"),
        10.00,
        "10M rows over at $1.00"
    );
    assert_eq!(usd_of(&quote, "storage"), 3.75, "5 GB over at $0.75");
    // Within the included amounts D1 costs nothing beyond Workers Paid.
    let small = ServiceUsage {
        reads: 25.0e9,
        writes: 50.0e6,
        storage_gb: 5.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(d1, &small, NO_FREE_TIER)), 0.0);
}

/// A Durable Objects month: `requests` billed requests and `active_s`
/// seconds of active time, spread evenly over the requests.
fn durable_objects_month(requests: f64, active_s: f64) -> ServiceUsage {
    ServiceUsage {
        requests,
        duration_ms: active_s * 1000.0 / requests,
        memory_mb: 128.0,
        ..nothing()
    }
}

/// The Workers Paid subscription, billed once on the Workers sheet.
fn workers_subscription(catalog: &Catalog) -> f64 {
    let workers = sheet(catalog, "cloudflare-workers");
    let meter = workers
        .meters
        .iter()
        .find(|m| m.id == "subscription")
        .expect("the Workers sheet bills the subscription");
    meter.tiers[0].usd
}

#[test]
fn durable_objects_example_1_one_object() {
    // 1.5M requests, active 1,000,000 s: "~$0.075 (requests) + $0.00
    // (compute duration) + minimum $5/mo usage = $5.08".
    let catalog = catalog();
    let objects = sheet(&catalog, "cloudflare-durable-objects");
    let usage = durable_objects_month(1.5e6, 1.0e6);
    let quote = quote_service(objects, &usage, FREE_TIER);
    let requests: f64 = quote
        .line_items
        .iter()
        .filter(|i| i.meter.id == "requests")
        .map(|i| i.quantity * i.unit_price_usd)
        .sum();
    assert_close(requests, 0.075, "(1.5M - 1M) x $0.15 / 1M, before cents");
    assert_close(
        quantity_of(objects, &usage, "duration"),
        128_000.0,
        "1,000,000 s x 128 MB / 1 GB",
    );
    assert_eq!(usd_of(&quote, "duration"), 0.0, "within the 400,000 GB-s");
    assert_eq!(workers_subscription(&catalog), 5.00);
}

#[test]
fn durable_objects_examples_2_to_4_websockets() {
    let catalog = catalog();
    let objects = sheet(&catalog, "cloudflare-durable-objects");
    let subscription = workers_subscription(&catalog);
    // (requests after the 20:1 WebSocket ratio, active seconds, requests $,
    // duration $, total with the subscription)
    let examples = [
        (3.75e6, 86_400_000.0, 0.41, 133.24, 138.65),
        (12_960_100.0, 259_200_000.0, 1.79, 409.72, 416.51),
        (21.61e6, 4_320_000.0, 3.09, 1.91, 10.00),
    ];
    for (requests, active_s, requests_usd, duration_usd, with_subscription) in examples {
        let usage = durable_objects_month(requests, active_s);
        let quote = quote_service(objects, &usage, FREE_TIER);
        assert_eq!(
            usd_of(&quote, "requests"),
            requests_usd,
            "{requests} requests"
        );
        assert_eq!(usd_of(&quote, "duration"), duration_usd, "{active_s} s");
        assert_eq!(
            cost::round_cents(total(&quote) + subscription),
            with_subscription
        );
    }
}

#[test]
fn durable_objects_bill_128_mb_whatever_the_memory() {
    let catalog = catalog();
    let objects = sheet(&catalog, "cloudflare-durable-objects");
    let base = durable_objects_month(1.0e6, 1.0e6);
    for memory_mb in [1.0, 64.0, 128.0, 512.0] {
        let usage = ServiceUsage { memory_mb, ..base };
        assert_close(
            quantity_of(objects, &usage, "duration"),
            128_000.0,
            &format!("{memory_mb} MB"),
        );
    }
}

#[test]
fn workers_logs_event_pricing_examples() {
    // Until 2026-11-30: 20M events included, then $0.60 per 1M.
    let catalog = catalog();
    let logs = sheet(&catalog, "cloudflare-workers-logs-events");
    assert_eq!(logs.status, SheetStatus::Retired);
    let events = |requests: f64| {
        let usage = ServiceUsage {
            requests,
            ..nothing()
        };
        total(&quote_service(logs, &usage, NO_FREE_TIER))
    };
    // Example 1: 15M requests x 2 logs = $6.00.
    assert_eq!(events(15.0e6 * 2.0), 6.00);
    // Example 2: 1B requests x 2 logs x 10% sampling = $108.00.
    assert_eq!(events(1.0e9 * 2.0 * 0.1), 108.00);
}

#[test]
fn workers_logs_volume_pricing() {
    // From 2026-12-01: 50 GB ingested and 10 GB-month stored included, then
    // $0.25 per GB and $0.10 per GB-month.
    let catalog = catalog();
    let logs = sheet(&catalog, "cloudflare-workers-logs");
    let usage = ServiceUsage {
        requests: 100.0 * 1024.0, // 100 GB of 1 MB events
        payload_kb: 1024.0,
        storage_gb: 20.0,
        ..nothing()
    };
    let quote = quote_service(logs, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "ingest"), 12.50);
    assert_eq!(usd_of(&quote, "storage"), 1.00);
    assert_eq!(total(&quote_service(logs, &usage, NO_FREE_TIER)), 13.50);
}

#[test]
fn cloudflare_cdn_shows_bandwidth_at_no_charge() {
    let catalog = catalog();
    let cdn = sheet(&catalog, "cloudflare-cdn");
    let usage = ServiceUsage {
        requests: 1.0e7,
        payload_kb: 100.0,
        ..nothing()
    };
    let quote = quote_service(cdn, &usage, NO_FREE_TIER);
    let bandwidth = quote
        .line_items
        .iter()
        .find(|i| i.meter.id == "bandwidth")
        .expect("the bandwidth line is shown");
    assert_close(bandwidth.quantity, 1.0e7 * 100.0 / KB_PER_GB, "GB served");
    assert_eq!(total(&quote), 0.0);
}
