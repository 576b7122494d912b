//! Output writer: bytes → a file, written to a temporary name beside it and renamed into place.
//!
//! Guarantees: a reader never sees a half-written file; when writing fails nothing is left
//! behind (the temporary file is removed); errors name the path and suggest the usual cause
//! on Windows (the file is open in Excel or WPS). Files are not fsync'ed: every output can be
//! regenerated from the inputs, and a thousand fsyncs would dominate `issue`'s run time.

mod lock;
mod manifest;
mod staging;

pub use manifest::{MANIFEST, Manifest, Writer};
pub use staging::{
    Abandoned, EDITED_DIR, StageError, Staging, abandon_all, refuse_overlap, shown, stopping,
};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why an output could not be written.
#[derive(Debug, Error)]
pub enum OutputError {
    /// Could not create the folder.
    #[error("无法创建输出目录 {}：{}", shown(path).display(), crate::domain::io_text(error))]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The OS error (shown through [`crate::domain::io_text`]).
        error: std::io::Error,
    },
    /// Could not write or rename the file.
    #[error("无法写入 {}：{}{}", shown(path).display(), crate::domain::io_text(error), open_hint(error))]
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error (shown through [`crate::domain::io_text`]).
        error: std::io::Error,
    },
}

impl OutputError {
    /// Whether the disk is full.
    pub fn is_full(&self) -> bool {
        let e = match self {
            OutputError::CreateDir { error, .. } | OutputError::Write { error, .. } => error,
        };
        e.kind() == std::io::ErrorKind::StorageFull
    }
}

/// The usual cause on Windows, when the error could be it.
fn open_hint(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ResourceBusy => {
            "（如该文件正在 Excel 或 WPS 中打开，请先关闭）"
        }
        _ => "",
    }
}

/// Writes `bytes` to `path` atomically, creating the parent folder when needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// A file that, once a write has failed, accepts and drops everything after: the writer that
/// failed (a zip archive) may try to finish itself when it is dropped, and would print its
/// own English complaint about the second failure. The first error is kept and reported.
pub struct OutFile {
    file: fs::File,
    failed: Option<(std::io::ErrorKind, Option<i32>)>,
}

impl OutFile {
    fn note<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r {
            self.failed.get_or_insert((e.kind(), e.raw_os_error()));
        }
        r
    }

    fn first_error(&self) -> Option<std::io::Error> {
        self.failed.map(|(kind, os)| match os {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::from(kind),
        })
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Ok(buf.len());
        }
        let r = self.file.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_some() {
            return Ok(());
        }
        let r = self.file.flush();
        self.note(r)
    }
}

impl std::io::Seek for OutFile {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        if self.failed.is_some() {
            return Ok(0);
        }
        let r = self.file.seek(pos);
        self.note(r)
    }
}

/// Like [`write_atomic`], for a writer that streams into the file itself (a large workbook is
/// never held in memory as a whole).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut OutFile) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|error| OutputError::CreateDir {
        path: parent.clone(),
        error,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp = parent.join(temporary_name(&name));
    let err = |error| OutputError::Write {
        path: path.to_path_buf(),
        error,
    };
    let result = (|| {
        let mut f = OutFile {
            file: fs::File::create(&tmp)?,
            failed: None,
        };
        let wrote = write(&mut f);
        if let Some(first) = f.first_error() {
            return Err(first);
        }
        wrote?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

/// `.{name}.{pid}.tmp`, its name part cut (at a character) so that the whole stays within
/// the 255 bytes a file name may have, however long the final name is.
fn temporary_name(name: &str) -> String {
    let suffix = format!(".{}.tmp", std::process::id());
    let room = 250 - suffix.len() - 1;
    let mut cut = name.len().min(room);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}{suffix}", &name[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_fits_whatever_the_final_name() {
        let long = format!("2021_001_{}_部门整体绩效自评表.xlsx", "很".repeat(70));
        assert!(long.len() <= 255);
        let tmp = temporary_name(&long);
        assert!(tmp.len() <= 255, "{}", tmp.len());
        assert!(tmp.starts_with(".2021_001_很"));
    }

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("子目录").join("汇总.xlsx");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn failure_names_the_path_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename cannot replace it.
        let p = dir.path().join("occupied.xlsx");
        fs::create_dir(&p).unwrap();
        fs::write(p.join("x"), b"x").unwrap();
        let e = write_atomic(&p, b"data").unwrap_err().to_string();
        assert!(e.contains("occupied.xlsx"), "{e}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
