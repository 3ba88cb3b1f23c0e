//! The panel under the canvas: problems (click one to select its node) and
//! portability (the architecture on every provider, priced, with gaps).

use egui::{RichText, Ui};

use super::{BottomTab, DesignState};
use crate::architecture::Severity;
use crate::catalog::Catalog;
use crate::export::architecture::total_label;
use crate::ui::design::geometry;

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    let (errors, warnings) = {
        let derived = state.derived(catalog);
        let errors = derived.problems.iter().filter(|p| p.is_error()).count();
        (errors, derived.problems.len() - errors)
    };
    ui.horizontal(|ui| {
        let problems = format!("Problems ({errors} errors, {warnings} warnings)");
        ui.selectable_value(&mut state.bottom_tab, BottomTab::Problems, problems);
        ui.selectable_value(
            &mut state.bottom_tab,
            BottomTab::Portability,
            "Portability and costs by provider",
        );
    });
    ui.separator();
    match state.bottom_tab {
        BottomTab::Problems => problems_ui(state, ui, catalog),
        BottomTab::Portability => portability_ui(state, ui, catalog),
    }
}

fn problems_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    state.derived(catalog);
    // Read in place (no copy a frame): the click is applied after drawing.
    let Some(problems) = state.derived_ref().map(|d| &d.problems) else {
        return;
    };
    if problems.is_empty() {
        ui.label(RichText::new("No problems: every piece runs on the target platform.").weak());
        return;
    }
    let mut select = None;
    egui::ScrollArea::vertical()
        .id_salt("problems_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            for problem in problems {
                ui.horizontal(|ui| {
                    let color = match problem.severity {
                        Severity::Error => ui.visuals().error_fg_color,
                        Severity::Warning => ui.visuals().warn_fg_color,
                    };
                    ui.label(
                        RichText::new(problem.severity.label())
                            .color(color)
                            .strong(),
                    );
                    let text = if problem.subject.is_empty() {
                        problem.message.clone()
                    } else {
                        format!("{}: {}", problem.subject, problem.message)
                    };
                    let clickable = problem.node.is_some() || problem.edge.is_some();
                    let response = if clickable {
                        ui.add(egui::Button::new(text).frame(false).wrap())
                            .on_hover_text("Select it on the canvas")
                    } else {
                        ui.add(egui::Label::new(text).wrap())
                    };
                    if clickable && response.clicked() {
                        select = Some((problem.node, problem.edge));
                    }
                });
            }
        });
    if let Some((node, edge)) = select {
        state.selection.clear();
        if let Some(node) = node {
            state.selection.nodes.insert(node);
            // Bring it into view, keeping the zoom.
            if let Some(found) = state.doc.node(node) {
                let centre = geometry::node_rect(found.position).center();
                if state.canvas.scene_rect.is_finite() && state.canvas.scene_rect.area() > 0.0 {
                    state.canvas.scene_rect =
                        egui::Rect::from_center_size(centre, state.canvas.scene_rect.size());
                }
            }
        } else {
            state.selection.edge = edge;
        }
    }
}

fn portability_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    // Read in place: copying every provider's priced components each frame
    // was most of this panel's cost on a large diagram.
    let ports = &state.derived(catalog).ports;
    egui::ScrollArea::vertical().id_salt("portability_scroll").auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("portability_grid")
            .striped(true)
            .num_columns(5)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for header in ["Provider", "Functions run on", "Monthly total", "Runs as drawn?", "Gaps"] {
                    ui.label(RichText::new(header).strong());
                }
                ui.end_row();
                for port in ports {
                    let name = if port.home {
                        RichText::new(format!("{} (target)", port.provider_name)).strong()
                    } else {
                        RichText::new(&port.provider_name)
                    };
                    ui.label(name);
                    ui.label(&port.platform_name);
                    let total = total_label(port);
                    ui.label(&total).widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Label,
                            true,
                            format!("{} total {total}", port.provider_name),
                        )
                    });
                    ui.label(if port.gaps.is_empty() && port.price.feasible {
                        RichText::new("yes").color(egui::Color32::from_rgb(46, 160, 67))
                    } else {
                        RichText::new("with gaps").color(ui.visuals().warn_fg_color)
                    });
                    if port.gaps.is_empty() {
                        ui.label("—");
                    } else {
                        let all: Vec<&str> = port.gaps.iter().map(|g| g.message.as_str()).collect();
                        ui.label(format!("{} gap(s)", port.gaps.len())).on_hover_text(all.join("\n"));
                    }
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        for port in ports.iter().filter(|p| !p.gaps.is_empty()) {
            egui::CollapsingHeader::new(format!("Gaps on {}", port.provider_name))
                .id_salt(("gaps", &port.provider))
                .show(ui, |ui| {
                    for gap in &port.gaps {
                        ui.add(egui::Label::new(format!("• {}", gap.message)).wrap());
                    }
                });
        }
        ui.label(
            RichText::new("Each node maps to the provider's service with the same role; free tiers follow the toolbar switch.")
                .small()
                .weak(),
        );
    });
}
