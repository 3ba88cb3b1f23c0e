//! Serverless Atlas: explore the serverless ecosystem, design architectures
//! and price them on every provider.
//!
//! Everything here but `ui` is plain Rust with no GUI dependency; the window
//! is the default `gui` feature.

pub mod architecture;
pub mod bounds;
pub mod catalog;
pub mod cli;
pub mod cost;
pub mod export;
pub mod format;
pub mod fs;
#[cfg(feature = "gui")]
pub mod ui;
