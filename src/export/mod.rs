//! Writers for cost comparisons: CSV, JSON, Markdown and a terminal table.
//! The CLI and the Costs tab use the same functions, so a file exported from
//! the window matches what a script gets.

pub mod architecture;
pub mod breakeven;
pub mod service;

use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::PriceSheet;
use crate::cost::{PricingOptions, Quote, Workload};
use crate::format;

/// Output formats shared by every subcommand that prints results.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }
}

/// A failure to produce or save an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("could not encode CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not encode JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Write a file atomically (see [`crate::fs::write_atomic`]), as an export error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::fs::write_atomic(path, bytes).map_err(ExportError::from)
}

impl From<crate::fs::WriteError> for ExportError {
    fn from(error: crate::fs::WriteError) -> Self {
        ExportError::Write {
            path: error.path,
            source: error.source,
        }
    }
}

/// The cheapest feasible total, the reference for "difference to cheapest".
pub fn cheapest_total(quotes: &[Quote<'_>]) -> Option<f64> {
    quotes
        .iter()
        .filter_map(|q| q.total_usd)
        .min_by(f64::total_cmp)
}

// Money and quantity formatting lives in `crate::format`; re-exported so
// `export::usd` and friends keep working.
pub use crate::format::{quantity, unit_price, usd};

/// JSON: an array of quote objects.
pub fn quotes_json(quotes: &[Quote<'_>]) -> Result<String, ExportError> {
    Ok(serde_json::to_string_pretty(quotes)? + "\n")
}

/// JSON for a single quote.
pub fn quote_json(quote: &Quote<'_>) -> Result<String, ExportError> {
    Ok(serde_json::to_string_pretty(quote)? + "\n")
}

/// CSV: one row per line item, then a `total` row per platform.
/// Columns: `platform,meter,quantity,unit,unit_price_usd,usd`.
pub fn quotes_csv(quotes: &[Quote<'_>]) -> Result<String, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "platform",
        "meter",
        "quantity",
        "unit",
        "unit_price_usd",
        "usd",
    ])?;
    for quote in quotes {
        let platform = quote.sheet.id.as_str();
        for reason in &quote.reasons {
            writer.write_record([platform, &format!("not feasible: {reason}"), "", "", "", ""])?;
        }
        for item in &quote.line_items {
            writer.write_record([
                platform,
                &item.label(),
                &format::number(item.quantity),
                item.unit(),
                &format::unit_price_plain(item.unit_price_usd),
                &format::usd_plain(item.usd),
            ])?;
        }
        let total = quote.total_usd.map(format::usd_plain).unwrap_or_default();
        writer.write_record([platform, "total", "", "", "", &total])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The inputs behind a comparison, as a sentence list.
pub fn assumptions(workload: &Workload, options: PricingOptions) -> Vec<String> {
    let mut lines = vec![
        format!(
            "{} requests a month, {} ms average duration, {} MB memory, {}",
            format::grouped(workload.requests_per_month),
            format::number(workload.duration_ms),
            format::number(workload.memory_mb),
            workload.arch.label()
        ),
        format!(
            "CPU time {} ms per request; egress {} GB a month; ephemeral storage {} MB; payload {} KB; {} per instance",
            format::number(workload.cpu_ms()),
            format::number(workload.egress_gb),
            format::number(workload.ephemeral_mb),
            format::number(workload.payload_kb),
            format::count_of(
                workload.instance_concurrency,
                "concurrent request",
                "concurrent requests"
            )
        ),
        free_tier_assumption(options),
        "a month is 730 hours; each line item is rounded to the cent".to_owned(),
    ];
    if let Some(p) = workload.provisioned {
        lines.push(format!(
            "provisioned concurrency {} for {} hours a month, serving {} requests of {} ms",
            format::number(p.concurrency),
            format::number(p.hours_per_month),
            format::grouped(p.requests),
            format::number(p.duration_ms)
        ));
    }
    lines
}

/// Which free allowances a price includes, as a sentence.
pub fn free_tier_assumption(options: PricingOptions) -> String {
    match (options.free_tier, options.first_year_free_tier) {
        (true, true) => "free tiers applied, including 12-month ones".to_owned(),
        (true, false) => {
            "free tiers applied, except 12-month ones (only AWS accounts opened before 2025-07-15 had them)"
                .to_owned()
        }
        (false, _) => "free tiers not applied (included plan allowances still are)".to_owned(),
    }
}

fn sheet_sources(sheet: &PriceSheet) -> String {
    sheet
        .sources
        .iter()
        .map(|s| match &s.url {
            Some(url) => format!("[{}]({url})", s.title.replace(['[', ']'], "")),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Markdown: summary, a breakdown per platform, assumptions and sources.
pub fn quotes_markdown(
    quotes: &[Quote<'_>],
    workload: &Workload,
    options: PricingOptions,
) -> String {
    quotes_markdown_with(quotes, &assumptions(workload, options))
}

/// Markdown for quotes of any kind, with the assumptions behind them.
pub fn quotes_markdown_with(quotes: &[Quote<'_>], assumed: &[String]) -> String {
    let mut out = String::new();
    let cheapest = cheapest_total(quotes);
    let _ = writeln!(out, "# Serverless cost comparison\n");
    let _ = writeln!(
        out,
        "| # | Platform | Monthly total | vs cheapest | Notes |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---|");
    for (rank, quote) in quotes.iter().enumerate() {
        let (total, delta) = match (quote.total_usd, cheapest) {
            (Some(t), Some(c)) => (usd(t), format!("+{}", usd(t - c))),
            _ => ("not feasible".to_owned(), "".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            rank + 1,
            markdown_cell(&quote.sheet.name),
            total,
            delta,
            markdown_cell(&quote.messages().join("; "))
        );
    }
    let _ = writeln!(out, "\n## Assumptions\n");
    for line in assumed {
        let _ = writeln!(out, "- {line}");
    }
    for quote in quotes {
        let _ = writeln!(out, "\n## {} (`{}`)\n", quote.sheet.name, quote.sheet.id);
        if quote.feasible() {
            let _ = writeln!(out, "| Meter | Quantity | Unit | Unit price | Amount |");
            let _ = writeln!(out, "|---|---:|---|---:|---:|");
            for item in &quote.line_items {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    markdown_cell(&item.label()),
                    quantity(item.quantity),
                    markdown_cell(item.unit()),
                    unit_price(item.unit_price_usd),
                    usd(item.usd)
                );
            }
            let _ = writeln!(
                out,
                "| **Total** | | | | **{}** |",
                usd(quote.total_usd.unwrap_or(0.0))
            );
        } else {
            for reason in &quote.reasons {
                let _ = writeln!(out, "Not feasible: {reason}.");
            }
        }
        let _ = writeln!(
            out,
            "\nPrices as of {} ({}, {}). Sources: {}.",
            quote.sheet.as_of,
            quote.sheet.region,
            quote.sheet.currency,
            sheet_sources(quote.sheet)
        );
        for note in &quote.sheet.notes {
            let _ = writeln!(out, "- {note}");
        }
    }
    out
}

/// A plain-text table for the terminal.
pub fn quotes_table(quotes: &[Quote<'_>]) -> String {
    let cheapest = cheapest_total(quotes);
    let mut rows: Vec<[String; 4]> = vec![[
        "PLATFORM".into(),
        "TOTAL/MONTH".into(),
        "VS CHEAPEST".into(),
        "NOTES".into(),
    ]];
    for quote in quotes {
        let (total, delta) = match (quote.total_usd, cheapest) {
            (Some(t), Some(c)) => (usd(t), format!("+{}", usd(t - c))),
            _ => ("-".into(), "not feasible".into()),
        };
        rows.push([
            quote.sheet.id.clone(),
            total,
            delta,
            quote.messages().join("; "),
        ]);
    }
    let mut out = align(&rows);
    if let [only] = quotes {
        out.push('\n');
        let mut items: Vec<[String; 4]> = vec![[
            "METER".into(),
            "QUANTITY".into(),
            "UNIT PRICE".into(),
            "AMOUNT".into(),
        ]];
        for item in &only.line_items {
            items.push([
                item.label(),
                format::quantity_with_unit(item.quantity, item.unit()),
                unit_price(item.unit_price_usd),
                usd(item.usd),
            ]);
        }
        out.push_str(&align(&items));
    }
    out
}

/// Left-align columns with two spaces between them.
pub fn align<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell:<width$}  ", width = widths[i]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Render quotes in a format.
pub fn render_quotes(
    format: Format,
    quotes: &[Quote<'_>],
    workload: &Workload,
    options: PricingOptions,
) -> Result<String, ExportError> {
    match format {
        Format::Table => Ok(quotes_table(quotes)),
        Format::Json => quotes_json(quotes),
        Format::Csv => quotes_csv(quotes),
        Format::Markdown => Ok(quotes_markdown(quotes, workload, options)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_are_grouped_and_rounded() {
        assert_eq!(usd(49763.1), "$49,763.10");
        assert_eq!(usd(0.005), "$0.01");
        assert_eq!(usd(2.0), "$2.00");
        assert_eq!(usd(0.999), "$1.00");
    }
}
