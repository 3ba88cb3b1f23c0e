//! Everything about one platform.

use egui::{RichText, Ui};

use crate::catalog::{Capability, Catalog, Platform, RuntimeState, Source, facts};
use crate::ui::widgets::{self, key_text, key_value, section};

/// What the user asked for from the detail pane.
pub enum Action {
    Select(String),
    Price(String),
    ToggleCompare(String),
}

pub fn ui(
    ui: &mut Ui,
    catalog: &Catalog,
    platform: &Platform,
    compared: &[String],
) -> Option<Action> {
    let mut action = None;
    // One scroll position per platform: a newly selected platform opens at
    // its top instead of where the previous one was left.
    egui::ScrollArea::vertical()
        .id_salt(("platform_detail", &platform.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&platform.name);
                widgets::status_badge(ui, platform.status);
                widgets::badge(ui, platform.kind.label(), ui.visuals().hyperlink_color);
            });
            ui.label(RichText::new(format!("{} · id {}", platform.vendor, platform.id)).weak());
            ui.horizontal(|ui| {
                let in_comparison = compared.contains(&platform.id);
                let label = if in_comparison {
                    "Remove from comparison"
                } else {
                    "Add to comparison"
                };
                if ui.button(label).clicked() {
                    action = Some(Action::ToggleCompare(platform.id.clone()));
                }
                for sheet in &platform.price_sheets {
                    let name = catalog
                        .price_sheet(sheet)
                        .map_or(sheet.as_str(), |s| s.name.as_str());
                    if ui
                        .button(format!("Price on {name}"))
                        .on_hover_text("Open this offer in the Costs tab")
                        .clicked()
                    {
                        action = Some(Action::Price(sheet.clone()));
                    }
                }
            });
            ui.add_space(6.0);
            ui.label(&platform.description);

            lifecycle_ui(ui, catalog, platform, &mut action);
            limits_ui(ui, catalog, platform);
            triggers_ui(ui, catalog, platform);
            operations_ui(ui, platform);

            if !platform.cold_start.is_empty() {
                section(ui, "Cold-start mitigations");
                for item in &platform.cold_start {
                    ui.label(format!("• {item}"));
                }
            }

            let frameworks = catalog.frameworks_for_platform(platform);
            section(ui, "Frameworks and tools that deploy to it");
            if frameworks.is_empty() {
                ui.label(RichText::new("None in the catalog.").weak());
            } else {
                ui.horizontal_wrapped(|ui| {
                    for framework in frameworks {
                        widgets::badge(
                            ui,
                            &framework.name,
                            widgets::tool_status_color(framework.status),
                        )
                        .on_hover_text(format!(
                            "{} ({}, {})",
                            framework.description,
                            framework.kind.label(),
                            framework.status.label()
                        ));
                    }
                });
            }

            section(ui, "Sources");
            sources_ui(ui, &platform.sources, facts::today());
        });
    action
}

fn lifecycle_ui(ui: &mut Ui, catalog: &Catalog, platform: &Platform, action: &mut Option<Action>) {
    section(ui, "Lifecycle");
    let dates = &platform.dates;
    for (label, date) in [
        ("Announced", dates.announced),
        ("Preview", dates.preview),
        ("Generally available", dates.ga),
        ("Deprecated", dates.deprecated),
        ("Shut down", dates.shutdown),
    ] {
        if let Some(date) = date {
            key_text(ui, label, date.label());
        }
    }
    if dates.first().is_none() {
        key_text(ui, "Dates", RichText::new("unknown in the sources").weak());
    }
    for (label, link) in [
        ("Successor", &platform.successor),
        ("Variant of", &platform.variant_of),
    ] {
        if let Some(id) = link {
            let name = catalog
                .platform(id)
                .map_or(id.as_str(), |p| p.name.as_str());
            key_value(ui, label, |ui| {
                if ui.link(name).on_hover_text("Show this platform").clicked() {
                    *action = Some(Action::Select(id.clone()));
                }
            });
        }
    }
    for (label, value) in [
        ("Homepage", &platform.homepage),
        ("Repository", &platform.repository),
    ] {
        if let Some(url) = value {
            key_value(ui, label, |ui| {
                ui.hyperlink(url);
            });
        }
    }
    for (label, value) in [
        ("License", &platform.license),
        ("CNCF landscape", &platform.cncf_landscape),
    ] {
        if let Some(text) = value {
            key_text(ui, label, text.as_str());
        }
    }
}

fn limits_ui(ui: &mut Ui, catalog: &Catalog, platform: &Platform) {
    section(ui, "Limits and runtimes");
    let today = facts::today();
    let lines = facts::limit_lines(catalog, platform);
    // The rows a reader looks for are always shown, unknown ones as such.
    for label in ["Max timeout", "Memory", "Default concurrency"] {
        if !lines.iter().any(|line| line.label == label) {
            key_text(ui, label, RichText::new("not in the sources").weak());
        }
    }
    for line in &lines {
        key_value(ui, &line.label, |ui| {
            ui.add(egui::Label::new(&line.value).wrap());
            if let Some(source) = line.source {
                source_age_ui(ui, source, today);
            }
        });
    }
    runtimes_ui(ui, platform, today);
    for note in &platform.limits.notes {
        ui.add(egui::Label::new(RichText::new(format!("• {note}")).small()).wrap());
    }
}

/// Runtimes, with those past their deprecation or end-of-support date marked
/// from the date itself.
fn runtimes_ui(ui: &mut Ui, platform: &Platform, today: chrono::NaiveDate) {
    if platform.runtimes.is_empty() {
        key_text(ui, "Runtimes", RichText::new("not in the sources").weak());
        return;
    }
    key_value(ui, "Runtimes", |ui| {
        ui.vertical(|ui| {
            for runtime in &platform.runtimes {
                let state = runtime.state_on(today);
                // "Supported until" stays in the hover so the pane only
                // changes when a runtime crosses one of its dates.
                let text = match state {
                    RuntimeState::Supported => runtime.name.clone(),
                    _ => facts::runtime_label(runtime, today),
                };
                let label = match state {
                    RuntimeState::Supported => RichText::new(text),
                    RuntimeState::Deprecated => {
                        RichText::new(text).color(ui.visuals().warn_fg_color)
                    }
                    RuntimeState::EndOfSupport => RichText::new(text)
                        .color(ui.visuals().error_fg_color)
                        .strikethrough(),
                };
                let response = ui.add(egui::Label::new(label).wrap());
                if let Some(source) = &runtime.source {
                    response.on_hover_text(format!(
                        "{}\n{}",
                        facts::runtime_label(runtime, today),
                        source_hover(source, today)
                    ));
                }
            }
        });
    });
}

/// A small "source, age" note after a fact; the full source on hover.
fn source_age_ui(ui: &mut Ui, source: &Source, today: chrono::NaiveDate) {
    // The date, not the age, is drawn: it reads the same every day, and the
    // age is one hover away.
    let when = source.as_of.map_or_else(
        || "date unknown".to_owned(),
        |d| format!("as of {}", d.label()),
    );
    ui.label(RichText::new(when).small().weak())
        .on_hover_text(source_hover(source, today));
}

fn source_hover(source: &Source, today: chrono::NaiveDate) -> String {
    let mut text = source.title.clone();
    if let Some(url) = &source.url {
        text.push_str(&format!("\n{url}"));
    }
    if let Some(note) = &source.note {
        text.push_str(&format!("\n{note}"));
    }
    match (source.as_of, facts::age_label(source, today)) {
        (Some(date), Some(age)) => text.push_str(&format!("\nas of {} ({age} old)", date.label())),
        _ => text.push_str("\nno date recorded for this source"),
    }
    text
}

fn triggers_ui(ui: &mut Ui, catalog: &Catalog, platform: &Platform) {
    section(ui, "Triggers");
    if platform.triggers.is_empty() {
        ui.label(RichText::new("No triggers recorded in the sources.").weak());
        return;
    }
    for kind in &catalog.triggers {
        let native: Vec<_> = platform
            .triggers
            .iter()
            .filter(|t| t.trigger == kind.id)
            .collect();
        if native.is_empty() {
            continue;
        }
        key_value(ui, &kind.name, |ui| {
            for trigger in native {
                ui.horizontal_wrapped(|ui| {
                    ui.add(egui::Label::new(&trigger.service).wrap());
                    ui.label(RichText::new(trigger.delivery.label()).small().weak());
                });
            }
        });
    }
}

fn operations_ui(ui: &mut Ui, platform: &Platform) {
    section(ui, "Operations");
    for capability in Capability::ALL {
        match platform.operations.get(capability) {
            Some(text) => key_text(ui, capability.label(), text),
            None => key_text(
                ui,
                capability.label(),
                RichText::new("no evidence in the sources").weak(),
            ),
        }
    }
}

/// The platform's sources, each with how old it is.
fn sources_ui(ui: &mut Ui, sources: &[Source], today: chrono::NaiveDate) {
    for source in sources {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            match &source.url {
                Some(url) => {
                    ui.hyperlink_to(&source.title, url).on_hover_text(url);
                }
                None => {
                    ui.label(&source.title);
                }
            }
            if let Some(note) = &source.note {
                ui.label(RichText::new(format!("({note})")).weak().small());
            }
            match (source.as_of, facts::age_label(source, today)) {
                (Some(date), Some(age)) => {
                    ui.label(
                        RichText::new(format!("as of {}", date.label()))
                            .weak()
                            .small(),
                    )
                    .on_hover_text(format!("{age} old"));
                }
                _ => {
                    ui.label(RichText::new("date unknown").weak().small());
                }
            }
        });
    }
}
