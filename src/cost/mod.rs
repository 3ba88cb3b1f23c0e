//! The pay-per-use simulator: price sheets evaluated on workloads.
//!
//! `engine` meters and prices one sheet; this module wraps it into quotes
//! (one offer, one workload), comparisons across offers, volume sweeps and
//! the break-even against an always-on server.

pub mod breakeven;
pub mod engine;
pub mod service;
pub mod workload;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

pub use breakeven::{AlwaysOn, BreakEven, break_even};
pub use engine::{
    Infeasible, LineItem, Note, PricingOptions, Usage, measure, price, round_cents, total_usd,
};
pub use service::{ServiceInput, ServiceUsage, inputs_used, measure_service, quote_service};
pub use workload::{HOURS_PER_MONTH, Provisioned, SECONDS_PER_MONTH, Workload, WorkloadError};

use crate::catalog::{Catalog, PriceSheet};

/// One offer's price for one workload (or for the summed usage of many).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote<'a> {
    pub sheet: &'a PriceSheet,
    /// Empty when feasible.
    pub reasons: Vec<Infeasible>,
    pub line_items: Vec<LineItem<'a>>,
    pub notes: Vec<Note>,
    /// Sum of the rounded line items; `None` when not feasible.
    pub total_usd: Option<f64>,
}

impl<'a> Quote<'a> {
    pub fn feasible(&self) -> bool {
        self.reasons.is_empty()
    }

    /// Price a summed usage (already known to be feasible).
    pub fn from_usage(sheet: &'a PriceSheet, usage: &Usage, options: PricingOptions) -> Self {
        let line_items = price(sheet, usage, options);
        let total = engine::sum_usd(&line_items);
        Quote {
            sheet,
            reasons: Vec::new(),
            line_items,
            notes: usage.notes.clone(),
            total_usd: Some(total),
        }
    }

    pub fn infeasible(sheet: &'a PriceSheet, reasons: Vec<Infeasible>) -> Self {
        Quote {
            sheet,
            reasons,
            line_items: Vec::new(),
            notes: Vec::new(),
            total_usd: None,
        }
    }

    /// Everything a reader should know: why it is not feasible, then billing notes.
    pub fn messages(&self) -> Vec<String> {
        self.reasons
            .iter()
            .map(|r| format!("not feasible: {r}"))
            .chain(self.notes.iter().map(ToString::to_string))
            .collect()
    }
}

/// Price one workload on one offer.
pub fn quote<'a>(sheet: &'a PriceSheet, workload: &Workload, options: PricingOptions) -> Quote<'a> {
    match measure(sheet, workload) {
        Ok(mut usage) => {
            // The usage is ours: take its notes rather than copying them.
            let notes = std::mem::take(&mut usage.notes);
            Quote {
                notes,
                ..Quote::from_usage(sheet, &usage, options)
            }
        }
        Err(reasons) => Quote::infeasible(sheet, reasons),
    }
}

/// Price one workload on several offers, cheapest first; infeasible ones last.
pub fn compare<'a>(
    sheets: &[&'a PriceSheet],
    workload: &Workload,
    options: PricingOptions,
) -> Vec<Quote<'a>> {
    let mut quotes: Vec<Quote<'a>> = sheets.iter().map(|s| quote(s, workload, options)).collect();
    sort_quotes(&mut quotes);
    quotes
}

/// Cheapest first, ties by name; infeasible offers after all priced ones.
pub fn sort_quotes(quotes: &mut [Quote<'_>]) {
    quotes.sort_by(|a, b| match (a.total_usd, b.total_usd) {
        (Some(x), Some(y)) => x
            .total_cmp(&y)
            .then_with(|| a.sheet.name.cmp(&b.sheet.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.sheet.name.cmp(&b.sheet.name),
    });
}

/// Monthly totals of one workload at many volumes (`None` where infeasible).
pub fn sweep(
    sheet: &PriceSheet,
    workload: &Workload,
    volumes: &[f64],
    options: PricingOptions,
) -> Vec<Option<f64>> {
    if !engine::feasibility(sheet, workload).is_empty() {
        return vec![None; volumes.len()];
    }
    let mut usage = Usage::default();
    volumes
        .iter()
        .map(|&requests| {
            let mut at_volume = workload.with_requests(requests);
            if let Some(p) = &mut at_volume.provisioned {
                p.requests = p.requests.min(requests);
            }
            engine::measure_into(sheet, &at_volume, &mut usage);
            Some(total_usd(sheet, &usage, options))
        })
        .collect()
}

/// `count` volumes spread evenly on a log scale from `from` to `to`.
pub fn log_volumes(from: f64, to: f64, count: usize) -> Vec<f64> {
    if count < 2 || from <= 0.0 || to <= from {
        return vec![from.max(0.0); count.min(1)];
    }
    let (lo, hi) = (from.log10(), to.log10());
    (0..count)
        .map(|i| 10f64.powf(lo + (hi - lo) * i as f64 / (count - 1) as f64))
        .collect()
}

/// Price sheets named by id, or every active platform sheet when `ids` is empty.
/// Unknown ids come back in `Err` with the list of valid ones.
pub fn select_sheets<'a>(
    catalog: &'a Catalog,
    ids: &[String],
) -> Result<Vec<&'a PriceSheet>, String> {
    if ids.is_empty() {
        return Ok(catalog.active_platform_sheets());
    }
    let mut sheets = Vec::new();
    for id in ids {
        match catalog
            .resolve_platform_id(id)
            .and_then(|id| catalog.price_sheet(id))
        {
            Some(sheet) => sheets.push(sheet),
            None => {
                return Err(format!(
                    "unknown platform `{}`; valid ids: {}",
                    crate::catalog::source::shown_id(id),
                    catalog.platform_sheet_ids().join(", ")
                ));
            }
        }
    }
    Ok(sheets)
}

impl Serialize for LineItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("LineItem", 5)?;
        s.serialize_field("meter", &self.label())?;
        s.serialize_field("quantity", &self.quantity)?;
        s.serialize_field("unit", self.unit())?;
        s.serialize_field("unit_price_usd", &self.unit_price_usd)?;
        s.serialize_field("usd", &self.usd)?;
        s.end()
    }
}

impl Serialize for Quote<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Quote", 8)?;
        s.serialize_field("platform", &self.sheet.id)?;
        s.serialize_field("name", &self.sheet.name)?;
        s.serialize_field("total_usd", &self.total_usd)?;
        s.serialize_field("line_items", &self.line_items)?;
        s.serialize_field("feasible", &self.feasible())?;
        s.serialize_field(
            "reasons",
            &self
                .reasons
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
        )?;
        s.serialize_field("notes", &self.messages())?;
        s.serialize_field("as_of", &self.sheet.as_of.to_string())?;
        s.end()
    }
}
