//! The workload form: what the user knows about their function.

use egui::{DragValue, RichText, Ui};

use super::CostsState;
use crate::catalog::{Arch, Catalog, SheetStatus};
use crate::cost::engine::grouped;
use crate::ui::widgets::{self, section};

const MEMORY_PRESETS_MB: [f64; 6] = [128.0, 256.0, 512.0, 1024.0, 2048.0, 4096.0];
const VOLUME_PRESETS: [(f64, &str); 5] = [
    (1e5, "100K"),
    (1e6, "1M"),
    (1e7, "10M"),
    (1e8, "100M"),
    (1e9, "1B"),
];

/// Width of the labels in front of number fields.
const LABEL_WIDTH: f32 = 150.0;

fn field_label(ui: &mut Ui, text: &str) {
    widgets::field_label(ui, text, LABEL_WIDTH);
}

/// Preset buttons under a field, indented to line up with the fields.
fn presets(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        ui.add_space(LABEL_WIDTH);
        ui.horizontal_wrapped(add);
    });
}

fn number_row(
    ui: &mut Ui,
    label: &str,
    value: &mut f64,
    suffix: &str,
    speed: f64,
    range: std::ops::RangeInclusive<f64>,
) {
    widgets::number_field(ui, label, LABEL_WIDTH, value, suffix, speed, range);
}

pub fn ui(state: &mut CostsState, ui: &mut Ui, catalog: &Catalog) {
    section(ui, "Workload");
    let w = &mut state.workload;
    let speed = (w.requests_per_month * 0.01).max(1.0);
    number_row(
        ui,
        "Requests per month",
        &mut w.requests_per_month,
        "",
        speed,
        0.0..=1e13,
    );
    presets(ui, |ui| {
        for (value, text) in VOLUME_PRESETS {
            if ui
                .selectable_label(w.requests_per_month == value, text)
                .on_hover_text(format!("{} requests a month", grouped(value)))
                .clicked()
            {
                w.requests_per_month = value;
            }
        }
    });
    number_row(
        ui,
        "Average duration",
        &mut w.duration_ms,
        " ms",
        1.0,
        0.0..=86_400_000.0,
    );
    number_row(ui, "Memory", &mut w.memory_mb, " MB", 8.0, 1.0..=65_536.0);
    presets(ui, |ui| {
        for mb in MEMORY_PRESETS_MB {
            if ui
                .selectable_label(w.memory_mb == mb, format!("{mb} MB"))
                .clicked()
            {
                w.memory_mb = mb;
            }
        }
    });
    ui.horizontal(|ui| {
        field_label(ui, "Architecture");
        ui.radio_value(&mut w.arch, Arch::X86_64, "x86_64");
        ui.radio_value(&mut w.arch, Arch::Arm64, "arm64");
    });

    egui::CollapsingHeader::new("More workload details")
        .id_salt("workload_more")
        .show(ui, |ui| {
            let mut has_cpu = w.cpu_ms.is_some();
            if ui
                .checkbox(&mut has_cpu, "CPU time differs from duration")
                .on_hover_text("Cloudflare bills CPU time, not wall-clock duration")
                .changed()
            {
                w.cpu_ms = has_cpu.then_some(w.duration_ms);
            }
            if let Some(cpu) = &mut w.cpu_ms {
                number_row(ui, "CPU per request", cpu, " ms", 1.0, 0.0..=86_400_000.0);
            }
            number_row(ui, "Egress per month", &mut w.egress_gb, " GB", 1.0, 0.0..=1e9);
            number_row(ui, "Ephemeral storage", &mut w.ephemeral_mb, " MB", 16.0, 0.0..=1e6);
            number_row(ui, "Request payload", &mut w.payload_kb, " KB", 1.0, 0.0..=1e7);
            number_row(ui, "Requests per instance", &mut w.instance_concurrency, "", 0.1, 1.0..=1000.0);
            ui.label(
                RichText::new("Requests per instance only affects per-instance billing (Azure Flex Consumption).")
                    .weak()
                    .small(),
            );
        });

    ui.add_space(4.0);
    ui.checkbox(&mut state.free_tier, "Apply free tiers")
        .on_hover_text("Included plan allowances (Cloudflare's) always apply");

    section(ui, "Always-on alternative");
    ui.label(
        RichText::new("Example values; enter your own server's price and capacity.")
            .weak()
            .small(),
    );
    let a = &mut state.always_on;
    number_row(
        ui,
        "Price per instance-hour",
        &mut a.usd_per_hour,
        " USD",
        0.001,
        0.0..=1000.0,
    );
    number_row(
        ui,
        "Requests/s per instance",
        &mut a.requests_per_second,
        "",
        1.0,
        0.001..=1e7,
    );
    ui.horizontal(|ui| {
        field_label(ui, "Minimum instances");
        let response = ui.add(DragValue::new(&mut a.min_instances).range(1..=10_000));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Minimum instances")
        });
    });

    section(ui, "Providers");
    ui.horizontal(|ui| {
        if ui.small_button("All active").clicked() {
            state.selected = catalog
                .active_platform_sheets()
                .iter()
                .map(|s| s.id.clone())
                .collect();
        }
        if ui.small_button("None").clicked() {
            state.selected.clear();
        }
    });
    for sheet in catalog
        .price_sheets
        .iter()
        .filter(|s| s.platform_id().is_some())
    {
        let mut on = state.selected.contains(&sheet.id);
        let mut label = sheet.name.clone();
        if sheet.status == SheetStatus::Retired {
            label.push_str(" (retired)");
        }
        if ui
            .checkbox(&mut on, label)
            .on_hover_text(format!(
                "{} · prices as of {} · {}",
                sheet.id, sheet.as_of, sheet.region
            ))
            .changed()
        {
            if on {
                state.selected.insert(sheet.id.clone());
            } else {
                state.selected.remove(&sheet.id);
            }
        }
    }
}
