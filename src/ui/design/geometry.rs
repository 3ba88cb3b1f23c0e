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
    // Adding 0.0 turns the -0.0 that rounding a small negative gives into
    // 0.0, which would otherwise be saved as "-0.0".
    (
        (position.0 / GRID).round() * GRID + 0.0,
        (position.1 / GRID).round() * GRID + 0.0,
    )
}

/// The smallest zoom "fit" goes to: below it card texts are too small to
/// read, so a large diagram shows its start readably instead of all of it.
pub const MIN_FIT_ZOOM: f32 = 0.6;

/// The scene rectangle to show for a fitted `rect` in a view of `view_size`
/// (screen points): `rect` itself, or, when that needs a zoom below
/// [`MIN_FIT_ZOOM`], what fits at that zoom from the diagram's start: its
/// left (and top) edge where it does not fit, centred where it does.
pub fn readable_fit(rect: Rect, view_size: Vec2) -> Rect {
    if view_size.x <= 0.0 || view_size.y <= 0.0 {
        return rect;
    }
    let zoom = (view_size.x / rect.width()).min(view_size.y / rect.height());
    if zoom >= MIN_FIT_ZOOM {
        return rect;
    }
    // Flows run left to right: keep the left edge (where they start) and
    // centre across the other way.
    let size = view_size / MIN_FIT_ZOOM;
    let top = rect.center().y - size.y / 2.0;
    let left = rect.center().x - size.x / 2.0;
    let min = pos2(
        if size.x < rect.width() {
            rect.left()
        } else {
            left
        },
        if size.y < rect.height() {
            rect.top()
        } else {
            top
        },
    );
    Rect::from_min_size(min, size)
}

/// Where a card's texts go: name, subtitle, then load (left) and cost
/// (right) on the bottom line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardLayout {
    pub title_top_left: Pos2,
    pub subtitle_top_left: Pos2,
    /// The bottom-right corner of the cost; the load's line ends here too.
    pub bottom_right: Pos2,
    /// The widest any line may be.
    pub text_width: f32,
}

/// Space between the load and the cost on a card's bottom line.
const CARD_TEXT_GAP: f32 = 8.0;

impl CardLayout {
    pub fn of(card: Rect) -> Self {
        let left = card.left() + 14.0;
        CardLayout {
            title_top_left: pos2(left, card.top() + 6.0),
            subtitle_top_left: pos2(left, card.top() + 26.0),
            bottom_right: pos2(card.right() - 10.0, card.bottom() - 6.0),
            text_width: card.right() - 10.0 - left,
        }
    }

    /// How wide the load may be beside a cost this wide.
    pub fn footer_width(&self, cost_width: f32) -> f32 {
        if cost_width > 0.0 {
            (self.text_width - cost_width - CARD_TEXT_GAP).max(0.0)
        } else {
            self.text_width
        }
    }
}

/// Where a new card goes near `wanted` (a top-left corner) without covering
/// a card already there: the first free place stepping down and right.
pub fn free_spot(wanted: (f32, f32), occupied: &[Rect]) -> (f32, f32) {
    let step = vec2(GRID * 2.0, NODE_SIZE.y + GRID);
    let mut position = wanted;
    // Bounded: a canvas packed this densely gets the last place tried.
    for _ in 0..100 {
        let card = node_rect(position).shrink(1.0);
        if !occupied.iter().any(|r| r.intersects(card)) {
            break;
        }
        position = (position.0 + step.x, position.1 + step.y);
    }
    position
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
        assert_eq!(snap((-9.0, 10.0)), (0.0, 20.0));
        assert!(snap((-9.0, -9.0)).0.is_sign_positive(), "no negative zero");
    }

    #[test]
    fn a_free_spot_avoids_the_cards_already_there() {
        let taken = [node_rect((100.0, 100.0))];
        assert_eq!(free_spot((400.0, 100.0), &taken), (400.0, 100.0));
        let spot = free_spot((100.0, 100.0), &taken);
        assert!(
            !node_rect(spot).intersects(taken[0].shrink(1.0)),
            "{spot:?}"
        );
        // Touching edges is not covering.
        let beside = (100.0 + NODE_SIZE.x, 100.0);
        assert_eq!(free_spot(beside, &taken), beside);
    }

    #[test]
    fn a_cards_load_and_cost_never_meet_and_stay_inside() {
        let card = node_rect((0.0, 0.0));
        let layout = CardLayout::of(card);
        for cost_width in [0.0, 40.0, 80.0, 500.0] {
            let footer = layout.footer_width(cost_width);
            let footer_right = layout.title_top_left.x + footer;
            let cost_left = layout.bottom_right.x - cost_width.min(layout.text_width / 2.0);
            assert!(footer >= 0.0);
            if cost_width > 0.0 {
                assert!(
                    footer_right + CARD_TEXT_GAP <= cost_left + 0.01,
                    "{cost_width}"
                );
            }
            assert!(footer_right <= card.right());
        }
        // The subtitle starts below a one-line title (14 pt text, 6 pt from the top).
        assert!(layout.subtitle_top_left.y >= layout.title_top_left.y + 14.0 + 4.0);
        assert!(layout.bottom_right.y <= card.bottom());
    }

    #[test]
    fn fitting_never_zooms_out_past_readable() {
        let view = vec2(800.0, 500.0);
        let small = Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 300.0));
        assert_eq!(readable_fit(small, view), small);
        let wide = Rect::from_min_size(pos2(-100.0, 50.0), vec2(4000.0, 600.0));
        let shown = readable_fit(wide, view);
        assert_eq!(
            shown.left(),
            wide.left(),
            "the diagram's start stays in view"
        );
        assert_eq!(shown.center().y, wide.center().y, "centred across");
        let zoom = (view.x / shown.width()).min(view.y / shown.height());
        assert!((zoom - MIN_FIT_ZOOM).abs() < 1e-4, "{zoom}");
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
