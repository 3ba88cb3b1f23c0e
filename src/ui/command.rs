//! Every user action that has a menu entry, a shortcut or a toolbar button.
//! Menus, keyboard shortcuts, hover texts and the shortcut list all come
//! from the one table below, so they cannot drift apart.

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
    Cut,
    Copy,
    Paste,
    Delete,
    Duplicate,
    SelectAll,
    ClearSelection,
    NudgeLeft,
    NudgeRight,
    NudgeUp,
    NudgeDown,
    ZoomToFit,
    ZoomToActualSize,

    ExportCsv,
    ExportJson,
    ExportMarkdown,
    ExportChartPng,
}

/// Where a command acts, which decides who runs it and when its shortcut
/// is live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The window itself: tabs, theme, help, quit.
    App,
    /// Exports of the Costs comparison; they bring the Costs tab up.
    Costs,
    /// The architecture file; these bring the Design tab up.
    DesignFile,
    /// Editing on the canvas: live only while the canvas shows and no
    /// dialog is open.
    DesignCanvas,
}

impl Scope {
    /// Whether the scope's shortcuts work from every tab.
    fn is_global(self) -> bool {
        !matches!(self, Scope::DesignCanvas)
    }

    /// Whether shortcuts of the two scopes can be live at the same time.
    pub fn overlaps(self, other: Scope) -> bool {
        self == other || self.is_global() || other.is_global()
    }
}

/// How a command's keys reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Its shortcut, consumed from the input.
    Shortcut,
    /// Its shortcut, but also a key a focused text field needs.
    ShortcutUnlessTyping,
    /// A plain key that popups and other widgets also react to: seen, not
    /// consumed, and not while typing.
    KeySeen,
    /// egui's clipboard event (the platform turns Ctrl+C and friends into
    /// `Event::Copy`, `Event::Cut` and `Event::Paste`); the shortcut is shown only.
    ClipboardEvent,
}

struct Entry {
    command: Command,
    label: &'static str,
    /// What the hover text says when it is more than the label.
    hint: Option<&'static str>,
    scope: Scope,
    trigger: Trigger,
    shortcuts: &'static [KeyboardShortcut],
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn entry(
    command: Command,
    label: &'static str,
    scope: Scope,
    trigger: Trigger,
    shortcuts: &'static [KeyboardShortcut],
) -> Entry {
    Entry {
        command,
        label,
        hint: None,
        scope,
        trigger,
        shortcuts,
    }
}

const fn hinted(mut entry: Entry, hint: &'static str) -> Entry {
    entry.hint = Some(hint);
    entry
}

use Scope::{App, Costs, DesignCanvas, DesignFile};
use Trigger::{ClipboardEvent, KeySeen, Shortcut, ShortcutUnlessTyping};

/// The one table: label, scope, how it is triggered and its shortcuts
/// (the first is shown in menus).
const TABLE: &[Entry] = &[
    entry(
        Command::ShowExplorer,
        "Explorer",
        App,
        Shortcut,
        &[cmd(Key::Num1)],
    ),
    entry(
        Command::ShowCosts,
        "Costs",
        App,
        Shortcut,
        &[cmd(Key::Num2)],
    ),
    entry(
        Command::ShowDesign,
        "Design",
        App,
        Shortcut,
        &[cmd(Key::Num3)],
    ),
    entry(
        Command::FocusSearch,
        "Search platforms",
        App,
        Shortcut,
        &[cmd(Key::F)],
    ),
    entry(
        Command::ToggleTheme,
        "Toggle light/dark theme",
        App,
        Shortcut,
        &[cmd_shift(Key::T)],
    ),
    entry(
        Command::ShowShortcuts,
        "Keyboard shortcuts",
        App,
        Shortcut,
        &[plain(Key::F1)],
    ),
    entry(Command::Quit, "Quit", App, Shortcut, &[cmd(Key::Q)]),
    entry(
        Command::NewDocument,
        "New architecture",
        DesignFile,
        Shortcut,
        &[cmd(Key::N)],
    ),
    entry(Command::Open, "Open…", DesignFile, Shortcut, &[cmd(Key::O)]),
    entry(
        Command::OpenPath,
        "Open path…",
        DesignFile,
        Shortcut,
        &[cmd_shift(Key::O)],
    ),
    entry(Command::Save, "Save", DesignFile, Shortcut, &[cmd(Key::S)]),
    entry(
        Command::SaveAs,
        "Save as…",
        DesignFile,
        Shortcut,
        &[cmd_shift(Key::S)],
    ),
    entry(
        Command::SaveToPath,
        "Save to path…",
        DesignFile,
        Shortcut,
        &[],
    ),
    entry(
        Command::Undo,
        "Undo",
        DesignCanvas,
        ShortcutUnlessTyping,
        &[cmd(Key::Z)],
    ),
    entry(
        Command::Redo,
        "Redo",
        DesignCanvas,
        ShortcutUnlessTyping,
        &[cmd_shift(Key::Z), cmd(Key::Y)],
    ),
    entry(
        Command::Cut,
        "Cut",
        DesignCanvas,
        ClipboardEvent,
        &[cmd(Key::X)],
    ),
    entry(
        Command::Copy,
        "Copy",
        DesignCanvas,
        ClipboardEvent,
        &[cmd(Key::C)],
    ),
    entry(
        Command::Paste,
        "Paste",
        DesignCanvas,
        ClipboardEvent,
        &[cmd(Key::V)],
    ),
    entry(
        Command::Delete,
        "Delete selection",
        DesignCanvas,
        ShortcutUnlessTyping,
        &[plain(Key::Delete), plain(Key::Backspace)],
    ),
    entry(
        Command::Duplicate,
        "Duplicate selection",
        DesignCanvas,
        ShortcutUnlessTyping,
        &[cmd(Key::D)],
    ),
    entry(
        Command::SelectAll,
        "Select all",
        DesignCanvas,
        ShortcutUnlessTyping,
        &[cmd(Key::A)],
    ),
    hinted(
        entry(
            Command::ClearSelection,
            "Clear selection",
            DesignCanvas,
            KeySeen,
            &[plain(Key::Escape)],
        ),
        "Clear the selection and cancel what the pointer is doing",
    ),
    entry(
        Command::NudgeLeft,
        "Nudge left",
        DesignCanvas,
        KeySeen,
        &[plain(Key::ArrowLeft)],
    ),
    entry(
        Command::NudgeRight,
        "Nudge right",
        DesignCanvas,
        KeySeen,
        &[plain(Key::ArrowRight)],
    ),
    entry(
        Command::NudgeUp,
        "Nudge up",
        DesignCanvas,
        KeySeen,
        &[plain(Key::ArrowUp)],
    ),
    entry(
        Command::NudgeDown,
        "Nudge down",
        DesignCanvas,
        KeySeen,
        &[plain(Key::ArrowDown)],
    ),
    entry(
        Command::ZoomToFit,
        "Zoom to fit",
        DesignCanvas,
        Shortcut,
        &[cmd(Key::Num0)],
    ),
    hinted(
        entry(
            Command::ZoomToActualSize,
            "Actual size",
            DesignCanvas,
            Shortcut,
            &[],
        ),
        "Show the canvas at its actual size",
    ),
    entry(
        Command::ExportCsv,
        "Export comparison as CSV…",
        Costs,
        Shortcut,
        &[cmd(Key::E)],
    ),
    entry(
        Command::ExportJson,
        "Export comparison as JSON…",
        Costs,
        Shortcut,
        &[],
    ),
    entry(
        Command::ExportMarkdown,
        "Export comparison as Markdown…",
        Costs,
        Shortcut,
        &[],
    ),
    entry(
        Command::ExportChartPng,
        "Export chart as PNG…",
        Costs,
        Shortcut,
        &[cmd_shift(Key::E)],
    ),
];

impl Command {
    /// Every command, in the order of the table (and of the shortcut list).
    pub fn all() -> impl Iterator<Item = Command> {
        TABLE.iter().map(|entry| entry.command)
    }

    fn entry(self) -> &'static Entry {
        match TABLE.iter().find(|entry| entry.command == self) {
            Some(entry) => entry,
            // The table test checks that every command has exactly one row.
            None => unreachable!("{self:?} is missing from the command table"),
        }
    }

    pub fn label(self) -> &'static str {
        self.entry().label
    }

    pub fn scope(self) -> Scope {
        self.entry().scope
    }

    /// Shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.entry().shortcuts
    }

    /// The first shortcut as text for menus ("Ctrl+S", "⌘S" on macOS).
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts()
            .first()
            .map(|shortcut| ctx.format_shortcut(shortcut))
    }

    /// The hover text for a button: what it does, then every shortcut.
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        let what = self.entry().hint.unwrap_or(self.label());
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        if keys.is_empty() {
            what.to_owned()
        } else {
            format!("{what} ({})", keys.join(" or "))
        }
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

/// Commands whose keys were pressed this frame. Canvas commands are left
/// alone unless `canvas_active` (the Design tab shows and no dialog is open).
pub fn pressed(ctx: &egui::Context, canvas_active: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let live = |entry: &&Entry| {
        (canvas_active || entry.scope != Scope::DesignCanvas)
            && !(typing && entry.trigger != Trigger::Shortcut)
    };
    // egui matches modifiers loosely (extra Shift is ignored), so the most
    // specific shortcuts are consumed first: Ctrl+Shift+Z is Redo, not Undo.
    let mut bindings: Vec<(Command, KeyboardShortcut)> = TABLE
        .iter()
        .filter(live)
        .filter(|entry| {
            matches!(
                entry.trigger,
                Trigger::Shortcut | Trigger::ShortcutUnlessTyping
            )
        })
        .flat_map(|entry| entry.shortcuts.iter().map(|s| (entry.command, *s)))
        .collect();
    bindings.sort_by_key(|(_, shortcut)| {
        let m = shortcut.modifiers;
        std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl))
    });
    let clipboard_live = canvas_active && !typing;
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        for (command, shortcut) in &bindings {
            if input.consume_shortcut(shortcut) && !pressed.contains(command) {
                pressed.push(*command);
            }
        }
        for entry in TABLE.iter().filter(live) {
            if entry.trigger == Trigger::KeySeen
                && entry
                    .shortcuts
                    .iter()
                    .any(|s| input.key_pressed(s.logical_key))
            {
                pressed.push(entry.command);
            }
        }
        if clipboard_live {
            for event in &input.events {
                let command = match event {
                    egui::Event::Copy => Command::Copy,
                    egui::Event::Cut => Command::Cut,
                    egui::Event::Paste(_) => Command::Paste,
                    _ => continue,
                };
                pressed.push(command);
            }
        }
    });
    pressed
}

/// Pairs of commands in overlapping scopes that share a shortcut.
#[cfg(test)]
fn conflicts(table: &[Entry]) -> Vec<(Command, Command, KeyboardShortcut)> {
    let mut found = Vec::new();
    for (i, a) in table.iter().enumerate() {
        for b in &table[i + 1..] {
            if !a.scope.overlaps(b.scope) {
                continue;
            }
            for shortcut in a.shortcuts.iter().filter(|s| b.shortcuts.contains(s)) {
                found.push((a.command, b.command, *shortcut));
            }
        }
    }
    found
}

/// The text of this frame's paste event, if there is one.
pub fn pasted_text(ctx: &egui::Context) -> Option<String> {
    ctx.input(|i| {
        i.events.iter().find_map(|event| match event {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_exactly_one_row() {
        let all: Vec<Command> = Command::all().collect();
        for command in &all {
            assert_eq!(
                all.iter().filter(|c| *c == command).count(),
                1,
                "{command:?}"
            );
            assert!(!command.label().is_empty());
        }
        // One row per variant: the count of the enum, kept by hand, must match.
        assert_eq!(all.len(), 32);
    }

    #[test]
    fn no_two_commands_in_overlapping_scopes_share_a_shortcut() {
        assert_eq!(conflicts(TABLE), []);
    }

    #[test]
    fn a_shared_shortcut_is_caught_unless_the_scopes_are_apart() {
        const Z: &[KeyboardShortcut] = &[cmd(Key::Z)];
        let table = [
            entry(Command::Undo, "Undo", DesignCanvas, Shortcut, Z),
            entry(Command::Quit, "Quit", App, Shortcut, Z),
        ];
        assert_eq!(
            conflicts(&table),
            [(Command::Undo, Command::Quit, cmd(Key::Z))]
        );
        // Two canvas commands clash too; the rule is about scopes, not names.
        let table = [
            entry(Command::Undo, "Undo", DesignCanvas, Shortcut, Z),
            entry(Command::Redo, "Redo", DesignCanvas, Shortcut, Z),
        ];
        assert_eq!(conflicts(&table).len(), 1);
    }

    #[test]
    fn hover_texts_come_from_the_shortcut_table() {
        let ctx = egui::Context::default();
        let undo = Command::Undo.tooltip(&ctx);
        assert!(undo.starts_with("Undo ("), "{undo}");
        assert!(undo.contains(&ctx.format_shortcut(&cmd(Key::Z))), "{undo}");
        let redo = Command::Redo.tooltip(&ctx);
        assert!(redo.contains(" or "), "{redo}");
        assert_eq!(
            Command::ZoomToActualSize.tooltip(&ctx),
            "Show the canvas at its actual size"
        );
    }
}
