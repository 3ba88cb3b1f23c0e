//! Writers for a managed service's quote (`price --service`): the same
//! shapes as function quotes, with the service's own inputs as assumptions.

use super::{ExportError, Format, quote_json, quotes_csv, quotes_markdown_with, quotes_table};
use crate::cost::engine::{grouped, number};
use crate::cost::service::{ServiceInput, ServiceUsage, inputs_used};
use crate::cost::{PricingOptions, Quote};

/// The inputs the sheet read, as sentences.
pub fn service_assumptions(
    quote: &Quote<'_>,
    usage: &ServiceUsage,
    options: PricingOptions,
) -> Vec<String> {
    let value = |input: ServiceInput| match input {
        ServiceInput::Requests => grouped(usage.requests),
        ServiceInput::PayloadKb => number(usage.payload_kb),
        ServiceInput::StorageGb => number(usage.storage_gb),
        ServiceInput::Writes => grouped(usage.writes),
        ServiceInput::Reads => grouped(usage.reads),
        ServiceInput::EgressGb => number(usage.egress_gb),
        ServiceInput::DurationMs => number(usage.duration_ms),
        ServiceInput::MemoryMb => number(usage.memory_mb),
        ServiceInput::Deliveries => number(usage.deliveries),
        ServiceInput::Steps => number(usage.steps),
        ServiceInput::ConnectionMinutes => grouped(usage.connection_minutes),
        ServiceInput::Instances => number(usage.instances),
    };
    let mut lines: Vec<String> = inputs_used(quote.sheet)
        .into_iter()
        .map(|input| format!("{}: {}", input.label(), value(input)))
        .collect();
    lines.push(super::free_tier_assumption(options));
    lines.push("a month is 730 hours; each line item is rounded to the cent".to_owned());
    lines
}

/// Render one service quote in a format.
pub fn render_service_quote(
    format: Format,
    quote: &Quote<'_>,
    usage: &ServiceUsage,
    options: PricingOptions,
) -> Result<String, ExportError> {
    let quotes = std::slice::from_ref(quote);
    match format {
        Format::Table => Ok(quotes_table(quotes)),
        Format::Json => quote_json(quote),
        Format::Csv => quotes_csv(quotes),
        Format::Markdown => Ok(quotes_markdown_with(
            quotes,
            &service_assumptions(quote, usage, options),
        )),
    }
}
