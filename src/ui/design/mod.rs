//! The Design tab: an architecture on a canvas, with a catalog palette, an
//! inspector, problems, portability and costs.
//!
//! The document is the only state that matters; validation, load, costs and
//! portability are derived from it (and recomputed when it changes). Edits
//! change `doc` directly; [`History`] turns each finished gesture into one
//! undo step at the end of the frame, so no edit records anything by hand.
//!
//! Layout: `session` (the file, prompts, autosave), `toolbar`, `modals`,
//! `canvas` (input and drawing), `cards` (derived card texts), `palette`,
//! `inspector`, `panels` (problems and portability), `geometry` (pure).

mod canvas;
mod cards;
mod files;
pub mod geometry;
mod history;
mod inspector;
mod modals;
mod palette;
mod panels;
mod session;
mod toolbar;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use egui::Ui;
use serde::{Deserialize, Serialize};

pub use canvas::CanvasState;
pub use files::{Recovery, autosave_path};
pub use history::History;
pub use session::{PathPrompt, Pending, Session};

use crate::architecture::{
    self, Architecture, ArchitecturePrice, EdgeId, GroupId, NodeId, Problem, Propagation,
    ProviderPort,
};
use crate::catalog::Catalog;
use crate::cost::PricingOptions;
use crate::export::architecture::price_total_label;
use crate::ui::command::Command;
use crate::ui::status::Messages;

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

    /// Drop what no longer exists (after an undo).
    fn forget_missing(&mut self, doc: &Architecture) {
        self.nodes.retain(|id| doc.node(*id).is_some());
        self.groups.retain(|id| doc.group(*id).is_some());
        if self.edge.is_some_and(|id| doc.edge(id).is_none()) {
            self.edge = None;
        }
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

/// Everything derived from the document, recomputed when it changes.
pub struct Derived {
    pub cards: HashMap<NodeId, cards::CardInfo>,
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
    pub history: History,
    pub session: Session,
    pub selection: Selection,
    /// The view and what the pointer is doing on it.
    pub canvas: CanvasState,
    pub snap_to_grid: bool,
    pub free_tier: bool,
    pub palette_search: String,
    pub bottom_tab: BottomTab,
    derived: Option<(Architecture, PricingOptions, Derived)>,
    /// Bumped whenever the derived pass finds the document changed.
    generation: u64,
    /// The generation the history last looked at.
    fed_generation: u64,
    /// Whether this frame already compared the document with the derived
    /// copy; the panels then read what is there (the canvas always checks).
    derived_checked: bool,
}

impl DesignState {
    /// A window on `doc`; `autosave` enables the crash-recovery copy.
    pub fn new(
        doc: Architecture,
        path: Option<PathBuf>,
        saved: DesignSaved,
        autosave: Option<PathBuf>,
    ) -> Self {
        DesignState {
            history: History::new(&doc),
            session: Session::new(&doc, path, saved.recent_files, autosave),
            doc,
            selection: Selection::default(),
            canvas: CanvasState::default(),
            snap_to_grid: saved.snap_to_grid,
            free_tier: saved.free_tier,
            palette_search: String::new(),
            bottom_tab: BottomTab::Problems,
            derived: None,
            generation: 0,
            fed_generation: 0,
            derived_checked: false,
        }
    }

    pub fn saved_settings(&self) -> DesignSaved {
        DesignSaved {
            recent_files: self.session.recent_files.clone(),
            snap_to_grid: self.snap_to_grid,
            free_tier: self.free_tier,
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
        self.derived_checked = true;
        let options = self.options();
        let stale =
            !matches!(&self.derived, Some((doc, opts, _)) if *doc == self.doc && *opts == options);
        if stale {
            let flow = architecture::propagate(&self.doc);
            let problems = architecture::validate(catalog, &self.doc);
            let price = architecture::price_with(catalog, &self.doc, &flow, options);
            let mut ports = architecture::portability_with(catalog, &self.doc, &flow, options);
            // Complete providers by total first: a partial total is a lower bound.
            architecture::rank(&mut ports);
            let derived = Derived {
                cards: cards::card_infos(catalog, &self.doc, &flow, &price, &problems),
                ports,
                problems,
                price,
                flow,
            };
            self.derived = Some((self.doc.clone(), options, derived));
            self.generation += 1;
        }
    }

    /// [`Self::ensure_derived`], saying whether it had to recompute.
    pub fn ensure_derived_changed(&mut self, catalog: &Catalog) -> bool {
        let before = self.generation;
        self.ensure_derived(catalog);
        self.generation != before
    }

    /// What was last derived (call [`Self::ensure_derived`] first).
    pub fn derived_ref(&self) -> Option<&Derived> {
        self.derived.as_ref().map(|(_, _, derived)| derived)
    }

    /// Problems, costs and portability for the current document.
    ///
    /// Comparing a large document is not free and the tab reads this from
    /// several panels a frame, so only the first read of a frame compares;
    /// an edit later in the frame is seen by the canvas, which always checks
    /// and asks for another frame when it finds one.
    pub fn derived(&mut self, catalog: &Catalog) -> &Derived {
        if !self.derived_checked || self.derived.is_none() {
            self.ensure_derived(catalog);
        }
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
            "Design total {} per month on {}",
            price_total_label(&derived.price),
            catalog
                .platform(&target)
                .map_or(target.as_str(), |p| p.name.as_str())
        );
        if errors > 0 {
            text.push_str(&format!(" · {errors} error(s)"));
        }
        text
    }

    /// Whether canvas shortcuts may act: no dialog is open over the tab.
    pub fn canvas_keys_live(&self) -> bool {
        !self.session.dialog_open()
    }

    /// Carry out a command (from a menu, a shortcut or the toolbar).
    pub fn run(
        &mut self,
        catalog: &Catalog,
        command: Command,
        ctx: &egui::Context,
        messages: &mut Messages,
    ) {
        match command {
            Command::NewDocument => self.request(catalog, Pending::New, messages),
            Command::Open => self.request(catalog, Pending::OpenDialog, messages),
            Command::OpenPath => {
                let text = self
                    .session
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.session.ask_for_path(false, text);
            }
            Command::Save => self.save(messages),
            Command::SaveAs => self.save_as(messages),
            Command::SaveToPath => {
                let text = self.session.default_save_path(&self.doc.name);
                self.session.ask_for_path(true, text);
            }
            Command::Undo | Command::Redo => {
                let stepped = if command == Command::Undo {
                    self.history.undo(&mut self.doc)
                } else {
                    self.history.redo(&mut self.doc)
                };
                if stepped {
                    self.selection.forget_missing(&self.doc);
                } else if command == Command::Undo {
                    messages.ok("Nothing to undo");
                } else {
                    messages.ok("Nothing to redo");
                }
            }
            Command::Cut | Command::Copy => {
                if let Some(text) = self.copy_selection() {
                    let count = self.selection.nodes.len();
                    ctx.copy_text(text);
                    if command == Command::Cut {
                        self.delete_selection();
                        messages.ok(format!("Cut {count} node(s)"));
                    } else {
                        messages.ok(format!("Copied {count} node(s)"));
                    }
                }
            }
            Command::Paste => match crate::ui::command::pasted_text(ctx) {
                Some(text) => match self.paste(catalog, &text) {
                    Ok(count) => messages.ok(format!("Pasted {count} node(s)")),
                    Err(error) => messages.error(format!("Nothing pasted: {error}")),
                },
                // From the menu: ask the platform for the clipboard; it
                // arrives as a paste event next frame.
                None => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            },
            Command::Delete => self.delete_selection(),
            Command::Duplicate => self.duplicate_selection(),
            Command::SelectAll => {
                self.selection.edge = None;
                self.selection.nodes = self.doc.nodes.iter().map(|n| n.id).collect();
            }
            Command::ClearSelection => {
                self.canvas.cancel_gesture();
                self.selection.clear();
            }
            Command::NudgeLeft => self.nudge(-geometry::GRID, 0.0),
            Command::NudgeRight => self.nudge(geometry::GRID, 0.0),
            Command::NudgeUp => self.nudge(0.0, -geometry::GRID),
            Command::NudgeDown => self.nudge(0.0, geometry::GRID),
            Command::ZoomToFit => self.canvas.fit_requested = true,
            Command::ZoomToActualSize => self.canvas.zoom_to_actual_size(),
            _ => {}
        }
    }

    fn nudge(&mut self, dx: f32, dy: f32) {
        let ids: Vec<NodeId> = self.selection.nodes.iter().copied().collect();
        self.doc.move_nodes(&ids, (dx, dy));
    }

    pub fn delete_selection(&mut self) {
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
        let added = self.doc.paste(&fragment, architecture::DUPLICATE_OFFSET);
        self.selection.clear();
        self.selection.nodes.extend(added.iter().copied());
        Ok(added.len())
    }

    /// Draw the tab; what it has to say goes to `messages`.
    pub fn ui(&mut self, ui: &mut Ui, catalog: &Catalog, messages: &mut Messages) {
        egui::Panel::top("design_toolbar").show(ui, |ui| toolbar::ui(self, ui, catalog, messages));
        modals::recovery_banner(self, ui, catalog, messages);
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
        egui::CentralPanel::default().show(ui, |ui| canvas::ui(self, ui, catalog, messages));
        modals::ui(self, ui.ctx(), catalog, messages);
    }

    /// The document's title for the tab row.
    pub fn title_ui(&self, ui: &mut Ui) {
        toolbar::title_ui(self, ui);
    }

    /// Called once a frame before anything else: a press starts a new
    /// gesture, so what came before it (text typed in a field that the press
    /// takes focus from) becomes its own step first.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.pointer.any_pressed()) {
            self.history.feed(&self.doc, false);
        }
    }

    /// Called once a frame after every command ran: turns a finished
    /// gesture into an undo step and writes the autosave now and then.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        let gesture_active = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        // Comparing whole documents is the costly part of feeding the
        // history, and the derived pass already compares once a frame: feed
        // only when it saw a change (an edit made after it this frame is seen
        // next frame; undo settles by itself first, so nothing is lost).
        if !gesture_active && self.generation != self.fed_generation {
            self.history.feed(&self.doc, false);
            self.fed_generation = self.generation;
        }
        self.session.autosave_tick(&self.doc, ctx.input(|i| i.time));
        self.derived_checked = false;
    }
}

/// The default example, or an empty document if the examples are missing.
pub fn example_or_empty() -> Architecture {
    architecture::default_example()
        .map(|e| e.doc)
        .unwrap_or_else(|| Architecture::new_empty("aws-lambda"))
}
