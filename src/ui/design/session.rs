//! The file behind the document: its path, the copy last saved, recent
//! files, the crash-recovery autosave, the unsaved-changes prompt, the path
//! field and whether the window may close. The document operations that
//! touch the file (open, save, new, recover) live here too.

use std::path::{Path, PathBuf};

use super::files::{self, Recovery};
use super::{DesignState, example_or_empty};
use crate::architecture::{self, Architecture};
use crate::catalog::Catalog;
use crate::ui::status::{Messages, StatusMessage};

/// An action that would discard unsaved edits, waiting for the user's word.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    OpenDialog,
    OpenExample(&'static str),
    Recover,
    Quit,
}

/// The in-app path field, for when no native dialog can open.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub save: bool,
    pub text: String,
    pub error: Option<String>,
}

/// Seconds between autosaves of a document with unsaved edits.
const AUTOSAVE_INTERVAL_S: f64 = 20.0;

pub struct Session {
    /// The file the document came from; `None` for a new document or an example.
    pub path: Option<PathBuf>,
    /// The document as last opened or saved, to tell whether there are edits.
    saved: Architecture,
    pub recent_files: Vec<PathBuf>,
    /// Where the crash-recovery copy goes; `None` turns autosave off.
    autosave: Option<PathBuf>,
    last_autosave_s: f64,
    pub recovery: Option<Recovery>,
    /// An action waiting for the unsaved-changes prompt.
    pub pending: Option<Pending>,
    pub prompt: Option<PathPrompt>,
    /// Set when the user agreed to quit with unsaved edits.
    close_allowed: bool,
}

impl Session {
    pub fn new(
        doc: &Architecture,
        path: Option<PathBuf>,
        recent_files: Vec<PathBuf>,
        autosave: Option<PathBuf>,
    ) -> Self {
        Session {
            path,
            saved: doc.clone(),
            recent_files,
            autosave,
            last_autosave_s: 0.0,
            recovery: None,
            pending: None,
            prompt: None,
            close_allowed: false,
        }
    }

    /// Whether `doc` has edits not on disk.
    pub fn is_dirty(&self, doc: &Architecture) -> bool {
        *doc != self.saved
    }

    /// Whether the user agreed to close the window.
    pub fn close_allowed(&self) -> bool {
        self.close_allowed
    }

    /// Whether a dialog of the session is open over the tab.
    pub fn dialog_open(&self) -> bool {
        self.pending.is_some() || self.prompt.is_some()
    }

    fn check_recovery(&mut self, catalog: &Catalog) {
        if let Some(path) = &self.autosave {
            self.recovery = files::read_autosave(catalog, path);
        }
    }

    pub fn discard_recovery(&mut self) {
        self.recovery = None;
        self.remove_autosave();
    }

    fn remove_autosave(&self) {
        if let Some(autosave) = &self.autosave {
            files::remove_autosave(autosave);
        }
    }

    /// Write the crash-recovery copy now and then while there are edits.
    pub fn autosave_tick(&mut self, doc: &Architecture, now_s: f64) {
        let Some(path) = self.autosave.clone() else {
            return;
        };
        // The clock first: it is cheap, comparing documents is not.
        if now_s - self.last_autosave_s < AUTOSAVE_INTERVAL_S || !self.is_dirty(doc) {
            return;
        }
        self.last_autosave_s = now_s;
        // A failed autosave must not interrupt the user; the next tick retries.
        files::write_autosave(&path, doc, self.path.as_deref()).ok();
    }

    pub fn dialog_directory(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    pub fn default_save_path(&self, doc_name: &str) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => self
                .dialog_directory()
                .join(format!("{}.ron", slug(doc_name)))
                .display()
                .to_string(),
        }
    }

    /// Show the path field, to open (`save == false`) or save.
    pub fn ask_for_path(&mut self, save: bool, text: String) {
        self.prompt = Some(PathPrompt {
            save,
            text,
            error: None,
        });
    }
}

impl DesignState {
    /// The document a first start opens: the most recent file that still
    /// loads, else the default example.
    pub fn startup(
        catalog: &Catalog,
        saved: super::DesignSaved,
        autosave: Option<PathBuf>,
        messages: &mut Messages,
    ) -> Self {
        for path in saved.recent_files.iter().take(1) {
            match files::open(catalog, path) {
                Ok((doc, _)) => {
                    let path = path.clone();
                    let mut state = DesignState::new(doc, Some(path), saved, autosave);
                    state.session.check_recovery(catalog);
                    return state;
                }
                Err(error) => messages.error(format!("Could not reopen the last file: {error}")),
            }
        }
        let mut state = DesignState::new(example_or_empty(), None, saved, autosave);
        state.session.check_recovery(catalog);
        state
    }

    /// Whether there are edits not on disk.
    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty(&self.doc)
    }

    /// Ask before quitting with unsaved edits (the window's close request).
    pub fn ask_to_quit(&mut self) {
        self.session.pending = Some(Pending::Quit);
    }

    /// What the user knows the document as: its file name once saved,
    /// else its name.
    pub fn document_label(&self) -> String {
        match &self.session.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            None => self.doc.name.clone(),
        }
    }

    pub fn title(&self) -> String {
        let name = match &self.session.path {
            Some(_) => self.document_label(),
            None => format!("{} (not saved)", self.doc.name),
        };
        if self.is_dirty() {
            format!("{name} •")
        } else {
            name
        }
    }

    fn replace_document(&mut self, doc: Architecture, path: Option<PathBuf>) {
        self.session.saved = doc.clone();
        self.history.reset(&doc);
        self.doc = doc;
        self.session.path = path;
        self.selection.clear();
        self.canvas.refusal = None;
        self.canvas.fit_requested = true;
        self.session.remove_autosave();
    }

    /// Open a file; on failure the current document stays as it was.
    pub fn open_path(&mut self, catalog: &Catalog, path: &Path) -> StatusMessage {
        match files::open(catalog, path) {
            Ok((doc, renamed)) => {
                files::remember(&mut self.session.recent_files, path);
                self.replace_document(doc, Some(path.to_path_buf()));
                if renamed.is_empty() {
                    StatusMessage::ok(format!("Opened {}", path.display()))
                } else {
                    // The ids were updated in memory; the file changes when saved.
                    let list: Vec<String> = renamed.iter().map(ToString::to_string).collect();
                    StatusMessage::ok(format!(
                        "Opened {}; renamed catalog ids updated ({})",
                        path.display(),
                        list.join("; ")
                    ))
                }
            }
            Err(error) => StatusMessage::error(format!("Could not open: {error}")),
        }
    }

    /// Save to a path; the document is kept either way.
    pub fn save_to(&mut self, path: &Path) -> StatusMessage {
        // Settle any edit first: saving normalizes the order, which is not an edit.
        self.history.feed(&self.doc, false);
        match files::save(path, &mut self.doc) {
            Ok(()) => {
                self.history.absorb(&self.doc);
                self.session.saved = self.doc.clone();
                self.session.path = Some(path.to_path_buf());
                files::remember(&mut self.session.recent_files, path);
                self.session.remove_autosave();
                StatusMessage::ok(format!("Saved {}", path.display()))
            }
            Err(error) => StatusMessage::error(format!("Save failed: {error}")),
        }
    }

    /// Run an action now, or ask first if it would discard edits.
    pub fn request(&mut self, catalog: &Catalog, action: Pending, messages: &mut Messages) {
        if self.is_dirty() && !matches!(action, Pending::Recover) {
            self.session.pending = Some(action);
        } else {
            self.perform(catalog, action, messages);
        }
    }

    /// Carry out an action that may replace the document.
    pub fn perform(&mut self, catalog: &Catalog, action: Pending, messages: &mut Messages) {
        self.session.pending = None;
        match action {
            Pending::New => {
                let target = self.doc.target_platform.clone();
                self.replace_document(Architecture::new_empty(&target), None);
                messages.ok("New architecture");
            }
            Pending::Open(path) => messages.push(self.open_path(catalog, &path)),
            Pending::OpenDialog => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Architecture", &["ron"])
                    .set_directory(self.session.dialog_directory())
                    .pick_file();
                match picked {
                    Some(path) => messages.push(self.open_path(catalog, &path)),
                    None => {
                        self.session.ask_for_path(false, String::new());
                        messages.ok("No file chosen; you can type a path instead.");
                    }
                }
            }
            Pending::OpenExample(file_name) => {
                let example = architecture::examples()
                    .into_iter()
                    .filter_map(Result::ok)
                    .find(|e| e.file_name == file_name);
                if let Some(example) = example {
                    self.replace_document(example.doc, None);
                    messages.ok(format!("Opened the example {file_name}"));
                }
            }
            Pending::Recover => {
                let Some(recovery) = self.session.recovery.take() else {
                    return;
                };
                // Not a replacement: recovering is an edit, and undo takes it back.
                self.doc = recovery.doc;
                self.session.path = recovery.original;
                self.canvas.fit_requested = true;
                messages.ok("Recovered the autosaved architecture; save it to keep it.");
            }
            Pending::Quit => {
                self.session.close_allowed = true;
                self.session.remove_autosave();
            }
        }
    }

    /// Save as: the native dialog, or the path field when none can open.
    pub(super) fn save_as(&mut self, messages: &mut Messages) {
        let suggested = format!("{}.ron", slug(&self.doc.name));
        match rfd::FileDialog::new()
            .add_filter("Architecture", &["ron"])
            .set_directory(self.session.dialog_directory())
            .set_file_name(suggested)
            .save_file()
        {
            Some(path) => messages.push(self.save_to(&path)),
            None => {
                let text = self.session.default_save_path(&self.doc.name);
                self.session.ask_for_path(true, text);
                messages.ok("No file chosen; you can type a path instead.");
            }
        }
    }

    pub(super) fn save(&mut self, messages: &mut Messages) {
        match self.session.path.clone() {
            Some(path) => messages.push(self.save_to(&path)),
            None => self.save_as(messages),
        }
    }
}

/// A file-name-friendly form of a document name.
fn slug(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "architecture".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_names() {
        assert_eq!(slug("HTTP API: orders & users"), "http-api-orders-users");
        assert_eq!(slug("***"), "architecture");
    }
}
