//! Writing files so that a failure never destroys what was there: used by
//! exports, `--output` and saving architectures.

use std::io::Write as _;
use std::path::Path;

/// A file that could not be written; the earlier file, if any, is intact.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    pub source: std::io::Error,
}

/// Write a file so that a failure never leaves a half-written file behind:
/// the bytes go to a temporary file beside it, which is then renamed over
/// the target. An earlier file at `path` survives any failure.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and useless now.
        std::fs::remove_file(&temp).ok();
    }
    result.map_err(|source| WriteError {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_the_old_file_when_the_directory_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"first").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let bad = dir.path().join("missing").join("out.csv");
        let error = write_atomic(&bad, b"x").unwrap_err().to_string();
        assert!(error.starts_with("could not write"), "{error}");
        // No temporary files are left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
