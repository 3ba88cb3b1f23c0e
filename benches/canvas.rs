//! One frame of the Design tab on a generated 1,000-node, 1,500-edge
//! architecture, built headlessly (layout and tessellation-free egui pass,
//! no GPU). Target: under 8 ms.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use serverless_atlas::architecture::synthetic::synthetic;
use serverless_atlas::catalog::Catalog;
use serverless_atlas::ui::AtlasApp;
use serverless_atlas::ui::app::Tab;
use serverless_atlas::ui::design::{DesignSaved, DesignState, geometry};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn canvas_frame(c: &mut Criterion) {
    let catalog = Arc::new(Catalog::builtin().expect("built-in catalog"));
    let mut app = AtlasApp::new(Arc::clone(&catalog));
    app.tab = Tab::Design;
    app.design = DesignState::new(synthetic(100), None, DesignSaved::default(), None);
    let ctx = egui::Context::default();
    // Warm up: fonts, layout caches, derived costs and a fitted view.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
    // The whole diagram: "fit" now stops at a readable zoom, so the view is
    // set to the full extent to keep measuring the same frame as before.
    let extent = geometry::fit_rects(
        app.design
            .doc
            .nodes
            .iter()
            .map(|n| geometry::node_rect(n.position)),
    );
    if let Some(extent) = extent {
        app.design.canvas.scene_rect = extent;
    }
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
    c.bench_function(
        "design tab frame, 1000 nodes / 1500 edges, zoomed to fit",
        |b| b.iter(|| black_box(ctx.run_ui(input(), |ui| app.ui_root(ui)))),
    );
    // Full detail: 100% zoom on the top-left of the same diagram.
    app.design.canvas.scene_rect =
        egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(820.0, 640.0));
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_root(ui));
    }
    c.bench_function("design tab frame, 1000 nodes / 1500 edges, at 100%", |b| {
        b.iter(|| black_box(ctx.run_ui(input(), |ui| app.ui_root(ui))))
    });
}

criterion_group!(benches, canvas_frame);
criterion_main!(benches);
