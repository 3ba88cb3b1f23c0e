//! The Explorer tab: the platform list and detail, matrices, a timeline and
//! a side-by-side comparison, all over the same filters.

mod compare;
mod detail;
mod list;
mod matrix;
mod timeline;

use egui::Ui;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::catalog::query::{self, PlatformFilter, SortColumn};

pub use matrix::MatrixKind;

/// The explorer's sub-views.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExplorerView {
    #[default]
    Platforms,
    Matrices,
    Timeline,
    Compare,
}

impl ExplorerView {
    pub const ALL: [ExplorerView; 4] = [
        ExplorerView::Platforms,
        ExplorerView::Matrices,
        ExplorerView::Timeline,
        ExplorerView::Compare,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExplorerView::Platforms => "Platforms",
            ExplorerView::Matrices => "Matrices",
            ExplorerView::Timeline => "Timeline",
            ExplorerView::Compare => "Compare",
        }
    }
}

/// A matrix cell: row id and column id.
pub type Cell = (String, String);

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplorerState {
    pub view: ExplorerView,
    pub filter: PlatformFilter,
    pub sort: SortColumn,
    pub ascending: bool,
    /// The platform shown in the detail pane.
    pub selected: Option<String>,
    pub matrix: MatrixKind,
    pub matrix_cell: Option<Cell>,
    /// Platforms in the side-by-side comparison (two to four).
    pub compare: Vec<String>,
    #[serde(skip)]
    focus_search: bool,
}

impl Default for ExplorerState {
    fn default() -> Self {
        ExplorerState {
            view: ExplorerView::Platforms,
            filter: PlatformFilter::default(),
            sort: SortColumn::Name,
            ascending: true,
            selected: Some("aws-lambda".into()),
            matrix: MatrixKind::Triggers,
            matrix_cell: None,
            compare: vec![
                "aws-lambda".into(),
                "azure-functions".into(),
                "google-cloud-run-functions".into(),
            ],
            focus_search: false,
        }
    }
}

/// The most platforms the comparison shows at once.
pub const MAX_COMPARED: usize = 4;

impl ExplorerState {
    /// Drop remembered ids that the (possibly different) catalog lacks.
    pub fn forget_unknown_ids(&mut self, catalog: &Catalog) {
        if self
            .selected
            .as_ref()
            .is_some_and(|id| catalog.platform(id).is_none())
        {
            self.selected = catalog.platforms.first().map(|p| p.id.clone());
        }
        self.compare.retain(|id| catalog.platform(id).is_some());
        self.compare.truncate(MAX_COMPARED);
        if self
            .filter
            .trigger
            .as_ref()
            .is_some_and(|id| catalog.trigger(id).is_none())
        {
            self.filter.trigger = None;
        }
        self.matrix_cell = None;
    }

    pub fn request_search_focus(&mut self) {
        self.view = ExplorerView::Platforms;
        self.focus_search = true;
    }

    /// Toggle a platform in the comparison; returns false when it is full.
    pub fn toggle_compare(&mut self, id: &str) -> bool {
        if let Some(position) = self.compare.iter().position(|c| c == id) {
            self.compare.remove(position);
            true
        } else if self.compare.len() < MAX_COMPARED {
            self.compare.push(id.to_owned());
            true
        } else {
            false
        }
    }

    /// Draw the tab. Returns a price sheet id when the user asks to price it.
    pub fn ui(&mut self, ui: &mut Ui, catalog: &Catalog) -> Option<String> {
        ui.horizontal(|ui| {
            for view in ExplorerView::ALL {
                if ui
                    .selectable_label(self.view == view, view.label())
                    .clicked()
                {
                    self.view = view;
                    // Redraw so the highlight follows the click at once.
                    ui.ctx().request_repaint();
                }
            }
        });
        ui.separator();
        match self.view {
            ExplorerView::Platforms => self.platforms_ui(ui, catalog),
            ExplorerView::Matrices => {
                matrix::ui(self, ui, catalog);
                None
            }
            ExplorerView::Timeline => {
                if let Some(id) = timeline::ui(ui, catalog, &self.filter, self.selected.as_deref())
                {
                    self.selected = Some(id);
                    self.view = ExplorerView::Platforms;
                }
                None
            }
            ExplorerView::Compare => {
                compare::ui(self, ui, catalog);
                None
            }
        }
    }

    fn platforms_ui(&mut self, ui: &mut Ui, catalog: &Catalog) -> Option<String> {
        egui::Panel::left("platform_list")
            .resizable(true)
            .default_size(560.0)
            .min_size(380.0)
            .show(ui, |ui| list::ui(self, ui, catalog));
        let mut price = None;
        // The detail follows the list: when the filters hide the selected
        // platform, show the first one still listed instead.
        let listed = query::platforms(catalog, &self.filter, self.sort, self.ascending);
        if !listed
            .iter()
            .any(|p| Some(p.id.as_str()) == self.selected.as_deref())
        {
            self.selected = listed.first().map(|p| p.id.clone());
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let selected = self.selected.as_deref().and_then(|id| catalog.platform(id));
            match selected {
                Some(platform) => match detail::ui(ui, catalog, platform, &self.compare) {
                    Some(detail::Action::Select(id)) => self.selected = Some(id),
                    Some(detail::Action::Price(sheet)) => price = Some(sheet),
                    Some(detail::Action::ToggleCompare(id)) => {
                        self.toggle_compare(&id);
                    }
                    None => {}
                },
                None => {
                    ui.centered_and_justified(|ui| {
                        ui.label("Nothing to show: no platform matches the filters.");
                    });
                }
            }
        });
        price
    }
}
