//! Loading the embedded catalog: parse every RON file and check every
//! cross-reference. Target: under 20 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serverless_atlas::catalog::{Catalog, CatalogFiles};

fn catalog(c: &mut Criterion) {
    // Fail loudly rather than time an error path.
    let loaded = Catalog::builtin().expect("the built-in catalog loads");
    assert!(loaded.platforms.len() >= 25 && loaded.price_sheets.len() >= 10);

    c.bench_function("load and validate the embedded catalog", |b| {
        b.iter(|| Catalog::builtin().map(|c| black_box(c.platforms.len())))
    });

    // The same work without copying the embedded text first.
    let files = CatalogFiles::embedded();
    c.bench_function("parse and validate embedded files", |b| {
        b.iter(|| black_box(&files).parse().map(|c| c.price_sheets.len()))
    });
}

criterion_group!(benches, catalog);
criterion_main!(benches);
