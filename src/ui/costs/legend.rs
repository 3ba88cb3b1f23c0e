//! A chart legend drawn above the plot, so it never covers a line or a bar;
//! a click on an entry hides or shows its series.

use std::collections::BTreeSet;

use egui::{Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};
use egui_plot::{LineStyle, MarkerShape};

/// One entry of a chart's legend.
pub struct LegendEntry {
    /// What the hidden set stores.
    pub key: String,
    pub label: String,
    pub color: Color32,
    pub swatch: Swatch,
    /// Shown on hover.
    pub detail: Option<String>,
}

pub enum Swatch {
    /// A stretch of line, with a marker on it when the series has one.
    Line(LineStyle, Option<MarkerShape>),
    Block,
    /// A vertical rule, for a line across the plot at one x.
    Vertical,
}

/// A legend in rows above the chart; a click toggles an entry's key in `hidden`.
pub fn legend_ui(ui: &mut Ui, entries: &[LegendEntry], hidden: &mut BTreeSet<String>) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(12.0, 2.0);
        for entry in entries {
            let shown = !hidden.contains(&entry.key);
            let text_color = if shown {
                ui.visuals().text_color()
            } else {
                ui.visuals().weak_text_color()
            };
            let galley = ui.painter().layout_no_wrap(
                entry.label.clone(),
                FontId::proportional(11.5),
                text_color,
            );
            let swatch_size = Vec2::new(28.0, 14.0);
            let size = Vec2::new(
                swatch_size.x + 5.0 + galley.size().x,
                swatch_size.y.max(galley.size().y),
            );
            let (rect, response) = ui.allocate_exact_size(size, Sense::click());
            if response.hovered() {
                ui.painter().rect_filled(
                    rect.expand(2.0),
                    3.0,
                    ui.visuals().widgets.hovered.bg_fill,
                );
            }
            let color = if shown {
                entry.color
            } else {
                entry.color.gamma_multiply(0.3)
            };
            let swatch = Rect::from_min_size(
                egui::pos2(rect.left(), rect.center().y - swatch_size.y / 2.0),
                swatch_size,
            );
            paint_swatch(ui.painter(), swatch, &entry.swatch, color);
            ui.painter().galley(
                egui::pos2(
                    swatch.right() + 5.0,
                    rect.center().y - galley.size().y / 2.0,
                ),
                galley,
                text_color,
            );
            response.widget_info(|| {
                WidgetInfo::selected(egui::Role::CheckBox, true, shown, &entry.label)
            });
            let hover = match &entry.detail {
                Some(detail) => format!("{detail}\nClick to hide or show."),
                None => "Click to hide or show.".to_owned(),
            };
            if response.on_hover_text(hover).clicked() {
                if shown {
                    hidden.insert(entry.key.clone());
                } else {
                    hidden.remove(&entry.key);
                }
            }
        }
    });
}

fn paint_swatch(painter: &egui::Painter, rect: Rect, swatch: &Swatch, color: Color32) {
    match swatch {
        Swatch::Vertical => {
            let x = rect.center().x;
            painter.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                Stroke::new(2.0, color),
            );
        }
        Swatch::Block => {
            painter.rect_filled(rect.shrink2(Vec2::new(6.0, 1.0)), 2.0, color);
        }
        Swatch::Line(style, marker) => {
            let y = rect.center().y;
            let ends = [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)];
            let stroke = Stroke::new(2.0, color);
            match style {
                LineStyle::Solid => {
                    painter.line_segment(ends, stroke);
                }
                LineStyle::Dashed { length } => {
                    painter.add(egui::Shape::dashed_line(&ends, stroke, *length / 2.0, 3.0));
                }
                LineStyle::Dotted { spacing } => {
                    painter.add(egui::Shape::dotted_line(&ends, color, *spacing / 2.0, 1.2));
                }
            }
            if let Some(shape) = marker {
                paint_marker(painter, rect.center(), 5.0, *shape, color);
            }
        }
    }
}

/// The hollow markers the plot draws, for the legend.
fn paint_marker(
    painter: &egui::Painter,
    center: Pos2,
    radius: f32,
    shape: MarkerShape,
    color: Color32,
) {
    let stroke = Stroke::new(1.5, color);
    let fill = painter.ctx().global_style().visuals.panel_fill;
    let at = |dx: f32, dy: f32| center + Vec2::new(dx, dy) * radius;
    let corners = match shape {
        MarkerShape::Diamond => vec![at(0.0, -1.0), at(1.0, 0.0), at(0.0, 1.0), at(-1.0, 0.0)],
        MarkerShape::Square => vec![at(-0.8, -0.8), at(0.8, -0.8), at(0.8, 0.8), at(-0.8, 0.8)],
        MarkerShape::Up => vec![at(0.0, -1.0), at(0.87, 0.5), at(-0.87, 0.5)],
        MarkerShape::Down => vec![at(0.0, 1.0), at(-0.87, -0.5), at(0.87, -0.5)],
        MarkerShape::Left => vec![at(-1.0, 0.0), at(0.5, -0.87), at(0.5, 0.87)],
        MarkerShape::Right => vec![at(1.0, 0.0), at(-0.5, 0.87), at(-0.5, -0.87)],
        // Circles, and the line-only shapes this chart does not use.
        _ => {
            painter.circle(center, radius, fill, stroke);
            return;
        }
    };
    painter.add(egui::Shape::convex_polygon(corners, fill, stroke));
}
