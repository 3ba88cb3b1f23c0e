//! The Design tab, driven through the accessibility tree and the pointer.
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serverless_atlas::architecture::{Architecture, EdgeKind, Load, NodeKind};
use serverless_atlas::catalog::Catalog;
use serverless_atlas::ui::AtlasApp;
use serverless_atlas::ui::app::Tab;
use serverless_atlas::ui::design::{DesignSaved, DesignState};

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::builtin().expect("built-in catalog"))
}

/// Clients -> (nothing yet) Handler, and a bucket, on AWS Lambda.
fn small_doc() -> Architecture {
    let mut doc = Architecture::new_empty("aws-lambda");
    doc.name = "Small".into();
    doc.add_node(
        "Clients",
        (0.0, 0.0),
        NodeKind::EventSource {
            trigger: "http-request".into(),
            load: Load::RequestsPerMonth(1_000_000.0),
        },
    );
    doc.add_node("Handler", (300.0, 0.0), NodeKind::function());
    doc.add_node("Bucket", (300.0, 200.0), NodeKind::service("aws-s3"));
    doc
}

fn harness_with(doc: Option<Architecture>) -> Harness<'static, AtlasApp> {
    let mut app = AtlasApp::new(catalog());
    app.tab = Tab::Design;
    if let Some(doc) = doc {
        app.design = DesignState::new(doc, None, DesignSaved::default(), None);
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), app);
    harness.run();
    harness
}

/// The on-screen centre of a node's card (the accessibility tree reports
/// canvas widgets in scene space, so positions come from the canvas).
fn card(harness: &Harness<'_, AtlasApp>, name: &str) -> egui::Pos2 {
    let design = &harness.state().design;
    let node = design
        .doc
        .nodes
        .iter()
        .find(|n| n.name == name)
        .expect("a node of that name");
    design.screen_rect_of(node.id).expect("drawn").center()
}

fn port(harness: &Harness<'_, AtlasApp>, name: &str) -> egui::Pos2 {
    let design = &harness.state().design;
    let node = design
        .doc
        .nodes
        .iter()
        .find(|n| n.name == name)
        .expect("a node of that name");
    design.screen_out_port_of(node.id).expect("drawn")
}

/// Press and release at one point: a click on the canvas.
fn click_at(harness: &mut Harness<'_, AtlasApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.run();
}

/// Drag from one widget's centre to another's, as a user would.
fn drag(harness: &mut Harness<'_, AtlasApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    let steps = 6;
    for i in 1..=steps {
        harness.hover_at(from + (to - from) * (i as f32 / steps as f32));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

#[test]
fn a_palette_entry_places_a_node_and_undo_redo_walk_it_back_and_forth() {
    let mut harness = harness_with(Some(small_doc()));
    assert_eq!(harness.state().design.doc.nodes.len(), 3);
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    let doc = &harness.state().design.doc;
    assert_eq!(doc.nodes.len(), 4);
    let added = doc.nodes.last().unwrap();
    assert_eq!(added.kind, NodeKind::service("aws-sqs"));
    harness.get_by_label("Service: Amazon SQS");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().design.doc.nodes.len(), 3);
    assert!(harness.query_by_label("Service: Amazon SQS").is_none());

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(harness.state().design.doc.nodes.len(), 4);
    harness.get_by_label("Service: Amazon SQS");
}

#[test]
fn dragging_from_a_port_connects_a_valid_pair() {
    let mut harness = harness_with(Some(small_doc()));
    let from = port(&harness, "Clients");
    let to = card(&harness, "Handler");
    drag(&mut harness, from, to);
    let doc = &harness.state().design.doc;
    assert_eq!(doc.edges.len(), 1, "status: {:?}", harness.state().status);
    let edge = &doc.edges[0];
    assert_eq!(edge.kind, EdgeKind::Trigger);
    assert_eq!(edge.trigger.as_deref(), Some("http-request"));
    // One undo step removes it again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().design.doc.edges.is_empty());
}

#[test]
fn an_invalid_pair_is_refused_with_the_reason_and_nothing_is_created() {
    let mut harness = harness_with(Some(small_doc()));
    // Nothing can flow into an event source.
    let from = port(&harness, "Handler");
    let to = card(&harness, "Clients");
    drag(&mut harness, from, to);
    let state = harness.state();
    assert!(state.design.doc.edges.is_empty());
    let reason = state
        .design
        .canvas
        .refusal
        .clone()
        .expect("a refusal reason");
    assert!(!reason.is_empty());
    // Shown over the canvas (and in the status bar).
    assert!(
        harness
            .get_all_by_label(&format!("Not connected: {reason}"))
            .count()
            >= 1
    );
}

#[test]
fn delete_removes_the_selected_node_and_its_edges() {
    let mut doc = small_doc();
    let clients = doc.nodes[0].id;
    let handler = doc.nodes[1].id;
    doc.add_edge(&Catalog::builtin().unwrap(), clients, handler)
        .unwrap();
    let mut harness = harness_with(Some(doc));
    let at = card(&harness, "Handler");
    click_at(&mut harness, at);
    assert_eq!(harness.state().design.selection.only_node(), Some(handler));
    harness.key_press(egui::Key::Delete);
    harness.run();
    let doc = &harness.state().design.doc;
    assert!(doc.node(handler).is_none());
    assert!(doc.edges.is_empty());
    assert_eq!(doc.nodes.len(), 2);
}

#[test]
fn a_problem_selects_its_node() {
    // The function has no trigger: a "never invoked" warning names it.
    let mut harness = harness_with(Some(small_doc()));
    let handler = harness.state().design.doc.nodes[1].id;
    harness.get_by_label_contains("node 2 \"Handler\"").click();
    harness.run();
    assert_eq!(harness.state().design.selection.only_node(), Some(handler));
    // The inspector now shows the node.
    harness.get_by_label("Function");
}

#[test]
fn save_and_reopen_through_the_path_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    let mut harness = harness_with(Some(small_doc()));

    let ctx = harness.ctx.clone();
    let app = harness.state_mut();
    app.design.run(
        &catalog(),
        serverless_atlas::ui::command::Command::SaveToPath,
        &ctx,
        &mut app.messages,
    );
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "File path");
    field.click();
    harness.run();
    harness
        .state_mut()
        .design
        .session
        .prompt
        .as_mut()
        .unwrap()
        .text = path.display().to_string();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Save file")
        .click();
    harness.run();
    assert!(path.is_file(), "status: {:?}", harness.state().status);
    assert!(!harness.state().design.is_dirty());
    let saved = harness.state().design.doc.clone();

    // An edit, then reopening the file: the unsaved-changes prompt comes first.
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    assert!(harness.state().design.is_dirty());
    let catalog = catalog();
    let app = harness.state_mut();
    app.design.request(
        &catalog,
        serverless_atlas::ui::design::Pending::Open(path.clone()),
        &mut app.messages,
    );
    assert!(
        app.messages.is_empty(),
        "opening must wait for the user's decision"
    );
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness
        .get_by_role_and_label(Role::Button, "Discard changes")
        .click();
    harness.run();
    let design = &harness.state().design;
    assert_eq!(design.doc, saved);
    assert_eq!(design.session.path.as_deref(), Some(path.as_path()));
    assert_eq!(design.session.recent_files.first(), Some(&path));
}

#[test]
fn opening_a_bad_file_reports_where_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(\n    version: 1,\n    name: \"x\",\n    nodes: [ (id: \n",
    )
    .unwrap();
    let mut harness = harness_with(Some(small_doc()));
    let before = harness.state().design.doc.clone();
    let catalog = catalog();
    let app = harness.state_mut();
    app.design.request(
        &catalog,
        serverless_atlas::ui::design::Pending::Open(path.clone()),
        &mut app.messages,
    );
    let message = app
        .messages
        .latest()
        .cloned()
        .expect("an immediate result for a clean document");
    assert!(message.is_error);
    assert!(message.text.contains("broken.ron:"), "{}", message.text);
    assert_eq!(harness.state().design.doc, before);
}

#[test]
fn copy_and_paste_duplicate_the_selection_with_new_ids() {
    let mut harness = harness_with(Some(small_doc()));
    let at = card(&harness, "Bucket");
    click_at(&mut harness, at);
    harness.event(egui::Event::Copy);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("the selection was copied");
    harness.run();
    assert!(copied.contains("aws-s3"), "clipboard: {copied}");
    harness.event(egui::Event::Paste(copied));
    harness.run();
    let doc = &harness.state().design.doc;
    assert_eq!(doc.nodes.len(), 4);
    let ids: std::collections::BTreeSet<_> = doc.nodes.iter().map(|n| n.id).collect();
    assert_eq!(ids.len(), 4, "pasted nodes get fresh ids");
}

#[test]
fn switching_the_target_platform_revalidates_and_is_undoable() {
    let catalog = catalog();
    let mut doc = small_doc();
    let (clients, handler) = (doc.nodes[0].id, doc.nodes[1].id);
    doc.add_edge(&catalog, clients, handler).unwrap();
    let mut harness = harness_with(Some(doc));
    harness
        .get_by_role_and_label(Role::ComboBox, "Target")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Cloudflare Workers")
        .click();
    harness.run();
    assert_eq!(
        harness.state().design.doc.target_platform,
        "cloudflare-workers"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().design.doc.target_platform, "aws-lambda");
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "the committed image was rendered by Mesa lavapipe on Linux"
)]
fn example_architecture_snapshot() {
    let mut app = AtlasApp::new(catalog());
    app.tab = Tab::Design;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 760.0))
        .with_max_steps(40)
        .wgpu()
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), app);
    harness.run();
    harness.snapshot("design");
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let mut harness = harness_with(Some(small_doc()));
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    assert!(harness.state().design.is_dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    harness.get_by_label("Unsaved changes");
    assert!(!harness.state().design.session.close_allowed());
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(!harness.state().design.session.close_allowed());
    assert!(harness.state().design.is_dirty(), "cancel keeps the edits");
}

#[test]
fn a_group_from_the_palette_moves_the_cards_inside_it_and_is_undoable() {
    let mut harness = harness_with(Some(small_doc()));
    harness.get_by_label("Containers").click();
    harness.run();
    harness.get_by_label("Add Region").click();
    harness.run();
    let group = {
        let design = &mut harness.state_mut().design;
        assert_eq!(design.doc.groups.len(), 1);
        let id = design.doc.groups[0].id;
        // Put the group around "Clients" only.
        let group = design.doc.group_mut(id).unwrap();
        group.position = (-40.0, -60.0);
        group.size = (280.0, 200.0);
        id
    };
    harness.run();
    let clients_before = harness.state().design.doc.nodes[0].position;
    let handler_before = harness.state().design.doc.nodes[1].position;

    // Drag the title bar 100 points right (in screen space at the current zoom).
    let design = &harness.state().design;
    let title = design.screen_rect_of_group(group).unwrap();
    let from = egui::pos2(title.center().x, title.top() + 8.0);
    drag(&mut harness, from, from + egui::vec2(100.0, 0.0));

    let doc = &harness.state().design.doc;
    let moved = doc.nodes[0].position.0 - clients_before.0;
    assert!(
        moved > 20.0,
        "the card inside moved with its group ({moved})"
    );
    assert_eq!(doc.group(group).unwrap().position.0 + 40.0, moved);
    assert_eq!(doc.nodes[1].position, handler_before, "cards outside stay");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().design.doc.nodes[0].position, clients_before);
}

#[test]
fn one_hundred_percent_shows_the_canvas_at_actual_size() {
    let mut harness = harness_with(None);
    let fitted = harness.state().design.zoom().expect("drawn");
    assert!(
        (fitted - 1.0).abs() > 0.05,
        "the example fits at another zoom ({fitted})"
    );
    harness.get_by_role_and_label(Role::Button, "100%").click();
    harness.run();
    let zoom = harness.state().design.zoom().expect("drawn");
    assert!((zoom - 1.0).abs() < 0.01, "zoom {zoom}");
}

#[test]
fn space_and_drag_pans_instead_of_drawing_a_marquee() {
    let mut harness = harness_with(Some(small_doc()));
    let before = harness.state().design.canvas.scene_rect;
    // A point of empty canvas: between "Clients" and "Handler", below them.
    let zoom = harness.state().design.zoom().expect("drawn");
    let between = card(&harness, "Clients").lerp(card(&harness, "Handler"), 0.5);
    let empty = between + egui::vec2(0.0, 90.0 * zoom);
    harness.key_down(egui::Key::Space);
    harness.run();
    drag(&mut harness, empty, empty + egui::vec2(-120.0, 0.0));
    harness.key_up(egui::Key::Space);
    harness.run();
    let after = harness.state().design.canvas.scene_rect;
    assert!(
        after.center().x > before.center().x + 10.0,
        "{before:?} -> {after:?}"
    );
    assert!(
        harness.state().design.selection.is_empty(),
        "no marquee selection"
    );
}

#[test]
fn a_field_edit_and_a_drag_each_undo_as_one_step_without_undo_code() {
    let mut harness = harness_with(Some(small_doc()));
    let handler = harness.state().design.doc.nodes[1].id;
    let bucket = harness.state().design.doc.nodes[2].id;
    let at = card(&harness, "Handler");
    click_at(&mut harness, at);
    assert_eq!(harness.state().design.selection.only_node(), Some(handler));

    // A field edit in the inspector, typed over several frames.
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .click();
    harness.run();
    for text in ["x", "v2"] {
        harness.key_press(egui::Key::End);
        harness.event(egui::Event::Text(format!(" {text}")));
        harness.run();
    }
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(
        harness.state().design.doc.node(handler).unwrap().name,
        "Handler x",
        "typed \" x\", \" v2\", then erased three characters"
    );

    // A gesture on the canvas: drag another card two grid steps down.
    let bucket_before = harness.state().design.doc.node(bucket).unwrap().position;
    let zoom = harness.state().design.zoom().expect("drawn");
    let from = card(&harness, "Bucket");
    drag(&mut harness, from, from + egui::vec2(0.0, 40.0 * zoom));
    let moved = harness.state().design.doc.node(bucket).unwrap().position;
    assert_ne!(moved, bucket_before, "the card moved");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let doc = &harness.state().design.doc;
    assert_eq!(doc.node(bucket).unwrap().position, bucket_before);
    assert_eq!(doc.node(handler).unwrap().name, "Handler x");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().design.doc.node(handler).unwrap().name,
        "Handler",
        "the whole typed edit is one step"
    );
    assert_eq!(harness.state().design.doc, small_doc());
}

#[test]
fn arrows_nudge_and_escape_clears_through_the_command_table() {
    let mut harness = harness_with(Some(small_doc()));
    let bucket = harness.state().design.doc.nodes[2].id;
    let at = card(&harness, "Bucket");
    click_at(&mut harness, at);
    let before = harness.state().design.doc.node(bucket).unwrap().position;
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let after = harness.state().design.doc.node(bucket).unwrap().position;
    assert_eq!(after, (before.0 + 20.0, before.1));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().design.selection.is_empty());
    // The nudge is an undo step of its own.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().design.doc.node(bucket).unwrap().position,
        before
    );
}

#[test]
fn enter_confirms_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entered.ron");
    let mut harness = harness_with(Some(small_doc()));
    let ctx = harness.ctx.clone();
    let app = harness.state_mut();
    app.design.run(
        &catalog(),
        serverless_atlas::ui::command::Command::SaveToPath,
        &ctx,
        &mut app.messages,
    );
    harness.run();
    harness
        .state_mut()
        .design
        .session
        .prompt
        .as_mut()
        .unwrap()
        .text = path.display().to_string();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(path.is_file(), "status: {:?}", harness.state().status);
    assert!(harness.state().design.session.prompt.is_none());
}

#[test]
fn the_shortcut_list_names_every_key_and_esc_closes_it() {
    let mut harness = harness_with(Some(small_doc()));
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 1);
    for label in ["Clear selection", "Nudge left", "Copy", "Cut", "Paste"] {
        assert!(
            harness.query_all_by_label(label).count() >= 1,
            "{label} is listed"
        );
    }
    let at = card(&harness, "Bucket");
    click_at(&mut harness, at);
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 1);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.query_all_by_label("Keyboard shortcuts").count(), 0);
    assert!(
        !harness.state().design.selection.is_empty(),
        "Esc closed the list, not the selection"
    );
}

#[test]
fn the_unsaved_changes_prompt_names_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orders-api.ron");
    let mut doc = small_doc();
    doc.name = "Untitled architecture".into();
    let mut harness = harness_with(Some(doc));
    let saved = harness.state_mut().design.save_to(&path);
    assert!(!saved.is_error, "{}", saved.text);
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    harness.get_by_label_contains("“orders-api.ron” has changes");
    assert!(
        harness
            .query_by_label_contains("Untitled architecture”")
            .is_none()
    );
}

#[test]
fn clicking_a_palette_entry_twice_does_not_stack_the_cards() {
    let mut harness = harness_with(Some(small_doc()));
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    harness.get_by_label("Add Amazon SQS").click();
    harness.run();
    let doc = &harness.state().design.doc;
    assert_eq!(doc.nodes.len(), 5);
    let rects: Vec<egui::Rect> = doc
        .nodes
        .iter()
        .map(|n| serverless_atlas::ui::design::geometry::node_rect(n.position).shrink(1.0))
        .collect();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(!a.intersects(*b), "{a:?} covers {b:?}");
        }
    }
}

#[test]
fn a_saved_file_has_no_negative_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zero.ron");
    let mut doc = small_doc();
    doc.nodes[0].position = (-0.0, -0.0);
    let mut harness = harness_with(Some(doc));
    let saved = harness.state_mut().design.save_to(&path);
    assert!(!saved.is_error, "{}", saved.text);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("-0.0"), "{text}");
}

#[test]
fn a_long_status_error_can_be_read_whole() {
    let mut harness = harness_with(Some(small_doc()));
    let long = format!("Could not open: {}", "a very long reason ".repeat(20));
    harness.state_mut().set_error(long.clone());
    harness.state_mut().set_status("a later message");
    harness.state_mut().set_error(long.clone());
    harness.run();
    harness.get_by_label(long.as_str()).click();
    harness.run();
    harness.get_by_label("Messages");
    // Both messages are in the list, nothing was dropped.
    assert!(harness.query_all_by_label(long.as_str()).count() >= 3);
    harness.get_by_label("a later message");
}

#[test]
fn a_refusal_can_be_dismissed_and_goes_with_the_next_gesture() {
    let mut harness = harness_with(Some(small_doc()));
    let from = port(&harness, "Handler");
    let to = card(&harness, "Clients");
    drag(&mut harness, from, to);
    assert!(harness.state().design.canvas.refusal.is_some());
    harness.get_by_label("Dismiss the refusal").click();
    harness.run();
    assert!(harness.state().design.canvas.refusal.is_none());
    drag(&mut harness, from, to);
    assert!(harness.state().design.canvas.refusal.is_some());
    let at = card(&harness, "Bucket");
    drag(&mut harness, at, at + egui::vec2(0.0, 40.0));
    assert!(harness.state().design.canvas.refusal.is_none());
}

#[test]
fn an_example_picked_with_the_pointer_opens_over_the_inspector() {
    let mut harness = harness_with(None);
    let before = harness.state().design.doc.name.clone();
    harness
        .get_by_role_and_label(Role::ComboBox, "Examples")
        .click();
    harness.run();
    // A real pointer click on the entry, which sits over the inspector.
    let entry = harness.get_by_label("iot-telemetry.ron").rect().center();
    click_at(&mut harness, entry);
    let design = &harness.state().design;
    assert_ne!(
        design.doc.name,
        before,
        "status: {:?}",
        harness.state().status
    );
    assert!(
        harness
            .state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("iot-telemetry.ron")),
        "{:?}",
        harness.state().status
    );
}

#[test]
fn the_inspector_keeps_its_width_whatever_is_selected() {
    let mut doc = small_doc();
    let (clients, handler) = (doc.nodes[0].id, doc.nodes[1].id);
    doc.add_edge(&Catalog::builtin().unwrap(), clients, handler)
        .unwrap();
    let mut harness = harness_with(Some(doc));
    // The panel is on the right: its heading's left edge moves when it resizes.
    let left = |harness: &Harness<'_, AtlasApp>| harness.get_by_label("Inspector").rect().left();
    let mut edges = vec![left(&harness)];
    for name in ["Clients", "Handler", "Bucket"] {
        let at = card(&harness, name);
        click_at(&mut harness, at);
        edges.push(left(&harness));
    }
    let edge = harness.state().design.doc.edges[0].id;
    let design = &mut harness.state_mut().design;
    design.selection.clear();
    design.selection.edge = Some(edge);
    harness.run();
    edges.push(left(&harness));
    let (min, max) = edges
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
    assert!(max - min < 1.0, "the inspector moved: {edges:?}");
}
