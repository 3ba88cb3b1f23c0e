//! Embeds `catalogs/` and `examples/` into the binary, so it runs with no
//! files beside it. Price sheets and examples are listed from their folders,
//! so adding a file needs no code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

fn list(out: &mut String, name: &str, dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    writeln!(out, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for path in ron_files(dir) {
        println!("cargo:rerun-if-changed={}", path.display());
        let file_name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            out,
            "    ({file_name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let catalogs = root.join("catalogs");
    let mut out = String::new();
    for (constant, file) in [
        ("PROVIDERS", "providers.ron"),
        ("TRIGGERS", "triggers.ron"),
        ("PLATFORMS", "platforms.ron"),
        ("SERVICES", "services.ron"),
        ("FRAMEWORKS", "frameworks.ron"),
    ] {
        let path = catalogs.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "pub const {constant}: &str = include_str!({:?});",
            path.display().to_string()
        )
        .unwrap();
    }
    list(&mut out, "PRICING", &catalogs.join("pricing"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("embedded_catalog.rs"), out).unwrap();

    let mut examples = String::new();
    list(&mut examples, "EXAMPLES", &root.join("examples"));
    std::fs::write(out_dir.join("embedded_examples.rs"), examples).unwrap();
}
