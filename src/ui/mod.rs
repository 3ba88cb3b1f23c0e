//! The desktop window: an eframe app with three tabs (Explorer, Costs,
//! Design). The only module that knows egui exists.
//!
//! Views are small: a state struct with `fn ui(&mut self, ui, ...)`, one
//! file each. They read the catalog and the document and return what the
//! user asked for; [`app::AtlasApp`] applies it.

pub mod app;
pub mod command;
pub mod costs;
pub mod design;
pub mod explorer;
pub mod status;
pub mod widgets;

use std::sync::Arc;

pub use app::AtlasApp;

use crate::catalog::Catalog;

/// The id eframe stores settings under.
pub const APP_ID: &str = "serverless-atlas";

/// The application icon, drawn for the project (see `assets/icon.svg`).
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/serverless-atlas-256.png");

/// The window and taskbar icon; `None` (the platform's default icon) if the
/// embedded PNG could not be decoded.
pub fn icon() -> Option<egui::IconData> {
    let image = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    let (width, height) = image.dimensions();
    Some(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    })
}

/// Open the window on a catalog, and on an architecture file if given.
pub fn run(catalog: Arc<Catalog>, file: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    // `SERVERLESS_ATLAS_TIMINGS=1` logs how long the start-up takes, to stderr.
    let timings = std::env::var_os("SERVERLESS_ATLAS_TIMINGS")
        .is_some_and(|v| v != "0")
        .then(std::time::Instant::now);
    if timings.is_some()
        && let Some(age_ms) = process_age_ms()
    {
        eprintln!("timings: the window code starts {age_ms} ms after the process (catalog loaded)");
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Serverless Atlas")
        // Matches the desktop entry's name and StartupWMClass, so the
        // taskbar groups the window under the entry's icon.
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 880.0])
        .with_min_inner_size([900.0, 560.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            if let Some(started) = timings {
                eprintln!(
                    "timings: eframe ready to build the app after {} ms",
                    started.elapsed().as_millis()
                );
            }
            let mut app = AtlasApp::from_creation_context(cc, catalog, file);
            if let Some(started) = timings {
                eprintln!(
                    "timings: app state built after {} ms",
                    started.elapsed().as_millis()
                );
                app.log_first_frames(started);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

/// How long ago this process started, from /proc (Linux; 10 ms steps).
fn process_age_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after ')'.
    let after_name = stat.rsplit_once(')')?.1;
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime_s: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // Linux reports start times in USER_HZ ticks, 100 a second on every mainstream build.
    Some((uptime_s - start_ticks / 100.0) * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_decodes_and_is_not_blank() {
        let icon = icon().expect("the embedded icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Opaque in the middle, transparent in the rounded corner.
        let alpha = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
        assert_eq!(alpha(128, 128), 255);
        assert_eq!(alpha(1, 1), 0);
    }

    #[test]
    fn the_desktop_entry_names_the_binary_and_the_icon() {
        let entry = include_str!("../../assets/serverless-atlas.desktop");
        let value = |key: &str| {
            entry
                .lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
                .unwrap_or_default()
        };
        assert_eq!(value("Exec"), env!("CARGO_PKG_NAME"));
        assert_eq!(value("Icon"), APP_ID);
        assert_eq!(value("StartupWMClass"), APP_ID);
        for size in [16, 24, 32, 48, 64, 128, 256, 512] {
            let path = format!(
                "{}/assets/icons/{APP_ID}-{size}.png",
                env!("CARGO_MANIFEST_DIR")
            );
            let (width, height) =
                image::image_dimensions(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!((width, height), (size, size), "{path}");
        }
    }
}
