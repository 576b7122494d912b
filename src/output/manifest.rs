//! The manifest: what jixiao wrote in an output folder → [`Manifest`] (`.jixiao-manifest`).
//!
//! One line per file jixiao wrote, with its content digest, after a header naming the
//! command that wrote the folder (`collect`, `issue`) and the parts it left as they were
//! (`报告/` when a run wrote no drafts). A later run removes or replaces only files listed
//! here whose bytes are still the ones written; a file a person edited since is kept. A
//! manifest of an earlier version (paths only) lists files without digests: they count as
//! unedited.

use std::collections::BTreeMap;
use std::path::Path;

/// The manifest's file name.
pub const MANIFEST: &str = ".jixiao-manifest";

/// Which command writes a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// `collect`: the consolidated results.
    Collect,
    /// `issue`: the templates.
    Issue,
}

impl Writer {
    fn tag(self) -> &'static str {
        match self {
            Writer::Collect => "collect",
            Writer::Issue => "issue",
        }
    }

    /// What users call the folder it writes.
    pub fn label(self) -> &'static str {
        match self {
            Writer::Collect => "汇总结果",
            Writer::Issue => "模板",
        }
    }
}

/// A folder's manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// The command that wrote it (`None` for a manifest of an earlier version).
    pub writer: Option<Writer>,
    /// Parts (`报告/`) the run left as an earlier run wrote them.
    pub carried: Vec<String>,
    /// Each file written (relative path with `/`) and its digest (`None`: not recorded).
    pub files: BTreeMap<String, Option<String>>,
}

impl Manifest {
    /// The manifest of folder `dir`, if it has one.
    pub fn of(dir: &Path) -> Option<Manifest> {
        let text = std::fs::read_to_string(dir.join(MANIFEST)).ok()?;
        Some(Manifest::parse(&text))
    }

    /// Reads a manifest's text.
    pub fn parse(text: &str) -> Manifest {
        let mut m = Manifest::default();
        for line in text.lines() {
            if let Some(head) = line.strip_prefix("# jixiao ") {
                m.writer = match head.trim() {
                    "collect" => Some(Writer::Collect),
                    "issue" => Some(Writer::Issue),
                    _ => None,
                };
            } else if let Some(part) = line.strip_prefix("# carry ") {
                m.carried.push(part.trim().to_string());
            } else if !line.is_empty() && !line.starts_with('#') {
                let (path, digest) = match line.split_once('\t') {
                    Some((p, d)) => (p, Some(d.trim().to_string())),
                    None => (line, None),
                };
                m.files.insert(path.to_string(), digest);
            }
        }
        m
    }

    /// The manifest as text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(w) = self.writer {
            out.push_str(&format!("# jixiao {}\n", w.tag()));
        }
        for c in &self.carried {
            out.push_str(&format!("# carry {c}\n"));
        }
        for (path, digest) in &self.files {
            match digest {
                Some(d) => out.push_str(&format!("{path}\t{d}\n")),
                None => out.push_str(&format!("{path}\n")),
            }
        }
        out
    }

    /// Whether `rel` is listed, and its bytes in `dir` are still the ones written (or no
    /// digest was recorded).
    pub fn unedited(&self, dir: &Path, rel: &str) -> bool {
        match self.files.get(rel) {
            None => false,
            Some(None) => true,
            Some(Some(d)) => std::fs::read(dir.join(rel))
                .map(|b| crate::domain::content_digest(&b) == *d)
                .unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_old_ones_still_read() {
        let mut m = Manifest {
            writer: Some(Writer::Collect),
            carried: vec!["报告/".into()],
            ..Manifest::default()
        };
        m.files.insert(
            "审核意见/001_甲.txt".into(),
            Some("0123456789abcdef".into()),
        );
        assert_eq!(Manifest::parse(&m.text()), m);
        let old = Manifest::parse("summary.json\n审核意见/001_甲.txt\n");
        assert_eq!(old.writer, None);
        assert_eq!(old.files.get("summary.json"), Some(&None));
    }

    #[test]
    fn an_edited_file_is_told_from_an_unedited_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "written").unwrap();
        let mut m = Manifest::default();
        m.files.insert(
            "a.txt".into(),
            Some(crate::domain::content_digest(b"written")),
        );
        assert!(m.unedited(dir.path(), "a.txt"));
        std::fs::write(dir.path().join("a.txt"), "edited").unwrap();
        assert!(!m.unedited(dir.path(), "a.txt"));
        assert!(!m.unedited(dir.path(), "mine.txt"));
    }
}
