//! The canvas: cards for nodes, curves for edges, inside an `egui::Scene`
//! for pan and zoom. Geometry lives in [`super::geometry`] (scene space);
//! [`draw`] has one small function per layer that paints it and returns the
//! edits its input asks for; [`edits`] applies them after the scene is drawn.
//!
//! Mouse: click selects (Shift or Ctrl adds), drag on the background draws a
//! marquee, drag a card to move (snapped to the grid unless Alt is held),
//! drag from a card's right port onto another card to connect, right or
//! middle drag pans, scroll or pinch zooms (Ctrl+scroll too), double-click
//! the background to fit. Keys are commands (see `ui::command`).
//!
//! Two spaces: **scene** (the document's points) and **screen** (the
//! window's). `screen_from_scene` is the transform the scene was last drawn
//! with; variables say which space they hold.

mod draw;
mod edits;

use egui::emath::TSTransform;
use egui::{Align2, FontId, Pos2, Rect, Ui, Vec2};

use super::DesignState;
use super::geometry;
use super::palette::{self, PaletteItem};
use crate::architecture::{GroupId, NodeId};
use crate::catalog::Catalog;
use crate::ui::status::Messages;

/// What the pointer is doing on the canvas. Points are in scene space.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Interaction {
    #[default]
    Idle,
    Moving,
    /// A group dragged by its title bar, with what it holds.
    MovingGroup,
    Resizing,
    Connecting {
        from: NodeId,
        pointer_scene: Pos2,
    },
    Marquee {
        start_scene: Pos2,
        current_scene: Pos2,
    },
}

#[derive(Debug)]
pub struct CanvasState {
    /// The part of the scene the canvas shows.
    pub scene_rect: Rect,
    /// The last refused connection and why, shown over the canvas.
    pub refusal: Option<String>,
    pub interaction: Interaction,
    /// Set to fit the whole diagram into view next frame.
    pub fit_requested: bool,
    /// The canvas's size on screen, for "100%".
    view_size: Vec2,
    /// Set by "100%": show the scene at this size (the canvas's) next frame.
    zoom_to_actual: Option<Vec2>,
    /// What moves with the group being dragged (found when the drag starts).
    group_contents: (Vec<NodeId>, Vec<GroupId>),
    /// Scene to screen, as last drawn (for tests and tooltips outside the scene).
    screen_from_scene: Option<TSTransform>,
}

impl Default for CanvasState {
    fn default() -> Self {
        CanvasState {
            scene_rect: Rect::ZERO,
            refusal: None,
            interaction: Interaction::Idle,
            fit_requested: true,
            view_size: Vec2::ZERO,
            zoom_to_actual: None,
            group_contents: (Vec::new(), Vec::new()),
            screen_from_scene: None,
        }
    }
}

impl CanvasState {
    /// Show the canvas at 1:1 around the current centre.
    pub fn zoom_to_actual_size(&mut self) {
        let size = self.view_size;
        if size.x > 0.0 && size.y > 0.0 {
            self.zoom_to_actual = Some(size);
        }
    }

    /// Drop whatever the pointer was doing (Esc).
    pub fn cancel_gesture(&mut self) {
        self.interaction = Interaction::Idle;
        self.refusal = None;
    }

    /// The canvas's current zoom (screen points per scene point).
    pub fn zoom(&self) -> Option<f32> {
        self.screen_from_scene.map(|t| t.scaling)
    }

    /// The centre of what the canvas shows, in scene space.
    pub fn view_centre(&self) -> Pos2 {
        if self.scene_rect.is_finite() && self.scene_rect.area() > 0.0 {
            self.scene_rect.center()
        } else {
            Pos2::new(400.0, 300.0)
        }
    }
}

impl DesignState {
    /// Where a node's card was last drawn on screen. The accessibility tree
    /// reports canvas widgets in scene space, so pointer-driven tests (and
    /// anything outside the canvas) use this instead.
    pub fn screen_rect_of(&self, node: NodeId) -> Option<Rect> {
        let screen_from_scene = self.canvas.screen_from_scene?;
        let found = self.doc.node(node)?;
        Some(screen_from_scene * geometry::node_rect(found.position))
    }

    /// Where a group was last drawn on screen.
    pub fn screen_rect_of_group(&self, group: GroupId) -> Option<Rect> {
        let screen_from_scene = self.canvas.screen_from_scene?;
        let found = self.doc.group(group)?;
        Some(screen_from_scene * geometry::group_rect(found.position, found.size))
    }

    /// Where a node's out port was last drawn on screen.
    pub fn screen_out_port_of(&self, node: NodeId) -> Option<Pos2> {
        let screen_from_scene = self.canvas.screen_from_scene?;
        let found = self.doc.node(node)?;
        Some(screen_from_scene * geometry::out_port(geometry::node_rect(found.position)))
    }

    /// The canvas's current zoom (screen points per scene point).
    pub fn zoom(&self) -> Option<f32> {
        self.canvas.zoom()
    }
}

/// Fit the whole diagram, or show it at 1:1, when asked.
fn apply_view_requests(state: &mut DesignState) {
    if state.canvas.fit_requested {
        let cards = state
            .doc
            .nodes
            .iter()
            .map(|n| geometry::node_rect(n.position));
        let groups = state
            .doc
            .groups
            .iter()
            .map(|g| geometry::group_rect(g.position, g.size));
        if let Some(rect) = geometry::fit_rects(cards.chain(groups)) {
            state.canvas.scene_rect = geometry::readable_fit(rect, state.canvas.view_size);
        }
        state.canvas.fit_requested = false;
    }
    if let Some(size) = state.canvas.zoom_to_actual.take() {
        state.canvas.scene_rect = Rect::from_center_size(state.canvas.view_centre(), size);
    }
}

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, messages: &mut Messages) {
    if state.ensure_derived_changed(catalog) {
        // Panels drawn before the canvas showed the old figures: one more frame.
        ui.ctx().request_repaint();
    }
    state.canvas.view_size = ui.available_size();
    apply_view_requests(state);
    // Right or middle drag pans; so does a left drag while Space is held.
    let space_held =
        ui.input(|i| i.key_down(egui::Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
    let pan_buttons = if space_held {
        egui::DragPanButtons::all()
    } else {
        egui::DragPanButtons::MIDDLE | egui::DragPanButtons::SECONDARY
    };
    let scene = egui::Scene::new()
        .zoom_range(0.1..=2.0)
        .max_inner_size([100_000.0, 100_000.0])
        .drag_pan_buttons(pan_buttons);
    let mut scene_rect = state.canvas.scene_rect;
    let mut wanted = Vec::new();
    let inner = scene.show(ui, &mut scene_rect, |ui| {
        draw::scene_ui(state, ui, catalog, &mut wanted)
    });
    state.canvas.scene_rect = scene_rect;
    let scene_from_screen = inner.inner;
    state.canvas.screen_from_scene = scene_from_screen.map(|t| t.inverse());
    // Working on the canvas ends typing in a field (egui keeps the focus
    // through a drag elsewhere), so the next edit is not typed into it.
    // A new gesture also retires the last refusal: it was about the one before.
    if inner.response.is_pointer_button_down_on() || wanted.iter().any(edits::Edit::starts_gesture)
    {
        ui.ctx().memory_mut(|m| m.stop_text_input());
        state.canvas.refusal = None;
    }
    for edit in wanted {
        edits::apply(state, catalog, edit, messages);
    }
    let to_scene = |screen: Pos2| scene_from_screen.map_or(screen, |t| t * screen);
    background_ui(state, ui, catalog, &inner.response, to_scene, space_held);
    overlays_ui(state, ui);
}

/// The background: marquee, deselect, pick edges, fit, drops from the palette.
fn background_ui(
    state: &mut DesignState,
    ui: &Ui,
    catalog: &Catalog,
    background: &egui::Response,
    to_scene: impl Fn(Pos2) -> Pos2,
    space_held: bool,
) {
    let pointer_scene = ui.input(|i| i.pointer.interact_pos()).map(&to_scene);
    let additive = ui.input(|i| i.modifiers.shift || i.modifiers.command);
    if let Some(item) = background.dnd_release_payload::<PaletteItem>() {
        let at_scene = ui
            .input(|i| i.pointer.hover_pos())
            .map(&to_scene)
            .unwrap_or_else(|| state.canvas.view_centre());
        palette::place(state, catalog, &item, at_scene);
    }
    if background.double_clicked() {
        state.canvas.fit_requested = true;
    } else if background.clicked() {
        match pointer_scene.and_then(|p| edits::edge_at(state, p)) {
            Some(edge) => {
                state.selection.nodes.clear();
                state.selection.edge = Some(edge);
            }
            None if !additive => state.selection.clear(),
            None => {}
        }
        state.canvas.refusal = None;
    }
    if background.drag_started_by(egui::PointerButton::Primary)
        && !space_held
        && let Some(start_scene) = pointer_scene
    {
        state.canvas.interaction = Interaction::Marquee {
            start_scene,
            current_scene: start_scene,
        };
    }
    let Interaction::Marquee { start_scene, .. } = state.canvas.interaction else {
        return;
    };
    if background.dragged_by(egui::PointerButton::Primary)
        && let Some(current_scene) = pointer_scene
    {
        state.canvas.interaction = Interaction::Marquee {
            start_scene,
            current_scene,
        };
    }
    if background.drag_stopped() {
        if let Interaction::Marquee {
            start_scene,
            current_scene,
        } = state.canvas.interaction
        {
            let area = geometry::marquee(start_scene, current_scene);
            if !additive {
                state.selection.clear();
            }
            for node in &state.doc.nodes {
                if area.intersects(geometry::node_rect(node.position)) {
                    state.selection.nodes.insert(node.id);
                }
            }
        }
        state.canvas.interaction = Interaction::Idle;
    }
}

/// Over the canvas, in screen space: the refusal of the last connection and
/// the hint on an empty canvas.
fn overlays_ui(state: &mut DesignState, ui: &Ui) {
    if let Some(reason) = &state.canvas.refusal {
        let rect = ui.max_rect();
        let mut dismissed = false;
        egui::Area::new(egui::Id::unique("refusal_toast"))
            .fixed_pos(rect.left_top() + Vec2::new(12.0, 12.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(rect.width() - 40.0);
                    ui.horizontal(|ui| {
                        let button = ui.small_button("×");
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                "Dismiss the refusal",
                            )
                        });
                        dismissed = button.on_hover_text("Dismiss").clicked();
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(format!("Not connected: {reason}"))
                                    .color(ui.visuals().error_fg_color),
                            )
                            .wrap(),
                        );
                    });
                });
            });
        if dismissed {
            state.canvas.refusal = None;
        }
    }
    if state.doc.nodes.is_empty() {
        ui.painter().text(
            ui.max_rect().center(),
            Align2::CENTER_CENTER,
            "Drag functions, event sources and services here from the palette on the left.",
            FontId::proportional(15.0),
            ui.visuals().weak_text_color(),
        );
    }
}
