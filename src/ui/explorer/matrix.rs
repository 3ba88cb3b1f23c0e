//! Matrices: platforms × trigger kinds, platforms × operational
//! capabilities, and frameworks × providers. A click on a cell shows the
//! evidence behind it.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Ui, Vec2, WidgetInfo};
use serde::{Deserialize, Serialize};

use super::{Cell, ExplorerState};
use crate::catalog::query;
use crate::catalog::{Capability, Catalog};
use crate::ui::widgets;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatrixKind {
    #[default]
    Triggers,
    Operations,
    Frameworks,
}

impl MatrixKind {
    pub fn label(self) -> &'static str {
        match self {
            MatrixKind::Triggers => "Platforms × triggers",
            MatrixKind::Operations => "Platforms × operations",
            MatrixKind::Frameworks => "Frameworks × providers",
        }
    }
}

/// A row or column: its id and what the user reads.
struct Axis {
    id: String,
    label: String,
}

/// What a cell shows.
enum Mark {
    Empty,
    /// Supported, with how many native entries back it.
    Yes(usize),
}

const ROW_HEIGHT: f32 = 22.0;
/// Space around the measured labels, in points.
const LABEL_PADDING: f32 = 12.0;

pub fn ui(state: &mut ExplorerState, ui: &mut Ui, catalog: &Catalog) {
    ui.horizontal(|ui| {
        for kind in [
            MatrixKind::Triggers,
            MatrixKind::Operations,
            MatrixKind::Frameworks,
        ] {
            if ui
                .selectable_label(state.matrix == kind, kind.label())
                .clicked()
                && state.matrix != kind
            {
                state.matrix = kind;
                state.matrix_cell = None;
                ui.ctx().request_repaint();
            }
        }
        if state.matrix != MatrixKind::Frameworks && !state.filter.is_empty() {
            ui.label(RichText::new("(rows follow the platform filters)").weak());
        }
    });
    ui.separator();

    let platforms = query::platforms(catalog, &state.filter, state.sort, state.ascending);
    let platform_rows = || -> Vec<Axis> {
        platforms
            .iter()
            .map(|p| Axis {
                id: p.id.clone(),
                label: p.name.clone(),
            })
            .collect()
    };
    let (rows, columns, column_width): (Vec<Axis>, Vec<Axis>, f32) = match state.matrix {
        MatrixKind::Triggers => (
            platform_rows(),
            catalog
                .triggers
                .iter()
                .map(|t| Axis {
                    id: t.id.clone(),
                    label: t.name.clone(),
                })
                .collect(),
            26.0,
        ),
        MatrixKind::Operations => (
            platform_rows(),
            Capability::ALL
                .iter()
                .map(|c| Axis {
                    id: capability_id(*c).into(),
                    label: c.label().into(),
                })
                .collect(),
            60.0,
        ),
        MatrixKind::Frameworks => {
            let mut providers: Vec<&str> = Vec::new();
            for provider in &catalog.providers {
                if catalog
                    .frameworks
                    .iter()
                    .any(|f| f.providers.iter().any(|s| s.provider == provider.id))
                {
                    providers.push(&provider.id);
                }
            }
            (
                catalog
                    .frameworks
                    .iter()
                    .map(|f| Axis {
                        id: f.id.clone(),
                        label: f.name.clone(),
                    })
                    .collect(),
                providers
                    .iter()
                    .filter_map(|id| catalog.provider(id))
                    .map(|p| Axis {
                        id: p.id.clone(),
                        label: p.name.clone(),
                    })
                    .collect(),
                30.0,
            )
        }
    };

    let mark = |row: &str, column: &str| -> Mark {
        match state.matrix {
            MatrixKind::Triggers => {
                let count = catalog.platform(row).map_or(0, |p| {
                    p.triggers.iter().filter(|t| t.trigger == column).count()
                });
                if count > 0 {
                    Mark::Yes(count)
                } else {
                    Mark::Empty
                }
            }
            MatrixKind::Operations => match (catalog.platform(row), capability_from_id(column)) {
                (Some(p), Some(c)) if p.operations.get(c).is_some() => Mark::Yes(1),
                _ => Mark::Empty,
            },
            MatrixKind::Frameworks => {
                let supported = catalog
                    .framework(row)
                    .is_some_and(|f| f.providers.iter().any(|s| s.provider == column));
                if supported { Mark::Yes(1) } else { Mark::Empty }
            }
        }
    };

    egui::Panel::right("matrix_evidence")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| evidence_ui(state, ui, catalog));

    egui::CentralPanel::default().show(ui, |ui| {
        if rows.is_empty() {
            ui.label("No platform matches the current filters.");
            return;
        }
        egui::ScrollArea::both()
            .id_salt(("matrix", state.matrix as u8))
            .auto_shrink(false)
            .show(ui, |ui| {
                grid_ui(
                    ui,
                    &rows,
                    &columns,
                    column_width,
                    &mark,
                    &mut state.matrix_cell,
                );
            });
    });
}

fn capability_id(capability: Capability) -> &'static str {
    match capability {
        Capability::Metrics => "metrics",
        Capability::Logs => "logs",
        Capability::Tracing => "tracing",
        Capability::Debugger => "debugger",
        Capability::Iam => "iam",
    }
}

fn capability_from_id(id: &str) -> Option<Capability> {
    Capability::ALL
        .into_iter()
        .find(|c| capability_id(*c) == id)
}

fn grid_ui(
    ui: &mut Ui,
    rows: &[Axis],
    columns: &[Axis],
    column_width: f32,
    mark: &dyn Fn(&str, &str) -> Mark,
    selected: &mut Option<Cell>,
) {
    let visuals = ui.visuals().clone();
    let text_color = visuals.text_color();
    let font = FontId::proportional(12.5);
    // The label column and the header are as wide and as tall as the longest
    // row name and column name, so no name runs into the cells or is cut.
    let layout = |text: &str| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), text_color)
    };
    let row_galleys: Vec<_> = rows.iter().map(|r| layout(&r.label)).collect();
    let column_galleys: Vec<_> = columns.iter().map(|c| layout(&c.label)).collect();
    let widest = |galleys: &[std::sync::Arc<egui::Galley>]| {
        galleys.iter().map(|g| g.size().x).fold(0.0, f32::max)
    };
    let row_label_width = widest(&row_galleys) + LABEL_PADDING;
    let header_height = widest(&column_galleys) + LABEL_PADDING;
    let size = Vec2::new(
        row_label_width + column_width * columns.len() as f32,
        header_height + ROW_HEIGHT * rows.len() as f32,
    );
    let (area, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(area);

    // Column headers, rotated so narrow columns keep readable names.
    for ((index, column), galley) in columns.iter().enumerate().zip(column_galleys) {
        let x = area.left() + row_label_width + column_width * (index as f32 + 0.5);
        let (text_width, text_height) = (galley.size().x, galley.size().y);
        let anchor = egui::pos2(x - text_height / 2.0, area.top() + header_height - 4.0);
        let bounds = Rect::from_min_max(
            egui::pos2(anchor.x, anchor.y - text_width),
            egui::pos2(anchor.x + text_height, anchor.y),
        );
        named_rect(ui, bounds, ("column_header", &column.id), &column.label);
        painter.add(
            egui::epaint::TextShape::new(anchor, galley, text_color)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }

    let accent = visuals.selection.bg_fill;
    for (r, row) in rows.iter().enumerate() {
        let top = area.top() + header_height + ROW_HEIGHT * r as f32;
        if r % 2 == 1 {
            painter.rect_filled(
                Rect::from_min_size(egui::pos2(area.left(), top), Vec2::new(size.x, ROW_HEIGHT)),
                0.0,
                visuals.faint_bg_color,
            );
        }
        let galley = &row_galleys[r];
        let label_pos = egui::pos2(
            area.left() + 4.0,
            top + (ROW_HEIGHT - galley.size().y) / 2.0,
        );
        named_rect(
            ui,
            Rect::from_min_size(label_pos, galley.size()),
            ("row_label", &row.id),
            &row.label,
        );
        painter.galley(label_pos, galley.clone(), text_color);
        for (c, column) in columns.iter().enumerate() {
            let rect = Rect::from_min_size(
                egui::pos2(area.left() + row_label_width + column_width * c as f32, top),
                Vec2::new(column_width, ROW_HEIGHT),
            );
            let id = ui.scope_id().with(("cell", &row.id, &column.id));
            let response = ui.interact(rect.shrink(1.0), id, Sense::click());
            let cell_mark = mark(&row.id, &column.id);
            let supported = matches!(cell_mark, Mark::Yes(_));
            let label = format!(
                "{} × {}: {}",
                row.label,
                column.label,
                if supported { "yes" } else { "no evidence" }
            );
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            let is_selected = selected
                .as_ref()
                .is_some_and(|(sr, sc)| *sr == row.id && *sc == column.id);
            if is_selected {
                painter.rect_filled(rect.shrink(1.0), 3.0, accent);
            } else if response.hovered() {
                painter.rect_filled(rect.shrink(1.0), 3.0, visuals.widgets.hovered.bg_fill);
            }
            if let Mark::Yes(count) = cell_mark {
                painter.circle_filled(rect.center(), 5.5, Color32::from_rgb(46, 160, 67));
                if count > 1 {
                    painter.text(
                        rect.right_top() + Vec2::new(-3.0, 1.0),
                        Align2::RIGHT_TOP,
                        count.to_string(),
                        FontId::proportional(9.0),
                        text_color,
                    );
                }
            } else {
                painter.circle_stroke(rect.center(), 2.0, (1.0, visuals.weak_text_color()));
            }
            if response.clicked() {
                *selected = Some((row.id.clone(), column.id.clone()));
            }
            response.on_hover_text(&label);
        }
    }
}

/// Tell screen readers (and tests) what text sits in a painted rectangle.
fn named_rect(ui: &Ui, rect: Rect, salt: impl std::hash::Hash + std::fmt::Debug, text: &str) {
    let response = ui.interact(rect, ui.scope_id().with(salt), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
}

fn evidence_ui(state: &ExplorerState, ui: &mut Ui, catalog: &Catalog) {
    ui.heading("Evidence");
    let Some((row, column)) = &state.matrix_cell else {
        ui.label("Click a cell to see what backs it.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("evidence")
        .show(ui, |ui| match state.matrix {
            MatrixKind::Triggers => {
                let (Some(platform), Some(trigger)) =
                    (catalog.platform(row), catalog.trigger(column))
                else {
                    return;
                };
                ui.label(RichText::new(format!("{} × {}", platform.name, trigger.name)).strong());
                ui.label(RichText::new(&trigger.description).weak());
                ui.add_space(6.0);
                let native: Vec<_> = platform
                    .triggers
                    .iter()
                    .filter(|t| t.trigger == trigger.id)
                    .collect();
                if native.is_empty() {
                    ui.label(format!(
                        "The sources record no {} trigger for {}.",
                        trigger.name.to_lowercase(),
                        platform.name
                    ));
                } else {
                    for t in native {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("• {}", t.service));
                            widgets::badge(ui, t.delivery.label(), ui.visuals().hyperlink_color);
                            if let Some(service) =
                                t.service_id.as_deref().and_then(|id| catalog.service(id))
                            {
                                ui.label(RichText::new(format!("({})", service.id)).weak());
                            }
                        });
                    }
                }
                widgets::section(ui, "Sources");
                widgets::sources_ui(ui, &platform.sources);
            }
            MatrixKind::Operations => {
                let (Some(platform), Some(capability)) =
                    (catalog.platform(row), capability_from_id(column))
                else {
                    return;
                };
                ui.label(
                    RichText::new(format!("{} × {}", platform.name, capability.label())).strong(),
                );
                ui.add_space(6.0);
                match platform.operations.get(capability) {
                    Some(text) => ui.label(text),
                    None => ui.label("The sources give no evidence for this capability."),
                };
                widgets::section(ui, "Sources");
                widgets::sources_ui(ui, &platform.sources);
            }
            MatrixKind::Frameworks => {
                let (Some(framework), Some(provider)) =
                    (catalog.framework(row), catalog.provider(column))
                else {
                    return;
                };
                ui.label(RichText::new(format!("{} × {}", framework.name, provider.name)).strong());
                ui.add_space(6.0);
                match framework
                    .providers
                    .iter()
                    .find(|s| s.provider == provider.id)
                {
                    Some(support) => {
                        ui.label(format!("{} deploys to {}.", framework.name, provider.name));
                        if let Some(note) = &support.note {
                            ui.label(note);
                        }
                    }
                    None => {
                        ui.label(format!(
                            "The sources record no support for {} in {}.",
                            provider.name, framework.name
                        ));
                    }
                }
                ui.label(RichText::new(format!("Status: {}", framework.status.label())).weak());
                widgets::section(ui, "Sources");
                widgets::sources_ui(ui, &framework.sources);
            }
        });
}
