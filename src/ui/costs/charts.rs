//! Charts: monthly cost against monthly requests on log axes, with the
//! always-on line and break-even markers; and a stacked bar per offer.

use egui::{Color32, Ui};
use egui_plot::{
    Bar, BarChart, Corner, Legend, Line, MarkerShape, Plot, PlotPoints, Points, VLine,
};
use serde::{Deserialize, Serialize};

use super::{Computed, CostsState};
use crate::catalog::PriceSheet;
use crate::catalog::price_sheet::Term;
use crate::cost::engine::compact;
use crate::cost::{self, LineItem, PricingOptions, Quote, Workload};
use crate::export::usd;
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

/// One offer's monthly cost across volumes, as plotted (log10 of both).
#[derive(Debug, Clone)]
pub struct Curve {
    pub name: String,
    pub points: Vec<[f64; 2]>,
}

/// The cost-vs-volume curve of every offer that can run the workload.
pub fn curves(sheets: &[&PriceSheet], workload: &Workload, options: PricingOptions) -> Vec<Curve> {
    let volumes = cost::log_volumes(VOLUME_FROM, VOLUME_TO, SWEEP_POINTS);
    sheets
        .iter()
        .map(|sheet| {
            let totals = cost::sweep(sheet, workload, &volumes, options);
            Curve {
                name: sheet.name.clone(),
                points: volumes
                    .iter()
                    .zip(&totals)
                    .filter_map(|(v, t)| t.map(|t| [v.log10(), log(t)]))
                    .collect(),
            }
        })
        .collect()
}

/// Draw the chart the user picked; returns its rectangle (for PNG export).
pub(super) fn ui(
    state: &mut CostsState,
    ui: &mut Ui,
    quotes: &[Quote<'_>],
    computed: &Computed,
) -> egui::Rect {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.chart, ChartKind::Volume, "Cost vs volume");
        ui.selectable_value(&mut state.chart, ChartKind::Breakdown, "Cost breakdown");
        let hint = match state.chart {
            ChartKind::Volume => "USD per month against requests per month, both on log scales; costs under $0.01 sit on the floor. Click a legend entry to hide or show a series.",
            ChartKind::Breakdown => "USD per month at your volume, stacked by kind of charge. Click a legend entry to hide or show a series.",
        };
        ui.add(egui::Label::new(egui::RichText::new(hint).weak().small()).wrap());
    });
    // The whole area the plot takes, axes and legend included, for PNG export.
    let area = ui.available_rect_before_wrap();
    match state.chart {
        ChartKind::Volume => volume_ui(state, ui, computed),
        ChartKind::Breakdown => breakdown_ui(ui, quotes),
    };
    area
}

fn volume_ui(state: &CostsState, ui: &mut Ui, computed: &Computed) -> egui::Response {
    let volumes = cost::log_volumes(VOLUME_FROM, VOLUME_TO, SWEEP_POINTS);
    let breakevens = &computed.breakevens;
    let always_on = state.always_on;
    let current = state.workload.requests_per_month;
    Plot::new("cost_vs_volume")
        .legend(
            Legend::default()
                .position(Corner::LeftTop)
                .text_style(egui::TextStyle::Small),
        )
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
                format!("{name}\n{text}")
            })
        })
        .allow_scroll(false)
        .show(ui, |plot| {
            // Colours follow the offer's place among those selected, feasible or not.
            for (index, curve) in computed.curves.iter().enumerate() {
                if curve.points.is_empty() {
                    continue;
                }
                plot.line(
                    Line::new(curve.name.as_str(), PlotPoints::from(curve.points.clone()))
                        .color(series_color(index))
                        .width(2.0),
                );
            }
            if always_on.validate().is_ok() {
                let points: Vec<[f64; 2]> = volumes
                    .iter()
                    .map(|&v| [v.log10(), log(always_on.monthly_usd(v))])
                    .collect();
                plot.line(
                    Line::new("Always-on", PlotPoints::from(points))
                        .color(Color32::GRAY)
                        .width(2.5)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
                let markers: Vec<[f64; 2]> = breakevens
                    .iter()
                    .filter_map(|b| {
                        Some((b.breakeven_requests_per_month?, b.always_on_usd_per_month?))
                    })
                    .filter(|(requests, _)| *requests > 0.0)
                    .map(|(requests, usd)| [requests.log10(), log(usd)])
                    .collect();
                if !markers.is_empty() {
                    plot.points(
                        Points::new("Break-even", PlotPoints::from(markers))
                            .shape(MarkerShape::Diamond)
                            .radius(6.0)
                            .color(Color32::from_rgb(215, 70, 60)),
                    );
                }
            }
            if current > 0.0 {
                plot.vline(VLine::new("Your volume", current.log10()).color(Color32::LIGHT_BLUE));
            }
        })
        .response
}

/// Which stack a line item belongs to in the breakdown chart.
fn category(item: &LineItem<'_>) -> &'static str {
    match item.meter.quantity.first() {
        Some(Term::Requests(_)) => "Requests",
        Some(
            Term::GbSeconds(_) | Term::CpuSeconds(_) | Term::CpuMs(_) | Term::InstanceGbSeconds(_),
        ) => "Compute",
        Some(Term::ProvisionedGbSeconds(_) | Term::ProvisionedDurationGbSeconds(_)) => {
            "Provisioned capacity"
        }
        Some(Term::EgressGb(_) | Term::EphemeralGbSeconds(_)) => "Data and storage",
        Some(Term::Months(_)) => "Subscription",
        // Service terms: the Costs tab prices functions, but a sheet's
        // meters are open to every term.
        Some(Term::Writes(_) | Term::Reads(_) | Term::Deliveries(_) | Term::Steps(_)) => "Requests",
        Some(Term::StorageGbMonths(_) | Term::DataGb(_) | Term::DeliveredDataGb(_)) => {
            "Data and storage"
        }
        Some(
            Term::ConnectionMinutes(_)
            | Term::Instances(_)
            | Term::InstanceHours(_)
            | Term::InstanceGbHours(_)
            | Term::InstanceCpuHours(_),
        ) => "Compute",
        None => "Other",
    }
}

const CATEGORIES: [&str; 6] = [
    "Requests",
    "Compute",
    "Provisioned capacity",
    "Data and storage",
    "Subscription",
    "Other",
];

fn breakdown_ui(ui: &mut Ui, quotes: &[Quote<'_>]) -> egui::Response {
    let priced: Vec<&Quote<'_>> = quotes.iter().filter(|q| q.feasible()).collect();
    let names: Vec<String> = priced.iter().map(|q| q.sheet.id.clone()).collect();
    let mut offsets = vec![0.0; priced.len()];
    let mut charts = Vec::new();
    for (c, category_name) in CATEGORIES.iter().enumerate() {
        let mut bars = Vec::new();
        for (x, quote) in priced.iter().enumerate() {
            let amount: f64 = quote
                .line_items
                .iter()
                .filter(|i| category(i) == *category_name)
                .map(|i| i.usd)
                .sum();
            if amount > 0.0 {
                bars.push(
                    Bar::new(x as f64, amount)
                        .base_offset(offsets[x])
                        .width(0.6)
                        .name(format!(
                            "{}: {} {}",
                            quote.sheet.name,
                            category_name,
                            usd(amount)
                        )),
                );
                offsets[x] += amount;
            }
        }
        if !bars.is_empty() {
            charts.push(BarChart::new(*category_name, bars).color(series_color(c)));
        }
    }
    Plot::new("cost_breakdown")
        .legend(Legend::default().position(Corner::RightTop))
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() < 1e-6 && index >= 0.0 {
                names.get(index as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| short_usd(mark.value))
        .allow_scroll(false)
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        })
        .response
}
