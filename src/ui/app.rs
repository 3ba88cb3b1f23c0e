//! The app shell: tabs, menus, shortcuts, status line and persistence.

use std::sync::Arc;

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use super::command::{self, Command, Scope};
use super::costs::CostsState;
use super::design::{DesignSaved, DesignState, Pending};
use super::explorer::ExplorerState;
use super::status::{self, Messages, StatusMessage};
use crate::catalog::Catalog;

/// The top-level tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Explorer,
    Costs,
    Design,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Explorer, Tab::Costs, Tab::Design];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Explorer => "Explorer",
            Tab::Costs => "Costs",
            Tab::Design => "Design",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
}

/// Everything remembered between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub tab: Tab,
    pub theme: ThemeChoice,
    pub explorer: ExplorerState,
    pub costs: CostsState,
    pub design: DesignSaved,
}

const SAVED_KEY: &str = "serverless-atlas-state";

pub struct AtlasApp {
    pub catalog: Arc<Catalog>,
    pub tab: Tab,
    pub theme: ThemeChoice,
    pub explorer: ExplorerState,
    pub costs: CostsState,
    pub design: DesignState,
    /// The message the status bar shows (the newest).
    pub status: Option<StatusMessage>,
    /// Where every view pushes its messages during a frame.
    pub messages: Messages,
    /// Every message shown, for the status bar's list.
    pub status_log: status::Log,
    show_shortcuts: bool,
    show_messages_log: bool,
    /// Set by `SERVERLESS_ATLAS_TIMINGS`: when the window code started, and
    /// how many frames are left to log.
    timings: Option<(std::time::Instant, u32)>,
    theme_applied: Option<ThemeChoice>,
}

impl AtlasApp {
    /// A window on the default example, remembering nothing (for tests).
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let design = DesignState::new(
            super::design::example_or_empty(),
            None,
            DesignSaved::default(),
            None,
        );
        Self::with_parts(catalog, Saved::default(), design)
    }

    fn with_parts(catalog: Arc<Catalog>, saved: Saved, design: DesignState) -> Self {
        let mut app = AtlasApp {
            catalog,
            tab: saved.tab,
            theme: saved.theme,
            explorer: saved.explorer,
            costs: saved.costs,
            design,
            status: None,
            messages: Messages::default(),
            status_log: status::Log::default(),
            show_shortcuts: false,
            show_messages_log: false,
            timings: None,
            theme_applied: None,
        };
        app.explorer.forget_unknown_ids(&app.catalog);
        app.costs.forget_unknown_ids(&app.catalog);
        app
    }

    /// Restore what the last run saved; open `file` if one was given,
    /// otherwise the most recent file or an example.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        catalog: Arc<Catalog>,
        file: Option<std::path::PathBuf>,
    ) -> Self {
        let saved = cc
            .storage
            .and_then(|storage| eframe::get_value::<Saved>(storage, SAVED_KEY))
            .unwrap_or_default();
        let autosave = super::design::autosave_path();
        let mut messages = Messages::default();
        let mut design =
            DesignState::startup(&catalog, saved.design.clone(), autosave, &mut messages);
        let mut app = Self::with_parts(catalog, saved, design_placeholder());
        if let Some(path) = file {
            // The file named on the command line wins over the reopened one.
            let _ = messages.drain();
            let opened = design.open_path(&app.catalog, &path);
            if !opened.is_error {
                app.tab = Tab::Design;
            }
            messages.push(opened);
        }
        app.messages = messages;
        app.show_messages();
        app.design = design;
        app
    }

    pub fn saved(&self) -> Saved {
        Saved {
            tab: self.tab,
            theme: self.theme,
            explorer: self.explorer.clone(),
            costs: self.costs.clone(),
            design: self.design.saved_settings(),
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.messages.ok(text);
        self.show_messages();
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.messages.error(text);
        self.show_messages();
    }

    /// Log when each of the first few frames is done (CPU side), to stderr.
    pub fn log_first_frames(&mut self, started: std::time::Instant) {
        self.timings = Some((started, 3));
    }

    fn log_frame_time(&mut self, ctx: &egui::Context) {
        let Some((started, left)) = &mut self.timings else {
            return;
        };
        eprintln!(
            "timings: frame {} ({:?} tab) done after {} ms",
            ctx.cumulative_frame_nr(),
            self.tab,
            started.elapsed().as_millis()
        );
        *left -= 1;
        if *left == 0 {
            self.timings = None;
        }
    }

    /// Move this frame's messages into the log; the newest is shown.
    fn show_messages(&mut self) {
        for message in self.messages.drain() {
            self.status_log.add(message.clone());
            self.status = Some(message);
        }
    }

    /// The whole window's contents; tests drive this directly.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        if self.theme_applied != Some(self.theme) {
            ui.ctx().set_theme(match self.theme {
                ThemeChoice::Dark => egui::Theme::Dark,
                ThemeChoice::Light => egui::Theme::Light,
            });
            self.theme_applied = Some(self.theme);
        }
        self.handle_window_events(ui.ctx());
        self.design.begin_frame(ui.ctx());
        // Esc closes the shortcut list first, before it could clear the canvas.
        if self.show_shortcuts
            && ui
                .ctx()
                .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.show_shortcuts = false;
        }
        let canvas_live = self.tab == Tab::Design && self.design.canvas_keys_live();
        for command in command::pressed(ui.ctx(), canvas_live) {
            self.run(ui.ctx(), command);
        }
        let mut clicked = Vec::new();
        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_ui(ui, &mut clicked));
        });
        egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.tab {
            Tab::Explorer => {
                let catalog = Arc::clone(&self.catalog);
                if let Some(sheet) = self.explorer.ui(ui, &catalog) {
                    self.costs.focus_sheet(&sheet);
                    self.tab = Tab::Costs;
                }
            }
            Tab::Costs => {
                let catalog = Arc::clone(&self.catalog);
                if let Some(message) = self.costs.ui(ui, &catalog) {
                    self.messages.push(message);
                }
            }
            Tab::Design => {
                let catalog = Arc::clone(&self.catalog);
                self.design.ui(ui, &catalog, &mut self.messages);
            }
        });
        if self.design.session.close_allowed() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        for command in clicked {
            self.run(ui.ctx(), command);
        }
        if self.show_shortcuts {
            self.shortcuts_window(ui.ctx());
        }
        if self.show_messages_log {
            self.messages_window(ui.ctx());
        }
        if let Some(message) = self.costs.take_finished_export() {
            self.messages.push(message);
        }
        self.design.end_frame(ui.ctx());
        self.show_messages();
        self.log_frame_time(ui.ctx());
    }

    fn menu_ui(&mut self, ui: &mut Ui, clicked: &mut Vec<Command>) {
        let catalog = Arc::clone(&self.catalog);
        ui.menu_button("File", |ui| {
            for command in [Command::NewDocument, Command::Open, Command::OpenPath] {
                command.menu_item(ui, clicked);
            }
            let recent = self.design.session.recent_files.clone();
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            self.tab = Tab::Design;
                            self.design
                                .request(&catalog, Pending::Open(path), &mut self.messages);
                            ui.close();
                        }
                    }
                });
            });
            for command in [Command::Save, Command::SaveAs, Command::SaveToPath] {
                command.menu_item(ui, clicked);
            }
            ui.separator();
            for command in [
                Command::ExportCsv,
                Command::ExportJson,
                Command::ExportMarkdown,
                Command::ExportChartPng,
            ] {
                command.menu_item(ui, clicked);
            }
            ui.separator();
            Command::Quit.menu_item(ui, clicked);
        });
        ui.menu_button("Edit", |ui| {
            for command in [
                Command::Undo,
                Command::Redo,
                Command::Cut,
                Command::Copy,
                Command::Paste,
                Command::Delete,
                Command::Duplicate,
                Command::SelectAll,
            ] {
                command.menu_item(ui, clicked);
            }
        });
        ui.menu_button("View", |ui| {
            for command in [
                Command::ShowExplorer,
                Command::ShowCosts,
                Command::ShowDesign,
                Command::FocusSearch,
                Command::ZoomToFit,
                Command::ToggleTheme,
            ] {
                command.menu_item(ui, clicked);
            }
        });
        ui.menu_button("Help", |ui| {
            Command::ShowShortcuts.menu_item(ui, clicked);
        });
    }

    fn tabs_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                let text = RichText::new(tab.label()).size(15.0);
                if ui.selectable_label(self.tab == tab, text).clicked() {
                    self.tab = tab;
                    ui.ctx().request_repaint();
                }
            }
            if self.tab == Tab::Design {
                ui.add_space(24.0);
                self.design.title_ui(ui);
            }
        });
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let c = &self.catalog;
            ui.label(
                RichText::new(format!(
                    "{} platforms · {} triggers · {} services · {} frameworks · {} price sheets",
                    c.platforms.len(),
                    c.triggers.len(),
                    c.services.len(),
                    c.frameworks.len(),
                    c.price_sheets.len()
                ))
                .weak(),
            )
            // How fresh the catalog is, worked out only while hovered.
            .on_hover_ui(|ui| {
                let text = match crate::catalog::facts::as_of_range(c) {
                    Some(range) => format!(
                        "Catalog facts as of: oldest {}, newest {} ({} dated sources, {} undated)",
                        range.oldest, range.newest, range.dated, range.undated
                    ),
                    None => "No catalog source carries a date".to_owned(),
                };
                ui.label(text);
            });
            if self.tab == Tab::Design {
                ui.separator();
                let text = self.design.status_text(&self.catalog);
                ui.label(RichText::new(text).strong());
            }
            if let Some(status) = self.status.clone() {
                ui.separator();
                if ui
                    .small_button("×")
                    .on_hover_text("Dismiss message")
                    .clicked()
                {
                    self.status = None;
                }
                // The newest message takes what width is left, cut short with
                // "…"; hover shows it whole and a click lists every message.
                let text = RichText::new(&status.text);
                let text = if status.is_error {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                let response = ui
                    .add(
                        egui::Label::new(text)
                            .truncate()
                            // One tooltip, ours, which also says what a click does.
                            .show_tooltip_when_elided(false)
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(format!("{}\n\nClick to see every message.", status.text));
                if response.clicked() {
                    self.show_messages_log = true;
                }
            }
        });
    }

    /// Every message of this run, newest first, wrapped to be read whole.
    fn messages_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_messages_log;
        egui::Window::new("Messages")
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for message in self.status_log.entries().rev() {
                            let text = RichText::new(&message.text);
                            let text = if message.is_error {
                                text.color(ui.visuals().error_fg_color)
                            } else {
                                text
                            };
                            ui.add(egui::Label::new(text).wrap().selectable(true));
                            ui.separator();
                        }
                    });
            });
        self.show_messages_log = open;
    }

    /// Carry out a command from a menu, a shortcut or a button.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowExplorer => self.tab = Tab::Explorer,
            Command::ShowCosts => self.tab = Tab::Costs,
            Command::ShowDesign => self.tab = Tab::Design,
            Command::FocusSearch => {
                self.tab = Tab::Explorer;
                self.explorer.request_search_focus();
            }
            Command::ToggleTheme => {
                self.theme = match self.theme {
                    ThemeChoice::Dark => ThemeChoice::Light,
                    ThemeChoice::Light => ThemeChoice::Dark,
                };
            }
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::Quit => {
                if self.design.is_dirty() {
                    self.tab = Tab::Design;
                    self.design.ask_to_quit();
                } else {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            command => self.run_scoped(ctx, command),
        }
    }

    /// A command outside the app's own scope, routed by its scope.
    fn run_scoped(&mut self, ctx: &egui::Context, command: Command) {
        let catalog = Arc::clone(&self.catalog);
        match command.scope() {
            Scope::App => {}
            Scope::Costs => {
                self.tab = Tab::Costs;
                if let Some(message) = self.costs.export_command(ctx, &catalog, command) {
                    self.messages.push(message);
                }
            }
            // File commands bring the canvas up; editing acts only when it shows.
            Scope::DesignFile => {
                self.tab = Tab::Design;
                self.design.run(&catalog, command, ctx, &mut self.messages);
            }
            Scope::DesignCanvas => {
                if self.tab == Tab::Design {
                    self.design.run(&catalog, command, ctx, &mut self.messages);
                }
            }
        }
    }

    /// A close request with unsaved edits asks first; a file dropped on
    /// the window opens in the Design tab.
    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.design.is_dirty()
            && !self.design.session.close_allowed()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.tab = Tab::Design;
            self.design.ask_to_quit();
        }
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.tab = Tab::Design;
            let catalog = Arc::clone(&self.catalog);
            self.design
                .request(&catalog, Pending::Open(path), &mut self.messages);
        }
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                // The list outgrew a small window: it scrolls rather than running off it.
                let max_height = (ctx.content_rect().height() - 120.0).max(160.0);
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .show(ui, |ui| {
                        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for command in Command::all() {
                                let shortcuts: Vec<String> = command
                                    .shortcuts()
                                    .iter()
                                    .map(|s| ctx.format_shortcut(s))
                                    .collect();
                                if shortcuts.is_empty() {
                                    continue;
                                }
                                ui.label(command.label());
                                ui.label(RichText::new(shortcuts.join("  or  ")).monospace());
                                ui.end_row();
                            }
                        });
                    });
            });
        self.show_shortcuts = open;
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SAVED_KEY, &self.saved());
    }
}

/// A stand-in while the real design state is being built.
fn design_placeholder() -> DesignState {
    DesignState::new(
        crate::architecture::Architecture::new_empty("aws-lambda"),
        None,
        DesignSaved::default(),
        None,
    )
}
