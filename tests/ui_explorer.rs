//! The Explorer tab, driven through the accessibility tree.
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_atlas::catalog::query::{self, PlatformFilter, SortColumn};
use serverless_atlas::catalog::{Catalog, PlatformKind};
use serverless_atlas::ui::AtlasApp;

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::builtin().expect("built-in catalog"))
}

fn harness(catalog: Arc<Catalog>) -> Harness<'static, AtlasApp> {
    // Tall enough that the platform list shows every row of the 60 without
    // scrolling (the list only lays out visible rows).
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1900.0))
        .with_max_steps(20)
        .build_ui_state(
            |ui, app: &mut AtlasApp| app.ui_root(ui),
            AtlasApp::new(catalog),
        )
}

fn count_label(catalog: &Catalog, filter: &PlatformFilter) -> String {
    let shown = query::platforms(catalog, filter, SortColumn::Name, true).len();
    format!("{shown} of {} platforms", catalog.platforms.len())
}

#[test]
fn search_narrows_the_list() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness.get_by_label(&count_label(&catalog, &PlatformFilter::default()));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Knative")
            .is_some()
    );

    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("lambda");
    harness.run();

    let filter = PlatformFilter {
        search: "lambda".into(),
        ..Default::default()
    };
    harness.get_by_label(&count_label(&catalog, &filter));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "AWS Lambda")
            .is_some()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Knative")
            .is_none()
    );
}

#[test]
fn a_kind_filter_narrows_the_list() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::RadioButton, "installable")
        .click();
    harness.run();
    let filter = PlatformFilter {
        kind: Some(PlatformKind::Installable),
        ..Default::default()
    };
    let label = count_label(&catalog, &filter);
    assert!(label.split(' ').next().unwrap().parse::<usize>().unwrap() < catalog.platforms.len());
    harness.get_by_label(&label);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Knative")
            .is_some()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Azure Functions")
            .is_none()
    );
}

#[test]
fn clicking_a_platform_shows_its_detail() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::Button, "Knative")
        .click();
    harness.run();
    let knative = catalog.platform("knative").unwrap();
    harness.get_by_label(&format!("{} · id knative", knative.vendor));
    // A fact only Knative's detail shows: one of its native trigger names.
    let first_trigger = &knative.triggers[0].service;
    assert!(
        !harness
            .query_all_by_label(first_trigger)
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert_eq!(
        harness.state().explorer.selected.as_deref(),
        Some("knative")
    );
}

#[test]
fn a_matrix_cell_shows_its_evidence() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::Button, "Matrices")
        .click();
    harness.run();
    harness.get_by_label("Click a cell to see what backs it.");
    let lambda = catalog.platform("aws-lambda").unwrap();
    let queue = catalog.trigger("queue").unwrap();
    let cell = format!("{} × {}: yes", lambda.name, queue.name);
    harness.get_by_label(&cell).click();
    harness.run();
    for trigger in lambda.triggers.iter().filter(|t| t.trigger == "queue") {
        harness.get_by_label(&format!("• {}", trigger.service));
    }
    assert!(
        harness
            .query_by_label("Click a cell to see what backs it.")
            .is_none()
    );
}

#[test]
fn the_operations_and_framework_matrices_show_evidence_too() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::Button, "Matrices")
        .click();
    harness.run();
    harness.get_by_label("Frameworks × providers").click();
    harness.run();
    let chalice = catalog.framework("chalice").unwrap();
    harness
        .get_by_label(&format!("{} × Amazon Web Services: yes", chalice.name))
        .click();
    harness.run();
    harness.get_by_label(&format!("{} deploys to Amazon Web Services.", chalice.name));
}

#[test]
fn the_timeline_renders_a_row_per_dated_platform() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::Button, "Timeline")
        .click();
    harness.run();
    let dated = catalog
        .platforms
        .iter()
        .filter(|p| p.dates.first().is_some())
        .count();
    assert!(dated > 10);
    let lambda_row = harness.get_by_label_contains("AWS Lambda: Nov 2014");
    lambda_row.click();
    harness.run();
    // A click on a row opens that platform's detail.
    assert_eq!(
        harness.state().explorer.selected.as_deref(),
        Some("aws-lambda")
    );
    harness.get_by_label("Amazon Web Services · id aws-lambda");
}

#[test]
fn compare_shows_the_chosen_platforms_side_by_side() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness
        .get_by_role_and_label(Role::Button, "Compare")
        .click();
    harness.run();
    // The default comparison: three platforms, each a column heading.
    for id in [
        "aws-lambda",
        "azure-functions",
        "google-cloud-run-functions",
    ] {
        let name = &catalog.platform(id).unwrap().name;
        harness.get_by_label(name);
    }
    harness
        .get_by_label(&format!(
            "{}  ×",
            catalog.platform("azure-functions").unwrap().name
        ))
        .click();
    harness.run();
    assert_eq!(harness.state().explorer.compare.len(), 2);
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "the committed image was rendered by Mesa lavapipe on Linux"
)]
fn explorer_snapshot() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 650.0))
        .with_max_steps(20)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut AtlasApp| app.ui_root(ui),
            AtlasApp::new(catalog()),
        );
    harness.run();
    harness.snapshot("explorer");
}
