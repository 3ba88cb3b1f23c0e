//! The changes the drawing pass asks for, applied after the scene is drawn
//! (the scene borrows the document while it draws). Points are in scene space.

use egui::{Pos2, Vec2};

use super::{DesignState, Interaction};
use crate::architecture::{EdgeId, GroupId, NodeId};
use crate::catalog::Catalog;
use crate::ui::design::geometry;
use crate::ui::status::Messages;

pub enum Edit {
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
    StartConnect { from: NodeId, pointer_scene: Pos2 },
    Connect { pointer_scene: Pos2 },
    FinishConnect { pointer_scene: Pos2 },
}

impl Edit {
    /// Whether the edit begins something the pointer does on the canvas.
    pub fn starts_gesture(&self) -> bool {
        matches!(
            self,
            Edit::SelectGroup { .. }
                | Edit::StartMoveGroup { .. }
                | Edit::StartResize { .. }
                | Edit::Select { .. }
                | Edit::StartMove { .. }
                | Edit::StartConnect { .. }
        )
    }
}

/// The topmost node under a scene point.
pub fn node_at(state: &DesignState, point_scene: Pos2) -> Option<NodeId> {
    state
        .doc
        .nodes
        .iter()
        .rev()
        .find(|n| geometry::node_rect(n.position).contains(point_scene))
        .map(|n| n.id)
}

/// The edge nearest a scene point, if close enough to pick.
pub fn edge_at(state: &DesignState, point_scene: Pos2) -> Option<EdgeId> {
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
        let distance = geometry::distance_to_curve(point_scene, &curve);
        if distance <= best_distance {
            best_distance = distance;
            best = Some(edge.id);
        }
    }
    best
}

pub fn apply(state: &mut DesignState, catalog: &Catalog, edit: Edit, messages: &mut Messages) {
    match edit {
        Edit::SelectGroup { group, additive } => {
            if !additive {
                state.selection.clear();
            }
            if !state.selection.groups.remove(&group) || !additive {
                state.selection.groups.insert(group);
            }
            state.canvas.refusal = None;
        }
        Edit::StartMoveGroup { group } => {
            state.selection.clear();
            state.selection.groups.insert(group);
            state.canvas.group_contents = state.doc.group_contents(group, geometry::card_anchor);
            state.canvas.interaction = Interaction::MovingGroup;
        }
        Edit::MoveGroup { group, delta } => move_group(state, group, (delta.x, delta.y)),
        Edit::EndMoveGroup { group, free } => {
            if state.snap_to_grid
                && !free
                && let Some(found) = state.doc.group(group)
            {
                // Snap the group, and carry its contents by the same amount.
                let snapped = geometry::snap(found.position);
                let delta = (snapped.0 - found.position.0, snapped.1 - found.position.1);
                move_group(state, group, delta);
            }
            state.canvas.group_contents = (Vec::new(), Vec::new());
            state.canvas.interaction = Interaction::Idle;
        }
        Edit::StartResize { group } => {
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
            state.canvas.refusal = None;
        }
        Edit::StartMove { node } => {
            if !state.selection.nodes.contains(&node) {
                state.selection.select_node(node);
            }
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
        Edit::StartConnect {
            from,
            pointer_scene,
        } => {
            state.canvas.interaction = Interaction::Connecting {
                from,
                pointer_scene,
            };
            state.canvas.refusal = None;
        }
        Edit::Connect { pointer_scene } => {
            if let Interaction::Connecting { from, .. } = state.canvas.interaction {
                state.canvas.interaction = Interaction::Connecting {
                    from,
                    pointer_scene,
                };
            }
        }
        Edit::FinishConnect { pointer_scene } => {
            finish_connect(state, catalog, pointer_scene, messages)
        }
    }
}

/// Move a group with what it held when the drag started.
fn move_group(state: &mut DesignState, group: GroupId, delta: (f32, f32)) {
    let (nodes, groups) = &state.canvas.group_contents;
    state.doc.move_nodes(nodes, delta);
    state.doc.move_groups(groups, delta);
    state.doc.move_groups(&[group], delta);
}

fn finish_connect(
    state: &mut DesignState,
    catalog: &Catalog,
    pointer_scene: Pos2,
    messages: &mut Messages,
) {
    let Interaction::Connecting { from, .. } = state.canvas.interaction else {
        return;
    };
    state.canvas.interaction = Interaction::Idle;
    let Some(target) = node_at(state, pointer_scene).filter(|t| *t != from) else {
        return;
    };
    match crate::architecture::connection(catalog, &state.doc, from, target) {
        Ok(proposal) => {
            let edge = state.doc.insert_edge(&proposal);
            state.selection.clear();
            state.selection.edge = Some(edge);
            state.canvas.refusal = None;
            let what = proposal.trigger.as_deref().unwrap_or(proposal.kind.label());
            messages.ok(format!("Connected ({what})"));
        }
        Err(reason) => {
            messages.error(format!("Not connected: {reason}"));
            state.canvas.refusal = Some(reason);
        }
    }
}
