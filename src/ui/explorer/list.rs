//! The platform list: search, filters and a sortable table.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ExplorerState;
use crate::catalog::query::{self, RUNTIME_LANGUAGES, SortColumn};
use crate::catalog::{Catalog, PlatformKind, Status};
use crate::ui::widgets;

pub const SEARCH_ID: &str = "platform-search";

pub fn ui(state: &mut ExplorerState, ui: &mut Ui, catalog: &Catalog) {
    filters_ui(state, ui, catalog);
    ui.separator();
    let platforms = query::platforms(catalog, &state.filter, state.sort, state.ascending);
    ui.label(
        RichText::new(format!(
            "{} of {} platforms",
            platforms.len(),
            catalog.platforms.len()
        ))
        .weak(),
    );
    if platforms.is_empty() {
        ui.add_space(20.0);
        ui.label("No platform matches these filters.");
        if ui.button("Clear filters").clicked() {
            state.filter = Default::default();
        }
        return;
    }
    table_ui(state, ui, &platforms);
}

fn filters_ui(state: &mut ExplorerState, ui: &mut Ui, catalog: &Catalog) {
    let filter = &mut state.filter;
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let clear_width = 56.0;
        let search = egui::TextEdit::singleline(&mut filter.search)
            .id_salt(SEARCH_ID)
            .hint_text("name, vendor, description…")
            .desired_width((ui.available_width() - clear_width).max(80.0));
        let response = ui.add(search).labelled_by(label.id);
        if state.focus_search {
            response.request_focus();
            state.focus_search = false;
        }
        if ui
            .add_enabled(!filter.is_empty(), egui::Button::new("Clear"))
            .on_hover_text("Clear the search and every filter")
            .clicked()
        {
            *filter = Default::default();
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Kind");
        ui.radio_value(&mut filter.kind, None, "any");
        for kind in [PlatformKind::Hosted, PlatformKind::Installable] {
            ui.radio_value(&mut filter.kind, Some(kind), kind.label());
        }
        ui.separator();
        let vendors = query::vendors(catalog);
        let label = ui.label("Vendor");
        egui::ComboBox::from_id_salt("filter_vendor")
            .selected_text(filter.vendor.as_deref().unwrap_or("any"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.vendor, None, "any");
                for vendor in vendors {
                    ui.selectable_value(&mut filter.vendor, Some(vendor.to_owned()), vendor);
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let trigger_name = filter
            .trigger
            .as_deref()
            .and_then(|id| catalog.trigger(id))
            .map_or("any", |t| t.name.as_str());
        let label = ui.label("Trigger");
        egui::ComboBox::from_id_salt("filter_trigger")
            .selected_text(trigger_name)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.trigger, None, "any");
                for trigger in &catalog.triggers {
                    ui.selectable_value(
                        &mut filter.trigger,
                        Some(trigger.id.clone()),
                        &trigger.name,
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Runtime");
        egui::ComboBox::from_id_salt("filter_runtime")
            .selected_text(filter.runtime.as_deref().unwrap_or("any"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.runtime, None, "any");
                for language in RUNTIME_LANGUAGES {
                    ui.selectable_value(&mut filter.runtime, Some(language.to_owned()), language);
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        for status in [
            Status::Active,
            Status::Deprecated,
            Status::Retired,
            Status::Archived,
        ] {
            let mut on = filter.statuses.contains(&status);
            if ui.checkbox(&mut on, status.label()).changed() {
                if on {
                    filter.statuses.insert(status);
                } else {
                    filter.statuses.remove(&status);
                }
            }
        }
    });
}

fn header_ui(state: &mut ExplorerState, ui: &mut Ui, column: SortColumn) {
    let arrow = if state.sort == column {
        if state.ascending { " ⏶" } else { " ⏷" }
    } else {
        ""
    };
    let response = ui
        .add(
            egui::Button::new(RichText::new(format!("{}{arrow}", column.label())).strong())
                .frame(false),
        )
        .on_hover_text(format!("Sort by {}", column.label().to_lowercase()));
    if response.clicked() {
        if state.sort == column {
            state.ascending = !state.ascending;
        } else {
            state.sort = column;
            state.ascending = true;
        }
    }
}

fn table_ui(state: &mut ExplorerState, ui: &mut Ui, platforms: &[&crate::catalog::Platform]) {
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("platform_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(190.0).at_least(120.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(78.0))
        .column(Column::initial(82.0))
        .column(Column::initial(70.0))
        .column(Column::remainder().at_least(50.0))
        .header(24.0, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| header_ui(state, ui, column));
            }
        })
        .body(|body| {
            body.rows(24.0, platforms.len(), |mut row| {
                let platform = platforms[row.index()];
                row.set_selected(state.selected.as_deref() == Some(platform.id.as_str()));
                row.col(|ui| {
                    if ui
                        .add(egui::Button::new(&platform.name).frame(false))
                        .on_hover_text(&platform.id)
                        .clicked()
                    {
                        clicked = Some(platform.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(&platform.vendor);
                });
                row.col(|ui| {
                    ui.label(platform.kind.label());
                });
                row.col(|ui| {
                    widgets::status_badge(ui, platform.status);
                });
                row.col(|ui| {
                    ui.label(
                        platform
                            .dates
                            .first()
                            .map(|d| d.label())
                            .unwrap_or_else(|| "—".into()),
                    );
                });
                row.col(|ui| {
                    ui.label(query::distinct_triggers(platform).to_string());
                });
                if row.response().clicked() {
                    clicked = Some(platform.id.clone());
                }
            });
        });
    if let Some(id) = clicked {
        state.selected = Some(id);
    }
}
