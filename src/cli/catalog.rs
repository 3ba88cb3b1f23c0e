//! `serverless-atlas catalog platforms|triggers|services|frameworks|show|check`

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use super::{Cli, CliResult, Failure, load_catalog, print_output};
use crate::catalog::{Catalog, CatalogDate, EntryRef, Platform, Source, facts};
use crate::export::align;

/// Formats for catalog listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List FaaS platforms.
    Platforms {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// List the vendor-neutral trigger taxonomy.
    Triggers {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// List managed services by provider and role.
    Services {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// List frameworks and deployment tools.
    Frameworks {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Everything about one entry (platform, trigger, service, framework, provider or price sheet).
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Validate a catalog directory (default: --catalog, else the built-in catalog).
    Check {
        /// A directory laid out like `catalogs/`.
        dir: Option<PathBuf>,
    },
}

pub fn run(cli: &Cli, command: &CatalogCommand) -> CliResult {
    if let CatalogCommand::Check { dir } = command {
        let dir = dir.as_deref().or(cli.catalog.as_deref());
        let catalog = load_catalog(dir)?;
        let summary = format!(
            "catalog ok: {} providers, {} triggers, {} platforms, {} services, {} frameworks, {} price sheets\n",
            catalog.providers.len(),
            catalog.triggers.len(),
            catalog.platforms.len(),
            catalog.services.len(),
            catalog.frameworks.len(),
            catalog.price_sheets.len()
        );
        let report = summary + &freshness_report(&catalog, facts::today());
        return print_output(&report, None);
    }
    let catalog = load_catalog(cli.catalog.as_deref())?;
    let text = match command {
        CatalogCommand::Platforms { format } => list(
            *format,
            &catalog.platforms,
            [
                "ID",
                "NAME",
                "VENDOR",
                "KIND",
                "STATUS",
                "FIRST SEEN",
                "TRIGGERS",
            ],
            |p| {
                [
                    p.id.clone(),
                    p.name.clone(),
                    p.vendor.clone(),
                    p.kind.label().into(),
                    p.status.label().into(),
                    p.dates.first().map(|d| d.label()).unwrap_or_default(),
                    p.triggers.len().to_string(),
                ]
            },
        )?,
        CatalogCommand::Triggers { format } => list(
            *format,
            &catalog.triggers,
            ["ID", "NAME", "GROUP", "DELIVERY"],
            |t| {
                [
                    t.id.clone(),
                    t.name.clone(),
                    t.group.label().into(),
                    t.delivery
                        .iter()
                        .map(|d| d.label())
                        .collect::<Vec<_>>()
                        .join("/"),
                ]
            },
        )?,
        CatalogCommand::Services { format } => list(
            *format,
            &catalog.services,
            ["ID", "NAME", "PROVIDER", "ROLE", "EMITS"],
            |s| {
                [
                    s.id.clone(),
                    s.name.clone(),
                    s.provider.clone(),
                    s.role.label().into(),
                    s.emits.join(", "),
                ]
            },
        )?,
        CatalogCommand::Frameworks { format } => list(
            *format,
            &catalog.frameworks,
            ["ID", "NAME", "KIND", "STATUS", "PROVIDERS"],
            |f| {
                [
                    f.id.clone(),
                    f.name.clone(),
                    f.kind.label().into(),
                    f.status.label().into(),
                    f.providers
                        .iter()
                        .map(|p| p.provider.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            },
        )?,
        CatalogCommand::Show { id, format } => show(&catalog, id, *format)?,
        CatalogCommand::Check { .. } => unreachable!("handled above"),
    };
    print_output(&text, None)
}

fn list<T: Serialize, const N: usize>(
    format: ListFormat,
    items: &[T],
    header: [&str; N],
    row: impl Fn(&T) -> [String; N],
) -> Result<String, Failure> {
    match format {
        ListFormat::Json => serde_json::to_string_pretty(items)
            .map(|s| s + "\n")
            .map_err(|e| Failure::failed(e.to_string())),
        ListFormat::Table => {
            let mut rows = vec![header.map(String::from)];
            rows.extend(items.iter().map(row));
            Ok(align(&rows))
        }
    }
}

/// A JSON object for any entry, tagged with what it is.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    entry: &'static str,
    #[serde(flatten)]
    value: &'a T,
}

fn show(catalog: &Catalog, id: &str, format: ListFormat) -> Result<String, Failure> {
    let Some(entry) = catalog.entry(id) else {
        return Err(Failure::input(format!(
            "no catalog entry has the id `{id}` (try `serverless-atlas catalog platforms`)"
        )));
    };
    if format == ListFormat::Json {
        let json = match entry {
            EntryRef::Platform(v) => serde_json::to_string_pretty(&Tagged {
                entry: "platform",
                value: v,
            }),
            EntryRef::Trigger(v) => serde_json::to_string_pretty(&Tagged {
                entry: "trigger",
                value: v,
            }),
            EntryRef::Service(v) => serde_json::to_string_pretty(&Tagged {
                entry: "service",
                value: v,
            }),
            EntryRef::Framework(v) => serde_json::to_string_pretty(&Tagged {
                entry: "framework",
                value: v,
            }),
            EntryRef::Provider(v) => serde_json::to_string_pretty(&Tagged {
                entry: "provider",
                value: v,
            }),
            EntryRef::PriceSheet(v) => serde_json::to_string_pretty(&Tagged {
                entry: "price_sheet",
                value: v,
            }),
        };
        return json
            .map(|s| s + "\n")
            .map_err(|e| Failure::failed(e.to_string()));
    }
    Ok(match entry {
        EntryRef::Platform(p) => describe_platform(catalog, p),
        EntryRef::Trigger(t) => {
            let mut out = heading(&t.name, &t.id);
            field(&mut out, "Group", t.group.label());
            field(
                &mut out,
                "Delivery",
                &t.delivery
                    .iter()
                    .map(|d| d.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            if let Some(ce) = &t.cloudevents_type {
                field(&mut out, "CloudEvents type", ce);
            }
            let _ = writeln!(out, "\n{}\n", t.description);
            let platforms: Vec<&str> = catalog
                .platforms
                .iter()
                .filter(|p| p.supports_trigger(&t.id))
                .map(|p| p.id.as_str())
                .collect();
            field(&mut out, "Platforms", &platforms.join(", "));
            sources(&mut out, &t.sources);
            out
        }
        EntryRef::Service(s) => {
            let mut out = heading(&s.name, &s.id);
            field(&mut out, "Provider", &s.provider);
            field(&mut out, "Role", s.role.label());
            field(&mut out, "Emits", &s.emits.join(", "));
            if let Some(caveat) = &s.caveat {
                field(&mut out, "Caveat", caveat);
            }
            if let Some(sheet) = &s.price_sheet {
                field(&mut out, "Price sheet", sheet);
            }
            let _ = writeln!(out, "\n{}", s.description);
            sources(&mut out, &s.sources);
            out
        }
        EntryRef::Framework(f) => {
            let mut out = heading(&f.name, &f.id);
            field(&mut out, "Maintainer", &f.maintainer);
            field(&mut out, "Kind", f.kind.label());
            field(&mut out, "Status", f.status.label());
            field(&mut out, "Languages", &f.languages.join(", "));
            field(&mut out, "First release", &date(f.first_release));
            field(&mut out, "Last activity", &date(f.last_activity));
            if !f.license.is_empty() {
                field(&mut out, "License", &f.license);
            }
            field(&mut out, "Platforms", &f.platforms.join(", "));
            let _ = writeln!(out, "\n{}\n\nProviders:", f.description);
            for support in &f.providers {
                let _ = writeln!(
                    out,
                    "  {}{}",
                    support.provider,
                    support
                        .note
                        .as_deref()
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default()
                );
            }
            sources(&mut out, &f.sources);
            out
        }
        EntryRef::Provider(p) => {
            let mut out = heading(&p.name, &p.id);
            if let Some(platform) = &p.function_platform {
                field(&mut out, "Function platform", platform);
            }
            if let Some(platform) = &p.edge_platform {
                field(&mut out, "Edge platform", platform);
            }
            let _ = writeln!(out, "\n{}\n\nServices:", p.description);
            for s in catalog.services.iter().filter(|s| s.provider == p.id) {
                let _ = writeln!(out, "  {:<32} {}", s.id, s.role.label());
            }
            out
        }
        EntryRef::PriceSheet(s) => {
            let mut out = heading(&s.name, &s.id);
            field(&mut out, "Region", &s.region);
            field(&mut out, "Currency", &s.currency);
            field(&mut out, "As of", &s.as_of.to_string());
            field(
                &mut out,
                "Status",
                if s.status == crate::catalog::SheetStatus::Active {
                    "active"
                } else {
                    "retired"
                },
            );
            let _ = writeln!(out, "\nMeters:");
            for meter in &s.meters {
                let prices: Vec<String> = meter
                    .tiers
                    .iter()
                    .map(|t| format!("{} per {}", crate::format::unit_price(t.usd), meter.unit))
                    .collect();
                let _ = writeln!(out, "  {}: {}", meter.name, prices.join(", then "));
            }
            let _ = writeln!(out, "\nNotes:");
            for note in &s.notes {
                let _ = writeln!(out, "  - {note}");
            }
            sources(&mut out, &s.sources);
            out
        }
    })
}

fn heading(name: &str, id: &str) -> String {
    format!(
        "{name} ({id})\n{}\n",
        "=".repeat(name.chars().count() + id.len() + 3)
    )
}

fn field(out: &mut String, label: &str, value: &str) {
    if !value.is_empty() {
        // At least one space after a long label.
        let _ = writeln!(out, "{:<17} {value}", format!("{label}:"));
    }
}

fn date(date: Option<CatalogDate>) -> String {
    date.map(|d| d.label()).unwrap_or_else(|| "unknown".into())
}

fn sources(out: &mut String, sources: &[Source]) {
    let _ = writeln!(out, "\nSources:");
    for source in sources {
        let _ = write!(out, "  - {}", source.title);
        if let Some(url) = &source.url {
            let _ = write!(out, " <{url}>");
        }
        if let Some(note) = &source.note {
            let _ = write!(out, " ({note})");
        }
        if let (Some(date), Some(age)) = (source.as_of, facts::age_label(source, facts::today())) {
            let _ = write!(out, " [as of {}, {age} old]", date.label());
        }
        out.push('\n');
    }
}

fn describe_platform(catalog: &Catalog, p: &Platform) -> String {
    let mut out = heading(&p.name, &p.id);
    field(&mut out, "Vendor", &p.vendor);
    field(&mut out, "Kind", p.kind.label());
    field(&mut out, "Status", p.status.label());
    if let Some(successor) = &p.successor {
        field(&mut out, "Successor", successor);
    }
    if let Some(base) = &p.variant_of {
        field(&mut out, "Variant of", base);
    }
    let dates = &p.dates;
    for (label, value) in [
        ("Announced", dates.announced),
        ("Preview", dates.preview),
        ("GA", dates.ga),
        ("Deprecated", dates.deprecated),
        ("Shut down", dates.shutdown),
    ] {
        if let Some(value) = value {
            field(&mut out, label, &value.label());
        }
    }
    for (label, value) in [
        ("Homepage", &p.homepage),
        ("Repository", &p.repository),
        ("License", &p.license),
        ("CNCF landscape", &p.cncf_landscape),
    ] {
        if let Some(value) = value {
            field(&mut out, label, value);
        }
    }
    let _ = writeln!(out, "\n{}\n", p.description);
    let today = facts::today();
    let runtimes: Vec<String> = p
        .runtimes
        .iter()
        .map(|r| facts::runtime_label(r, today))
        .collect();
    field(&mut out, "Runtimes", &runtimes.join("; "));
    for line in facts::limit_lines(catalog, p) {
        field(&mut out, &line.label, &line.value);
        if let Some(source) = line.source {
            let _ = writeln!(out, "{:<18}source: {}", "", source_with_age(source, today));
        }
    }
    for note in &p.limits.notes {
        let _ = writeln!(out, "  - {note}");
    }
    let _ = writeln!(out, "\nTriggers:");
    for kind in &catalog.triggers {
        let native: Vec<String> = p
            .triggers
            .iter()
            .filter(|t| t.trigger == kind.id)
            .map(|t| format!("{} ({})", t.service, t.delivery.label()))
            .collect();
        if !native.is_empty() {
            let _ = writeln!(out, "  {:<16}{}", kind.id, native.join(", "));
        }
    }
    if !p.cold_start.is_empty() {
        let _ = writeln!(out, "\nCold-start mitigations:");
        for item in &p.cold_start {
            let _ = writeln!(out, "  - {item}");
        }
    }
    let _ = writeln!(out, "\nOperations:");
    for capability in crate::catalog::Capability::ALL {
        let _ = writeln!(
            out,
            "  {:<22}{}",
            capability.label(),
            p.operations
                .get(capability)
                .unwrap_or("(no evidence in sources)")
        );
    }
    let frameworks: Vec<&str> = catalog
        .frameworks_for_platform(p)
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    if !frameworks.is_empty() {
        let _ = writeln!(out);
        field(&mut out, "Frameworks", &frameworks.join(", "));
    }
    if !p.price_sheets.is_empty() {
        field(&mut out, "Price sheets", &p.price_sheets.join(", "));
    }
    sources(&mut out, &p.sources);
    out
}

/// A source's title with its age: `Lambda quotas, as of 2026-12-01 (today)`.
fn source_with_age(source: &Source, today: chrono::NaiveDate) -> String {
    match (source.as_of, facts::age_label(source, today)) {
        (Some(date), Some(age)) => format!("{}, as of {} ({age} old)", source.title, date.label()),
        _ => source.title.clone(),
    }
}

/// The catalog's oldest and newest `as_of`, then one warning line per source
/// of an active platform older than two years. Warnings never fail the check.
pub fn freshness_report(catalog: &Catalog, today: chrono::NaiveDate) -> String {
    let mut out = String::new();
    match facts::as_of_range(catalog) {
        Some(range) => {
            let _ = writeln!(
                out,
                "sources as of: oldest {}, newest {} ({} dated, {} without a date)",
                range.oldest.label(),
                range.newest.label(),
                range.dated,
                range.undated
            );
        }
        None => {
            let _ = writeln!(out, "sources as of: no source carries a date");
        }
    }
    for stale in facts::stale_sources(catalog, today) {
        let age = facts::age_label(stale.source, today).unwrap_or_default();
        let date = stale.source.as_of.map(|d| d.label()).unwrap_or_default();
        let _ = writeln!(
            out,
            "warning: {}: source \"{}\" is {age} old (as of {date}); check it again",
            stale.platform.id, stale.source.title
        );
    }
    out
}
