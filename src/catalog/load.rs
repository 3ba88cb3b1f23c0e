//! Reading a catalog: the embedded default or a directory with the same layout.
//!
//! ```text
//! providers.ron  triggers.ron  platforms.ron  services.ron  frameworks.ron
//! pricing/*.ron  (one price sheet per file)
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::price_sheet::PriceSheet;
use super::{Catalog, validate};

use super::source::shown_id;
pub use super::source::{SourceFile, ron_options};

/// Everything that can be wrong with a catalog. Each renders as one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}{}: {field} refers to `{}`, which is not in {expected_in}", location(.file, *.line), shown_id(.entry), shown_id(.missing))]
    Dangling {
        file: String,
        line: Option<usize>,
        entry: String,
        field: String,
        missing: String,
        expected_in: String,
    },
    #[error("{}duplicate id `{}` (first defined in {first_file})", location(.file, *.line), shown_id(.id))]
    Duplicate {
        file: String,
        line: Option<usize>,
        id: String,
        first_file: String,
    },
    #[error("{}{}: {message}", location(.file, *.line), shown_id(.entry))]
    Invalid {
        file: String,
        line: Option<usize>,
        entry: String,
        message: String,
    },
}

fn location(file: &str, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{file}:{line}: "),
        None => format!("{file}: "),
    }
}

/// All the problems found in one catalog, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogErrors(pub Vec<CatalogError>);

impl fmt::Display for CatalogErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogErrors {}

impl From<CatalogError> for CatalogErrors {
    fn from(error: CatalogError) -> Self {
        CatalogErrors(vec![error])
    }
}

/// The catalog's files, before parsing.
#[derive(Debug, Clone)]
pub struct CatalogFiles {
    pub providers: SourceFile,
    pub triggers: SourceFile,
    pub platforms: SourceFile,
    pub services: SourceFile,
    pub frameworks: SourceFile,
    pub pricing: Vec<SourceFile>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));
}

impl CatalogFiles {
    /// The catalog compiled into the binary from `catalogs/`.
    pub fn embedded() -> Self {
        let file = |name: &str, text: &str| SourceFile {
            name: format!("catalogs/{name}"),
            text: text.to_owned(),
        };
        CatalogFiles {
            providers: file("providers.ron", embedded::PROVIDERS),
            triggers: file("triggers.ron", embedded::TRIGGERS),
            platforms: file("platforms.ron", embedded::PLATFORMS),
            services: file("services.ron", embedded::SERVICES),
            frameworks: file("frameworks.ron", embedded::FRAMEWORKS),
            pricing: embedded::PRICING
                .iter()
                .map(|(name, text)| file(&format!("pricing/{name}"), text))
                .collect(),
        }
    }

    /// Read a catalog directory. Every missing or unreadable file is reported.
    pub fn read_dir(dir: &Path) -> Result<Self, CatalogErrors> {
        let mut errors = Vec::new();
        let mut read = |name: &str| -> SourceFile {
            let path = dir.join(name);
            read_source(&path).unwrap_or_else(|error| {
                errors.push(error);
                SourceFile {
                    name: path.display().to_string(),
                    text: String::new(),
                }
            })
        };
        let providers = read("providers.ron");
        let triggers = read("triggers.ron");
        let platforms = read("platforms.ron");
        let services = read("services.ron");
        let frameworks = read("frameworks.ron");
        let pricing_dir = dir.join("pricing");
        let mut pricing = Vec::new();
        match sorted_ron_files(&pricing_dir) {
            Ok(paths) => {
                for path in paths {
                    match read_source(&path) {
                        Ok(file) => pricing.push(file),
                        Err(error) => errors.push(error),
                    }
                }
            }
            Err(error) => errors.push(CatalogError::Io {
                path: pricing_dir.display().to_string(),
                message: error.to_string(),
            }),
        }
        if !errors.is_empty() {
            return Err(CatalogErrors(errors));
        }
        Ok(CatalogFiles {
            providers,
            triggers,
            platforms,
            services,
            frameworks,
            pricing,
        })
    }

    /// Parse every file and validate every cross-reference.
    pub fn parse(&self) -> Result<Catalog, CatalogErrors> {
        let mut errors = Vec::new();
        let providers = parse_list(&self.providers, &mut errors);
        let triggers = parse_list(&self.triggers, &mut errors);
        let platforms = parse_list(&self.platforms, &mut errors);
        let services = parse_list(&self.services, &mut errors);
        let frameworks = parse_list(&self.frameworks, &mut errors);
        let mut price_sheets = Vec::new();
        for file in &self.pricing {
            if let Some(sheet) = parse_one::<PriceSheet>(file, &mut errors) {
                price_sheets.push((file.name.clone(), sheet));
            }
        }
        if !errors.is_empty() {
            // Cross-references are meaningless while a file is unreadable.
            return Err(CatalogErrors(errors));
        }
        let catalog = Catalog::new(
            providers,
            triggers,
            platforms,
            services,
            frameworks,
            price_sheets.iter().map(|(_, s)| s.clone()).collect(),
        );
        let sheet_files: Vec<&str> = price_sheets.iter().map(|(n, _)| n.as_str()).collect();
        let problems = validate::validate(&catalog, self, &sheet_files);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogErrors(problems))
        }
    }
}

/// Read one file as text: an unreadable file is an I/O error, a file that
/// is not UTF-8 a syntax error at its first bad byte.
// Called once per file, never on a hot path (as `parse_ron`).
#[allow(clippy::result_large_err)]
fn read_source(path: &Path) -> Result<SourceFile, CatalogError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| CatalogError::Io {
        path: name.clone(),
        message: error.to_string(),
    })?;
    let text = super::source::decode_utf8(&name, bytes)?;
    Ok(SourceFile { name, text })
}

/// `*.ron` files in a directory, sorted by name so loading is deterministic.
pub fn sorted_ron_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron") && path.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}

/// Parse RON text, turning an error into one `file:line:column: message` line.
// The error is built once per bad file, never on a hot path; boxing it
// would only make every caller unwrap a box.
#[allow(clippy::result_large_err)]
pub fn parse_ron<T: DeserializeOwned>(file_name: &str, text: &str) -> Result<T, CatalogError> {
    super::source::parse(file_name, text).map_err(CatalogError::from)
}

impl From<super::source::SyntaxError> for CatalogError {
    fn from(error: super::source::SyntaxError) -> Self {
        CatalogError::Syntax {
            file: error.file,
            line: error.line,
            column: error.column,
            message: error.message,
        }
    }
}

fn parse_list<T: DeserializeOwned>(file: &SourceFile, errors: &mut Vec<CatalogError>) -> Vec<T> {
    match parse_ron::<Vec<T>>(&file.name, &file.text) {
        Ok(list) => list,
        Err(error) => {
            errors.push(error);
            Vec::new()
        }
    }
}

fn parse_one<T: DeserializeOwned>(file: &SourceFile, errors: &mut Vec<CatalogError>) -> Option<T> {
    match parse_ron::<T>(&file.name, &file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// The line where an entry with this id is defined, for error messages.
pub fn line_of_id(text: &str, id: &str) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.lines().enumerate().find_map(|(index, line)| {
        let trimmed = line.trim_start();
        (trimmed.starts_with("id:") && trimmed.contains(&quoted)).then_some(index + 1)
    })
}
