//! Every user action that has a menu entry, a shortcut or a toolbar button.
//! Menus, keyboard shortcuts and the shortcut list are all generated from
//! this one enum, so they cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    ShowExplorer,
    ShowCosts,
    ShowDesign,
    FocusSearch,
    ToggleTheme,
    ShowShortcuts,
    Quit,

    NewDocument,
    Open,
    OpenPath,
    Save,
    SaveAs,
    SaveToPath,

    Undo,
    Redo,
    Delete,
    Duplicate,
    SelectAll,
    ZoomToFit,

    ExportCsv,
    ExportJson,
    ExportMarkdown,
    ExportChartPng,
}

impl Command {
    pub const ALL: [Command; 23] = [
        Command::ShowExplorer,
        Command::ShowCosts,
        Command::ShowDesign,
        Command::FocusSearch,
        Command::ToggleTheme,
        Command::ShowShortcuts,
        Command::Quit,
        Command::NewDocument,
        Command::Open,
        Command::OpenPath,
        Command::Save,
        Command::SaveAs,
        Command::SaveToPath,
        Command::Undo,
        Command::Redo,
        Command::Delete,
        Command::Duplicate,
        Command::SelectAll,
        Command::ZoomToFit,
        Command::ExportCsv,
        Command::ExportJson,
        Command::ExportMarkdown,
        Command::ExportChartPng,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::ShowExplorer => "Explorer",
            Command::ShowCosts => "Costs",
            Command::ShowDesign => "Design",
            Command::FocusSearch => "Search platforms",
            Command::ToggleTheme => "Toggle light/dark theme",
            Command::ShowShortcuts => "Keyboard shortcuts",
            Command::Quit => "Quit",
            Command::NewDocument => "New architecture",
            Command::Open => "Open…",
            Command::OpenPath => "Open path…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveToPath => "Save to path…",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Delete => "Delete selection",
            Command::Duplicate => "Duplicate selection",
            Command::SelectAll => "Select all",
            Command::ZoomToFit => "Zoom to fit",
            Command::ExportCsv => "Export comparison as CSV…",
            Command::ExportJson => "Export comparison as JSON…",
            Command::ExportMarkdown => "Export comparison as Markdown…",
            Command::ExportChartPng => "Export chart as PNG…",
        }
    }

    /// Shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let cmd_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        match self {
            Command::ShowExplorer => vec![cmd(Key::Num1)],
            Command::ShowCosts => vec![cmd(Key::Num2)],
            Command::ShowDesign => vec![cmd(Key::Num3)],
            Command::FocusSearch => vec![cmd(Key::F)],
            Command::ToggleTheme => vec![cmd_shift(Key::T)],
            Command::ShowShortcuts => vec![plain(Key::F1)],
            Command::Quit => vec![cmd(Key::Q)],
            Command::NewDocument => vec![cmd(Key::N)],
            Command::Open => vec![cmd(Key::O)],
            Command::OpenPath => vec![cmd_shift(Key::O)],
            Command::Save => vec![cmd(Key::S)],
            Command::SaveAs => vec![cmd_shift(Key::S)],
            Command::SaveToPath => vec![],
            Command::Undo => vec![cmd(Key::Z)],
            Command::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Command::Delete => vec![plain(Key::Delete), plain(Key::Backspace)],
            Command::Duplicate => vec![cmd(Key::D)],
            Command::SelectAll => vec![cmd(Key::A)],
            Command::ZoomToFit => vec![cmd(Key::Num0)],
            Command::ExportCsv => vec![cmd(Key::E)],
            Command::ExportJson => vec![],
            Command::ExportMarkdown => vec![],
            Command::ExportChartPng => vec![cmd_shift(Key::E)],
        }
    }

    /// Commands that edit text too, so they must not fire while a text field has focus.
    pub fn conflicts_with_text_editing(self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::Delete
                | Command::SelectAll
                | Command::Duplicate
        )
    }

    /// Commands that act on the architecture canvas.
    pub fn is_design_command(self) -> bool {
        matches!(
            self,
            Command::NewDocument
                | Command::Open
                | Command::OpenPath
                | Command::Save
                | Command::SaveAs
                | Command::SaveToPath
                | Command::Undo
                | Command::Redo
                | Command::Delete
                | Command::Duplicate
                | Command::SelectAll
                | Command::ZoomToFit
        )
    }

    /// The first shortcut as text for menus ("Ctrl+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts()
            .first()
            .map(|shortcut| ctx.format_shortcut(shortcut))
    }

    /// A menu button that runs the command when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui, pending: &mut Vec<Command>) {
        let mut button = egui::Button::new(self.label());
        if let Some(text) = self.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(text);
        }
        if ui.add(button).clicked() {
            pending.push(self);
            ui.close();
        }
    }
}

/// Commands whose shortcut was pressed this frame.
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    // egui matches modifiers loosely (extra Shift is ignored), so the most
    // specific shortcuts are consumed first: Ctrl+Shift+Z is Redo, not Undo.
    let mut bindings: Vec<(Command, KeyboardShortcut)> = Command::ALL
        .iter()
        .filter(|command| !(typing && command.conflicts_with_text_editing()))
        .flat_map(|&command| command.shortcuts().into_iter().map(move |s| (command, s)))
        .collect();
    bindings.sort_by_key(|(_, shortcut)| {
        let m = shortcut.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        for (command, shortcut) in &bindings {
            if input.consume_shortcut(shortcut) && !pressed.contains(command) {
                pressed.push(*command);
            }
        }
    });
    pressed
}
