//! Azure managed-service price sheets: the infracost golden rows and the
//! billing rules in `/work/shared/reference/service-prices.md` (Azure
//! section), reproduced to the cent, plus the chunking boundaries.
//!
//! infracost does not always deduct free allowances; those goldens are
//! priced with the free tier off. Included plan allowances (Service Bus
//! Standard's 13M operations) always apply, as they do in the goldens.

use serverless_atlas::catalog::{Catalog, PriceSheet, Subject};
use serverless_atlas::cost::{self, PricingOptions, Quote, ServiceUsage, quote_service};

const FREE_TIER: PricingOptions = PricingOptions {
    free_tier: true,
    first_year_free_tier: false,
};
const NO_FREE_TIER: PricingOptions = PricingOptions {
    free_tier: false,
    first_year_free_tier: false,
};

/// Every sheet this file covers.
const AZURE_SHEETS: &[&str] = &[
    "azure-service-bus",
    "azure-service-bus-topics",
    "azure-event-grid",
    "azure-event-hubs",
    "azure-cosmos-db-serverless",
    "azure-blob-storage",
    "azure-api-management-consumption",
    "azure-queue-storage",
    "azure-front-door",
    "azure-monitor",
    "azure-log-analytics",
    "azure-container-apps",
    "azure-container-apps-idle",
    "azure-iot-hub",
    "azure-event-hubs-basic",
    "azure-service-bus-basic",
];

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

fn sheet<'a>(catalog: &'a Catalog, id: &str) -> &'a PriceSheet {
    catalog
        .price_sheet(id)
        .unwrap_or_else(|| panic!("price sheet {id} exists"))
}

/// A month with nothing in it; each test sets what it uses.
fn nothing() -> ServiceUsage {
    ServiceUsage {
        requests: 0.0,
        payload_kb: 1.0,
        storage_gb: 0.0,
        writes: 0.0,
        reads: 0.0,
        egress_gb: 0.0,
        duration_ms: 0.0,
        memory_mb: 0.0,
        deliveries: 0.0,
        steps: 0.0,
        connection_minutes: 0.0,
        instances: 0.0,
    }
}

fn total(quote: &Quote<'_>) -> f64 {
    quote.total_usd.expect("a service quote is always feasible")
}

/// The usd of the line items whose label starts with `prefix`.
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

fn price(id: &str, usage: &ServiceUsage, options: PricingOptions) -> f64 {
    let catalog = catalog();
    total(&quote_service(sheet(&catalog, id), usage, options))
}

#[test]
fn every_azure_sheet_loads_cites_sources_and_prices_its_defaults() {
    let catalog = catalog();
    for id in AZURE_SHEETS {
        let sheet = sheet(&catalog, id);
        let Subject::Service(service_id) = &sheet.subject else {
            panic!("{id} prices a service");
        };
        let service = catalog
            .service(service_id)
            .unwrap_or_else(|| panic!("{id}: service {service_id} exists"));
        assert_eq!(service.provider, "azure", "{id}");
        assert!(!sheet.sources.is_empty(), "{id} cites sources");
        assert!(
            sheet
                .sources
                .iter()
                .all(|s| s.note.as_deref().is_some_and(|n| !n.is_empty())),
            "{id}: every source says what it supports"
        );
        assert!(!sheet.region.is_empty(), "{id} names its region");
        assert!(sheet.as_of.to_string().starts_with("2026-"), "{id} as_of");
        assert!(!sheet.notes.is_empty(), "{id} explains itself");
        for requests in [0.0, 1_000_000.0, 1e9] {
            let usage = ServiceUsage::with_defaults(&sheet.usage_defaults, requests);
            for options in [FREE_TIER, NO_FREE_TIER] {
                let usd = total(&quote_service(sheet, &usage, options));
                assert!(usd.is_finite() && usd >= 0.0, "{id}: {usd}");
            }
        }
        let busy = ServiceUsage::with_defaults(&sheet.usage_defaults, 1e9);
        let idle = ServiceUsage::with_defaults(&sheet.usage_defaults, 0.0);
        assert!(
            total(&quote_service(sheet, &busy, NO_FREE_TIER))
                >= total(&quote_service(sheet, &idle, NO_FREE_TIER)),
            "{id}: more traffic never costs less"
        );
    }
}

#[test]
fn linked_services_point_at_their_default_sheet() {
    let catalog = catalog();
    for (service, sheet_id) in [
        ("azure-service-bus", "azure-service-bus"),
        ("azure-service-bus-topics", "azure-service-bus-topics"),
        ("azure-event-grid", "azure-event-grid"),
        ("azure-event-hubs", "azure-event-hubs"),
        ("azure-cosmos-db", "azure-cosmos-db-serverless"),
        ("azure-blob-storage", "azure-blob-storage"),
        ("azure-api-management", "azure-api-management-consumption"),
        ("azure-queue-storage", "azure-queue-storage"),
        ("azure-front-door", "azure-front-door"),
        ("azure-monitor", "azure-monitor"),
        ("azure-log-analytics", "azure-log-analytics"),
        ("azure-container-apps", "azure-container-apps"),
        ("azure-iot-hub", "azure-iot-hub"),
    ] {
        let found = catalog.service(service).expect("service exists");
        assert_eq!(found.price_sheet.as_deref(), Some(sheet_id), "{service}");
    }
}

// ---------------------------------------------------------------- Service Bus

#[test]
fn service_bus_golden_three_billion_operations_west_europe() {
    // servicebus_namespace_test: 87 x $0.80 + 2,400 x $0.50 + 500 x $0.20
    // after the 13M included, plus the $9.81 base charge.
    let catalog = catalog();
    let usage = ServiceUsage {
        requests: 3_000_000_000.0,
        ..nothing()
    };
    let q = quote_service(sheet(&catalog, "azure-service-bus"), &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Messaging operations, first"), 69.60);
    assert_eq!(usd_of(&q, "Messaging operations"), 1369.60);
    assert_eq!(usd_of(&q, "Standard base charge"), 9.81);
    assert_eq!(total(&q), 1379.41);
}

#[test]
fn service_bus_includes_13m_operations_then_bills_the_first_tier() {
    let at = |ops: f64| {
        price(
            "azure-service-bus",
            &ServiceUsage {
                requests: ops,
                ..nothing()
            },
            NO_FREE_TIER,
        )
    };
    assert_eq!(at(0.0), 9.81);
    assert_eq!(at(13_000_000.0), 9.81);
    assert_eq!(at(14_000_000.0), 10.61, "13M included + 1M at $0.80");
}

#[test]
fn service_bus_counts_each_receive_as_an_operation() {
    // 10M messages sent and received once: 20M operations, 7M billed at
    // $0.80 ($5.60) on top of the $9.81 base.
    let usage = ServiceUsage {
        requests: 10_000_000.0,
        deliveries: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-service-bus", &usage, FREE_TIER), 15.41);
    // A topic with three subscriptions: 40M operations, 27M billed ($21.60).
    let fan_out = ServiceUsage {
        deliveries: 3.0,
        ..usage
    };
    assert_eq!(
        price("azure-service-bus-topics", &fan_out, FREE_TIER),
        31.41
    );
}

// ----------------------------------------------------------------- Event Grid

#[test]
fn event_grid_golden_eight_hundred_thousand_operations() {
    // eventgrid_topic_test prints 8 x 100k operations = $0.48 without the
    // free allowance (it rounds 820,000 down to 8 units).
    let usage = ServiceUsage {
        requests: 800_000.0,
        ..nothing()
    };
    assert_eq!(price("azure-event-grid", &usage, NO_FREE_TIER), 0.48);
    // With the first 100,000 free: 7 units.
    assert_eq!(price("azure-event-grid", &usage, FREE_TIER), 0.42);
}

#[test]
fn event_grid_bills_ingress_and_each_delivery() {
    // 1M events to two subscribers: 3M operations, 2.9M after the free 100k.
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        deliveries: 2.0,
        ..nothing()
    };
    assert_eq!(price("azure-event-grid", &usage, FREE_TIER), 1.74);
    assert_eq!(price("azure-event-grid", &usage, NO_FREE_TIER), 1.80);
}

// ----------------------------------------------------------------- Event Hubs

#[test]
fn event_hubs_golden_twenty_throughput_units_east_us() {
    // event_hubs_namespace_test: 20 TU = $438.00, 100M ingress events = $2.80.
    let catalog = catalog();
    let usage = ServiceUsage {
        requests: 100_000_000.0,
        payload_kb: 1.0,
        instances: 20.0,
        ..nothing()
    };
    let q = quote_service(sheet(&catalog, "azure-event-hubs"), &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Throughput units"), 438.00);
    assert_eq!(usd_of(&q, "Ingress events"), 2.80);
    assert_eq!(total(&q), 440.80);
}

#[test]
fn event_hubs_counts_ingress_in_64_kb_units() {
    let ingress = |payload_kb: f64| {
        let catalog = catalog();
        let usage = ServiceUsage {
            requests: 100_000_000.0,
            payload_kb,
            instances: 1.0,
            ..nothing()
        };
        usd_of(
            &quote_service(sheet(&catalog, "azure-event-hubs"), &usage, FREE_TIER),
            "Ingress events",
        )
    };
    assert_eq!(ingress(64.0), 2.80, "64 KB is one event");
    assert_eq!(ingress(64.01), 5.60, "64.01 KB is two");
    assert_eq!(ingress(128.0), 5.60, "128 KB is exactly two");
    assert_eq!(ingress(1024.0), 44.80, "1 MB is sixteen");
}

// ------------------------------------------------------------------ Cosmos DB

#[test]
fn cosmos_serverless_golden_ten_million_ru_and_a_terabyte_west_us() {
    // cosmosdb_sql_container_test: 10 x 1M RU = $2.79; 1,000 GB = $250.00.
    // Ten million 1 KB point reads are ten million RU.
    let catalog = catalog();
    let usage = ServiceUsage {
        reads: 10_000_000.0,
        storage_gb: 1000.0,
        ..nothing()
    };
    let q = quote_service(
        sheet(&catalog, "azure-cosmos-db-serverless"),
        &usage,
        NO_FREE_TIER,
    );
    assert_eq!(usd_of(&q, "Request units"), 2.79);
    assert_eq!(usd_of(&q, "Transactional storage"), 250.00);
    assert_eq!(total(&q), 252.79);
}

#[test]
fn cosmos_serverless_writes_cost_4_95_ru() {
    // 1M writes of 1 KB items = 4.95M RU x $0.279 = $1.381.
    let usage = ServiceUsage {
        writes: 1_000_000.0,
        ..nothing()
    };
    assert_eq!(price("azure-cosmos-db-serverless", &usage, FREE_TIER), 1.38);
}

// --------------------------------------------------------------- Blob Storage

#[test]
fn blob_hot_lrs_golden_first_50_tb_tier() {
    // storage_account_test (West US, same storage rate): 51,200 GB = $1,064.96.
    let usage = ServiceUsage {
        storage_gb: 51_200.0,
        ..nothing()
    };
    assert_eq!(price("azure-blob-storage", &usage, FREE_TIER), 1064.96);
}

#[test]
fn blob_hot_lrs_storage_tiers_split_at_50_and_500_tb() {
    // 100,000 GB: 51,200 x 0.0208 + 48,800 x 0.019968 = 1,064.96 + 974.44.
    let usage = ServiceUsage {
        storage_gb: 100_000.0,
        ..nothing()
    };
    assert_eq!(price("azure-blob-storage", &usage, FREE_TIER), 2039.40);
    // 600,000 GB: 1,064.96 + 460,800 x 0.019968 (9,201.25) + 88,000 x 0.019136 (1,683.97).
    let big = ServiceUsage {
        storage_gb: 600_000.0,
        ..nothing()
    };
    assert_eq!(price("azure-blob-storage", &big, FREE_TIER), 11950.18);
}

#[test]
fn blob_hot_lrs_operations_per_ten_thousand() {
    // 1M writes = 100 x $0.05; 1M reads = 100 x $0.004.
    let usage = ServiceUsage {
        writes: 1_000_000.0,
        reads: 1_000_000.0,
        ..nothing()
    };
    assert_eq!(price("azure-blob-storage", &usage, FREE_TIER), 5.40);
}

// ------------------------------------------------------------ API Management

#[test]
fn api_management_consumption_golden_ten_million_calls_east_us() {
    // api_management_test: 10 x 1M calls = $35.00, free million not deducted.
    let usage = ServiceUsage {
        requests: 10_000_000.0,
        ..nothing()
    };
    assert_eq!(
        price("azure-api-management-consumption", &usage, NO_FREE_TIER),
        35.00
    );
    assert_eq!(
        price("azure-api-management-consumption", &usage, FREE_TIER),
        31.50
    );
    let within_free = ServiceUsage {
        requests: 1_000_000.0,
        ..nothing()
    };
    assert_eq!(
        price("azure-api-management-consumption", &within_free, FREE_TIER),
        0.0
    );
}

// -------------------------------------------------------------- Queue Storage

#[test]
fn queue_storage_golden_gpv2_lrs_west_us() {
    // storage_queue_test: 2,000 GB = $90.00, 200 x 10k class 1 = $0.80,
    // 400 x 10k class 2 = $1.60. As messages: 1M put and deleted (2M class 1)
    // and got by four consumers (4M class 2).
    let catalog = catalog();
    let usage = ServiceUsage {
        requests: 1_000_000.0,
        deliveries: 4.0,
        storage_gb: 2000.0,
        ..nothing()
    };
    let q = quote_service(sheet(&catalog, "azure-queue-storage"), &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Queue capacity"), 90.00);
    assert_eq!(usd_of(&q, "Class 1"), 0.80);
    assert_eq!(usd_of(&q, "Class 2"), 1.60);
    assert_eq!(total(&q), 92.40);
}

#[test]
fn queue_storage_message_is_put_got_and_deleted() {
    // 10M messages, one consumer: 30M operations x $0.004 / 10k.
    let usage = ServiceUsage {
        requests: 10_000_000.0,
        deliveries: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-queue-storage", &usage, FREE_TIER), 12.00);
}

// ----------------------------------------------------------------- Front Door

#[test]
fn front_door_classic_golden_six_rules_and_200_tb_out() {
    // frontdoor_test (with usage, less the frontend hosts it also bills):
    // 3,650 rule-hours at $0.03 + 730 at $0.012; 1,000 GB in; 200,000 GB out.
    let catalog = catalog();
    let usage = ServiceUsage {
        instances: 6.0,
        // 1,000 binary GB of 1 KB requests.
        requests: 1000.0 * 1024.0 * 1024.0,
        payload_kb: 1.0,
        egress_gb: 200_000.0,
        ..nothing()
    };
    let q = quote_service(sheet(&catalog, "azure-front-door"), &usage, NO_FREE_TIER);
    assert_eq!(usd_of(&q, "Routing rules, first"), 109.50);
    assert_eq!(usd_of(&q, "Routing rules"), 118.26);
    assert_eq!(usd_of(&q, "Inbound data transfer"), 10.00);
    assert_eq!(usd_of(&q, "Outbound data transfer"), 27_200.00);
    assert_eq!(total(&q), 27_328.26);
}

#[test]
fn front_door_one_rule_costs_21_90_a_month() {
    // frontdoor_without_usage: one routing rule, 730 hours = $21.90.
    let usage = ServiceUsage {
        instances: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-front-door", &usage, FREE_TIER), 21.90);
}

// ------------------------------------------------------ Monitor and logs

#[test]
fn monitor_metric_alerts_golden_eight_time_series() {
    // monitor_metric_alert_test (East US): 8 time series = $0.80.
    let usage = ServiceUsage {
        instances: 8.0,
        ..nothing()
    };
    assert_eq!(price("azure-monitor", &usage, FREE_TIER), 0.80);
}

#[test]
fn log_analytics_golden_twenty_gb_ingested_west_europe() {
    // log_analytics_workspace_test: 20 GB = $59.80, no free allowance.
    // Azure's GB is 10^9 bytes: 19,531,250 records of 1 KB (1,024 bytes).
    let usage = ServiceUsage {
        requests: 19_531_250.0,
        payload_kb: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-log-analytics", &usage, NO_FREE_TIER), 59.80);
    // The first 5 GB free: 15 GB billed.
    assert_eq!(price("azure-log-analytics", &usage, FREE_TIER), 44.85);
    // 30 GB kept beyond the included retention: $3.90.
    let retained = ServiceUsage {
        storage_gb: 30.0,
        ..nothing()
    };
    assert_eq!(price("azure-log-analytics", &retained, FREE_TIER), 3.90);
    // 20 binary GB of records is 21.47 decimal GB: $64.21, not $59.80.
    let binary = ServiceUsage {
        requests: 20.0 * 1024.0 * 1024.0,
        payload_kb: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-log-analytics", &binary, NO_FREE_TIER), 64.21);
}

// ------------------------------------------------------------ Container Apps

#[test]
fn container_apps_idle_golden_three_min_replicas() {
    // container_app_test: 3 minimum replicas of two 0.25 vCPU / 0.5 GiB
    // containers (0.5 vCPU, 1 GiB): idle vCPU 3,942,000 vCPU-s = $15.77,
    // idle memory 7,884,000 GiB-s = $31.54 (the golden spends the free grant
    // on active time, so none is left for idle).
    let catalog = catalog();
    let usage = ServiceUsage {
        instances: 3.0,
        memory_mb: 1024.0,
        ..nothing()
    };
    let q = quote_service(
        sheet(&catalog, "azure-container-apps-idle"),
        &usage,
        NO_FREE_TIER,
    );
    assert_eq!(usd_of(&q, "vCPU (idle)"), 15.77);
    assert_eq!(usd_of(&q, "Memory (idle)"), 31.54);
    assert_eq!(total(&q), 47.31);
}

#[test]
fn container_apps_active_replica_and_free_grant() {
    // One 0.25 vCPU / 0.5 GiB replica all month: 182.5 vCPU-h x $0.1224
    // and 365 GiB-h x $0.0144; 5M requests, 3M billed at $0.56 (the golden's
    // requests row).
    let usage = ServiceUsage {
        instances: 1.0,
        memory_mb: 512.0,
        requests: 5_000_000.0,
        ..nothing()
    };
    assert_eq!(
        price("azure-container-apps", &usage, NO_FREE_TIER),
        30.40, // 22.34 + 5.26 + 2.80
    );
    // Free: 50 vCPU-h, 100 GiB-h and 2M requests.
    assert_eq!(
        price("azure-container-apps", &usage, FREE_TIER),
        21.72, // 16.22 + 3.82 + 1.68
    );
    // Memory rounds up to 0.5 GiB steps and CPU follows it: 600 MB bills as
    // 1 GiB and 0.5 vCPU.
    let bigger = ServiceUsage {
        memory_mb: 600.0,
        requests: 0.0,
        ..usage
    };
    assert_eq!(
        price("azure-container-apps", &bigger, NO_FREE_TIER),
        55.19, // 365 vCPU-h: 44.68; 730 GiB-h: 10.51
    );
}

// -------------------------------------------------------------------- IoT Hub

#[test]
fn iot_hub_golden_two_s1_units() {
    // iothub_test: 2 S1 units = $50.00.
    let usage = ServiceUsage {
        instances: 2.0,
        ..nothing()
    };
    assert_eq!(price("azure-iot-hub", &usage, FREE_TIER), 50.00);
}

// ------------------------------------------------------- Alternative tiers

#[test]
fn event_hubs_basic_golden_one_throughput_unit() {
    // event_hubs_namespace_test: Basic 1 TU = $10.95, 10M ingress = $0.28.
    let usage = ServiceUsage {
        requests: 10_000_000.0,
        instances: 1.0,
        ..nothing()
    };
    assert_eq!(price("azure-event-hubs-basic", &usage, NO_FREE_TIER), 11.23);
    // The same month on Standard: $21.90 + $0.28.
    assert_eq!(price("azure-event-hubs", &usage, NO_FREE_TIER), 22.18);
}

#[test]
fn service_bus_basic_golden_one_billion_operations() {
    // servicebus_namespace_test: Basic 1,000 x 1M operations = $50.00.
    let usage = ServiceUsage {
        requests: 1_000_000_000.0,
        ..nothing()
    };
    assert_eq!(
        price("azure-service-bus-basic", &usage, NO_FREE_TIER),
        50.00
    );
    // Standard for the same month: $9.81 + 87 x $0.80 + 900 x $0.50.
    assert_eq!(price("azure-service-bus", &usage, NO_FREE_TIER), 529.41);
}
