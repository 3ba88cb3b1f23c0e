//! Charts: monthly cost against monthly requests on log axes, with the
//! always-on line and each offer's break-even with it; and a stacked bar
//! per offer of what its monthly bill is made of.
//!
//! Both charts draw their own legend above the plot (a click hides or shows
//! a series, its line and its marker together), so a legend never covers a
//! line or a bar, and both carry a title, the workload and axis titles so a
//! PNG of the chart stands on its own.

use std::collections::BTreeSet;

use egui::{Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2, WidgetInfo};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine};
use serde::{Deserialize, Serialize};

use super::{Computed, CostsState};
use crate::catalog::PriceSheet;
use crate::catalog::price_sheet::Term;
use crate::cost::engine::compact;
use crate::cost::{self, LineItem, PricingOptions, Quote, Workload};
use crate::export::{self, usd};
use crate::ui::widgets::series_color;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKind {
    #[default]
    Volume,
    Breakdown,
}

/// Costs below this are drawn at it, since a log axis has no zero.
const FLOOR_USD: f64 = 0.01;
const SWEEP_POINTS: usize = 160;
const VOLUME_FROM: f64 = 1e3;
const VOLUME_TO: f64 = 1e11;
/// The legend key of the always-on line.
pub const ALWAYS_ON_KEY: &str = "always-on";

/// Axis labels short enough for the plot's margin: $0.10, $25, $1.2K, $3M.
fn short_usd(value: f64) -> String {
    if value >= 1000.0 {
        format!("${}", compact(value))
    } else if value >= 10.0 {
        format!("${value:.0}")
    } else {
        format!("${value:.2}")
    }
}

fn log(value: f64) -> f64 {
    value.max(FLOOR_USD).log10()
}

/// How one series is drawn. Colours come from a palette that colour-blind
/// readers can tell apart; past its end, line styles and marker shapes
/// keep the series distinct.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub color: Color32,
    pub style: LineStyle,
    pub marker: MarkerShape,
}

/// The palette's length (see [`series_color`]).
const COLORS: usize = 6;
const STYLES: [LineStyle; 3] = [
    LineStyle::Solid,
    LineStyle::Dashed { length: 10.0 },
    LineStyle::Dotted { spacing: 6.0 },
];
const MARKERS: [MarkerShape; 7] = [
    MarkerShape::Circle,
    MarkerShape::Diamond,
    MarkerShape::Square,
    MarkerShape::Up,
    MarkerShape::Down,
    MarkerShape::Left,
    MarkerShape::Right,
];

/// The look of the i-th series.
pub fn look(index: usize) -> Look {
    let round = index / COLORS;
    Look {
        color: series_color(index),
        style: STYLES[round % STYLES.len()],
        // Shifted each round, so a repeated colour never repeats its shape.
        marker: MARKERS[(index % COLORS + round) % MARKERS.len()],
    }
}

/// One offer's monthly cost across volumes, as plotted (log10 of both).
#[derive(Debug, Clone)]
pub struct Curve {
    /// The price sheet's id.
    pub id: String,
    pub name: String,
    pub points: Vec<[f64; 2]>,
    /// An earlier offer whose line this one would hide.
    pub same_as: Option<Twin>,
}

/// An earlier curve that another one lies on or close to.
#[derive(Debug, Clone, PartialEq)]
pub struct Twin {
    pub name: String,
    /// The same at every volume, not just close.
    pub exact: bool,
}

/// The cost-vs-volume curve of every offer that can run the workload.
pub fn curves(sheets: &[&PriceSheet], workload: &Workload, options: PricingOptions) -> Vec<Curve> {
    let volumes = cost::log_volumes(VOLUME_FROM, VOLUME_TO, SWEEP_POINTS);
    let mut curves: Vec<Curve> = sheets
        .iter()
        .map(|sheet| {
            let totals = cost::sweep(sheet, workload, &volumes, options);
            Curve {
                id: sheet.id.clone(),
                name: sheet.name.clone(),
                points: volumes
                    .iter()
                    .zip(&totals)
                    .filter_map(|(v, t)| t.map(|t| [v.log10(), log(t)]))
                    .collect(),
                same_as: None,
            }
        })
        .collect();
    // Offers with (nearly) the same prices draw one line on top of another;
    // the later one is told, to be drawn so that both show.
    for later in 1..curves.len() {
        let twin = curves[..later].iter().find_map(|earlier| {
            let (close, exact) = closeness(&earlier.points, &curves[later].points);
            close.then(|| Twin {
                name: earlier.name.clone(),
                exact,
            })
        });
        curves[later].same_as = twin;
    }
    curves
}

/// Whether two curves would be drawn on top of each other: within 3% (0.013
/// in log10) at nine points in ten; and whether they are the same everywhere.
fn closeness(a: &[[f64; 2]], b: &[[f64; 2]]) -> (bool, bool) {
    if a.is_empty() || a.len() != b.len() {
        return (false, false);
    }
    let gaps: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(p, q)| (p[1] - q[1]).abs().max((p[0] - q[0]).abs()))
        .collect();
    let near = gaps.iter().filter(|gap| **gap < 0.013).count();
    let exact = gaps.iter().all(|gap| *gap < 1e-9);
    (near * 10 >= gaps.len() * 9, exact)
}

/// Draw the chart the user picked, with its selector and hint.
pub(super) fn ui(state: &mut CostsState, ui: &mut Ui, quotes: &[Quote<'_>], computed: &Computed) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.chart, ChartKind::Volume, "Cost vs volume");
        ui.selectable_value(&mut state.chart, ChartKind::Breakdown, "Cost breakdown");
        let hint = match state.chart {
            ChartKind::Volume => {
                "A log axis has no zero: costs under $0.01 sit on the floor. Click a legend entry to hide or show it."
            }
            ChartKind::Breakdown => "Click a legend entry to hide or show it.",
        };
        ui.add(egui::Label::new(RichText::new(hint).weak().small()).wrap());
    });
    chart_ui(state, ui, quotes, computed, "");
}

/// The chart itself: title, workload, legend and plot. `id_salt` keeps a
/// second copy (the one drawn for a PNG) apart from the one on screen.
pub(super) fn chart_ui(
    state: &mut CostsState,
    ui: &mut Ui,
    quotes: &[Quote<'_>],
    computed: &Computed,
    id_salt: &str,
) {
    let workload = workload_line(&state.workload, state.options());
    match state.chart {
        ChartKind::Volume => {
            title_ui(
                ui,
                "Monthly cost by monthly requests (log scales)",
                &workload,
            );
            volume_ui(state, ui, computed, id_salt);
        }
        ChartKind::Breakdown => {
            title_ui(ui, "What each monthly bill is made of", &workload);
            breakdown_ui(
                ui,
                quotes,
                &state.workload,
                &mut state.hidden_categories,
                id_salt,
            );
        }
    }
}

/// The workload a chart is drawn for, in one line.
pub fn workload_line(workload: &Workload, options: PricingOptions) -> String {
    let assumptions = export::assumptions(workload, options);
    let mut parts: Vec<&str> = assumptions.iter().take(1).map(String::as_str).collect();
    parts.push(if options.free_tier {
        "free tiers applied"
    } else {
        "free tiers not applied"
    });
    format!("Workload: {}", parts.join("; "))
}

fn title_ui(ui: &mut Ui, title: &str, workload: &str) {
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(title).strong().size(15.0));
        ui.add(egui::Label::new(RichText::new(workload).small()).wrap());
    });
}

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

/// An offer's look on the volume chart. A line lying exactly on an earlier
/// one is drawn dashed over it (dotted if that one is dashed), so both stay
/// visible.
fn curve_look(index: usize, curve: &Curve) -> Look {
    let mut look = look(index);
    if curve.same_as.is_some() {
        look.style = match look.style {
            LineStyle::Solid => STYLES[1],
            _ => STYLES[2],
        };
    }
    look
}

/// One offer on the cost-vs-volume chart.
#[derive(Debug, Clone)]
pub struct VolumeSeries {
    pub name: String,
    pub look: Look,
    /// Wider when later lines lie on this one, so it shows around them.
    pub width: f32,
    pub points: Vec<[f64; 2]>,
    /// Where it meets the always-on line (log10 requests, log10 USD), if it does.
    pub breakeven: Option<[f64; 2]>,
}

impl VolumeSeries {
    /// The name its break-even marker shows on hover.
    pub fn marker_name(&self) -> String {
        format!("{}: break-even with always-on", self.name)
    }
}

/// The offers the chart draws, with their looks and break-evens, leaving
/// out what the legend hides. An offer's look follows its place among
/// those selected, so it keeps its colour when another is hidden.
pub fn volume_series(computed: &Computed, hidden: &BTreeSet<String>) -> Vec<VolumeSeries> {
    computed
        .curves
        .iter()
        .enumerate()
        .filter(|(_, curve)| !curve.points.is_empty() && !hidden.contains(&curve.id))
        .map(|(index, curve)| {
            let look = curve_look(index, curve);
            let breakeven = computed
                .breakevens
                .iter()
                .find(|b| b.platform == curve.id)
                .and_then(|b| Some((b.breakeven_requests_per_month?, b.always_on_usd_per_month?)))
                .filter(|(requests, _)| *requests > 0.0)
                .map(|(requests, usd)| [requests.log10(), log(usd)]);
            let twins = computed.curves[index + 1..]
                .iter()
                .filter(|later| {
                    later
                        .same_as
                        .as_ref()
                        .is_some_and(|twin| twin.name == curve.name)
                        && !hidden.contains(&later.id)
                })
                .count();
            VolumeSeries {
                name: curve.name.clone(),
                look,
                width: 2.0 + 2.5 * twins as f32,
                points: curve.points.clone(),
                breakeven,
            }
        })
        .collect()
}

fn volume_ui(state: &mut CostsState, ui: &mut Ui, computed: &Computed, id_salt: &str) {
    let volumes = cost::log_volumes(VOLUME_FROM, VOLUME_TO, SWEEP_POINTS);
    let always_on = state.always_on;
    let always_on_ok = always_on.validate().is_ok();
    let current = state.workload.requests_per_month;

    let mut entries: Vec<LegendEntry> = computed
        .curves
        .iter()
        .enumerate()
        .filter(|(_, curve)| !curve.points.is_empty())
        .map(|(index, curve)| {
            let look = curve_look(index, curve);
            let has_breakeven = computed.breakevens.iter().any(|b| {
                b.platform == curve.id && b.breakeven_requests_per_month.is_some_and(|r| r > 0.0)
            });
            LegendEntry {
                key: curve.id.clone(),
                label: match &curve.same_as {
                    Some(twin) if twin.exact => format!("{} (= {})", curve.name, twin.name),
                    Some(twin) => format!("{} (≈ {})", curve.name, twin.name),
                    None => curve.name.clone(),
                },
                color: look.color,
                swatch: Swatch::Line(
                    look.style,
                    (always_on_ok && has_breakeven).then_some(look.marker),
                ),
                detail: Some(
                    [
                        curve.same_as.as_ref().map(|twin| {
                            format!(
                                "{} {}'s line; drawn dashed over it.",
                                if twin.exact { "Lies on" } else { "Runs close to" },
                                twin.name
                            )
                        }),
                        Some(if always_on_ok && has_breakeven {
                            "Its marker on the always-on line is where it starts to cost more than the server.".to_owned()
                        } else {
                            "Never reaches the always-on line on this chart.".to_owned()
                        }),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n"),
                ),
            }
        })
        .collect();
    if always_on_ok {
        entries.push(LegendEntry {
            key: ALWAYS_ON_KEY.to_owned(),
            label: "Always-on server".to_owned(),
            color: Color32::GRAY,
            swatch: Swatch::Line(LineStyle::dashed_loose(), None),
            detail: Some(format!(
                "{} an instance-hour, {} requests/s per instance, at least {} instance(s)",
                usd(always_on.usd_per_hour),
                always_on.requests_per_second,
                always_on.min_instances
            )),
        });
    }
    legend_ui(ui, &entries, &mut state.hidden_series);

    let series = volume_series(computed, &state.hidden_series);
    let show_always_on = always_on_ok && !state.hidden_series.contains(ALWAYS_ON_KEY);
    Plot::new(("cost_vs_volume", id_salt))
        .x_axis_label("Requests per month")
        .y_axis_label("USD per month")
        .y_axis_min_width(52.0)
        .x_axis_formatter(|mark, _| compact(10f64.powf(mark.value).round()))
        .y_axis_formatter(|mark, _| short_usd(10f64.powf(mark.value)))
        .label_formatter(|hover| {
            let (name, point) = match hover {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => (*plot_name, *position),
                egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
            };
            let text = format!(
                "{} requests/month: {}",
                compact(10f64.powf(point.x).round()),
                usd(10f64.powf(point.y))
            );
            Some(if name.is_empty() {
                text
            } else {
                format!(
                    "{name}
{text}"
                )
            })
        })
        .allow_scroll(false)
        .show(ui, |plot| {
            for s in &series {
                plot.line(
                    Line::new(s.name.as_str(), PlotPoints::from(s.points.clone()))
                        .color(s.look.color)
                        .style(s.look.style)
                        .width(s.width),
                );
            }
            if show_always_on {
                let points: Vec<[f64; 2]> = volumes
                    .iter()
                    .map(|&v| [v.log10(), log(always_on.monthly_usd(v))])
                    .collect();
                plot.line(
                    Line::new("Always-on server", PlotPoints::from(points))
                        .color(Color32::GRAY)
                        .width(2.5)
                        .style(LineStyle::dashed_loose()),
                );
                // Hollow and of different shapes, so markers that fall close
                // together stay apart.
                for s in &series {
                    if let Some(point) = s.breakeven {
                        plot.points(
                            Points::new(s.marker_name(), PlotPoints::from(vec![point]))
                                .shape(s.look.marker)
                                .radius(6.0)
                                .filled(false)
                                .color(s.look.color),
                        );
                    }
                }
            }
            if current > 0.0 {
                plot.vline(VLine::new("Your volume", current.log10()).color(Color32::LIGHT_BLUE));
            }
        });
}

/// Which stack a kind of usage belongs to in the breakdown chart.
fn term_category(term: &Term) -> &'static str {
    match term {
        Term::Requests(_) => "Requests",
        Term::GbSeconds(_) | Term::CpuSeconds(_) | Term::CpuMs(_) | Term::InstanceGbSeconds(_) => {
            "Compute"
        }
        Term::ProvisionedGbSeconds(_) | Term::ProvisionedDurationGbSeconds(_) => {
            "Provisioned capacity"
        }
        Term::EgressGb(_) | Term::EphemeralGbSeconds(_) => "Data and storage",
        Term::Months(_) => "Subscription",
        // Service terms: the Costs tab prices functions, but a sheet's
        // meters are open to every term.
        Term::Writes(_) | Term::Reads(_) | Term::Deliveries(_) | Term::Steps(_) => "Requests",
        Term::StorageGbMonths(_) | Term::DataGb(_) | Term::DeliveredDataGb(_) => "Data and storage",
        Term::ConnectionMinutes(_)
        | Term::Instances(_)
        | Term::InstanceHours(_)
        | Term::InstanceGbHours(_)
        | Term::InstanceCpuHours(_) => "Compute",
    }
}

/// Which stack a line item belongs to. A meter that mixes kinds of usage
/// (Alibaba's compute units count invocations, vCPU and memory time) is
/// compute when any of its terms is, since that is what it mostly bills.
pub fn category(item: &LineItem<'_>) -> &'static str {
    let categories: Vec<&'static str> = item.meter.quantity.iter().map(term_category).collect();
    match categories.first() {
        None => "Other",
        Some(first) if categories.iter().all(|c| c == first) => first,
        Some(_) if categories.contains(&"Compute") => "Compute",
        Some(_) => "Other",
    }
}

pub const CATEGORIES: [&str; 6] = [
    "Requests",
    "Compute",
    "Provisioned capacity",
    "Data and storage",
    "Subscription",
    "Other",
];

/// Where category `index` takes its colour from; the offers' palette.
fn category_color(index: usize) -> Color32 {
    series_color(index)
}

/// One offer's bar: its name, total and the amount per category.
pub struct BreakdownBar {
    pub name: String,
    pub total_usd: f64,
    /// (category, USD, the line items in it)
    pub segments: Vec<(&'static str, f64, Vec<String>)>,
}

/// The bars of the breakdown chart, cheapest offer first.
pub fn breakdown_bars(quotes: &[Quote<'_>]) -> Vec<BreakdownBar> {
    quotes
        .iter()
        .filter_map(|quote| {
            let total_usd = quote.total_usd?;
            let segments = CATEGORIES
                .iter()
                .filter_map(|category_name| {
                    let items: Vec<&LineItem<'_>> = quote
                        .line_items
                        .iter()
                        .filter(|i| category(i) == *category_name && i.usd > 0.0)
                        .collect();
                    let amount: f64 = items.iter().map(|i| i.usd).sum();
                    (amount > 0.0).then(|| {
                        (
                            *category_name,
                            amount,
                            items
                                .iter()
                                .map(|i| format!("{}: {}", i.label(), usd(i.usd)))
                                .collect(),
                        )
                    })
                })
                .collect();
            Some(BreakdownBar {
                name: quote.sheet.name.clone(),
                total_usd,
                segments,
            })
        })
        .collect()
}

/// A round step for an axis from 0 to `max`: 1, 2 or 5 times a power of ten.
fn nice_step(max: f64, ticks: f64) -> f64 {
    let raw = (max / ticks).max(0.01);
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

const BAR_ROW_HEIGHT: f32 = 24.0;

fn breakdown_ui(
    ui: &mut Ui,
    quotes: &[Quote<'_>],
    workload: &Workload,
    hidden: &mut BTreeSet<String>,
    id_salt: &str,
) {
    let bars = breakdown_bars(quotes);
    let used: Vec<(usize, &str)> = CATEGORIES
        .iter()
        .enumerate()
        .filter(|(_, c)| bars.iter().any(|b| b.segments.iter().any(|s| s.0 == **c)))
        .map(|(i, c)| (i, *c))
        .collect();
    let entries: Vec<LegendEntry> = used
        .iter()
        .map(|(index, name)| LegendEntry {
            key: (*name).to_owned(),
            label: (*name).to_owned(),
            color: category_color(*index),
            swatch: Swatch::Block,
            detail: None,
        })
        .collect();
    legend_ui(ui, &entries, hidden);
    ui.add_space(4.0);
    if bars.is_empty() {
        ui.label("No selected offer can run this workload.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(("breakdown_scroll", id_salt))
        .auto_shrink(false)
        .show(ui, |ui| {
            let font = FontId::proportional(13.0);
            let text_color = ui.visuals().text_color();
            let width = ui.available_width();
            // Names in a column of their own, at most 40% of the width.
            let name_width = bars
                .iter()
                .map(|b| {
                    ui.painter()
                        .layout_no_wrap(b.name.clone(), font.clone(), text_color)
                        .size()
                        .x
                })
                .fold(0.0, f32::max)
                .min(width * 0.4)
                + 10.0;
            let value_width = 80.0;
            let max_total = bars.iter().map(|b| b.total_usd).fold(0.0, f64::max);
            let step = nice_step(max_total, 5.0);
            let axis_max = (max_total / step).ceil().max(1.0) * step;
            let axis_height = 40.0;
            let height = BAR_ROW_HEIGHT * bars.len() as f32 + axis_height;
            let (area, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
            let painter = ui.painter_at(area);
            let plot_left = area.left() + name_width;
            let plot_right = (area.right() - value_width).max(plot_left + 40.0);
            let x_of = |usd: f64| plot_left + (usd / axis_max) as f32 * (plot_right - plot_left);
            let bars_bottom = area.top() + BAR_ROW_HEIGHT * bars.len() as f32;

            // Grid and axis.
            let mut tick = 0.0;
            while tick <= axis_max + step / 2.0 {
                let x = x_of(tick);
                painter.line_segment(
                    [egui::pos2(x, area.top()), egui::pos2(x, bars_bottom)],
                    Stroke::new(1.0, ui.visuals().faint_bg_color.gamma_multiply(2.5)),
                );
                painter.text(
                    egui::pos2(x, bars_bottom + 3.0),
                    egui::Align2::CENTER_TOP,
                    short_usd(tick),
                    FontId::proportional(11.0),
                    ui.visuals().weak_text_color(),
                );
                tick += step;
            }
            painter.text(
                egui::pos2((plot_left + plot_right) / 2.0, area.bottom() - 2.0),
                egui::Align2::CENTER_BOTTOM,
                format!(
                    "USD per month at {} requests a month",
                    compact(workload.requests_per_month)
                ),
                FontId::proportional(12.0),
                text_color,
            );

            for (row, bar) in bars.iter().enumerate() {
                let top = area.top() + BAR_ROW_HEIGHT * row as f32;
                let middle = top + BAR_ROW_HEIGHT / 2.0;
                let name = ui.painter().layout(
                    bar.name.clone(),
                    font.clone(),
                    text_color,
                    name_width - 10.0,
                );
                let name_galley = if name.rows.len() > 1 {
                    // Too long for the column: cut it, the hover has it whole.
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        bar.name.clone(),
                        font.clone(),
                        text_color,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(name_width - 10.0);
                    ui.fonts_mut(|f| f.layout_job(job))
                } else {
                    name
                };
                let name_rect = Rect::from_min_size(
                    egui::pos2(area.left(), middle - name_galley.size().y / 2.0),
                    name_galley.size(),
                );
                let response = ui.interact(
                    name_rect,
                    ui.scope_id().with(("bar_name", row)),
                    Sense::hover(),
                );
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &bar.name));
                response.on_hover_text(&bar.name);
                painter.galley(name_rect.min, name_galley, text_color);

                let mut left = 0.0;
                for (category_name, amount, items) in &bar.segments {
                    if hidden.contains(*category_name) {
                        continue;
                    }
                    let index = CATEGORIES
                        .iter()
                        .position(|c| c == category_name)
                        .unwrap_or(CATEGORIES.len() - 1);
                    let rect = Rect::from_x_y_ranges(
                        x_of(left)..=x_of(left + amount).max(x_of(left) + 1.0),
                        (top + 4.0)..=(top + BAR_ROW_HEIGHT - 4.0),
                    );
                    painter.rect_filled(rect, 0.0, category_color(index));
                    let label = format!("{}: {category_name} {}", bar.name, usd(*amount));
                    let response = ui.interact(
                        rect,
                        ui.scope_id().with(("segment", row, index)),
                        Sense::hover(),
                    );
                    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &label));
                    response.on_hover_text(format!("{label}\n{}", items.join("\n")));
                    left += amount;
                }
                let total = usd(bar.total_usd);
                let value_pos = egui::pos2(x_of(left) + 6.0, middle);
                painter.text(
                    value_pos,
                    egui::Align2::LEFT_CENTER,
                    &total,
                    font.clone(),
                    text_color,
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn computed(catalog: &Catalog) -> Computed {
        let mut state = CostsState::default();
        state.forget_unknown_ids(catalog);
        state.computed(catalog)
    }

    #[test]
    fn series_looks_stay_distinct_past_the_palette() {
        let looks: Vec<Look> = (0..COLORS * STYLES.len()).map(look).collect();
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert!(
                    a.color != b.color || a.style != b.style,
                    "{a:?} and {b:?} are drawn alike"
                );
                assert!(a.color != b.color || a.marker != b.marker);
            }
        }
        // The palette's colours are far apart (the old one had two oranges).
        for i in 0..COLORS {
            for j in i + 1..COLORS {
                let (a, b) = (series_color(i), series_color(j));
                let distance = [a.r(), a.g(), a.b()]
                    .iter()
                    .zip([b.r(), b.g(), b.b()])
                    .map(|(x, y)| (f32::from(*x) - f32::from(y)).abs())
                    .sum::<f32>();
                assert!(distance > 100.0, "colours {i} and {j} are too close");
            }
        }
    }

    #[test]
    fn each_break_even_marker_names_its_offer_and_leaves_with_it() {
        let catalog = Catalog::builtin().unwrap();
        let computed = computed(&catalog);
        let all = volume_series(&computed, &BTreeSet::new());
        let lambda = all.iter().find(|s| s.name == "AWS Lambda").unwrap();
        assert!(lambda.breakeven.is_some());
        assert_eq!(
            lambda.marker_name(),
            "AWS Lambda: break-even with always-on"
        );
        let markers: Vec<(Color32, MarkerShape)> = all
            .iter()
            .filter(|s| s.breakeven.is_some())
            .map(|s| (s.look.color, s.look.marker))
            .collect();
        assert!(markers.len() > 3);
        for (i, m) in markers.iter().enumerate() {
            assert!(!markers[i + 1..].contains(m), "two markers look alike");
        }

        let hidden = BTreeSet::from(["aws-lambda".to_owned()]);
        let shown = volume_series(&computed, &hidden);
        assert_eq!(shown.len(), all.len() - 1);
        assert!(shown.iter().all(|s| s.name != "AWS Lambda"));
        // The others keep their looks when one is hidden.
        for s in &shown {
            let before = all.iter().find(|a| a.name == s.name).unwrap();
            assert_eq!(before.look, s.look);
        }
    }

    #[test]
    fn a_line_lying_on_another_is_dashed_over_a_wider_one() {
        let catalog = Catalog::builtin().unwrap();
        let computed = computed(&catalog);
        let azure = computed
            .curves
            .iter()
            .find(|c| c.id == "azure-functions")
            .unwrap();
        assert_eq!(
            azure.same_as.as_ref().map(|t| t.name.as_str()),
            Some("AWS Lambda")
        );
        let series = volume_series(&computed, &BTreeSet::new());
        let lambda = series.iter().find(|s| s.name == "AWS Lambda").unwrap();
        let azure = series.iter().find(|s| s.name == azure.name).unwrap();
        assert!(lambda.width > azure.width);
        assert_ne!(azure.look.style, LineStyle::Solid);
    }

    #[test]
    fn compute_units_are_compute_and_bars_carry_names() {
        let catalog = Catalog::builtin().unwrap();
        let state = {
            let mut s = CostsState::default();
            s.forget_unknown_ids(&catalog);
            s
        };
        let quotes = state.quotes(&catalog);
        let alibaba = quotes
            .iter()
            .find(|q| q.sheet.id == "alibaba-function-compute")
            .unwrap();
        let units = alibaba
            .line_items
            .iter()
            .find(|i| i.meter.id == "compute-units")
            .unwrap();
        assert_eq!(category(units), "Compute");
        let bars = breakdown_bars(&quotes);
        assert_eq!(bars.len(), quotes.iter().filter(|q| q.feasible()).count());
        let bar = bars.iter().find(|b| b.name == alibaba.sheet.name).unwrap();
        assert!(bar.segments.iter().all(|(c, _, _)| *c != "Requests"));
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(35.46, 5.0), 10.0);
        assert_eq!(nice_step(1.6, 5.0), 0.5);
        assert_eq!(nice_step(900.0, 5.0), 200.0);
    }
}
