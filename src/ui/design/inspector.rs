//! The inspector: properties of the selected node or edge, or of the
//! document when nothing is selected. Fields edit the document in place;
//! the history makes each finished gesture (a typed name, a dragged number)
//! one undo step, so a new group of fields needs no undo code.

use egui::{RichText, Ui};

use super::DesignState;
use crate::architecture::{CostStatus, EdgeKind, Load, NodeKind};
use crate::catalog::{Arch, Catalog};
use crate::cost::engine::grouped;
use crate::export::architecture::price_total_label;
use crate::export::{quantity, usd};
use crate::ui::widgets::{self, key_text, section};

/// Width of the labels in front of the inspector's fields.
const LABEL_WIDTH: f32 = 120.0;

fn number(
    ui: &mut Ui,
    label: &str,
    value: &mut f64,
    suffix: &str,
    speed: f64,
    range: std::ops::RangeInclusive<f64>,
) {
    widgets::number_field(ui, label, LABEL_WIDTH, value, suffix, speed, range);
}

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    ui.heading("Inspector");
    // The panel keeps its width whatever is selected: the scroll area
    // fills it instead of shrinking to (or growing with) the content, and
    // long texts wrap.
    egui::ScrollArea::vertical()
        .id_salt("inspector_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            if let Some(id) = state.selection.only_node() {
                node_ui(state, ui, catalog, id);
            } else if let Some(id) = state.selection.only_group() {
                group_ui(state, ui, id);
            } else if let (Some(id), true) =
                (state.selection.edge, state.selection.nodes.is_empty())
            {
                edge_ui(state, ui, catalog, id);
            } else if !state.selection.is_empty() {
                ui.label(format!(
                    "{} nodes and {} groups selected.",
                    state.selection.nodes.len(),
                    state.selection.groups.len()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Duplicate").clicked() {
                        state.duplicate_selection();
                    }
                    if ui.button("Delete").clicked() {
                        state.delete_selection();
                    }
                });
            } else {
                document_ui(state, ui, catalog);
            }
        });
}

fn document_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    ui.label(RichText::new("Select a node or an edge to edit it.").weak());
    section(ui, "Architecture");
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(egui::TextEdit::singleline(&mut state.doc.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    let label = ui.label("Description");
    ui.add(
        egui::TextEdit::multiline(&mut state.doc.description)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let target = state.doc.target_platform.clone();
    let nodes = state.doc.nodes.len();
    let edges = state.doc.edges.len();
    let derived = state.derived(catalog);
    key_text(
        ui,
        "Target",
        catalog
            .platform(&target)
            .map_or(target.clone(), |p| p.name.clone()),
    );
    key_text(ui, "Nodes / edges", format!("{nodes} / {edges}"));
    key_text(ui, "Monthly total", price_total_label(&derived.price));
    for bill in &derived.price.bills {
        key_text(
            ui,
            &bill.name,
            format!("{} (prices as of {})", usd(bill.total_usd), bill.as_of),
        );
    }
}

/// One labelled number in a group of fields: what it edits and how.
pub struct NumberField<'a> {
    pub label: &'a str,
    pub value: &'a mut f64,
    pub suffix: &'a str,
    /// Change per point dragged.
    pub speed: f64,
    pub range: std::ops::RangeInclusive<f64>,
}

impl<'a> NumberField<'a> {
    pub fn new(label: &'a str, value: &'a mut f64, suffix: &'a str) -> Self {
        NumberField {
            label,
            value,
            suffix,
            speed: 1.0,
            range: 0.0..=f64::MAX,
        }
    }

    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = speed;
        self
    }

    pub fn range(mut self, range: std::ops::RangeInclusive<f64>) -> Self {
        self.range = range;
        self
    }
}

/// Labelled number fields, one a line. A new group of inputs is a
/// `section` and one call; undo needs nothing more (the history sees the
/// document change).
pub fn number_fields<'a>(ui: &mut Ui, fields: impl IntoIterator<Item = NumberField<'a>>) {
    for field in fields {
        number(
            ui,
            field.label,
            field.value,
            field.suffix,
            field.speed,
            field.range,
        );
    }
}

fn node_ui(
    state: &mut DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    id: crate::architecture::NodeId,
) {
    let target = state.doc.target_platform.clone();
    let Some(node) = state.doc.node_mut(id) else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(egui::TextEdit::singleline(&mut node.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    match &mut node.kind {
        kind @ NodeKind::Function { .. } => function_ui(ui, catalog, &target, kind),
        NodeKind::EventSource { trigger, load } => source_ui(ui, catalog, trigger, load),
        NodeKind::Service {
            service,
            payload_kb,
            ..
        } => service_ui(ui, catalog, service, payload_kb),
    }
    this_month_ui(state, ui, catalog, id);
}

/// Edge platforms of other providers a function may run on instead of the target.
fn edge_platforms(catalog: &Catalog, target: &str) -> Vec<(String, String)> {
    catalog
        .providers
        .iter()
        .filter_map(|p| p.edge_platform.as_ref())
        .filter(|id| **id != target)
        .filter_map(|id| catalog.platform(id).map(|p| (p.id.clone(), p.name.clone())))
        .collect()
}

fn function_ui(ui: &mut Ui, catalog: &Catalog, target: &str, kind: &mut NodeKind) {
    let NodeKind::Function {
        platform,
        memory_mb,
        duration_ms,
        arch,
        cpu_ms,
        payload_kb,
    } = kind
    else {
        return;
    };
    section(ui, "Function");
    ui.horizontal(|ui| {
        let label = ui.label("Runs on");
        let current = match platform {
            Some(id) => catalog.platform(id).map_or(id.clone(), |p| p.name.clone()),
            None => "the target platform".to_owned(),
        };
        egui::ComboBox::from_id_salt("function_platform")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(platform, None, "the target platform");
                for (id, name) in &edge_platforms(catalog, target) {
                    ui.selectable_value(platform, Some(id.clone()), format!("{name} (edge)"));
                }
            })
            .response
            .labelled_by(label.id);
    });
    number_fields(
        ui,
        [
            NumberField::new("Memory", memory_mb, " MB")
                .speed(8.0)
                .range(1.0..=65_536.0),
            NumberField::new("Duration", duration_ms, " ms").range(0.0..=86_400_000.0),
        ],
    );
    ui.horizontal(|ui| {
        widgets::field_label(ui, "Architecture", LABEL_WIDTH);
        ui.radio_value(arch, Arch::X86_64, "x86_64");
        ui.radio_value(arch, Arch::Arm64, "arm64");
    });
    let mut has_cpu = cpu_ms.is_some();
    if ui
        .checkbox(&mut has_cpu, "CPU time differs from duration")
        .changed()
    {
        *cpu_ms = has_cpu.then_some(*duration_ms);
    }
    if let Some(cpu) = cpu_ms {
        number(ui, "CPU time", cpu, " ms", 1.0, 0.0..=86_400_000.0);
    }
    number(ui, "Payload", payload_kb, " KB", 1.0, 0.0..=1e7);
}

fn source_ui(ui: &mut Ui, catalog: &Catalog, trigger: &mut String, load: &mut Load) {
    section(ui, "Event source");
    ui.horizontal(|ui| {
        let label = ui.label("Events");
        let current = catalog
            .trigger(trigger)
            .map_or(trigger.clone(), |t| t.name.clone());
        egui::ComboBox::from_id_salt("source_trigger")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for kind in &catalog.triggers {
                    ui.selectable_value(trigger, kind.id.clone(), &kind.name);
                }
            })
            .response
            .labelled_by(label.id);
    });
    // Wrapped: the three choices beside the label are wider than the panel,
    // and a row that does not fit would widen the panel for this node only.
    ui.horizontal_wrapped(|ui| {
        widgets::field_label(ui, "Load", LABEL_WIDTH);
        let is_requests = matches!(load, Load::RequestsPerMonth(_));
        let is_schedule = matches!(load, Load::Schedule { .. });
        let is_rate = matches!(load, Load::MessagesPerSecond(_));
        let monthly = load.events_per_month();
        if ui.radio(is_requests, "per month").clicked() && !is_requests {
            *load = Load::RequestsPerMonth(monthly.round());
        }
        if ui.radio(is_schedule, "schedule").clicked() && !is_schedule {
            *load = Load::Schedule { every_minutes: 5.0 };
        }
        if ui.radio(is_rate, "per second").clicked() && !is_rate {
            *load = Load::MessagesPerSecond(monthly / crate::cost::SECONDS_PER_MONTH);
        }
    });
    match load {
        Load::RequestsPerMonth(n) => {
            let speed = (*n * 0.01).max(1.0);
            number(ui, "Events per month", n, "", speed, 0.0..=1e13);
        }
        Load::Schedule { every_minutes } => {
            number(ui, "Every", every_minutes, " min", 1.0, 0.01..=1e6)
        }
        Load::MessagesPerSecond(rate) => number(ui, "Events per second", rate, "", 0.1, 0.0..=1e7),
    }
}

fn service_ui(ui: &mut Ui, catalog: &Catalog, service: &mut String, payload_kb: &mut f64) {
    section(ui, "Service");
    let role = catalog.service(service).map(|s| s.role);
    ui.horizontal(|ui| {
        let label = ui.label("Service");
        let current = catalog
            .service(service)
            .map_or(service.clone(), |s| s.name.clone());
        egui::ComboBox::from_id_salt("service_kind")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for candidate in catalog.services.iter().filter(|s| Some(s.role) == role) {
                    ui.selectable_value(
                        service,
                        candidate.id.clone(),
                        format!("{} ({})", candidate.name, candidate.provider),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(found) = catalog.service(service) {
        ui.label(RichText::new(format!("{} · {}", found.role.label(), found.provider)).weak());
        if let Some(caveat) = &found.caveat {
            ui.add(egui::Label::new(RichText::new(caveat).small().weak()).wrap());
        }
    }
    number(ui, "Payload", payload_kb, " KB", 1.0, 0.0..=1e7);
}

/// The node's load, cost and problems this month.
fn this_month_ui(
    state: &mut DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    id: crate::architecture::NodeId,
) {
    let derived = state.derived(catalog);
    section(ui, "This month");
    let events = derived.flow.events_per_month(id);
    key_text(ui, "Events", grouped(events.round()));
    if let Some(cost) = derived.price.component(id) {
        match (cost.status, cost.usd) {
            (CostStatus::Priced, Some(amount)) => {
                key_text(
                    ui,
                    "Cost",
                    format!("{} on {}", usd(amount), cost.mapped_name),
                );
                for line in &cost.line_items {
                    ui.label(
                        RichText::new(format!(
                            "{}: {} {} · {}",
                            line.meter,
                            quantity(line.quantity),
                            line.unit,
                            usd(line.usd)
                        ))
                        .small(),
                    );
                }
            }
            (status, _) => {
                key_text(ui, "Cost", status.label());
                for reason in &cost.reasons {
                    ui.add(egui::Label::new(RichText::new(reason).small()).wrap());
                }
            }
        }
    }
    let problems: Vec<String> = derived
        .problems
        .iter()
        .filter(|p| p.node == Some(id))
        .map(|p| format!("{}: {}", p.severity.label(), p.message))
        .collect();
    if !problems.is_empty() {
        section(ui, "Problems");
        for problem in problems {
            ui.add(
                egui::Label::new(RichText::new(problem).color(ui.visuals().warn_fg_color)).wrap(),
            );
        }
    }
}

fn group_ui(state: &mut DesignState, ui: &mut Ui, id: crate::architecture::GroupId) {
    let (cards, _) = state.doc.group_contents(id, super::geometry::card_anchor);
    let Some(group) = state.doc.group_mut(id) else {
        return;
    };
    section(ui, "Group");
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(egui::TextEdit::singleline(&mut group.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Kind");
        egui::ComboBox::from_id_salt("group_kind")
            .selected_text(group.kind.label())
            .show_ui(ui, |ui| {
                for kind in crate::architecture::GroupKind::ALL {
                    ui.selectable_value(&mut group.kind, kind, kind.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    let mut width = f64::from(group.size.0);
    let mut height = f64::from(group.size.1);
    let min = super::geometry::GROUP_MIN_SIZE;
    number_fields(
        ui,
        [
            NumberField::new("Width", &mut width, " pt")
                .speed(4.0)
                .range(f64::from(min.x)..=20_000.0),
            NumberField::new("Height", &mut height, " pt")
                .speed(4.0)
                .range(f64::from(min.y)..=20_000.0),
        ],
    );
    group.size = (width as f32, height as f32);
    key_text(ui, "Holds", format!("{} card(s)", cards.len()));
    ui.label(
        RichText::new("Groups only organise the drawing: drag the title bar to move a group with its cards; drag the corner to resize it.")
            .small()
            .weak(),
    );
}

fn edge_ui(
    state: &mut DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    id: crate::architecture::EdgeId,
) {
    let target = state.doc.target_platform.clone();
    let Some(edge) = state.doc.edge(id).cloned() else {
        return;
    };
    let name_of = |node| {
        state
            .doc
            .node(node)
            .map_or("?".to_owned(), |n| n.name.clone())
    };
    let (from_name, to_name) = (name_of(edge.from), name_of(edge.to));
    let to_platform = state
        .doc
        .node(edge.to)
        .and_then(|n| n.function_platform(&target).map(str::to_owned));
    section(
        ui,
        &format!(
            "{} {from_name} → {to_name}",
            if edge.kind == EdgeKind::Trigger {
                "Trigger"
            } else {
                "Data flow"
            }
        )
        .replace('→', "to"),
    );
    let Some(edge) = state.doc.edge_mut(id) else {
        return;
    };
    if edge.kind == EdgeKind::Trigger {
        let options: Vec<(String, String)> = to_platform
            .as_deref()
            .and_then(|p| catalog.platform(p))
            .map(|p| {
                let mut ids: Vec<&str> = p.triggers.iter().map(|t| t.trigger.as_str()).collect();
                ids.dedup();
                ids.into_iter()
                    .filter_map(|t| catalog.trigger(t).map(|k| (k.id.clone(), k.name.clone())))
                    .collect()
            })
            .unwrap_or_default();
        ui.horizontal(|ui| {
            let label = ui.label("Trigger");
            let current = edge
                .trigger
                .as_deref()
                .and_then(|t| catalog.trigger(t))
                .map_or("none".to_owned(), |t| t.name.clone());
            egui::ComboBox::from_id_salt("edge_trigger")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (trigger, name) in &options {
                        ui.selectable_value(&mut edge.trigger, Some(trigger.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    number_fields(
        ui,
        [
            NumberField::new("Share passed on", &mut edge.fraction, "")
                .speed(0.01)
                .range(0.0..=1.0),
            NumberField::new("Fan-out", &mut edge.fan_out, "×")
                .speed(0.1)
                .range(0.0..=1e6),
            NumberField::new("Batch size", &mut edge.batch_size, "").range(1.0..=1e6),
        ],
    );
    ui.label(
        RichText::new(
            "Events reaching the target = events at the source × share × fan-out ÷ batch size.",
        )
        .small()
        .weak(),
    );
    let edge = edge.clone();
    let derived = state.derived(catalog);
    key_text(
        ui,
        "Events this month",
        grouped(derived.flow.edge_events_per_month(&edge).round()),
    );
    if ui.button("Delete connection").clicked() {
        state.delete_selection();
    }
}
