//! Writers for an architecture priced on several providers: a terminal
//! table, JSON, CSV and Markdown. `serverless-atlas cost` and the canvas's
//! portability panel use the same functions.

use std::fmt::Write as _;

use serde::Serialize;

use super::{ExportError, Format, align, quantity, unit_price, usd};
use crate::architecture::{
    Architecture, ArchitecturePrice, ComponentCost, CostStatus, Gap, ProviderPort, SheetBill,
    Unpriced,
};
use crate::cost::PricingOptions;
use crate::cost::engine::number;

/// A total as printed: `$12.47` when every component is priced and can
/// run; otherwise the priced part as a lower bound and how much is missing,
/// `≥ $3.00 · 2 of 5 not priced`; `unknown · 5 of 5 not priced` when
/// nothing is. Never a bare number for a partial total.
pub fn price_total_label(price: &ArchitecturePrice) -> String {
    if price.complete {
        return usd(price.total_usd.unwrap_or(0.0));
    }
    let missing = format!(
        "{} of {} not priced",
        price.unpriced_count(),
        price.components.len()
    );
    match price.total_usd {
        Some(total) => format!("≥ {} · {missing}", usd(total)),
        None => format!("unknown · {missing}"),
    }
}

/// A provider's total as printed (see [`price_total_label`]); when every
/// component is priced but a trigger cannot be wired there, it says so.
pub fn total_label(port: &ProviderPort) -> String {
    let unwired = port.gaps.iter().filter(|g| g.edge.is_some()).count();
    if port.price.complete || port.price.unpriced_count() > 0 || unwired == 0 {
        return price_total_label(&port.price);
    }
    let total = port.price.total_usd.map_or("unknown".to_owned(), usd);
    let noun = if unwired == 1 { "trigger" } else { "triggers" };
    format!("≥ {total} · {unwired} {noun} not available")
}

/// A component's cost as printed: `$1.20`, or its status.
pub fn component_label(component: &ComponentCost) -> String {
    match (component.status, component.usd) {
        (CostStatus::Priced, Some(amount)) => usd(amount),
        (status, _) => status.label().to_owned(),
    }
}

/// One provider as a JSON object.
#[derive(Serialize)]
struct PortJson<'a> {
    provider: &'a str,
    provider_name: &'a str,
    platform: &'a str,
    platform_name: &'a str,
    home: bool,
    /// The whole cost when `complete`; otherwise what could be priced, a
    /// lower bound; `null` when nothing could be priced.
    total_usd: Option<f64>,
    complete: bool,
    /// The components left out of the total, with their reasons.
    unpriced: Vec<Unpriced>,
    feasible: bool,
    free_tier: bool,
    components: &'a [ComponentCost],
    bills: &'a [SheetBill],
    gaps: &'a [Gap],
    nodes: &'a [crate::architecture::NodeMapping],
}

/// JSON: an array with one object per provider.
pub fn ports_json(ports: &[ProviderPort]) -> Result<String, ExportError> {
    let objects: Vec<PortJson<'_>> = ports
        .iter()
        .map(|p| PortJson {
            provider: &p.provider,
            provider_name: &p.provider_name,
            platform: &p.platform,
            platform_name: &p.platform_name,
            home: p.home,
            total_usd: p.price.total_usd,
            complete: p.price.complete,
            unpriced: p.price.unpriced(),
            feasible: p.price.feasible,
            free_tier: p.price.free_tier,
            components: &p.price.components,
            bills: &p.price.bills,
            gaps: &p.gaps,
            nodes: &p.nodes,
        })
        .collect();
    Ok(serde_json::to_string_pretty(&objects)? + "\n")
}

/// Why a component has no cost, for one-line outputs.
fn status_line(component: &ComponentCost) -> String {
    let reasons = component.reasons.join("; ");
    if reasons.is_empty() {
        component.status.label().to_owned()
    } else {
        format!("{}: {reasons}", component.status.label())
    }
}

/// CSV: `provider,component,meter,quantity,unit,unit_price_usd,usd`.
/// Per provider: each component's share of its bill lines, then a
/// `component total` row (to the cent; these add up to the total); a row per
/// unpriced component and per gap; and a `total` row.
pub fn ports_csv(ports: &[ProviderPort]) -> Result<String, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "provider",
        "component",
        "meter",
        "quantity",
        "unit",
        "unit_price_usd",
        "usd",
    ])?;
    for port in ports {
        let provider = port.provider.as_str();
        for component in &port.price.components {
            let name = component.name.as_str();
            match (component.status, component.usd) {
                (CostStatus::Priced, Some(amount)) => {
                    for line in &component.line_items {
                        writer.write_record([
                            provider,
                            name,
                            &line.meter,
                            &number(line.quantity),
                            &line.unit,
                            &format!("{}", line.unit_price_usd),
                            &number(line.usd),
                        ])?;
                    }
                    writer.write_record([
                        provider,
                        name,
                        "component total",
                        "",
                        "",
                        "",
                        &format!("{amount:.2}"),
                    ])?;
                }
                _ => writer.write_record([
                    provider,
                    name,
                    &status_line(component),
                    "",
                    "",
                    "",
                    "",
                ])?,
            }
        }
        for gap in &port.gaps {
            writer.write_record([
                provider,
                "",
                &format!("gap: {}", gap.message),
                "",
                "",
                "",
                "",
            ])?;
        }
        // A partial total is labelled as such; an unknown one is left empty.
        let (label, amount) = match (port.price.complete, port.price.total_usd) {
            (true, total) => ("total".to_owned(), total),
            (false, total) => (
                format!(
                    "total, lower bound: {} of {} not priced",
                    port.price.unpriced_count(),
                    port.price.components.len()
                ),
                total,
            ),
        };
        writer.write_record([
            provider,
            "",
            &label,
            "",
            "",
            "",
            &amount.map_or(String::new(), |usd| format!("{usd:.2}")),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn provider_heading(port: &ProviderPort) -> String {
    let home = if port.home { ", the target" } else { "" };
    format!("{} ({}{home})", port.provider_name, port.platform)
}

/// A plain-text table: the totals, then each provider's components and gaps.
pub fn ports_table(ports: &[ProviderPort]) -> String {
    let mut rows: Vec<[String; 4]> = vec![[
        "PROVIDER".into(),
        "PLATFORM".into(),
        "TOTAL/MONTH".into(),
        "GAPS".into(),
    ]];
    for port in ports {
        rows.push([
            port.provider.clone(),
            port.platform.clone(),
            total_label(port),
            port.gaps.len().to_string(),
        ]);
    }
    let mut out = align(&rows);
    for port in ports {
        let _ = writeln!(out, "\n{}", provider_heading(port));
        let mut components: Vec<[String; 5]> = vec![[
            "COMPONENT".into(),
            "MAPPED TO".into(),
            "EVENTS/MONTH".into(),
            "MONTHLY".into(),
            "NOTES".into(),
        ]];
        for component in &port.price.components {
            components.push([
                format!("{} (node {})", component.name, component.node),
                component.mapped_to.clone(),
                quantity(component.events_per_month),
                component_label(component),
                component.reasons.join("; "),
            ]);
        }
        out.push_str(&align(&components));
        for bill in &port.price.bills {
            let _ = writeln!(out, "  {} bill: {}", bill.name, usd(bill.total_usd));
            for line in &bill.line_items {
                let _ = writeln!(
                    out,
                    "    {}: {} at {} per {} = {}",
                    line.meter,
                    crate::format::quantity_with_unit(line.quantity, &line.unit),
                    unit_price(line.unit_price_usd),
                    line.unit,
                    usd(line.usd)
                );
            }
        }
        for gap in &port.gaps {
            let _ = writeln!(out, "  gap: {}", gap.message);
        }
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Markdown: a summary, then each provider's components, bills and gaps.
pub fn ports_markdown(doc: &Architecture, ports: &[ProviderPort]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: monthly cost by provider\n", cell(&doc.name));
    if !doc.description.is_empty() {
        let _ = writeln!(out, "{}\n", doc.description);
    }
    let _ = writeln!(
        out,
        "| Provider | Function platform | Monthly total | Gaps |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|");
    for port in ports {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            cell(&port.provider_name),
            port.platform,
            total_label(port),
            port.gaps.len()
        );
    }
    let options = ports
        .first()
        .map_or(PricingOptions::default(), |p| PricingOptions {
            free_tier: p.price.free_tier,
            first_year_free_tier: p.price.first_year_free_tier,
        });
    let mut assumption = super::free_tier_assumption(options);
    if let Some(first) = assumption.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    let _ = writeln!(
        out,
        "\n{assumption}. A month is 730 hours; each bill line is rounded to the cent; a total marked ≥ leaves out the components it names as not priced."
    );
    for port in ports {
        let _ = writeln!(out, "\n## {}\n", cell(&provider_heading(port)));
        let _ = writeln!(
            out,
            "| Component | Mapped to | Events / month | Monthly | Notes |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---|");
        for component in &port.price.components {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&component.name),
                cell(&component.mapped_name),
                quantity(component.events_per_month),
                component_label(component),
                cell(&component.reasons.join("; "))
            );
        }
        let _ = writeln!(out, "| **Total** | | | **{}** | |", total_label(port));
        for bill in &port.price.bills {
            let _ = writeln!(
                out,
                "\n### {} (prices as of {})\n",
                cell(&bill.name),
                bill.as_of
            );
            let _ = writeln!(out, "| Meter | Quantity | Unit | Unit price | Amount |");
            let _ = writeln!(out, "|---|---:|---|---:|---:|");
            for line in &bill.line_items {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&line.meter),
                    quantity(line.quantity),
                    cell(&line.unit),
                    unit_price(line.unit_price_usd),
                    usd(line.usd)
                );
            }
            for note in &bill.notes {
                let _ = writeln!(out, "- {note}");
            }
        }
        if !port.gaps.is_empty() {
            let _ = writeln!(out, "\nGaps:\n");
            for gap in &port.gaps {
                let _ = writeln!(out, "- {}", cell(&gap.message));
            }
        }
    }
    out
}

/// Render an architecture's per-provider costs in a format.
pub fn render_ports(
    format: Format,
    doc: &Architecture,
    ports: &[ProviderPort],
) -> Result<String, ExportError> {
    match format {
        Format::Table => Ok(ports_table(ports)),
        Format::Json => ports_json(ports),
        Format::Csv => ports_csv(ports),
        Format::Markdown => Ok(ports_markdown(doc, ports)),
    }
}
