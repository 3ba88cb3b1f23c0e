//! Architecture files: versioned RON, read with clear one-line errors and
//! written deterministically and atomically.
//!
//! Reading goes in three steps, each with its own error:
//! 1. syntax and shape (`file:line:column: message`, from the RON parser;
//!    truncated and corrupt files, unknown node kinds and unknown fields);
//! 2. the version (`file:line:column: unsupported version 2 (this build
//!    reads version 1)`), checked even when a newer file's shape does not
//!    parse, so a newer file says why;
//! 3. the structure and catalog ids (`file:line: node 4 "Table": unknown
//!    service `aws-s4``), where the line is found from the node's `id:`.
//!
//! Writing sorts nodes and edges by id, uses one fixed pretty layout, leaves
//! out default values (`fan_out: 1`, a `None` platform) and writes `Option`s
//! without `Some(..)`, exactly as the catalog files do; so saving twice gives
//! the same bytes and saved files diff well.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use super::document::{Architecture, FORMAT_VERSION, Fragment, NodeKind};
use crate::catalog::Catalog;
use crate::catalog::source::{
    self, SyntaxError, code_of, find_field, ron_options, syntax_error as located_error, without_bom,
};

/// Everything that can be wrong with an architecture file. One line each.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    #[error("{path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{file}:{line}:{column}: unsupported version {found} (this build reads version {FORMAT_VERSION})"
    )]
    UnsupportedVersion {
        file: String,
        line: usize,
        column: usize,
        found: u64,
    },
    /// A duplicate id, a missing edge end, or an id the catalog does not know.
    #[error("{}{subject}: {message}", location(.file, *.line))]
    Invalid {
        file: String,
        line: Option<usize>,
        /// `node 4 "Table"` or `edge 7`.
        subject: String,
        message: String,
    },
    #[error("could not save {path}: {message}")]
    Save { path: String, message: String },
}

fn location(file: &str, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{file}:{line}: "),
        None => format!("{file}: "),
    }
}

impl DocumentError {
    /// Where the error points, for the UI to show: `(line, column)`.
    pub fn position(&self) -> Option<(usize, Option<usize>)> {
        match self {
            DocumentError::Syntax { line, column, .. }
            | DocumentError::UnsupportedVersion { line, column, .. } => {
                Some((*line, Some(*column)))
            }
            DocumentError::Invalid { line, .. } => line.map(|l| (l, None)),
            _ => None,
        }
    }
}

/// Only the version, read from any file that is RON at all.
#[derive(Deserialize)]
struct VersionProbe {
    version: u64,
}

fn syntax_error(file: &str, text: &str, error: &ron::error::SpannedError) -> DocumentError {
    DocumentError::from(located_error(file, text, error))
}

impl From<SyntaxError> for DocumentError {
    fn from(error: SyntaxError) -> Self {
        DocumentError::Syntax {
            file: error.file,
            line: error.line,
            column: error.column,
            message: error.message,
        }
    }
}

/// The file's version when RON cannot even read it as a version probe
/// (a newer file's shape may nest deeper than this build allows, or use
/// syntax it does not know): the digits after the first top-level
/// `version:` field.
fn version_in_text(text: &str) -> Option<u64> {
    let (line, column) = version_position(text);
    let line = text.lines().nth(line - 1)?;
    let start = line.char_indices().nth(column - 1).map(|(i, _)| i)?;
    let digits: String = line[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    find_field(line, "version").and(digits.parse().ok())
}

/// Where the value of the top-level `version:` field is (1-based line and
/// column), for the unsupported-version message.
fn version_position(text: &str) -> (usize, usize) {
    for (index, line) in text.lines().enumerate() {
        let Some(start) = find_field(line, "version") else {
            continue;
        };
        let after = &line[start + "version".len()..];
        let after_colon = after.trim_start().strip_prefix(':').unwrap_or(after);
        let value_offset = line.len() - after_colon.trim_start().len();
        return (index + 1, line[..value_offset].chars().count() + 1);
    }
    (1, 1)
}

/// The line where the entry `id: N` of a section (`nodes`, `edges` or
/// `groups`) is.
fn line_of_entry(text: &str, section: &str, id: u64) -> Option<usize> {
    line_of_nth_entry(text, section, id, 0)
}

/// The line of the `nth` (from 0) entry with `id: N` in a section: a
/// duplicate is reported where it is, not where its twin is.
fn line_of_nth_entry(text: &str, section: &str, id: u64, nth: usize) -> Option<usize> {
    let mut seen = 0;
    let others: Vec<&str> = ["nodes", "edges", "groups"]
        .into_iter()
        .filter(|s| *s != section)
        .collect();
    let mut inside = false;
    for (index, line) in text.lines().enumerate() {
        if find_field(line, section).is_some() {
            inside = true;
        } else if others.iter().any(|other| find_field(line, other).is_some()) {
            inside = false;
        }
        if !inside {
            continue;
        }
        let code = code_of(line);
        let mut rest = code.as_str();
        while let Some(start) = find_field(rest, "id") {
            let value = rest[start + 2..]
                .trim_start()
                .trim_start_matches(':')
                .trim_start();
            let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
            if digits.parse::<u64>().ok() == Some(id) {
                if seen == nth {
                    return Some(index + 1);
                }
                seen += 1;
                // One entry per line: the next match is another entry.
                break;
            }
            rest = &rest[start + 2..];
        }
    }
    None
}

/// Parse a document's text, checking its syntax, version and structure
/// (unique ids, edge ends that exist) but not its catalog ids.
pub fn parse_str(file: &str, text: &str) -> Result<Architecture, DocumentError> {
    let text = without_bom(text);
    let doc: Architecture = match ron_options().from_str(text) {
        Ok(doc) => doc,
        Err(error) => {
            // A newer file may not fit this build's shape; say why.
            let version = match ron_options().from_str::<VersionProbe>(text) {
                Ok(probe) => Some(probe.version),
                Err(_) => version_in_text(text),
            };
            if let Some(version) = version
                && version != u64::from(FORMAT_VERSION)
            {
                return Err(version_error(file, text, version));
            }
            return Err(syntax_error(file, text, &error));
        }
    };
    if doc.version != FORMAT_VERSION {
        return Err(version_error(file, text, u64::from(doc.version)));
    }
    check_structure(file, text, &doc)?;
    Ok(doc)
}

fn version_error(file: &str, text: &str, found: u64) -> DocumentError {
    let (line, column) = version_position(text);
    DocumentError::UnsupportedVersion {
        file: file.to_owned(),
        line,
        column,
        found,
    }
}

fn check_structure(file: &str, text: &str, doc: &Architecture) -> Result<(), DocumentError> {
    let invalid =
        |section: &str, id: u64, subject: String, message: String| DocumentError::Invalid {
            file: file.to_owned(),
            line: line_of_entry(text, section, id),
            subject,
            message,
        };
    let duplicate =
        |section: &str, id: u64, subject: String, message: String| DocumentError::Invalid {
            file: file.to_owned(),
            line: line_of_nth_entry(text, section, id, 1),
            subject,
            message,
        };
    let mut nodes = HashSet::with_capacity(doc.nodes.len());
    for node in &doc.nodes {
        if !nodes.insert(node.id) {
            return Err(duplicate(
                "nodes",
                node.id.0,
                node.subject(),
                format!("duplicate node id {}", node.id),
            ));
        }
    }
    let mut edges = HashSet::with_capacity(doc.edges.len());
    for edge in &doc.edges {
        let subject = format!("edge {}", edge.id);
        if !edges.insert(edge.id) {
            return Err(duplicate(
                "edges",
                edge.id.0,
                subject,
                format!("duplicate edge id {}", edge.id),
            ));
        }
        for (end, id) in [("from", edge.from), ("to", edge.to)] {
            if !nodes.contains(&id) {
                return Err(invalid(
                    "edges",
                    edge.id.0,
                    subject,
                    format!("its `{end}` node {id} does not exist"),
                ));
            }
        }
    }
    let mut groups = HashSet::with_capacity(doc.groups.len());
    for group in &doc.groups {
        let subject = format!("group {} {:?}", group.id, group.name);
        if !groups.insert(group.id) {
            return Err(duplicate(
                "groups",
                group.id.0,
                subject,
                format!("duplicate group id {}", group.id),
            ));
        }
        let (width, height) = group.size;
        if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
            return Err(invalid(
                "groups",
                group.id.0,
                subject,
                format!("size must be above zero (got {width} x {height})"),
            ));
        }
    }
    Ok(())
}

/// Check every catalog id a document names: services, triggers and the
/// platforms functions name. The target platform is not checked here; an
/// unknown or retired target is a validation problem the user can fix by
/// switching targets, so such a file still opens.
pub fn check_ids(
    catalog: &Catalog,
    file: &str,
    text: &str,
    doc: &Architecture,
) -> Result<(), DocumentError> {
    for node in &doc.nodes {
        let unknown = match &node.kind {
            NodeKind::Function {
                platform: Some(platform),
                ..
            } if catalog.platform(platform).is_none() => Some(("platform", platform)),
            NodeKind::EventSource { trigger, .. } if catalog.trigger(trigger).is_none() => {
                Some(("trigger", trigger))
            }
            NodeKind::Service { service, .. } if catalog.service(service).is_none() => {
                Some(("service", service))
            }
            _ => None,
        };
        if let Some((what, id)) = unknown {
            return Err(DocumentError::Invalid {
                file: file.to_owned(),
                line: line_of_entry(text, "nodes", node.id.0),
                subject: node.subject(),
                message: format!("unknown {what} `{}`", source::shown_id(id)),
            });
        }
    }
    for edge in &doc.edges {
        if let Some(trigger) = &edge.trigger
            && catalog.trigger(trigger).is_none()
        {
            return Err(DocumentError::Invalid {
                file: file.to_owned(),
                line: line_of_entry(text, "edges", edge.id.0),
                subject: format!("edge {}", edge.id),
                message: format!("unknown trigger `{}`", source::shown_id(trigger)),
            });
        }
    }
    Ok(())
}

/// Parse a document and check its catalog ids. `file` names it in errors.
pub fn load_str(catalog: &Catalog, file: &str, text: &str) -> Result<Architecture, DocumentError> {
    load_str_reporting(catalog, file, text).map(|(doc, _)| doc)
}

/// A catalog id a file used that the catalog now knows by another name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// What used it: `node 3 "Handler"`, `edge 2` or `the target platform`.
    pub subject: String,
    pub from: String,
    pub to: String,
}

impl std::fmt::Display for Renamed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: `{}` is now `{}`", self.subject, self.from, self.to)
    }
}

/// Replace ids the catalog lists as former names (`aliases`) with the
/// current ones, so files written before a rename keep loading.
pub fn migrate_ids(catalog: &Catalog, doc: &mut Architecture) -> Vec<Renamed> {
    let mut renamed = Vec::new();
    let mut rename = |subject: String, id: &mut String| {
        if let Some(current) = catalog.renamed(id) {
            renamed.push(Renamed {
                subject,
                from: id.clone(),
                to: current.to_owned(),
            });
            *id = current.to_owned();
        }
    };
    rename("the target platform".to_owned(), &mut doc.target_platform);
    for node in &mut doc.nodes {
        let subject = node.subject();
        match &mut node.kind {
            NodeKind::Function {
                platform: Some(platform),
                ..
            } => rename(subject, platform),
            NodeKind::EventSource { trigger, .. } => rename(subject, trigger),
            NodeKind::Service { service, .. } => rename(subject, service),
            NodeKind::Function { platform: None, .. } => {}
        }
    }
    for edge in &mut doc.edges {
        if let Some(trigger) = &mut edge.trigger {
            rename(format!("edge {}", edge.id), trigger);
        }
    }
    renamed
}

/// As [`load_str`], also saying which former ids were renamed.
pub fn load_str_reporting(
    catalog: &Catalog,
    file: &str,
    text: &str,
) -> Result<(Architecture, Vec<Renamed>), DocumentError> {
    let mut doc = parse_str(file, text)?;
    let renamed = migrate_ids(catalog, &mut doc);
    check_ids(catalog, file, text, &doc)?;
    Ok((doc, renamed))
}

/// Read, parse and check a document file.
pub fn load_file(catalog: &Catalog, path: &Path) -> Result<Architecture, DocumentError> {
    load_file_reporting(catalog, path).map(|(doc, _)| doc)
}

/// As [`load_file`], also saying which former ids were renamed.
pub fn load_file_reporting(
    catalog: &Catalog,
    path: &Path,
) -> Result<(Architecture, Vec<Renamed>), DocumentError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| DocumentError::Unreadable {
        path: name.clone(),
        message: error.to_string(),
    })?;
    let text = source::decode_utf8(&name, bytes)?;
    load_str_reporting(catalog, &name, &text)
}

/// The one layout every file is written in.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .depth_limit(3)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .escape_strings(true)
        .number_suffixes(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn encode<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let mut text = ron_options().to_string_pretty(value, pretty())?;
    text.push('\n');
    Ok(text)
}

/// The document as file text: nodes and edges sorted by id.
pub fn to_ron_string(doc: &Architecture) -> Result<String, ron::Error> {
    let mut sorted = doc.clone();
    sorted.normalize();
    encode(&sorted)
}

/// Save a document: written to a temporary file beside `path`, then renamed
/// over it, so a failed save never destroys the previous file.
pub fn save_file(path: &Path, doc: &Architecture) -> Result<(), DocumentError> {
    let save_error = |message: String| DocumentError::Save {
        path: path.display().to_string(),
        message,
    };
    let text = to_ron_string(doc).map_err(|e| save_error(e.to_string()))?;
    crate::fs::write_atomic(path, text.as_bytes()).map_err(|e| save_error(e.source.to_string()))
}

/// A selection as clipboard text.
pub fn fragment_to_ron(doc: &Architecture, ids: &[super::NodeId]) -> Result<String, ron::Error> {
    encode(&doc.fragment(ids))
}

/// Clipboard text back into a fragment (paste it with [`Architecture::paste`],
/// which gives the nodes fresh ids). Whole documents paste too.
pub fn parse_fragment(text: &str) -> Result<Fragment, DocumentError> {
    const NAME: &str = "clipboard";
    match ron_options().from_str::<Fragment>(text) {
        Ok(fragment) if fragment.version == FORMAT_VERSION => Ok(fragment),
        Ok(fragment) => Err(version_error(NAME, text, u64::from(fragment.version))),
        Err(error) => match parse_str(NAME, text) {
            Ok(doc) => Ok(Fragment {
                version: doc.version,
                nodes: doc.nodes,
                edges: doc.edges,
            }),
            Err(DocumentError::Syntax { .. }) => Err(syntax_error(NAME, text, &error)),
            Err(other) => Err(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::document::{Edge, EdgeId, EdgeKind, Load, NodeId};
    use crate::architecture::test_catalog;

    fn sample() -> Architecture {
        let mut doc = Architecture::new_empty("aws-lambda");
        doc.name = "Sample".into();
        doc.add_node(
            "Clients",
            (0.0, 0.0),
            NodeKind::EventSource {
                trigger: "http-request".into(),
                load: Load::RequestsPerMonth(2_000_000.0),
            },
        );
        doc.add_node("Api", (220.0, 40.5), NodeKind::function());
        doc.add_node("Table", (440.0, 0.0), NodeKind::service("aws-dynamodb"));
        let mut edge = Edge::new(EdgeId(2), NodeId(2), NodeId(3), EdgeKind::DataFlow, None);
        edge.fan_out = 2.0;
        doc.edges.push(edge);
        doc.edges.push(Edge::new(
            EdgeId(1),
            NodeId(1),
            NodeId(2),
            EdgeKind::Trigger,
            Some("http-request".into()),
        ));
        doc
    }

    #[test]
    fn saved_text_is_sorted_compact_and_reads_back() {
        let doc = sample();
        let text = to_ron_string(&doc).unwrap();
        assert!(
            text.starts_with("(\n    version: 1,\n    name: \"Sample\",\n"),
            "{text}"
        );
        assert!(!text.contains("Some("), "{text}");
        assert!(
            !text.contains("batch_size"),
            "defaults are left out: {text}"
        );
        assert!(text.contains("fan_out: 2.0"), "{text}");
        assert!(text.find("id: 1,").unwrap() < text.find("id: 2,").unwrap());
        let back = parse_str("sample.ron", &text).unwrap();
        let mut sorted = doc.clone();
        sorted.normalize();
        assert_eq!(back, sorted);
        assert_eq!(to_ron_string(&back).unwrap(), text);
    }

    #[test]
    fn syntax_errors_name_the_position() {
        let text = "(\n    version: 1,\n    name: \"x\"\n    target_platform: \"aws-lambda\",\n)";
        let error = parse_str("bad.ron", text).unwrap_err();
        assert!(
            matches!(error, DocumentError::Syntax { line: 4, .. }),
            "{error}"
        );
        assert!(error.to_string().starts_with("bad.ron:4:"), "{error}");
    }

    #[test]
    fn a_newer_version_is_refused_even_if_its_shape_is_new() {
        let text = "(\n    version: 2,\n    name: \"x\",\n    target_platform: \"aws-lambda\",\n    layers: [],\n)\n";
        let error = parse_str("new.ron", text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "new.ron:2:14: unsupported version 2 (this build reads version 1)"
        );
    }

    #[test]
    fn unknown_ids_name_the_node_and_its_line() {
        let catalog = test_catalog();
        let text = to_ron_string(&sample())
            .unwrap()
            .replace("aws-dynamodb", "aws-s4");
        let error = load_str(&catalog, "doc.ron", &text).unwrap_err();
        let line = text.lines().position(|l| l.trim() == "id: 3,").unwrap() + 1;
        assert_eq!(
            error.to_string(),
            format!("doc.ron:{line}: node 3 \"Table\": unknown service `aws-s4`")
        );
    }

    #[test]
    fn duplicate_ids_and_missing_ends_are_refused() {
        let mut doc = sample();
        doc.nodes[2].id = NodeId(2);
        let text = encode(&doc).unwrap();
        let error = parse_str("d.ron", &text).unwrap_err().to_string();
        assert!(
            error.contains("node 2 \"Table\": duplicate node id 2"),
            "{error}"
        );

        let mut doc = sample();
        doc.edges[0].to = NodeId(9);
        let text = encode(&doc).unwrap();
        let error = parse_str("d.ron", &text).unwrap_err().to_string();
        assert!(
            error.ends_with("edge 2: its `to` node 9 does not exist"),
            "{error}"
        );
        assert!(error.starts_with("d.ron:"), "{error}");
    }

    #[test]
    fn fragments_round_trip_through_the_clipboard() {
        let doc = sample();
        let text = fragment_to_ron(&doc, &[NodeId(2), NodeId(3)]).unwrap();
        let fragment = parse_fragment(&text).unwrap();
        assert_eq!(fragment.nodes.len(), 2);
        assert_eq!(fragment.edges.len(), 1);
        let mut target = sample();
        let added = target.paste(&fragment, (10.0, 10.0));
        assert_eq!(added, vec![NodeId(4), NodeId(5)]);
        assert_eq!(target.edges.len(), 3);
        // A whole document pastes too.
        let whole = parse_fragment(&to_ron_string(&doc).unwrap()).unwrap();
        assert_eq!(whole.nodes.len(), 3);
        assert!(parse_fragment("(nodes: [").is_err());
    }

    #[test]
    fn field_finding_ignores_longer_names_and_comments() {
        assert_eq!(find_field("    id: 4,", "id"), Some(4));
        assert_eq!(find_field("    trigger_id: 4,", "id"), None);
        assert_eq!(find_field("// id: 4", "id"), None);
        assert_eq!(
            find_field("    name: \"id: 4 // x\", id: 5", "id"),
            Some(24)
        );
        assert_eq!(find_field("    name: \"a \\\" id: 4\",", "id"), None);
        assert_eq!(version_position("(\n  version:   7,\n"), (2, 14));
    }
}

#[cfg(test)]
mod group_file_tests {
    use super::*;

    #[test]
    fn a_bad_group_is_refused_at_its_line() {
        let text = r#"(
    version: 1,
    name: "g",
    target_platform: "aws-lambda",
    groups: [
        (id: 1, name: "Prod", kind: Account, position: (0.0, 0.0), size: (400.0, 300.0)),
        (id: 1, name: "Copy", kind: Region, position: (0.0, 0.0), size: (10.0, 10.0)),
    ],
)"#;
        let error = parse_str("g.ron", text).unwrap_err().to_string();
        assert!(
            error.starts_with("g.ron:7: group 1 \"Copy\": duplicate group id 1"),
            "{error}"
        );
        let flat = text
            .replace("size: (10.0, 10.0)", "size: (0.0, 10.0)")
            .replace("id: 1, name: \"Copy\"", "id: 2, name: \"Copy\"");
        let error = parse_str("g.ron", &flat).unwrap_err().to_string();
        assert!(
            error.contains("group 2 \"Copy\": size must be above zero"),
            "{error}"
        );
        assert!(error.starts_with("g.ron:7:"), "{error}");
    }
}
