//! The palette: what can go on the canvas, from the catalog. Grouped into
//! functions, event sources and services (by provider and role), filtered
//! by a search. Drag an entry onto the canvas, or click it to drop it in the
//! middle of the view.

use egui::{Pos2, RichText, Ui, Vec2};

use super::DesignState;
use super::geometry::{self, NODE_SIZE};
use crate::architecture::{GroupKind, NodeKind};
use crate::catalog::{Catalog, ServiceRole};

/// A palette entry dragged onto the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteItem {
    Function { platform: Option<String> },
    Source(String),
    Service(String),
    Group(GroupKind),
}

impl PaletteItem {
    pub fn kind(&self) -> NodeKind {
        match self {
            PaletteItem::Function { platform } => {
                let mut kind = NodeKind::function();
                if let NodeKind::Function { platform: slot, .. } = &mut kind {
                    slot.clone_from(platform);
                }
                kind
            }
            PaletteItem::Source(trigger) => NodeKind::event_source(trigger),
            PaletteItem::Service(service) => NodeKind::service(service),
            // Groups are not nodes; `place` adds them separately.
            PaletteItem::Group(_) => NodeKind::function(),
        }
    }

    pub fn default_name(&self, catalog: &Catalog) -> String {
        match self {
            PaletteItem::Function { platform: None } => "Function".into(),
            PaletteItem::Function { platform: Some(_) } => "Edge function".into(),
            PaletteItem::Source(trigger) => catalog
                .trigger(trigger)
                .map_or_else(|| trigger.clone(), |t| format!("{} source", t.name)),
            PaletteItem::Service(service) => catalog
                .service(service)
                .map_or_else(|| service.clone(), |s| s.name.clone()),
            PaletteItem::Group(kind) => kind.label().to_owned(),
        }
    }
}

/// Default size of a new group.
const NEW_GROUP_SIZE: Vec2 = Vec2::new(440.0, 280.0);

/// Add a palette item centred on a scene point (snapped), and select it.
pub fn place(state: &mut DesignState, catalog: &Catalog, item: &PaletteItem, at_scene: Pos2) {
    if let PaletteItem::Group(kind) = item {
        let position = geometry::snap(geometry::from_pos(at_scene - NEW_GROUP_SIZE / 2.0));
        let id = state.doc.add_group(
            item.default_name(catalog),
            *kind,
            position,
            (NEW_GROUP_SIZE.x, NEW_GROUP_SIZE.y),
        );
        state.selection.clear();
        state.selection.groups.insert(id);
        return;
    }
    let position = geometry::snap(geometry::from_pos(at_scene - NODE_SIZE / 2.0));
    let id = state
        .doc
        .add_node(item.default_name(catalog), position, item.kind());
    state.selection.select_node(id);
}

fn matches(search: &str, texts: &[&str]) -> bool {
    let haystack = texts.join(" ").to_lowercase();
    search
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

/// One palette entry: click it to drop it in the middle of the view, or
/// drag it onto the canvas.
fn entry(
    state: &mut DesignState,
    ui: &mut Ui,
    catalog: &Catalog,
    item: PaletteItem,
    label: &str,
    hover: &str,
) {
    let response = ui
        .add(
            egui::Button::new(label)
                .frame(false)
                .truncate()
                .sense(egui::Sense::click_and_drag()),
        )
        .on_hover_text(format!(
            "{hover}\nDrag onto the canvas, or click to add it in the middle."
        ));
    let accessible = format!("Add {label}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    if response.drag_started() {
        response.dnd_set_drag_payload(item.clone());
    }
    if response.dragged()
        && let Some(pointer) = ui.ctx().pointer_interact_pos()
    {
        // A ghost of the entry follows the pointer while dragging.
        egui::Area::new(egui::Id::unique("palette_ghost"))
            .fixed_pos(pointer + egui::vec2(12.0, 8.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(label);
                });
            });
    }
    if response.clicked() {
        let at_scene = state.canvas.view_centre();
        place(state, catalog, &item, at_scene);
        // A click adds in the middle of the view: move it off any card there.
        if let Some(id) = state.selection.only_node() {
            let occupied: Vec<egui::Rect> = state
                .doc
                .nodes
                .iter()
                .filter(|n| n.id != id)
                .map(|n| geometry::node_rect(n.position))
                .collect();
            if let Some(node) = state.doc.node_mut(id) {
                node.position = geometry::free_spot(node.position, &occupied);
            }
        }
    }
}

pub fn ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog) {
    ui.heading("Palette");
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut state.palette_search)
                .hint_text("S3, queue, stream…")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    let search = state.palette_search.trim().to_owned();
    egui::ScrollArea::vertical()
        .id_salt("palette_scroll")
        .show(ui, |ui| {
            functions_ui(state, ui, catalog, &search);
            sources_ui(state, ui, catalog, &search);
            containers_ui(state, ui, catalog, &search);
            services_ui(state, ui, catalog, &search);
        });
}

/// The provider of the target platform, whose entries come first.
fn target_provider(state: &DesignState, catalog: &Catalog) -> String {
    catalog
        .platform(&state.doc.target_platform)
        .map(|p| p.provider.clone())
        .unwrap_or_default()
}

fn functions_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, search: &str) {
    let searching = !search.is_empty();
    let target_provider = target_provider(state, catalog);
    egui::CollapsingHeader::new(RichText::new("Functions").strong())
        .id_salt("palette_functions")
        .default_open(true)
        .show(ui, |ui| {
            let target = catalog
                .platform(&state.doc.target_platform)
                .map_or("the target platform", |p| p.name.as_str())
                .to_owned();
            if !searching || matches(search, &["function", &target]) {
                entry(
                    state,
                    ui,
                    catalog,
                    PaletteItem::Function { platform: None },
                    "Function",
                    &format!("A function on {target}"),
                );
            }
            let edge = catalog
                .provider(&target_provider)
                .and_then(|p| p.edge_platform.clone())
                .filter(|id| *id != state.doc.target_platform)
                .and_then(|id| catalog.platform(&id).map(|p| (id, p.name.clone())));
            if let Some((id, name)) = edge
                && (!searching || matches(search, &["edge function", &name]))
            {
                entry(
                    state,
                    ui,
                    catalog,
                    PaletteItem::Function { platform: Some(id) },
                    &format!("Edge function ({name})"),
                    &format!("A function at the CDN edge, on {name}"),
                );
            }
        });
}

fn sources_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, search: &str) {
    let searching = !search.is_empty();
    egui::CollapsingHeader::new(RichText::new("Event sources").strong())
        .id_salt("palette_sources")
        .default_open(true)
        .show(ui, |ui| {
            for trigger in &catalog.triggers {
                if searching && !matches(search, &[&trigger.name, &trigger.id, "source"]) {
                    continue;
                }
                entry(
                    state,
                    ui,
                    catalog,
                    PaletteItem::Source(trigger.id.clone()),
                    &trigger.name,
                    &trigger.description,
                );
            }
        });
}

fn containers_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, search: &str) {
    let searching = !search.is_empty();
    egui::CollapsingHeader::new(RichText::new("Containers").strong())
        .id_salt("palette_groups")
        .default_open(false)
        .open(searching.then_some(true))
        .show(ui, |ui| {
            for kind in GroupKind::ALL {
                if searching && !matches(search, &[kind.label(), "container group"]) {
                    continue;
                }
                entry(
                    state,
                    ui,
                    catalog,
                    PaletteItem::Group(kind),
                    kind.label(),
                    "A labelled area: moving it moves the cards inside it.",
                );
            }
        });
}

fn services_ui(state: &mut DesignState, ui: &mut Ui, catalog: &Catalog, search: &str) {
    let searching = !search.is_empty();
    let target_provider = target_provider(state, catalog);
    ui.label(RichText::new("Services").strong());
    // The target's provider first, open; the others closed unless searching.
    let mut providers: Vec<&crate::catalog::Provider> = catalog.service_providers();
    providers.sort_by_key(|p| p.id != target_provider);
    for provider in providers {
        let services: Vec<&crate::catalog::Service> = catalog
            .services
            .iter()
            .filter(|s| s.provider == provider.id)
            .filter(|s| {
                !searching || matches(search, &[&s.name, &s.id, s.role.label(), &provider.name])
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(&provider.name)
            .id_salt(("palette_provider", &provider.id))
            .default_open(provider.id == target_provider)
            .open(searching.then_some(true))
            .show(ui, |ui| {
                for role in ServiceRole::ALL {
                    let in_role: Vec<&&crate::catalog::Service> =
                        services.iter().filter(|s| s.role == role).collect();
                    if in_role.is_empty() {
                        continue;
                    }
                    ui.label(RichText::new(role.label()).small().weak());
                    for service in in_role {
                        let hover = match &service.caveat {
                            Some(caveat) => format!("{}\n{caveat}", service.description),
                            None => service.description.clone(),
                        };
                        entry(
                            state,
                            ui,
                            catalog,
                            PaletteItem::Service(service.id.clone()),
                            &service.name,
                            &hover,
                        );
                    }
                }
            });
    }
}
