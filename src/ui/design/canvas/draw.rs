//! Drawing the scene, one small function per layer, back to front: the
//! grid, groups, edges, cards (with their ports), the connection being drawn
//! and the marquee. Each works in scene space and pushes the edits its input
//! asks for; none changes the document.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2,
    Visuals, WidgetInfo,
};

use super::edits::{Edit, node_at};
use super::{DesignState, Interaction};
use crate::architecture::{Edge, EdgeKind, Group, GroupKind, Node, Severity};
use crate::catalog::Catalog;
use crate::ui::design::cards::{CardInfo, truncate};
use crate::ui::design::geometry::{self, GRID, PORT_RADIUS};

/// Below this zoom, text is too small to read: cards and edges are drawn
/// without it, which also keeps large diagrams fast.
const DETAIL_ZOOM: f32 = 0.45;

/// The colour of an amount of money and of a valid connection.
const GOOD_GREEN: Color32 = Color32::from_rgb(46, 160, 67);

/// What every layer needs for one frame.
struct Frame<'a> {
    painter: Painter,
    visuals: Visuals,
    /// The part of the scene on screen, in scene space.
    visible_scene: Rect,
    zoom: f32,
    detailed: bool,
    modifiers: egui::Modifiers,
    /// Multi-select: Shift or Ctrl (Cmd) held.
    additive: bool,
    scene_from_screen: Option<TSTransform>,
    state: &'a DesignState,
}

impl Frame<'_> {
    fn to_scene(&self, screen: Pos2) -> Pos2 {
        self.scene_from_screen.map_or(screen, |t| t * screen)
    }
}

/// Draw everything in scene space; returns the screen-to-scene transform.
pub fn scene_ui(
    state: &DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    edits: &mut Vec<Edit>,
) -> Option<TSTransform> {
    let scene_from_screen = ui.ctx().layer_transform_from_global(ui.layer_id());
    let zoom = scene_from_screen.map_or(1.0, |t| 1.0 / t.scaling);
    let Some(derived) = state.derived_ref() else {
        return scene_from_screen;
    };
    let modifiers = ui.input(|i| i.modifiers);
    let frame = Frame {
        painter: ui.painter().clone(),
        visuals: ui.visuals().clone(),
        visible_scene: ui.clip_rect(),
        zoom,
        detailed: zoom >= DETAIL_ZOOM,
        modifiers,
        additive: modifiers.shift || modifiers.command,
        scene_from_screen,
        state,
    };
    draw_grid(&frame);
    for group in &state.doc.groups {
        group_ui(&frame, ui, group, edits);
    }
    let mut points = Vec::with_capacity(25);
    let mut labels = Vec::new();
    for edge in &state.doc.edges {
        edge_ui(&frame, catalog, edge, &mut points, &mut labels);
    }
    let pointer_scene = ui
        .input(|i| i.pointer.interact_pos())
        .map(|p| frame.to_scene(p));
    for node in &state.doc.nodes {
        if let Some(info) = derived.cards.get(&node.id) {
            node_ui(&frame, ui, node, info, pointer_scene, edits);
        }
    }
    edge_labels(&frame, labels);
    connection_preview(&frame, catalog);
    marquee(&frame);
    scene_from_screen
}

/// Grid dots, thinned out when zoomed far out.
fn draw_grid(frame: &Frame<'_>) {
    let visible = frame.visible_scene;
    let mut step = GRID;
    while (visible.width() / step) * (visible.height() / step) > 3000.0 {
        step *= 2.0;
    }
    let dot = frame.visuals.weak_text_color().gamma_multiply(0.35);
    let dot_radius = 1.0 / frame.zoom.max(0.25);
    let mut x = (visible.left() / step).floor() * step;
    while x <= visible.right() {
        let mut y = (visible.top() / step).floor() * step;
        while y <= visible.bottom() {
            frame
                .painter
                .circle_filled(Pos2::new(x, y), dot_radius, dot);
            y += step;
        }
        x += step;
    }
}

fn group_color(kind: GroupKind) -> Color32 {
    match kind {
        GroupKind::Account => Color32::from_rgb(180, 120, 230),
        GroupKind::Region => Color32::from_rgb(90, 160, 230),
        GroupKind::Network => Color32::from_rgb(70, 190, 120),
        GroupKind::Boundary => Color32::from_rgb(200, 170, 80),
    }
}

/// A group at the back: a tinted area; its title bar drags it (and what it
/// holds), its corner resizes it.
fn group_ui(frame: &Frame<'_>, ui: &mut Ui, group: &Group, edits: &mut Vec<Edit>) {
    let rect = geometry::group_rect(group.position, group.size);
    let id = ui.scope_id().with(("group", group.id.0));
    let title = geometry::group_title_rect(rect);
    let bar = ui.interact(title, id, Sense::click_and_drag());
    bar.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Button, true, format!("Group: {}", group.name))
    });
    let corner = geometry::group_handle_rect(rect);
    let handle = ui.interact(corner, id.with("resize"), Sense::drag());
    handle.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Button, true, format!("Resize {}", group.name))
    });
    group_gestures(frame, group, &bar, &handle, edits);
    if !frame.visible_scene.intersects(rect) {
        return;
    }
    let (painter, visuals) = (&frame.painter, &frame.visuals);
    let tint = group_color(group.kind);
    let border = if frame.state.selection.groups.contains(&group.id) {
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
    let top_corners = CornerRadius {
        nw: 10,
        ne: 10,
        sw: 0,
        se: 0,
    };
    let bar_tint = tint.gamma_multiply(if bar.hovered() { 0.35 } else { 0.22 });
    painter.rect_filled(title, top_corners, bar_tint);
    if frame.detailed {
        painter.text(
            title.left_center() + Vec2::new(10.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{} · {}", group.kind.label(), group.name),
            FontId::proportional(12.5),
            visuals.text_color(),
        );
    }
    let stroke = Stroke::new(1.5, tint);
    painter.line_segment([corner.left_bottom(), corner.right_top()], stroke);
    painter.line_segment([corner.center_bottom(), corner.right_center()], stroke);
    if bar.hovered() {
        bar.on_hover_text("Drag to move the group and everything inside it");
    }
}

/// What dragging a group's title bar or corner asks for.
fn group_gestures(
    frame: &Frame<'_>,
    group: &Group,
    bar: &egui::Response,
    handle: &egui::Response,
    edits: &mut Vec<Edit>,
) {
    let interaction = frame.state.canvas.interaction;
    let free = frame.modifiers.alt;
    if bar.clicked() {
        edits.push(Edit::SelectGroup {
            group: group.id,
            additive: frame.additive,
        });
    }
    if bar.drag_started_by(egui::PointerButton::Primary) {
        edits.push(Edit::StartMoveGroup { group: group.id });
    }
    if interaction == Interaction::MovingGroup {
        let delta = bar.drag_delta();
        if bar.dragged_by(egui::PointerButton::Primary) && delta != Vec2::ZERO {
            edits.push(Edit::MoveGroup {
                group: group.id,
                delta,
            });
        }
        if bar.drag_stopped() {
            edits.push(Edit::EndMoveGroup {
                group: group.id,
                free,
            });
        }
    }
    if handle.drag_started() {
        edits.push(Edit::StartResize { group: group.id });
    }
    if interaction == Interaction::Resizing {
        let delta = handle.drag_delta();
        if handle.dragged() && delta != Vec2::ZERO {
            edits.push(Edit::Resize {
                group: group.id,
                delta,
            });
        }
        if handle.drag_stopped() {
            edits.push(Edit::EndResize {
                group: group.id,
                free,
            });
        }
    }
}

/// An edge under the cards, if it can be seen: a curve (dashed for data
/// flow), an arrowhead and, up close, a label.
fn edge_ui(
    frame: &Frame<'_>,
    catalog: &Catalog,
    edge: &Edge,
    points: &mut Vec<Pos2>,
    labels: &mut Vec<(Pos2, String, Color32)>,
) {
    let doc = &frame.state.doc;
    let (Some(from), Some(to)) = (doc.node(edge.from), doc.node(edge.to)) else {
        return;
    };
    let curve = geometry::edge_curve(
        geometry::out_port(geometry::node_rect(from.position)),
        geometry::in_port(geometry::node_rect(to.position)),
    );
    if !frame.visible_scene.intersects(Rect::from_points(&curve)) {
        return;
    }
    let (painter, visuals) = (&frame.painter, &frame.visuals);
    let selected = frame.state.selection.edge == Some(edge.id);
    let color = if selected {
        visuals.selection.stroke.color
    } else if edge.kind == EdgeKind::Trigger {
        visuals.text_color().gamma_multiply(0.75)
    } else {
        visuals.weak_text_color()
    };
    let stroke = Stroke::new(if selected { 3.0 } else { 1.6 }, color);
    points.clear();
    let segments = if frame.detailed { 24 } else { 8 };
    points
        .extend((0..=segments).map(|i| geometry::bezier_point(&curve, i as f32 / segments as f32)));
    if edge.kind == EdgeKind::DataFlow && frame.detailed {
        painter.extend(Shape::dashed_line(points, stroke, 7.0, 4.0));
    } else {
        painter.add(Shape::line(points.clone(), stroke));
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
    if frame.detailed {
        labels.push((
            geometry::curve_middle(&curve),
            edge_label(catalog, edge),
            color,
        ));
    }
}

/// Edge labels go over the cards, so a label between two close cards stays
/// readable instead of vanishing under them.
fn edge_labels(frame: &Frame<'_>, labels: Vec<(Pos2, String, Color32)>) {
    let painter = &frame.painter;
    for (middle, label, color) in labels {
        let galley = painter.layout_no_wrap(label, FontId::proportional(11.0), color);
        let label_rect = Rect::from_center_size(middle, galley.size() + Vec2::new(8.0, 4.0));
        painter.rect_filled(
            label_rect,
            4.0,
            frame.visuals.panel_fill.gamma_multiply(0.9),
        );
        painter.galley(label_rect.center() - galley.size() / 2.0, galley, color);
    }
}

/// What an edge carries: its trigger (or "data") and any non-default numbers.
fn edge_label(catalog: &Catalog, edge: &Edge) -> String {
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
    label
}

/// A card: its body selects and drags, its out port starts a connection.
fn node_ui(
    frame: &Frame<'_>,
    ui: &mut Ui,
    node: &Node,
    info: &CardInfo,
    pointer_scene: Option<Pos2>,
    edits: &mut Vec<Edit>,
) {
    let rect = geometry::node_rect(node.position);
    let id = ui.scope_id().with(("node", node.id.0));
    let body = ui.interact(rect, id, Sense::click_and_drag());
    body.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("{}: {}", info.kind_label, node.name),
        )
    });
    card_gestures(frame, node, &body, edits);
    let port_out = geometry::out_port(rect);
    let out = ui.interact(geometry::port_rect(port_out), id.with("out"), Sense::drag());
    out.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Connect from {}", node.name),
        )
    });
    port_gestures(frame, ui, node, &out, pointer_scene, edits);
    if !frame.visible_scene.intersects(rect.expand(PORT_RADIUS)) {
        return;
    }
    card_body(frame, node, info, rect, &body);
    // Far out, a card is its frame only: no text, no ports.
    if !frame.detailed {
        return;
    }
    card_texts(frame, node, info, rect);
    if body.hovered() {
        body.on_hover_text(format!("{}\n{}\n{}", info.subtitle, info.footer, info.cost));
    }
    ports(frame, node, info, rect, &out);
}

fn card_gestures(frame: &Frame<'_>, node: &Node, body: &egui::Response, edits: &mut Vec<Edit>) {
    if body.clicked() {
        edits.push(Edit::Select {
            node: node.id,
            additive: frame.additive,
        });
    }
    if body.drag_started_by(egui::PointerButton::Primary) {
        edits.push(Edit::StartMove { node: node.id });
    }
    if frame.state.canvas.interaction == Interaction::Moving {
        let delta = body.drag_delta();
        if body.dragged_by(egui::PointerButton::Primary) && delta != Vec2::ZERO {
            edits.push(Edit::Move { delta });
        }
        if body.drag_stopped() {
            edits.push(Edit::EndMove {
                free: frame.modifiers.alt,
            });
        }
    }
}

fn port_gestures(
    frame: &Frame<'_>,
    ui: &Ui,
    node: &Node,
    out: &egui::Response,
    pointer_scene: Option<Pos2>,
    edits: &mut Vec<Edit>,
) {
    if out.drag_started()
        && let Some(pointer_scene) = pointer_scene
    {
        edits.push(Edit::StartConnect {
            from: node.id,
            pointer_scene,
        });
    }
    if out.dragged()
        && let Some(pointer_scene) = pointer_scene
    {
        edits.push(Edit::Connect { pointer_scene });
    }
    if out.drag_stopped() {
        let released = ui.input(|i| i.pointer.hover_pos().or(i.pointer.interact_pos()));
        if let Some(screen) = released {
            edits.push(Edit::FinishConnect {
                pointer_scene: frame.to_scene(screen),
            });
        }
    }
}

/// The card's frame: its border says selected, in trouble or hovered.
fn card_body(frame: &Frame<'_>, node: &Node, info: &CardInfo, rect: Rect, body: &egui::Response) {
    let visuals = &frame.visuals;
    let selected = frame.state.selection.nodes.contains(&node.id);
    let stroke = match (selected, info.worst) {
        (true, _) => Stroke::new(2.5, visuals.selection.stroke.color),
        (false, Some(Severity::Error)) => Stroke::new(2.0, visuals.error_fg_color),
        (false, Some(Severity::Warning)) => Stroke::new(1.5, visuals.warn_fg_color),
        (false, None) if body.hovered() => {
            Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color)
        }
        (false, None) => Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    };
    frame.painter.rect(
        rect,
        CornerRadius::same(8),
        visuals.extreme_bg_color,
        stroke,
        egui::StrokeKind::Inside,
    );
    let left_corners = CornerRadius {
        nw: 8,
        sw: 8,
        ne: 0,
        se: 0,
    };
    frame.painter.rect_filled(
        Rect::from_min_size(rect.min, Vec2::new(6.0, rect.height())),
        left_corners,
        info.accent,
    );
}

/// One line of text cut to `max_width` with "…", so it never runs into
/// its neighbours on the card.
fn one_line(
    painter: &Painter,
    text: &str,
    size: f32,
    color: Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(
        text.to_owned(),
        FontId::proportional(size),
        color,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width.max(0.0));
    painter.layout_job(job)
}

/// Name, subtitle, load and cost on a card, each on its own line; the load
/// gets what width the cost leaves.
fn card_texts(frame: &Frame<'_>, node: &Node, info: &CardInfo, rect: Rect) {
    let (painter, visuals) = (&frame.painter, &frame.visuals);
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let layout = geometry::CardLayout::of(rect);
    let title = one_line(painter, &node.name, 14.0, text, layout.text_width);
    painter.galley(layout.title_top_left, title, text);
    let subtitle = one_line(painter, &info.subtitle, 11.0, weak, layout.text_width);
    painter.galley(layout.subtitle_top_left, subtitle, weak);
    let mut cost_width = 0.0;
    if !info.cost.is_empty() {
        let color = if info.priced { GOOD_GREEN } else { weak };
        let cost = one_line(painter, &info.cost, 11.0, color, layout.text_width / 2.0);
        cost_width = cost.size().x;
        let top_left = layout.bottom_right - cost.size();
        painter.galley(top_left, cost, color);
    }
    let footer_width = layout.footer_width(cost_width);
    let footer = one_line(painter, &info.footer, 10.5, weak, footer_width);
    let top_left = Pos2::new(
        layout.title_top_left.x,
        layout.bottom_right.y - footer.size().y,
    );
    painter.galley(top_left, footer, weak);
}

/// Ports: out on the right (drag from it to connect), in on the left.
fn ports(frame: &Frame<'_>, node: &Node, info: &CardInfo, rect: Rect, out: &egui::Response) {
    let (painter, visuals) = (&frame.painter, &frame.visuals);
    let ring = Stroke::new(1.5, info.accent);
    if !node.kind.is_event_source() {
        painter.circle(
            geometry::in_port(rect),
            PORT_RADIUS - 2.0,
            visuals.extreme_bg_color,
            ring,
        );
    }
    let hot = out.hovered() || out.dragged();
    let (radius, fill) = if hot {
        (PORT_RADIUS, info.accent)
    } else {
        (PORT_RADIUS - 1.5, visuals.extreme_bg_color)
    };
    painter.circle(geometry::out_port(rect), radius, fill, ring);
    if out.hovered() {
        out.clone()
            .on_hover_text("Drag onto another card to connect");
    }
}

/// The connection being drawn: green over a valid target, red otherwise.
fn connection_preview(frame: &Frame<'_>, catalog: &Catalog) {
    let state = frame.state;
    let Interaction::Connecting {
        from,
        pointer_scene,
    } = state.canvas.interaction
    else {
        return;
    };
    let Some(source) = state.doc.node(from) else {
        return;
    };
    let start = geometry::out_port(geometry::node_rect(source.position));
    let target = node_at(state, pointer_scene).filter(|t| *t != from);
    let verdict = target.map(|t| crate::architecture::connection(catalog, &state.doc, from, t));
    let color = match &verdict {
        Some(Ok(_)) => GOOD_GREEN,
        Some(Err(_)) => frame.visuals.error_fg_color,
        None => frame.visuals.text_color(),
    };
    let end = target
        .and_then(|t| state.doc.node(t))
        .map_or(pointer_scene, |n| {
            geometry::in_port(geometry::node_rect(n.position))
        });
    frame.painter.add(Shape::line(
        geometry::flatten(&geometry::edge_curve(start, end)),
        Stroke::new(2.0, color),
    ));
    if let Some(Err(reason)) = verdict {
        frame.painter.text(
            pointer_scene + Vec2::new(12.0, 12.0),
            Align2::LEFT_TOP,
            truncate(&reason, 80),
            FontId::proportional(12.0),
            color,
        );
    }
}

/// The selection rectangle being dragged out.
fn marquee(frame: &Frame<'_>) {
    let Interaction::Marquee {
        start_scene,
        current_scene,
    } = frame.state.canvas.interaction
    else {
        return;
    };
    let color = frame.visuals.selection.stroke.color;
    frame.painter.rect(
        geometry::marquee(start_scene, current_scene),
        2.0,
        color.gamma_multiply(0.12),
        Stroke::new(1.0, color),
        egui::StrokeKind::Inside,
    );
}
