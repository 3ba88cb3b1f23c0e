//! The canvas: cards for nodes, curves for edges, inside an `egui::Scene`
//! for pan and zoom. Geometry lives in [`super::geometry`] (scene space);
//! this file draws it and turns input into document edits.
//!
//! Mouse: click selects (Shift or Ctrl adds), drag on the background draws a
//! marquee, drag a card to move (snapped to the grid unless Alt is held),
//! drag from a card's right port onto another card to connect, right or
//! middle drag pans, scroll or pinch zooms (Ctrl+scroll too), double-click
//! the background to fit. Keys: arrows nudge, Esc clears, Delete, Ctrl+D,
//! Ctrl+A, Ctrl+C/X/V, Ctrl+Z/Y, Ctrl+0.

use std::collections::HashMap;

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo,
};

use super::geometry::{self, GRID, NODE_SIZE, PORT_RADIUS};
use super::{DesignState, ok};
use crate::architecture::{CostStatus, EdgeKind, GroupId, GroupKind, NodeId, NodeKind, Severity};
use crate::catalog::Catalog;
use crate::cost::engine::compact;
use crate::export::usd;
use crate::ui::app::StatusMessage;

/// What the pointer is doing on the canvas.
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
        pointer: Pos2,
    },
    Marquee {
        start: Pos2,
        current: Pos2,
    },
}

#[derive(Debug, Default)]
pub struct CanvasState {
    pub interaction: Interaction,
    /// The canvas's size on screen, for "100%".
    pub view_size: Vec2,
    /// Set by "100%": show the scene at this size (the canvas's) next frame.
    pub zoom_to_actual: Option<Vec2>,
    /// What moves with the group being dragged (found when the drag starts).
    pub group_contents: (Vec<NodeId>, Vec<GroupId>),
    /// Scene to screen, as last drawn (for tests and tooltips outside the scene).
    pub to_screen: Option<TSTransform>,
}

/// A palette entry dragged onto the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteItem {
    Function { platform: Option<String> },
    Source(String),
    Service(String),
    Group(GroupKind),
}

impl PaletteItem {
    pub fn kind(&self) -> NodeKind {
        match self {
            PaletteItem::Function { platform } => {
                let mut kind = NodeKind::function();
                if let NodeKind::Function { platform: slot, .. } = &mut kind {
                    slot.clone_from(platform);
                }
                kind
            }
            PaletteItem::Source(trigger) => NodeKind::event_source(trigger),
            PaletteItem::Service(service) => NodeKind::service(service),
            // Groups are not nodes; `place` adds them separately.
            PaletteItem::Group(_) => NodeKind::function(),
        }
    }

    pub fn default_name(&self, catalog: &Catalog) -> String {
        match self {
            PaletteItem::Function { platform: None } => "Function".into(),
            PaletteItem::Function { platform: Some(_) } => "Edge function".into(),
            PaletteItem::Source(trigger) => catalog
                .trigger(trigger)
                .map_or_else(|| trigger.clone(), |t| format!("{} source", t.name)),
            PaletteItem::Service(service) => catalog
                .service(service)
                .map_or_else(|| service.clone(), |s| s.name.clone()),
            PaletteItem::Group(kind) => kind.label().to_owned(),
        }
    }
}

/// Default size of a new group.
const NEW_GROUP_SIZE: Vec2 = Vec2::new(440.0, 280.0);

/// Add a palette item at a scene position (snapped), as one undo step.
pub fn place(state: &mut DesignState, catalog: &Catalog, item: &PaletteItem, at: Pos2) {
    state.record();
    if let PaletteItem::Group(kind) = item {
        let position = geometry::snap(geometry::from_pos(at - NEW_GROUP_SIZE / 2.0));
        let id = state.doc.add_group(
            item.default_name(catalog),
            *kind,
            position,
            (NEW_GROUP_SIZE.x, NEW_GROUP_SIZE.y),
        );
        state.selection.clear();
        state.selection.groups.insert(id);
        return;
    }
    let position = geometry::snap(geometry::from_pos(at - NODE_SIZE / 2.0));
    let id = state
        .doc
        .add_node(item.default_name(catalog), position, item.kind());
    state.selection.select_node(id);
}

/// The centre of what the canvas shows, in scene space.
pub fn view_centre(state: &DesignState) -> Pos2 {
    if state.scene_rect.is_finite() && state.scene_rect.area() > 0.0 {
        state.scene_rect.center()
    } else {
        Pos2::new(400.0, 300.0)
    }
}

/// What a card shows besides its name; derived with the costs, not per frame.
pub struct CardInfo {
    pub subtitle: String,
    pub footer: String,
    pub cost: String,
    pub worst: Option<Severity>,
    pub accent: Color32,
    pub kind_label: &'static str,
}

fn accent(kind: &NodeKind) -> Color32 {
    match kind {
        NodeKind::Function { .. } => Color32::from_rgb(240, 150, 30),
        NodeKind::EventSource { .. } => Color32::from_rgb(70, 140, 230),
        NodeKind::Service { .. } => Color32::from_rgb(30, 170, 150),
    }
}

/// Card texts for every node, from the derived load, costs and problems.
pub fn card_infos(
    catalog: &Catalog,
    doc: &crate::architecture::Architecture,
    flow: &crate::architecture::Propagation,
    price: &crate::architecture::ArchitecturePrice,
    problems: &[crate::architecture::Problem],
) -> HashMap<NodeId, CardInfo> {
    let target = &doc.target_platform;
    let mut worst: HashMap<NodeId, Severity> = HashMap::new();
    for problem in problems {
        if let Some(node) = problem.node {
            let entry = worst.entry(node).or_insert(problem.severity);
            *entry = (*entry).min(problem.severity);
        }
    }
    let costs: HashMap<NodeId, &crate::architecture::ComponentCost> =
        price.components.iter().map(|c| (c.node, c)).collect();
    let mut infos = HashMap::with_capacity(doc.nodes.len());
    for node in &doc.nodes {
        let events = flow.events_per_month(node.id);
        let (subtitle, kind_label) = match &node.kind {
            NodeKind::Function {
                memory_mb,
                duration_ms,
                ..
            } => {
                let platform = node.function_platform(target).unwrap_or_default();
                let name = catalog
                    .platform(platform)
                    .map_or(platform, |p| p.name.as_str());
                (
                    format!("{name} · {memory_mb} MB · {duration_ms} ms"),
                    "Function",
                )
            }
            NodeKind::EventSource { trigger, .. } => (
                catalog
                    .trigger(trigger)
                    .map_or(trigger.clone(), |t| t.name.clone()),
                "Event source",
            ),
            NodeKind::Service { service, .. } => (
                catalog.service(service).map_or(service.clone(), |s| {
                    format!("{} · {}", s.name, s.role.label())
                }),
                "Service",
            ),
        };
        let cost = match costs.get(&node.id) {
            Some(c) => match (c.status, c.usd) {
                (CostStatus::Priced, Some(amount)) => format!("{}/mo", usd(amount)),
                (status, _) => status.label().to_owned(),
            },
            None => String::new(),
        };
        let unit = match node.kind {
            NodeKind::Function { .. } => "invocations",
            NodeKind::EventSource { .. } => "events",
            NodeKind::Service { .. } => "requests",
        };
        infos.insert(
            node.id,
            CardInfo {
                subtitle: truncate(&subtitle, 30),
                footer: format!("{} {unit}/mo", compact(events.round())),
                cost,
                worst: worst.get(&node.id).copied(),
                accent: accent(&node.kind),
                kind_label,
            },
        );
    }
    infos
}

/// The topmost node under a scene point.
fn node_at(state: &DesignState, point: Pos2) -> Option<NodeId> {
    state
        .doc
        .nodes
        .iter()
        .rev()
        .find(|n| geometry::node_rect(n.position).contains(point))
        .map(|n| n.id)
}

/// The edge nearest a scene point, if close enough to pick.
fn edge_at(state: &DesignState, point: Pos2) -> Option<crate::architecture::EdgeId> {
    let mut best = None;
    let mut best_distance = geometry::EDGE_PICK_DISTANCE;
    for edge in &state.doc.edges {
        let (Some(from), Some(to)) = (state.doc.node(edge.from), state.doc.node(edge.to)) else {
            continue;
        };
        let curve = geometry::edge_curve(
            geometry::out_port(geometry::node_rect(from.position)),
            geometry::in_port(geometry::node_rect(to.position)),
        );
        let distance = geometry::distance_to_curve(point, &curve);
        if distance <= best_distance {
            best_distance = distance;
            best = Some(edge.id);
        }
    }
    best
}

fn keyboard(state: &mut DesignState, ui: &Ui, catalog: &Catalog) -> Option<StatusMessage> {
    if ui.ctx().egui_wants_keyboard_input() || state.pending.is_some() || state.prompt.is_some() {
        return None;
    }
    let mut message = None;
    let (events, nudge, escape) = ui.input(|i| {
        let mut nudge = Vec2::ZERO;
        for (key, step) in [
            (egui::Key::ArrowLeft, Vec2::new(-GRID, 0.0)),
            (egui::Key::ArrowRight, Vec2::new(GRID, 0.0)),
            (egui::Key::ArrowUp, Vec2::new(0.0, -GRID)),
            (egui::Key::ArrowDown, Vec2::new(0.0, GRID)),
        ] {
            if i.key_pressed(key) {
                nudge += step;
            }
        }
        (i.events.clone(), nudge, i.key_pressed(egui::Key::Escape))
    });
    if escape {
        state.canvas.interaction = Interaction::Idle;
        state.selection.clear();
        state.refusal = None;
    }
    if nudge != Vec2::ZERO && !state.selection.nodes.is_empty() {
        state.record();
        let ids: Vec<NodeId> = state.selection.nodes.iter().copied().collect();
        state.doc.move_nodes(&ids, (nudge.x, nudge.y));
    }
    for event in events {
        match event {
            egui::Event::Copy | egui::Event::Cut => {
                if let Some(text) = state.copy_selection() {
                    let count = state.selection.nodes.len();
                    ui.ctx().copy_text(text);
                    if event == egui::Event::Cut {
                        state.delete_selection();
                        message = Some(ok(format!("Cut {count} node(s)")));
                    } else {
                        message = Some(ok(format!("Copied {count} node(s)")));
                    }
                }
            }
            egui::Event::Paste(text) => {
                message = Some(match state.paste(catalog, &text) {
                    Ok(count) => ok(format!("Pasted {count} node(s)")),
                    Err(error) => super::err(format!("Nothing pasted: {error}")),
                });
            }
            _ => {}
        }
    }
    message
}

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) -> Option<StatusMessage> {
    let mut message = keyboard(state, ui, catalog);
    state.ensure_derived(catalog);

    if state.fit_requested {
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
            state.scene_rect = rect;
        }
        state.fit_requested = false;
    }
    // Right or middle drag pans; so does a left drag while Space is held.
    let space_held =
        ui.input(|i| i.key_down(egui::Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
    let pan_buttons = if space_held {
        egui::DragPanButtons::all()
    } else {
        egui::DragPanButtons::MIDDLE | egui::DragPanButtons::SECONDARY
    };
    if let Some(size) = state.canvas.zoom_to_actual.take() {
        state.scene_rect = egui::Rect::from_center_size(view_centre(state), size);
    }
    state.canvas.view_size = ui.available_size();
    let scene = egui::Scene::new()
        .zoom_range(0.1..=2.0)
        .max_inner_size([100_000.0, 100_000.0])
        .drag_pan_buttons(pan_buttons);
    let mut scene_rect = state.scene_rect;
    let mut edits = Vec::new();
    let inner = scene.show(ui, &mut scene_rect, |ui| {
        draw(state, ui, catalog, &mut edits)
    });
    state.scene_rect = scene_rect;
    let from_global = inner.inner;
    state.canvas.to_screen = from_global.map(|t| t.inverse());
    let background = inner.response;

    for edit in edits {
        if let Some(m) = apply(state, catalog, edit) {
            message = Some(m);
        }
    }

    // The background: marquee, deselect, pick edges, fit, drops from the palette.
    let to_scene = |screen: Pos2| from_global.map_or(screen, |t| t * screen);
    let pointer = ui.input(|i| i.pointer.interact_pos()).map(to_scene);
    let additive = ui.input(|i| i.modifiers.shift || i.modifiers.command);
    if let Some(item) = background.dnd_release_payload::<PaletteItem>() {
        let at = ui
            .input(|i| i.pointer.hover_pos())
            .map(to_scene)
            .unwrap_or_else(|| view_centre(state));
        place(state, catalog, &item, at);
    }
    if background.double_clicked() {
        state.fit_requested = true;
    } else if background.clicked() {
        let picked = pointer.and_then(|p| edge_at(state, p));
        match picked {
            Some(edge) => {
                state.selection.nodes.clear();
                state.selection.edge = Some(edge);
            }
            None if !additive => state.selection.clear(),
            None => {}
        }
        state.refusal = None;
    }
    if background.drag_started_by(egui::PointerButton::Primary)
        && !space_held
        && let Some(start) = pointer
    {
        state.canvas.interaction = Interaction::Marquee {
            start,
            current: start,
        };
    }
    if let Interaction::Marquee { start, .. } = state.canvas.interaction {
        if background.dragged_by(egui::PointerButton::Primary)
            && let Some(current) = pointer
        {
            state.canvas.interaction = Interaction::Marquee { start, current };
        }
        if background.drag_stopped() {
            if let Interaction::Marquee { start, current } = state.canvas.interaction {
                let area = geometry::marquee(start, current);
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

    if let Some(reason) = &state.refusal {
        let rect = ui.max_rect();
        egui::Area::new(egui::Id::unique("refusal_toast"))
            .fixed_pos(rect.left_top() + Vec2::new(12.0, 12.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(rect.width() - 40.0);
                    ui.label(
                        egui::RichText::new(format!("Not connected: {reason}"))
                            .color(ui.visuals().error_fg_color),
                    );
                });
            });
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
    message
}

/// A change the drawing pass asks for, applied after the scene is drawn.
enum Edit {
    SelectGroup { group: GroupId, additive: bool },
    StartMoveGroup { group: GroupId },
    MoveGroup { group: GroupId, delta: Vec2 },
    EndMoveGroup { group: GroupId, free: bool },
    StartResize { group: GroupId },
    Resize { group: GroupId, delta: Vec2 },
    EndResize { group: GroupId, free: bool },
    Select { node: NodeId, additive: bool },
    StartMove { node: NodeId },
    Move { delta: Vec2 },
    EndMove { free: bool },
    StartConnect { from: NodeId, pointer: Pos2 },
    Connect { pointer: Pos2 },
    FinishConnect { pointer: Pos2 },
}

fn apply(state: &mut DesignState, catalog: &Catalog, edit: Edit) -> Option<StatusMessage> {
    match edit {
        Edit::SelectGroup { group, additive } => {
            if !additive {
                state.selection.clear();
            }
            if !state.selection.groups.remove(&group) || !additive {
                state.selection.groups.insert(group);
            }
            state.refusal = None;
        }
        Edit::StartMoveGroup { group } => {
            state.record();
            state.selection.clear();
            state.selection.groups.insert(group);
            state.canvas.group_contents = state.doc.group_contents(group, geometry::card_anchor);
            state.canvas.interaction = Interaction::MovingGroup;
        }
        Edit::MoveGroup { group, delta } => {
            let delta = (delta.x, delta.y);
            let (nodes, groups) = &state.canvas.group_contents;
            state.doc.move_nodes(nodes, delta);
            state.doc.move_groups(groups, delta);
            state.doc.move_groups(&[group], delta);
        }
        Edit::EndMoveGroup { group, free } => {
            if state.snap_to_grid
                && !free
                && let Some(found) = state.doc.group(group)
            {
                // Snap the group, and carry its contents by the same amount.
                let snapped = geometry::snap(found.position);
                let delta = (snapped.0 - found.position.0, snapped.1 - found.position.1);
                let (nodes, groups) = state.canvas.group_contents.clone();
                state.doc.move_nodes(&nodes, delta);
                state.doc.move_groups(&groups, delta);
                state.doc.move_groups(&[group], delta);
            }
            state.canvas.group_contents = (Vec::new(), Vec::new());
            state.canvas.interaction = Interaction::Idle;
        }
        Edit::StartResize { group } => {
            state.record();
            state.selection.clear();
            state.selection.groups.insert(group);
            state.canvas.interaction = Interaction::Resizing;
        }
        Edit::Resize { group, delta } => {
            if let Some(found) = state.doc.group_mut(group) {
                found.size.0 = (found.size.0 + delta.x).max(geometry::GROUP_MIN_SIZE.x);
                found.size.1 = (found.size.1 + delta.y).max(geometry::GROUP_MIN_SIZE.y);
            }
        }
        Edit::EndResize { group, free } => {
            if state.snap_to_grid
                && !free
                && let Some(found) = state.doc.group_mut(group)
            {
                found.size = geometry::snap(found.size);
                found.size.0 = found.size.0.max(geometry::GROUP_MIN_SIZE.x);
                found.size.1 = found.size.1.max(geometry::GROUP_MIN_SIZE.y);
            }
            state.canvas.interaction = Interaction::Idle;
        }
        Edit::Select { node, additive } => {
            state.selection.edge = None;
            state.selection.groups.clear();
            if additive {
                if !state.selection.nodes.remove(&node) {
                    state.selection.nodes.insert(node);
                }
            } else {
                state.selection.select_node(node);
            }
            state.refusal = None;
        }
        Edit::StartMove { node } => {
            if !state.selection.nodes.contains(&node) {
                state.selection.select_node(node);
            }
            state.record();
            state.canvas.interaction = Interaction::Moving;
        }
        Edit::Move { delta } => {
            let ids: Vec<NodeId> = state.selection.nodes.iter().copied().collect();
            state.doc.move_nodes(&ids, (delta.x, delta.y));
        }
        Edit::EndMove { free } => {
            if state.snap_to_grid && !free {
                let ids: Vec<NodeId> = state.selection.nodes.iter().copied().collect();
                for id in ids {
                    if let Some(node) = state.doc.node_mut(id) {
                        node.position = geometry::snap(node.position);
                    }
                }
            }
            state.canvas.interaction = Interaction::Idle;
        }
        Edit::StartConnect { from, pointer } => {
            state.canvas.interaction = Interaction::Connecting { from, pointer };
            state.refusal = None;
        }
        Edit::Connect { pointer } => {
            if let Interaction::Connecting { from, .. } = state.canvas.interaction {
                state.canvas.interaction = Interaction::Connecting { from, pointer };
            }
        }
        Edit::FinishConnect { pointer } => {
            let Interaction::Connecting { from, .. } = state.canvas.interaction else {
                return None;
            };
            state.canvas.interaction = Interaction::Idle;
            let target = node_at(state, pointer)?;
            if target == from {
                return None;
            }
            match crate::architecture::connection(catalog, &state.doc, from, target) {
                Ok(proposal) => {
                    state.record();
                    let edge = state.doc.insert_edge(&proposal);
                    state.selection.clear();
                    state.selection.edge = Some(edge);
                    state.refusal = None;
                    let what = proposal.trigger.as_deref().unwrap_or(proposal.kind.label());
                    return Some(ok(format!("Connected ({what})")));
                }
                Err(reason) => {
                    state.refusal = Some(reason.clone());
                    return Some(super::err(format!("Not connected: {reason}")));
                }
            }
        }
    }
    None
}

/// Below this zoom, text is too small to read: cards and edges are drawn
/// without it, which also keeps large diagrams fast.
const DETAIL_ZOOM: f32 = 0.45;

/// Draw everything in scene space; returns the screen-to-scene transform.
fn draw(
    state: &DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    edits: &mut Vec<Edit>,
) -> Option<TSTransform> {
    let from_global = ui.ctx().layer_transform_from_global(ui.layer_id());
    let to_scene = |screen: Pos2| from_global.map_or(screen, |t| t * screen);
    let zoom = from_global.map_or(1.0, |t| 1.0 / t.scaling);
    let detailed = zoom >= DETAIL_ZOOM;
    let Some(derived) = state.derived_ref() else {
        return from_global;
    };
    let infos = &derived.cards;
    let painter = ui.painter().clone();
    let visuals = ui.visuals().clone();
    let visible = ui.clip_rect();

    // Grid dots, thinned out when zoomed far out.
    let mut step = GRID;
    while (visible.width() / step) * (visible.height() / step) > 3000.0 {
        step *= 2.0;
    }
    let dot = visuals.weak_text_color().gamma_multiply(0.35);
    let dot_radius = 1.0 / zoom.max(0.25);
    let mut x = (visible.left() / step).floor() * step;
    while x <= visible.right() {
        let mut y = (visible.top() / step).floor() * step;
        while y <= visible.bottom() {
            painter.circle_filled(Pos2::new(x, y), dot_radius, dot);
            y += step;
        }
        x += step;
    }

    // Groups at the back: a tinted area, its title bar drags it (and what it
    // holds), its corner resizes it.
    let modifiers = ui.input(|i| i.modifiers);
    for group in &state.doc.groups {
        let rect = geometry::group_rect(group.position, group.size);
        let id = ui.scope_id().with(("group", group.id.0));
        let title = geometry::group_title_rect(rect);
        let bar = ui.interact(title, id, Sense::click_and_drag());
        bar.widget_info(|| {
            WidgetInfo::labeled(egui::Role::Button, true, format!("Group: {}", group.name))
        });
        let handle = ui.interact(
            geometry::group_handle_rect(rect),
            id.with("resize"),
            Sense::drag(),
        );
        handle.widget_info(|| {
            WidgetInfo::labeled(egui::Role::Button, true, format!("Resize {}", group.name))
        });
        if bar.clicked() {
            edits.push(Edit::SelectGroup {
                group: group.id,
                additive: modifiers.shift || modifiers.command,
            });
        }
        if bar.drag_started_by(egui::PointerButton::Primary) {
            edits.push(Edit::StartMoveGroup { group: group.id });
        }
        if bar.dragged_by(egui::PointerButton::Primary)
            && state.canvas.interaction == Interaction::MovingGroup
        {
            let delta = bar.drag_delta();
            if delta != Vec2::ZERO {
                edits.push(Edit::MoveGroup {
                    group: group.id,
                    delta,
                });
            }
        }
        if bar.drag_stopped() && state.canvas.interaction == Interaction::MovingGroup {
            edits.push(Edit::EndMoveGroup {
                group: group.id,
                free: modifiers.alt,
            });
        }
        if handle.drag_started() {
            edits.push(Edit::StartResize { group: group.id });
        }
        if handle.dragged() && state.canvas.interaction == Interaction::Resizing {
            let delta = handle.drag_delta();
            if delta != Vec2::ZERO {
                edits.push(Edit::Resize {
                    group: group.id,
                    delta,
                });
            }
        }
        if handle.drag_stopped() && state.canvas.interaction == Interaction::Resizing {
            edits.push(Edit::EndResize {
                group: group.id,
                free: modifiers.alt,
            });
        }
        if !visible.intersects(rect) {
            continue;
        }
        let tint = group_color(group.kind);
        let selected = state.selection.groups.contains(&group.id);
        let border = if selected {
            Stroke::new(2.5, visuals.selection.stroke.color)
        } else {
            Stroke::new(1.2, tint.gamma_multiply(0.8))
        };
        painter.rect(
            rect,
            CornerRadius::same(10),
            tint.gamma_multiply(0.07),
            border,
            egui::StrokeKind::Inside,
        );
        painter.rect_filled(
            title,
            CornerRadius {
                nw: 10,
                ne: 10,
                sw: 0,
                se: 0,
            },
            tint.gamma_multiply(if bar.hovered() { 0.35 } else { 0.22 }),
        );
        if detailed {
            painter.text(
                title.left_center() + Vec2::new(10.0, 0.0),
                Align2::LEFT_CENTER,
                format!("{} · {}", group.kind.label(), group.name),
                FontId::proportional(12.5),
                visuals.text_color(),
            );
        }
        let corner = geometry::group_handle_rect(rect);
        painter.line_segment(
            [corner.left_bottom(), corner.right_top()],
            Stroke::new(1.5, tint),
        );
        painter.line_segment(
            [corner.center_bottom(), corner.right_center()],
            Stroke::new(1.5, tint),
        );
        if bar.hovered() {
            bar.on_hover_text("Drag to move the group and everything inside it");
        }
    }

    // Edges under the cards; only those that can be seen.
    let selected_color = visuals.selection.stroke.color;
    let mut points = Vec::with_capacity(25);
    for edge in &state.doc.edges {
        let (Some(from), Some(to)) = (state.doc.node(edge.from), state.doc.node(edge.to)) else {
            continue;
        };
        let curve = geometry::edge_curve(
            geometry::out_port(geometry::node_rect(from.position)),
            geometry::in_port(geometry::node_rect(to.position)),
        );
        let bounds = Rect::from_points(&curve);
        if !visible.intersects(bounds) {
            continue;
        }
        let selected = state.selection.edge == Some(edge.id);
        let color = if selected {
            selected_color
        } else if edge.kind == EdgeKind::Trigger {
            visuals.text_color().gamma_multiply(0.75)
        } else {
            visuals.weak_text_color()
        };
        let width = if selected { 3.0 } else { 1.6 };
        points.clear();
        let segments = if detailed { 24 } else { 8 };
        points.extend(
            (0..=segments).map(|i| geometry::bezier_point(&curve, i as f32 / segments as f32)),
        );
        if edge.kind == EdgeKind::DataFlow && detailed {
            painter.extend(Shape::dashed_line(
                &points,
                Stroke::new(width, color),
                7.0,
                4.0,
            ));
        } else {
            painter.add(Shape::line(points.clone(), Stroke::new(width, color)));
        }
        let tip = curve[3];
        let direction = geometry::end_direction(&curve);
        let normal = direction.rot90();
        painter.add(Shape::convex_polygon(
            vec![
                tip,
                tip - direction * 10.0 + normal * 5.0,
                tip - direction * 10.0 - normal * 5.0,
            ],
            color,
            Stroke::NONE,
        ));
        if !detailed {
            continue;
        }
        let mut label = match (&edge.kind, &edge.trigger) {
            (EdgeKind::Trigger, Some(trigger)) => catalog
                .trigger(trigger)
                .map_or(trigger.clone(), |t| t.name.clone()),
            _ => "data".to_owned(),
        };
        if edge.fraction != 1.0 {
            label.push_str(&format!(" · {}%", (edge.fraction * 100.0).round()));
        }
        if edge.fan_out != 1.0 {
            label.push_str(&format!(" · ×{}", edge.fan_out));
        }
        if edge.batch_size != 1.0 {
            label.push_str(&format!(" · batch {}", edge.batch_size));
        }
        let middle = geometry::curve_middle(&curve);
        let galley = painter.layout_no_wrap(label, FontId::proportional(11.0), color);
        let label_rect = Rect::from_center_size(middle, galley.size() + Vec2::new(8.0, 4.0));
        painter.rect_filled(label_rect, 4.0, visuals.panel_fill.gamma_multiply(0.9));
        painter.galley(label_rect.center() - galley.size() / 2.0, galley, color);
    }

    // Cards.
    let pointer = ui.input(|i| i.pointer.interact_pos()).map(to_scene);
    for node in &state.doc.nodes {
        let Some(info) = infos.get(&node.id) else {
            continue;
        };
        let rect = geometry::node_rect(node.position);
        let id = ui.scope_id().with(("node", node.id.0));
        let response = ui.interact(rect, id, Sense::click_and_drag());
        response.widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{}: {}", info.kind_label, node.name),
            )
        });
        if response.clicked() {
            edits.push(Edit::Select {
                node: node.id,
                additive: modifiers.shift || modifiers.command,
            });
        }
        if response.drag_started_by(egui::PointerButton::Primary) {
            edits.push(Edit::StartMove { node: node.id });
        }
        if response.dragged_by(egui::PointerButton::Primary)
            && state.canvas.interaction == Interaction::Moving
        {
            let delta = response.drag_delta();
            if delta != Vec2::ZERO {
                edits.push(Edit::Move { delta });
            }
        }
        if response.drag_stopped() && state.canvas.interaction == Interaction::Moving {
            edits.push(Edit::EndMove {
                free: modifiers.alt,
            });
        }
        let port_out = geometry::out_port(rect);
        let out = ui.interact(geometry::port_rect(port_out), id.with("out"), Sense::drag());
        out.widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Connect from {}", node.name),
            )
        });
        if out.drag_started()
            && let Some(pointer) = pointer
        {
            edits.push(Edit::StartConnect {
                from: node.id,
                pointer,
            });
        }
        if out.dragged()
            && let Some(pointer) = pointer
        {
            edits.push(Edit::Connect { pointer });
        }
        if out.drag_stopped() {
            let at = ui
                .input(|i| i.pointer.hover_pos().or(i.pointer.interact_pos()))
                .map(to_scene);
            if let Some(pointer) = at {
                edits.push(Edit::FinishConnect { pointer });
            }
        }

        if !visible.intersects(rect.expand(PORT_RADIUS)) {
            continue;
        }
        let selected = state.selection.nodes.contains(&node.id);
        let stroke = match (selected, info.worst) {
            (true, _) => Stroke::new(2.5, selected_color),
            (false, Some(Severity::Error)) => Stroke::new(2.0, visuals.error_fg_color),
            (false, Some(Severity::Warning)) => Stroke::new(1.5, visuals.warn_fg_color),
            (false, None) if response.hovered() => {
                Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color)
            }
            (false, None) => Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        };
        painter.rect(
            rect,
            CornerRadius::same(8),
            visuals.extreme_bg_color,
            stroke,
            egui::StrokeKind::Inside,
        );
        painter.rect_filled(
            Rect::from_min_size(rect.min, Vec2::new(6.0, rect.height())),
            CornerRadius {
                nw: 8,
                sw: 8,
                ne: 0,
                se: 0,
            },
            info.accent,
        );
        if !detailed {
            continue;
        }
        let text = visuals.text_color();
        let weak = visuals.weak_text_color();
        let left = rect.left() + 14.0;
        let title = painter.layout(
            node.name.clone(),
            FontId::proportional(14.0),
            text,
            NODE_SIZE.x - 24.0,
        );
        painter.galley(Pos2::new(left, rect.top() + 6.0), title, text);
        painter.text(
            Pos2::new(left, rect.top() + 26.0),
            Align2::LEFT_TOP,
            &info.subtitle,
            FontId::proportional(11.0),
            weak,
        );
        painter.text(
            Pos2::new(left, rect.bottom() - 6.0),
            Align2::LEFT_BOTTOM,
            &info.footer,
            FontId::proportional(10.5),
            weak,
        );
        if !info.cost.is_empty() {
            let color = if info.cost.starts_with('$') {
                Color32::from_rgb(46, 160, 67)
            } else {
                weak
            };
            painter.text(
                Pos2::new(rect.right() - 10.0, rect.bottom() - 6.0),
                Align2::RIGHT_BOTTOM,
                &info.cost,
                FontId::proportional(11.0),
                color,
            );
        }
        if response.hovered() {
            response.on_hover_text(format!("{}\n{}\n{}", info.subtitle, info.footer, info.cost));
        }

        // Ports: out on the right (drag from it to connect), in on the left.
        if !node.kind.is_event_source() {
            painter.circle(
                geometry::in_port(rect),
                PORT_RADIUS - 2.0,
                visuals.extreme_bg_color,
                Stroke::new(1.5, info.accent),
            );
        }
        let hot = out.hovered() || out.dragged();
        painter.circle(
            port_out,
            if hot { PORT_RADIUS } else { PORT_RADIUS - 1.5 },
            if hot {
                info.accent
            } else {
                visuals.extreme_bg_color
            },
            Stroke::new(1.5, info.accent),
        );
        if out.hovered() {
            out.on_hover_text("Drag onto another card to connect");
        }
    }

    // The connection being drawn: green over a valid target, red otherwise.
    if let Interaction::Connecting { from, pointer } = state.canvas.interaction
        && let Some(source) = state.doc.node(from)
    {
        let start = geometry::out_port(geometry::node_rect(source.position));
        let target = node_at(state, pointer).filter(|t| *t != from);
        let verdict = target.map(|t| crate::architecture::connection(catalog, &state.doc, from, t));
        let color = match &verdict {
            Some(Ok(_)) => Color32::from_rgb(46, 160, 67),
            Some(Err(_)) => visuals.error_fg_color,
            None => visuals.text_color(),
        };
        let end = target.and_then(|t| state.doc.node(t)).map_or(pointer, |n| {
            geometry::in_port(geometry::node_rect(n.position))
        });
        painter.add(Shape::line(
            geometry::flatten(&geometry::edge_curve(start, end)),
            Stroke::new(2.0, color),
        ));
        if let Some(Err(reason)) = verdict {
            painter.text(
                pointer + Vec2::new(12.0, 12.0),
                Align2::LEFT_TOP,
                truncate(&reason, 80),
                FontId::proportional(12.0),
                color,
            );
        }
    }

    if let Interaction::Marquee { start, current } = state.canvas.interaction {
        let area = geometry::marquee(start, current);
        painter.rect(
            area,
            2.0,
            selected_color.gamma_multiply(0.12),
            Stroke::new(1.0, selected_color),
            egui::StrokeKind::Inside,
        );
    }
    from_global
}

fn group_color(kind: GroupKind) -> Color32 {
    match kind {
        GroupKind::Account => Color32::from_rgb(180, 120, 230),
        GroupKind::Region => Color32::from_rgb(90, 160, 230),
        GroupKind::Network => Color32::from_rgb(70, 190, 120),
        GroupKind::Boundary => Color32::from_rgb(200, 170, 80),
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
