//! The architecture path at canvas scale: a generated 1,000-node,
//! 1,500-edge architecture loaded from RON text, validated, and priced on
//! every provider. Target: all three together under 50 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serverless_atlas::architecture::{
    load_str, portability, price, propagate, synthetic::synthetic, to_ron_string, validate,
};
use serverless_atlas::catalog::Catalog;
use serverless_atlas::cost::PricingOptions;

fn architecture(c: &mut Criterion) {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let doc = synthetic(100);
    assert_eq!((doc.nodes.len(), doc.edges.len()), (1000, 1500));
    let text = to_ron_string(&doc).expect("the generated document encodes");
    let options = PricingOptions::default();

    c.bench_function("load 1000 nodes", |b| {
        b.iter(|| load_str(&catalog, "generated.ron", black_box(&text)))
    });
    c.bench_function("validate 1000 nodes", |b| {
        b.iter(|| validate(&catalog, black_box(&doc)))
    });
    c.bench_function("propagate 1000 nodes", |b| {
        b.iter(|| propagate(black_box(&doc)))
    });
    c.bench_function("price 1000 nodes on the target", |b| {
        b.iter(|| price(&catalog, black_box(&doc), options))
    });
    c.bench_function("price 1000 nodes on every provider", |b| {
        b.iter(|| portability(&catalog, black_box(&doc), options))
    });
    c.bench_function("load + validate + price everywhere", |b| {
        b.iter(|| {
            let loaded = load_str(&catalog, "generated.ron", black_box(&text)).expect("loads");
            let problems = validate(&catalog, &loaded);
            let ports = portability(&catalog, &loaded, options);
            (problems.len(), ports.len())
        })
    });
    c.bench_function("save 1000 nodes", |b| {
        b.iter(|| to_ron_string(black_box(&doc)))
    });
}

criterion_group!(benches, architecture);
criterion_main!(benches);
