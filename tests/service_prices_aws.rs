//! AWS managed-service price sheets, checked against infracost's golden
//! files, the providers' published examples (service-prices.md) and their
//! unit and chunk rules, to the cent.
//!
//! Not reproduced, because the inputs cannot express them: SNS deliveries to
//! HTTP, email, push and Firehose subscribers (only Lambda and SQS deliveries
//! are priced), Kinesis enhanced fan-out and provisioned mode, CloudWatch
//! Logs Insights scans, the EventBridge archive, replay, Pipes and API
//! destination examples, and the DynamoDB backup and stream rows of its
//! golden.

mod common;

use serverless_atlas::catalog::{Catalog, PriceSheet};
use serverless_atlas::cost::{
    self, PricingOptions, Quote, ServiceInput, ServiceUsage, inputs_used, measure_service,
    quote_service,
};

const FREE_TIER: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: false,
};
const FIRST_YEAR: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: true,
};
const NO_FREE_TIER: PricingOptions = PricingOptions {
    free_tier: false,
    first_year_free_tier: false,
};

/// Every sheet this file covers, with the service whose default it is
/// (`None` for an alternative sheet of a service).
const SHEETS: [(&str, Option<&str>); 17] = [
    ("aws-s3", Some("aws-s3")),
    ("aws-sqs", Some("aws-sqs")),
    ("aws-sqs-fifo", None),
    ("aws-sns", Some("aws-sns")),
    ("aws-dynamodb", Some("aws-dynamodb")),
    ("aws-eventbridge", Some("aws-eventbridge")),
    (
        "aws-eventbridge-scheduler",
        Some("aws-eventbridge-scheduler"),
    ),
    ("aws-kinesis-data-streams", Some("aws-kinesis-data-streams")),
    ("aws-step-functions-standard", Some("aws-step-functions")),
    ("aws-step-functions-express", None),
    ("aws-cloudfront", Some("aws-cloudfront")),
    (
        "aws-api-gateway-websocket",
        Some("aws-api-gateway-websocket"),
    ),
    ("aws-cloudwatch-logs", Some("aws-cloudwatch-logs")),
    ("aws-iot-core", Some("aws-iot-core")),
    ("aws-alb", Some("aws-alb")),
    ("aws-cloudwatch", Some("aws-cloudwatch")),
    ("aws-fargate", Some("aws-fargate")),
];

/// KB in one GB (the engine counts data in binary units, as AWS does).
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

/// The usd of each billed tier of one meter, in tier order (no allowance).
fn tier_usds(quote: &Quote<'_>, meter_id: &str) -> Vec<f64> {
    quote
        .line_items
        .iter()
        .filter(|item| item.meter.id == meter_id && item.unit_price_usd > 0.0)
        .map(|item| item.usd)
        .collect()
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
    for (id, _) in SHEETS {
        let sheet = sheet(&catalog, id);
        assert!(sheet.service_id().is_some(), "{id} prices a service");
        assert!(!sheet.sources.is_empty(), "{id} cites sources");
        assert!(
            sheet
                .sources
                .iter()
                .all(|s| s.url.is_some() && s.note.as_deref().is_some_and(|n| !n.is_empty())),
            "{id}: every source has a url and a note"
        );
        assert!(sheet.as_of.to_string().starts_with("2026-"), "{id} as_of");
        assert!(!sheet.notes.is_empty(), "{id} explains itself");
        if !sheet.usage_defaults.is_empty() {
            assert!(
                sheet.notes.iter().any(|n| n.contains("Default")),
                "{id} states its defaults in a note"
            );
        }
        for volume in [0.0, 1.0e6, 1.0e9] {
            let usage = ServiceUsage::with_defaults(&sheet.usage_defaults, volume);
            for options in [FREE_TIER, NO_FREE_TIER] {
                let usd = total(&quote_service(sheet, &usage, options));
                assert!(usd.is_finite() && usd >= 0.0, "{id} at {volume}: {usd}");
            }
        }
    }
}

#[test]
fn sheets_are_for_us_east_1_or_say_where_they_apply() {
    let catalog = catalog();
    for (id, _) in SHEETS {
        let region = &sheet(&catalog, id).region;
        if id == "aws-cloudfront" {
            assert!(region.contains("United States"), "{id}: {region}");
        } else {
            assert_eq!(region, "us-east-1", "{id}");
        }
    }
}

#[test]
fn each_service_links_to_its_default_sheet_and_alternatives_share_the_subject() {
    let catalog = catalog();
    for (id, default_of) in SHEETS {
        let sheet = sheet(&catalog, id);
        let service_id = sheet.service_id().expect("a service sheet");
        let service = catalog
            .service(service_id)
            .unwrap_or_else(|| panic!("{id}: service {service_id} exists"));
        match default_of {
            Some(expected) => {
                assert_eq!(service_id, expected, "{id} subject");
                assert_eq!(service.price_sheet.as_deref(), Some(id), "{service_id}");
            }
            None => assert_ne!(service.price_sheet.as_deref(), Some(id), "{id}"),
        }
    }
    assert_eq!(
        sheet(&catalog, "aws-sqs-fifo").service_id(),
        Some("aws-sqs")
    );
    assert_eq!(
        sheet(&catalog, "aws-step-functions-express").service_id(),
        Some("aws-step-functions")
    );
}

/// The inputs each sheet asks for: what the inspector shows for a node.
#[test]
fn each_sheet_reads_the_inputs_its_bill_depends_on() {
    use ServiceInput::*;
    let catalog = catalog();
    let expected: [(&str, &[ServiceInput]); 17] = [
        ("aws-s3", &[StorageGb, Writes, Reads, EgressGb]),
        ("aws-sqs", &[Requests, PayloadKb]),
        ("aws-sqs-fifo", &[Requests, PayloadKb]),
        ("aws-sns", &[Requests, PayloadKb, Deliveries]),
        ("aws-dynamodb", &[PayloadKb, StorageGb, Writes, Reads]),
        ("aws-eventbridge", &[Requests, PayloadKb]),
        ("aws-eventbridge-scheduler", &[Requests]),
        (
            "aws-kinesis-data-streams",
            &[Requests, PayloadKb, StorageGb, Deliveries, Instances],
        ),
        ("aws-step-functions-standard", &[Requests, Steps]),
        (
            "aws-step-functions-express",
            &[Requests, DurationMs, MemoryMb],
        ),
        ("aws-cloudfront", &[Requests, PayloadKb]),
        (
            "aws-api-gateway-websocket",
            &[Requests, PayloadKb, ConnectionMinutes],
        ),
        ("aws-cloudwatch-logs", &[Requests, PayloadKb, StorageGb]),
        ("aws-iot-core", &[Requests, PayloadKb, ConnectionMinutes]),
        ("aws-alb", &[Requests, PayloadKb, Instances]),
        ("aws-cloudwatch", &[Requests, Instances]),
        ("aws-fargate", &[MemoryMb, Instances]),
    ];
    for (id, inputs) in expected {
        assert_eq!(inputs_used(sheet(&catalog, id)), inputs, "{id}");
    }
}

#[test]
fn an_empty_month_costs_nothing() {
    let catalog = catalog();
    for (id, _) in SHEETS {
        let quote = quote_service(sheet(&catalog, id), &nothing(), NO_FREE_TIER);
        assert_eq!(total(&quote), 0.0, "{id} charges for an empty month");
    }
}

// ---------------------------------------------------------------- S3

#[test]
fn s3_golden_storage_and_request_rates() {
    // infracost s3_bucket_test (us-east-1): 10,000 GB Standard = $230.00;
    // $0.005 per 1k PUT-class and $0.0004 per 1k GET-class requests.
    let catalog = catalog();
    let s3 = sheet(&catalog, "aws-s3");
    let usage = ServiceUsage {
        storage_gb: 10_000.0,
        writes: 1_000_000.0,
        reads: 1_000_000.0,
        ..nothing()
    };
    let quote = quote_service(s3, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "storage"), 230.00);
    assert_eq!(usd_of(&quote, "writes"), 5.00);
    assert_eq!(usd_of(&quote, "reads"), 0.40);
    assert_eq!(total(&quote), 235.40);
    // Object size does not change request counts on S3.
    let big_objects = ServiceUsage {
        payload_kb: 10_000.0,
        ..usage
    };
    assert_eq!(total(&quote_service(s3, &big_objects, FREE_TIER)), 235.40);
    assert!(!inputs_used(s3).contains(&ServiceInput::PayloadKb));
}

#[test]
fn s3_storage_tiers_at_50_and_500_tb() {
    let catalog = catalog();
    let s3 = sheet(&catalog, "aws-s3");
    // 600 TB: 50 TB at $0.023, 450 TB at $0.022, 100 TB at $0.021.
    let usage = ServiceUsage {
        storage_gb: 600.0 * 1024.0,
        ..nothing()
    };
    let quote = quote_service(s3, &usage, FREE_TIER);
    assert_eq!(
        tier_usds(&quote, "storage"),
        vec![1_177.60, 10_137.60, 2_150.40]
    );
}

#[test]
fn s3_golden_egress_tiers_and_100_gb_free() {
    // infracost data_transfer_test, us-east-1 row: 10,240 GB = $921.60,
    // 40,960 GB = $3,481.60, 5,800 GB = $406.00 (no free tier deducted).
    let catalog = catalog();
    let s3 = sheet(&catalog, "aws-s3");
    let usage = ServiceUsage {
        egress_gb: 10_240.0 + 40_960.0 + 5_800.0,
        ..nothing()
    };
    let quote = quote_service(s3, &usage, NO_FREE_TIER);
    assert_eq!(tier_usds(&quote, "egress"), vec![921.60, 3_481.60, 406.00]);
    // Over 150 TB: $0.05 (us-east-2 row: 3,400 GB = $170.00).
    let over = ServiceUsage {
        egress_gb: 153_600.0 + 3_400.0,
        ..nothing()
    };
    let quote = quote_service(s3, &over, NO_FREE_TIER);
    assert_eq!(tier_usds(&quote, "egress").last(), Some(&170.00));
    // The first 100 GB a month are free.
    let small = ServiceUsage {
        egress_gb: 100.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(s3, &small, FREE_TIER)), 0.0);
    assert_eq!(total(&quote_service(s3, &small, NO_FREE_TIER)), 9.00);
}

// ---------------------------------------------------------------- SQS

#[test]
fn sqs_golden_128_kb_messages_bill_as_two_requests() {
    // infracost sqs_queue_test: 1,000,000 requests x 128 KB = 2M = $0.80.
    let catalog = catalog();
    let sqs = sheet(&catalog, "aws-sqs");
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        payload_kb: 128.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(sqs, &usage, NO_FREE_TIER)), 0.80);
    // The first million requests a month are free.
    assert_eq!(total(&quote_service(sqs, &usage, FREE_TIER)), 0.40);
    // Official: a 256 KB payload is billed as four requests.
    let large = ServiceUsage {
        requests: 1.0,
        payload_kb: 256.0,
        ..nothing()
    };
    assert_close(quantity_of(sqs, &large, "requests"), 4.0, "256 KB");
}

#[test]
fn sqs_counts_64_kb_chunks_exactly() {
    let catalog = catalog();
    for id in ["aws-sqs", "aws-sqs-fifo", "aws-sns", "aws-eventbridge"] {
        let sheet = sheet(&catalog, id);
        let meter = &sheet.meters[0].id;
        for (payload_kb, chunks) in [(0.5, 1.0), (64.0, 1.0), (64.01, 2.0), (128.0, 2.0)] {
            let usage = ServiceUsage {
                requests: 1_000.0,
                payload_kb,
                ..nothing()
            };
            assert_close(
                quantity_of(sheet, &usage, meter),
                1_000.0 * chunks,
                &format!("{id} at {payload_kb} KB"),
            );
        }
    }
}

#[test]
fn sqs_fifo_golden_and_shared_free_tier() {
    // infracost sqs_queue_test: 1,000,000 FIFO requests of 64 KB = $0.50.
    let catalog = catalog();
    let fifo = sheet(&catalog, "aws-sqs-fifo");
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        payload_kb: 64.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(fifo, &usage, NO_FREE_TIER)), 0.50);
    assert_eq!(total(&quote_service(fifo, &usage, FREE_TIER)), 0.0);
}

#[test]
fn sqs_standard_volume_tiers() {
    let catalog = catalog();
    let sqs = sheet(&catalog, "aws-sqs");
    let usage = ServiceUsage {
        requests: 250.0e9,
        payload_kb: 1.0,
        ..nothing()
    };
    let quote = quote_service(sqs, &usage, NO_FREE_TIER);
    assert_eq!(
        tier_usds(&quote, "requests"),
        vec![40_000.00, 30_000.00, 12_000.00]
    );
}

// ---------------------------------------------------------------- SNS

#[test]
fn sns_publishes_in_64_kb_chunks_with_one_million_free() {
    // infracost sns_topic_test usage comment: 1M requests at 128 KB use 2M requests.
    let catalog = catalog();
    let sns = sheet(&catalog, "aws-sns");
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        payload_kb: 128.0,
        deliveries: 3.0,
        ..nothing()
    };
    assert_close(quantity_of(sns, &usage, "publishes"), 2.0e6, "chunks");
    let quote = quote_service(sns, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "publishes"), 1.00);
    // Deliveries to Lambda and SQS are metered but free.
    assert_close(quantity_of(sns, &usage, "deliveries"), 6.0e6, "deliveries");
    assert_eq!(usd_of(&quote, "deliveries"), 0.0);
    assert_eq!(total(&quote), 1.00);
    assert_eq!(total(&quote_service(sns, &usage, FREE_TIER)), 0.50);
    assert!(inputs_used(sns).contains(&ServiceInput::Deliveries));
}

// ---------------------------------------------------------------- DynamoDB

#[test]
fn dynamodb_golden_request_units_and_storage() {
    // infracost dynamodb_table_test (us-east-2, same on-demand rates):
    // 3,000,000 WRU = $1.88, 8,000,000 RRU = $1.00, 230 GB = $57.50.
    let catalog = catalog();
    let dynamodb = sheet(&catalog, "aws-dynamodb");
    let usage = ServiceUsage {
        writes: 3_000_000.0,
        reads: 8_000_000.0,
        payload_kb: 1.0,
        storage_gb: 230.0,
        ..nothing()
    };
    let quote = quote_service(dynamodb, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "writes"), 1.88);
    assert_eq!(usd_of(&quote, "reads"), 1.00);
    assert_eq!(usd_of(&quote, "storage"), 57.50);
    // 25 GB of storage are always free: 205 GB x $0.25.
    let quote = quote_service(dynamodb, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "storage"), 51.25);
}

#[test]
fn dynamodb_write_units_are_1_kb_and_read_units_4_kb() {
    let catalog = catalog();
    let dynamodb = sheet(&catalog, "aws-dynamodb");
    // Official examples: a 3 KB item takes 3 WRU; a strongly consistent
    // read of an 8 KB item takes 2 RRU.
    for (item_kb, wru, rru) in [
        (0.1, 1.0, 1.0),
        (1.0, 1.0, 1.0),
        (1.01, 2.0, 1.0),
        (3.0, 3.0, 1.0),
        (4.0, 4.0, 1.0),
        (4.01, 5.0, 2.0),
        (8.0, 8.0, 2.0),
    ] {
        let usage = ServiceUsage {
            writes: 1.0,
            reads: 1.0,
            payload_kb: item_kb,
            ..nothing()
        };
        assert_close(quantity_of(dynamodb, &usage, "writes"), wru, "WRU");
        assert_close(quantity_of(dynamodb, &usage, "reads"), rru, "RRU");
    }
}

// ---------------------------------------------------------------- EventBridge

#[test]
fn eventbridge_five_million_events_cost_five_dollars() {
    // Pre-2025 official example: 5 M events (each 64 KB or less) x $1.00/M = $5.00.
    let catalog = catalog();
    let bus = sheet(&catalog, "aws-eventbridge");
    let usage = ServiceUsage {
        requests: 5_000_000.0,
        payload_kb: 64.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(bus, &usage, FREE_TIER)), 5.00);
    // Official: an event with a 256 KB payload is billed as 4 events.
    let large = ServiceUsage {
        requests: 1.0,
        payload_kb: 256.0,
        ..nothing()
    };
    assert_close(quantity_of(bus, &large, "events"), 4.0, "256 KB");
}

#[test]
fn eventbridge_scheduler_has_14_million_free_invocations() {
    let catalog = catalog();
    let scheduler = sheet(&catalog, "aws-eventbridge-scheduler");
    let usage = |requests| ServiceUsage {
        requests,
        payload_kb: 300.0, // payload does not matter to the Scheduler
        ..nothing()
    };
    assert_eq!(
        total(&quote_service(scheduler, &usage(14.0e6), FREE_TIER)),
        0.0
    );
    assert_eq!(
        total(&quote_service(scheduler, &usage(15.0e6), FREE_TIER)),
        1.00
    );
    assert_eq!(
        total(&quote_service(scheduler, &usage(15.0e6), NO_FREE_TIER)),
        15.00
    );
}

// ---------------------------------------------------------------- Kinesis

#[test]
fn kinesis_golden_on_demand_stream() {
    // infracost kinesis_stream_test (on-demand): 730 h = $29.20, 0.2 GB in
    // = $0.02, 0.2 GB out = $0.01, 1 GB extended retention = $0.10.
    let catalog = catalog();
    let kinesis = sheet(&catalog, "aws-kinesis-data-streams");
    let usage = ServiceUsage {
        instances: 1.0,
        requests: 0.2 * KB_PER_GB, // 1 KB records
        payload_kb: 1.0,
        deliveries: 1.0,
        storage_gb: 1.0,
        ..nothing()
    };
    let quote = quote_service(kinesis, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "stream-hours"), 29.20);
    assert_eq!(usd_of(&quote, "data-in"), 0.02);
    assert_eq!(usd_of(&quote, "data-out"), 0.01);
    assert_eq!(usd_of(&quote, "extended-retention"), 0.10);
    assert_eq!(total(&quote), 29.33);
}

#[test]
fn kinesis_rounds_records_up_to_1_kb_and_reads_once_per_consumer() {
    let catalog = catalog();
    let kinesis = sheet(&catalog, "aws-kinesis-data-streams");
    // Official: 4.5 KB records count as 5 KB of data in.
    let usage = ServiceUsage {
        requests: KB_PER_GB,
        payload_kb: 4.5,
        deliveries: 3.0,
        ..nothing()
    };
    assert_close(quantity_of(kinesis, &usage, "data-in"), 5.0, "GB in");
    assert_close(quantity_of(kinesis, &usage, "data-out"), 15.0, "GB out");
    let quote = quote_service(kinesis, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "data-in"), 0.40);
    assert_eq!(usd_of(&quote, "data-out"), 0.60);
}

// ---------------------------------------------------------------- Step Functions

#[test]
fn step_functions_standard_golden_transitions() {
    // infracost sfn_state_machine_test: 10,000 transitions = $0.25 (free not deducted).
    let catalog = catalog();
    let standard = sheet(&catalog, "aws-step-functions-standard");
    let usage = ServiceUsage {
        requests: 1_000.0,
        steps: 10.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(standard, &usage, NO_FREE_TIER)), 0.25);
    // 4,000 transitions a month are free: 6,000 x $0.025 / 1,000.
    assert_eq!(total(&quote_service(standard, &usage, FREE_TIER)), 0.15);
}

#[test]
fn step_functions_express_golden_one_tier() {
    // 100,000 requests of 123 ms with no memory given: billed as 200 ms and
    // 64 MB = 0.3472 GB-hours = $0.02; requests $0.10.
    let catalog = catalog();
    let express = sheet(&catalog, "aws-step-functions-express");
    let usage = ServiceUsage {
        requests: 100_000.0,
        duration_ms: 123.0,
        memory_mb: 0.0,
        ..nothing()
    };
    assert_close(
        quantity_of(express, &usage, "duration") / 3600.0,
        1250.0 / 3600.0,
        "GB-hours",
    );
    let quote = quote_service(express, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "requests"), 0.10);
    assert_eq!(usd_of(&quote, "duration"), 0.02);
}

#[test]
fn step_functions_express_golden_two_tiers() {
    // 10,000,000 requests of 800 ms at 512 MB: $10.00; 1,000 GB-h = $60.01;
    // 111.1111 GB-h = $3.33.
    let catalog = catalog();
    let express = sheet(&catalog, "aws-step-functions-express");
    let usage = ServiceUsage {
        requests: 10_000_000.0,
        duration_ms: 800.0,
        memory_mb: 512.0,
        ..nothing()
    };
    let quote = quote_service(express, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "requests"), 10.00);
    assert_eq!(tier_usds(&quote, "duration"), vec![60.01, 3.33]);
    assert_eq!(total(&quote), 73.34);
}

#[test]
fn step_functions_express_golden_three_tiers() {
    // 100,000,000 requests of 801 ms at 1,200 MB, billed as 900 ms and
    // 1,216 MB: $100.00; $60.01 + $119.95 + 24,687.5 GB-h = $405.27.
    let catalog = catalog();
    let express = sheet(&catalog, "aws-step-functions-express");
    let usage = ServiceUsage {
        requests: 100_000_000.0,
        duration_ms: 801.0,
        memory_mb: 1_200.0,
        ..nothing()
    };
    assert_close(
        quantity_of(express, &usage, "duration") / 3600.0,
        29_687.5,
        "GB-hours",
    );
    let quote = quote_service(express, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "requests"), 100.00);
    assert_eq!(tier_usds(&quote, "duration"), vec![60.01, 119.95, 405.27]);
    assert_eq!(total(&quote), 685.23);
}

// ---------------------------------------------------------------- CloudFront

#[test]
fn cloudfront_golden_united_states_row() {
    // infracost cloudfront_distribution_test, US, Mexico, Canada: 10,240 GB =
    // $870.40; 40,960 GB = $3,276.80; 102,400 GB = $6,144.00; 358,400 GB =
    // $14,336.00; 536,576 GB = $16,097.28; 4,194,304 GB = $104,857.60;
    // 7,097,120 GB = $141,942.40; 12.34 x 10k HTTPS requests = $0.12.
    let catalog = catalog();
    let cloudfront = sheet(&catalog, "aws-cloudfront");
    let requests = 123_400.0;
    let data_gb = 12_340_000.0;
    let usage = ServiceUsage {
        requests,
        payload_kb: data_gb / requests * KB_PER_GB,
        ..nothing()
    };
    let quote = quote_service(cloudfront, &usage, NO_FREE_TIER);
    assert_eq!(
        tier_usds(&quote, "data-out"),
        vec![
            870.40, 3_276.80, 6_144.00, 14_336.00, 16_097.28, 104_857.60, 141_942.40
        ]
    );
    assert_eq!(usd_of(&quote, "requests"), 0.12);
}

#[test]
fn cloudfront_https_requests_and_free_tier() {
    let catalog = catalog();
    let cloudfront = sheet(&catalog, "aws-cloudfront");
    // 20M requests of 50 KB = 953.67 GB out, inside the free 1 TB.
    let usage = ServiceUsage {
        requests: 20_000_000.0,
        payload_kb: 50.0,
        ..nothing()
    };
    let quote = quote_service(cloudfront, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "requests"), 10.00);
    assert_eq!(total(&quote), 10.00);
    let quote = quote_service(cloudfront, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "requests"), 20.00);
    assert_eq!(usd_of(&quote, "data-out"), 81.06);
}

// ---------------------------------------------------------------- API Gateway WebSocket

#[test]
fn websocket_golden_messages_and_connection_minutes() {
    // infracost apigatewayv2_api_test: 1.5B messages of 32 KB = $1,000.00 +
    // $400.00; 10M connection minutes = $2.50.
    let catalog = catalog();
    let websocket = sheet(&catalog, "aws-api-gateway-websocket");
    let usage = ServiceUsage {
        requests: 1.5e9,
        payload_kb: 32.0,
        connection_minutes: 10.0e6,
        ..nothing()
    };
    let quote = quote_service(websocket, &usage, NO_FREE_TIER);
    assert_eq!(tier_usds(&quote, "messages"), vec![1_000.00, 400.00]);
    assert_eq!(usd_of(&quote, "connection-minutes"), 2.50);
    assert_eq!(total(&quote), 1_402.50);
}

#[test]
fn websocket_meters_messages_in_32_kb_increments() {
    // Official: a 33 KB message counts as two.
    let catalog = catalog();
    let websocket = sheet(&catalog, "aws-api-gateway-websocket");
    for (payload_kb, counted) in [(1.0, 1.0), (32.0, 1.0), (33.0, 2.0), (128.0, 4.0)] {
        let usage = ServiceUsage {
            requests: 1.0,
            payload_kb,
            ..nothing()
        };
        assert_close(
            quantity_of(websocket, &usage, "messages"),
            counted,
            &format!("{payload_kb} KB"),
        );
    }
    // Free tier: 1M messages and 750,000 minutes, for the first 12 months
    // of accounts opened before 2025-07-15 only: applied only when asked.
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        payload_kb: 1.0,
        connection_minutes: 750_000.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(websocket, &usage, FIRST_YEAR)), 0.0);
    assert_eq!(total(&quote_service(websocket, &usage, FREE_TIER)), 1.19);
    assert_eq!(total(&quote_service(websocket, &usage, NO_FREE_TIER)), 1.19);
}

// ---------------------------------------------------------------- CloudWatch Logs

#[test]
fn cloudwatch_logs_golden_ingest_and_storage() {
    // infracost cloudwatch_log_group_test: 1,000 GB ingested = $500.00,
    // 500 GB stored = $15.00 (free 5 GB not deducted).
    let catalog = catalog();
    let logs = sheet(&catalog, "aws-cloudwatch-logs");
    let usage = ServiceUsage {
        requests: 1_000.0 * 1024.0, // 1 MB of logs each
        payload_kb: 1024.0,
        storage_gb: 500.0,
        ..nothing()
    };
    let quote = quote_service(logs, &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&quote, "ingest"), 500.00);
    assert_eq!(usd_of(&quote, "storage"), 15.00);
    // The free 5 GB of each: 995 x $0.50 and 495 x $0.03.
    let quote = quote_service(logs, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "ingest"), 497.50);
    assert_eq!(usd_of(&quote, "storage"), 14.85);
}

// ---------------------------------------------------------------- IoT Core

#[test]
fn iot_core_message_tiers_reproduce_the_research_example() {
    // Secondary research note: 25.92 billion messages = $1,000.00 +
    // $3,200.00 + $14,644.00 = $18,844.00.
    let catalog = catalog();
    let iot = sheet(&catalog, "aws-iot-core");
    let usage = ServiceUsage {
        requests: 25.92e9,
        payload_kb: 0.1,
        ..nothing()
    };
    let quote = quote_service(iot, &usage, NO_FREE_TIER);
    assert_eq!(
        tier_usds(&quote, "messages"),
        vec![1_000.00, 3_200.00, 14_644.00]
    );
    assert_eq!(total(&quote), 18_844.00);
}

#[test]
fn iot_core_counts_5_kb_messages_and_connection_minutes() {
    let catalog = catalog();
    let iot = sheet(&catalog, "aws-iot-core");
    for (payload_kb, counted) in [(0.05, 1.0), (5.0, 1.0), (5.01, 2.0), (128.0, 26.0)] {
        let usage = ServiceUsage {
            requests: 1.0,
            payload_kb,
            ..nothing()
        };
        assert_close(
            quantity_of(iot, &usage, "messages"),
            counted,
            &format!("{payload_kb} KB"),
        );
    }
    // 1,000 devices connected all month: 43.8M minutes x $0.08 per million.
    let usage = ServiceUsage {
        connection_minutes: 1_000.0 * 43_800.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(iot, &usage, NO_FREE_TIER)), 3.50);
    // 2.25M minutes are free for the first 12 months (older accounts only).
    assert_eq!(total(&quote_service(iot, &usage, FIRST_YEAR)), 3.32);
    assert_eq!(total(&quote_service(iot, &usage, FREE_TIER)), 3.50);
}

// ---------------------------------------------------------------- ALB

#[test]
fn alb_golden_hours_and_lcu_hours() {
    // infracost lb_test: 730 hours = $16.43; 1,000 LCU-hours = $8.00.
    let catalog = catalog();
    let alb = sheet(&catalog, "aws-alb");
    // 400 GB processed for Lambda targets (0.4 GB per LCU-hour) = 1,000 LCU-hours.
    let usage = ServiceUsage {
        instances: 1.0,
        requests: 400.0 * 1024.0,
        payload_kb: 1024.0,
        ..nothing()
    };
    assert_close(quantity_of(alb, &usage, "lcu-hours"), 1_000.0, "LCU-hours");
    let quote = quote_service(alb, &usage, FREE_TIER);
    assert_eq!(usd_of(&quote, "hours"), 16.43);
    assert_eq!(usd_of(&quote, "lcu-hours"), 8.00);
    assert_eq!(total(&quote), 24.43);
}

// ---------------------------------------------------------------- CloudWatch metrics

#[test]
fn cloudwatch_custom_metric_tiers_and_free_metrics() {
    let catalog = catalog();
    let cloudwatch = sheet(&catalog, "aws-cloudwatch");
    let metrics = |instances| ServiceUsage {
        instances,
        ..nothing()
    };
    assert_eq!(
        total(&quote_service(cloudwatch, &metrics(10.0), FREE_TIER)),
        0.0
    );
    assert_eq!(
        total(&quote_service(cloudwatch, &metrics(20.0), FREE_TIER)),
        3.00
    );
    // 2,000,000 metrics: 10,000 x $0.30, 240,000 x $0.10, 750,000 x $0.05,
    // 1,000,000 x $0.02.
    let quote = quote_service(cloudwatch, &metrics(2.0e6), NO_FREE_TIER);
    assert_eq!(
        tier_usds(&quote, "metrics"),
        vec![3_000.00, 24_000.00, 37_500.00, 20_000.00]
    );
    // API requests: $0.01 per 1,000 after the free million.
    let calls = ServiceUsage {
        requests: 2_000_000.0,
        ..nothing()
    };
    assert_eq!(total(&quote_service(cloudwatch, &calls, FREE_TIER)), 10.00);
    assert_eq!(
        total(&quote_service(cloudwatch, &calls, NO_FREE_TIER)),
        20.00
    );
}

// ---------------------------------------------------------------- Fargate

#[test]
fn fargate_golden_always_on_tasks() {
    // infracost ecs_service_test (us-east-1): one 1 vCPU / 2 GB task =
    // $29.55 + $6.49; five = $147.75 + $32.45.
    let catalog = catalog();
    let fargate = sheet(&catalog, "aws-fargate");
    for (tasks, vcpu_usd, gb_usd) in [
        (1.0, 29.55, 6.49),
        (2.0, 59.10, 12.98),
        (5.0, 147.75, 32.45),
    ] {
        let usage = ServiceUsage {
            instances: tasks,
            memory_mb: 2048.0,
            ..nothing()
        };
        let quote = quote_service(fargate, &usage, FREE_TIER);
        assert_eq!(usd_of(&quote, "vcpu-hours"), vcpu_usd, "{tasks} tasks");
        assert_eq!(usd_of(&quote, "gb-hours"), gb_usd, "{tasks} tasks");
    }
    let used = inputs_used(fargate);
    assert!(used.contains(&ServiceInput::Instances));
    assert!(used.contains(&ServiceInput::MemoryMb));
    assert!(!used.contains(&ServiceInput::Requests));
}
