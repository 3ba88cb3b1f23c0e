//! Pure geometry of the canvas: node and port rectangles, edge curves, hit
//! tests, snapping and fitting. No drawing and no input here, so every rule
//! is unit-tested.
//!
//! Coordinate spaces:
//! - **scene**: the document's own coordinates, in points. A node's
//!   `position` is the top-left corner of its card in scene space. Everything
//!   in this module is in scene space.
//! - **screen**: where egui draws. `egui::Scene` maps scene to screen with a
//!   pan-and-zoom transform; inside its closure, widgets and painters work in
//!   scene space and egui applies the transform.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Size of a node card.
pub const NODE_SIZE: Vec2 = vec2(176.0, 64.0);
/// Radius of the connection ports on a card's left (in) and right (out) edges.
pub const PORT_RADIUS: f32 = 7.0;
/// Snap step when dragging, and the background grid.
pub const GRID: f32 = 20.0;
/// How close (in scene points) a click must be to an edge to select it.
pub const EDGE_PICK_DISTANCE: f32 = 6.0;
/// Segments an edge curve is flattened into for hit tests.
const CURVE_SEGMENTS: usize = 24;

pub fn to_pos(position: (f32, f32)) -> Pos2 {
    pos2(position.0, position.1)
}

pub fn from_pos(pos: Pos2) -> (f32, f32) {
    (pos.x, pos.y)
}

/// The card of a node whose top-left corner is `position`.
pub fn node_rect(position: (f32, f32)) -> Rect {
    Rect::from_min_size(to_pos(position), NODE_SIZE)
}

/// Where edges leave a card.
pub fn out_port(rect: Rect) -> Pos2 {
    rect.right_center()
}

/// Where edges enter a card.
pub fn in_port(rect: Rect) -> Pos2 {
    rect.left_center()
}

pub fn port_rect(center: Pos2) -> Rect {
    Rect::from_center_size(center, Vec2::splat(PORT_RADIUS * 2.0 + 4.0))
}

/// Control points of the curve from an out port to an in port: horizontal
/// tangents, so edges leave to the right and arrive from the left even when
/// the target sits behind the source.
pub fn edge_curve(from: Pos2, to: Pos2) -> [Pos2; 4] {
    let reach = ((to.x - from.x).abs() * 0.5).max(50.0);
    [from, from + vec2(reach, 0.0), to - vec2(reach, 0.0), to]
}

/// A point on a cubic Bezier curve.
pub fn bezier_point(curve: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let [p0, p1, p2, p3] = curve.map(|p| p.to_vec2());
    (p0 * (u * u * u) + p1 * (3.0 * u * u * t) + p2 * (3.0 * u * t * t) + p3 * (t * t * t))
        .to_pos2()
}

/// The curve as a polyline.
pub fn flatten(curve: &[Pos2; 4]) -> Vec<Pos2> {
    (0..=CURVE_SEGMENTS)
        .map(|i| bezier_point(curve, i as f32 / CURVE_SEGMENTS as f32))
        .collect()
}

/// Distance from a point to a segment.
pub fn distance_to_segment(point: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return point.distance(a);
    }
    let t = ((point - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    point.distance(a + ab * t)
}

/// Distance from a point to an edge curve.
pub fn distance_to_curve(point: Pos2, curve: &[Pos2; 4]) -> f32 {
    flatten(curve)
        .windows(2)
        .map(|w| distance_to_segment(point, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

/// The middle of an edge, where its label goes.
pub fn curve_middle(curve: &[Pos2; 4]) -> Pos2 {
    bezier_point(curve, 0.5)
}

/// Direction of the curve at its end, for the arrowhead.
pub fn end_direction(curve: &[Pos2; 4]) -> Vec2 {
    let direction = curve[3] - bezier_point(curve, 0.95);
    if direction.length_sq() > f32::EPSILON {
        direction.normalized()
    } else {
        Vec2::X
    }
}

/// Height of a group's title bar, which is what drags it.
pub const GROUP_TITLE_HEIGHT: f32 = 24.0;
/// Size of a group's resize handle, in its bottom-right corner.
pub const GROUP_HANDLE: f32 = 14.0;
/// The smallest a group may be resized to.
pub const GROUP_MIN_SIZE: Vec2 = vec2(160.0, 100.0);

pub fn group_rect(position: (f32, f32), size: (f32, f32)) -> Rect {
    Rect::from_min_size(to_pos(position), vec2(size.0, size.1))
}

pub fn group_title_rect(group: Rect) -> Rect {
    Rect::from_min_size(group.min, vec2(group.width(), GROUP_TITLE_HEIGHT))
}

pub fn group_handle_rect(group: Rect) -> Rect {
    Rect::from_min_size(
        group.max - Vec2::splat(GROUP_HANDLE),
        Vec2::splat(GROUP_HANDLE),
    )
}

/// The point of a card that decides which group holds it: its centre.
pub fn card_anchor(position: (f32, f32)) -> (f32, f32) {
    from_pos(node_rect(position).center())
}

/// Round a position to the grid.
pub fn snap(position: (f32, f32)) -> (f32, f32) {
    (
        (position.0 / GRID).round() * GRID,
        (position.1 / GRID).round() * GRID,
    )
}

/// The rectangle between two corners, in any order (a marquee).
pub fn marquee(a: Pos2, b: Pos2) -> Rect {
    Rect::from_two_pos(a, b)
}

/// The scene rectangle that shows every card with a margin, or `None` when
/// there are no cards.
pub fn fit(positions: impl IntoIterator<Item = (f32, f32)>) -> Option<Rect> {
    fit_rects(positions.into_iter().map(node_rect))
}

/// The scene rectangle that shows every rectangle given, with a margin.
pub fn fit_rects(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
    let mut bounds: Option<Rect> = None;
    for rect in rects {
        bounds = Some(bounds.map_or(rect, |b| b.union(rect)));
    }
    bounds.map(|b| b.expand(60.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curve_starts_and_ends_at_its_ports() {
        let curve = edge_curve(pos2(0.0, 0.0), pos2(300.0, 100.0));
        assert_eq!(bezier_point(&curve, 0.0), pos2(0.0, 0.0));
        assert_eq!(bezier_point(&curve, 1.0), pos2(300.0, 100.0));
        let middle = curve_middle(&curve);
        assert!((middle.x - 150.0).abs() < 1e-3 && (middle.y - 50.0).abs() < 1e-3);
    }

    #[test]
    fn points_near_a_curve_pick_it_and_far_ones_do_not() {
        let curve = edge_curve(pos2(0.0, 0.0), pos2(300.0, 0.0));
        assert!(distance_to_curve(pos2(150.0, 3.0), &curve) < EDGE_PICK_DISTANCE);
        assert!(distance_to_curve(pos2(150.0, 40.0), &curve) > EDGE_PICK_DISTANCE);
        // A curve to a target behind its source bends out and back.
        let back = edge_curve(pos2(300.0, 0.0), pos2(0.0, 200.0));
        assert!(distance_to_curve(pos2(150.0, 100.0), &back) < 2.0);
    }

    #[test]
    fn segment_distance_handles_the_ends_and_degenerate_segments() {
        let a = pos2(0.0, 0.0);
        let b = pos2(10.0, 0.0);
        assert_eq!(distance_to_segment(pos2(5.0, 3.0), a, b), 3.0);
        assert_eq!(distance_to_segment(pos2(-4.0, 3.0), a, b), 5.0);
        assert_eq!(distance_to_segment(pos2(3.0, 4.0), a, a), 5.0);
    }

    #[test]
    fn snapping_rounds_to_the_nearest_grid_point() {
        assert_eq!(snap((29.0, 31.0)), (20.0, 40.0));
        assert_eq!(snap((-9.0, 10.0)), (-0.0, 20.0));
    }

    #[test]
    fn ports_sit_on_the_card_edges() {
        let rect = node_rect((100.0, 50.0));
        assert_eq!(in_port(rect), pos2(100.0, 50.0 + NODE_SIZE.y / 2.0));
        assert_eq!(
            out_port(rect),
            pos2(100.0 + NODE_SIZE.x, 50.0 + NODE_SIZE.y / 2.0)
        );
    }

    #[test]
    fn fit_covers_every_card_with_a_margin() {
        assert!(fit(Vec::new()).is_none());
        let rect = fit([(0.0, 0.0), (400.0, 300.0)]).unwrap();
        assert!(rect.contains(pos2(0.0, 0.0)));
        assert!(rect.contains(pos2(400.0 + NODE_SIZE.x, 300.0 + NODE_SIZE.y)));
        assert!(rect.min.x < 0.0 && rect.min.y < 0.0);
    }

    #[test]
    fn a_marquee_works_in_any_drag_direction() {
        let rect = marquee(pos2(100.0, 100.0), pos2(0.0, 20.0));
        assert_eq!(
            rect,
            Rect::from_min_max(pos2(0.0, 20.0), pos2(100.0, 100.0))
        );
    }
}
