//! Charts: monthly cost against monthly requests on log axes, with the
//! always-on line and each offer's break-even with it; and a stacked bar
//! per offer of what its monthly bill is made of.
//!
//! Both charts draw their own legend above the plot (a click hides or shows
//! a series, its line and its marker together), so a legend never covers a
//! line or a bar, and both carry a title, the workload and axis titles so a
//! PNG of the chart stands on its own.

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine};
use serde::{Deserialize, Serialize};

use super::breakdown;
use super::legend::{LegendEntry, Swatch, legend_ui};
use super::{Computed, CostsState};
use crate::catalog::PriceSheet;
use crate::cost::engine::compact;
use crate::cost::{self, PricingOptions, Quote, Workload};
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
/// The legend key of the line at the workload's volume.
const YOUR_VOLUME_KEY: &str = "your-volume";
const YOUR_VOLUME_COLOR: Color32 = Color32::LIGHT_BLUE;

/// Axis labels short enough for the plot's margin: $0.10, $25, $1.2K, $3M.
pub(super) fn short_usd(value: f64) -> String {
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
            breakdown::ui(
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
    /// The marker's size in points: larger for each marker close before it,
    /// so markers that fall together nest instead of covering each other.
    pub marker_radius: f32,
}

/// Break-evens closer than this (in log10 requests, about 15%) share a spot.
const MARKER_CLOSE: f64 = 0.06;
const MARKER_RADIUS: f32 = 5.0;

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
    let mut series: Vec<VolumeSeries> = computed
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
                marker_radius: MARKER_RADIUS,
            }
        })
        .collect();
    // (x, size step) of the markers placed so far.
    let mut placed: Vec<(f64, u8)> = Vec::new();
    for s in &mut series {
        if let Some([x, _]) = s.breakeven {
            let step = placed
                .iter()
                .filter(|(other, _)| (other - x).abs() < MARKER_CLOSE)
                .map(|(_, step)| step + 1)
                .max()
                .unwrap_or(0);
            s.marker_radius = MARKER_RADIUS + 3.0 * f32::from(step);
            placed.push((x, step));
        }
    }
    series
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
    if current > 0.0 {
        entries.push(LegendEntry {
            key: YOUR_VOLUME_KEY.to_owned(),
            label: format!("Your volume ({})", compact(current)),
            color: YOUR_VOLUME_COLOR,
            swatch: Swatch::Vertical,
            detail: Some("The requests per month in the workload on the left.".to_owned()),
        });
    }
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
    let show_your_volume = !state.hidden_series.contains(YOUR_VOLUME_KEY);
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
                                .radius(s.marker_radius)
                                .filled(false)
                                .color(s.look.color),
                        );
                    }
                }
            }
            if current > 0.0 && show_your_volume {
                plot.vline(VLine::new("Your volume", current.log10()).color(YOUR_VOLUME_COLOR));
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

        // Break-evens that fall close together nest: each a size up.
        let placed: Vec<(f64, f32)> = all
            .iter()
            .filter_map(|s| Some((s.breakeven?[0], s.marker_radius)))
            .collect();
        for (i, (x, radius)) in placed.iter().enumerate() {
            for (other_x, other_radius) in &placed[i + 1..] {
                if (x - other_x).abs() < MARKER_CLOSE {
                    assert_ne!(radius, other_radius, "markers at {x} and {other_x}");
                }
            }
        }
        assert!(
            placed.iter().any(|(_, r)| *r > MARKER_RADIUS),
            "some fall together"
        );

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
}
