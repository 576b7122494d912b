//! All or nothing: a run writes its whole output into a staging folder beside the output
//! folder (same volume), and only a complete run replaces the output with it.
//!
//! - [`Staging::begin`] takes the output's lock (a file beside it naming the process, machine
//!   and start time; a lock whose process is gone is taken over), mends what a killed run left
//!   (a staging folder is removed; a half-done swap is finished or undone), and creates the
//!   staging folder.
//! - The run writes into [`Staging::dir`].
//! - [`Staging::commit`] swaps the folders by two renames and moves the user's own files
//!   (everything not listed in the previous run's manifest) into the new output. Afterwards
//!   the output holds exactly what this run wrote plus the user's files.
//! - Dropping an uncommitted `Staging` (an error, Ctrl+C) removes the staging folder: the
//!   previous result stays as it was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file in an output folder that lists what jixiao wrote there (one relative path per
/// line), so that a later run knows which files are the user's own.
pub const MANIFEST: &str = ".jixiao-manifest";

/// Why a run could not start or finish its output.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// Another run holds the output.
    #[error("另一个 jixiao 正在写入 {}（{holder}），请等它结束后再运行；如确定没有在运行，请删除 {}", path.display(), lock.display())]
    Busy {
        /// The output folder.
        path: PathBuf,
        /// Who holds it, as its lock says.
        holder: String,
        /// The lock file.
        lock: PathBuf,
    },
    /// The file system refused.
    #[error("无法写入输出目录 {}：{}", path.display(), crate::domain::io_text(error))]
    Io {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The output path is a file.
    #[error("输出路径 {} 是一个文件，不是目录；请换一个目录名", path.display())]
    NotADirectory {
        /// The path.
        path: PathBuf,
    },
}

/// Staging folders and locks of the runs in progress, for [`abandon_all`].
static ACTIVE: std::sync::Mutex<Vec<(PathBuf, PathBuf)>> = std::sync::Mutex::new(Vec::new());

/// Removes every staging folder and lock of this process (on Ctrl+C, before exiting): the
/// previous results stay as they were.
pub fn abandon_all() {
    let active = match ACTIVE.lock() {
        Ok(a) => a.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for (dir, lock) in active {
        let _ = fs::remove_dir_all(dir);
        let _ = fs::remove_file(lock);
    }
}

fn register(dir: &Path, lock: &Path, active: bool) {
    let mut a = match ACTIVE.lock() {
        Ok(a) => a,
        Err(poisoned) => poisoned.into_inner(),
    };
    a.retain(|(d, _)| d != dir);
    if active {
        a.push((dir.to_path_buf(), lock.to_path_buf()));
    }
}

/// A run's staging folder for one output folder.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    lock: PathBuf,
    committed: bool,
    /// What was mended from an earlier run, for a 提示 on the terminal.
    pub notes: Vec<String>,
}

fn sibling(target: &Path, what: &str) -> PathBuf {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    parent.join(format!(".{name}.jixiao-{what}"))
}

/// Whether the process that wrote a lock is still running (on Linux, by /proc; elsewhere a
/// lock is trusted for 12 hours).
fn alive(pid: u32, started: u64) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new(&format!("/proc/{pid}")).exists();
    }
    let now = crate::domain::unix_secs(std::time::SystemTime::now()).max(0) as u64;
    now.saturating_sub(started) < 12 * 3600
}

impl Staging {
    /// Takes the lock of `target`, mends leftovers of a killed run, creates the staging folder.
    /// `holder` says who this run is (shown to a second run).
    pub fn begin(target: &Path, holder: &str) -> Result<Self, StageError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StageError::Io { path, error }
        };
        if target.is_file() {
            return Err(StageError::NotADirectory {
                path: target.to_path_buf(),
            });
        }
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let lock = sibling(target, "lock");
        let mut notes = Vec::new();
        let pid = std::process::id();
        let started = crate::domain::unix_secs(std::time::SystemTime::now()).max(0) as u64;
        let text = format!("{pid}\n{started}\n{holder}\n");
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock)
            {
                Ok(mut f) => {
                    f.write_all(text.as_bytes()).map_err(io(&lock))?;
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let held = fs::read_to_string(&lock).unwrap_or_default();
                    let mut lines = held.lines();
                    let other: u32 = lines.next().and_then(|l| l.parse().ok()).unwrap_or(0);
                    let since: u64 = lines.next().and_then(|l| l.parse().ok()).unwrap_or(0);
                    let who = lines.next().unwrap_or("").to_string();
                    let holder = format!(
                        "进程 {other}，{who}，开始于 {}",
                        crate::domain::beijing_time(since as i64)
                    );
                    if other != 0 && alive(other, since) {
                        return Err(StageError::Busy {
                            path: target.to_path_buf(),
                            holder,
                            lock,
                        });
                    }
                    notes.push(format!("上次运行（{holder}）没有正常结束，已接管其锁"));
                    fs::remove_file(&lock).map_err(io(&lock))?;
                }
                Err(e) => return Err(io(&lock)(e)),
            }
        }
        let mut staging = Self {
            target: target.to_path_buf(),
            dir: sibling(target, &format!("new-{pid}")),
            old: sibling(target, &format!("old-{pid}")),
            lock,
            committed: false,
            notes,
        };
        register(&staging.dir, &staging.lock, true);
        staging.mend()?;
        fs::create_dir_all(&staging.dir).map_err(io(&staging.dir))?;
        Ok(staging)
    }

    /// Mends what a killed run left beside the output: staging folders are removed; an old
    /// output left by a swap that stopped halfway is put back, or its user files moved over.
    fn mend(&mut self) -> Result<(), StageError> {
        let parent = self.target.parent().filter(|p| !p.as_os_str().is_empty());
        let parent = parent
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let prefix = sibling(&self.target, "")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(entries) = fs::read_dir(&parent) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(&prefix) else {
                continue;
            };
            let path = entry.path();
            let io = |error| StageError::Io {
                path: path.clone(),
                error,
            };
            if rest.starts_with("new-") {
                fs::remove_dir_all(&path).map_err(io)?;
                self.notes
                    .push("已删除上次中断的运行留下的临时目录，上次完整的结果未受影响".into());
            } else if rest.starts_with("old-") {
                if self.target.exists() {
                    move_user_files(&path, &self.target).map_err(io)?;
                    fs::remove_dir_all(&path).map_err(io)?;
                } else {
                    fs::rename(&path, &self.target).map_err(io)?;
                }
                self.notes
                    .push("上次运行在替换结果时中断，已恢复为完整的结果".into());
            }
        }
        Ok(())
    }

    /// The folder this run writes into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The output folder the run replaces.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Replaces the output with what this run wrote, keeping the user's own files.
    pub fn commit(mut self) -> Result<(), StageError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StageError::Io { path, error }
        };
        // The manifest of this run.
        let mut written = Vec::new();
        list_files(&self.dir, &self.dir, &mut written).map_err(io(&self.dir))?;
        written.sort();
        let mut manifest = String::new();
        for w in &written {
            manifest.push_str(w);
            manifest.push('\n');
        }
        fs::write(self.dir.join(MANIFEST), manifest).map_err(io(&self.dir))?;
        if self.target.exists() {
            fs::rename(&self.target, &self.old).map_err(io(&self.target))?;
            fs::rename(&self.dir, &self.target).map_err(io(&self.target))?;
            move_user_files(&self.old, &self.target).map_err(io(&self.old))?;
            fs::remove_dir_all(&self.old).map_err(io(&self.old))?;
        } else {
            fs::rename(&self.dir, &self.target).map_err(io(&self.target))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        let _ = fs::remove_file(&self.lock);
        register(&self.dir, &self.lock, false);
    }
}

/// Every file below `dir`, as paths relative to `root` with `/`.
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Whether a file of an old output is jixiao's (listed in its manifest, or, for an output
/// written before manifests, one of the names jixiao writes).
fn is_ours(rel: &str, manifest: Option<&[String]>) -> bool {
    use crate::layout::consolidated::{DEPARTMENT_DIR, FEEDBACK_DIR, SUMMARY_FILE};
    if rel == MANIFEST {
        return true;
    }
    match manifest {
        Some(list) => list.iter().any(|m| m == rel),
        None => {
            rel == SUMMARY_FILE
                || rel.starts_with(&format!("{DEPARTMENT_DIR}/"))
                // Letters are named 编码_名称.txt; a user's own note there has no `_`.
                || (rel.starts_with(&format!("{FEEDBACK_DIR}/"))
                    && rel.ends_with(".txt")
                    && rel.contains('_'))
                || rel.ends_with("部门整体绩效评价汇总.xlsx")
                || rel.ends_with("部门整体绩效自评表.xlsx")
                || rel.contains(".tmp")
        }
    }
}

/// Moves the files of `old` that are the user's own (not jixiao's) into `new`, unless this run
/// wrote a file of that name.
fn move_user_files(old: &Path, new: &Path) -> std::io::Result<()> {
    let manifest: Option<Vec<String>> = fs::read_to_string(old.join(MANIFEST))
        .ok()
        .map(|t| t.lines().map(String::from).collect());
    let mut files = Vec::new();
    list_files(old, old, &mut files)?;
    for rel in files {
        if is_ours(&rel, manifest.as_deref()) {
            continue;
        }
        let to = new.join(&rel);
        if to.exists() {
            continue;
        }
        let from = old.join(&rel);
        let moved = to
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::rename(&from, &to));
        if moved.is_err() {
            // The user's file clashes with a folder of this run's output: it is kept beside
            // it under the top-level name with （原有） added, never lost.
            let top = rel.split('/').next().unwrap_or(&rel);
            let kept = new.join(format!("{top}（原有）"));
            if !kept.exists() {
                fs::rename(old.join(top), &kept)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<String> {
        let mut v = Vec::new();
        list_files(dir, dir, &mut v).unwrap();
        v.sort();
        v
    }

    #[test]
    fn a_complete_run_replaces_the_output_and_keeps_the_users_files() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        let s = Staging::begin(&out, "测试").unwrap();
        fs::write(s.dir().join("summary.json"), "one").unwrap();
        fs::create_dir_all(s.dir().join("审核意见")).unwrap();
        fs::write(s.dir().join("审核意见/001_甲.txt"), "a").unwrap();
        fs::write(s.dir().join("审核意见/002_乙.txt"), "b").unwrap();
        s.commit().unwrap();
        fs::write(out.join("处长的备注.txt"), "mine").unwrap();

        let s = Staging::begin(&out, "测试").unwrap();
        fs::write(s.dir().join("summary.json"), "two").unwrap();
        fs::create_dir_all(s.dir().join("审核意见")).unwrap();
        fs::write(s.dir().join("审核意见/001_甲.txt"), "a2").unwrap();
        s.commit().unwrap();
        assert_eq!(
            tree(&out),
            [
                MANIFEST,
                "summary.json",
                "处长的备注.txt",
                "审核意见/001_甲.txt"
            ],
            "002's letter of the earlier run is gone, the user's note stays"
        );
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "two");
        assert_eq!(
            fs::read_dir(root.path()).unwrap().count(),
            1,
            "nothing beside it"
        );
    }

    #[test]
    fn an_uncommitted_run_leaves_the_previous_result_and_a_second_run_waits() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        let s = Staging::begin(&out, "测试").unwrap();
        fs::write(s.dir().join("summary.json"), "one").unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&out, "第一次").unwrap();
        fs::write(s.dir().join("summary.json"), "half").unwrap();
        let second = Staging::begin(&out, "第二次").unwrap_err().to_string();
        assert!(
            second.contains("另一个 jixiao 正在写入") && second.contains("第一次"),
            "{second}"
        );
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_of_a_killed_run_are_mended() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        let s = Staging::begin(&out, "测试").unwrap();
        fs::write(s.dir().join("summary.json"), "one").unwrap();
        s.commit().unwrap();
        // A killed run: its staging folder, and a lock of a process that is gone.
        let dead = sibling(&out, "new-999999");
        fs::create_dir_all(&dead).unwrap();
        fs::write(dead.join("summary.json"), "half").unwrap();
        fs::write(sibling(&out, "lock"), "999999\n0\n别的电脑\n").unwrap();
        let s = Staging::begin(&out, "测试").unwrap();
        assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        // A swap killed between its two renames: the old output is put back.
        fs::rename(&out, sibling(&out, "old-999999")).unwrap();
        let s = Staging::begin(&out, "测试").unwrap();
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }
}
