//! The Design toolbar: file commands, undo, zoom, snapping, the target
//! platform, free tiers and the examples. The document's title sits in the
//! tab row (see [`title_ui`]), where it has room and never wraps the toolbar.

use egui::{RichText, Ui};

use super::DesignState;
use super::session::Pending;
use crate::architecture;
use crate::catalog::Catalog;
use crate::ui::command::Command;
use crate::ui::status::Messages;

/// A toolbar button for a command, with the hover text from the shortcut table.
fn command_button(ui: &mut Ui, label: &str, command: Command, enabled: bool) -> bool {
    ui.add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(command.tooltip(ui.ctx()))
        .clicked()
}

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, messages: &mut Messages) {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        for (label, cmd) in [
            ("New", Command::NewDocument),
            ("Open…", Command::Open),
            ("Open path…", Command::OpenPath),
            ("Save", Command::Save),
            ("Save as…", Command::SaveAs),
        ] {
            if command_button(ui, label, cmd, true) {
                command = Some(cmd);
            }
        }
        ui.separator();
        for (label, cmd, enabled) in [
            ("Undo", Command::Undo, state.history.can_undo()),
            ("Redo", Command::Redo, state.history.can_redo()),
            ("Zoom to fit", Command::ZoomToFit, true),
            ("100%", Command::ZoomToActualSize, true),
        ] {
            if command_button(ui, label, cmd, enabled) {
                command = Some(cmd);
            }
        }
        ui.checkbox(&mut state.snap_to_grid, "Snap to grid")
            .on_hover_text("Hold Alt while dragging to place freely");
        ui.separator();
        target_ui(state, ui, catalog);
        ui.checkbox(&mut state.free_tier, "Free tiers");
        ui.separator();
        examples_ui(state, ui, catalog, messages);
    });
    if let Some(command) = command {
        state.run(catalog, command, ui.ctx(), messages);
    }
}

/// The target platform: one per provider that has a function platform.
fn target_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    let label = ui.label("Target");
    let current = state.doc.target_platform.clone();
    let current_name = catalog
        .platform(&current)
        .map_or(current.as_str(), |p| p.name.as_str())
        .to_owned();
    let mut chosen = None;
    egui::ComboBox::from_id_salt("target_platform")
        .selected_text(current_name)
        .width(170.0)
        .show_ui(ui, |ui| {
            for provider in &catalog.providers {
                let Some(platform) = provider
                    .function_platform
                    .as_deref()
                    .and_then(|id| catalog.platform(id))
                else {
                    continue;
                };
                if ui
                    .selectable_label(platform.id == current, &platform.name)
                    .clicked()
                {
                    chosen = Some(platform.id.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(target) = chosen {
        state.doc.target_platform = target;
    }
}

fn examples_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, messages: &mut Messages) {
    let examples_label = ui.label("Examples");
    let mut example = None;
    egui::ComboBox::from_id_salt("examples")
        .selected_text("open…")
        .show_ui(ui, |ui| {
            for (file_name, _) in architecture::examples::example_texts() {
                if ui.selectable_label(false, *file_name).clicked() {
                    example = Some(*file_name);
                }
            }
        })
        .response
        .labelled_by(examples_label.id);
    if let Some(file_name) = example {
        state.request(catalog, Pending::OpenExample(file_name), messages);
    }
}

/// The document's title, right-aligned in the tab row, cut short with "…"
/// when the row is narrow; hover shows the file's path.
pub fn title_ui(state: &DesignState, ui: &mut Ui) {
    let path = state
        .session
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "Not saved to a file yet".into());
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add(egui::Label::new(RichText::new(state.title()).strong()).truncate())
            .on_hover_text(path);
    });
}
