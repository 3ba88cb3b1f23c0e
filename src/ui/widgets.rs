//! Small drawing helpers shared by the views: badges, source links, colours.

use egui::{Color32, RichText, Ui};

use crate::catalog::{Source, Status, ToolStatus};

/// A small coloured label with a rounded background.
///
/// Laid out as one piece (never broken inside), so a wrapping row moves a
/// badge that does not fit to the next line instead of squeezing its text
/// one letter per line.
pub fn badge(ui: &mut Ui, text: &str, color: Color32) -> egui::Response {
    let margin = egui::vec2(5.0, 1.0);
    let galley = egui::WidgetText::from(RichText::new(text).small().color(color)).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Small,
    );
    let size = galley.size() + 2.0 * margin + egui::vec2(2.0, 2.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect.shrink(0.5),
            6.0,
            color.gamma_multiply(0.22),
            egui::Stroke::new(1.0, color.gamma_multiply(0.7)),
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + margin + egui::vec2(1.0, 1.0), galley, color);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Active => Color32::from_rgb(46, 160, 67),
        Status::Deprecated => Color32::from_rgb(210, 150, 20),
        Status::Retired => Color32::from_rgb(215, 70, 60),
        Status::Archived => Color32::from_rgb(130, 130, 140),
    }
}

pub fn status_badge(ui: &mut Ui, status: Status) -> egui::Response {
    badge(ui, status.label(), status_color(status))
}

pub fn tool_status_color(status: ToolStatus) -> Color32 {
    match status {
        ToolStatus::Active => Color32::from_rgb(46, 160, 67),
        ToolStatus::Maintenance => Color32::from_rgb(90, 150, 210),
        ToolStatus::Dormant | ToolStatus::Deprecated => Color32::from_rgb(210, 150, 20),
        ToolStatus::Unmaintained | ToolStatus::EndOfLife => Color32::from_rgb(215, 70, 60),
    }
}

/// Sources as clickable links, each with its confidence note.
pub fn sources_ui(ui: &mut Ui, sources: &[Source]) {
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
        });
    }
}

/// A distinct colour for the i-th series of a chart: Paul Tol's "bright"
/// scheme (without its grey, which the always-on line uses), made to stay
/// apart for readers with colour-vision deficiencies. It repeats after six;
/// charts with more series add line styles or marker shapes.
pub fn series_color(index: usize) -> Color32 {
    const PALETTE: [Color32; 6] = [
        Color32::from_rgb(68, 119, 170),  // blue
        Color32::from_rgb(238, 102, 119), // red
        Color32::from_rgb(34, 136, 51),   // green
        Color32::from_rgb(204, 187, 68),  // yellow
        Color32::from_rgb(102, 204, 238), // cyan
        Color32::from_rgb(170, 51, 119),  // purple
    ];
    PALETTE[index % PALETTE.len()]
}

/// A heading with a little space above it, for detail panes.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.separator();
}

/// Width of the key column in key–value rows.
pub const KEY_WIDTH: f32 = 150.0;

/// A key on the left and a value that wraps in the remaining width.
pub fn key_value(ui: &mut Ui, key: &str, value: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(KEY_WIDTH, 0.0),
            egui::Layout::left_to_right(egui::Align::Min),
            |ui| {
                ui.set_min_width(KEY_WIDTH);
                ui.label(RichText::new(key).weak());
            },
        );
        ui.vertical(|ui| value(ui));
    });
}

/// A key and a plain wrapping text value.
pub fn key_text(ui: &mut Ui, key: &str, text: impl Into<egui::WidgetText>) {
    key_value(ui, key, |ui| {
        ui.add(egui::Label::new(text).wrap());
    });
}

/// A left-aligned label of fixed width, so the fields after it line up.
pub fn field_label(ui: &mut Ui, text: &str, width: f32) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 18.0),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.add(egui::Label::new(text).truncate());
        },
    );
}

/// A labelled number on its own line. The label also names the field for
/// screen readers and tests.
pub fn number_field(
    ui: &mut Ui,
    label: &str,
    label_width: f32,
    value: &mut f64,
    suffix: &str,
    speed: f64,
    range: std::ops::RangeInclusive<f64>,
) {
    ui.horizontal(|ui| {
        field_label(ui, label, label_width);
        let response = ui.add(
            egui::DragValue::new(value)
                .speed(speed)
                .range(range)
                .suffix(suffix)
                .max_decimals(3),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, label));
    });
}
