//! The Costs tab, driven through the accessibility tree.
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_atlas::catalog::Catalog;
use serverless_atlas::cost::{self, PricingOptions};
use serverless_atlas::export::usd;
use serverless_atlas::ui::AtlasApp;
use serverless_atlas::ui::app::Tab;

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::builtin().expect("built-in catalog"))
}

fn costs_app(catalog: Arc<Catalog>) -> AtlasApp {
    let mut app = AtlasApp::new(catalog);
    app.tab = Tab::Costs;
    app
}

fn harness(catalog: Arc<Catalog>) -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(20)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), costs_app(catalog))
}

/// AWS Lambda's total for the harness's current workload, as the table prints it.
fn lambda_total(harness: &Harness<'_, AtlasApp>) -> String {
    let app = harness.state();
    let sheet = app.catalog.price_sheet("aws-lambda").unwrap();
    let quote = cost::quote(
        sheet,
        &app.costs.workload,
        PricingOptions {
            free_tier: app.costs.free_tier,
            ..PricingOptions::default()
        },
    );
    format!("AWS Lambda monthly total {}", usd(quote.total_usd.unwrap()))
}

#[test]
fn changing_memory_updates_the_table() {
    let mut harness = harness(catalog());
    harness.run();
    let before = lambda_total(&harness);
    harness.get_by_label(&before);
    harness
        .get_by_role_and_label(Role::Button, "1024 MB")
        .click();
    harness.run();
    assert_eq!(harness.state().costs.workload.memory_mb, 1024.0);
    let after = lambda_total(&harness);
    assert_ne!(before, after, "a bigger function must cost more");
    harness.get_by_label(&after);
    assert!(harness.query_by_label(&before).is_none());
}

#[test]
fn toggling_the_free_tier_changes_totals() {
    let mut harness = harness(catalog());
    harness.run();
    let with_free_tier = lambda_total(&harness);
    harness.get_by_label("Apply free tiers").click();
    harness.run();
    assert!(!harness.state().costs.free_tier);
    let without = lambda_total(&harness);
    assert_ne!(with_free_tier, without);
    harness.get_by_label(&without);
}

#[test]
fn an_infeasible_workload_says_why() {
    let mut harness = harness(catalog());
    harness
        .get_by_role_and_label(Role::Button, "4096 MB")
        .click();
    harness.run();
    // Cloudflare Workers isolates have 128 MB; the row says so instead of a price.
    harness.get_by_label_contains(
        "not feasible: needs 4096 MB of memory; the most it offers is 128 MB",
    );
}

#[test]
fn a_row_expands_into_its_line_items() {
    let mut harness = harness(catalog());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "⏵ AWS Lambda")
        .click();
    harness.run();
    assert!(harness.state().costs.expanded.contains("aws-lambda"));
    harness.get_by_label_contains("Duration (x86)");
    // Requests read as a count of requests, the price says per how many.
    harness.get_by_label("9,000,000 requests");
    harness.get_by_label("at $0.2 per 1M requests");
    assert!(harness.query_by_label("9 1M requests").is_none());
}

#[test]
fn export_writes_a_csv_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comparison.csv");
    let mut harness = harness(catalog());
    harness.state_mut().costs.export_path = path.display().to_string();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();

    let mut reader = csv::Reader::from_path(&path).expect("the export exists");
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "platform",
            "meter",
            "quantity",
            "unit",
            "unit_price_usd",
            "usd"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let lambda_total = rows
        .iter()
        .find(|r| &r[0] == "aws-lambda" && &r[1] == "total")
        .expect("a total row for AWS Lambda");
    let expected = lambda_total_usd(&harness);
    assert_eq!(lambda_total[5].parse::<f64>().unwrap(), expected);
    let status = harness.state().status.clone().expect("a status message");
    assert!(!status.is_error, "{}", status.text);
}

fn lambda_total_usd(harness: &Harness<'_, AtlasApp>) -> f64 {
    let app = harness.state();
    let sheet = app.catalog.price_sheet("aws-lambda").unwrap();
    cost::quote(sheet, &app.costs.workload, PricingOptions::default())
        .total_usd
        .unwrap()
}

#[test]
fn a_failed_export_says_why_and_keeps_the_earlier_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comparison.json");
    std::fs::write(&path, "earlier").unwrap();
    let mut harness = harness(catalog());
    // A directory that does not exist: the write must fail cleanly.
    harness.state_mut().costs.export_path = dir
        .path()
        .join("missing")
        .join("x.csv")
        .display()
        .to_string();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    harness.run();
    let status = harness.state().status.clone().expect("a status message");
    assert!(status.is_error);
    assert!(status.text.contains("could not write"), "{}", status.text);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier");
}

/// The chart legend's entry for `name` (the provider list has a checkbox of
/// the same name further left).
fn legend_entry<'a>(harness: &'a Harness<'_, AtlasApp>, name: &'a str) -> egui_kittest::Node<'a> {
    harness
        .query_all_by_role_and_label(Role::CheckBox, name)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("a legend entry")
}

#[test]
fn a_legend_click_hides_an_offer_and_a_second_brings_it_back() {
    let mut harness = harness(catalog());
    harness.run();
    let provider_box = harness
        .query_all_by_role_and_label(Role::CheckBox, "AWS Lambda")
        .count();
    assert_eq!(
        provider_box, 2,
        "the provider checkbox and the legend entry"
    );
    legend_entry(&harness, "AWS Lambda").click();
    harness.run();
    assert!(harness.state().costs.hidden_series.contains("aws-lambda"));
    // Still priced: hiding a line is not deselecting the offer.
    assert!(harness.state().costs.selected.contains("aws-lambda"));
    legend_entry(&harness, "AWS Lambda").click();
    harness.run();
    assert!(harness.state().costs.hidden_series.is_empty());
    legend_entry(&harness, "Always-on server").click();
    harness.run();
    assert!(harness.state().costs.hidden_series.contains("always-on"));
    // The line at the workload's volume says what it is too.
    legend_entry(&harness, "Your volume (10M)").click();
    harness.run();
    assert!(harness.state().costs.hidden_series.contains("your-volume"));
}

#[test]
fn the_breakdown_labels_every_bar_with_its_offer_and_charges() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness.run();
    harness.get_by_label("Cost breakdown").click();
    harness.run();
    let quotes = harness.state().costs.quotes(&catalog);
    let legend_bottom = ["Requests", "Compute"]
        .iter()
        .map(|c| legend_entry(&harness, c).rect().bottom())
        .fold(0.0, f32::max);
    for quote in quotes.iter().filter(|q| q.feasible()) {
        let name = harness.get_by_role_and_label(Role::Label, &quote.sheet.name);
        assert!(
            name.rect().top() > legend_bottom,
            "{} under the legend",
            quote.sheet.name
        );
    }
    let alibaba = quotes
        .iter()
        .find(|q| q.sheet.id == "alibaba-function-compute")
        .unwrap();
    // Its compute units bill invocations, vCPU and memory time: compute, not requests.
    harness.get_by_label(&format!(
        "{}: Compute {}",
        alibaba.sheet.name,
        usd(alibaba.total_usd.unwrap())
    ));
    assert!(
        harness
            .query_by_label_contains(&format!("{}: Requests", alibaba.sheet.name))
            .is_none()
    );
    legend_entry(&harness, "Compute").click();
    harness.run();
    assert!(harness.state().costs.hidden_categories.contains("Compute"));
    assert!(
        harness
            .query_by_label_contains(&format!("{}: Compute", alibaba.sheet.name))
            .is_none()
    );
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "renders through wgpu, tested with Mesa lavapipe on Linux"
)]
fn the_chart_png_is_the_whole_chart_at_window_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(20)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut AtlasApp| app.ui_root(ui),
            costs_app(catalog()),
        );
    harness.state_mut().costs.export_path = dir.path().join("comparison.csv").display().to_string();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Chart as PNG")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Chart as PNG")
        .click();
    harness.run();
    let status = harness.state().status.clone().expect("a status message");
    assert!(!status.is_error, "{}", status.text);
    assert!(
        status.text.starts_with("Saved the chart to"),
        "{}",
        status.text
    );
    let png = image::open(dir.path().join("comparison.png")).expect("the PNG exists");
    // The whole window, not the chart pane: a size fit for a document.
    assert_eq!((png.width(), png.height()), (1200, 800));
    let png = png.to_rgba8();
    // The title band (where the screen shows the comparison table) carries text.
    let background = *png.get_pixel(2, 2);
    let title_band = (0..png.width())
        .flat_map(|x| (20..70).map(move |y| (x, y)))
        .filter(|(x, y)| *png.get_pixel(*x, *y) != background)
        .count();
    assert!(
        title_band > 200,
        "{title_band} pixels differ in the title band"
    );
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "the committed image was rendered by Mesa lavapipe on Linux"
)]
fn costs_charts_snapshot() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .with_max_steps(20)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut AtlasApp| app.ui_root(ui),
            costs_app(catalog()),
        );
    harness.run();
    harness.snapshot("costs");
}
