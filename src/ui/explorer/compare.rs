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
    // The columns share the width (no sideways scrolling, so the row labels
    // stay in view); the names stay above while the rows scroll.
    let columns = Columns::new(ui.available_width(), platforms.len());
    columns.row(
        ui,
        false,
        |_| {},
        &platforms,
        |ui, p| {
            ui.add(egui::Label::new(RichText::new(&p.name).strong().size(15.0)).wrap());
        },
    );
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("comparison")
        .auto_shrink(false)
        .show(ui, |ui| {
            let mut rows = Rows { columns, index: 0 };
            let rows = &mut rows;
            rows.cells(ui, "Status", &platforms, |ui, p| {
                widgets::status_badge(ui, p.status);
            });
            rows.text(ui, "Vendor", &platforms, |p| p.vendor.clone());
            rows.text(ui, "Kind", &platforms, |p| p.kind.label().into());
            rows.text(ui, "First seen", &platforms, |p| date(p.dates.first()));
            rows.text(ui, "Generally available", &platforms, |p| date(p.dates.ga));
            rows.text(ui, "Shut down", &platforms, |p| date(p.dates.shutdown));
            rows.text(ui, "Max timeout", &platforms, |p| {
                p.limits
                    .max_timeout_s
                    .map_or("—".into(), |s| format!("{} s", number(s)))
            });
            rows.text(ui, "Max memory", &platforms, |p| {
                p.limits
                    .max_memory_mb
                    .map_or("—".into(), |m| format!("{} MB", number(m)))
            });
            rows.text(ui, "Runtimes", &platforms, |p| {
                if p.runtimes.is_empty() {
                    "—".into()
                } else {
                    p.runtime_names()
                }
            });
            rows.heading(ui, "Triggers");
            for kind in &catalog.triggers {
                if !platforms.iter().any(|p| p.supports_trigger(&kind.id)) {
                    continue;
                }
                rows.text(ui, &kind.name, &platforms, |p| {
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
            rows.heading(ui, "Operations");
            for capability in Capability::ALL {
                rows.text(ui, capability.label(), &platforms, |p| {
                    p.operations.get(capability).unwrap_or("—").to_owned()
                });
            }
            rows.text(ui, "Cold start", &platforms, |p| {
                if p.cold_start.is_empty() {
                    "—".into()
                } else {
                    p.cold_start.join("; ")
                }
            });
            rows.text(ui, "Frameworks", &platforms, |p| {
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
            rows.text(ui, "Price sheets", &platforms, |p| {
                if p.price_sheets.is_empty() {
                    "—".into()
                } else {
                    p.price_sheets.join(", ")
                }
            });
        });
}

fn date(date: Option<crate::catalog::CatalogDate>) -> String {
    date.map_or("—".into(), |d| d.label())
}

/// Width of the row-label column, in points.
const LABEL_WIDTH: f32 = 150.0;
/// Space between columns, in points.
const GAP: f32 = 14.0;

/// The column widths: labels fixed, platforms sharing the rest equally.
#[derive(Clone, Copy)]
struct Columns {
    platform_width: f32,
}

impl Columns {
    fn new(available_width: f32, platforms: usize) -> Self {
        let count = platforms.max(1) as f32;
        // The scroll bar takes a little of the width.
        let spare = available_width - LABEL_WIDTH - GAP * count - 12.0;
        Columns {
            platform_width: (spare / count).max(80.0),
        }
    }

    /// One row: the label, then a cell per platform, tops aligned.
    fn row(
        self,
        ui: &mut Ui,
        striped: bool,
        label: impl FnOnce(&mut Ui),
        platforms: &[&Platform],
        cell: impl Fn(&mut Ui, &Platform),
    ) {
        let top = ui.cursor().top();
        let background = ui.painter().add(egui::Shape::Noop);
        let response = ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            fixed_width(ui, LABEL_WIDTH, label);
            for p in platforms {
                fixed_width(ui, self.platform_width, |ui| cell(ui, p));
            }
        });
        if striped {
            let rect = egui::Rect::from_x_y_ranges(
                response.response.rect.x_range(),
                top - 2.0..=response.response.rect.bottom() + 2.0,
            );
            ui.painter().set(
                background,
                egui::Shape::rect_filled(rect, 0.0, ui.visuals().faint_bg_color),
            );
        }
        ui.add_space(4.0);
    }
}

fn fixed_width(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

/// The comparison's rows, striped alternately.
struct Rows {
    columns: Columns,
    index: usize,
}

impl Rows {
    fn cells(
        &mut self,
        ui: &mut Ui,
        label: &str,
        platforms: &[&Platform],
        cell: impl Fn(&mut Ui, &Platform),
    ) {
        self.columns.row(
            ui,
            self.index % 2 == 1,
            |ui| {
                ui.add(egui::Label::new(RichText::new(label).weak()).wrap());
            },
            platforms,
            cell,
        );
        self.index += 1;
    }

    fn text(
        &mut self,
        ui: &mut Ui,
        label: &str,
        platforms: &[&Platform],
        text: impl Fn(&Platform) -> String,
    ) {
        self.cells(ui, label, platforms, |ui, p| {
            ui.add(egui::Label::new(text(p)).wrap());
        });
    }

    fn heading(&mut self, ui: &mut Ui, title: &str) {
        ui.add_space(4.0);
        ui.label(RichText::new(title).strong());
        self.index = 0;
    }
}
