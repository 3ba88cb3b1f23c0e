//! The breakdown chart: a stacked bar per offer of what its monthly bill is
//! made of, painted with the offers' names beside the bars and each total
//! at its bar's end.

use std::collections::BTreeSet;

use egui::{Color32, FontId, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};

use super::charts::short_usd;
use super::legend::{LegendEntry, Swatch, legend_ui};
use crate::catalog::price_sheet::Term;
use crate::cost::engine::compact;
use crate::cost::{LineItem, Quote, Workload};
use crate::export::usd;
use crate::ui::widgets::series_color;

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

/// Row heights between which the bars shrink to fit the pane before it scrolls.
const BAR_ROW_HEIGHT: std::ops::RangeInclusive<f32> = 17.0..=24.0;

pub(super) fn ui(
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
            let row_height = ((ui.available_height() - axis_height) / bars.len() as f32)
                .clamp(*BAR_ROW_HEIGHT.start(), *BAR_ROW_HEIGHT.end());
            let height = row_height * bars.len() as f32 + axis_height;
            let (area, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
            let painter = ui.painter_at(area);
            let plot_left = area.left() + name_width;
            let plot_right = (area.right() - value_width).max(plot_left + 40.0);
            let x_of = |usd: f64| plot_left + (usd / axis_max) as f32 * (plot_right - plot_left);
            let bars_bottom = area.top() + row_height * bars.len() as f32;

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
                let top = area.top() + row_height * row as f32;
                let middle = top + row_height / 2.0;
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
                        (top + 3.0)..=(top + row_height - 3.0),
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
    use crate::ui::costs::CostsState;

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
