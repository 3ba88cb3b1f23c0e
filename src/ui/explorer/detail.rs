//! Everything about one platform.

use egui::{RichText, Ui};

use crate::catalog::{Capability, Catalog, Platform};
use crate::cost::engine::number;
use crate::ui::widgets::{self, key_text, key_value, section};

/// What the user asked for from the detail pane.
pub enum Action {
    Select(String),
    Price(String),
    ToggleCompare(String),
}

pub fn ui(
    ui: &mut Ui,
    catalog: &Catalog,
    platform: &Platform,
    compared: &[String],
) -> Option<Action> {
    let mut action = None;
    // One scroll position per platform: a newly selected platform opens at
    // its top instead of where the previous one was left.
    egui::ScrollArea::vertical()
        .id_salt(("platform_detail", &platform.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&platform.name);
                widgets::status_badge(ui, platform.status);
                widgets::badge(ui, platform.kind.label(), ui.visuals().hyperlink_color);
            });
            ui.label(RichText::new(format!("{} · id {}", platform.vendor, platform.id)).weak());
            ui.horizontal(|ui| {
                let in_comparison = compared.contains(&platform.id);
                let label = if in_comparison {
                    "Remove from comparison"
                } else {
                    "Add to comparison"
                };
                if ui.button(label).clicked() {
                    action = Some(Action::ToggleCompare(platform.id.clone()));
                }
                for sheet in &platform.price_sheets {
                    let name = catalog
                        .price_sheet(sheet)
                        .map_or(sheet.as_str(), |s| s.name.as_str());
                    if ui
                        .button(format!("Price on {name}"))
                        .on_hover_text("Open this offer in the Costs tab")
                        .clicked()
                    {
                        action = Some(Action::Price(sheet.clone()));
                    }
                }
            });
            ui.add_space(6.0);
            ui.label(&platform.description);

            lifecycle_ui(ui, catalog, platform, &mut action);
            limits_ui(ui, platform);
            triggers_ui(ui, catalog, platform);
            operations_ui(ui, platform);

            if !platform.cold_start.is_empty() {
                section(ui, "Cold-start mitigations");
                for item in &platform.cold_start {
                    ui.label(format!("• {item}"));
                }
            }

            let frameworks = catalog.frameworks_for_platform(platform);
            section(ui, "Frameworks and tools that deploy to it");
            if frameworks.is_empty() {
                ui.label(RichText::new("None in the catalog.").weak());
            } else {
                ui.horizontal_wrapped(|ui| {
                    for framework in frameworks {
                        widgets::badge(
                            ui,
                            &framework.name,
                            widgets::tool_status_color(framework.status),
                        )
                        .on_hover_text(format!(
                            "{} ({}, {})",
                            framework.description,
                            framework.kind.label(),
                            framework.status.label()
                        ));
                    }
                });
            }

            section(ui, "Sources");
            widgets::sources_ui(ui, &platform.sources);
        });
    action
}

fn lifecycle_ui(ui: &mut Ui, catalog: &Catalog, platform: &Platform, action: &mut Option<Action>) {
    section(ui, "Lifecycle");
    let dates = &platform.dates;
    for (label, date) in [
        ("Announced", dates.announced),
        ("Preview", dates.preview),
        ("Generally available", dates.ga),
        ("Deprecated", dates.deprecated),
        ("Shut down", dates.shutdown),
    ] {
        if let Some(date) = date {
            key_text(ui, label, date.label());
        }
    }
    if dates.first().is_none() {
        key_text(ui, "Dates", RichText::new("unknown in the sources").weak());
    }
    for (label, link) in [
        ("Successor", &platform.successor),
        ("Variant of", &platform.variant_of),
    ] {
        if let Some(id) = link {
            let name = catalog
                .platform(id)
                .map_or(id.as_str(), |p| p.name.as_str());
            key_value(ui, label, |ui| {
                if ui.link(name).on_hover_text("Show this platform").clicked() {
                    *action = Some(Action::Select(id.clone()));
                }
            });
        }
    }
    for (label, value) in [
        ("Homepage", &platform.homepage),
        ("Repository", &platform.repository),
    ] {
        if let Some(url) = value {
            key_value(ui, label, |ui| {
                ui.hyperlink(url);
            });
        }
    }
    for (label, value) in [
        ("License", &platform.license),
        ("CNCF landscape", &platform.cncf_landscape),
    ] {
        if let Some(text) = value {
            key_text(ui, label, text.as_str());
        }
    }
}

fn limits_ui(ui: &mut Ui, platform: &Platform) {
    section(ui, "Limits and runtimes");
    let limits = &platform.limits;
    let rows = [
        ("Max timeout", limits.max_timeout_s.map(seconds)),
        ("Default timeout", limits.default_timeout_s.map(seconds)),
        (
            "Memory",
            memory_range(limits.min_memory_mb, limits.max_memory_mb),
        ),
        (
            "Default concurrency",
            limits.default_concurrency.map(|c| c.to_string()),
        ),
    ];
    for (label, value) in rows {
        match value {
            Some(text) => key_text(ui, label, text),
            None => key_text(ui, label, RichText::new("not in the sources").weak()),
        }
    }
    if platform.runtimes.is_empty() {
        key_text(ui, "Runtimes", RichText::new("not in the sources").weak());
    } else {
        key_text(ui, "Runtimes", platform.runtimes.join("; "));
    }
    for note in &limits.notes {
        ui.add(egui::Label::new(RichText::new(format!("• {note}")).small()).wrap());
    }
}

fn seconds(value: f64) -> String {
    if value >= 120.0 && (value % 60.0).abs() < 1e-9 {
        format!("{} s ({} min)", number(value), number(value / 60.0))
    } else {
        format!("{} s", number(value))
    }
}

fn memory_range(min: Option<f64>, max: Option<f64>) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{} – {} MB", number(a), number(b))),
        (None, Some(b)) => Some(format!("up to {} MB", number(b))),
        (Some(a), None) => Some(format!("from {} MB", number(a))),
        (None, None) => None,
    }
}

fn triggers_ui(ui: &mut Ui, catalog: &Catalog, platform: &Platform) {
    section(ui, "Triggers");
    if platform.triggers.is_empty() {
        ui.label(RichText::new("No triggers recorded in the sources.").weak());
        return;
    }
    for kind in &catalog.triggers {
        let native: Vec<_> = platform
            .triggers
            .iter()
            .filter(|t| t.trigger == kind.id)
            .collect();
        if native.is_empty() {
            continue;
        }
        key_value(ui, &kind.name, |ui| {
            for trigger in native {
                ui.horizontal_wrapped(|ui| {
                    ui.add(egui::Label::new(&trigger.service).wrap());
                    ui.label(RichText::new(trigger.delivery.label()).small().weak());
                });
            }
        });
    }
}

fn operations_ui(ui: &mut Ui, platform: &Platform) {
    section(ui, "Operations");
    for capability in Capability::ALL {
        match platform.operations.get(capability) {
            Some(text) => key_text(ui, capability.label(), text),
            None => key_text(
                ui,
                capability.label(),
                RichText::new("no evidence in the sources").weak(),
            ),
        }
    }
}
