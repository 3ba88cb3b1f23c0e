//! The Explorer tab, driven through the accessibility tree.
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
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

/// Click the button named `label` and let the app answer.
fn click_button(harness: &mut Harness<'static, AtlasApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
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
    click_button(&mut harness, "Knative");
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
    click_button(&mut harness, "Matrices");
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
    click_button(&mut harness, "Matrices");
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
    click_button(&mut harness, "Timeline");
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
    click_button(&mut harness, "Compare");
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

/// The harness window's width, in points.
const WINDOW_WIDTH: f32 = 1400.0;

#[test]
fn framework_chips_wrap_as_whole_chips_and_sources_stay_inside_the_pane() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness.run();
    let lambda = catalog.platform("aws-lambda").unwrap();
    let frameworks = catalog.frameworks_for_platform(lambda);
    assert!(frameworks.len() > 10, "enough chips to need several lines");
    let chip_height = harness.get_by_label(&frameworks[0].name).rect().height();
    for framework in &frameworks {
        let rect = harness.get_by_label(&framework.name).rect();
        // A chip squeezed one letter per line is many times taller than one line.
        assert!(
            rect.height() <= chip_height + 0.5,
            "{} is {} high",
            framework.name,
            rect.height()
        );
        assert!(
            rect.right() <= WINDOW_WIDTH,
            "{} ends at {}",
            framework.name,
            rect.right()
        );
    }
    for source in &lambda.sources {
        if let Some(note) = &source.note {
            let label = format!("({note})");
            let rect = harness.get_by_label(&label).rect();
            assert!(
                rect.right() <= WINDOW_WIDTH,
                "a source note ends at {}",
                rect.right()
            );
        }
    }
}

#[test]
fn another_platform_opens_at_the_top_of_its_detail() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness.run();
    let last_source = &catalog
        .platform("aws-lambda")
        .unwrap()
        .sources
        .last()
        .unwrap()
        .title;
    harness.get_by_label(last_source).scroll_to_me();
    harness.run();
    let heading = "Amazon Web Services · id aws-lambda";
    assert!(
        harness.get_by_label(heading).rect().bottom() < 0.0,
        "the detail scrolled down"
    );
    click_button(&mut harness, "Knative");
    let knative = catalog.platform("knative").unwrap();
    let rect = harness
        .get_by_label(&format!("{} · id knative", knative.vendor))
        .rect();
    assert!(
        rect.top() > 0.0 && rect.bottom() < 300.0,
        "Knative's heading is at {rect:?}"
    );
}

#[test]
fn the_detail_follows_the_filtered_list() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    harness.run();
    harness.get_by_label("Amazon Web Services · id aws-lambda");
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("knative");
    harness.run();
    // Lambda is no longer listed, so its detail is gone; the first match shows.
    assert!(
        harness
            .query_by_label("Amazon Web Services · id aws-lambda")
            .is_none()
    );
    let first = query::platforms(
        &catalog,
        &PlatformFilter {
            search: "knative".into(),
            ..Default::default()
        },
        SortColumn::Name,
        true,
    )[0];
    harness.get_by_label(&format!("{} · id {}", first.vendor, first.id));

    harness
        .get_by_label("Search")
        .type_text("zzzz-no-such-platform");
    harness.run();
    harness.get_by_label("Nothing to show: no platform matches the filters.");
    assert_eq!(harness.state().explorer.selected, None);
}

#[test]
fn a_fourth_compared_platform_shares_the_width_with_the_others() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    click_button(&mut harness, "Compare");
    harness
        .get_by_role_and_label(Role::ComboBox, "Add platform")
        .click();
    harness.run();
    // The first platform the menu offers (it is in view without scrolling).
    let offered = catalog
        .platforms
        .iter()
        .find(|p| !harness.state().explorer.compare.contains(&p.id))
        .unwrap();
    harness.get_by_label(&offered.name).click();
    harness.run();
    let compared = harness.state().explorer.compare.clone();
    assert_eq!(compared.len(), 4);
    let lefts: Vec<f32> = compared
        .iter()
        .map(|id| {
            let name = &catalog.platform(id).unwrap().name;
            let rect = harness.get_by_label(name).rect();
            assert!(
                rect.right() <= WINDOW_WIDTH,
                "{name} ends at {}",
                rect.right()
            );
            rect.left()
        })
        .collect();
    // Equal steps between the columns: none takes the spare width.
    let steps: Vec<f32> = lefts.windows(2).map(|w| w[1] - w[0]).collect();
    for step in &steps {
        assert!((step - steps[0]).abs() < 1.0, "column steps {steps:?}");
    }
    // The row labels stay at the left edge.
    let vendor = harness.get_by_label("Vendor").rect();
    assert!(vendor.left() >= 0.0 && vendor.right() < lefts[0]);
}

#[test]
fn matrix_names_clear_the_cells_and_the_top_of_the_matrix() {
    let catalog = catalog();
    let mut harness = harness(Arc::clone(&catalog));
    click_button(&mut harness, "Matrices");
    for kind in [
        "Platforms × triggers",
        "Platforms × operations",
        "Frameworks × providers",
    ] {
        harness.get_by_label(kind).click();
        harness.run();
        let matrix_top = harness.get_by_label(kind).rect().bottom();
        let cells: Vec<(String, egui::Rect)> = harness
            .query_all_by_role(Role::Button)
            .filter_map(|node| {
                let label = node.accesskit_node().label()?;
                let is_cell = label.ends_with(": yes") || label.ends_with(": no evidence");
                is_cell.then(|| (label, node.rect()))
            })
            .collect();
        assert!(cells.len() > 20, "{kind}: {} cells", cells.len());
        let first_cell_left = cells.iter().map(|(_, r)| r.left()).fold(f32::MAX, f32::min);
        let (row_name, column_name) = cells[0].0.split_once(" × ").unwrap();
        let column_name = column_name.rsplit_once(':').unwrap().0;
        let row_label = harness.get_by_role_and_label(Role::Label, row_name).rect();
        assert!(
            row_label.right() <= first_cell_left,
            "{kind}: {row_name} ends at {} but the cells start at {first_cell_left}",
            row_label.right()
        );
        // Every row name, including the longest.
        for (label, _) in &cells {
            let name = label.split_once(" × ").unwrap().0;
            let rect = harness.get_by_role_and_label(Role::Label, name).rect();
            assert!(rect.right() <= first_cell_left, "{kind}: {name} overlaps");
        }
        let header = harness
            .get_by_role_and_label(Role::Label, column_name)
            .rect();
        assert!(
            header.top() >= matrix_top,
            "{kind}: {column_name} is cut at the top"
        );
        for (label, _) in &cells {
            let column = label
                .split_once(" × ")
                .unwrap()
                .1
                .rsplit_once(':')
                .unwrap()
                .0;
            let rect = harness.get_by_role_and_label(Role::Label, column).rect();
            assert!(
                rect.top() >= matrix_top,
                "{kind}: {column} is cut at the top"
            );
        }
    }
}
