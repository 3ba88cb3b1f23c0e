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

/// Open the window on a catalog, and on an architecture file if given.
pub fn run(catalog: Arc<Catalog>, file: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    // `SERVERLESS_ATLAS_TIMINGS=1` logs how long the start-up takes, to stderr.
    let timings = std::env::var_os("SERVERLESS_ATLAS_TIMINGS")
        .is_some_and(|v| v != "0")
        .then(std::time::Instant::now);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Serverless Atlas")
            .with_inner_size([1400.0, 880.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
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
