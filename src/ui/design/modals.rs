//! What opens over the Design tab: the unsaved-changes prompt, the path
//! field, and the banner offering an autosaved copy.

use std::path::PathBuf;

use egui::RichText;

use super::DesignState;
use super::session::Pending;
use crate::catalog::Catalog;
use crate::ui::status::Messages;

/// The user's answer to the unsaved-changes prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Save,
    Discard,
    Cancel,
}

pub fn ui(
    state: &mut DesignState,
    ctx: &egui::Context,
    catalog: &Catalog,
    messages: &mut Messages,
) {
    unsaved_changes_ui(state, ctx, catalog, messages);
    path_prompt_ui(state, ctx, catalog, messages);
}

fn unsaved_changes_ui(
    state: &mut DesignState,
    ctx: &egui::Context,
    catalog: &Catalog,
    messages: &mut Messages,
) {
    let Some(action) = state.session.pending.clone() else {
        return;
    };
    let mut decision = None;
    egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "“{}” has changes that are not saved. What should happen to them?",
            state.document_label()
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save changes").clicked() {
                decision = Some(Decision::Save);
            }
            if ui.button("Discard changes").clicked() {
                decision = Some(Decision::Discard);
            }
            if ui.button("Cancel").clicked() {
                decision = Some(Decision::Cancel);
            }
        });
    });
    match decision {
        Some(Decision::Save) => {
            let Some(path) = state.session.path.clone() else {
                // No file yet: ask for one; the action waits for another try.
                state.session.pending = None;
                let text = state.session.default_save_path(&state.doc.name);
                state.session.ask_for_path(true, text);
                messages.ok("Choose where to save, then try again.");
                return;
            };
            let saved = state.save_to(&path);
            let failed = saved.is_error;
            messages.push(saved);
            if failed {
                state.session.pending = None;
            } else {
                state.perform(catalog, action, messages);
            }
        }
        Some(Decision::Discard) => state.perform(catalog, action, messages),
        Some(Decision::Cancel) => state.session.pending = None,
        None => {}
    }
}

fn path_prompt_ui(
    state: &mut DesignState,
    ctx: &egui::Context,
    catalog: &Catalog,
    messages: &mut Messages,
) {
    let Some(prompt) = &mut state.session.prompt else {
        return;
    };
    let mut submit = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.heading(if prompt.save {
            "Save to path"
        } else {
            "Open path"
        });
        let label = ui.label("File path");
        let response = ui
            .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
            .labelled_by(label.id);
        // Enter confirms. A single-line field gives up its focus on Enter,
        // so either way counts.
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && (response.has_focus() || response.lost_focus()) {
            submit = true;
        }
        response.request_focus();
        if let Some(error) = &prompt.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        ui.horizontal(|ui| {
            let action = if prompt.save {
                "Save file"
            } else {
                "Open file"
            };
            if ui.button(action).clicked() {
                submit = true;
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    });
    if cancel || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.session.prompt = None;
        return;
    }
    if !submit {
        return;
    }
    let path = PathBuf::from(prompt.text.trim());
    if path.as_os_str().is_empty() {
        prompt.error = Some("Type a file path.".into());
    } else if prompt.save {
        let result = state.save_to(&path);
        if result.is_error {
            if let Some(prompt) = &mut state.session.prompt {
                prompt.error = Some(result.text.clone());
            }
        } else {
            state.session.prompt = None;
        }
        messages.push(result);
    } else {
        state.session.prompt = None;
        state.request(catalog, Pending::Open(path), messages);
    }
}

/// The banner offering an autosave left by a run that did not end cleanly.
pub fn recovery_banner(
    state: &mut DesignState,
    ui: &mut egui::Ui,
    catalog: &Catalog,
    messages: &mut Messages,
) {
    let Some(recovery) = &state.session.recovery else {
        return;
    };
    let of_file = recovery
        .original
        .as_ref()
        .map(|p| format!(" of {}", p.display()))
        .unwrap_or_default();
    let mut choice = None;
    egui::Panel::top("recovery_banner").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "An autosaved copy{of_file} from a session that did not end cleanly was found."
                ))
                .color(ui.visuals().warn_fg_color),
            );
            if ui.button("Recover it").clicked() {
                choice = Some(true);
            }
            if ui.button("Discard it").clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => state.perform(catalog, Pending::Recover, messages),
        Some(false) => state.session.discard_recovery(),
        None => {}
    }
}
