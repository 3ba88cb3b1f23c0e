//! Exporting the comparison (CSV, JSON, Markdown, with the CLI's writers)
//! and the chart (PNG, from a screenshot of the window).
//!
//! The native dialog is optional: on a desktop without an XDG portal rfd
//! returns at once as if cancelled, so the path field always works too.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, RichText, Ui};

use super::{Computed, CostsState};
use crate::catalog::Catalog;
use crate::cost::Quote;
use crate::export::{self, ExportError, Format};
use crate::ui::command::Command;
use crate::ui::status::StatusMessage;
use crate::ui::widgets::section;

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Table(Format),
    ChartPng,
}

impl Target {
    fn extension(self) -> &'static str {
        match self {
            Target::Table(format) => format.extension(),
            Target::ChartPng => "png",
        }
    }
}

fn ok(text: String) -> StatusMessage {
    StatusMessage {
        text,
        is_error: false,
    }
}

fn error(text: String) -> StatusMessage {
    StatusMessage {
        text,
        is_error: true,
    }
}

pub fn ui(state: &mut CostsState, ui: &mut Ui, catalog: &Catalog) -> Option<StatusMessage> {
    section(ui, "Export");
    let mut message = None;
    ui.horizontal(|ui| {
        let label = ui.label("Format");
        let before = state.export_format;
        egui::ComboBox::from_id_salt("export_format")
            .selected_text(format_label(state.export_format))
            .show_ui(ui, |ui| {
                for format in [Format::Csv, Format::Json, Format::Markdown] {
                    ui.selectable_value(&mut state.export_format, format, format_label(format));
                }
            })
            .response
            .labelled_by(label.id);
        if before != state.export_format {
            state.export_path = with_extension(&state.export_path, state.export_format.extension());
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Path");
        ui.add(egui::TextEdit::singleline(&mut state.export_path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Export")
            .on_hover_text("Write the comparison to the path above")
            .clicked()
        {
            let path = PathBuf::from(state.export_path.trim());
            message = Some(run(
                state,
                ui.ctx(),
                catalog,
                Target::Table(state.export_format),
                &path,
            ));
        }
        if ui
            .button("Choose file…")
            .on_hover_text("Pick the file with the system dialog")
            .clicked()
        {
            message = pick_and_run(state, ui.ctx(), catalog, Target::Table(state.export_format));
        }
        if ui
            .button("Chart as PNG")
            .on_hover_text("Save the chart below, next to the path above")
            .clicked()
        {
            let path = PathBuf::from(with_extension(state.export_path.trim(), "png"));
            message = Some(run(state, ui.ctx(), catalog, Target::ChartPng, &path));
        }
    });
    ui.label(
        RichText::new("CSV, JSON and Markdown match `serverless-atlas compare --format …`.")
            .weak()
            .small(),
    );
    message
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Csv => "CSV",
        Format::Json => "JSON",
        Format::Markdown => "Markdown",
        Format::Table => "Text table",
    }
}

/// The same path with another extension.
pub fn with_extension(path: &str, extension: &str) -> String {
    if path.is_empty() {
        return format!("serverless-comparison.{extension}");
    }
    Path::new(path)
        .with_extension(extension)
        .display()
        .to_string()
}

/// Menu and shortcut exports go through the native dialog.
pub fn command(
    state: &mut CostsState,
    ctx: &egui::Context,
    catalog: &Catalog,
    command: Command,
) -> Option<StatusMessage> {
    let target = match command {
        Command::ExportCsv => Target::Table(Format::Csv),
        Command::ExportJson => Target::Table(Format::Json),
        Command::ExportMarkdown => Target::Table(Format::Markdown),
        Command::ExportChartPng => Target::ChartPng,
        _ => return None,
    };
    if let Target::Table(format) = target {
        state.export_format = format;
        state.export_path = with_extension(&state.export_path, format.extension());
    }
    pick_and_run(state, ctx, catalog, target)
}

fn pick_and_run(
    state: &mut CostsState,
    ctx: &egui::Context,
    catalog: &Catalog,
    target: Target,
) -> Option<StatusMessage> {
    let suggested = Path::new(&state.export_path)
        .file_name()
        .map(|n| with_extension(&n.to_string_lossy(), target.extension()))
        .unwrap_or_else(|| with_extension("", target.extension()));
    let mut dialog = rfd::FileDialog::new()
        .set_file_name(suggested)
        .add_filter(target.extension(), &[target.extension()]);
    if let Some(dir) = Path::new(&state.export_path)
        .parent()
        .filter(|d| d.is_dir())
    {
        dialog = dialog.set_directory(dir);
    }
    match dialog.save_file() {
        Some(path) => {
            if let Target::Table(_) = target {
                state.export_path = path.display().to_string();
            }
            Some(run(state, ctx, catalog, target, &path))
        }
        None => Some(ok(
            "No file chosen. If no dialog appeared, type a path in Export › Path and press Export."
                .into(),
        )),
    }
}

/// Write the export; a failure leaves any earlier file untouched.
pub fn run(
    state: &mut CostsState,
    ctx: &egui::Context,
    catalog: &Catalog,
    target: Target,
    path: &Path,
) -> StatusMessage {
    if path.as_os_str().is_empty() {
        return error("Export needs a file path.".into());
    }
    match target {
        Target::Table(format) => {
            let quotes = state.quotes(catalog);
            let written = export::render_quotes(format, &quotes, &state.workload, state.options())
                .and_then(|text| export::write_atomic(path, text.as_bytes()));
            match written {
                Ok(()) => ok(format!(
                    "Exported {} offers to {}",
                    quotes.len(),
                    path.display()
                )),
                Err(e) => error(format!("Export failed: {e}")),
            }
        }
        Target::ChartPng => {
            // Drawn and captured on the next frame, see `render_png`.
            state.pending_png = Some((path.to_path_buf(), 0));
            ctx.request_repaint();
            ok("Drawing the chart for the PNG…".into())
        }
    }
}

/// Draw the chart alone over the whole window, with its title, workload,
/// legend and axis titles, and save that frame as the PNG: a picture that
/// stands on its own in a document, at the window's size rather than the
/// chart pane's.
pub(super) fn render_png(
    state: &mut CostsState,
    ctx: &egui::Context,
    quotes: &[Quote<'_>],
    computed: &Computed,
    path: &Path,
    capture: bool,
) {
    let rect = ctx.content_rect();
    // A plain Ui on a foreground layer, not an Area: a new Area stays
    // invisible for its first frame, which is the frame captured.
    let layer = egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("chart_png_export"),
    );
    let mut ui = Ui::new(
        ctx.clone(),
        layer.id,
        egui::UiBuilder::new().layer_id(layer).max_rect(rect),
    );
    ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
    let inner = rect.shrink(PNG_MARGIN);
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.set_clip_rect(inner);
        let footnote = egui::WidgetText::from(
            RichText::new(format!(
                "Serverless Atlas · prices as of: {}",
                quotes
                    .iter()
                    .map(|q| format!("{} {}", q.sheet.name, q.sheet.as_of))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .small()
            .weak(),
        )
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            inner.width(),
            egui::TextStyle::Small,
        );
        // The plot takes what the footnote leaves.
        let chart = egui::Rect::from_min_max(
            inner.min,
            egui::pos2(inner.right(), inner.bottom() - footnote.size().y - 8.0),
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(chart), |ui| {
            super::charts::chart_ui(state, ui, quotes, computed, "png");
        });
        let text_color = ui.visuals().weak_text_color();
        ui.painter().galley(
            egui::pos2(inner.left(), inner.bottom() - footnote.size().y),
            footnote,
            text_color,
        );
    });
    if !capture {
        return;
    }
    let pixels_per_point = ctx.pixels_per_point();
    let slot: Arc<Mutex<Option<StatusMessage>>> = Arc::clone(&state.finished_export);
    let repaint = ctx.clone();
    let path = path.to_path_buf();
    ctx.request_screenshot(move |image| {
        let outcome = save_png(&image, rect, pixels_per_point, &path);
        let message = match outcome {
            Ok(()) => ok(format!("Saved the chart to {}", path.display())),
            Err(e) => error(format!("Chart export failed: {e}")),
        };
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(message);
        }
        repaint.request_repaint();
    });
}

/// Space around the chart in the PNG, in points.
const PNG_MARGIN: f32 = 24.0;

/// Crop a screenshot to `rect` (in points) and write it as PNG.
pub fn save_png(
    image: &ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<(), ExportError> {
    let png = encode_png(&image.region(&rect, Some(pixels_per_point))).map_err(|e| {
        ExportError::Write {
            path: path.display().to_string(),
            source: std::io::Error::other(e),
        }
    })?;
    export::write_atomic(path, &png)
}

/// Encode an egui image as PNG bytes.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, image::ImageError> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer =
        image::RgbaImage::from_raw(width as u32, height as u32, bytes).ok_or_else(|| {
            image::ImageError::Parameter(image::error::ParameterError::from_kind(
                image::error::ParameterErrorKind::DimensionMismatch,
            ))
        })?;
    let mut png = Vec::new();
    buffer.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cropped_screenshot_encodes_as_a_png_of_the_chart_size() {
        let image = ColorImage::filled([40, 30], egui::Color32::from_rgb(10, 20, 30));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        let rect = egui::Rect::from_min_size(egui::pos2(5.0, 5.0), egui::vec2(10.0, 8.0));
        save_png(&image, rect, 2.0, &path).unwrap();
        let decoded = image::open(&path).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (20, 16));
    }

    #[test]
    fn extension_follows_the_format() {
        assert_eq!(with_extension("/tmp/a.csv", "json"), "/tmp/a.json");
        assert_eq!(with_extension("report", "md"), "report.md");
        assert_eq!(with_extension("", "csv"), "serverless-comparison.csv");
    }
}
