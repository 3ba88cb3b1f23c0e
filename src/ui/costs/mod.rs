//! The Costs tab: a workload form, the comparison table, charts and export.
//!
//! Quotes are recomputed from the form every frame (a few microseconds for
//! every offer); only the break-even search, which is costlier, is cached
//! against the inputs that produced it.

mod breakdown;
mod charts;
mod export;
mod form;
mod legend;
mod table;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use egui::Ui;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, PriceSheet};
use crate::cost::{self, AlwaysOn, BreakEven, PricingOptions, Quote, Workload};
use crate::export::Format;
use crate::ui::status::StatusMessage;

pub use charts::ChartKind;

/// What the tab derives from its inputs beyond the quotes.
#[derive(Debug, Clone)]
struct Computed {
    key: InputsKey,
    breakevens: Vec<BreakEven>,
    curves: Vec<charts::Curve>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct CostsState {
    pub workload: Workload,
    pub free_tier: bool,
    /// Offers shown, by price-sheet id, in catalog order.
    pub selected: BTreeSet<String>,
    pub always_on: AlwaysOn,
    /// Rows whose line items are shown.
    pub expanded: BTreeSet<String>,
    pub chart: ChartKind,
    /// Offers (by price-sheet id) and the always-on line hidden from the
    /// volume chart by a click on their legend entry.
    pub hidden_series: BTreeSet<String>,
    /// Kinds of charge hidden from the breakdown chart.
    pub hidden_categories: BTreeSet<String>,
    pub export_path: String,
    pub export_format: Format,
    /// Break-evens and chart curves, kept until the inputs change.
    #[serde(skip)]
    computed: Option<(InputsKey, Computed)>,
    /// A PNG export in progress: where it goes and how many frames have
    /// drawn the chart for it so far.
    #[serde(skip)]
    pending_png: Option<(std::path::PathBuf, u8)>,
    /// Set by the screenshot callback of a PNG export when it finishes.
    #[serde(skip)]
    finished_export: Arc<Mutex<Option<StatusMessage>>>,
}

/// Frames a PNG export waits for its screenshot before it gives up.
const PNG_FRAMES_AT_MOST: u8 = 30;

/// The inputs the break-evens and the chart curves depend on.
#[derive(Debug, Clone, PartialEq)]
struct InputsKey {
    workload: Workload,
    always_on: AlwaysOn,
    free_tier: bool,
    sheets: Vec<String>,
}

impl Default for CostsState {
    fn default() -> Self {
        CostsState {
            workload: Workload {
                requests_per_month: 10_000_000.0,
                duration_ms: 120.0,
                memory_mb: 128.0,
                ..Workload::default()
            },
            free_tier: true,
            selected: BTreeSet::new(),
            always_on: AlwaysOn {
                usd_per_hour: 0.05,
                requests_per_second: 50.0,
                min_instances: 1,
            },
            expanded: BTreeSet::new(),
            chart: ChartKind::Volume,
            hidden_series: BTreeSet::new(),
            hidden_categories: BTreeSet::new(),
            export_path: default_export_path(Format::Csv),
            export_format: Format::Csv,
            computed: None,
            pending_png: None,
            finished_export: Arc::default(),
        }
    }
}

fn default_export_path(format: Format) -> String {
    let name = format!("serverless-comparison.{}", format.extension());
    match std::env::var_os("HOME") {
        Some(home) => std::path::Path::new(&home).join(name).display().to_string(),
        None => name,
    }
}

impl CostsState {
    /// After loading saved state or another catalog: keep only known offers,
    /// and start with every active platform offer selected.
    pub fn forget_unknown_ids(&mut self, catalog: &Catalog) {
        self.selected.retain(|id| {
            catalog
                .price_sheet(id)
                .is_some_and(|s| s.platform_id().is_some())
        });
        if self.selected.is_empty() {
            self.selected = catalog
                .active_platform_sheets()
                .iter()
                .map(|s| s.id.clone())
                .collect();
        }
        if self.workload.validate().is_err() {
            self.workload = CostsState::default().workload;
        }
        if self.always_on.validate().is_err() {
            self.always_on = CostsState::default().always_on;
        }
    }

    /// Show an offer picked elsewhere (the explorer's "Price on" button).
    pub fn focus_sheet(&mut self, id: &str) {
        self.selected.insert(id.to_owned());
        self.expanded.insert(id.to_owned());
    }

    pub fn options(&self) -> PricingOptions {
        PricingOptions {
            free_tier: self.free_tier,
            ..PricingOptions::default()
        }
    }

    /// The selected offers, in catalog order.
    pub fn sheets<'a>(&self, catalog: &'a Catalog) -> Vec<&'a PriceSheet> {
        catalog
            .price_sheets
            .iter()
            .filter(|s| self.selected.contains(&s.id))
            .collect()
    }

    /// The comparison the tab shows, cheapest first.
    pub fn quotes<'a>(&self, catalog: &'a Catalog) -> Vec<Quote<'a>> {
        cost::compare(&self.sheets(catalog), &self.workload, self.options())
    }

    /// Break-evens and curves for the current inputs: the sweeps and the
    /// break-even search cost far more than a quote, so they are computed
    /// when the inputs change, not every frame.
    fn computed(&mut self, catalog: &Catalog) -> Computed {
        let key = InputsKey {
            workload: self.workload,
            always_on: self.always_on,
            free_tier: self.free_tier,
            sheets: self.selected.iter().cloned().collect(),
        };
        if let Some((cached, computed)) = self.computed.take()
            && cached == key
        {
            return computed;
        }
        let sheets = self.sheets(catalog);
        let breakevens: Vec<BreakEven> = if self.always_on.validate().is_ok() {
            sheets
                .iter()
                .map(|s| cost::break_even(s, &self.workload, &self.always_on, self.options()))
                .collect()
        } else {
            Vec::new()
        };
        Computed {
            key,
            curves: charts::curves(&sheets, &self.workload, self.options()),
            breakevens,
        }
    }

    /// One frame of a PNG export. The plot sizes its axes from the frame
    /// before, so the chart is drawn once before the screenshot is asked
    /// for; and a window may answer with a later frame than the one that
    /// asked (eframe does), so the chart stays drawn until the answer comes.
    fn png_frame(
        &mut self,
        ctx: &egui::Context,
        catalog: &Catalog,
        computed: &Computed,
        path: std::path::PathBuf,
        frames: u8,
    ) {
        let answered = self
            .finished_export
            .lock()
            .map_or(true, |slot| slot.is_some());
        if frames >= 2 && answered {
            return;
        }
        if frames >= PNG_FRAMES_AT_MOST {
            if let Ok(mut slot) = self.finished_export.lock() {
                *slot = Some(StatusMessage {
                    text: "Chart export failed: the window sent no picture of the chart.".into(),
                    is_error: true,
                });
            }
            return;
        }
        let quotes = self.quotes(catalog);
        export::render_png(self, ctx, &quotes, computed, &path, frames == 1);
        self.pending_png = Some((path, frames + 1));
        ctx.request_repaint();
    }

    /// A finished PNG export's message, once.
    pub fn take_finished_export(&mut self) -> Option<StatusMessage> {
        self.finished_export
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
    }

    /// Draw the tab; returns a status message when an export ran.
    pub fn ui(&mut self, ui: &mut Ui, catalog: &Catalog) -> Option<StatusMessage> {
        let mut message = None;
        egui::Panel::left("costs_form")
            .resizable(true)
            .default_size(330.0)
            .min_size(290.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("costs_form_scroll")
                    .show(ui, |ui| {
                        form::ui(self, ui, catalog);
                        ui.separator();
                        if let Some(m) = export::ui(self, ui, catalog) {
                            message = Some(m);
                        }
                    });
            });
        // Taken out for the frame (the views borrow `self` mutably), put back after.
        let computed = self.computed(catalog);
        egui::CentralPanel::default().show(ui, |ui| {
            let quotes = self.quotes(catalog);
            let table_height = (ui.available_height() * 0.45).max(180.0);
            egui::Panel::top("comparison_table")
                .resizable(true)
                .default_size(table_height)
                .show(ui, |ui| table::ui(self, ui, &quotes, &computed.breakevens));
            egui::CentralPanel::default().show(ui, |ui| {
                charts::ui(self, ui, &quotes, &computed);
            });
        });
        if let Some((path, frames)) = self.pending_png.take() {
            self.png_frame(ui.ctx(), catalog, &computed, path, frames);
        }
        self.computed = Some((computed.key.clone(), computed));
        message
    }

    /// Menu and shortcut exports: pick a file with the native dialog.
    pub fn export_command(
        &mut self,
        ctx: &egui::Context,
        catalog: &Catalog,
        command: crate::ui::command::Command,
    ) -> Option<StatusMessage> {
        export::command(self, ctx, catalog, command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curves_and_break_evens_follow_the_inputs() {
        let catalog = Catalog::builtin().unwrap();
        let mut state = CostsState::default();
        state.forget_unknown_ids(&catalog);
        let first = state.computed(&catalog);
        state.computed = Some((first.key.clone(), first.clone()));
        let again = state.computed(&catalog);
        assert_eq!(again.curves[0].points, first.curves[0].points);

        state.computed = Some((again.key.clone(), again));
        state.workload.memory_mb = 1024.0;
        let bigger = state.computed(&catalog);
        let lambda = |c: &Computed| {
            c.curves
                .iter()
                .find(|curve| curve.name == "AWS Lambda")
                .map(|curve| curve.points.last().copied())
        };
        assert_ne!(lambda(&bigger), lambda(&first), "the curve was recomputed");
        assert_ne!(
            bigger
                .breakevens
                .iter()
                .find(|b| b.platform == "aws-lambda"),
            first.breakevens.iter().find(|b| b.platform == "aws-lambda")
        );
    }
}
