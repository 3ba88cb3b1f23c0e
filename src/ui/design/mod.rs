//! The Design tab: an architecture on a canvas, with a catalog palette, an
//! inspector, problems, portability and costs.
//!
//! The document is the only state that matters; validation, load, costs and
//! portability are derived from it (and recomputed when it changes). Every
//! discrete edit records an undo step first.

mod canvas;
mod files;
pub mod geometry;
mod history;
mod inspector;
mod palette;
mod panels;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

pub use files::{Recovery, autosave_path};
pub use history::History;

use crate::architecture::{
    self, Architecture, ArchitecturePrice, EdgeId, GroupId, NodeId, Problem, Propagation,
    ProviderPort,
};
use crate::catalog::Catalog;
use crate::cost::PricingOptions;
use crate::export::architecture::price_total_label;
use crate::ui::app::StatusMessage;
use crate::ui::command::Command;

/// What is selected on the canvas.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeId>,
    pub edge: Option<EdgeId>,
    pub groups: BTreeSet<GroupId>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edge.is_none() && self.groups.is_empty()
    }

    pub fn only_node(&self) -> Option<NodeId> {
        match (self.nodes.len(), self.edge, self.groups.len()) {
            (1, None, 0) => self.nodes.iter().next().copied(),
            _ => None,
        }
    }

    pub fn only_group(&self) -> Option<GroupId> {
        match (self.nodes.len(), self.edge, self.groups.len()) {
            (0, None, 1) => self.groups.iter().next().copied(),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
        self.edge = None;
        self.groups.clear();
    }

    pub fn select_node(&mut self, id: NodeId) {
        self.clear();
        self.nodes.insert(id);
    }
}

/// What remembers between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct DesignSaved {
    pub recent_files: Vec<PathBuf>,
    pub snap_to_grid: bool,
    pub free_tier: bool,
}

impl Default for DesignSaved {
    fn default() -> Self {
        DesignSaved {
            recent_files: Vec::new(),
            snap_to_grid: true,
            free_tier: true,
        }
    }
}

/// An action that would discard unsaved edits, waiting for the user's word.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenDialog,
    OpenExample(&'static str),
    Recover,
    Quit,
}

/// The in-app path field, for when no native dialog can open.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub save: bool,
    pub text: String,
    pub error: Option<String>,
}

/// Everything derived from the document, recomputed when it changes.
pub struct Derived {
    pub cards: std::collections::HashMap<NodeId, canvas::CardInfo>,
    pub flow: Propagation,
    pub problems: Vec<Problem>,
    pub price: ArchitecturePrice,
    pub ports: Vec<ProviderPort>,
}

/// The bottom panel's tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BottomTab {
    #[default]
    Problems,
    Portability,
}

pub struct DesignState {
    pub doc: Architecture,
    /// The file the document came from; `None` for a new document or an example.
    pub path: Option<PathBuf>,
    /// The document as last opened or saved, to tell whether there are edits.
    saved: Architecture,
    pub history: History,
    pub selection: Selection,
    pub scene_rect: egui::Rect,
    pub recent_files: Vec<PathBuf>,
    pub snap_to_grid: bool,
    pub free_tier: bool,
    pub palette_search: String,
    pub pending: Option<Pending>,
    pub prompt: Option<PathPrompt>,
    pub recovery: Option<Recovery>,
    pub bottom_tab: BottomTab,
    /// The last refused connection and why, shown over the canvas.
    pub refusal: Option<String>,
    /// Set when the user agreed to quit with unsaved edits.
    pub allow_close: bool,
    canvas: canvas::CanvasState,
    derived: Option<(Architecture, PricingOptions, Derived)>,
    fit_requested: bool,
    autosave: Option<PathBuf>,
    last_autosave_s: f64,
    /// An inspector edit in progress, recorded once when it starts.
    inspector_editing: bool,
}

/// Seconds between autosaves of a document with unsaved edits.
const AUTOSAVE_INTERVAL_S: f64 = 20.0;

impl DesignState {
    /// A window on `doc`; `autosave` enables the crash-recovery copy.
    pub fn new(
        doc: Architecture,
        path: Option<PathBuf>,
        saved: DesignSaved,
        autosave: Option<PathBuf>,
    ) -> Self {
        DesignState {
            saved: doc.clone(),
            doc,
            path,
            history: History::default(),
            selection: Selection::default(),
            scene_rect: egui::Rect::ZERO,
            recent_files: saved.recent_files,
            snap_to_grid: saved.snap_to_grid,
            free_tier: saved.free_tier,
            palette_search: String::new(),
            pending: None,
            prompt: None,
            recovery: None,
            bottom_tab: BottomTab::Problems,
            refusal: None,
            allow_close: false,
            canvas: canvas::CanvasState::default(),
            derived: None,
            fit_requested: true,
            autosave,
            last_autosave_s: 0.0,
            inspector_editing: false,
        }
    }

    /// The document a first start opens: the most recent file that still
    /// loads, else the default example.
    pub fn startup(
        catalog: &Catalog,
        saved: DesignSaved,
        autosave: Option<PathBuf>,
    ) -> (Self, Option<StatusMessage>) {
        let mut message = None;
        for path in saved.recent_files.iter().take(1) {
            match files::open(catalog, path) {
                Ok((doc, _)) => {
                    let path = path.clone();
                    let mut state = DesignState::new(doc, Some(path), saved, autosave);
                    state.check_recovery(catalog);
                    return (state, None);
                }
                Err(error) => {
                    message = Some(StatusMessage {
                        text: format!("Could not reopen the last file: {error}"),
                        is_error: true,
                    });
                }
            }
        }
        let mut state = DesignState::new(example_or_empty(), None, saved, autosave);
        state.check_recovery(catalog);
        (state, message)
    }

    fn check_recovery(&mut self, catalog: &Catalog) {
        if let Some(path) = &self.autosave {
            self.recovery = files::read_autosave(catalog, path);
        }
    }

    pub fn saved_settings(&self) -> DesignSaved {
        DesignSaved {
            recent_files: self.recent_files.clone(),
            snap_to_grid: self.snap_to_grid,
            free_tier: self.free_tier,
        }
    }

    /// Whether there are edits not on disk.
    pub fn is_dirty(&self) -> bool {
        self.doc != self.saved
    }

    pub fn title(&self) -> String {
        let name = match &self.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            None => format!("{} (not saved)", self.doc.name),
        };
        if self.is_dirty() {
            format!("{name} •")
        } else {
            name
        }
    }

    pub fn options(&self) -> PricingOptions {
        PricingOptions {
            free_tier: self.free_tier,
            ..PricingOptions::default()
        }
    }

    /// Recompute problems, costs and portability if the document changed.
    pub fn ensure_derived(&mut self, catalog: &Catalog) {
        let options = self.options();
        let stale =
            !matches!(&self.derived, Some((doc, opts, _)) if *doc == self.doc && *opts == options);
        if stale {
            let flow = architecture::propagate(&self.doc);
            let problems = architecture::validate(catalog, &self.doc);
            let price = architecture::price_with(catalog, &self.doc, &flow, options);
            let derived = Derived {
                cards: canvas::card_infos(catalog, &self.doc, &flow, &price, &problems),
                ports: architecture::portability_with(catalog, &self.doc, &flow, options),
                problems,
                price,
                flow,
            };
            self.derived = Some((self.doc.clone(), options, derived));
        }
    }

    /// What was last derived (call [`Self::ensure_derived`] first).
    pub fn derived_ref(&self) -> Option<&Derived> {
        self.derived.as_ref().map(|(_, _, derived)| derived)
    }

    /// Problems, costs and portability for the current document.
    pub fn derived(&mut self, catalog: &Catalog) -> &Derived {
        self.ensure_derived(catalog);
        match &self.derived {
            Some((_, _, derived)) => derived,
            None => unreachable!("derived was just computed"),
        }
    }

    /// The monthly total on the target, for the status bar.
    pub fn status_text(&mut self, catalog: &Catalog) -> String {
        let target = self.doc.target_platform.clone();
        let derived = self.derived(catalog);
        let errors = derived.problems.iter().filter(|p| p.is_error()).count();
        let mut text = format!(
            "{}: {} per month on {}",
            derived.price.platform.clone(),
            price_total_label(&derived.price),
            catalog
                .platform(&target)
                .map_or(target.as_str(), |p| p.name.as_str())
        );
        text = text.replacen(&format!("{}: ", derived.price.platform), "Design total ", 1);
        if errors > 0 {
            text.push_str(&format!(" · {errors} error(s)"));
        }
        text
    }

    /// Where a node's card was last drawn on screen. The accessibility tree
    /// reports canvas widgets in scene space, so pointer-driven tests (and
    /// anything outside the canvas) use this instead.
    pub fn screen_rect_of(&self, node: NodeId) -> Option<egui::Rect> {
        let transform = self.canvas.to_screen?;
        let found = self.doc.node(node)?;
        Some(transform * geometry::node_rect(found.position))
    }

    /// Show the canvas at 1:1 around the current centre.
    pub fn zoom_to_actual_size(&mut self) {
        let size = self.canvas.view_size;
        if size.x > 0.0 && size.y > 0.0 {
            self.canvas.zoom_to_actual = Some(size);
        }
    }

    /// The canvas's current zoom (screen points per scene point).
    pub fn zoom(&self) -> Option<f32> {
        self.canvas.to_screen.map(|t| t.scaling)
    }

    /// Where a group was last drawn on screen.
    pub fn screen_rect_of_group(&self, group: GroupId) -> Option<egui::Rect> {
        let transform = self.canvas.to_screen?;
        let found = self.doc.group(group)?;
        Some(transform * geometry::group_rect(found.position, found.size))
    }

    /// Where a node's out port was last drawn on screen.
    pub fn screen_out_port_of(&self, node: NodeId) -> Option<egui::Pos2> {
        let transform = self.canvas.to_screen?;
        let found = self.doc.node(node)?;
        Some(transform * geometry::out_port(geometry::node_rect(found.position)))
    }

    /// Record an undo step before an edit.
    pub fn record(&mut self) {
        self.history.record(&self.doc);
    }

    fn replace_document(&mut self, doc: Architecture, path: Option<PathBuf>) {
        self.saved = doc.clone();
        self.doc = doc;
        self.path = path;
        self.history.clear();
        self.selection.clear();
        self.refusal = None;
        self.fit_requested = true;
        if let Some(autosave) = &self.autosave {
            files::remove_autosave(autosave);
        }
    }

    /// Open a file; on failure the current document stays as it was.
    pub fn open_path(&mut self, catalog: &Catalog, path: &Path) -> StatusMessage {
        match files::open(catalog, path) {
            Ok((doc, renamed)) => {
                files::remember(&mut self.recent_files, path);
                self.replace_document(doc, Some(path.to_path_buf()));
                if renamed.is_empty() {
                    ok(format!("Opened {}", path.display()))
                } else {
                    // The ids were updated in memory; the file changes when saved.
                    let list: Vec<String> = renamed.iter().map(ToString::to_string).collect();
                    ok(format!(
                        "Opened {}; renamed catalog ids updated ({})",
                        path.display(),
                        list.join("; ")
                    ))
                }
            }
            Err(error) => err(format!("Could not open: {error}")),
        }
    }

    /// Save to a path; the document is kept either way.
    pub fn save_to(&mut self, path: &Path) -> StatusMessage {
        match files::save(path, &mut self.doc) {
            Ok(()) => {
                self.saved = self.doc.clone();
                self.path = Some(path.to_path_buf());
                files::remember(&mut self.recent_files, path);
                if let Some(autosave) = &self.autosave {
                    files::remove_autosave(autosave);
                }
                ok(format!("Saved {}", path.display()))
            }
            Err(error) => err(format!("Save failed: {error}")),
        }
    }

    /// Run an action now, or ask first if it would discard edits.
    pub fn request(&mut self, catalog: &Catalog, action: Pending) -> Option<StatusMessage> {
        if self.is_dirty() && !matches!(action, Pending::Recover) {
            self.pending = Some(action);
            None
        } else {
            self.perform(catalog, action)
        }
    }

    /// Carry out an action that may replace the document.
    pub fn perform(&mut self, catalog: &Catalog, action: Pending) -> Option<StatusMessage> {
        self.pending = None;
        match action {
            Pending::New => {
                let target = self.doc.target_platform.clone();
                self.replace_document(Architecture::new_empty(&target), None);
                Some(ok("New architecture".into()))
            }
            Pending::Open(path) => Some(self.open_path(catalog, &path)),
            Pending::OpenDialog => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Architecture", &["ron"])
                    .set_directory(self.dialog_directory())
                    .pick_file();
                match picked {
                    Some(path) => Some(self.open_path(catalog, &path)),
                    None => {
                        self.prompt = Some(PathPrompt {
                            save: false,
                            text: String::new(),
                            error: None,
                        });
                        Some(ok("No file chosen; you can type a path instead.".into()))
                    }
                }
            }
            Pending::OpenExample(file_name) => {
                let example = architecture::examples()
                    .into_iter()
                    .filter_map(Result::ok)
                    .find(|e| e.file_name == file_name)?;
                self.replace_document(example.doc, None);
                Some(ok(format!("Opened the example {file_name}")))
            }
            Pending::Recover => {
                let recovery = self.recovery.take()?;
                let keep_path = recovery.original.clone();
                self.history.record(&self.doc);
                self.doc = recovery.doc;
                self.path = keep_path;
                self.fit_requested = true;
                Some(ok(
                    "Recovered the autosaved architecture; save it to keep it.".into(),
                ))
            }
            Pending::Quit => {
                self.allow_close = true;
                if let Some(autosave) = &self.autosave {
                    files::remove_autosave(autosave);
                }
                None
            }
        }
    }

    fn dialog_directory(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Write the crash-recovery copy now and then while there are edits.
    pub fn autosave_tick(&mut self, now_s: f64) {
        let Some(path) = self.autosave.clone() else {
            return;
        };
        if !self.is_dirty() || now_s - self.last_autosave_s < AUTOSAVE_INTERVAL_S {
            return;
        }
        self.last_autosave_s = now_s;
        // A failed autosave must not interrupt the user; the next tick retries.
        files::write_autosave(&path, &self.doc, self.path.as_deref()).ok();
    }

    /// Carry out a document command (from a menu, a shortcut or the toolbar).
    pub fn run(&mut self, catalog: &Catalog, command: Command) -> Option<StatusMessage> {
        match command {
            Command::NewDocument => self.request(catalog, Pending::New),
            Command::Open => self.request(catalog, Pending::OpenDialog),
            Command::OpenPath => {
                self.prompt = Some(PathPrompt {
                    save: false,
                    text: self
                        .path
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    error: None,
                });
                None
            }
            Command::Save => match self.path.clone() {
                Some(path) => Some(self.save_to(&path)),
                None => self.run(catalog, Command::SaveAs),
            },
            Command::SaveAs => {
                let suggested = format!("{}.ron", slug(&self.doc.name));
                match rfd::FileDialog::new()
                    .add_filter("Architecture", &["ron"])
                    .set_directory(self.dialog_directory())
                    .set_file_name(suggested)
                    .save_file()
                {
                    Some(path) => Some(self.save_to(&path)),
                    None => {
                        self.prompt = Some(PathPrompt {
                            save: true,
                            text: self.default_save_path(),
                            error: None,
                        });
                        Some(ok("No file chosen; you can type a path instead.".into()))
                    }
                }
            }
            Command::SaveToPath => {
                self.prompt = Some(PathPrompt {
                    save: true,
                    text: self.default_save_path(),
                    error: None,
                });
                None
            }
            Command::Undo => {
                if self.history.undo(&mut self.doc) {
                    self.forget_missing_selection();
                    None
                } else {
                    Some(ok("Nothing to undo".into()))
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.doc) {
                    self.forget_missing_selection();
                    None
                } else {
                    Some(ok("Nothing to redo".into()))
                }
            }
            Command::Delete => {
                self.delete_selection();
                None
            }
            Command::Duplicate => {
                self.duplicate_selection();
                None
            }
            Command::SelectAll => {
                self.selection.edge = None;
                self.selection.nodes = self.doc.nodes.iter().map(|n| n.id).collect();
                None
            }
            Command::ZoomToFit => {
                self.fit_requested = true;
                None
            }
            _ => None,
        }
    }

    fn default_save_path(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => self
                .dialog_directory()
                .join(format!("{}.ron", slug(&self.doc.name)))
                .display()
                .to_string(),
        }
    }

    fn forget_missing_selection(&mut self) {
        let doc = &self.doc;
        self.selection.nodes.retain(|id| doc.node(*id).is_some());
        self.selection.groups.retain(|id| doc.group(*id).is_some());
        if self.selection.edge.is_some_and(|id| doc.edge(id).is_none()) {
            self.selection.edge = None;
        }
    }

    pub fn delete_selection(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        self.record();
        let nodes: Vec<NodeId> = self.selection.nodes.iter().copied().collect();
        self.doc.remove_nodes(&nodes);
        if let Some(edge) = self.selection.edge {
            self.doc.remove_edges(&[edge]);
        }
        let groups: Vec<GroupId> = self.selection.groups.iter().copied().collect();
        self.doc.remove_groups(&groups);
        self.selection.clear();
    }

    pub fn duplicate_selection(&mut self) {
        let nodes: Vec<NodeId> = self.selection.nodes.iter().copied().collect();
        if nodes.is_empty() {
            return;
        }
        self.record();
        let copies = self
            .doc
            .duplicate_nodes(&nodes, architecture::DUPLICATE_OFFSET);
        self.selection.clear();
        self.selection.nodes.extend(copies);
    }

    /// The selection as RON text, for the clipboard.
    pub fn copy_selection(&self) -> Option<String> {
        let nodes: Vec<NodeId> = self.selection.nodes.iter().copied().collect();
        if nodes.is_empty() {
            return None;
        }
        architecture::fragment_to_ron(&self.doc, &nodes).ok()
    }

    /// Paste clipboard text; returns an error line when it is not a fragment.
    pub fn paste(&mut self, catalog: &Catalog, text: &str) -> Result<usize, String> {
        let fragment = architecture::parse_fragment(text).map_err(|e| e.to_string())?;
        let probe = Architecture {
            nodes: fragment.nodes.clone(),
            edges: fragment.edges.clone(),
            ..Architecture::new_empty(&self.doc.target_platform)
        };
        architecture::io::check_ids(catalog, "clipboard", text, &probe)
            .map_err(|e| e.to_string())?;
        self.record();
        let added = self.doc.paste(&fragment, architecture::DUPLICATE_OFFSET);
        self.selection.clear();
        self.selection.nodes.extend(added.iter().copied());
        Ok(added.len())
    }

    /// Draw the tab; returns a status message for the app to show.
    pub fn ui(&mut self, ui: &mut Ui, catalog: &Catalog) -> Option<StatusMessage> {
        let mut message = None;
        egui::Panel::top("design_toolbar").show(ui, |ui| {
            if let Some(m) = self.toolbar_ui(ui, catalog) {
                message = Some(m);
            }
        });
        if let Some(recovery) = &self.recovery {
            let when = recovery
                .original
                .as_ref()
                .map(|p| format!(" of {}", p.display()))
                .unwrap_or_default();
            let mut choice = None;
            egui::Panel::top("recovery_banner").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "An autosaved copy{when} from a session that did not end cleanly was found."
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
                Some(true) => message = self.perform(catalog, Pending::Recover),
                Some(false) => {
                    self.recovery = None;
                    if let Some(path) = &self.autosave {
                        files::remove_autosave(path);
                    }
                }
                None => {}
            }
        }
        egui::Panel::left("palette")
            .resizable(true)
            .default_size(250.0)
            .min_size(200.0)
            .show(ui, |ui| palette::ui(self, ui, catalog));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| inspector::ui(self, ui, catalog));
        egui::Panel::bottom("design_bottom")
            .resizable(true)
            .default_size(190.0)
            .min_size(90.0)
            .show(ui, |ui| panels::ui(self, ui, catalog));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(m) = canvas::ui(self, ui, catalog) {
                message = Some(m);
            }
        });
        if let Some(m) = self.modals_ui(ui.ctx(), catalog) {
            message = Some(m);
        }
        self.autosave_tick(ui.input(|i| i.time));
        message
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, catalog: &Catalog) -> Option<StatusMessage> {
        let mut message = None;
        let mut command = None;
        ui.horizontal_wrapped(|ui| {
            for (label, cmd) in [
                ("New", Command::NewDocument),
                ("Open…", Command::Open),
                ("Open path…", Command::OpenPath),
                ("Save", Command::Save),
                ("Save as…", Command::SaveAs),
            ] {
                let tip = cmd
                    .shortcut_text(ui.ctx())
                    .map(|s| format!("{} ({s})", cmd.label()))
                    .unwrap_or_else(|| cmd.label().to_owned());
                if ui.button(label).on_hover_text(tip).clicked() {
                    command = Some(cmd);
                }
            }
            ui.separator();
            if ui
                .add_enabled(self.history.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Undo (Ctrl+Z)")
                .clicked()
            {
                command = Some(Command::Undo);
            }
            if ui
                .add_enabled(self.history.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Redo (Ctrl+Shift+Z or Ctrl+Y)")
                .clicked()
            {
                command = Some(Command::Redo);
            }
            if ui
                .button("Zoom to fit")
                .on_hover_text("Zoom to fit (Ctrl+0)")
                .clicked()
            {
                command = Some(Command::ZoomToFit);
            }
            if ui
                .button("100%")
                .on_hover_text("Show the canvas at its actual size")
                .clicked()
            {
                self.zoom_to_actual_size();
            }
            ui.checkbox(&mut self.snap_to_grid, "Snap to grid")
                .on_hover_text("Hold Alt while dragging to place freely");
            ui.separator();
            let label = ui.label("Target");
            let current = self.doc.target_platform.clone();
            let current_name = catalog
                .platform(&current)
                .map_or(current.as_str(), |p| p.name.as_str())
                .to_owned();
            let mut chosen = None;
            egui::ComboBox::from_id_salt("target_platform")
                .selected_text(current_name)
                .width(200.0)
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
            if let Some(target) = chosen
                && target != current
            {
                self.record();
                self.doc.target_platform = target;
            }
            ui.checkbox(&mut self.free_tier, "Free tiers");
            ui.separator();
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
                message = self.request(catalog, Pending::OpenExample(file_name));
            }
            ui.separator();
            ui.label(RichText::new(self.title()).strong())
                .on_hover_text(
                    self.path
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "Not saved to a file yet".into()),
                );
        });
        if let Some(command) = command {
            message = self.run(catalog, command);
        }
        message
    }

    fn modals_ui(&mut self, ctx: &egui::Context, catalog: &Catalog) -> Option<StatusMessage> {
        let mut message = None;
        if let Some(action) = self.pending.clone() {
            let mut decision = None;
            egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "“{}” has changes that are not saved. What should happen to them?",
                    self.doc.name
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save changes").clicked() {
                        decision = Some("save");
                    }
                    if ui.button("Discard changes").clicked() {
                        decision = Some("discard");
                    }
                    if ui.button("Cancel").clicked() {
                        decision = Some("cancel");
                    }
                });
            });
            match decision {
                Some("save") => {
                    let saved = match self.path.clone() {
                        Some(path) => self.save_to(&path),
                        None => {
                            // No file yet: ask for one; the action waits for another try.
                            self.pending = None;
                            self.prompt = Some(PathPrompt {
                                save: true,
                                text: self.default_save_path(),
                                error: None,
                            });
                            return Some(ok("Choose where to save, then try again.".into()));
                        }
                    };
                    if saved.is_error {
                        self.pending = None;
                        message = Some(saved);
                    } else {
                        message = self.perform(catalog, action).or(Some(saved));
                    }
                }
                Some("discard") => message = self.perform(catalog, action),
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if let Some(prompt) = &mut self.prompt {
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
                response.request_focus();
                if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    submit = true;
                }
                if let Some(error) = &prompt.error {
                    ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(if prompt.save {
                            "Save file"
                        } else {
                            "Open file"
                        })
                        .clicked()
                    {
                        submit = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
            if cancel || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.prompt = None;
            } else if submit {
                let path = PathBuf::from(prompt.text.trim());
                let save = prompt.save;
                if path.as_os_str().is_empty() {
                    prompt.error = Some("Type a file path.".into());
                } else if save {
                    let result = self.save_to(&path);
                    if result.is_error {
                        if let Some(prompt) = &mut self.prompt {
                            prompt.error = Some(result.text.clone());
                        }
                    } else {
                        self.prompt = None;
                    }
                    message = Some(result);
                } else {
                    self.prompt = None;
                    message = self.request(catalog, Pending::Open(path));
                }
            }
        }
        message
    }
}

/// A file-name-friendly form of a document name.
fn slug(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "architecture".into()
    } else {
        slug
    }
}

/// The default example, or an empty document if the examples are missing.
pub fn example_or_empty() -> Architecture {
    architecture::default_example()
        .map(|e| e.doc)
        .unwrap_or_else(|| Architecture::new_empty("aws-lambda"))
}

fn ok(text: String) -> StatusMessage {
    StatusMessage {
        text,
        is_error: false,
    }
}

fn err(text: String) -> StatusMessage {
    StatusMessage {
        text,
        is_error: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(slug("HTTP API: orders & users"), "http-api-orders-users");
        assert_eq!(slug("***"), "architecture");
    }
}
