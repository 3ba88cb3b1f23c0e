//! The Costs tab: a workload form, the comparison table, charts and export.
//!
//! Quotes are recomputed from the form every frame (a few microseconds for
//! every offer); only the break-even search, which is costlier, is cached
//! against the inputs that produced it.

mod charts;
mod export;
mod form;
mod table;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use egui::Ui;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, PriceSheet};
use crate::cost::{self, AlwaysOn, BreakEven, PricingOptions, Quote, Workload};
use crate::export::Format;
use crate::ui::app::StatusMessage;

pub use charts::ChartKind;

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
    pub export_path: String,
    pub export_format: Format,
    #[serde(skip)]
    breakeven_cache: Option<(BreakevenKey, Vec<BreakEven>)>,
    #[serde(skip)]
    chart_rect: Option<egui::Rect>,
    /// Set by the screenshot callback of a PNG export when it finishes.
    #[serde(skip)]
    finished_export: Arc<Mutex<Option<StatusMessage>>>,
}

/// The inputs a break-even result depends on.
#[derive(Debug, Clone, PartialEq)]
struct BreakevenKey {
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
            export_path: default_export_path(Format::Csv),
            export_format: Format::Csv,
            breakeven_cache: None,
            chart_rect: None,
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

    fn breakevens(&mut self, catalog: &Catalog) -> Vec<BreakEven> {
        let key = BreakevenKey {
            workload: self.workload,
            always_on: self.always_on,
            free_tier: self.free_tier,
            sheets: self.selected.iter().cloned().collect(),
        };
        if let Some((cached, results)) = &self.breakeven_cache
            && *cached == key
        {
            return results.clone();
        }
        let results: Vec<BreakEven> = if self.always_on.validate().is_ok() {
            self.sheets(catalog)
                .iter()
                .map(|s| cost::break_even(s, &self.workload, &self.always_on, self.options()))
                .collect()
        } else {
            Vec::new()
        };
        self.breakeven_cache = Some((key, results.clone()));
        results
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
        let breakevens = self.breakevens(catalog);
        egui::CentralPanel::default().show(ui, |ui| {
            let quotes = self.quotes(catalog);
            let table_height = (ui.available_height() * 0.45).max(180.0);
            egui::Panel::top("comparison_table")
                .resizable(true)
                .default_size(table_height)
                .show(ui, |ui| table::ui(self, ui, &quotes, &breakevens));
            egui::CentralPanel::default().show(ui, |ui| {
                self.chart_rect = Some(charts::ui(self, ui, catalog, &quotes, &breakevens));
            });
        });
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
