//! The cost engine's hot paths. Targets: one workload quoted on every price
//! sheet under 2 µs in all; a 10,000-point volume sweep on every sheet
//! under 20 ms in all.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serverless_atlas::catalog::Catalog;
use serverless_atlas::cost::{self, PricingOptions, Workload};

fn pricing(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let sheets: Vec<_> = catalog.price_sheets.iter().collect();
    let options = PricingOptions::default();
    // WE-01's workload: 3M requests of 120 ms at 128 MB, so that every sheet
    // (Cloudflare included) prices it rather than rejecting it.
    let workload = Workload {
        requests_per_month: 3e6,
        duration_ms: 120.0,
        memory_mb: 128.0,
        egress_gb: 10.0,
        ..Workload::default()
    };
    assert!(
        sheets
            .iter()
            .all(|s| cost::quote(s, &workload, options).feasible()),
        "the benchmark workload runs everywhere"
    );

    c.bench_function(
        &format!("quote one workload on all {} sheets", sheets.len()),
        |b| {
            b.iter(|| {
                let mut total = 0.0;
                for sheet in &sheets {
                    total += cost::quote(sheet, black_box(&workload), options)
                        .total_usd
                        .unwrap_or(0.0);
                }
                total
            })
        },
    );

    c.bench_function(
        &format!("compare one workload on all {} sheets", sheets.len()),
        |b| b.iter(|| cost::compare(&sheets, black_box(&workload), options).len()),
    );

    let volumes = cost::log_volumes(1.0, 1e11, 10_000);
    let mut group = c.benchmark_group("sweep");
    group.sample_size(20);
    group.bench_function(
        format!("10,000 volumes on all {} sheets", sheets.len()),
        |b| {
            b.iter(|| {
                sheets
                    .iter()
                    .map(|sheet| cost::sweep(sheet, black_box(&workload), &volumes, options).len())
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, pricing);
criterion_main!(benches);
