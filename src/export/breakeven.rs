//! Writers for break-even results.

use super::{ExportError, Format, align, usd};
use crate::cost::{AlwaysOn, BreakEven};
use crate::format;

fn volume(result: &BreakEven) -> String {
    match (result.feasible, result.breakeven_requests_per_month) {
        (false, _) => "not feasible".into(),
        (true, Some(requests)) => format::grouped(requests),
        (true, None) => "never (below 1T)".into(),
    }
}

fn money(value: Option<f64>) -> String {
    value.map(usd).unwrap_or_default()
}

/// Render break-even results in a format.
pub fn render(
    format: Format,
    results: &[BreakEven],
    always_on: &AlwaysOn,
) -> Result<String, ExportError> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(results)? + "\n"),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record([
                "platform",
                "breakeven_requests_per_month",
                "platform_usd_per_month",
                "always_on_usd_per_month",
                "always_on_instances",
                "feasible",
                "notes",
            ])?;
            for r in results {
                let opt = |v: Option<f64>| v.map(format::number).unwrap_or_default();
                writer.write_record([
                    r.platform.as_str(),
                    &opt(r.breakeven_requests_per_month),
                    &opt(r.platform_usd_per_month),
                    &opt(r.always_on_usd_per_month),
                    &opt(r.always_on_instances),
                    if r.feasible { "true" } else { "false" },
                    &r.notes.join("; "),
                ])?;
            }
            let bytes = writer
                .into_inner()
                .map_err(|e| ExportError::Csv(e.into_error().into()))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        Format::Markdown => {
            let mut out = String::from("# Break-even against an always-on server\n\n");
            out.push_str(&format!(
                "Always-on: {} per instance-hour, {} requests per second per instance, at least {} instance(s), 730 hours a month.\n\n",
                usd(always_on.usd_per_hour),
                format::number(always_on.requests_per_second),
                always_on.min_instances
            ));
            out.push_str("| Platform | Break-even (requests/month) | Platform cost there | Always-on cost there | Notes |\n");
            out.push_str("|---|---:|---:|---:|---|\n");
            for r in results {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    r.name,
                    volume(r),
                    money(r.platform_usd_per_month),
                    money(r.always_on_usd_per_month),
                    r.notes.join("; ").replace('|', "\\|")
                ));
            }
            Ok(out)
        }
        Format::Table => {
            let mut rows: Vec<[String; 5]> = vec![[
                "PLATFORM".into(),
                "BREAK-EVEN REQ/MONTH".into(),
                "PLATFORM $".into(),
                "ALWAYS-ON $".into(),
                "NOTES".into(),
            ]];
            for r in results {
                rows.push([
                    r.platform.clone(),
                    volume(r),
                    money(r.platform_usd_per_month),
                    money(r.always_on_usd_per_month),
                    r.notes.join("; "),
                ]);
            }
            Ok(align(&rows))
        }
    }
}
