//! Opening, saving, recent files and the crash-recovery autosave.
//!
//! Every write goes through `architecture::save_file`, which writes a
//! temporary file and renames it, so a failed save never destroys the
//! previous file. Opening a bad file reports the error and leaves the
//! current document untouched.

use std::path::{Path, PathBuf};

use crate::architecture::{self, Architecture, DocumentError};
use crate::catalog::Catalog;

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 8;

/// Put `path` first in the recent list.
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_path_buf());
    recent.truncate(RECENT_LIMIT);
}

/// Read and check an architecture file; also says which former catalog
/// ids it used and what they are now.
pub fn open(
    catalog: &Catalog,
    path: &Path,
) -> Result<(Architecture, Vec<architecture::Renamed>), DocumentError> {
    architecture::load_file_reporting(catalog, path)
}

/// Save, normalizing the order first so files diff well.
pub fn save(path: &Path, doc: &mut Architecture) -> Result<(), DocumentError> {
    doc.normalize();
    architecture::save_file(path, doc)
}

/// Where the autosave copy lives: beside eframe's own state.
pub fn autosave_path() -> Option<PathBuf> {
    eframe::storage_dir(crate::ui::APP_ID).map(|dir| dir.join("autosave.ron"))
}

/// An autosave left behind by a run that did not end cleanly.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub doc: Architecture,
    /// The file the autosaved document belonged to, if any.
    pub original: Option<PathBuf>,
}

/// The autosave file: the document plus, on its first line, the path it
/// belongs to as a RON comment (so the file stays a valid architecture).
pub fn write_autosave(
    path: &Path,
    doc: &Architecture,
    original: Option<&Path>,
) -> Result<(), String> {
    let body = architecture::to_ron_string(doc).map_err(|e| e.to_string())?;
    let header = match original {
        Some(file) => format!("// autosave of {}\n", file.display()),
        None => "// autosave of an unsaved architecture\n".to_owned(),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::export::write_atomic(path, format!("{header}{body}").as_bytes())
        .map_err(|e| e.to_string())
}

/// Read an autosave, if there is a usable one.
pub fn read_autosave(catalog: &Catalog, path: &Path) -> Option<Recovery> {
    let text = std::fs::read_to_string(path).ok()?;
    let original = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("// autosave of "))
        .filter(|rest| !rest.starts_with("an unsaved"))
        .map(PathBuf::from);
    let doc = architecture::load_str(catalog, &path.display().to_string(), &text).ok()?;
    Some(Recovery { doc, original })
}

pub fn remove_autosave(path: &Path) {
    // Missing is fine: there was nothing to recover.
    std::fs::remove_file(path).ok();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut recent = Vec::new();
        for i in 0..12 {
            remember(&mut recent, Path::new(&format!("/tmp/{i}.ron")));
        }
        remember(&mut recent, Path::new("/tmp/5.ron"));
        assert_eq!(recent.len(), RECENT_LIMIT);
        assert_eq!(recent[0], Path::new("/tmp/5.ron"));
        assert_eq!(recent.iter().filter(|p| p.ends_with("5.ron")).count(), 1);
    }

    #[test]
    fn an_autosave_round_trips_with_its_original_path() {
        let catalog = Catalog::builtin().unwrap();
        let doc = architecture::default_example().unwrap().doc;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("autosave.ron");
        write_autosave(&path, &doc, Some(Path::new("/home/me/api.ron"))).unwrap();
        let recovered = read_autosave(&catalog, &path).unwrap();
        assert_eq!(recovered.doc, doc);
        assert_eq!(
            recovered.original.as_deref(),
            Some(Path::new("/home/me/api.ron"))
        );
        remove_autosave(&path);
        assert!(read_autosave(&catalog, &path).is_none());
    }
}
