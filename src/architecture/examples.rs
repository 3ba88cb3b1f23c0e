//! The example architectures compiled in from `examples/*.ron`, for the
//! window's first start and its File > Examples menu.

use super::document::Architecture;
use super::io::{DocumentError, parse_str};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_examples.rs"));
}

/// The example opened when there is no recent file.
pub const DEFAULT_EXAMPLE: &str = "http-api.ron";

/// One embedded example.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The file name, `http-api.ron`.
    pub file_name: &'static str,
    pub text: &'static str,
    pub doc: Architecture,
}

/// The embedded examples' file names and texts, sorted by name.
pub fn example_texts() -> &'static [(&'static str, &'static str)] {
    embedded::EXAMPLES
}

/// Every embedded example, parsed. An example that does not parse (which
/// the tests forbid) comes back as its error rather than taking the list down.
pub fn examples() -> Vec<Result<Example, DocumentError>> {
    embedded::EXAMPLES
        .iter()
        .map(|&(file_name, text)| {
            parse_str(&format!("examples/{file_name}"), text).map(|doc| Example {
                file_name,
                text,
                doc,
            })
        })
        .collect()
}

/// The example for a first start: [`DEFAULT_EXAMPLE`], else the first that parses.
pub fn default_example() -> Option<Example> {
    let mut parsed: Vec<Example> = examples().into_iter().filter_map(Result::ok).collect();
    let position = parsed
        .iter()
        .position(|e| e.file_name == DEFAULT_EXAMPLE)
        .unwrap_or(0);
    (!parsed.is_empty()).then(|| parsed.swap_remove(position))
}
