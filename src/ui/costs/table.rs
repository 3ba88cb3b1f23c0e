//! The comparison table: one row per offer, cheapest first; a row expands
//! into its line items.

use egui::{RichText, Ui};

use super::CostsState;
use crate::cost::engine::grouped;
use crate::cost::{BreakEven, LineItem, Quote};
use crate::export::{cheapest_total, quantity, unit_price, usd};

pub fn ui(state: &mut CostsState, ui: &mut Ui, quotes: &[Quote<'_>], breakevens: &[BreakEven]) {
    if quotes.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label("Pick at least one provider on the left.");
        });
        return;
    }
    let cheapest = cheapest_total(quotes);
    let widths = column_widths(ui.available_width());
    egui::ScrollArea::vertical()
        .id_salt("comparison_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for ((header, _), width) in HEADERS.iter().zip(widths) {
                    cell(ui, width, RichText::new(*header).strong());
                }
                ui.label(RichText::new("Notes").strong());
            });
            ui.separator();
            for (index, quote) in quotes.iter().enumerate() {
                row_ui(state, ui, &widths, index, quote, cheapest, breakevens);
            }
            ui.add_space(6.0);
            let as_of: Vec<String> = quotes
                .iter()
                .map(|q| format!("{} {}", q.sheet.id, q.sheet.as_of))
                .collect();
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "Line items rounded to the cent; a month is 730 hours. Prices as of: {}.",
                        as_of.join(", ")
                    ))
                    .weak()
                    .small(),
                )
                .wrap(),
            );
        });
}

/// Column headers and widths; the notes column takes the rest.
const HEADERS: [(&str, f32); 4] = [
    ("Platform", 300.0),
    ("Monthly total", 100.0),
    ("vs cheapest", 90.0),
    ("Break-even vs always-on", 160.0),
];

/// A line item's quantity in the unit people count in: "9,000,000
/// requests", not "9 1M requests" (the price says per how many).
pub fn quantity_text(item: &LineItem<'_>) -> String {
    let unit = item.unit();
    let base_unit = unit
        .split_once(' ')
        .filter(|(count, _)| count.starts_with('1') && item.meter.unit_size > 1.0)
        .map(|(_, rest)| rest);
    match base_unit {
        Some(base) => format!("{} {base}", quantity(item.quantity * item.meter.unit_size)),
        None => format!("{} {unit}", quantity(item.quantity)),
    }
}

/// The column widths for the table's width: the platform column gives up
/// space first (names are cut with "…" and whole on hover), so the numbers
/// stay in view in a narrow window.
fn column_widths(available: f32) -> [f32; 4] {
    let numbers: f32 = HEADERS[1..].iter().map(|(_, w)| w).sum();
    let spacing = 4.0 * 8.0;
    // Leave the notes a start, so their "…" shows there is more on hover.
    let notes = 120.0;
    let platform = (available - numbers - spacing - notes).clamp(160.0, HEADERS[0].1);
    [platform, HEADERS[1].1, HEADERS[2].1, HEADERS[3].1]
}

/// A cell of a fixed width, left-aligned, cut with "…" when too long.
fn cell(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 20.0),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

fn row_ui(
    state: &mut CostsState,
    ui: &mut Ui,
    widths: &[f32; 4],
    index: usize,
    quote: &Quote<'_>,
    cheapest: Option<f64>,
    breakevens: &[BreakEven],
) {
    let id = &quote.sheet.id;
    let expanded = state.expanded.contains(id);
    let row = ui.horizontal(|ui| {
        let arrow = if expanded { "⏷" } else { "⏵" };
        ui.allocate_ui_with_layout(
            egui::vec2(widths[0], 20.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_width(widths[0]);
                let toggle = ui
                    .add(
                        egui::Button::new(format!("{arrow} {}", quote.sheet.name))
                            .frame(false)
                            .truncate(),
                    )
                    .on_hover_text(if expanded {
                        "Hide line items"
                    } else {
                        "Show line items"
                    });
                if toggle.clicked() {
                    if expanded {
                        state.expanded.remove(id);
                    } else {
                        state.expanded.insert(id.clone());
                    }
                }
            },
        );
        match quote.total_usd {
            Some(total) => {
                let name = &quote.sheet.name;
                cell(ui, widths[1], RichText::new(usd(total)).strong()).widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        format!("{name} monthly total {}", usd(total)),
                    )
                });
                let delta = cheapest.map(|c| total - c).unwrap_or(0.0);
                if delta.abs() < 0.005 {
                    cell(
                        ui,
                        widths[2],
                        RichText::new("cheapest").color(egui::Color32::from_rgb(46, 160, 67)),
                    );
                } else {
                    cell(ui, widths[2], format!("+{}", usd(delta)));
                }
            }
            None => {
                cell(
                    ui,
                    widths[1],
                    RichText::new("not feasible").color(ui.visuals().error_fg_color),
                );
                cell(ui, widths[2], "");
            }
        }
        let breakeven = match breakevens.iter().find(|b| b.platform == *id) {
            Some(b) => match (b.feasible, b.breakeven_requests_per_month) {
                (true, Some(0.0)) => "never cheaper".to_owned(),
                (true, Some(requests)) => format!("{} req/month", grouped(requests.round())),
                (true, None) => "cheaper at every volume".to_owned(),
                (false, _) => "—".to_owned(),
            },
            None => "—".to_owned(),
        };
        cell(ui, widths[3], breakeven);
        let messages = quote.messages();
        if !messages.is_empty() {
            let text = RichText::new(messages.join("; ")).small();
            let text = if quote.feasible() {
                text
            } else {
                text.color(ui.visuals().error_fg_color)
            };
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(messages.join("\n"));
        }
    });
    if index % 2 == 1 {
        ui.painter().rect_filled(
            row.response.rect,
            0.0,
            ui.visuals().faint_bg_color.gamma_multiply(0.6),
        );
    }

    if expanded {
        ui.indent(("line_items", id), |ui| {
            egui::Grid::new(("line_item_grid", id))
                .num_columns(4)
                .spacing([14.0, 2.0])
                .show(ui, |ui| {
                    for item in &quote.line_items {
                        ui.label(RichText::new(item.label()).small());
                        ui.label(RichText::new(quantity_text(item)).small());
                        ui.label(
                            RichText::new(format!(
                                "at {} per {}",
                                unit_price(item.unit_price_usd),
                                item.unit()
                            ))
                            .small()
                            .weak(),
                        );
                        ui.label(RichText::new(usd(item.usd)).small());
                        ui.end_row();
                    }
                });
            if quote.line_items.is_empty() && quote.feasible() {
                ui.label(
                    RichText::new("Nothing to pay: everything is within the allowances.").small(),
                );
            }
            for note in &quote.sheet.notes {
                ui.add(egui::Label::new(RichText::new(format!("• {note}")).small().weak()).wrap());
            }
        });
        ui.add_space(4.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::cost::{self, PricingOptions, Workload};

    #[test]
    fn quantities_read_in_whole_units() {
        let catalog = Catalog::builtin().unwrap();
        let lambda = catalog.price_sheet("aws-lambda").unwrap();
        let workload = Workload {
            requests_per_month: 10_000_000.0,
            ..Workload::default()
        };
        let options = PricingOptions {
            free_tier: false,
            ..PricingOptions::default()
        };
        let quote = cost::quote(lambda, &workload, options);
        let texts: Vec<String> = quote.line_items.iter().map(quantity_text).collect();
        assert!(
            texts.contains(&"10,000,000 requests".to_owned()),
            "{texts:?}"
        );
        assert!(texts.iter().all(|t| !t.contains(" 1M ")), "{texts:?}");
        // Units counted one by one keep their quantity.
        assert!(texts.iter().any(|t| t.ends_with(" GB-s")), "{texts:?}");
    }
}
