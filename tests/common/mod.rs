//! Helpers shared by the integration tests: running the built binary and
//! working on a private copy of the catalog.
#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serverless_atlas::catalog::Catalog;

/// Run the built binary.
pub fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_serverless-atlas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Run and expect exit 0 with nothing on stderr; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let output = atlas(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} failed: {}",
        stderr(&output)
    );
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    stdout(&output)
}

pub fn builtin() -> Catalog {
    Catalog::builtin().expect("the built-in catalog loads")
}

pub fn catalogs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A private copy of the shipped catalog directory.
pub fn copy_catalog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&catalogs_dir(), dir.path());
    dir
}

/// Replace the first occurrence of `from` in a catalog file (which must contain it).
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A service month with nothing in it (one delivery per request), for tests
/// that set only the inputs a rule reads.
pub fn zero_service_usage() -> serverless_atlas::cost::ServiceUsage {
    serverless_atlas::cost::ServiceUsage {
        requests: 0.0,
        payload_kb: 0.0,
        storage_gb: 0.0,
        writes: 0.0,
        reads: 0.0,
        egress_gb: 0.0,
        duration_ms: 0.0,
        memory_mb: 0.0,
        deliveries: 1.0,
        steps: 0.0,
        connection_minutes: 0.0,
        instances: 0.0,
    }
}
