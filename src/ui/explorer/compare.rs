//! Two to four platforms side by side.

use egui::{RichText, Ui};

use super::{ExplorerState, MAX_COMPARED};
use crate::catalog::{Capability, Catalog, Platform};
use crate::cost::engine::number;
use crate::ui::widgets;

pub fn ui(state: &mut ExplorerState, ui: &mut Ui, catalog: &Catalog) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Comparing:");
        let mut remove = None;
        for id in &state.compare {
            let name = catalog
                .platform(id)
                .map_or(id.as_str(), |p| p.name.as_str());
            if ui
                .button(format!("{name}  ×"))
                .on_hover_text(format!("Remove {name} from the comparison"))
                .clicked()
            {
                remove = Some(id.clone());
            }
        }
        if let Some(id) = remove {
            state.toggle_compare(&id);
        }
        if state.compare.len() < MAX_COMPARED {
            let mut added = None;
            let label = ui.label("Add platform");
            egui::ComboBox::from_id_salt("add_to_comparison")
                .selected_text("choose…")
                .show_ui(ui, |ui| {
                    for platform in &catalog.platforms {
                        if !state.compare.contains(&platform.id)
                            && ui.selectable_label(false, &platform.name).clicked()
                        {
                            added = Some(platform.id.clone());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(id) = added {
                state.toggle_compare(&id);
            }
        }
    });
    ui.separator();
    let platforms: Vec<&Platform> = state
        .compare
        .iter()
        .filter_map(|id| catalog.platform(id))
        .collect();
    if platforms.len() < 2 {
        ui.label("Pick at least two platforms to compare (up to four), here or with “Add to comparison” in a platform's detail.");
        return;
    }
    egui::ScrollArea::both()
        .id_salt("comparison")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("comparison_grid")
                .striped(true)
                .num_columns(platforms.len() + 1)
                .spacing([18.0, 6.0])
                .min_col_width(160.0)
                .show(ui, |ui| {
                    ui.label("");
                    for p in &platforms {
                        ui.label(RichText::new(&p.name).strong().size(15.0));
                    }
                    ui.end_row();
                    row(ui, "Status", &platforms, |ui, p| {
                        widgets::status_badge(ui, p.status);
                    });
                    text_row(ui, "Vendor", &platforms, |p| p.vendor.clone());
                    text_row(ui, "Kind", &platforms, |p| p.kind.label().into());
                    text_row(ui, "First seen", &platforms, |p| date(p.dates.first()));
                    text_row(ui, "Generally available", &platforms, |p| date(p.dates.ga));
                    text_row(ui, "Shut down", &platforms, |p| date(p.dates.shutdown));
                    text_row(ui, "Max timeout", &platforms, |p| {
                        p.limits
                            .max_timeout_s
                            .map_or("—".into(), |s| format!("{} s", number(s)))
                    });
                    text_row(ui, "Max memory", &platforms, |p| {
                        p.limits
                            .max_memory_mb
                            .map_or("—".into(), |m| format!("{} MB", number(m)))
                    });
                    text_row(ui, "Runtimes", &platforms, |p| {
                        if p.runtimes.is_empty() {
                            "—".into()
                        } else {
                            p.runtime_names()
                        }
                    });
                    ui.label(RichText::new("Triggers").strong());
                    ui.end_row();
                    for kind in &catalog.triggers {
                        if !platforms.iter().any(|p| p.supports_trigger(&kind.id)) {
                            continue;
                        }
                        text_row(ui, &kind.name, &platforms, |p| {
                            let native: Vec<&str> = p
                                .triggers
                                .iter()
                                .filter(|t| t.trigger == kind.id)
                                .map(|t| t.service.as_str())
                                .collect();
                            if native.is_empty() {
                                "—".into()
                            } else {
                                native.join(", ")
                            }
                        });
                    }
                    ui.label(RichText::new("Operations").strong());
                    ui.end_row();
                    for capability in Capability::ALL {
                        text_row(ui, capability.label(), &platforms, |p| {
                            p.operations.get(capability).unwrap_or("—").to_owned()
                        });
                    }
                    text_row(ui, "Cold start", &platforms, |p| {
                        if p.cold_start.is_empty() {
                            "—".into()
                        } else {
                            p.cold_start.join("; ")
                        }
                    });
                    text_row(ui, "Frameworks", &platforms, |p| {
                        let names: Vec<String> = catalog
                            .frameworks_for_platform(p)
                            .iter()
                            .map(|f| f.name.clone())
                            .collect();
                        if names.is_empty() {
                            "—".into()
                        } else {
                            names.join(", ")
                        }
                    });
                    text_row(ui, "Price sheets", &platforms, |p| {
                        if p.price_sheets.is_empty() {
                            "—".into()
                        } else {
                            p.price_sheets.join(", ")
                        }
                    });
                });
        });
}

fn date(date: Option<crate::catalog::CatalogDate>) -> String {
    date.map_or("—".into(), |d| d.label())
}

fn row(ui: &mut Ui, label: &str, platforms: &[&Platform], cell: impl Fn(&mut Ui, &Platform)) {
    ui.label(RichText::new(label).weak());
    for p in platforms {
        cell(ui, p);
    }
    ui.end_row();
}

fn text_row(ui: &mut Ui, label: &str, platforms: &[&Platform], text: impl Fn(&Platform) -> String) {
    row(ui, label, platforms, |ui, p| {
        ui.add(egui::Label::new(text(p)).wrap());
    });
}
